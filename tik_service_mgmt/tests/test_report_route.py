# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""`/report/<converter>/<reportname>/<docids>` over real HTTP: the addon answers for its
own reports only; every other report, with any converter, is Odoo's."""
from unittest import mock

from odoo.addons.web.controllers.main import ReportController
from odoo.tests import common

from .common import TikHttpCase

OTHER_REPORT = 'base.report_irmodulereference'
OWN_REPORT = 'tik_service_mgmt.report_ticket'


class TestReportRoute(TikHttpCase):

    def setUp(self):
        super(TestReportRoute, self).setUp()
        self.module = self.env['ir.module.module'].search(
            [('name', '=', 'portal')])
        unit = self.env['res.partner'].create({'name': 'Dinas Cetak', 'is_company': True})
        self.requester = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Pengguna Cetak', 'login': 'test_print_requester',
            'password': 'test_print_requester', 'parent_id': unit.id,
            'groups_id': [(6, 0, [self.env.ref('tik_service_mgmt.group_requester').id])]})
        self.foreign = self.env['tik.ticket'].create({'name': 'Printer lantai tiga macet'})
        with self.registry.cursor():
            pass   # the data so far is seen by the next request
        self.reached = []
        odoo_route = ReportController.report_routes

        def spy(controller, reportname, docids=None, converter=None, **data):
            self.reached.append((reportname, docids, converter, data))
            return odoo_route(controller, reportname, docids=docids, converter=converter,
                              **data)
        patcher = mock.patch.object(ReportController, 'report_routes', spy)
        patcher.start()
        self.addCleanup(patcher.stop)

    def get(self, path, login='admin'):
        self.authenticate(login, login)
        return self.opener.get('http://%s:%s%s' % (common.HOST, common.PORT, path),
                               timeout=120, allow_redirects=False)

    def test_another_modules_report_is_odoos(self):
        path = '/report/html/%s/%d' % (OTHER_REPORT, self.module.id)
        # Odoo reads options given as a JSON list (the addon refuses them for its own
        # reports with a 400): its route decides for its reports.
        for query, data in (('', {}), ('?options=%5B%5D', {'options': '[]'})):
            self.reached = []
            answer = self.get(path + query)
            self.assertEqual(answer.status_code, 200, answer.text[:500])
            self.assertIn('Introspection report on objects', answer.text)
            self.assertIn('portal', answer.text)
            self.assertEqual(self.reached, [(OTHER_REPORT, str(self.module.id), 'html',
                                             data)])

    def test_another_converter_of_another_report_is_odoos(self):
        """OCA report_xlsx answers /report/xlsx/... in its override of Odoo's route: the
        request reaches that route as it came. Without report_xlsx, Odoo answers that it
        knows no such converter (not a 404 of the addon)."""
        path = '/report/xlsx/%s/%d' % (OTHER_REPORT, self.module.id)
        answer = self.get(path + '?options=%7B%7D')
        self.assertEqual(self.reached, [
            (OTHER_REPORT, str(self.module.id), 'xlsx', {'options': '{}'})])
        self.assertNotEqual(answer.status_code, 404)
        self.assertIn('Converter xlsx not implemented.', answer.text)

    def test_the_addons_reports_answer_refusals_over_http(self):
        own = '/report/%s/' + OWN_REPORT + '/%s'
        login = self.requester.login
        for converter in ('pdf', 'html'):
            self.assertEqual(self.get(own % (converter, self.foreign.id), login)
                             .status_code, 403)
            for docids in ('abc', '1,abc', '-1'):
                self.assertEqual(self.get(own % (converter, docids), login).status_code,
                                 404)
        self.assertEqual(self.get(own % ('docx', self.foreign.id)).status_code, 404)
        self.assertEqual(self.get('/report/html/tik_service_mgmt.no_such_report/1')
                         .status_code, 404)
        # The refusals came from Odoo's route (the print was tried); a malformed
        # address never reached it.
        self.assertEqual([(name, converter) for name, _ids, converter, _data
                          in self.reached], [(OWN_REPORT, 'pdf'), (OWN_REPORT, 'html')])
        answer = self.get(own % ('html', self.foreign.id))
        self.assertEqual(answer.status_code, 200, answer.text[:500])
        self.assertIn(self.foreign.number, answer.text)
