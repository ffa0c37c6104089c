# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..lib import hold


class TikTicketHoldWizard(models.TransientModel):
    """Asks the actor whom the ticket waits for and the question or reason."""

    _name = 'tik.ticket.hold.wizard'
    _description = 'Put a Ticket on Hold'

    ticket_id = fields.Many2one('tik.ticket', required=True, ondelete='cascade')
    waiting_for = fields.Selection(hold.PARTIES, required=True, default='requester')
    reason = fields.Text(string='Question or Reason', required=True)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        return self.ticket_id.with_context(tik_form=True).action_hold(
            reason=self.reason, waiting_for=self.waiting_for)
