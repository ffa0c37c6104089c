# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""/layanan, the published service standards, as an anonymous visitor reads them."""
import re
from html import unescape

from odoo.tests import common

from .common import TikHttpCase


class TestCatalogue(TikHttpCase):

    def setUp(self):
        super(TestCatalogue, self).setUp()
        division = self.env['tik.division'].create({'name': 'Bidang Katalog Uji',
                                                    'code': 'KAT'})
        services = self.env['tik.service']
        self.published = services.create({
            'name': 'Layanan Katalog Terbit', 'code': 'KAT-ON', 'division_id': division.id,
            'description': 'Pembuatan akun uji.', 'resolution_days': 5,
            'requirements': 'Surat permohonan & daftar <pegawai>.',
            'sop_reference': '060/099/406.020/2023 SOP Uji', 'portal_published': True})
        self.free = services.create({
            'name': 'Layanan Katalog Gratis', 'code': 'KAT-FREE', 'division_id': division.id,
            'cost': 'Rp 0 (APBD)', 'portal_published': True})
        self.hidden = services.create({
            'name': 'Layanan Katalog Internal', 'code': 'KAT-OFF',
            'division_id': division.id, 'portal_published': False})
        self.archived = services.create({
            'name': 'Layanan Katalog Lama', 'code': 'KAT-OLD', 'division_id': division.id,
            'portal_published': True, 'active': False})
        # The data so far is what the next request reads (see test_portal.keep).
        with self.registry.cursor():
            pass

    def card(self, page, service):
        match = re.search(r'<div class="panel panel-default o_tik_service_card" '
                          r'data-code="%s">(.*?)</a>\s*</div>\s*</div>' % service.code,
                          page, re.S)
        self.assertTrue(match, service.code)
        return match.group(1)

    def test_anonymous_visitors_read_the_published_standards(self):
        response = self.opener.get('http://%s:%s/layanan' % (common.HOST, common.PORT),
                                   timeout=30, allow_redirects=False)
        self.assertEqual(response.status_code, 200)
        self.assertIn('/web/login', response.text)  # nobody is signed in
        page = response.text
        self.assertIn('Bidang Katalog Uji', page)
        self.assertNotIn(self.hidden.name, page)
        self.assertNotIn(self.archived.name, page)
        card = self.card(page, self.published)
        # Steps 2-7: 1 + 1 + 5 (the service's own step 4) + 1 + 1 + 1 working days.
        self.assertIn('data-days="10"', card)
        self.assertIn('Surat permohonan &amp; daftar &lt;pegawai&gt;.', card)
        self.assertIn('060/099/406.020/2023 SOP Uji', unescape(card))
        self.assertIn('/my/layanan-tik/new?service_id=%d' % self.published.id, card)
        self.assertIn('data-days="8"', self.card(page, self.free))
        self.assertIn('Rp 0 (APBD)', self.card(page, self.free))
        # The procedure: the SOP's seven steps.
        self.assertEqual(len(re.findall(r'<li>\s*<span>', page.split('o_tik_procedure')[-1])),
                         7)

    def test_the_link_to_file_asks_to_sign_in_first(self):
        response = self.opener.get(
            'http://%s:%s/my/layanan-tik/new?service_id=%d' % (
                common.HOST, common.PORT, self.published.id),
            timeout=30, allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn('/web/login', response.headers['Location'])

    def test_time_standard_of_a_service(self):
        self.assertEqual(self.published.time_standard_days, 10)
        self.assertEqual(self.free.time_standard_days, 8)

    def test_only_the_sop_in_force_is_published(self):
        sop = self.env.ref('tik_service_mgmt.sop_tik')
        draft = self.env['tik.sop'].browse(sop.action_revise()['res_id'])
        draft.step_ids.filtered(lambda s: s.sequence == 4).name = 'Langkah draf belum sah'
        with self.registry.cursor():
            pass
        response = self.opener.get('http://%s:%s/layanan' % (common.HOST, common.PORT),
                                   timeout=30, allow_redirects=False)
        self.assertEqual(response.status_code, 200)
        self.assertNotIn('Langkah draf belum sah', response.text)
        self.assertEqual(len(re.findall(
            r'<li>\s*<span>', response.text.split('o_tik_procedure')[-1])), 7)
