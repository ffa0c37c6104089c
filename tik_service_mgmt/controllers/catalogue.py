# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The published service standards (UU 25/2009 art. 15 and 21), for anyone, no login.

Each published service of the catalogue with its description, requirements, time
standard in working days, cost and related SOP, grouped by division, and the SOP's
procedure; a link files a ticket for the service (after signing in). Only what the
catalogue publishes is read, with sudo: the public user has no access to the models.
"""
from odoo import http
from odoo.http import request


class TikCatalogue(http.Controller):

    @http.route(['/layanan'], type='http', auth='public', methods=['GET'], website=True)
    def tik_catalogue(self, **kw):
        services = request.env['tik.service'].sudo().search(
            [('portal_published', '=', True)])
        steps = request.env['tik.sop.step'].sudo().search([('sop_state', '=', 'in_force')])
        return request.render('tik_service_mgmt.catalogue_page', {
            'service_groups': [
                (division, services.filtered(lambda s, d=division: s.division_id == d))
                for division in services.mapped('division_id')],
            'sop_steps': steps,
        })
