# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every path that writes mail on tickets does it through Odoo's mail models, so that
the addons extending them (here the probe: a field default and a write() override)
apply to the service desk's rows as to any other document's. Each test prepares its
ticket unchecked, then checks what the path under test writes (through_the_orm)."""
from datetime import datetime, timedelta

from odoo import fields
from odoo.tools import mute_logger

from odoo.addons.tik_service_mgmt.tests.common import rfc822

from .common import CoexistenceCase

REASON = 'Alasan uji koeksistensi.'


class TestThroughTheOrm(CoexistenceCase):

    @classmethod
    def setup_data(cls):
        result = super(TestThroughTheOrm, cls).setup_data()
        cls.notice = cls.env.ref('tik_service_mgmt.mt_ticket_notice')
        return result

    def process(self, raw):
        with mute_logger('odoo.addons.mail.models.mail_thread'):
            return self.env['mail.thread'].message_process(None, raw)

    def notices(self, ticket):
        return ticket.message_ids.filtered(lambda m: m.subtype_id == self.notice)

    # --- filing, by every intake path ----------------------------------------------

    def test_filing_from_the_backend(self):
        with self.through_the_orm('a filing from the backend'):
            ticket = self.file_ticket()
        self.assertEqual(self.open_todos(ticket).user_id, self.helpdesk)

    def test_filing_by_the_helpdesk_for_a_caller(self):
        caller = self.env['res.partner'].sudo(self.helpdesk).create({
            'name': 'Penelepon Uji', 'email': 'penelepon@dinas-b.uji.go.id',
            'parent_id': self.unit_b.id})
        with self.through_the_orm('a filing by the helpdesk for a caller'):
            ticket = self.Ticket.sudo(self.helpdesk).create({
                'name': 'Lewat telepon', 'partner_id': caller.id, 'channel': 'phone',
                'phone': '0813-3456-7890', 'service_id': self.service_x.id})
        self.assertEqual(ticket.channel, 'phone')

    def test_filing_in_the_portal(self):
        with self.through_the_orm('a filing in the portal'):
            ticket = self.file_in_portal(self.portal, service_id=self.service_x.id)
        self.assertEqual(ticket.channel, 'portal')

    def file_by_email(self):
        return self.Ticket.browse(self.process(rfc822(
            'Budi Santoso <budi@dinas-b.uji.go.id>', 'Printer jaringan mati',
            'Printer di ruang rapat tidak bisa dipakai sejak pagi.',
            '<koeksistensi-1@dinas-b.uji.go.id>'))).sudo()

    def test_filing_by_email(self):
        with self.through_the_orm('a filing by e-mail (message_new)'):
            ticket = self.file_by_email()
        self.assertEqual(ticket.channel, 'email')

    def test_a_reply_by_email(self):
        ticket = self.file_by_email()
        receipt = self.notices(ticket)
        self.assertEqual(len(receipt), 1)
        with self.through_the_orm('a reply by e-mail (message_update)'):
            self.process(rfc822(
                'Budi Santoso <budi@dinas-b.uji.go.id>', 'Re: %s' % receipt.subject,
                'Printernya merek Epson L3110.', '<koeksistensi-2@dinas-b.uji.go.id>',
                to='catchall@uji.example', in_reply_to=receipt.message_id))
        self.assertTrue(ticket.message_ids.filtered(lambda m: 'Epson' in (m.body or '')))

    # --- the SOP ------------------------------------------------------------------

    def test_the_seven_steps(self):
        with self.through_the_orm('the filing'):
            ticket = self.file_ticket()
        self.walk(ticket, watch=True)
        self.assertEqual(ticket.state, 'closed')
        self.assertFalse(self.open_todos(ticket))

    def test_a_rejection(self):
        ticket = self.walk(self.file_ticket(), until='analysis')
        self.step(ticket, 'kabid', None, 'reject', watch=True, reason=REASON)
        self.assertEqual(ticket.state, 'rejected')
        self.assertFalse(self.open_todos(ticket))

    def test_a_return_to_the_helpdesk(self):
        ticket = self.walk(self.file_ticket(), until='analysis')
        self.step(ticket, 'kabid', None, 'return_to_helpdesk', watch=True, reason=REASON)
        self.assertEqual((ticket.state, self.open_todos(ticket).user_id),
                         ('new', self.helpdesk))
        self.step(ticket, 'helpdesk', {'division_id': self.division_x.id}, 'dispatch',
                  watch=True)
        self.assertEqual(self.open_todos(ticket).user_id, self.kabid)

    def test_reworks(self):
        ticket = self.walk(self.file_ticket(), until='verification')
        self.step(ticket, 'kabid', None, 'request_rework', watch=True, reason=REASON)
        self.assertEqual((ticket.state, self.open_todos(ticket).user_id),
                         ('in_progress', self.officer))
        self.walk(ticket, until='approval', watch=True)
        self.step(ticket, 'head', None, 'request_rework', watch=True, reason=REASON)
        self.assertEqual((ticket.state, self.open_todos(ticket).user_id),
                         ('verification', self.kabid))

    # --- the discussion -------------------------------------------------------------

    def test_comments(self):
        ticket = self.walk(self.file_ticket(), until='in_progress')
        with self.through_the_orm("the reporter's comment"):
            ticket.sudo(self.requester).message_post(
                body='Mohon dikabari bila sudah selesai.', message_type='comment',
                subtype='mail.mt_comment')
        with self.through_the_orm("an officer's comment to the reporter"):
            ticket.sudo(self.officer).message_post(
                body='Sedang kami periksa.', message_type='comment',
                subtype='mail.mt_comment', partner_ids=[self.requester.partner_id.id])

    def test_a_reply_to_an_ended_ticket(self):
        ticket = self.walk(self.file_ticket())
        closing = self.notices(ticket)[0]
        reporter = self.requester.partner_id
        with self.through_the_orm("the reporter's reply to the closing notice"):
            self.process(rfc822(
                '%s <%s>' % (reporter.name, reporter.email), 'Re: %s' % closing.subject,
                'Masalahnya muncul lagi hari ini.', '<koeksistensi-3@uji.go.id>',
                to='catchall@uji.example', in_reply_to=closing.message_id))
        self.assertEqual(self.open_todos(ticket).user_id, self.helpdesk)

    # --- the system's checks ------------------------------------------------------

    def test_the_time_standards_check_escalating(self):
        ticket = self.walk(self.file_ticket(), until='in_progress')
        later = fields.Datetime.to_string(datetime.utcnow() + timedelta(days=90))
        with self.through_the_orm('the time standards check escalating'):
            self.env['tik.escalation'].sudo()._run(now=later)
        holders = self.open_todos(ticket).mapped('user_id')
        self.assertIn(self.kabid, holders)
        self.assertIn(self.head, holders)

    def test_a_survey_answered(self):
        ticket = self.walk(self.file_ticket())
        scores = {'u%d' % number: 4 for number in range(1, 10)}
        with self.through_the_orm('a survey answered'):
            self.env['tik.survey.response'].sudo(self.requester).answer(
                ticket.id, dict(scores, suggestion='Cepat dan ramah.'))

    def test_the_daily_seal_mail(self):
        ticket = self.walk(self.file_ticket())
        self.env['ir.config_parameter'].sudo().set_param(
            'tik_service_mgmt.seal_email', 'segel@arsip.trenggalekkab.go.id')
        seals = self.env['tik.journal.seal'].sudo()
        since = self.last_ids()['mail.mail']
        with self.through_the_orm('the daily seal'):
            sealed = seals._seal_until(seals._local_day(fields.Datetime.now()))
        self.assertIn(ticket, sealed.mapped('line_ids.ticket_id'))
        self.assertTrue(self.env['mail.mail'].sudo().search(
            [('id', '>', since), ('email_to', '=', 'segel@arsip.trenggalekkab.go.id')]))

    def test_the_monthly_recap_mail(self):
        self.walk(self.file_ticket())
        since = self.last_ids()['mail.mail']
        with self.through_the_orm('the monthly recap'):
            self.assertTrue(self.env['tik.recap'].sudo()._mail_recap(
                fields.Date.today()[:7]))
        self.assertTrue(self.env['mail.mail'].sudo().search(
            [('id', '>', since), ('recipient_ids', 'in', self.head.partner_id.ids)]))
