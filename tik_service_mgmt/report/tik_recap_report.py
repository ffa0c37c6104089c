# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from . import tik_report_format as fmt


class ReportTikRecap(models.AbstractModel):
    """Values of the monthly recap (`tik_service_mgmt.action_report_recap`), one per
    calendar month (`tik.report.period`)."""

    _name = 'report.tik_service_mgmt.report_recap'
    _description = 'Monthly Recap Report'

    @api.model
    def get_report_values(self, docids, data=None):
        periods = self.env['tik.report.period'].browse(docids)
        recap = self.env['tik.recap']
        recaps = {period.id: recap.recap(period._check_month()) for period in periods}
        Ticket = self.env['tik.ticket']
        return {
            'doc_ids': docids,
            'doc_model': 'tik.report.period',
            'docs': periods,
            'recaps': recaps,
            'agency': self.env['tik.sop'].in_force(),
            'printed_at': Ticket._format_local(fields.Datetime.now()),
            'num': fmt.number,
            'day': lambda value: fields.Date.from_string(value).strftime('%d-%m-%Y'),
            'percent': fmt.percent,
            'hours': fmt.hours,
        }
