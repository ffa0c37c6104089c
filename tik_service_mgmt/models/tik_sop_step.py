# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib.deadline import MAX_DAYS, MIN_DAYS
from ..lib.workflow import ACTORS
from .utils import field_label


class TikSopStep(models.Model):
    """One row of the SOP's procedure table: who does what, in how many working days."""

    _name = 'tik.sop.step'
    _description = 'SOP Step'
    _order = 'sequence, id'

    sequence = fields.Integer(required=True)
    code = fields.Char(required=True)
    name = fields.Char(string='Activity', required=True, translate=True)
    actor = fields.Selection(ACTORS, required=True)
    duration_days = fields.Integer(
        string='Time Standard (working days)', required=True, default=1)
    output = fields.Char(translate=True)
    user_id = fields.Many2one(
        'res.users', string='Responsible',
        help='For a step owned by a group (helpdesk, agency head): who gets the to-do. '
             'Empty: the first member of the group.')
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'The step code must be unique.'),
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

    @api.model
    def by_sequence(self):
        """The active steps keyed by their sequence number (1 to 7)."""
        return {step.sequence: step for step in self.search([])}

    @api.model
    def _durations_after_filing(self, resolution_days=0):
        """Working days of each step after the filing (2 to 7), in order: the time from
        receipt to closing. Step 4 takes `resolution_days` when given (a service's)."""
        return [resolution_days if sequence == 4 and resolution_days else step.duration_days
                for sequence, step in sorted(self.by_sequence().items()) if sequence > 1]
