# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One problem, one ticket: a ticket ends as part of another that carries the work
(a duplicate, or one more report of a mass outage), journaled on both; the helpdesk
may restore it; the reporters of the ended tickets follow the carrying one and are
told when it closes. The rules are lib/link.py's."""
import datetime
from collections import OrderedDict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..lib import link, workflow
from .authority import as_workflow
from .tik_ticket_mail import LEAN, NOTICE_LAYOUT, NOTICE_SUBTYPE, NOTICE_TEMPLATE
from .utils import RECORD_LANG, field_label

# The system parameter holding the hint window in hours (data: 24).
HINT_HOURS = 'tik_service_mgmt.duplicate_hint_hours'


class TikTicketLink(models.Model):
    _inherit = 'tik.ticket'  # pylint: disable=consider-merging-classes-inherited

    duplicate_of_id = fields.Many2one(
        'tik.ticket', string='Part of', readonly=True, copy=False, index=True,
        ondelete='restrict', help='The ticket that carries the work of this one.')
    duplicate_ids = fields.One2many(
        'tik.ticket', 'duplicate_of_id', string='Reports Carried', readonly=True,
        help='Tickets ended as part of this one.')
    duplicate_count = fields.Integer(
        string='Reports Carried', compute='_compute_duplicate_count')
    outage = fields.Boolean(
        string='Mass Outage', readonly=True, copy=False, index=True,
        help='The helpdesk marked this ticket as a mass outage of its service: while it '
             'runs, new filings for the service show a notice and further reports are '
             'attached to it.')
    outage_unit_id = fields.Many2one(
        'res.partner', string='Outage of the Link of', readonly=True, copy=False,
        help='An outage of one unit\'s link: only that unit is shown the notice.')
    can_merge = fields.Boolean(compute='_compute_allowed_actions')
    can_restore = fields.Boolean(compute='_compute_allowed_actions')
    can_mark_outage = fields.Boolean(compute='_compute_can_mark_outage')
    hint_ids = fields.Many2many(
        'tik.ticket', string='Possible Duplicates', compute='_compute_hint_ids',
        help='Tickets filed within the configured hours for the same service by the same '
             'reporter or unit, or from the same phone. Nothing is merged by itself.')
    hint_count = fields.Integer(string='Possible Duplicates', compute='_compute_hint_ids')

    def _compute_duplicate_count(self):
        counts = {group['duplicate_of_id'][0]: group['duplicate_of_id_count']
                  for group in self.sudo().read_group(
                      [('duplicate_of_id', 'in', self.ids)], ['duplicate_of_id'],
                      ['duplicate_of_id'])}
        for ticket in self:
            ticket.duplicate_count = counts.get(ticket.id, 0)

    def _compute_can_mark_outage(self):
        for ticket in self:
            ticket.can_mark_outage = not ticket._outage_refusal(check_values=False)

    @api.model
    def _hint_hours(self):
        value = self.env['ir.config_parameter'].sudo().get_param(HINT_HOURS, '24')
        try:
            return max(float(value), 0.0)
        except ValueError:
            return 24.0

    def _compute_hint_ids(self):
        """One search for the whole list: the tickets near each in time that share a
        reporter or unit and a service, or a phone (lib/link.py `hints`)."""
        tickets = self.filtered(lambda t: isinstance(t.id, int) and t.create_date)
        hours = self._hint_hours()
        found = {}
        if tickets and hours:
            window = datetime.timedelta(hours=hours)
            dates = [fields.Datetime.from_string(t.create_date) for t in tickets]
            keys = [('partner_id', 'in', tickets.mapped('partner_id').ids),
                    ('unit_id', 'in', tickets.mapped('unit_id').ids),
                    ('phone', 'in', [p for p in tickets.mapped('phone') if p])]
            rows = self.search_read(
                ['|', '|'] + keys + [
                    ('state', '!=', 'duplicate'),
                    ('create_date', '>=', fields.Datetime.to_string(min(dates) - window)),
                    ('create_date', '<=', fields.Datetime.to_string(max(dates) + window))],
                ['partner_id', 'unit_id', 'service_id', 'phone', 'create_date'])
            found = link.hints([{
                'id': row['id'], 'date': fields.Datetime.from_string(row['create_date']),
                'partner': row['partner_id'] and row['partner_id'][0],
                'unit': row['unit_id'] and row['unit_id'][0],
                'service': row['service_id'] and row['service_id'][0],
                'phone': row['phone']} for row in rows], hours)
        for ticket in self:
            others = [i for i in found.get(ticket.id, []) if i != ticket.id]
            ticket.hint_ids = [(6, 0, others)]
            ticket.hint_count = len(others)

    def _outage_reports(self):
        """The reports an outage proposes to attach: new tickets of its service since
        the hint window before it was filed (of its unit for an outage of a unit's
        link)."""
        self.ensure_one()
        start = fields.Datetime.from_string(self.create_date) - datetime.timedelta(
            hours=self._hint_hours())
        domain = [('state', '=', 'new'), ('id', '!=', self.id),
                  ('service_id', '=', self.service_id.id),
                  ('create_date', '>=', fields.Datetime.to_string(start))]
        if self.outage_unit_id:
            domain.append(('unit_id', '=', self.outage_unit_id.id))
        return self.search(domain)

    @api.model
    def running_outages(self, service_id=None):
        """The running mass outages a requester is shown (portal, /layanan): of
        `service_id` or of every service, for every unit or the user's own.
        [{'number', 'service_id', 'service', 'unit'}], read with sudo: only the
        number and the service leave the server."""
        unit = self.env.user.partner_id.commercial_partner_id
        domain = [('outage', '=', True), ('state', 'not in', workflow.ENDED),
                  '|', ('outage_unit_id', '=', False), ('outage_unit_id', '=', unit.id)]
        if service_id:
            domain.append(('service_id', '=', service_id))
        return [{'number': t.number, 'service_id': t.service_id.id,
                 'service': t.service_id.name, 'unit': t.outage_unit_id.name or ''}
                for t in self.sudo().search(domain, order='id')]

    # --- the guard's part -------------------------------------------------------------

    def _link_refusal(self, carrier):
        """Why this ticket may not end as part of `carrier` (None: may); asked by the
        guard (`_refusal`) once the actor may end it."""
        def linked(ticket):
            ticket = ticket.sudo()
            return link.Linked(ticket.id, ticket.state, ticket.duplicate_of_id.id or None,
                               ticket.sop_id.id)
        if carrier and not self.search_count([('id', '=', carrier.id)]):
            return AccessError(_('You may not read ticket %s: choose a ticket you '
                                 'handle.') % carrier.sudo().number)
        carried = self.sudo().search_count([('duplicate_of_id', '=', self.id)])
        why = link.refusal(linked(self), linked(carrier) if carrier else None, carried)
        if not why:
            return None
        number = carrier.sudo().number if carrier else ''
        return UserError({
            link.MISSING: _('Name the ticket that carries the work of %s.') % self.number,
            link.SELF: _('Ticket %s cannot be part of itself.') % self.number,
            link.CHAIN: _('Ticket %(carrier)s is itself part of %(other)s: end %(number)s '
                          'as part of that one.') % {
                'carrier': number, 'number': self.number,
                'other': carrier.sudo().duplicate_of_id.number or number},
            link.ENDED: _('Ticket %s has ended (closed or rejected): it carries no more '
                          'work. File or choose a running ticket.') % number,
            link.CARRIES: _('Ticket %s carries other reports: restore them first, or end '
                            'the others as part of this one.') % self.number,
        }[why])

    def _outage_refusal(self, reason=None, check_values=True):
        """Why the current user may not mark this ticket as a mass outage (None: may)."""
        if not self._user_is_helpdesk():
            return AccessError(_('Only the helpdesk marks a ticket as a mass outage.'))
        if self.state in workflow.ENDED or self.outage:
            return UserError(_('Ticket %s is already an outage or has ended.') % self.number)
        if not check_values:
            return None
        if not self.service_id:
            return UserError(_('Fill in first: %s.') % field_label(self, 'service_id'))
        if not isinstance(reason, str) or not reason.strip():
            return UserError(_('Give the reason; the requester and the journal keep it.'))
        return None

    # --- actions ----------------------------------------------------------------------

    def _once(self):
        return self.browse(list(OrderedDict.fromkeys(self.ids)))

    @api.multi
    def action_merge(self, target_id=None, reason=None):
        """Ends these tickets as part of ticket `target_id`, with a written reason
        (step 2 by the helpdesk, step 3 by the Kabid of the division). Both journals
        get a sealed line naming the other; the reporters follow the carrying ticket."""
        tickets = self._once()
        valid = isinstance(target_id, int) and not isinstance(target_id, bool)
        carrier = self.browse(target_id if valid else []).sudo().exists()
        for ticket in tickets:
            refusal = ticket._refusal('merge', reason, target=carrier)
            if refusal:
                raise refusal
        now = fields.Datetime.now()
        calendar = self._work_calendar()
        reason = reason.strip()
        for ticket in tickets.with_context(lang=RECORD_LANG):
            note = _('Part of %(number)s: %(reason)s') % {
                'number': carrier.number, 'reason': reason}
            ticket._step('merge', note, now, calendar,
                         sealed={'link_ticket_id': carrier.id},
                         values={'duplicate_of_id': carrier.id})
            ticket._notify_reporter('merge', calendar)
        as_workflow(carrier).with_context(lang=RECORD_LANG)._record_links(
            'link', tickets, reason, now)
        reporters = tickets.sudo().mapped('partner_id') - carrier.partner_id
        if reporters:
            _default, _internal, external = self.env[
                'mail.message.subtype'].default_subtypes(self._name)
            carrier.message_subscribe(partner_ids=reporters.ids, subtype_ids=external.ids)
        return tickets._done(True)

    @api.multi
    def action_restore(self, reason=None):
        """The helpdesk restores tickets ended as part of another by mistake: each goes
        back to step 2, journaled on both tickets."""
        tickets = self._once()
        for ticket in tickets:
            refusal = ticket._refusal('restore', reason)
            if refusal:
                raise refusal
        now = fields.Datetime.now()
        calendar = self._work_calendar()
        for ticket in tickets.with_context(lang=RECORD_LANG):
            carrier = ticket.sudo().duplicate_of_id
            ticket._restore(carrier, reason.strip(), now, calendar)
            as_workflow(carrier).with_context(lang=RECORD_LANG)._record_links(
                'unlink', ticket, reason.strip(), now)
            still = carrier.duplicate_ids.mapped('partner_id') | carrier.partner_id
            gone = ticket.sudo().partner_id - still
            if gone:
                carrier.message_unsubscribe(partner_ids=gone.ids)
        return tickets._done(True)

    def _restore(self, carrier, reason, now, calendar):
        """A line of step 2 sealed at once (the restoring), then step 2 runs again."""
        step = self._sop_step(2)
        line = self._open_step(step, now, calendar, self.journal_length + 1)
        head = {}
        note = _('Restored from %(number)s: %(reason)s') % {
            'number': carrier.number, 'reason': reason}
        as_workflow(line)._seal({
            'user_id': self.env.uid, 'date_done': now, 'action': 'restore',
            'sla_status': 'met', 'note': note, 'link_ticket_id': carrier.id}, head, self)
        head.update(duplicate_of_id=False, date_closed=False)
        self._enter('new', now, calendar, head)
        self._post('%s\n%s' % (_('The ticket is restored to step 2.'), note), 'mail.mt_note')

    @api.multi
    def action_mark_outage(self, reason=None, unit_id=None):
        """The helpdesk marks a running ticket as a mass outage of its service (of one
        unit's link, given `unit_id`): journaled, and shown to new filings."""
        self.ensure_one()
        refusal = self._refusal('outage', reason)
        if refusal:
            raise refusal
        unit = self.env['res.partner'].sudo().browse(
            unit_id if isinstance(unit_id, int) and not isinstance(unit_id, bool) else [])
        if unit_id and not (unit.exists() and unit.is_company):
            raise UserError(_('Choose a unit (OPD) for the outage of its link.'))
        now = fields.Datetime.now()
        ticket = as_workflow(self).with_context(lang=RECORD_LANG)
        ticket.write({'outage': True, 'outage_unit_id': unit.id})
        ticket._record_links('outage', self.browse(), reason.strip(), now)
        self.with_context(lang=RECORD_LANG)._post(
            _('Marked as a mass outage of %(service)s: %(reason)s') % {
                'service': unit.name or self.sudo().service_id.name,
                'reason': reason.strip()}, 'mail.mt_note')
        return self._done(True)

    def _record_links(self, action, others, reason, now):
        """Sealed lines of this ticket's journal that record `action` (workflow.RECORDS)
        for each of `others` (one line without), before its running line, which moves
        after them. Called with the workflow's authority."""
        self.ensure_one()
        running = self.current_step_id
        done = self.step_ids.filtered('hash').sorted(lambda l: (l.position, l.id))
        sop_step = running.sop_step_id or done[-1:].sop_step_id
        texts = {
            'link': _('%(number)s ends as part of this ticket: %(reason)s'),
            'unlink': _('%(number)s is restored and no longer part of this ticket: '
                        '%(reason)s'),
            'outage': _('Marked as a mass outage: %(reason)s'),
        }
        position = self.journal_length
        for other in others or [None]:
            position += 1
            line = self.env['tik.ticket.step'].create({
                'ticket_id': self.id, 'sop_step_id': sop_step.id, 'date_start': now,
                'position': position, 'division_id': self.division_id.id,
                'unit_id': self.unit_id.id, 'service_id': self.service_id.id,
                'sla_status': 'running'})
            line._seal({
                'user_id': self.env.uid, 'date_done': now, 'action': action,
                'sla_status': 'met', 'link_ticket_id': other.id if other else False,
                'note': texts[action] % {'number': other.number if other else '',
                                         'reason': reason}})
        if running:
            running.write({'position': position + 1})

    # --- the reporters of the carried tickets -----------------------------------------

    def _notify_reporter(self, event, calendar=None):
        """Besides the reporter's own notice, the closing of a ticket that carries
        others tells each of their reporters once (one message to all of them)."""
        result = super(TikTicketLink, self)._notify_reporter(event, calendar)
        if event == 'close':
            for ticket in self.sudo().filtered('duplicate_ids'):
                ticket._notify_carried()
        return result

    def _notify_carried(self):
        reporters = self.duplicate_ids.mapped('partner_id').filtered('email') - \
            self.partner_id
        if not reporters:
            return
        company = self.env.user.company_id
        ticket = self.with_context(lang=RECORD_LANG)
        template = ticket.env.ref(NOTICE_TEMPLATE % 'carried_close')
        base = self.env['ir.config_parameter'].sudo().get_param('web.base.url', '')
        ctx = {'tik_link': '%s%s' % (base, self.portal_url)}
        rendering = template.with_context(company=company, **ctx)
        ticket.with_context(custom_layout=NOTICE_LAYOUT, **dict(LEAN, **ctx)).message_post(
            subject=rendering.render_template(template.subject, self._name, self.id),
            body=rendering.render_template(template.body_html, self._name, self.id),
            subtype=NOTICE_SUBTYPE, message_type='comment',
            author_id=company.partner_id.id, email_from=self._agency_address(company),
            partner_ids=reporters.ids)

    # --- mail: what is written to an ended duplicate reaches the carrying ticket ------

    @api.multi
    @api.returns('self', lambda value: value.id)
    def message_post(self, *args, **kwargs):
        """An e-mail (the gateway's reply to a notice) to a ticket ended as part of
        another is posted on the carrying ticket, where the work goes on."""
        if len(self) == 1 and kwargs.get('message_type') == 'email' and \
                self.sudo().duplicate_of_id:
            kwargs.pop('parent_id', None)
            return self.sudo().duplicate_of_id.message_post(*args, **kwargs)
        return super(TikTicketLink, self).message_post(*args, **kwargs)
