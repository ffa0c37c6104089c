# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the requester's portal discloses, over real HTTP.

The outside tests (tests/test_http_authority.py) check printing and commenting against
the demo data; these check, on data of their own, which journal notes the ticket page
shows and that the list survives a reporter the visitor may not read.
"""
import re
from html import unescape

from odoo.tests import common

from ..controllers.portal import TikCustomerPortal
from ..models.authority import as_intake
from .common import TikHttpCase

LANG = 'id_ID'


class TestPortalDisclosure(TikHttpCase):

    def setUp(self):
        super(TestPortalDisclosure, self).setUp()

        partner = self.env['res.partner']
        self.unit = partner.create({'name': 'Dinas Disclosure', 'is_company': True})
        kominfo = partner.create({'name': 'Kominfo Disclosure', 'is_company': True})
        self.portal = self.user('disclosure_portal', self.unit, 'base.group_portal')
        self.helpdesk = self.user('disclosure_helpdesk', kominfo,
                                  'tik_service_mgmt.group_helpdesk')
        self.kabid = self.user('disclosure_kabid', kominfo,
                               'tik_service_mgmt.group_division_head')
        self.officer = self.user('disclosure_officer', kominfo,
                                 'tik_service_mgmt.group_officer')
        self.division = self.env['tik.division'].create({
            'name': 'Bidang Disclosure', 'code': 'DX', 'head_id': self.kabid.id,
            'officer_ids': [(6, 0, self.officer.ids)]})
        self.service = self.env['tik.service'].create({
            'name': 'Layanan Disclosure', 'code': 'DX-1', 'division_id': self.division.id,
            'portal_published': True})
        self.ticket = as_intake(self.env['tik.ticket'], 'portal', self.portal).create({
            'name': 'Jaringan lantai dua putus', 'description': 'Sejak pukul 08.00 WIB.',
            'partner_id': self.portal.partner_id.id})
        self.keep()

    def user(self, login, unit, group):
        return self.env['res.users'].with_context(no_reset_password=True).create({
            'name': login.replace('_', ' ').title(), 'login': 'test_' + login,
            'password': 'test_' + login, 'email': login + '@disclosure.uji.go.id',
            'parent_id': unit.id, 'lang': LANG, 'tz': 'Asia/Jakarta',
            'groups_id': [(6, 0, [self.env.ref(group).id])]})

    def keep(self):
        """Makes the data so far visible to the next request (see test_portal)."""
        with self.registry.cursor():
            pass

    def page(self, path):
        self.authenticate(self.portal.login, self.portal.login)
        answer = self.opener.get('http://%s:%s%s' % (common.HOST, common.PORT, path),
                                 timeout=30, allow_redirects=False)
        self.assertEqual(answer.status_code, 200, answer.text[:1000])
        return unescape(answer.text)

    def ticket_page(self):
        return self.page('/my/layanan-tik/%d' % self.ticket.id)

    def as_actor(self, user, values=None):
        ticket = self.ticket.sudo(user)
        if values:
            ticket.write(values)
        return ticket

    def dispatch(self):
        # Filed without a service ("Lainnya / belum tahu"): the helpdesk chooses it.
        self.as_actor(self.helpdesk, {'division_id': self.division.id,
                                      'service_id': self.service.id}).action_dispatch()

    def accept(self, instruction):
        self.as_actor(self.kabid, {'service_id': self.service.id,
                                   'officer_id': self.officer.id,
                                   'instruction': instruction}).action_accept()

    def report(self, resolution):
        self.as_actor(self.officer, {'resolution': resolution}).action_report_resolution()

    def notes_shown(self, page):
        return re.findall(r'class="o_tik_step_note"[^>]*>(.*?)</span>', page, re.S)

    # --- the progress table -------------------------------------------------------

    def test_the_requester_reads_every_step_and_only_the_notes_meant_for_them(self):
        self.dispatch()
        self.as_actor(self.kabid).action_return_to_helpdesk(
            reason='Salah bidang: arahkan ke Bidang Infrastruktur.')
        self.dispatch()
        self.accept('Instruksi rahasia: cek switch inti dulu.')
        self.report('Kabel patch diganti, belum dicek Kabid.')
        self.as_actor(self.kabid).action_request_rework(
            reason='Catatan Kabid ke petugas: lampirkan foto.')
        self.report('Kabel patch diganti, foto terlampir.')
        self.keep()
        page = self.ticket_page()
        lines = self.ticket.step_ids
        # Every step, with its role, start and deadline...
        self.assertEqual(len(re.findall(r'class="o_tik_journal_line"', page)), len(lines))
        for line in lines.with_context(lang=LANG):
            self.assertIn(line.sop_step_id.name, page)
        # ...the requester's own report...
        self.assertIn('Sejak pukul 08.00 WIB.', page)
        # ...and none of what the actors say to each other.
        for secret in ('Salah bidang', 'Instruksi rahasia', 'belum dicek Kabid',
                       'lampirkan foto', 'foto terlampir'):
            self.assertNotIn(secret, page)
        self.assertNotIn('o_tik_resolution', page)
        self.assertEqual(len(self.notes_shown(page)), 1)

    def test_the_verified_resolution_is_shown_once_and_the_instruction_never(self):
        self.dispatch()
        self.accept('Instruksi rahasia: cek switch inti dulu.')
        self.report('Kabel patch diganti dan diuji.')
        self.as_actor(self.kabid).action_verify()
        self.keep()
        page = self.ticket_page()
        self.assertIn('o_tik_resolution', page)
        self.assertEqual(page.count('Kabel patch diganti dan diuji.'), 1)
        self.assertNotIn('Instruksi rahasia', page)

    def test_the_reason_of_a_rejection_is_the_requesters_to_read(self):
        self.dispatch()
        self.as_actor(self.kabid).action_reject(reason='Bukan layanan Diskominfo.')
        self.keep()
        notes = self.notes_shown(self.ticket_page())
        self.assertEqual(len(notes), 2)
        self.assertIn('Bukan layanan Diskominfo.', notes[1])

    def test_which_notes_the_requester_reads(self):
        shown = TikCustomerPortal._tik_step_note_shown
        # Step 1, their own report; step 2, the helpdesk's, running.
        self.assertEqual([shown(line) for line in self.ticket.step_ids.sorted('id')],
                         [True, False])
        self.dispatch()
        self.accept('Instruksi rahasia.')
        self.assertEqual([shown(line) for line in self.ticket.step_ids.sorted('id')],
                         [True, False, False, False])

    # --- the list -----------------------------------------------------------------

    def test_the_list_shows_a_colleague_the_visitor_may_not_read(self):
        # Several companies that do not share their contacts (base's multi-company
        # rule on res.partner, off by default): a colleague of the unit whose contact
        # belongs to another company is hidden from the portal user, not their ticket.
        self.env.ref('base.res_partner_rule').active = True
        other_company = self.env['res.company'].create({'name': 'Perusahaan Lain Uji'})
        colleague = self.env['res.partner'].create({
            'name': 'Rekan Perusahaan Lain', 'parent_id': self.unit.id,
            'company_id': other_company.id})
        ticket = as_intake(self.env['tik.ticket'], 'phone').create({
            'name': 'Proyektor ruang rapat mati', 'partner_id': colleague.id})
        self.keep()
        self.assertFalse(colleague.sudo(self.portal).search_count(
            [('id', '=', colleague.id)]))
        page = self.page('/my/layanan-tik')
        self.assertIn(ticket.number, page)
        self.assertIn('Rekan Perusahaan Lain', page)
        self.assertIn(self.ticket.number, page)
