# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The reporter hears of exactly six moments, in Indonesian, with the portal link; nobody
else is told of them (the actors have their to-dos)."""
from .common import PATH, TikCase

# The subject of each notice, as the reporter reads it (i18n/id.po).
SUBJECTS = {
    'file': 'tiket Anda telah kami terima',
    'dispatch': 'tiket Anda telah diteruskan ke bidang',
    'accept': 'tiket Anda sedang ditangani',
    'verify': 'hasil penanganan tiket Anda telah diperiksa',
    'close': 'tiket Anda telah ditutup',
    'reject': 'tiket Anda ditutup tanpa penanganan',
}


class TestNotices(TikCase):

    @classmethod
    def setup_data(cls):
        cls.env['res.lang'].load_lang('id_ID')
        cls.env['res.lang'].load_lang('en_US')
        # The actors work in English: the reporter still reads Indonesian.
        for user in cls.actors.values():
            user.lang = 'en_US'
        cls.notice = cls.env.ref('tik_service_mgmt.mt_ticket_notice')
        cls.company = cls.env.user.company_id

    def setUp(self):
        super(TestNotices, self).setUp()
        self.first_mail = self.env['mail.mail'].search([], order='id desc', limit=1).id or 0

    def notices(self, ticket):
        return ticket.message_ids.filtered(lambda m: m.subtype_id == self.notice).sorted('id')

    def mails(self):
        return self.env['mail.mail'].search([('id', '>', self.first_mail)], order='id')

    def assertNotice(self, message, ticket, event):
        reporter = ticket.partner_id
        self.assertEqual(message.subject, '%s: %s' % (ticket.number, SUBJECTS[event]))
        self.assertEqual(message.author_id, self.company.partner_id)
        self.assertEqual(message.partner_ids, reporter)
        self.assertEqual(message.needaction_partner_ids, reporter)
        self.assertEqual(message.message_type, 'comment')
        self.assertIn('Yth. %s' % reporter.name, message.body)
        mail = self.env['mail.mail'].search([('mail_message_id', '=', message.id)])
        self.assertEqual(len(mail), 1, event)
        self.assertEqual(mail.recipient_ids, reporter)
        link = '/my/layanan-tik/%d?access_token=%s' % (ticket.id, ticket.access_token)
        self.assertIn(link, mail.body_html)
        self.assertIn(self.company.name, mail.body_html)
        self.assertIn('balas e-mail ini', mail.body_html)
        self.assertNotIn('Dear', mail.body_html)
        self.assertNotIn('Powered by', mail.body_html)

    def test_the_reporter_hears_of_filing_dispatch_acceptance_verification_closing(self):
        ticket = self.file_ticket(service_id=self.service_x.id)
        (receipt,) = self.notices(ticket)
        self.assertNotice(receipt, ticket, 'file')
        self.assertIn('Perkiraan selesai', receipt.body)
        self.assertIn('WIB', receipt.body)
        heard = {'dispatch': 2, 'accept': 3, 'report_resolution': 3, 'verify': 4,
                 'approve': 4, 'close': 5}
        for _target, actor, values, action in PATH:
            self.act(ticket, actor, values and values(self), action)
            notices = self.notices(ticket)
            self.assertEqual(len(notices), heard[action], action)
            if action in ('dispatch', 'accept', 'verify', 'close'):
                self.assertNotice(notices[-1], ticket, action)
        dispatched, accepted, verified, closed = self.notices(ticket)[1:]
        self.assertIn(self.division_x.name, dispatched.body)
        self.assertIn('Perkiraan penyelesaian', accepted.body)
        self.assertIn(ticket.sudo().resolution, verified.body)
        self.assertIn(ticket.sudo().resolution, closed.body)
        # Nobody else got a mail, or a notification in their inbox, of the whole walk.
        reporter = ticket.partner_id
        self.assertEqual(len(self.mails()), 5)
        self.assertEqual(self.mails().mapped('recipient_ids'), reporter)
        self.assertEqual(ticket.message_ids.mapped('needaction_partner_ids'), reporter)

    def test_a_channel_following_the_ticket_gets_the_same_notice(self):
        """A channel following a ticket is rare: its messages go through message_post,
        which tells channels, and read as every other notice."""
        ticket = self.file_ticket(service_id=self.service_x.id)
        channel = self.env['mail.channel'].create({'name': 'Pantauan Layanan TIK'})
        ticket.sudo().message_subscribe(channel_ids=channel.ids, subtype_ids=self.notice.ids)
        self.act(ticket, 'helpdesk', {'division_id': self.division_x.id}, 'dispatch')
        notice = self.notices(ticket)[-1]
        self.assertNotice(notice, ticket, 'dispatch')
        self.assertEqual(notice.channel_ids, channel)
        # The step's note, which the channel does not follow, is written as ever.
        note = ticket.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref('mail.mt_note')).sorted('id')[-1]
        self.assertFalse(note.channel_ids)
        self.assertEqual(note.author_id, self.helpdesk.partner_id)

    def test_a_rejection_tells_the_reason(self):
        ticket = self.ticket_in('rejected')
        notices = self.notices(ticket)
        self.assertEqual(len(notices), 3)
        self.assertNotice(notices[-1], ticket, 'reject')
        self.assertIn('Bukan layanan Diskominfo.', notices[-1].body)
        self.assertEqual(self.mails().mapped('recipient_ids'), ticket.partner_id)

    def test_reworks_and_returns_tell_the_reporter_nothing(self):
        ticket = self.ticket_in('analysis')
        count = len(self.notices(ticket))
        self.act(ticket, 'kabid', None, 'return_to_helpdesk', reason='Salah bidang.')
        self.act(ticket, 'helpdesk', {'division_id': self.division_x.id}, 'dispatch')
        self.assertEqual(len(self.notices(ticket)), count + 1)  # the new dispatch
        ticket = self.ticket_in('verification')
        count = len(self.notices(ticket))
        self.act(ticket, 'kabid', None, 'request_rework', reason='Sertakan bukti.')
        self.act(ticket, 'officer', {'resolution': 'Dengan bukti.'}, 'report_resolution')
        self.assertEqual(len(self.notices(ticket)), count)

    def test_a_caller_without_email_reads_the_notices_in_the_portal_only(self):
        caller = self.env['res.partner'].create(
            {'name': 'Penelepon Tanpa Surel', 'parent_id': self.unit_b.id})
        ticket = self.Ticket.sudo(self.helpdesk).create(
            {'name': 'Lewat telepon', 'partner_id': caller.id, 'channel': 'phone'})
        (receipt,) = self.notices(ticket)
        self.assertFalse(receipt.partner_ids)
        self.assertFalse(self.mails())

    def test_the_portal_shows_the_notices_to_the_requester(self):
        ticket = self.file_in_portal(self.portal, service_id=self.service_x.id)
        # What the portal filing itself posted is the requester's; the receipt the
        # agency's.
        self.assertEqual(
            (ticket.message_ids - self.notices(ticket)).mapped('author_id'),
            self.portal.partner_id)
        self.act(ticket, 'helpdesk', {'division_id': self.division_x.id}, 'dispatch')
        readable = self.env['mail.message'].sudo(self.portal).search(
            [('model', '=', 'tik.ticket'), ('res_id', '=', ticket.id)]
            + [d for d in ticket._fields['website_message_ids'].domain(ticket)
               if d[0] != 'model'])
        self.assertEqual(readable, self.notices(ticket).sorted('id', reverse=True))

    def test_the_reporters_comment_reaches_the_holder_alone(self):
        """The actors follow the ticket for their to-dos: a comment of the reporter is
        e-mailed to none of them; on a running ticket its step's holder alone is told,
        by an internal note naming them (test_desk.py), on an ended one nobody."""
        for state, holder in (('in_progress', self.officer), ('closed', None)):
            ticket = self.ticket_in(state)
            actors = (self.helpdesk | self.kabid | self.officer | self.head).mapped(
                'partner_id')
            self.assertTrue(actors & ticket.message_partner_ids, state)
            self.first_mail = self.env['mail.mail'].search(
                [], order='id desc', limit=1).id or 0
            comment = ticket.sudo(self.requester).message_post(
                body='Masih belum bisa, mohon dicek lagi.', message_type='comment',
                subtype='mail.mt_comment')
            self.assertFalse(comment.sudo().needaction_partner_ids & actors, state)
            told = self.mails().mapped('recipient_ids') & actors
            self.assertEqual(told, holder.partner_id if holder else told.browse(), state)
        # A colleague the helpdesk names is still told, as is the reporter, who follows.
        mention = ticket.sudo(self.helpdesk).message_post(
            body='Mohon dibantu.', message_type='comment', subtype='mail.mt_comment',
            partner_ids=self.kabid.partner_id.ids)
        self.assertEqual(mention.sudo().needaction_partner_ids,
                         self.kabid.partner_id | ticket.partner_id)
