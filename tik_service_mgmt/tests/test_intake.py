# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every intake channel files a ticket for the right reporter, unit and filer, and an
e-mail reply threads into the ticket's discussion."""
from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from .common import TikCase, rfc822


class TestChannels(TikCase):

    @classmethod
    def setup_data(cls):
        cls.budi = cls.env['res.partner'].create({
            'name': 'Budi Santoso', 'email': 'budi@dinas-b.uji.go.id',
            'parent_id': cls.unit_b.id})
        cls.notice = cls.env.ref('tik_service_mgmt.mt_ticket_notice')

    def first_line(self, ticket):
        return ticket.sudo().step_ids.sorted('position')[0]

    def process(self, raw):
        with mute_logger('odoo.addons.mail.models.mail_thread'):
            return self.env['mail.thread'].message_process(None, raw)

    # --- portal -------------------------------------------------------------------

    def test_the_portal_files_for_the_portal_user(self):
        ticket = self.file_in_portal(self.portal, service_id=self.service_x.id)
        line = self.first_line(ticket)
        self.assertEqual((ticket.channel, ticket.partner_id, ticket.unit_id),
                         ('portal', self.portal.partner_id, self.unit_a))
        self.assertEqual((line.user_id, line.channel), (self.portal, 'portal'))

    def test_other_or_dont_know_leaves_the_service_to_the_helpdesk(self):
        """Filed in the portal without a service: step 2 needs one, which the helpdesk
        chooses; a ticket of another channel still needs only the division."""
        ticket = self.file_in_portal(self.portal)
        self.assertFalse(ticket.service_id)
        as_helpdesk = ticket.sudo(self.helpdesk)
        as_helpdesk.write({'division_id': self.division_x.id})
        before = self.snapshot(ticket)
        with self.assertRaisesRegex(UserError, 'Fill in first: Service'):
            as_helpdesk.action_dispatch()
        self.assertEqual(self.snapshot(ticket), before)
        as_helpdesk.write({'service_id': self.service_x.id})
        as_helpdesk.action_dispatch()
        self.assertEqual((ticket.state, ticket.service_id), ('analysis', self.service_x))
        other = self.file_ticket()
        self.act(other, 'helpdesk', {'division_id': self.division_x.id}, 'dispatch')
        self.assertEqual(other.state, 'analysis')

    # --- the helpdesk, for a caller -------------------------------------------------

    def test_the_helpdesk_files_for_a_caller_by_each_channel(self):
        for channel in ('phone', 'walk_in', 'whatsapp'):
            caller = self.env['res.partner'].sudo(self.helpdesk).create(
                {'name': 'Penelepon %s' % channel, 'parent_id': self.unit_b.id})
            ticket = self.Ticket.sudo(self.helpdesk).create({
                'name': 'Lewat %s' % channel, 'partner_id': caller.id, 'channel': channel,
                'phone': '0813-3456-7890', 'service_id': self.service_x.id})
            line = self.first_line(ticket)
            self.assertEqual((ticket.channel, ticket.partner_id, ticket.unit_id),
                             (channel, caller, self.unit_b), channel)
            self.assertEqual((line.user_id, line.channel), (self.helpdesk, channel))
            self.assertEqual(ticket.phone, '+6281334567890')
            self.assertEqual(ticket.phone_display, '+62 813-3456-7890')
            self.assertEqual(ticket.whatsapp_url, 'https://wa.me/6281334567890')
            self.assertTrue(ticket.check_journal()[0]['intact'])
        self.assertEqual(ticket.sudo(self.helpdesk).action_open_whatsapp()['url'],
                         'https://wa.me/6281334567890')
        # Recording a caller under their unit edits neither the unit nor a user.
        for partner in (self.unit_b, self.requester.partner_id):
            with self.assertRaises(AccessError):
                partner.sudo(self.helpdesk).write({'name': 'Diubah'})

    def test_no_phone_no_whatsapp(self):
        ticket = self.file_ticket()
        self.assertFalse(ticket.whatsapp_url)
        with self.assertRaisesRegex(UserError, 'no phone number'):
            ticket.sudo(self.helpdesk).action_open_whatsapp()

    def test_a_requester_files_only_for_themself_by_the_backend(self):
        ticket = self.file_ticket()
        line = self.first_line(ticket)
        self.assertEqual((ticket.channel, ticket.partner_id, ticket.unit_id),
                         ('backend', self.requester.partner_id, self.unit_a))
        self.assertEqual((line.user_id, line.channel), (self.requester, 'backend'))
        with self.assertRaisesRegex(UserError, 'comes by'):
            self.Ticket.sudo(self.requester).create({'name': 'x', 'channel': 'whatsapp'})

    # --- e-mail ---------------------------------------------------------------------

    def test_an_email_files_a_ticket_and_a_reply_threads_into_it(self):
        ticket_id = self.process(rfc822(
            'Budi Santoso <budi@dinas-b.uji.go.id>', 'Printer jaringan mati',
            'Printer di ruang rapat tidak bisa dipakai sejak pagi.',
            '<printer-1@dinas-b.uji.go.id>'))
        ticket = self.Ticket.browse(ticket_id)
        line = self.first_line(ticket)
        self.assertEqual((ticket.channel, ticket.partner_id, ticket.unit_id),
                         ('email', self.budi, self.unit_b))
        self.assertEqual(ticket.name, 'Printer jaringan mati')
        self.assertIn('sejak pagi', ticket.description)
        self.assertFalse(line.user_id)
        self.assertEqual(line.channel, 'email')
        self.assertIn('budi@dinas-b.uji.go.id', line.email_from)
        original = ticket.message_ids.filtered(lambda m: m.message_type == 'email')
        self.assertEqual(original.author_id, self.budi)

        # The reporter answers the receipt from their mail client.
        receipt = ticket.message_ids.filtered(lambda m: m.subtype_id == self.notice)
        self.assertEqual(len(receipt), 1)
        tickets = self.Ticket.search_count([])
        same = self.process(rfc822(
            'Budi Santoso <budi@dinas-b.uji.go.id>', 'Re: %s' % receipt.subject,
            'Printernya merek Epson L3110, di lantai 2.', '<printer-2@dinas-b.uji.go.id>',
            to='catchall@uji.example', in_reply_to=receipt.message_id))
        self.assertEqual(same, ticket.id)
        self.assertEqual(self.Ticket.search_count([]), tickets)
        reply = ticket.message_ids.filtered(
            lambda m: 'Epson L3110' in (m.body or '') and m.message_type == 'email')
        self.assertEqual(len(reply), 1)
        self.assertEqual((reply.author_id, reply.message_type, reply.subtype_id),
                         (self.budi, 'email', self.env.ref('mail.mt_comment')))
        # The portal's discussion shows it; on a running ticket it reaches the holder
        # of the step (test_desk.py), not the helpdesk's to-do of an ended ticket.
        self.assertIn(reply, ticket.website_message_ids)
        self.assertFalse(ticket.activity_ids.filtered(
            lambda a: 'balasan' in (a.summary or '').lower()))
        told = ticket.message_ids.filtered(
            lambda m: 'Epson L3110' in (m.body or '') and m.message_type == 'notification')
        self.assertEqual(len(told), 1)
        self.assertTrue(ticket.check_journal()[0]['intact'])

    def test_a_reply_to_a_closed_ticket_gives_the_helpdesk_a_todo(self):
        ticket = self.ticket_in('closed')
        reporter = ticket.partner_id
        closing = ticket.message_ids.filtered(lambda m: m.subtype_id == self.notice)[0]
        self.assertIn('ditutup', closing.subject)
        before = self.snapshot(ticket)
        self.assertFalse(ticket.activity_ids)
        self.process(rfc822(
            '%s <%s>' % (reporter.name, reporter.email), 'Re: %s' % closing.subject,
            'Masalahnya muncul lagi hari ini.', '<again-1@uji.go.id>',
            to='catchall@uji.example', in_reply_to=closing.message_id))
        self.env.cache.invalidate()
        self.assertEqual(self.snapshot(ticket), before)
        self.assertEqual(ticket.state, 'closed')
        reply = ticket.message_ids[0]
        self.assertIn('muncul lagi', reply.body)
        self.assertEqual(reply.author_id, reporter)
        todo = ticket.activity_ids
        self.assertEqual(todo.user_id, self.helpdesk)
        self.assertIn(ticket.number, todo.summary)
        self.assertIn('Baca balasan', todo.summary)
        self.assertIn('muncul lagi', todo.note)
        self.assertTrue(ticket.check_journal()[0]['intact'])
        # A second reply does not pile up to-dos.
        self.process(rfc822(
            '%s <%s>' % (reporter.name, reporter.email), 'Re: %s' % closing.subject,
            'Mohon segera dicek.', '<again-2@uji.go.id>', to='catchall@uji.example',
            in_reply_to=closing.message_id))
        self.env.cache.invalidate()
        self.assertEqual(len(ticket.activity_ids), 1)
        self.assertIn('segera dicek', ticket.activity_ids.note)
        # The helpdesk answering in the chatter is no reply of the reporter's side.
        ticket.activity_ids.unlink()
        ticket.sudo(self.helpdesk).message_post(
            body='Kami cek hari ini.', message_type='comment', subtype='mail.mt_comment')
        self.assertFalse(ticket.activity_ids)
