# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..lib import workflow


class TikTicketReasonWizard(models.TransientModel):
    """Asks for the written reason of a step that needs one (reject, return, rework)."""

    _name = 'tik.ticket.reason.wizard'
    _description = 'Reason for a Ticket Step'

    ticket_id = fields.Many2one('tik.ticket', required=True, ondelete='cascade')
    action = fields.Selection(
        [(key, label) for key, label in workflow.ACTIONS
         if any(t.reason for t in workflow.TRANSITIONS.values() if t.action == key)],
        required=True, readonly=True)
    reason = fields.Text(required=True)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        getattr(self.ticket_id, 'action_' + self.action)(reason=self.reason)
        return {'type': 'ir.actions.act_window_close'}
