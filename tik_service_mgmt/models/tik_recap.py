# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The monthly recap of the service desk (evidence for the SPBE evaluation, indicator
"Manajemen Layanan SPBE") and the figures of the IKM report, computed set-based: one
grouped query per table of the recap, whatever the number of tickets."""
import base64
import datetime
import io
import re

import xlsxwriter

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..lib import ikm as skm
from ..lib import workflow
from .utils import RECORD_LANG, selection_label

MONTH = re.compile(r'^(\d{4})-(0[1-9]|1[0-2])$')
# Who reads the reports of the service desk.
READERS = ('tik_service_mgmt.group_head', 'tik_service_mgmt.group_manager')
# The dimensions tickets are counted by.
DIMENSIONS = ('service_id', 'division_id', 'unit_id', 'channel')
# The journal actions the recap lists with their reason.
REASONED = ('reject', 'return_to_helpdesk')
PARAM_MAILED = 'tik_service_mgmt.recap_mailed'
# Journal lines that complete no step of the SOP: the records of links and outages and
# the restoring of a duplicate.
NOT_STEPS = workflow.RECORDS + ('restore',)


def _sheet(book, name, header, rows, bold):
    sheet = book.add_worksheet(name)
    sheet.write_row(0, 0, header, bold)
    for index, row in enumerate(rows, 1):
        sheet.write_row(index, 0, row)
    sheet.set_column(0, 0, 32)
    sheet.set_column(1, len(header), 16)
    return sheet


def utcnow():
    """The current UTC time (a function of its own, for the tests' clock)."""
    return datetime.datetime.utcnow()


def month_of(value):
    """(year, month) of a 'YYYY-MM' text, or None."""
    found = MONTH.match(value or '') if isinstance(value, str) else None
    return (int(found.group(1)), int(found.group(2))) if found else None


def next_month(year, month):
    return (year + 1, 1) if month == 12 else (year, month + 1)


class TikRecap(models.AbstractModel):
    """The figures of the monthly recap and of the IKM report."""

    _name = 'tik.recap'
    _description = 'Service Desk Recap'

    @api.model
    def _check_reader(self):
        user = self.env.user
        if not (self.env.uid == SUPERUSER_ID or any(user.has_group(group) for group in READERS)):
            raise AccessError(_('Only the agency head and the service manager read the '
                                'reports of the service desk.'))

    @api.model
    def _local_bounds(self, date_from, date_to):
        """UTC datetime strings of the local start of `date_from` and the local end of
        `date_to` (dates, 'YYYY-MM-DD'): [start, end)."""
        calendar = self.env['tik.ticket']._work_calendar()
        first = fields.Date.from_string(date_from)
        after = fields.Date.from_string(date_to) + datetime.timedelta(days=1)
        start = calendar.to_utc(datetime.datetime.combine(first, datetime.time()))
        end = calendar.to_utc(datetime.datetime.combine(after, datetime.time()))
        return fields.Datetime.to_string(start), fields.Datetime.to_string(end)

    @api.model
    def _month_dates(self, month):
        """First and last day ('YYYY-MM-DD') of month 'YYYY-MM'."""
        parsed = month_of(month)
        if not parsed:
            raise UserError(_('Name the month as YYYY-MM, e.g. 2026-11.'))
        first = datetime.date(parsed[0], parsed[1], 1)
        following = datetime.date(*next_month(*parsed), 1)
        return (fields.Date.to_string(first),
                fields.Date.to_string(following - datetime.timedelta(days=1)))

    @staticmethod
    def _between(name, bounds):
        return [(name, '>=', bounds[0]), (name, '<', bounds[1])]

    @staticmethod
    def _key(value):
        """A read_group value as (id or value, label)."""
        if isinstance(value, tuple):
            return value[0], value[1]
        return value, value

    # --- the monthly recap ---------------------------------------------------------

    @api.model
    def recap(self, month):
        """The recap's figures for month 'YYYY-MM' (agency head, service manager)."""
        self._check_reader()
        # pylint: disable=self-cls-assignment
        self = self.sudo().with_context(lang=RECORD_LANG, active_test=False)
        date_from, date_to = self._month_dates(month)
        bounds = self._local_bounds(date_from, date_to)
        year, number = month_of(month)
        figures = {
            'month': month, 'date_from': date_from, 'date_to': date_to,
            'month_label': '%s %d' % (self._month_name(number), year),
            'counts': self._ticket_counts(bounds),
            'steps': self._step_figures(bounds),
            'tickets': self._ticket_time_figures(bounds),
            'reasons': self._reasons(bounds),
            'duplicates': self._duplicate_figures(bounds),
            'ikm': self.env['tik.survey.response']._ikm_figures(
                self._between('date_submitted', bounds)),
            'seals': self._seals(month),
        }
        figures['elements'] = self._element_rows(figures['ikm'])
        return figures

    @api.model
    def _month_name(self, number):
        names = [_('January'), _('February'), _('March'), _('April'), _('May'), _('June'),
                 _('July'), _('August'), _('September'), _('October'), _('November'),
                 _('December')]
        return names[number - 1]

    def _ticket_counts(self, bounds):
        """{dimension: [(label, filed, closed, rejected)]}: tickets filed in the month
        (their step 1 line, which names the channel) and ended in it."""
        Line = self.env['tik.ticket.step']
        Ticket = self.env['tik.ticket']
        filed_domain = [('sop_step_id.sequence', '=', 1)] + self._between('date_start', bounds)
        ended_domain = [('state', 'in', workflow.SERVED)] + self._between('date_closed', bounds)
        counts = {}
        for dimension in DIMENSIONS:
            rows = {}

            def row(value, dimension=dimension):
                key, label = self._key(value)
                if not key:
                    label = _('(none)')
                elif dimension == 'channel':
                    label = selection_label(Ticket, 'channel', key)
                return rows.setdefault(key or False, [label, 0, 0, 0])
            for group in Line.read_group(filed_domain, [dimension], [dimension]):
                row(group[dimension])[1] += group['%s_count' % dimension]
            for group in Ticket.read_group(ended_domain, [dimension, 'state'],
                                           [dimension, 'state'], lazy=False):
                row(group[dimension])[2 if group['state'] == 'closed' else 3] += \
                    group['__count']
            counts[dimension] = sorted((tuple(r) for r in rows.values()),
                                       key=lambda r: (-r[1] - r[2] - r[3], r[0]))
        return counts

    def _step_figures(self, bounds):
        """Per SOP step 2-7, the lines completed in the month: how many, how many
        within the time standard, their mean working hours, reworks asked and
        escalations of the step in the month."""
        Line = self.env['tik.ticket.step']
        steps = self.env['tik.sop.step'].search([('sequence', '>', 1)], order='sequence')
        done = [('sop_step_id.sequence', '>', 1), ('sla_status', 'in', ('met', 'missed')),
                ('event', '=', False), ('action', 'not in', NOT_STEPS)] + \
            self._between('date_done', bounds)
        by_step = {step.id: {'step': step, 'sequence': step.sequence, 'name': step.name,
                             'done': 0, 'met': 0, 'hours': 0.0, 'reworks': 0,
                             'escalations': 0, 'waits': 0, 'waited': 0.0}
                   for step in steps}
        for group in Line.read_group(done, ['sop_step_id', 'sla_status'],
                                     ['sop_step_id', 'sla_status'],
                                     lazy=False):
            figures = by_step.get(group['sop_step_id'][0])
            if figures:
                figures['done'] += group['__count']
                if group['sla_status'] == 'met':
                    figures['met'] += group['__count']
        for group in Line.read_group(done, ['sop_step_id', 'hours_taken'], ['sop_step_id']):
            figures = by_step.get(group['sop_step_id'][0])
            if figures:
                figures['hours'] = group['hours_taken'] or 0.0
        reworks = [('action', '=', 'request_rework')] + self._between('date_done', bounds)
        for group in Line.read_group(reworks, ['sop_step_id'], ['sop_step_id']):
            figures = by_step.get(group['sop_step_id'][0])
            if figures:
                figures['reworks'] = group['sop_step_id_count']
        escalated = self._between('date_escalated', bounds)
        for group in Line.read_group(escalated, ['sop_step_id'], ['sop_step_id']):
            figures = by_step.get(group['sop_step_id'][0])
            if figures:
                figures['escalations'] = group['sop_step_id_count']
        # Waits apart: the waits ended in the month and their working hours.
        waits = [('event', '=', 'resume')] + self._between('date_done', bounds)
        for group in Line.read_group(waits, ['sop_step_id', 'hours_waited'],
                                     ['sop_step_id']):
            figures = by_step.get(group['sop_step_id'][0])
            if figures:
                figures['waits'] = group['sop_step_id_count']
                figures['waited'] = group['hours_waited'] or 0.0
        rows = [by_step[step.id] for step in steps]
        for figures in rows:
            figures['share'] = (100.0 * figures['met'] / figures['done']
                                if figures['done'] else None)
        return rows

    def _ticket_time_figures(self, bounds):
        """Tickets ended in the month and how many met every step's time standard."""
        Ticket = self.env['tik.ticket']
        ended = [('state', 'in', workflow.SERVED)] + self._between('date_closed', bounds)
        figures = {'ended': 0, 'met': 0, 'reworked': 0}
        for group in Ticket.read_group(ended, ['step_missed'], ['step_missed']):
            figures['ended'] += group['step_missed_count']
            if not group['step_missed']:
                figures['met'] += group['step_missed_count']
        reworked = [('action', '=', 'request_rework')] + self._between('date_done', bounds)
        figures['reworked'] = len(self.env['tik.ticket.step'].read_group(
            reworked, ['ticket_id'], ['ticket_id']))
        figures['share'] = (100.0 * figures['met'] / figures['ended']
                            if figures['ended'] else None)
        return figures

    def _duplicate_figures(self, bounds):
        """Tickets ended in the month as part of another, not services delivered: how
        many, how many of them attached to a mass outage, and the outages marked."""
        Ticket = self.env['tik.ticket']
        ended = [('state', '=', 'duplicate')] + self._between('date_closed', bounds)
        return {
            'ended': Ticket.search_count(ended),
            'outage': Ticket.search_count(ended + [('duplicate_of_id.outage', '=', True)]),
            'outages': self.env['tik.ticket.step'].search_count(
                [('action', '=', 'outage')] + self._between('date_done', bounds)),
        }

    def _reasons(self, bounds):
        """Rejections and returns to the helpdesk of the month, with their reasons."""
        Line = self.env['tik.ticket.step']
        Ticket = self.env['tik.ticket']
        lines = Line.search([('action', 'in', REASONED)] + self._between('date_done', bounds),
                            order='date_done, id')
        return [{'number': line.ticket_id.number,
                 'action': line.action,
                 'action_label': selection_label(line, 'action', line.action),
                 'date': Ticket._format_local(line.date_done),
                 'user': line.user_id.name or '',
                 'reason': (line.note or '').strip()} for line in lines]

    def _element_rows(self, figures):
        return [{'field': field, 'name': name, 'nrr': figures['elements'][index],
                 'weighted': figures['weighted'][index]}
                for index, (field, name, _question, _answers) in enumerate(skm.ELEMENTS)]

    def _seals(self, month):
        """The journal seals of the month, oldest first: [(day, digest, heads)]."""
        return [(seal.day, seal.digest, seal.heads_count)
                for seal in self.env['tik.journal.seal'].for_month(month)]

    @api.model
    def _workbook(self, figures):
        """The recap `figures` (`recap`) as an XLSX file, in the context's language:
        one sheet per table of the printed recap, numbers as numbers."""
        output = io.BytesIO()
        # What users wrote (reasons, names) is text, never a formula or a link.
        book = xlsxwriter.Workbook(output, {
            'in_memory': True, 'strings_to_formulas': False, 'strings_to_urls': False})
        bold = book.add_format({'bold': True})
        labels = {'service_id': _('Service'), 'division_id': _('Division'),
                  'unit_id': _('Unit (OPD)'), 'channel': _('Channel')}
        tickets = [(labels[dimension], row[0], row[1], row[2], row[3])
                   for dimension in DIMENSIONS for row in figures['counts'][dimension]]
        sheet = _sheet(book, _('Tickets'), [_('Grouped by'), _('Value'), _('Filed'),
                                            _('Closed'), _('Rejected')], tickets, bold)
        sheet.set_column(1, 1, 40)
        _sheet(book, _('SOP Steps'), [
            _('Step'), _('SOP step'), _('Completed'), _('Within time standard'),
            _('Share within (%)'), _('Mean working hours'), _('Reworks requested'),
            _('Escalations'), _('Waits for the requester'), _('Working hours waited')], [
            (step['sequence'], step['name'], step['done'], step['met'],
             round(step['share'], 2) if step['share'] is not None else '',
             round(step['hours'], 2), step['reworks'], step['escalations'],
             step['waits'], round(step['waited'], 2))
            for step in figures['steps']], bold)
        times = figures['tickets']
        _sheet(book, _('Tickets Ended'), [_('Figure'), _('Value')], [
            (_('Tickets ended this month'), times['ended']),
            (_('of which every step within its time standard'), times['met']),
            (_('Share of tickets within the time standards (%)'),
             round(times['share'], 2) if times['share'] is not None else ''),
            (_('Tickets sent back for rework this month'), times['reworked']),
            (_('Tickets ended as part of another (not counted as services)'),
             figures['duplicates']['ended']),
            (_('of which reports of a mass outage'), figures['duplicates']['outage']),
            (_('Mass outages marked this month'), figures['duplicates']['outages'])], bold)
        _sheet(book, _('Reasons'), [_('Date'), _('Ticket'), _('Decision'), _('By'),
                                    _('Reason')],
               [(line['date'], line['number'], line['action_label'], line['user'],
                 line['reason']) for line in figures['reasons']], bold)
        ikm = figures['ikm']
        _sheet(book, _('IKM'), [_('Figure'), _('Value')], [
            (_('Respondents'), ikm['responses']),
            (_('IKM'), ikm['ikm'] if ikm['responses'] else ''),
            (_('Service quality (grade)'), ikm['grade'] or ''),
            (_('Unit performance'), ikm['performance'] or '')] + [
            ('U%d %s' % (index + 1, element['name']),
             round(element['nrr'], 4) if ikm['responses'] else '')
            for index, element in enumerate(figures['elements'])], bold)
        _sheet(book, _('Journal Seals'), [_('Day'), _('Digest'), _('Journals')],
               [tuple(seal) for seal in figures['seals']], bold)
        book.close()
        return output.getvalue()

    # --- the IKM report -------------------------------------------------------------

    @api.model
    def survey_report(self, date_from, date_to):
        """The IKM report's figures over the responses submitted from `date_from` to
        `date_to` (local dates, both included)."""
        self._check_reader()
        self = self.sudo().with_context(lang=RECORD_LANG)  # pylint: disable=self-cls-assignment
        Response = self.env['tik.survey.response']
        domain = self._between('date_submitted', self._local_bounds(date_from, date_to))
        figures = Response._ikm_figures(domain)
        submitted = domain + [('state', '=', 'submitted')]
        profile = []
        for name in ('age_band', 'sex', 'education', 'occupation'):
            counts = {group[name]: group['%s_count' % name]
                      for group in Response.read_group(submitted, [name], [name])}
            values = [(label, counts.get(key, 0))
                      for key, label in Response._fields[name]._description_selection(
                          self.env)]
            values.append((_('Not stated'), counts.get(False, 0)))
            profile.append((Response._fields[name].get_description(self.env)['string'],
                            values))
        suggestions = [(row['ticket_id'][1], row['suggestion'].strip())
                       for row in Response.search_read(
                           submitted + [('suggestion', '!=', False)],
                           ['ticket_id', 'suggestion'], order='date_submitted, id')
                       if row['suggestion'].strip()]
        return {'date_from': date_from, 'date_to': date_to, 'figures': figures,
                'elements': self._element_rows(figures), 'profile': profile,
                'suggestions': suggestions, 'grades': skm.GRADES}

    # --- the recap by mail ----------------------------------------------------------

    @api.model
    def _cron_mail_recap(self):
        """On the first working day of a month, mails last month's recap to the agency
        head(s), once (ir_cron_recap_mail)."""
        calendar = self.env['tik.ticket']._work_calendar()
        today = calendar.to_local(utcnow()).date()
        first = today.replace(day=1)
        while not calendar.is_working_day(first):
            first += datetime.timedelta(days=1)
        if today < first:
            return False
        last = first.replace(day=1) - datetime.timedelta(days=1)
        month = '%04d-%02d' % (last.year, last.month)
        params = self.env['ir.config_parameter'].sudo()
        if (params.get_param(PARAM_MAILED) or '') >= month:
            return False
        # Without an agency head to mail, the next day's run tries again.
        if not self._mail_recap(month):
            return False
        params.set_param(PARAM_MAILED, month)
        return True

    @api.model
    def _mail_recap(self, month):
        """Mails the recap of `month` as PDF to the users of the agency head group."""
        self = self.with_context(lang=RECORD_LANG)  # pylint: disable=self-cls-assignment
        heads = self.env.ref('tik_service_mgmt.group_head').sudo().users.filtered(
            lambda u: u.active and u.email)
        if not heads:
            return False
        date_from, date_to = self._month_dates(month)
        period = self.env['tik.report.period'].sudo().create(
            {'date_from': date_from, 'date_to': date_to})
        pdf, _kind = self.env.ref('tik_service_mgmt.action_report_recap').sudo(
        ).render_qweb_pdf(period.ids)
        label = self.recap(month)['month_label']
        name = 'Rekap Layanan TIK %s.pdf' % month
        attachment = self.env['ir.attachment'].sudo().create({
            'name': name, 'datas_fname': name, 'datas': base64.b64encode(pdf),
            'res_model': 'tik.report.period', 'res_id': period.id,
            'mimetype': 'application/pdf'})
        company = self.env.user.company_id
        self.env['mail.mail'].sudo().create({
            'subject': _('Monthly recap of the ICT service desk: %s') % label,
            'body_html': '<p>%s</p>' % _('Attached is the monthly recap of the ICT service '
                                         'desk for %s.') % label,
            'email_from': company.email or self.env.user.email or '',
            'recipient_ids': [(6, 0, heads.mapped('partner_id').ids)],
            'attachment_ids': [(6, 0, attachment.ids)],
        })
        return True
