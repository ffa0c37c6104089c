# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Tickets ended as part of another and mass outages over real HTTP: the portal and
/layanan as requesters, the public and other units see them."""
import requests

from odoo.tests import common

from ..models.authority import as_intake
from .common import TikHttpCase

LANG = 'id_ID'


class TestLinkPortal(TikHttpCase):

    def setUp(self):
        super(TestLinkPortal, self).setUp()
        self.env['res.lang'].load_lang(LANG)
        partner = self.env['res.partner']
        self.unit_a = partner.create({'name': 'Dinas Tautan A', 'is_company': True})
        self.unit_b = partner.create({'name': 'Dinas Tautan B', 'is_company': True})
        self.portal_a = self.user('link_portal_a', self.unit_a, 'base.group_portal')
        self.portal_b = self.user('link_portal_b', self.unit_b, 'base.group_portal')
        self.portal_a2 = self.user('link_portal_a2', self.unit_a, 'base.group_portal')
        self.helpdesk = self.user('link_helpdesk', self.unit_b,
                                  'tik_service_mgmt.group_helpdesk')
        division = self.env['tik.division'].create({'name': 'Bidang Tautan', 'code': 'TL'})
        self.service = self.env['tik.service'].create({
            'name': 'Jaringan Tautan', 'code': 'TL-NET', 'division_id': division.id,
            'portal_published': True})
        self.other = self.env['tik.service'].create({
            'name': 'Aplikasi Tautan', 'code': 'TL-APP', 'division_id': division.id,
            'portal_published': True})
        self.carrier = self.file(self.portal_b, 'Jaringan dinas B putus',
                                 'Kabel serat optik terputus di jalan.')
        self.duplicate = self.file(self.portal_a, 'Internet mati', 'Tidak bisa membuka situs.')
        self.duplicate.sudo(self.helpdesk).action_merge(
            target_id=self.carrier.id, reason='Gangguan yang sama.')
        with self.registry.cursor():
            pass

    def file(self, user, name, description):
        return as_intake(self.env['tik.ticket'], 'portal', user).create({
            'name': name, 'description': description, 'partner_id': user.partner_id.id,
            'service_id': self.service.id})

    def user(self, login, unit, *groups):
        return self.env['res.users'].with_context(no_reset_password=True).create({
            'name': login.replace('_', ' ').title(), 'login': 'test_' + login,
            'password': 'test_' + login, 'email': login + '@tautan.uji.go.id',
            'parent_id': unit.id, 'lang': LANG, 'tz': 'Asia/Jakarta',
            'groups_id': [(6, 0, [self.env.ref(g).id for g in groups])]})

    def get(self, path):
        return self.opener.get('http://%s:%s%s' % (common.HOST, common.PORT, path),
                               timeout=30, allow_redirects=False)

    def test_the_reporter_follows_the_carrying_ticket_of_another_unit(self):
        self.authenticate('test_link_portal_a', 'test_link_portal_a')
        page = self.get('/my/layanan-tik/%d' % self.duplicate.id)
        self.assertEqual(page.status_code, 200)
        self.assertIn('o_tik_part_of', page.text)
        self.assertIn('/my/layanan-tik/%d' % self.carrier.id, page.text)
        self.assertIn(self.carrier.number, page.text)
        self.assertIn('ditangani sebagai bagian dari tiket', page.text)
        page = self.get('/my/layanan-tik/%d' % self.carrier.id)
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.carrier.name, page.text)
        listing = self.get('/my/layanan-tik')
        self.assertIn(self.carrier.number, listing.text)

    def test_the_verification_page_of_both_names_the_link(self):
        for ticket, other, css in ((self.carrier, self.duplicate, 'o_tik_carried'),
                                   (self.duplicate, self.carrier, 'o_tik_part_of')):
            page = requests.get('http://%s:%s/tik/verify/%s?hash=%s' % (
                common.HOST, common.PORT, ticket.number, ticket.journal_head), timeout=30)
            self.assertEqual(page.status_code, 200)
            self.assertIn('data-verdict="intact"', page.text)
            self.assertIn(css, page.text)
            self.assertIn(other.number, page.text)
            self.assertNotIn(other.name, page.text)

    def test_a_colleague_who_reported_nothing_there_does_not_see_it(self):
        self.authenticate('test_link_portal_a2', 'test_link_portal_a2')
        page = self.get('/my/layanan-tik/%d' % self.carrier.id)
        self.assertIn(page.status_code, (301, 302, 303))
        self.assertNotIn(self.carrier.name, page.text)
        # Their unit's ticket they see, and that it is part of another by its number only.
        page = self.get('/my/layanan-tik/%d' % self.duplicate.id)
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.carrier.number, page.text)
        self.assertNotIn('Kabel serat optik', page.text)

    def test_a_running_outage_is_shown_before_filing(self):
        self.carrier.sudo(self.helpdesk).action_mark_outage(reason='Serat optik putus.')
        # An outage of one unit's link is shown to that unit only.
        link_b = self.file(self.portal_b, 'Link dinas B mati', 'Router kantor mati.')
        link_b.sudo(self.helpdesk).action_mark_outage(reason='Router dinas B.',
                                                      unit_id=self.unit_b.id)
        with self.registry.cursor():
            pass
        self.authenticate('test_link_portal_a2', 'test_link_portal_a2')
        form = self.get('/my/layanan-tik/new')
        self.assertEqual(form.status_code, 200)
        self.assertIn('data-number="%s"' % self.carrier.number, form.text)
        self.assertIn('Gangguan massal sedang ditangani', form.text)
        # Only the number and the service leave the server.
        self.assertNotIn(self.carrier.name, form.text)
        # The public catalogue, without a session.
        catalogue = requests.get('http://%s:%s/layanan' % (common.HOST, common.PORT),
                                 timeout=30)
        self.assertEqual(catalogue.status_code, 200)
        self.assertEqual(catalogue.text.count('data-number="%s"' % self.carrier.number), 1)
        self.assertIn('data-service="%d"' % self.service.id, catalogue.text)
        self.assertNotIn('data-service="%d"' % self.other.id, catalogue.text)
        self.assertNotIn(link_b.number, form.text + catalogue.text)
        self.authenticate('test_link_portal_b', 'test_link_portal_b')
        self.assertIn('data-number="%s"' % link_b.number, self.get('/my/layanan-tik/new').text)
