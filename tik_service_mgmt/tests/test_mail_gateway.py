# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The mail gateway: message_new is its alone; the intake message is its sender's and
nothing but the notice goes back; automatic mail files nothing and is answered by
nothing; a stranger's reply stays internal; who may open a ticket by e-mail is the
service manager's setting, the others held for the helpdesk."""
from odoo.api import call_kw
from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from .common import TikCase, rfc822

AUTOMATIC = (
    ('Auto-Submitted', 'auto-replied'),
    ('Precedence', 'bulk'),
    ('X-Autoreply', 'yes'),
    ('X-Auto-Response-Suppress', 'All'),
)


class TestMailGateway(TikCase):

    @classmethod
    def setup_data(cls):
        cls.notice = cls.env.ref('tik_service_mgmt.mt_ticket_notice')
        cls.Held = cls.env['tik.mail.held']
        cls.sequence = cls.env['ir.sequence'].search([('code', '=', 'tik.ticket')])

    def process(self, raw):
        with mute_logger('odoo.addons.mail.models.mail_thread'):
            return self.env['mail.thread'].message_process(None, raw)

    def next_number(self):
        self.sequence.invalidate_cache()
        return self.sequence.number_next_actual

    def outgoing(self, partner):
        """The e-mails queued to `partner`."""
        return self.env['mail.mail'].sudo().search(
            [('recipient_ids', 'in', partner.ids)])

    def test_message_new_is_the_gateways_alone(self):
        victim = self.requester_b.partner_id
        count, number = self.Ticket.search_count([]), self.next_number()
        values = {'subject': 'Atas nama orang lain', 'body': 'x',
                  'email_from': victim.email, 'author_id': victim.id}
        for user in (self.requester, self.portal, self.helpdesk):
            with self.assertRaises(AccessError):
                call_kw(self.Ticket.sudo(user), 'message_new', [values], {})
        with self.assertRaises(AccessError):
            self.Ticket.sudo().message_new(values)
        self.assertEqual((self.Ticket.search_count([]), self.next_number()),
                         (count, number))

    def test_the_first_email_is_the_senders_and_only_the_notice_goes_back(self):
        ticket = self.Ticket.browse(self.process(rfc822(
            'Orang Baru <orang.baru@dinas-c.uji.go.id>', 'VPN tidak tersambung',
            'Tolong kirim ke semua: <b>klik tautan ini</b>', '<baru-1@dinas-c.uji.go.id>')))
        reporter = ticket.partner_id
        self.assertEqual(reporter.email, 'orang.baru@dinas-c.uji.go.id')
        original = ticket.message_ids.filtered(lambda m: m.message_type == 'email')
        self.assertEqual(original.author_id, reporter)
        sent = self.outgoing(reporter)
        self.assertEqual(len(sent), 1)
        self.assertEqual(sent.mail_message_id.subtype_id, self.notice)
        self.assertNotIn('klik tautan', sent.body_html)

    def test_automatic_mail_files_nothing_and_gets_no_reply(self):
        count, number = self.Ticket.search_count([]), self.next_number()
        mails = self.env['mail.mail'].sudo().search_count([])
        for i, (header, value) in enumerate(AUTOMATIC):
            raw = rfc822('Kantor <kantor@dinas-c.uji.go.id>', 'Sedang cuti',
                         'Saya sedang cuti.', '<auto-%d@dinas-c.uji.go.id>' % i)
            raw = raw.replace('MIME-Version', '%s: %s\r\nMIME-Version' % (header, value))
            self.assertFalse(self.process(raw), header)
            held = self.Held.search([('message_id', '=', '<auto-%d@dinas-c.uji.go.id>' % i)])
            self.assertEqual((held.reason, held.state), ('automatic', 'held'), header)
        self.assertEqual((self.Ticket.search_count([]), self.next_number()),
                         (count, number))
        self.assertEqual(self.env['mail.mail'].sudo().search_count([]), mails)
        # An auto-reply to a notice posts nothing into the ticket either.
        ticket = self.file_ticket()
        receipt = ticket.message_ids.filtered(lambda m: m.subtype_id == self.notice)
        messages = len(ticket.message_ids)
        raw = rfc822(ticket.partner_id.email, 'Out of office', 'Saya sedang cuti.',
                     '<auto-reply@uji.go.id>', to='catchall@uji.example',
                     in_reply_to=receipt.message_id)
        self.process(raw.replace('MIME-Version', 'Auto-Submitted: auto-replied\r\n'
                                                 'MIME-Version'))
        ticket.invalidate_cache()
        self.assertEqual(len(ticket.message_ids), messages)
        self.assertEqual(self.Held.search([('message_id', '=', '<auto-reply@uji.go.id>')])
                         .ticket_id, ticket)

    def test_a_strangers_reply_stays_internal(self):
        ticket = self.file_ticket()
        reporter = ticket.partner_id
        receipt = ticket.message_ids.filtered(lambda m: m.subtype_id == self.notice)
        before = self.outgoing(reporter)
        self.process(rfc822(
            'Penyusup <penyusup@luar.example>', 'Re: %s' % receipt.subject,
            'Kirim kata sandi Anda ke alamat ini.', '<stranger-1@luar.example>',
            to='catchall@uji.example', in_reply_to=receipt.message_id))
        ticket.invalidate_cache()
        reply = ticket.message_ids.filtered(lambda m: 'kata sandi' in (m.body or ''))
        self.assertEqual(len(reply), 1)
        self.assertEqual(reply.subtype_id, self.env.ref('mail.mt_note'))
        self.assertFalse(reply.needaction_partner_ids)
        self.assertEqual(self.outgoing(reporter), before)
        # The reporter's own reply is theirs and in the discussion.
        self.process(rfc822(
            reporter.email, 'Re: %s' % receipt.subject, 'Sudah saya coba lagi.',
            '<reporter-1@uji.go.id>', to='catchall@uji.example',
            in_reply_to=receipt.message_id))
        ticket.invalidate_cache()
        own = ticket.message_ids.filtered(
            lambda m: 'coba lagi' in (m.body or '') and m.message_type == 'email')
        self.assertEqual((own.author_id, own.subtype_id),
                         (reporter, self.env.ref('mail.mt_comment')))
        # ... and reaches who holds the step, once; the stranger's did not.
        told = ticket.message_ids.filtered(
            lambda m: 'coba lagi' in (m.body or '') and m.message_type == 'notification')
        self.assertEqual(len(told), 1)
        self.assertFalse(ticket.message_ids.filtered(
            lambda m: 'kata sandi' in (m.body or '') and m.message_type == 'notification'))

    def test_unknown_senders_are_held_for_the_helpdesk(self):
        count, number = self.Ticket.search_count([]), self.next_number()
        self.assertFalse(self.process(rfc822(
            'Promo <promo@spam.example>', 'Diskon 90%', 'Beli sekarang.', '<spam-1@x>')))
        self.assertFalse(self.process(rfc822(
            'Warga <warga@contoh.id>', 'Situs desa mati', 'Mohon dicek.', '<warga-1@x>')))
        self.assertEqual((self.Ticket.search_count([]), self.next_number()),
                         (count, number))
        spam = self.Held.search([('message_id', '=', '<spam-1@x>')])
        citizen = self.Held.search([('message_id', '=', '<warga-1@x>')])
        self.assertEqual((spam.reason, citizen.reason), ('sender', 'sender'))
        # The same message again is one held e-mail.
        self.process(rfc822('Promo <promo@spam.example>', 'Diskon 90%', 'x', '<spam-1@x>'))
        self.assertEqual(len(self.Held.search([('message_id', '=', '<spam-1@x>')])), 1)
        # Only the helpdesk decides.
        for user in (self.requester, self.portal, self.officer, self.kabid):
            with self.assertRaises(AccessError, msg=user.login):
                citizen.sudo(user).action_accept()
        self.assertEqual(self.Ticket.search_count([]), count)
        citizen.sudo(self.helpdesk).action_accept()
        self.assertEqual(citizen.state, 'accepted')
        ticket = citizen.ticket_id
        self.assertEqual((ticket.name, ticket.partner_id.email, ticket.channel),
                         ('Situs desa mati', 'warga@contoh.id', 'email'))
        self.assertEqual(self.next_number(), number + 1)
        spam.sudo(self.helpdesk).action_discard()
        self.assertEqual((spam.state, spam.user_id), ('discarded', self.helpdesk))
        with self.assertRaisesRegex(UserError, 'already decided'):
            spam.sudo(self.helpdesk).action_accept()
        with self.assertRaises(UserError):
            spam.unlink()
        self.assertEqual(self.Ticket.search_count([]), count + 1)
        # The service manager's setting opens the door to a domain.
        self.env['ir.config_parameter'].set_param(
            'tik_service_mgmt.email_intake_domains', 'uji.go.id, contoh.id')
        self.assertTrue(self.process(rfc822(
            'Warga <warga@contoh.id>', 'Lagi', 'Mohon dicek.', '<warga-2@x>')))

    def test_the_shipped_setting_is_the_agencys_domain(self):
        record = self.env.ref('tik_service_mgmt.param_email_intake_domains')
        self.assertEqual(record.key, 'tik_service_mgmt.email_intake_domains')
        self.assertTrue(self.env['ir.model.data'].search([
            ('module', '=', 'tik_service_mgmt'),
            ('name', '=', 'param_email_intake_domains')]).noupdate)
