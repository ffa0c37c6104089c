# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class TikTicketOutage(models.TransientModel):
    """Asks the helpdesk what a mass outage concerns before marking the ticket."""

    _name = 'tik.ticket.outage'
    _description = 'Mark a Ticket as a Mass Outage'

    ticket_id = fields.Many2one('tik.ticket', required=True, ondelete='cascade')
    service_id = fields.Many2one(related='ticket_id.service_id', readonly=True)
    # Not `unit_id`: its field's xmlid would be the one of tik.ticket's outage_unit_id.
    link_unit_id = fields.Many2one(
        'res.partner', string='Only the Link of', domain=[('is_company', '=', True)],
        help='Leave empty for an outage of the service for every unit.')
    reason = fields.Text(required=True)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        return self.ticket_id.with_context(tik_form=True).action_mark_outage(
            reason=self.reason, unit_id=self.link_unit_id.id or None)
