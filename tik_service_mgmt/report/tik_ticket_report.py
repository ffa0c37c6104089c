# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, fields, models
from odoo.http import request

from ..models.utils import selection_label
from .tik_sop_report import SOP_IDENTITY

# How many characters of a hash the journal table shows; the full hashes follow it.
SHORT_HASH = 12


class ReportTikTicket(models.AbstractModel):
    """Values of the ticket record (`tik_service_mgmt.action_report_ticket`).

    The journal's hash chain is checked when the record is printed, so the printout
    states whether the journal it shows is still the one the workflow sealed.
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
        records = {}
        for ticket in docs:
            lines = ticket.step_ids.sorted(lambda l: (l.position, l.id))
            verdict = verdicts[ticket.id]
            records[ticket.id] = {
                'lines': lines,
                'sealed': lines.filtered('hash'),
                'intact': verdict['intact'],
                'reason': verdict['reason'],
                'altered': Line.browse(verdict['broken_line_id'] or []),
                'head': ticket.journal_head or '',
                'length': ticket.journal_length,
                'filed': lines[:1].date_start or ticket.create_date,
                # What each hash covers, as the journal defines it today.
                'hash_keys': ', '.join(sorted(lines[:1]._content())) if lines else '',
            }
        Ticket = self.env['tik.ticket']
        return {
            'doc_ids': docids,
            'doc_model': 'tik.ticket',
            'docs': docs,
            'records': records,
            'agency': SOP_IDENTITY,
            'printed_at': Ticket._format_local(fields.Datetime.now()),
            'printed_by': self._printed_by(),
            'time_zone': Ticket._tz(),
            'local': lambda value: Ticket._format_local(value) if value else '-',
            'label': lambda record, field: selection_label(
                record, field, record[field]) if record[field] else '-',
            'hours': self._hours,
            'short_hash': lambda value: value[:SHORT_HASH] if value else '',
        }

    def _printed_by(self):
        """The person printing. A page that prints on a visitor's behalf as superuser
        (a portal or access-token link) names the visitor of the request instead."""
        user = self.env.user
        if self.env.uid == SUPERUSER_ID and request and request.uid:
            user = user.browse(request.uid)
        return user.sudo().name

    @api.model
    def _hours(self, line):
        """Working hours a line took, as H:MM (a running line took none yet)."""
        if not line.date_done:
            return '-'
        minutes = int(round((line.hours_taken or 0.0) * 60))
        return '%d:%02d' % (minutes // 60, minutes % 60)
