# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, models


class PartnerXlsx(models.AbstractModel):
    """A spreadsheet of contacts, as another module's XLSX report would be."""

    _name = 'report.tik_coexistence.partner_xlsx'
    _inherit = 'report.report_xlsx.abstract'
    _description = 'Contacts as a Spreadsheet'

    def generate_xlsx_report(self, workbook, data, objs):
        sheet = workbook.add_worksheet(_('Contacts'))
        bold = workbook.add_format({'bold': True})
        sheet.write(0, 0, _('Name'), bold)
        sheet.write(0, 1, _('E-mail'), bold)
        for row, partner in enumerate(objs, start=1):
            sheet.write(row, 0, partner.name or '')
            sheet.write(row, 1, partner.email or '')
