# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Waits for the requester: who may hold and resume, the journal lines they seal, the
deadline they move, the answers that resume, the longest wait and the escalations
that stand still meanwhile."""
import contextlib
from datetime import datetime
from unittest import mock

import pytz

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from ..lib import hold
from ..models.authority import as_workflow
from .common import PATH, TikCase, rfc822

TZ = pytz.timezone('Asia/Jakarta')


def utc(local):
    """'YYYY-MM-DD HH:MM' in Asia/Jakarta -> the UTC string Odoo stores."""
    moment = TZ.localize(datetime.strptime(local, '%Y-%m-%d %H:%M'))
    return fields.Datetime.to_string(moment.astimezone(pytz.utc).replace(tzinfo=None))


@contextlib.contextmanager
def at(local):
    """The server's clock reads `local` (Asia/Jakarta)."""
    with mock.patch.object(fields.Datetime, 'now', return_value=utc(local)):
        yield


class HoldCase(TikCase):

    @classmethod
    def setup_data(cls):
        # Which steps may wait is data of the SOP version: the shipped one, 3 and 4.
        assert [seq for seq in range(1, 8) if cls.env.ref(
            'tik_service_mgmt.sop_step_%d' % seq).allows_hold] == [3, 4]
        cls.notice = cls.env.ref('tik_service_mgmt.mt_ticket_notice')

    def walk(self, ticket, state, moment):
        with at(moment):
            for _target, actor, values, action in PATH:
                if ticket.state == state:
                    break
                self.act(ticket, actor, values and values(self), action)
        return ticket.sudo()

    def filed_and_walked(self, state, filed, walked, user=None):
        with at(filed):
            ticket = self.file_ticket(user) if user else self.file_ticket()
        return self.walk(ticket, state, walked)

    def lines(self, ticket):
        ticket.invalidate_cache()
        return ticket.sudo().step_ids.sorted('position')

    def hold_it(self, ticket, moment, actor='officer', reason='Mohon kirim sandi akun.'):
        with at(moment):
            self.act(ticket, actor, None, 'hold', reason=reason)
        ticket.invalidate_cache()

    def resume_it(self, ticket, moment, actor='officer'):
        with at(moment):
            self.act(ticket, actor, None, 'resume')
        ticket.invalidate_cache()


class TestHoldAndResume(HoldCase):

    def test_hold_across_a_weekend_and_a_cuti_bersama(self):
        """Step 4 (3 days) from Tue 12 May 10:00 is due Tue 19 May 10:00 (14 May a
        holiday, 15 May cuti bersama); a wait from Wed 15:00 to Mon 09:00 counts 2.5
        working hours, so the step is due 13:30."""
        ticket = self.filed_and_walked('in_progress', '2026-05-11 09:00',
                                       '2026-05-12 10:00')
        self.assertEqual(ticket.date_deadline, utc('2026-05-19 10:00'))
        self.hold_it(ticket, '2026-05-13 15:00')
        self.assertEqual(ticket.waiting_for, 'requester')
        self.assertEqual(ticket.hold_question, 'Mohon kirim sandi akun.')
        held = self.lines(ticket).filtered(lambda l: l.event == 'hold')
        self.assertEqual(len(held), 1)
        self.assertTrue(held.hash)
        self.assertEqual((held.user_id, held.note, held.waiting_for),
                         (self.officer, 'Mohon kirim sandi akun.', 'requester'))
        self.assertEqual(ticket.journal_head, held.hash)
        # The reporter is told at once, in the discussion and by e-mail.
        notice = ticket.message_ids.filtered(lambda m: m.subtype_id == self.notice)[0]
        self.assertIn('Mohon kirim sandi akun.', notice.body)
        self.assertIn(self.requester.partner_id, notice.partner_ids)

        self.resume_it(ticket, '2026-05-18 09:00')
        self.assertFalse(ticket.waiting_for)
        self.assertEqual(ticket.date_deadline, utc('2026-05-19 13:30'))
        resumed = self.lines(ticket).filtered(lambda l: l.event == 'resume')
        self.assertEqual((resumed.user_id, resumed.hours_waited), (self.officer, 2.5))
        self.assertEqual(resumed.date_start, utc('2026-05-13 15:00'))
        self.assertEqual(ticket.current_step_id.date_deadline, utc('2026-05-19 13:30'))
        self.assertEqual(ticket.current_step_id.position, resumed.position + 1)
        self.assertAlmostEqual(ticket.hours_waited, 2.5)
        self.assertTrue(ticket.check_journal()[0]['intact'])

        # Done before the moved deadline: met, and the agency's time excludes the wait.
        with at('2026-05-19 12:00'):
            self.act(ticket, 'officer', {'resolution': 'Akun dipulihkan.'},
                     'report_resolution')
        step4 = self.lines(ticket).filtered(
            lambda l: not l.event and l.sop_step_id.sequence == 4)
        self.assertEqual(step4.sla_status, 'met')
        self.assertAlmostEqual(step4.hours_waited, 2.5)
        # 12 May 10:00-16:00 (5 h) + 13 May (7.5) + 18 May (7.5) + 19 May 07:30-12:00
        # (4.5) = 24.5 working hours, 2.5 of them waited.
        self.assertAlmostEqual(step4.hours_taken, 22.0)
        self.assertTrue(ticket.check_journal()[0]['intact'])

    def test_a_step_late_before_the_hold_stays_late(self):
        ticket = self.filed_and_walked('in_progress', '2026-07-03 09:00',
                                       '2026-07-06 10:00')
        self.assertEqual(ticket.date_deadline, utc('2026-07-09 10:00'))
        self.hold_it(ticket, '2026-07-09 10:30')
        held = self.lines(ticket).filtered(lambda l: l.event == 'hold')
        self.assertEqual(held.date_late, utc('2026-07-09 10:30'))
        self.assertEqual(ticket.sla_status, 'late')
        self.resume_it(ticket, '2026-07-13 10:30')
        # 4.5 + 7.5 + 3 working hours waited move the deadline, but a wait begun
        # after it moves it to before the resume...
        self.assertEqual(ticket.date_deadline, utc('2026-07-13 10:00'))
        with at('2026-07-13 10:30'):
            self.act(ticket, 'officer', {'resolution': 'Selesai.'}, 'report_resolution')
        step4 = self.lines(ticket).filtered(
            lambda l: not l.event and l.sop_step_id.sequence == 4)
        # ...but the lateness incurred before the hold is not erased.
        self.assertEqual(step4.sla_status, 'missed')
        self.assertEqual(step4.date_late, utc('2026-07-09 10:30'))
        self.assertTrue(ticket.step_missed)
        self.assertTrue(ticket.check_journal()[0]['intact'])

    def test_the_kabid_holds_step_3(self):
        ticket = self.filed_and_walked('analysis', '2026-07-06 08:00', '2026-07-06 09:00')
        self.hold_it(ticket, '2026-07-06 10:00', actor='kabid', reason='Lampirkan surat.')
        self.assertEqual(ticket.waiting_for, 'requester')
        # A step done while waiting ends the wait first: resume line, then the step.
        with at('2026-07-06 11:00'):
            self.act(ticket, 'kabid', {'service_id': self.service_x.id,
                                       'officer_id': self.officer.id}, 'accept')
        events = [l.event for l in self.lines(ticket)]
        self.assertEqual(events[-4:], ['hold', 'resume', False, False])
        self.assertFalse(ticket.waiting_for)
        self.assertTrue(ticket.check_journal()[0]['intact'])

    def test_a_third_party_wait(self):
        ticket = self.filed_and_walked('in_progress', '2026-07-06 08:00',
                                       '2026-07-06 09:00')
        with at('2026-07-06 10:00'):
            self.act(ticket, 'officer', None, 'hold', reason='Menunggu penyedia domain.',
                     waiting_for='third_party')
        ticket.invalidate_cache()
        self.assertEqual(ticket.waiting_for, 'third_party')
        # The reporter's comment does not end a wait for a third party.
        ticket.sudo(self.requester).message_post(
            body='Kapan selesai?', message_type='comment', subtype='mail.mt_comment')
        ticket.invalidate_cache()
        self.assertEqual(ticket.waiting_for, 'third_party')


class TestAnswers(HoldCase):

    def test_a_portal_comment_resumes(self):
        with at('2026-07-06 08:00'):
            ticket = self.file_in_portal(self.portal, service_id=self.service_x.id)
        ticket = self.walk(ticket, 'in_progress', '2026-07-06 09:00')
        self.hold_it(ticket, '2026-07-06 10:00')
        with at('2026-07-07 10:00'):
            ticket.sudo(self.portal).message_post(
                body='Sandinya sudah saya kirim lewat WhatsApp.', message_type='comment',
                subtype='mail.mt_comment')
        ticket.invalidate_cache()
        self.assertFalse(ticket.waiting_for)
        resumed = self.lines(ticket).filtered(lambda l: l.event == 'resume')
        self.assertEqual(resumed.user_id, self.portal)
        self.assertIn('portal', resumed.note)
        # Mon 10:00-16:00 less the break (5 h) and Tue 07:30-10:00 (2.5 h).
        self.assertAlmostEqual(resumed.hours_waited, 7.5)
        # Step 4 from Mon 09:00, 3 days: Thu 09:00, moved by 7.5 h: Fri 09:00.
        self.assertEqual(ticket.date_deadline, utc('2026-07-10 09:00'))
        self.assertTrue(ticket.check_journal()[0]['intact'])

    def test_an_email_reply_resumes(self):
        ticket = self.filed_and_walked('analysis', '2026-07-06 08:00', '2026-07-06 09:00')
        self.hold_it(ticket, '2026-07-06 10:00', actor='kabid', reason='Lampirkan surat.')
        notice = ticket.message_ids.filtered(lambda m: m.subtype_id == self.notice)[0]
        # A stranger's reply to the notice does not answer for the reporter.
        with at('2026-07-06 11:00'), mute_logger('odoo.addons.mail.models.mail_thread'):
            self.env['mail.thread'].message_process(None, rfc822(
                'Orang Lain <orang@contoh.example>', 'Re: %s' % notice.subject,
                'Bukan jawaban.', '<asing-1@contoh.example>', to='catchall@uji.example',
                in_reply_to=notice.message_id))
        ticket.invalidate_cache()
        self.assertEqual(ticket.waiting_for, 'requester')
        with at('2026-07-06 14:00'), mute_logger('odoo.addons.mail.models.mail_thread'):
            self.env['mail.thread'].message_process(None, rfc822(
                'Requester <requester@uji.go.id>', 'Re: %s' % notice.subject,
                'Surat terlampir.', '<surat-1@uji.go.id>', to='catchall@uji.example',
                in_reply_to=notice.message_id))
        ticket.invalidate_cache()
        self.assertFalse(ticket.waiting_for)
        resumed = self.lines(ticket).filtered(lambda l: l.event == 'resume')
        self.assertIn('e-mail', resumed.note)
        # 10:00-12:00 and 13:00-14:00.
        self.assertAlmostEqual(resumed.hours_waited, 3.0)
        self.assertEqual(ticket.date_deadline, utc('2026-07-07 12:00'))
        self.assertTrue(ticket.check_journal()[0]['intact'])


class TestRefusals(HoldCase):

    def refused(self, ticket, error, call):
        before = self.snapshot(ticket)
        waiting = (ticket.waiting_for, ticket.hold_question)
        with self.assertRaises(error) as caught:
            call()
        self.assertEqual(self.snapshot(ticket), before)
        ticket.invalidate_cache()
        self.assertEqual((ticket.waiting_for, ticket.hold_question), waiting)
        return caught.exception

    def test_bad_input_is_refused_in_indonesian_and_changes_nothing(self):
        self.env['res.lang'].load_lang('id_ID')
        ticket = self.ticket_in('in_progress')
        officer = ticket.sudo(self.officer).with_context(lang='id_ID')
        error = self.refused(ticket, UserError, lambda: officer.action_hold(reason='  '))
        self.assertIn('pertanyaan', error.name)
        error = self.refused(ticket, UserError, lambda: officer.action_resume())
        self.assertIn('tidak sedang ditunda', error.name)
        error = self.refused(ticket, UserError, lambda: officer.action_hold(
            reason='Tanya.', waiting_for='tetangga'))
        officer.action_hold(reason='Tanya.')
        error = self.refused(ticket, UserError, lambda: officer.action_hold(reason='Lagi.'))
        self.assertIn('sudah ditunda', error.name)

    def test_a_step_that_does_not_wait_or_an_ended_one(self):
        for state, actor in (('new', 'helpdesk'), ('verification', 'kabid'),
                             ('approval', 'head'), ('approved', 'helpdesk')):
            ticket = self.ticket_in(state)
            self.refused(ticket, UserError, lambda: self.act(
                ticket, actor, None, 'hold', reason='Tanya.'))
        for state in ('closed', 'rejected'):
            ticket = self.ticket_in(state)
            self.refused(ticket, UserError, lambda: self.act(
                ticket, 'helpdesk', None, 'hold', reason='Tanya.'))
            self.refused(ticket, UserError, lambda: self.act(
                ticket, 'helpdesk', None, 'resume'))

    def test_the_wrong_actor(self):
        ticket = self.ticket_in('in_progress')
        for actor in ('requester', 'portal', 'helpdesk', 'kabid', 'officer_other',
                      'head', 'manager', 'internal'):
            self.refused(ticket, (AccessError, UserError), lambda: self.act(
                ticket, actor, None, 'hold', reason='Tanya.'))
        self.act(ticket, 'officer', None, 'hold', reason='Tanya.')
        for actor in ('requester', 'helpdesk', 'kabid', 'officer_other', 'manager'):
            self.refused(ticket, (AccessError, UserError), lambda: self.act(
                ticket, actor, None, 'resume'))
        # Nobody writes the wait's values directly.
        for name, value in (('waiting_for', False), ('date_hold', False),
                            ('hours_waited', 0.0)):
            self.refused(ticket, UserError, lambda: ticket.sudo(self.officer).write(
                {name: value}))


class TestClockStandsStill(HoldCase):

    def test_no_escalation_fires_during_a_wait(self):
        ticket = self.ticket_in('in_progress')
        self.act(ticket, 'officer', None, 'hold', reason='Tanya.')
        as_workflow(ticket.current_step_id).write(
            {'date_at_risk': '2020-01-01 00:00:00', 'date_deadline': '2020-01-02 00:00:00'})
        self.env['tik.ticket.step']._cron_sla_check()
        self.assertFalse(self.env['tik.escalation'].sudo().search(
            [('ticket_id', '=', ticket.id)]))
        self.act(ticket, 'officer', None, 'resume')
        as_workflow(ticket.current_step_id).write(
            {'date_at_risk': '2020-01-01 00:00:00', 'date_deadline': '2020-01-02 00:00:00'})
        self.env['tik.ticket.step']._cron_sla_check()
        self.assertTrue(self.env['tik.escalation'].sudo().search(
            [('ticket_id', '=', ticket.id)]))

    def test_the_longest_wait_reminds_then_asks_the_actor(self):
        self.env['ir.config_parameter'].sudo().set_param(
            'tik_service_mgmt.longest_wait_days', '2')
        ticket = self.filed_and_walked('in_progress', '2026-07-06 08:00',
                                       '2026-07-06 09:00')
        self.hold_it(ticket, '2026-07-06 10:00')
        notices = len(ticket.message_ids.filtered(lambda m: m.subtype_id == self.notice))
        with at('2026-07-07 10:00'):
            self.Ticket._cron_hold_reminder()
        ticket.invalidate_cache()
        self.assertEqual(ticket.hold_reminders, 0)
        with at('2026-07-08 10:00'):
            self.Ticket._cron_hold_reminder()
            self.Ticket._cron_hold_reminder()
        ticket.invalidate_cache()
        self.assertEqual(ticket.hold_reminders, 1)
        reminders = ticket.message_ids.filtered(lambda m: m.subtype_id == self.notice)
        self.assertEqual(len(reminders), notices + 1)
        self.assertIn(self.requester.partner_id, reminders[0].partner_ids)
        with at('2026-07-10 10:00'):
            self.Ticket._cron_hold_reminder()
        ticket.invalidate_cache()
        self.assertEqual(ticket.hold_reminders, 2)
        todo = ticket.activity_ids.filtered(lambda a: a.user_id == self.officer
                                            and 'penundaan' in (a.summary or '').lower())
        self.assertEqual(len(todo), 1)


class TestStatusOnHold(HoldCase):

    def test_a_wait_stops_the_clock_of_the_status_and_its_search(self):
        late_held = self.filed_and_walked('in_progress', '2026-07-03 09:00',
                                          '2026-07-06 10:00')
        self.hold_it(late_held, '2026-07-09 10:30')  # after its deadline
        in_time_held = self.filed_and_walked('in_progress', '2026-07-03 09:00',
                                             '2026-07-06 10:00')
        self.hold_it(in_time_held, '2026-07-07 10:00')  # deadline 9 July, long past now
        running = self.filed_and_walked('in_progress', '2026-07-03 09:00',
                                        '2026-07-06 10:00')  # late, not held
        tickets = late_held | in_time_held | running
        tickets.invalidate_cache()
        self.assertEqual([t.sla_status for t in tickets], ['late', 'on_track', 'late'])
        for status in ('late', 'on_track', 'at_risk'):
            found = self.Ticket.sudo().search([('id', 'in', tickets.ids),
                                               ('sla_status', '=', status)])
            self.assertEqual(found, tickets.filtered(lambda t, s=status: t.sla_status == s),
                             status)
            others = self.Ticket.sudo().search([('id', 'in', tickets.ids),
                                                ('sla_status', '!=', status)])
            self.assertEqual(others, tickets - found, status)


class TestJournalEvidence(HoldCase):

    def test_a_hold_line_altered_in_sql_is_detected(self):
        ticket = self.ticket_in('in_progress')
        self.act(ticket, 'officer', None, 'hold', reason='Tanya.')
        self.act(ticket, 'officer', None, 'resume')
        self.assertTrue(ticket.check_journal()[0]['intact'])
        held = self.lines(ticket).filtered(lambda l: l.event == 'hold')
        self.env.cr.execute("UPDATE tik_ticket_step SET note = 'Tidak ada pertanyaan.' "
                            "WHERE id = %s", [held.id])
        self.env.cache.invalidate()
        verdict = ticket.check_journal()[0]
        self.assertFalse(verdict['intact'])
        self.assertEqual(verdict['broken_line_id'], held.id)

    def test_a_resume_without_its_hold_is_detected(self):
        ticket = self.ticket_in('in_progress')
        self.act(ticket, 'officer', None, 'hold', reason='Tanya.')
        held = self.lines(ticket).filtered(lambda l: l.event == 'hold')
        self.env.cr.execute("UPDATE tik_ticket_step SET event = NULL WHERE id = %s",
                            [held.id])
        self.env.cache.invalidate()
        self.assertFalse(ticket.check_journal()[0]['intact'])

    def test_replaying_the_journal_gives_the_stored_deadline(self):
        ticket = self.filed_and_walked('in_progress', '2026-05-11 09:00',
                                       '2026-05-12 10:00')
        self.hold_it(ticket, '2026-05-12 11:00')
        self.resume_it(ticket, '2026-05-13 08:00')
        self.hold_it(ticket, '2026-05-13 15:00')
        self.resume_it(ticket, '2026-05-18 09:00')
        lines = self.lines(ticket)
        step = ticket.current_step_id
        events = [(l.event, fields.Datetime.from_string(l.date_start if l.event == 'hold'
                                                         else l.date_done))
                  for l in lines if l.event in ('hold', 'resume')]
        replayed = hold.deadline(self.Ticket._work_calendar(),
                                 fields.Datetime.from_string(step.date_start),
                                 step.duration_days, events)
        self.assertEqual(fields.Datetime.to_string(replayed), ticket.date_deadline)


class TestRecordPrintsTheWaits(HoldCase):

    def test_the_ticket_record_prints_agency_time_and_time_waited(self):
        from .test_reports import html_root, text_of
        ticket = self.filed_and_walked('in_progress', '2026-05-11 09:00',
                                       '2026-05-12 10:00')
        self.hold_it(ticket, '2026-05-13 15:00')
        self.resume_it(ticket, '2026-05-18 09:00')
        with at('2026-05-19 12:00'):
            self.act(ticket, 'officer', {'resolution': 'Akun dipulihkan.'},
                     'report_resolution')
        report = self.env.ref('tik_service_mgmt.action_report_ticket')
        html, _kind = report.with_context(lang='id_ID').render_qweb_html(ticket.ids)
        root = html_root(html)
        waited = root.xpath('//span[@class="tik_waited"]')
        self.assertEqual(text_of(waited[0]), '2,50')
        events = [node.get('data-event') for node in root.xpath('//div[@data-event]')]
        self.assertEqual(events, ['hold', 'resume'])
        self.assertIn('Mohon kirim sandi akun.', text_of(root))
        self.assertEqual(len(root.xpath('//div[@class="tik_line_waited"]')), 2)
        self.assertFalse(root.xpath('//*[contains(@class, "tik_altered")]'))


class TestRecapShowsWaitsApart(HoldCase):

    def test_the_recap_and_the_analysis_keep_waits_apart(self):
        ticket = self.filed_and_walked('in_progress', '2026-05-11 09:00',
                                       '2026-05-12 10:00')
        self.hold_it(ticket, '2026-05-13 15:00')
        self.resume_it(ticket, '2026-05-18 09:00')
        with at('2026-05-19 12:00'):
            self.act(ticket, 'officer', {'resolution': 'Akun dipulihkan.'},
                     'report_resolution')
        before = {s['sequence']: s for s in self.env['tik.recap'].sudo(
            self.manager).recap('2026-05')['steps']}
        step4 = before[4]
        self.assertGreaterEqual(step4['waits'], 1)
        self.assertGreaterEqual(step4['waited'], 2.5)
        # The wait lines are not steps: step 4 completed counts the step once.
        lines = self.env['tik.ticket.step'].search(
            [('ticket_id', '=', ticket.id), ('event', '=', False),
             ('sop_step_id.sequence', '=', 4)])
        self.assertEqual(len(lines), 1)
        self.assertEqual(step4['done'], self.env['tik.ticket.step'].search_count([
            ('sop_step_id.sequence', '=', 4), ('event', '=', False),
            ('sla_status', 'in', ('met', 'missed')),
            ('date_done', '>=', '2026-04-30 17:00:00'),
            ('date_done', '<', '2026-05-31 17:00:00')]))


class TestHashedValues(HoldCase):

    def test_the_record_names_every_value_a_wait_line_hashes(self):
        from ..report.tik_ticket_report import CONTENT_FIELDS, WAIT_FIELDS
        ticket = self.ticket_in('in_progress')
        self.act(ticket, 'officer', None, 'hold', reason='Tanya.')
        self.act(ticket, 'officer', None, 'resume')
        named = {key for key, _name in CONTENT_FIELDS + WAIT_FIELDS}
        for line in self.lines(ticket).filtered('event'):
            self.assertLessEqual(set(line._content()), named)
        # A step's own line hashes what it always did.
        step = self.lines(ticket).filtered(lambda l: not l.event)[:1]
        self.assertEqual(set(step._content()), {key for key, _name in CONTENT_FIELDS})
