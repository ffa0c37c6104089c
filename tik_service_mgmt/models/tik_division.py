# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class TikDivision(models.Model):
    """A division (bidang) of the agency: its head (Kabid) and its officers."""

    _name = 'tik.division'
    _description = 'Division'
    _order = 'name'

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    head_id = fields.Many2one(
        'res.users', string='Head (Kabid)', ondelete='restrict',
        domain=lambda self: [('groups_id', 'in', self.env.ref(
            'tik_service_mgmt.group_division_head').id)])
    officer_ids = fields.Many2many(
        'res.users', 'tik_division_officer_rel', 'division_id', 'user_id',
        string='Officers',
        domain=lambda self: [('groups_id', 'in', self.env.ref(
            'tik_service_mgmt.group_officer').id)])
    service_ids = fields.One2many('tik.service', 'division_id', string='Services')
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ('code_unique', 'unique(code)', 'The division code must be unique.'),
    ]
