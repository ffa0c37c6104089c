# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from urllib.parse import quote

import pytz

from odoo import SUPERUSER_ID, api, fields, models
from odoo.http import request

from ..lib import idformat
from ..models.utils import (RECORD_LANG, field_label, is_staff, note_public,
                            selection_label)

# How many characters of a hash the journal table shows; the full hashes follow it.
SHORT_HASH = 12
# The values of a journal line its hash covers (tik.ticket.step._content), by the
# field that shows each: the printout names them in words, not by their keys.
CONTENT_FIELDS = (
    ('ticket', 'ticket_id'), ('position', 'position'), ('step', 'sop_step_id'),
    ('action', 'action'), ('user', 'user_id'), ('channel', 'channel'),
    ('email_from', 'email_from'), ('date_start', 'date_start'),
    ('duration_days', 'duration_days'), ('date_deadline', 'date_deadline'),
    ('date_at_risk', 'date_at_risk'), ('date_done', 'date_done'),
    ('sla_status', 'sla_status'), ('date_escalated', 'date_escalated'),
    ('hours_taken', 'hours_taken'), ('note', 'note'),
)
# Hashed too on the lines that have them: waits, amendments, a lateness that stayed.
WAIT_FIELDS = (
    ('event', 'event'), ('waiting_for', 'waiting_for'), ('hours_waited', 'hours_waited'),
    ('date_late', 'date_late'),
)
QR_SIZE = 180


class ReportTikTicket(models.AbstractModel):
    """Values of the ticket record (`tik_service_mgmt.action_report_ticket`).

    The journal's hash chain is checked when the record is printed, so the printout
    states whether the journal it shows is still the one the workflow sealed; its QR
    code opens the public verification page (/tik/verify/<number>?hash=<head>).
    """

    _name = 'report.tik_service_mgmt.report_ticket'
    _description = 'Ticket Record Report'

    @api.model
    def get_report_values(self, docids, data=None):
        tickets = self.env['tik.ticket'].browse(docids)
        # Whoever prints must be allowed to read the tickets (a portal user: their own
        # and their unit's). What the record then shows (journal, service, officer) is
        # read as the ticket holds it, whatever the reader's access to those models.
        tickets.check_access_rights('read')
        tickets.check_access_rule('read')
        docs = tickets.sudo()
        verdicts = {v['ticket_id']: v for v in docs.check_journal()}
        Line = self.env['tik.ticket.step'].sudo()
        Seal = self.env['tik.journal.seal'].sudo()
        records = {}
        for ticket in docs:
            lines = ticket.step_ids.sorted(lambda l: (l.position, l.id))
            verdict = verdicts[ticket.id]
            url = self.verify_url(ticket)
            records[ticket.id] = {
                'lines': lines,
                'sealed': lines.filtered('hash'),
                'intact': verdict['intact'],
                'reason': verdict['reason'],
                'altered': Line.browse(verdict['broken_line_id'] or []),
                'head': ticket.journal_head or '',
                'length': ticket.journal_length,
                'filed': lines[:1].date_start or ticket.create_date,
                'sop': ticket.sop_id or self.env['tik.sop'].in_force(),
                'verify_url': url,
                'qr_src': '/report/barcode/?type=QR&value=%s&width=%d&height=%d' % (
                    quote(url, safe=''), QR_SIZE, QR_SIZE),
                'seal': Seal.of_ticket(ticket),
            }
        return {
            'doc_ids': docids,
            'doc_model': 'tik.ticket',
            'docs': docs,
            'records': records,
            'printed_at': self._id_datetime(fields.Datetime.now()),
            'printed_by': self._printed_by(),
            # A requester's copy: what is said between the actors stays out of it.
            'staff': is_staff(self._printer()),
            'note_public': note_public,
            'local': lambda value: self._id_datetime(value, zone=False) if value else '-',
            'label': lambda record, field: selection_label(
                record, field, record[field]) if record[field] else '-',
            'hours': self._hours,
            'id_date': self._id_date,
            'short_hash': lambda value: value[:SHORT_HASH] if value else '',
            'hashed_values': self._hashed_values(),
            'time_zone': idformat.zone_name(self.env['tik.ticket']._tz()),
        }

    @api.model
    def verify_url(self, ticket):
        """The public address that verifies a printout of `ticket` as it is now."""
        base = self.env['ir.config_parameter'].sudo().get_param('web.base.url', '')
        return '%s/tik/verify/%s?hash=%s' % (
            base.rstrip('/'), quote(ticket.number or '', safe='/'),
            ticket.journal_head or '')

    def _printer(self):
        """The person printing. A page that prints on a visitor's behalf as superuser
        (a portal or access-token link) is the visitor's of the request."""
        user = self.env.user
        if self.env.uid == SUPERUSER_ID and request and request.uid:
            user = user.browse(request.uid)
        return user

    def _printed_by(self):
        return self._printer().sudo().name

    @api.model
    def _id_datetime(self, utc_string, zone=True):
        """A stored UTC moment in the agency's time zone, Indonesian style:
        06/01/2023 14.05 WIB."""
        if not utc_string:
            return ''
        tz_name = self.env['tik.ticket']._tz()
        moment = pytz.utc.localize(fields.Datetime.from_string(utc_string)).astimezone(
            pytz.timezone(tz_name)).replace(tzinfo=None)
        text = idformat.short_datetime(moment)
        return '%s %s' % (text, idformat.zone_name(tz_name)) if zone else text

    @api.model
    def _id_date(self, date_string):
        """A stored date, Indonesian style: 6 Januari 2023 (empty: '-')."""
        if not date_string:
            return '-'
        return idformat.long_date(fields.Date.from_string(date_string))

    @api.model
    def _hours(self, line):
        """Working hours a line took, e.g. 7,50 (a running line took none yet)."""
        if not line.date_done:
            return '-'
        return idformat.number(line.hours_taken or 0.0, 2)

    def _hashed_values(self):
        """The values each hash covers, named as the record names them, in the
        record's language (Bahasa Indonesia)."""
        line = self.env['tik.ticket.step'].with_context(lang=RECORD_LANG)
        return ', '.join(field_label(line, name)
                         for _key, name in CONTENT_FIELDS + WAIT_FIELDS)
