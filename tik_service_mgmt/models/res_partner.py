# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.osv import expression

UNIT_TAG = 'tik_service_mgmt.res_partner_category_unit'


class ResPartner(models.Model):
    _inherit = 'res.partner'

    tik_unit = fields.Boolean(
        string='Unit of the Agency', compute='_compute_tik_unit', search='_search_tik_unit',
        help='A unit (OPD) of the agency: a company tagged "Government Unit (OPD)"; '
             'while no company is tagged, every company.')

    @api.model
    def _tik_unit_domain(self):
        tag = self.env.ref(UNIT_TAG, raise_if_not_found=False)
        domain = [('is_company', '=', True)]
        if tag and self.sudo().search_count([('category_id', 'in', tag.ids)]):
            domain.append(('category_id', 'in', tag.ids))
        return domain

    def _compute_tik_unit(self):
        units = self.search([('id', 'in', self.ids)] + self._tik_unit_domain())
        for partner in self:
            partner.tik_unit = partner in units

    def _search_tik_unit(self, operator, value):
        domain = expression.normalize_domain(self._tik_unit_domain())
        return domain if (operator == '=') == bool(value) else ['!'] + domain
