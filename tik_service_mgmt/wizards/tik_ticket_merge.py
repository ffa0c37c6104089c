# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class TikTicketMerge(models.TransientModel):
    """Ends one or many reports as part of the ticket that carries the work, in one
    action: a duplicate from its form, the reports of a mass outage from the list or
    from the outage ticket (which proposes the new reports of its service)."""

    _name = 'tik.ticket.merge'
    _description = 'End Tickets as Part of Another'

    ticket_ids = fields.Many2many(
        'tik.ticket', string='Reports to End', required=True,
        domain=[('state', 'in', ('new', 'analysis'))])
    target_id = fields.Many2one(
        'tik.ticket', string='Carried by', required=True, ondelete='cascade',
        domain=[('state', 'not in', ('closed', 'rejected', 'duplicate'))])
    reason = fields.Text(required=True)

    @api.model
    def default_get(self, fields_list):
        values = super(TikTicketMerge, self).default_get(fields_list)
        context = self.env.context
        ids = context.get('active_ids') or []
        if context.get('active_model') != 'tik.ticket':
            return values
        if context.get('tik_attach') and len(ids) == 1:
            outage = self.env['tik.ticket'].browse(ids)
            values['target_id'] = outage.id
            values['ticket_ids'] = [(6, 0, outage._outage_reports().ids)]
        else:
            values['ticket_ids'] = [(6, 0, ids)]
        return values

    @api.multi
    def action_confirm(self):
        self.ensure_one()
        self.ticket_ids.action_merge(self.target_id.id, self.reason)
        return {'type': 'ir.actions.act_window', 'res_model': 'tik.ticket',
                'res_id': self.target_id.id, 'view_mode': 'form',
                'views': [(False, 'form')], 'target': 'main'}
