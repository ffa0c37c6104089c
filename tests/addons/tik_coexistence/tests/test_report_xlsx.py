# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""OCA report_xlsx answers /report/xlsx/<report>/<ids> through Odoo's report route,
which the service desk extends for its own printouts: the other converters and reports
still reach Odoo and the addons that extend the route."""
from odoo.tests import common

XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'


@common.at_install(False)
@common.post_install(True)
class TestReportXlsx(common.HttpCase):

    def test_another_modules_xlsx_report_answers(self):
        self.authenticate('admin', 'admin')
        partner = self.env.ref('base.main_partner')
        response = self.url_open('/report/xlsx/tik_coexistence.partner_xlsx/%d' % partner.id)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers.get('Content-Type'), XLSX)
        self.assertTrue(response.content.startswith(b'PK'), 'not a spreadsheet')
        self.assertIn('contacts.xlsx', response.headers.get('Content-Disposition', ''))

    def test_the_service_desks_printouts_still_answer(self):
        self.authenticate('admin', 'admin')
        sop = self.env.ref('tik_service_mgmt.sop_tik')
        # The first printout of a fresh server compiles its templates: allow a loaded machine
        # more than url_open's 10 s.
        response = self.url_open('/report/html/tik_service_mgmt.report_sop/%d' % sop.id,
                                 timeout=60)
        self.assertEqual(response.status_code, 200)
        self.assertIn(sop.number, response.text)
