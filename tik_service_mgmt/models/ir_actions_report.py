# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models

from ..lib.pdf_pages import merge, number_pages

# The addon's printouts: each document is numbered "page N of M" on its own.
PAGED = ('tik_service_mgmt.report_ticket', 'tik_service_mgmt.report_sop',
         'tik_service_mgmt.report_sop_step')


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
