# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The requester's portal over real HTTP: who sees which ticket, and the intake form."""
import base64
import re
from html import unescape
from urllib.parse import urlparse

from odoo.tests import common

from ..models.authority import as_intake
from .common import PATH, TikHttpCase

FORM = '/my/layanan-tik/new'
# The language of the test users, as of the agency's staff (and the portal's default).
LANG = 'id_ID'


class TestPortal(TikHttpCase):

    def setUp(self):
        super(TestPortal, self).setUp()

        partner = self.env['res.partner']
        self.unit_a = partner.create({'name': 'Dinas Portal A', 'is_company': True})
        self.unit_b = partner.create({'name': 'Dinas Portal B', 'is_company': True})
        self.kominfo = partner.create({'name': 'Kominfo Portal', 'is_company': True})
        self.colleague = partner.create({'name': 'Rekan Dinas A', 'parent_id': self.unit_a.id})
        self.portal_a = self.user('portal_a', self.unit_a, 'base.group_portal')
        self.portal_b = self.user('portal_b', self.unit_b, 'base.group_portal')
        self.division_x = self.env['tik.division'].create({'name': 'Bidang Portal', 'code': 'PX'})
        self.service_x = self.env['tik.service'].create({
            'name': 'Layanan Terbit', 'code': 'PX-ON', 'division_id': self.division_x.id,
            'portal_published': True})
        self.service_hidden = self.env['tik.service'].create({
            'name': 'Layanan Internal', 'code': 'PX-OFF', 'division_id': self.division_x.id,
            'portal_published': False})
        # Filed as the portal files them, and by the helpdesk for a caller.
        self.ticket_a = self.portal_file(self.portal_a, {
            'name': 'Printer bidang A macet', 'description': 'Kertas tersangkut sejak pagi.',
            'partner_id': self.portal_a.partner_id.id, 'service_id': self.service_x.id})
        self.ticket_colleague = as_intake(self.env['tik.ticket'], 'phone').create({
            'name': 'Akun e-mail rekan terkunci', 'partner_id': self.colleague.id})
        self.ticket_b = self.portal_file(self.portal_b, {
            'name': 'Rahasia dinas B: server arsip', 'description': 'Jangan bocor ke unit lain.',
            'partner_id': self.portal_b.partner_id.id})
        self.keep()

    def portal_file(self, user, vals):
        return as_intake(self.env['tik.ticket'], 'portal', user).create(
            dict(vals, partner_id=user.partner_id.id))

    def user(self, login, unit, *groups):
        return self.env['res.users'].with_context(no_reset_password=True).create({
            'name': login.replace('_', ' ').title(), 'login': 'test_' + login,
            'password': 'test_' + login, 'email': login + '@portal.uji.go.id',
            'parent_id': unit.id, 'lang': LANG, 'tz': 'Asia/Jakarta',
            'groups_id': [(6, 0, [self.env.ref(g).id for g in groups])]})

    def keep(self):
        """Makes the data so far survive a refused request.

        A request that fails rolls the test cursor back to its savepoint; leaving a
        cursor context moves that savepoint, as the end of every request does.
        """
        with self.registry.cursor():
            pass

    def tr(self, source):
        """`source`, a message of the code, as the test users read it."""
        return self.env['ir.translation']._get_source(None, ('code',), LANG, source)

    def login(self, user):
        self.authenticate(user.login, user.login)

    # --- HTTP helpers -------------------------------------------------------------------

    def url(self, path):
        return 'http://%s:%s%s' % (common.HOST, common.PORT, path)

    def get(self, path, **kwargs):
        return self.opener.get(self.url(path), timeout=30, allow_redirects=False, **kwargs)

    def post(self, path, data, files=None):
        return self.opener.post(self.url(path), data=data, files=files, timeout=30,
                                allow_redirects=False)

    def assertRedirects(self, response, path):
        self.assertIn(response.status_code, (301, 302, 303), response.text[:500])
        self.assertEqual(urlparse(response.headers['Location']).path, path)

    def csrf_token(self):
        page = self.get(FORM)
        self.assertEqual(page.status_code, 200)
        return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)

    def form(self, **values):
        data = {'name': 'Aplikasi SIMPUS tidak bisa dibuka',
                'description': 'Muncul pesan galat 502 sejak pukul 08.00.',
                'service_id': str(self.service_x.id), 'phone': '0812-3456-7890',
                'csrf_token': self.csrf_token()}
        data.update(values)
        return {key: value for key, value in data.items() if value is not None}

    def tickets_of(self, user):
        self.env.cache.invalidate()
        return self.env['tik.ticket'].search([('partner_id', '=', user.partner_id.id)])

    def walk(self, ticket, state):
        """Brings `ticket` to `state` through the workflow, as the right actors."""
        if not getattr(self, 'helpdesk', None):
            self.make_actors()
        actors = {'helpdesk': self.helpdesk, 'kabid': self.kabid, 'officer': self.officer,
                  'head': self.head}
        source = 'new'
        for target, actor, values, action in PATH:
            if ticket.state == state:
                break
            if ticket.state == source:
                as_actor = ticket.sudo(actors[actor])
                if values:
                    as_actor.write(values(self))
                getattr(as_actor, 'action_' + action)()
            source = target
        self.assertEqual(ticket.state, state)
        self.keep()

    def make_actors(self):
        self.helpdesk = self.user('helpdesk', self.kominfo, 'tik_service_mgmt.group_helpdesk')
        self.kabid = self.user('kabid', self.kominfo, 'tik_service_mgmt.group_division_head')
        self.officer = self.user('officer', self.kominfo, 'tik_service_mgmt.group_officer')
        self.head = self.user('head', self.kominfo, 'tik_service_mgmt.group_head')
        self.division_x.write({'head_id': self.kabid.id,
                               'officer_ids': [(6, 0, self.officer.ids)]})

    # --- home and list ----------------------------------------------------------------

    def test_home_counts_the_tickets_the_user_sees(self):
        self.login(self.portal_a)
        home = self.get('/my')
        self.assertEqual(home.status_code, 200)
        entry = re.search(r'<li[^>]*o_tik_home_entry.*?</li>', home.text, re.S).group(0)
        self.assertIn('href="/my/layanan-tik"', entry)
        self.assertIn('>2<', entry)

    def test_list_shows_own_and_unit_tickets_not_other_units(self):
        self.login(self.portal_a)
        for sortby in ('', '?sortby=date', '?sortby=number', '?sortby=state',
                       '?sortby=nonsense'):
            page = self.get('/my/layanan-tik' + sortby)
            self.assertEqual(page.status_code, 200, sortby)
            self.assertIn(self.ticket_a.number, page.text)
            self.assertIn(self.ticket_colleague.number, page.text)
            self.assertNotIn(self.ticket_b.number, page.text)
            self.assertNotIn(self.ticket_b.name, page.text)
        self.login(self.portal_b)
        page = self.get('/my/layanan-tik')
        self.assertIn(self.ticket_b.number, page.text)
        self.assertNotIn(self.ticket_a.number, page.text)

    def test_list_sorted_by_state_follows_the_workflow(self):
        # The colleague's ticket, the newer, goes on to analysis; ours stays new.
        self.walk(self.ticket_colleague, 'analysis')
        self.login(self.portal_a)
        page = self.get('/my/layanan-tik?sortby=date').text
        self.assertLess(page.index(self.ticket_colleague.number),
                        page.index(self.ticket_a.number))
        page = self.get('/my/layanan-tik?sortby=state').text
        self.assertLess(page.index(self.ticket_a.number),
                        page.index(self.ticket_colleague.number))

    def test_public_users_are_sent_to_log_in(self):
        for path in ('/my', '/my/layanan-tik', FORM, '/my/layanan-tik/%d' % self.ticket_a.id):
            self.assertRedirects(self.get(path), '/web/login')
        self.assertRedirects(self.post(FORM, {'name': 'Tanpa login'}), '/web/login')
        self.assertFalse(self.env['tik.ticket'].search([('name', '=', 'Tanpa login')]))

    # --- one ticket -------------------------------------------------------------------

    def test_detail_shows_the_ticket_and_its_journal(self):
        self.login(self.portal_a)
        page = self.get('/my/layanan-tik/%d' % self.ticket_a.id)
        self.assertEqual(page.status_code, 200)
        for text in (self.ticket_a.number, self.ticket_a.name, 'Kertas tersangkut sejak pagi.',
                     self.service_x.name, 'data-state="new"', 'o_tik_journal',
                     'o_portal_chatter', 'data-allow_composer="1"'):
            self.assertIn(text, page.text)
        # One line for step 1 (done) and one for step 2 (running).
        journal = re.search(r'<table[^>]*o_tik_journal.*?</table>', page.text, re.S).group(0)
        self.assertEqual(journal.count('<tr'), 3)
        # A colleague of the same unit reads it too.
        self.login(self.portal_a)
        self.assertEqual(self.get('/my/layanan-tik/%d' % self.ticket_colleague.id).status_code, 200)

    def test_another_units_ticket_redirects_without_leaking(self):
        self.login(self.portal_a)
        page = self.get('/my/layanan-tik/%d' % self.ticket_b.id)
        self.assertRedirects(page, '/my')
        self.assertNotIn(self.ticket_b.name, page.text)
        self.assertNotIn(self.ticket_b.number, page.text)
        self.assertRedirects(self.get('/my/layanan-tik/999999999'), '/my')

    def test_access_token_opens_that_ticket_only(self):
        self.login(self.portal_a)
        path = '/my/layanan-tik/%d?access_token=%s'
        page = self.get(path % (self.ticket_b.id, self.ticket_b.access_token))
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.ticket_b.name, page.text)
        self.assertIn('data-token="%s"' % self.ticket_b.access_token, page.text)
        # The token grants reading, not commenting.
        self.assertIn('data-allow_composer="0"', page.text)
        self.assertRedirects(self.get(path % (self.ticket_b.id, 'not-the-token')), '/my')
        self.assertRedirects(self.get(path % (self.ticket_b.id, self.ticket_a.access_token)),
                             '/my')
        # Without logging in too, as a shared link.
        self.opener.cookies.clear()
        page = self.get(path % (self.ticket_b.id, self.ticket_b.access_token))
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.ticket_b.number, page.text)
        self.assertRedirects(self.get(path % (self.ticket_b.id, 'not-the-token')), '/my')

    def test_reason_when_rejected_and_resolution_once_verified(self):
        self.walk(self.ticket_a, 'verification')
        self.login(self.portal_a)
        page = self.get('/my/layanan-tik/%d' % self.ticket_a.id).text
        self.assertNotIn('o_tik_resolution', page)
        self.assertNotIn('o_tik_reject_reason', page)
        self.walk(self.ticket_a, 'closed')
        page = self.get('/my/layanan-tik/%d' % self.ticket_a.id).text
        self.assertIn('o_tik_resolution', page)
        self.assertIn(self.ticket_a.resolution, page)
        self.assertIn('data-state="closed"', page)

        self.ticket_colleague.sudo(self.helpdesk).write({'division_id': self.division_x.id})
        self.ticket_colleague.sudo(self.helpdesk).action_dispatch()
        self.ticket_colleague.sudo(self.kabid).action_reject(reason='Bukan layanan Kominfo.')
        self.keep()
        page = self.get('/my/layanan-tik/%d' % self.ticket_colleague.id).text
        self.assertIn('o_tik_reject_reason', page)
        self.assertIn('Bukan layanan Kominfo.', page)

    def test_the_requester_comments_in_the_chatter(self):
        self.login(self.portal_a)
        path = '/my/layanan-tik/%d' % self.ticket_a.id
        posted = self.opener.post(
            self.url('/mail/chatter_post'), allow_redirects=False, timeout=30,
            headers={'Referer': self.url(path)},
            data={'res_model': 'tik.ticket', 'res_id': self.ticket_a.id,
                  'message': 'Sudah saya coba restart, tetap macet.',
                  'csrf_token': self.csrf_token()})
        self.assertIn(posted.status_code, (302, 303))
        self.env.cache.invalidate()
        comment = self.ticket_a.website_message_ids.filtered(
            lambda m: m.author_id == self.portal_a.partner_id)
        self.assertEqual(len(comment), 1)
        thread = self.opener.post(self.url('/mail/chatter_init'), timeout=30, json={
            'jsonrpc': '2.0', 'method': 'call', 'params': {
                'res_model': 'tik.ticket', 'res_id': self.ticket_a.id,
                'allow_composer': True}}).json()['result']
        self.assertIn('tetap macet', ' '.join(m['body'] for m in thread['messages']))
        self.assertTrue(thread['options']['display_composer'])

    # --- the intake form ----------------------------------------------------------------

    def test_form_offers_published_services_only(self):
        self.login(self.portal_a)
        page = self.get(FORM).text
        self.assertIn(self.service_x.name, page)
        self.assertNotIn(self.service_hidden.name, page)
        for name in ('name', 'description', 'service_id', 'phone', 'attachment',
                     'csrf_token'):
            self.assertIn('name="%s"' % name, page)

    def test_post_files_a_ticket_owned_by_the_portal_user(self):
        self.login(self.portal_a)
        before = self.tickets_of(self.portal_a)
        # A reporter slipped into the form is ignored.
        response = self.post(FORM, self.form(partner_id=str(self.portal_b.partner_id.id)))
        new = self.tickets_of(self.portal_a) - before
        self.assertEqual(len(new), 1)
        self.assertRedirects(response, '/my/layanan-tik/%d' % new.id)
        self.assertEqual(new.partner_id, self.portal_a.partner_id)
        self.assertEqual(new.unit_id, self.unit_a)
        self.assertEqual(new.service_id, self.service_x)
        self.assertEqual(new.phone, '+6281234567890')
        self.assertEqual(new.state, 'new')
        self.assertFalse(self.tickets_of(self.portal_b) - self.ticket_b)
        page = self.get('/my/layanan-tik/%d' % new.id)
        self.assertEqual(page.status_code, 200)
        self.assertIn(new.number, page.text)

    def test_post_stores_the_attachments_on_the_ticket(self):
        self.login(self.portal_a)
        before = self.tickets_of(self.portal_a)
        files = [('attachment', ('galat.txt', b'502 Bad Gateway', 'text/plain')),
                 ('attachment', ('halaman.html', b'<script>alert(1)</script>', 'text/html'))]
        self.post(FORM, self.form(), files=files)
        new = self.tickets_of(self.portal_a) - before
        attachments = self.env['ir.attachment'].search(
            [('res_model', '=', 'tik.ticket'), ('res_id', '=', new.id)], order='name')
        self.assertEqual(attachments.mapped('name'), ['galat.txt', 'halaman.html'])
        self.assertEqual(base64.b64decode(attachments[0].datas), b'502 Bad Gateway')
        # Uploaded markup is never served as HTML.
        self.assertEqual(attachments[1].mimetype, 'text/plain')
        # Files of an internal note stay with the note.
        new.message_post(body='Catatan internal', subtype='mail.mt_note',
                         attachments=[('catatan-internal.txt', b'rahasia')])
        self.keep()
        page = self.get('/my/layanan-tik/%d' % new.id).text
        self.assertIn('galat.txt', page)
        self.assertNotIn('catatan-internal.txt', page)

    def test_post_without_subject_answers_the_form_with_the_error(self):
        self.login(self.portal_a)
        before = self.tickets_of(self.portal_a)
        response = self.post(FORM, self.form(name='  ', description='Teks yang saya ketik'))
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.tr('Write the subject of your request.'), unescape(response.text))
        self.assertRegex(response.text, r'form-group has-error">\s*<label[^>]*for="tik_name"')
        self.assertIn('Teks yang saya ketik</textarea>', response.text)
        self.assertIn('value="0812-3456-7890"', response.text)
        self.assertRegex(response.text, r'<option value="%d" selected' % self.service_x.id)
        self.assertEqual(self.tickets_of(self.portal_a), before)

    def test_post_with_a_bad_phone_answers_the_form_with_the_models_message(self):
        self.login(self.portal_a)
        before = self.tickets_of(self.portal_a)
        response = self.post(FORM, self.form(phone='12345', name='Subjek yang saya ketik'))
        self.assertEqual(response.status_code, 200)
        refusal = self.tr('The phone number "%s" is not valid. Write it as 0812-3456-7890 '
                          'or +62 812-3456-7890.') % '12345'
        self.assertIn(refusal, unescape(response.text))
        self.assertIn('value="Subjek yang saya ketik"', response.text)
        self.assertIn('value="12345"', response.text)
        self.assertEqual(self.tickets_of(self.portal_a), before)

    def test_post_with_an_unpublished_or_unknown_service_is_refused(self):
        self.login(self.portal_a)
        before = self.tickets_of(self.portal_a)
        for service in (str(self.service_hidden.id), '999999999', 'abc', ''):
            response = self.post(FORM, self.form(service_id=service))
            self.assertEqual(response.status_code, 200, service)
            self.assertIn(self.tr('Choose a service of the catalogue, or "Other / I '
                                  'don\'t know" if none fits.'), unescape(response.text))
        self.assertEqual(self.tickets_of(self.portal_a), before)

    def test_other_or_dont_know_files_without_a_service(self):
        self.login(self.portal_a)
        page = self.get(FORM).text
        self.assertIn('value="other"', page)
        self.assertIn('Lainnya / belum tahu', unescape(page))
        before = self.tickets_of(self.portal_a)
        response = self.post(FORM, self.form(service_id='other'))
        self.assertIn(response.status_code, (302, 303))
        new = self.tickets_of(self.portal_a) - before
        self.assertEqual((len(new), new.service_id, new.channel), (1, new.service_id, 'portal'))
        self.assertFalse(new.service_id)
        page = self.get('/my/layanan-tik/%d' % new.id).text
        self.assertIn('belum dipilih', unescape(page))

    def test_the_catalogue_link_preselects_its_service(self):
        self.login(self.portal_a)
        page = self.get(FORM + '?service_id=%d' % self.service_x.id).text
        self.assertRegex(page, r'<option[^>]* value="%d"[^>]* selected' % self.service_x.id)
        # A refused form keeps what was typed, the service "other" included.
        response = self.post(FORM, self.form(service_id='other', name=''))
        self.assertEqual(response.status_code, 200)
        self.assertRegex(response.text, r'<option[^>]* value="other"[^>]* selected')
        self.assertIn('Muncul pesan galat 502', response.text)

    def test_post_without_csrf_token_is_refused(self):
        self.login(self.portal_a)
        before = self.tickets_of(self.portal_a)
        self.assertEqual(self.post(FORM, self.form(csrf_token=None)).status_code, 400)
        self.assertEqual(self.post(FORM, self.form(csrf_token='forged')).status_code, 400)
        self.assertEqual(self.tickets_of(self.portal_a), before)

    # --- the addresses, the filing's author, the page's polish ---------------------------

    def test_the_old_addresses_are_left_to_the_other_helpdesks(self):
        self.login(self.portal_a)
        for path in ('/my/tickets', '/my/tickets/new', '/my/tickets/%d' % self.ticket_a.id):
            self.assertEqual(self.get(path).status_code, 404, path)
        self.assertEqual(self.ticket_a.portal_url, '/my/layanan-tik/%d' % self.ticket_a.id)

    def test_a_portal_filing_is_credited_to_the_requester(self):
        self.login(self.portal_a)
        before = self.tickets_of(self.portal_a)
        self.post(FORM, self.form())
        new = self.tickets_of(self.portal_a) - before
        # Beside the receipt the agency sends (test_notifications).
        notice = self.env.ref('tik_service_mgmt.mt_ticket_notice')
        posted = new.message_ids.filtered(lambda m: m.subtype_id != notice)
        self.assertTrue(posted)
        self.assertEqual(posted.mapped('author_id'), self.portal_a.partner_id)
        for message in posted:
            self.assertIn(self.portal_a.email, message.email_from)
        # The journal's first line names the requester too.
        self.assertEqual(new.step_ids.filtered(lambda s: s.position == 1).user_id,
                         self.portal_a)

    def test_the_phone_reads_as_people_write_it(self):
        self.login(self.portal_a)
        before = self.tickets_of(self.portal_a)
        self.post(FORM, self.form(phone='0813-3456-7890'))
        new = self.tickets_of(self.portal_a) - before
        self.assertEqual(new.phone, '+6281334567890')
        page = self.get('/my/layanan-tik/%d' % new.id).text
        self.assertIn('+62 813-3456-7890', page)
        self.assertIn('href="tel:+6281334567890"', page)

    def test_a_refused_form_asks_for_files_again_only_if_it_had_some(self):
        self.login(self.portal_a)
        again = 'o_tik_files_dropped'
        self.assertNotIn(again, self.post(FORM, self.form(phone='12345')).text)
        files = [('attachment', ('galat.txt', b'502 Bad Gateway', 'text/plain'))]
        self.assertIn(again, self.post(FORM, self.form(phone='12345'), files=files).text)

    def test_the_form_marks_what_is_required_and_describes_the_services(self):
        self.service_x.description = 'Terbitkan layanan uji untuk portal.'
        self.keep()
        self.login(self.portal_a)
        page = self.get(FORM).text
        self.assertEqual(page.count('o_tik_required'), 3)  # the legend, subject, service
        self.assertIn('data-description="Terbitkan layanan uji untuk portal."', page)
        chosen = self.post(FORM, self.form(name='')).text
        self.assertRegex(chosen, r'o_tik_service_description">Terbitkan layanan uji')

    def test_a_rejected_ticket_says_so_with_its_reason_and_no_time_standard(self):
        self.walk(self.ticket_a, 'analysis')
        self.ticket_a.sudo(self.kabid).action_reject(reason='Bukan layanan TIK: hubungi TU.')
        self.keep()
        self.login(self.portal_a)
        page = unescape(self.get('/my/layanan-tik/%d' % self.ticket_a.id).text)
        self.assertIn('o_tik_reject_reason', page)
        self.assertIn('Bukan layanan TIK: hubungi TU.', page)
        self.assertRegex(page, r'fa-ban"[^>]*>(</i>)?\s*Ditolak')
        self.assertNotIn('o_tik_sla', page)

    def test_dates_show_no_seconds(self):
        self.login(self.portal_a)
        for path in ('/my/layanan-tik/%d' % self.ticket_a.id, '/my/layanan-tik'):
            shown = re.sub(r'<[^>]*>', ' ', self.get(path).text)  # not the attributes
            self.assertRegex(shown, r'\d\d:\d\d', path)
            self.assertNotRegex(shown, r'\d\d:\d\d:\d\d', path)

    # --- bad bytes and size -------------------------------------------------------------

    def test_a_nul_in_the_form_answers_the_form_with_the_error(self):
        self.login(self.portal_a)
        before = self.tickets_of(self.portal_a)
        for field in ('name', 'description', 'phone', 'service_id'):
            data = self.form()
            data[field] = data[field][:3] + '\x00' + data[field][3:]
            response = self.post(FORM, data)
            self.assertEqual(response.status_code, 200, field)
            self.assertIn(self.tr('This text held a character that cannot be stored (NUL). '
                                  'It was removed: check the text and send it again.'),
                          unescape(response.text), field)
        self.assertEqual(self.tickets_of(self.portal_a), before)
        # A NUL in a file's name is dropped from the name.
        response = self.post(FORM, self.form(), files=[
            ('attachment', ('gal\x00at.txt', b'502', 'text/plain'))])
        self.assertEqual(response.status_code, 302)
        new = self.tickets_of(self.portal_a) - before
        name = self.env['ir.attachment'].search(
            [('res_model', '=', 'tik.ticket'), ('res_id', '=', new.id)]).name
        self.assertTrue(name.startswith('gal') and '\x00' not in name, name)

    def test_a_request_over_the_total_limit_is_refused_before_its_files_are_read(self):
        self.env['ir.config_parameter'].set_param(
            'tik_service_mgmt.portal_max_request_mb', '1')
        self.keep()
        self.login(self.portal_a)
        before = self.tickets_of(self.portal_a)
        files = [('attachment', ('a%d.txt' % i, b'x' * 400000, 'text/plain'))
                 for i in range(3)]
        response = self.post(FORM, self.form(), files=files)
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.tr('The request is larger than %s MB in all: send fewer or '
                              'smaller files.') % 1, unescape(response.text))
        self.assertEqual(self.tickets_of(self.portal_a), before)
        response = self.post(FORM, self.form(), files=files[:2])
        self.assertEqual(len(self.tickets_of(self.portal_a) - before), 1)

    def test_bad_bytes_in_the_survey_answer_the_form(self):
        self.walk(self.ticket_a, 'closed')
        self.login(self.portal_a)
        path = '/my/layanan-tik/%d/survey' % self.ticket_a.id
        page = self.get(path)
        self.assertEqual(page.status_code, 200)
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        scores = {'u%d' % i: '3' for i in range(1, 10)}
        for bad in (dict(scores, suggestion='Bagus\x00sekali'), dict(scores, u3='\u00b3'),
                    dict(scores, u4='\u0663\u0663')):
            response = self.post(path, dict(bad, csrf_token=token))
            self.assertEqual(response.status_code, 200, bad)
            self.assertNotIn('Traceback', response.text)
            self.assertIn('o_tik_errors', response.text, bad)
        self.env.cache.invalidate()
        self.assertFalse(self.env['tik.survey.response'].search(
            [('ticket_id', '=', self.ticket_a.id)]))
