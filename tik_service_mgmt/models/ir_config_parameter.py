# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import config


def own_server_url():
    """The address at which this Odoo server answers itself."""
    interface = config.get('http_interface') or '127.0.0.1'
    if interface in ('0.0.0.0', '::'):
        interface = '127.0.0.1'
    return 'http://%s:%s' % (interface, config.get('http_port') or 8069)


class IrConfigParameter(models.Model):
    _inherit = 'ir.config_parameter'

    @api.model
    def get_param(self, key, default=False):
        """wkhtmltopdf fetches a report's style sheets from `report.url`, else from
        `web.base.url`, which stays Odoo's default (http://localhost:8069) until an
        administrator logs in, and then is the address a browser used, which the server
        itself may not reach. Unless `report.url` is set, reports fetch from this
        server's own address, so the first print of a new database is styled too."""
        value = super(IrConfigParameter, self).get_param(key, default=default)
        if key == 'report.url' and not value:
            return own_server_url()
        return value
