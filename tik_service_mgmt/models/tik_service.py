# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..lib.deadline import MAX_DAYS, MIN_DAYS
from .utils import field_label


class TikService(models.Model):
    """An entry of the service catalogue, owned by one division."""

    _name = 'tik.service'
    _description = 'Service Catalogue Entry'
    _order = 'division_id, name'

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    description = fields.Text(translate=True)
    division_id = fields.Many2one('tik.division', required=True, ondelete='restrict')
    sop_reference = fields.Char(
        string='Service SOP', help='Number and title of the SOP of this service.')
    resolution_days = fields.Integer(
        string='Resolution Time (working days)',
        help='Time standard of step 4 for this service; empty uses the SOP step\'s.')
    portal_published = fields.Boolean(
        string='Offered in the Portal', default=True,
        help='Requesters can choose this service when they file a ticket.')
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'The service code must be unique.'),
        ('resolution_days_positive', 'check(resolution_days is null or resolution_days >= 0)',
         'The resolution time cannot be negative.'),
    ]

    @api.constrains('resolution_days')
    def _check_resolution_days(self):
        for service in self:
            days = service.resolution_days
            if days and not MIN_DAYS <= days <= MAX_DAYS:
                raise ValidationError(_(
                    '%(field)s of "%(service)s" is from %(min)d to %(max)d working '
                    'days, or empty to use the time standard of the SOP step.') % {
                    'field': field_label(self, 'resolution_days'),
                    'service': service.name, 'min': MIN_DAYS, 'max': MAX_DAYS})
