# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..lib.idformat import long_date

SOP_STATES = [('draft', 'Draft'), ('in_force', 'In Force'), ('superseded', 'Superseded')]
# What the service manager may still change on a document in force or superseded: who
# receives the to-dos of a step is operations, not the signed text.
OPERATIONAL_FIELDS = {'user_id'}


class TikSop(models.Model):
    """The SOP as a document (PermenPAN-RB 35/2012): identity block, the blocks of its
    first page and its procedure (`step_ids`). One version is in force; a revision is
    a new draft with the steps copied, and putting it in force supersedes the old one.
    Tickets keep the version they were filed under, so they print as they ran.
    """

    _name = 'tik.sop'
    _description = 'SOP Document'
    _order = 'version desc, id desc'

    name = fields.Char(string='SOP Name', required=True)
    number = fields.Char(string='SOP Number', required=True)
    version = fields.Integer(default=1, readonly=True, copy=False)
    previous_id = fields.Many2one(
        'tik.sop', string='Revises', readonly=True, copy=False, ondelete='restrict')
    government = fields.Char(default='PEMERINTAH KABUPATEN TRENGGALEK')
    agency = fields.Char(default='DINAS KOMUNIKASI DAN INFORMATIKA')
    date_made = fields.Date()
    date_revised = fields.Date(copy=False)
    date_effective = fields.Date(
        copy=False, help='The day this version takes effect: it can be put in force from '
                         'that day on; empty, it takes effect the day it is put in force.')
    approved_by = fields.Char()
    legal_basis = fields.Text(help='One item per line.')
    qualifications = fields.Text(
        string='Qualifications of the Implementers',
        help='One item per line; a line starting with "-" is a point of the item above.')
    related_procedures = fields.Text(help='One item per line.')
    equipment = fields.Text(help='One item per line.')
    warning = fields.Text()
    records = fields.Text(help='One item per line.')
    step_ids = fields.One2many('tik.sop.step', 'sop_id', string='Procedure', copy=True)
    state = fields.Selection(SOP_STATES, default='draft', required=True, readonly=True,
                             copy=False, index=True)
    total_days = fields.Integer(
        string='Total Time Standard (working days)', compute='_compute_total_days')

    @api.depends('step_ids.duration_days', 'step_ids.active')
    def _compute_total_days(self):
        for sop in self:
            sop.total_days = sum(sop.step_ids.mapped('duration_days'))

    @api.model_cr
    def init(self):
        # One document in force, whatever writes it.
        self.env.cr.execute("""
            CREATE UNIQUE INDEX IF NOT EXISTS tik_sop_one_in_force
            ON tik_sop (state) WHERE state = 'in_force'""")

    @api.multi
    def write(self, vals):
        if not self.env.context.get('tik_sop_state'):
            if 'state' in vals:
                raise UserError(_('The state of an SOP changes by its buttons only: put a '
                                  'draft in force, or revise the document in force.'))
            self._check_draft()
        return super(TikSop, self).write(vals)

    @api.multi
    def unlink(self):
        self._check_draft()
        return super(TikSop, self).unlink()

    def _check_draft(self):
        for sop in self:
            if sop.state != 'draft':
                raise UserError(_(
                    'SOP %(number)s is %(state)s: its text and steps can no longer be '
                    'changed. Revise it to make a new draft.') % {
                    'number': sop.number,
                    'state': dict(self._fields['state']._description_selection(
                        self.env))[sop.state]})

    def _check_manager(self):
        if self.env.uid != SUPERUSER_ID and \
                not self.env.user.has_group('tik_service_mgmt.group_manager'):
            raise AccessError(_('Only the service manager revises the SOP or puts it in '
                                'force.'))

    @api.multi
    def action_revise(self):
        """A new draft version of this document, its steps copied."""
        self.ensure_one()
        self._check_manager()
        if self.state == 'draft':
            raise UserError(_('SOP %s is already a draft: edit it.') % self.number)
        latest = self.search([('number', '=', self.number)], order='version desc', limit=1)
        draft = self.sudo().with_context(tik_sop_state=True).copy({
            'version': max(self.version, latest.version) + 1, 'previous_id': self.id,
            'date_revised': fields.Date.context_today(self)})
        return {
            'type': 'ir.actions.act_window', 'res_model': self._name, 'res_id': draft.id,
            'view_mode': 'form', 'name': _('SOP'),
        }

    @api.multi
    def action_put_in_force(self):
        """The draft comes into force; the version in force until now is superseded."""
        self.ensure_one()
        self._check_manager()
        if self.state != 'draft':
            raise UserError(_('Only a draft can be put in force.'))
        sequences = sorted(self.step_ids.mapped('sequence'))
        if sequences != list(range(1, 8)):
            raise UserError(_('An SOP in force has the seven steps of the procedure, '
                              'numbered 1 to 7.'))
        today = fields.Date.context_today(self)
        # A version in force is the one tickets are filed under from now on: one that
        # takes effect later would run them under rules not yet valid.
        if self.date_effective and self.date_effective > today:
            raise UserError(_(
                'SOP %(number)s version %(version)d takes effect on %(date)s: put it in '
                'force on that day, or set its effective date to today. The version in '
                'force now stays in force until then.') % {
                'number': self.number, 'version': self.version,
                'date': long_date(fields.Date.from_string(self.date_effective))})
        as_state = self.sudo().with_context(tik_sop_state=True)
        as_state.search([('state', '=', 'in_force')]).write({'state': 'superseded'})
        as_state.browse(self.id).write({
            'state': 'in_force', 'date_effective': self.date_effective or today})
        return True

    @api.model
    def _ship_in_force(self):
        """Puts the shipped SOP in force when no document is (install, upgrade)."""
        sop = self.env.ref('tik_service_mgmt.sop_tik', raise_if_not_found=False)
        if sop and sop.state == 'draft' and not self.in_force():
            sop.sudo().with_context(tik_sop_state=True).write({'state': 'in_force'})

    @api.model
    def in_force(self):
        """The document in force (empty if none)."""
        return self.sudo().search([('state', '=', 'in_force')], limit=1)

    def steps_by_sequence(self):
        """The document's active steps keyed by their number (1 to 7)."""
        self.ensure_one()
        return {step.sequence: step for step in self.step_ids if step.active}
