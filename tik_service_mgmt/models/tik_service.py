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
    requirements = fields.Text(
        translate=True,
        help='What the requester provides (letters, data, documents); published with '
             'the service standards at /layanan.')
    cost = fields.Char(
        translate=True, help='The charge for the service, as published; empty: free of '
                             'charge.')
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
    time_standard_days = fields.Integer(
        string='Time Standard (working days)', compute='_compute_time_standard_days',
        help='Working days from the filing to the closing: the SOP steps after the '
             'filing, step 4 taking this service\'s resolution time.')

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'The service code must be unique.'),
        ('resolution_days_positive', 'check(resolution_days is null or resolution_days >= 0)',
         'The resolution time cannot be negative.'),
    ]

    @api.depends('resolution_days')
    def _compute_time_standard_days(self):
        steps = self.env['tik.sop.step'].sudo()
        for service in self:
            service.time_standard_days = sum(
                steps._durations_after_filing(service.resolution_days))

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
