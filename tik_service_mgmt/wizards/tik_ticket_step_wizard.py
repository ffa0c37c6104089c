# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

# The step dialogs: the values each action's actor decides in it (lib/workflow.py).
STEP_INPUTS = {
    'accept': ('service_id', 'officer_id', 'instruction'),
    'report_resolution': ('resolution',),
}


class TikTicketStepWizard(models.TransientModel):
    """The inputs of a step in front of its actor: the Kabid's service, officer and
    instruction (Accept), the officer's resolution (Report Resolution). Confirming
    writes them on the ticket as the user and takes the step; the ticket's guard
    decides both, and a refusal leaves the ticket and the dialog as they were."""

    _name = 'tik.ticket.step.wizard'
    _description = 'Inputs of a Ticket Step'

    ticket_id = fields.Many2one('tik.ticket', required=True, ondelete='cascade',
                                readonly=True)
    action = fields.Selection([('accept', 'Accept'),
                               ('report_resolution', 'Report Resolution')],
                              required=True, readonly=True)
    # The problem in front of the step's inputs: the dialog opens from a queue's row.
    description = fields.Text(related='ticket_id.description', readonly=True)
    division_id = fields.Many2one(related='ticket_id.division_id', readonly=True)
    division_officer_ids = fields.Many2many(
        related='ticket_id.division_officer_ids', readonly=True)
    service_id = fields.Many2one('tik.service', string='Service')
    officer_id = fields.Many2one('res.users', string='Officer')
    instruction = fields.Text(string='Instruction to the Officer')
    resolution = fields.Text(string='Resolution Report')

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        # The step itself, not its dialog again.
        ticket = self.ticket_id.with_context(tik_form=False)
        values = {name: self[name].id if hasattr(self[name], 'id') else self[name]
                  for name in STEP_INPUTS[self.action]}
        changed = {name: value for name, value in values.items()
                   if value != (ticket[name].id if hasattr(ticket[name], 'id')
                                else ticket[name])}
        if changed:
            ticket.write(changed)
        return getattr(ticket, 'action_' + self.action)()
