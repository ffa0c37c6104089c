# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""OCA mail_tracking: each e-mail sent (mail.mail.send, per recipient) gets a
mail.tracking.email record, tied to its message and marked sent once the outgoing
server took it (in tests Odoo does not call the server and answers as if it had)."""
from .common import CoexistenceCase


class TestMailTracking(CoexistenceCase):

    def test_the_notices_to_the_reporter_are_tracked_once_sent(self):
        ticket = self.walk(self.file_ticket())
        reporter = self.requester.partner_id
        notices = ticket.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref('tik_service_mgmt.mt_ticket_notice'))
        # Filing, dispatch, acceptance, resolution verified and closing.
        self.assertEqual(len(notices), 5)
        Mail = self.env['mail.mail'].sudo()
        queued = Mail.search([('mail_message_id', 'in', notices.ids),
                              ('state', '=', 'outgoing')])
        Mail.process_email_queue(ids=queued.ids)
        Tracking = self.env['mail.tracking.email'].sudo()
        for notice in notices:
            tracked = Tracking.search([('mail_message_id', '=', notice.id)])
            self.assertEqual(len(tracked), 1, notice.subject)
            self.assertEqual((tracked.recipient_address, tracked.partner_id, tracked.state),
                             (reporter.email, reporter, 'sent'), notice.subject)
            self.assertEqual(tracked.tracking_event_ids.mapped('event_type'), ['sent'])
        self.assertEqual(Mail.search([('mail_message_id', 'in', notices.ids),
                                      ('state', '=', 'outgoing')]), Mail.browse())
