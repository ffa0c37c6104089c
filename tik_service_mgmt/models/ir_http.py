# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.osv import expression


class IrHttp(models.AbstractModel):
    """The portal's pages load the addon's web translations too: its i18n_extra brings
    the Indonesian of the portal chatter's own words."""

    _inherit = 'ir.http'

    @classmethod
    def _get_translation_frontend_modules_domain(cls):
        domain = super(IrHttp, cls)._get_translation_frontend_modules_domain()
        return expression.OR([domain, [('name', '=', 'tik_service_mgmt')]])
