# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from . import tik_report_format as fmt


class ReportTikIkm(models.AbstractModel):
    """Values of the IKM report (`tik_service_mgmt.action_report_ikm`), one per period
    (`tik.report.period`), in the layout of PermenPAN-RB 14/2017."""

    _name = 'report.tik_service_mgmt.report_ikm'
    _description = 'IKM Report'

    @api.model
    def get_report_values(self, docids, data=None):
        periods = self.env['tik.report.period'].browse(docids)
        recap = self.env['tik.recap']
        surveys = {period.id: recap.survey_report(period.date_from, period.date_to)
                   for period in periods}
        Ticket = self.env['tik.ticket']
        return {
            'doc_ids': docids,
            'doc_model': 'tik.report.period',
            'docs': periods,
            'surveys': surveys,
            'agency': self.env['tik.sop'].in_force(),
            'printed_at': Ticket._format_local(fields.Datetime.now()),
            'day': lambda value: fields.Date.from_string(value).strftime('%d-%m-%Y'),
            'num': fmt.number,
        }
