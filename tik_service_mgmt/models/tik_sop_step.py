# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib.deadline import MAX_DAYS, MIN_DAYS
from ..lib.workflow import ACTORS
from .tik_sop import OPERATIONAL_FIELDS
from .utils import field_label


class TikSopStep(models.Model):
    """One row of the SOP's procedure table: who does what, in how many working days."""

    _name = 'tik.sop.step'
    _description = 'SOP Step'
    _order = 'sop_id, sequence, id'

    sop_id = fields.Many2one(
        'tik.sop', string='SOP', index=True, ondelete='cascade',
        help='The document (version) this step belongs to.')
    sop_state = fields.Selection(related='sop_id.state', readonly=True)
    sequence = fields.Integer(required=True)
    code = fields.Char(required=True)
    name = fields.Char(string='Activity', required=True, translate=True)
    actor = fields.Selection(ACTORS, required=True)
    duration_days = fields.Integer(
        string='Time Standard (working days)', required=True, default=1)
    output = fields.Char(translate=True)
    allows_hold = fields.Boolean(
        string='May Wait for the Requester',
        help='The actor of this step may put the ticket on hold, waiting for the '
             'requester or a third party; the wait does not count against the time '
             'standard.')
    user_id = fields.Many2one(
        'res.users', string='Responsible',
        help='For a step owned by a group (helpdesk, agency head): who gets the to-do. '
             'Empty: the first member of the group.')
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('code_unique', 'unique(sop_id, code)',
         'The step code must be unique within its SOP.'),
        ('duration_positive', 'check(duration_days >= 1)',
         'A time standard is at least one working day.'),
    ]

    @api.constrains('duration_days')
    def _check_duration_days(self):
        for step in self:
            if not MIN_DAYS <= step.duration_days <= MAX_DAYS:
                raise ValidationError(_(
                    '%(field)s of step "%(step)s" is from %(min)d to %(max)d working '
                    'days.') % {
                    'field': field_label(self, 'duration_days'), 'step': step.name,
                    'min': MIN_DAYS, 'max': MAX_DAYS})

    @api.constrains('sop_id')
    def _check_sop_id(self):
        for step in self:
            if not step.sop_id:
                raise ValidationError(_('Step "%s" belongs to no SOP.') % step.name)

    @api.model
    def create(self, vals):
        if vals.get('sop_id'):
            self.env['tik.sop'].browse(vals['sop_id'])._check_draft()
        return super(TikSopStep, self).create(vals)

    @api.multi
    def write(self, vals):
        if set(vals) - OPERATIONAL_FIELDS:
            self.mapped('sop_id')._check_draft()
            if vals.get('sop_id'):
                self.env['tik.sop'].browse(vals['sop_id'])._check_draft()
        return super(TikSopStep, self).write(vals)

    @api.multi
    def unlink(self):
        self.mapped('sop_id')._check_draft()
        return super(TikSopStep, self).unlink()

    @api.model
    def by_sequence(self):
        """The active steps of the SOP in force keyed by their number (1 to 7)."""
        sop = self.env['tik.sop'].in_force()
        return sop.steps_by_sequence() if sop else {}

    @api.model
    def _durations_after_filing(self, resolution_days=0, sop=None):
        """Working days of each step after the filing (2 to 7), in order: the time from
        receipt to closing, under `sop` (default: the SOP in force). Step 4 takes
        `resolution_days` when given (a service's)."""
        steps = sop.steps_by_sequence() if sop else self.by_sequence()
        return [resolution_days if sequence == 4 and resolution_days else step.duration_days
                for sequence, step in sorted(steps.items()) if sequence > 1]
