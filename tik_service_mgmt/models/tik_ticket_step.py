# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib import journal, workflow

# Only the workflow holds this object; a context coming over RPC cannot carry it, so no
# user, administrators included, can pass the journal's write guard from outside.
WORKFLOW = object()


def as_workflow(records):
    """`records` with the authority to append to (and seal) the journal."""
    return records.sudo().with_context(tik_workflow=WORKFLOW)


def is_workflow(env):
    return env.context.get('tik_workflow') is WORKFLOW


class TikTicketStep(models.Model):
    """The journal: one line per SOP step a ticket went through, rework included.

    A line is opened when its step starts and sealed when the step ends; sealing sets
    its hash, chained to the ticket's previous line. Lines are never deleted and only
    the workflow writes them.
    """

    _name = 'tik.ticket.step'
    _description = 'Ticket Journal Line'
    _order = 'ticket_id, id'
    _rec_name = 'sop_step_id'

    ticket_id = fields.Many2one(
        'tik.ticket', required=True, index=True, ondelete='restrict', readonly=True)
    sop_step_id = fields.Many2one(
        'tik.sop.step', string='SOP Step', required=True, ondelete='restrict',
        readonly=True)
    actor = fields.Selection(related='sop_step_id.actor', readonly=True)
    action = fields.Selection(
        workflow.ACTIONS, readonly=True, help='What the actor decided at this step.')
    user_id = fields.Many2one(
        'res.users', string='Done by', ondelete='restrict', readonly=True)
    date_start = fields.Datetime(string='Started', required=True, readonly=True)
    date_deadline = fields.Datetime(string='Deadline', readonly=True)
    date_done = fields.Datetime(string='Completed', readonly=True)
    sla_status = fields.Selection(
        [('running', 'Running'), ('met', 'Met'), ('missed', 'Missed')],
        string='Time Standard', default='running', required=True, index=True,
        readonly=True)
    note = fields.Text(string='Output / Reason', readonly=True)
    hash = fields.Char(readonly=True, copy=False)

    @api.model
    def create(self, vals):
        if not is_workflow(self.env):
            raise UserError(_('Journal lines are written by the ticket workflow only.'))
        return super(TikTicketStep, self).create(vals)

    @api.multi
    def write(self, vals):
        if not is_workflow(self.env) or self.filtered('hash'):
            raise UserError(_('The journal of a ticket cannot be changed.'))
        return super(TikTicketStep, self).write(vals)

    @api.multi
    def unlink(self):
        if self:
            raise UserError(_('The journal of a ticket cannot be deleted.'))
        return super(TikTicketStep, self).unlink()

    def _content(self):
        """What the hash protects: everything the line says."""
        self.ensure_one()
        return {
            'ticket': self.ticket_id.number,
            'step': self.sop_step_id.code,
            'action': self.action or '',
            'user': self.user_id.id,
            'date_start': self.date_start,
            'date_deadline': self.date_deadline or '',
            'date_done': self.date_done or '',
            'sla_status': self.sla_status,
            'note': self.note or '',
        }

    def _seal(self, vals):
        """Completes the running line with `vals` and chains its hash (workflow only)."""
        self.ensure_one()
        previous = self.search(
            [('ticket_id', '=', self.ticket_id.id), ('hash', '!=', False)],
            order='id desc', limit=1)
        self.write(vals)
        return super(TikTicketStep, self).write(
            {'hash': journal.chain_hash(previous.hash, self._content())})
