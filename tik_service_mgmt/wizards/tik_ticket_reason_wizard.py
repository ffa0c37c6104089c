# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

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
    consequence = fields.Text(compute='_compute_consequence', string='What Follows')

    @api.depends('action', 'ticket_id.state')
    def _compute_consequence(self):
        for wizard in self:
            state = wizard.ticket_id.state
            wizard.consequence = {
                'reject': _('The ticket ends here as rejected. The requester is told and '
                            'reads this reason; nobody works on it any more.'),
                'return_to_helpdesk': _('The ticket goes back to the helpdesk (step 2) to '
                                        'designate another division. The reason stays '
                                        'between the actors.'),
                'restore': _('The ticket is restored to step 2 (the helpdesk): it is no '
                             'longer part of the other ticket, and both journals say so.'),
                'request_rework': _('The ticket goes back to the officer (step 4), who '
                                    'sees this reason at the top of the ticket.')
                if state == 'verification' else
                _('The ticket goes back to the division head (step 5), who sees this '
                  'reason at the top of the ticket.'),
            }.get(wizard.action, False)

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        return getattr(self.ticket_id, 'action_' + self.action)(reason=self.reason)
