# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public verification page over HTTP: no login, the four verdicts, no personal
data, and the QR code of the Ticket Record pointing at it."""
import re
from urllib.parse import parse_qs, quote, unquote, urlparse

import lxml.html

from odoo import fields

from ..models.authority import as_workflow
from .common import PATH, TikHttpCase
from .test_journal_seal import rewrite
from .test_reports import html_root


class TestVerifyHttp(TikHttpCase):

    def setUp(self):
        super(TestVerifyHttp, self).setUp()
        env = self.env(context=dict(self.env.context, no_reset_password=True))
        tik = 'tik_service_mgmt.'
        partner = env['res.partner']
        unit = partner.create({'name': 'Dinas Rahasia Uji', 'is_company': True})

        def user(login, group):
            return env['res.users'].create({
                'name': 'Nama %s Rahasia' % login.title(), 'login': 'verify_' + login,
                'email': login + '@rahasia.go.id', 'parent_id': unit.id,
                'groups_id': [(6, 0, [env.ref(tik + group).id])]})
        self.users = {
            'requester': user('requester', 'group_requester'),
            'helpdesk': user('helpdesk', 'group_helpdesk'),
            'kabid': user('kabid', 'group_division_head'),
            'officer': user('officer', 'group_officer'),
            'head': user('head', 'group_head'),
        }
        self.division_x = env['tik.division'].create({
            'name': 'Bidang Verifikasi', 'code': 'VX', 'head_id': self.users['kabid'].id,
            'officer_ids': [(6, 0, self.users['officer'].ids)]})
        self.service_x = env['tik.service'].create({
            'name': 'Layanan Verifikasi', 'code': 'VX-1', 'division_id': self.division_x.id})
        self.officer = self.users['officer']
        for seq, who in ((2, 'helpdesk'), (6, 'head'), (7, 'helpdesk')):
            env.ref(tik + 'sop_step_%d' % seq).user_id = self.users[who]
        self.ticket = env['tik.ticket'].sudo(self.users['requester']).create({
            'name': 'Subjek rahasia sekali', 'phone': '0812-9876-5432',
            'description': 'Uraian rahasia sekali.'})
        actors = dict(self.users, kabid=self.users['kabid'])
        for _target, actor, values, action in PATH:
            as_actor = self.ticket.sudo(actors[actor])
            if values:
                as_actor.write(values(self))
            getattr(as_actor, 'action_' + action)()
        self.ticket = self.ticket.sudo()
        self.assertEqual(self.ticket.state, 'closed')
        self.Seal = env['tik.journal.seal']
        self.keep()

    def keep(self):
        """Makes the data so far visible to the next request: a request ends by
        rolling the test cursor back to its last commit."""
        with self.registry.cursor():
            pass

    def page(self, number, head):
        answer = self.url_open('/tik/verify/%s?hash=%s' % (quote(number, safe='/'), head))
        self.assertEqual(answer.status_code, 200)
        root = lxml.html.fromstring(answer.content)
        verdict = root.xpath('//*[@data-verdict]')
        self.assertEqual(len(verdict), 1)
        return verdict[0].get('data-verdict'), answer.text, root

    def assert_no_personal_data(self, text):
        for secret in ('Rahasia', 'rahasia', '9876', 'Subjek', 'Uraian',
                       self.users['requester'].email):
            self.assertNotIn(secret, text)

    def test_intact_and_what_the_page_shows(self):
        verdict, text, _root = self.page(self.ticket.number, self.ticket.journal_head)
        self.assertEqual(verdict, 'intact')
        self.assertIn(self.ticket.number, text)
        self.assertIn('060/020/406.020/2023', text)
        self.assertIn('Utuh', text)
        # Filing and closing dates, Indonesian style, in WIB.
        self.assertEqual(len(re.findall(r'\d\d/\d\d/20\d\d \d\d\.\d\d WIB', text)), 2)
        self.assertIn('Belum disegel', text)
        self.assert_no_personal_data(text)

    def test_altered_in_sql(self):
        self.cr.execute('UPDATE tik_ticket_step SET note = %s WHERE ticket_id = %s AND '
                        'position = 4', ('Tidak dikerjakan.', self.ticket.id))
        self.env.cache.invalidate()
        self.keep()
        verdict, text, _root = self.page(self.ticket.number, self.ticket.journal_head)
        self.assertEqual(verdict, 'altered')
        self.assertIn('Diubah', text)
        self.assert_no_personal_data(text)

    def test_a_recomputed_chain_is_caught_by_the_seal(self):
        today = self.Seal._local_day(fields.Datetime.now())
        as_workflow(self.Seal)._seal_until(today)
        self.keep()
        printed = self.ticket.journal_head
        verdict, text, _root = self.page(self.ticket.number, printed)
        self.assertEqual(verdict, 'intact')
        seal = self.Seal.of_ticket(self.ticket)
        self.assertIn(seal.digest, text)
        new_head = rewrite(self, self.ticket, 4, 'Tidak dikerjakan.')
        self.keep()
        for head in (printed, new_head):
            verdict, text, _root = self.page(self.ticket.number, head)
            # ...but not against the day's seal.
            self.assertIn(verdict, ('altered', 'mismatch'))
            self.assertEqual(verdict, 'altered')
            self.assert_no_personal_data(text)

    def test_mismatch_and_unknown(self):
        verdict, text, _root = self.page(self.ticket.number, 'a' * 64)
        self.assertEqual(verdict, 'mismatch')
        self.assert_no_personal_data(text)
        verdict, text, _root = self.page('TIK/1999/00001', self.ticket.journal_head)
        self.assertEqual(verdict, 'unknown')
        self.assertNotIn('060/020', text)
        verdict, _text, _root = self.page('bukan-nomor', '')
        self.assertEqual(verdict, 'unknown')

    def test_a_number_without_its_head_shows_nothing_and_checks_nothing(self):
        def no_check(*_args, **_kwargs):
            raise AssertionError('the whole journal was checked for a random head')
        ticket_class = type(self.env['tik.ticket'])
        check, ticket_class.check_journal = ticket_class.check_journal, no_check
        try:
            head = self.ticket.journal_head
            near = head[:-1] + ('1' if head[-1] == '0' else '0')
            for head in ('', 'f' * 64, near):
                verdict, text, _root = self.page(self.ticket.number, head)
                self.assertEqual(verdict, 'mismatch', head)
                self.assertNotIn('WIB', text)
                self.assertNotIn('060/020', text)
        finally:
            ticket_class.check_journal = check
        verdict, text, _root = self.page(self.ticket.number, self.ticket.journal_head)
        self.assertEqual(verdict, 'intact')
        self.assertIn('WIB', text)

    def test_bad_bytes_in_the_address_are_not_found(self):
        for path in ('/tik/verify/TIK%00/1', '/tik/verify/%s?hash=ab%%00cd' % quote(
                self.ticket.number, safe='/')):
            answer = self.url_open(path)
            self.assertEqual(answer.status_code, 404, path)
            self.assertNotIn('Traceback', answer.text)

    def test_the_qr_code_points_at_the_page(self):
        report = self.env.ref('tik_service_mgmt.action_report_ticket')
        html, _kind = report.render_qweb_html(self.ticket.ids)
        root = html_root(html)
        images = root.xpath('//img[contains(@class, "o_tik_qr")]')
        self.assertEqual(len(images), 1)
        src = urlparse(images[0].get('src'))
        self.assertEqual(src.path, '/report/barcode/')
        query = parse_qs(src.query)
        self.assertEqual(query['type'], ['QR'])
        target = urlparse(unquote(query['value'][0]))
        self.assertEqual(target.path, '/tik/verify/' + self.ticket.number)
        self.assertEqual(parse_qs(target.query)['hash'], [self.ticket.journal_head])
        self.assertIn(self.ticket.journal_head, root.xpath(
            'string(//*[contains(@class, "o_tik_journal_head")])'))
        # Odoo's barcode route answers the QR code as a PNG, without login.
        answer = self.url_open(images[0].get('src'))
        self.assertEqual(answer.status_code, 200)
        self.assertEqual(answer.headers['Content-Type'], 'image/png')
        self.assertTrue(answer.content.startswith(b'\x89PNG'))
        # And the address it encodes answers "intact".
        verdict, _text, _root = self.page(self.ticket.number, self.ticket.journal_head)
        self.assertEqual(verdict, 'intact')
