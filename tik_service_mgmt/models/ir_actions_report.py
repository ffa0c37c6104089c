# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.tools import config

from ..lib.pdf_pages import merge, number_pages

# The addon's printouts: each document is numbered "page N of M" on its own.
PAGED = ('tik_service_mgmt.report_ticket', 'tik_service_mgmt.report_sop',
         'tik_service_mgmt.report_sop_step')


def own_server_url():
    """The address at which this Odoo server answers itself."""
    interface = config.get('http_interface') or '127.0.0.1'
    if interface in ('0.0.0.0', '::'):
        interface = '127.0.0.1'
    return 'http://%s:%s' % (interface, config.get('http_port') or 8069)


class IrActionsReport(models.Model):
    _inherit = 'ir.actions.report'

    @api.multi
    def render_qweb_pdf(self, res_ids=None, data=None):
        if self.report_name not in PAGED:
            return super(IrActionsReport, self).render_qweb_pdf(res_ids, data=data)
        if res_ids and len(res_ids) > 1:
            parts = [self.render_qweb_pdf([res_id], data=data) for res_id in res_ids]
            if all(isinstance(part, tuple) and part[1] == 'pdf' for part in parts):
                return merge([part[0] for part in parts]), 'pdf'
        result = super(IrActionsReport, self).render_qweb_pdf(res_ids, data=data)
        # In tests Odoo may answer HTML instead (sometimes without the kind).
        if isinstance(result, tuple) and result[1] == 'pdf' and \
                result[0].startswith(b'%PDF'):
            name = self._paged_name(res_ids)
            return number_pages(result[0], lambda page, pages: '%s%s' % (
                name and '%s \u2014 ' % name, _('Page %(page)d of %(pages)d') % {
                    'page': page, 'pages': pages})), 'pdf'
        return result

    def _paged_name(self, res_ids):
        """What each page's foot names beside its number: the ticket, or the SOP
        and its version (one document printed)."""
        records = self.env[self.model].sudo().browse(res_ids or [])
        if len(records) != 1:
            return ''
        if records._name == 'tik.ticket':
            return records.number or ''
        sop = records.sop_id if records._name == 'tik.sop.step' else records
        return 'SOP %s v%d' % (sop.number, sop.version) if sop else ''

    @api.model
    def _tik_set_report_url(self):
        """wkhtmltopdf fetches a report's style sheets from `report.url`, else from
        `web.base.url`, which stays Odoo's default (http://localhost:8069) until an
        administrator logs in, and then is the address a browser used, which the server
        itself may not reach. Called by the addon's data at install and update: when
        `report.url` is empty it becomes this server's own address, so the first print
        of a new database is styled too. A value an administrator set stays."""
        params = self.env['ir.config_parameter'].sudo()
        if not params.get_param('report.url'):
            params.set_param('report.url', own_server_url())
