# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# The identity block of the SOP in force (its header, PermenPAN-RB 35/2012). These are
# the official Indonesian values of the signed document; they are not translated.
SOP_IDENTITY = {
    'government': 'PEMERINTAH KABUPATEN TRENGGALEK',
    'agency': 'DINAS KOMUNIKASI DAN INFORMATIKA',
    'name': 'Pengelolaan Layanan TIK',
    'number': '060/020/406.020/2023',
    'date_made': '06-01-2023',
    'date_revised': '-',
    'date_effective': '06-01-2023',
    'approved_by': 'Kepala Dinas Komunikasi dan Informatika Kabupaten Trenggalek',
}


class ReportTikSop(models.AbstractModel):
    """Values of the SOP table (`tik_service_mgmt.action_report_sop`)."""

    _name = 'report.tik_service_mgmt.report_sop'
    _description = 'SOP Table Report'

    @api.model
    def get_report_values(self, docids, data=None):
        Step = self.env['tik.sop.step']
        steps = Step.browse(docids) if docids else Step.search([])
        steps = steps.sorted(lambda step: (step.sequence, step.id))
        return {
            'doc_ids': steps.ids,
            'doc_model': 'tik.sop.step',
            'docs': steps,
            'sop': SOP_IDENTITY,
            'actors': Step._fields['actor']._description_selection(self.env),
            'total_days': sum(steps.mapped('duration_days')),
        }
