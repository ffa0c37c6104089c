# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo data shows every state a manager looks at (late, at risk, reworked,
rejected, on hold, closed), each journal still the one the workflow sealed, also once
the scheduled checks ran on it.

The demo's moves are played working hours before the install: the late ticket stays
late, and the ticket at risk stays at risk for about a working day after the install,
when Odoo runs these tests.
"""
import datetime
import unittest
from unittest import mock

from odoo import fields
from odoo.tests.common import SavepointCase

from ..lib.deadline import WorkCalendar
from .common import TikCase

DEMO = 'tik_service_mgmt.'
# Mon-Thu 07:30-12:00, 13:00-16:00; Fri 07:30-11:30, 13:00-16:30 (37.5 h/week).
DISKOMINFO = [(day, 7.5, 12.0) for day in range(4)] + \
    [(day, 13.0, 16.0) for day in range(4)] + [(4, 7.5, 11.5), (4, 13.0, 16.5)]


class TestBeforeWorkingHours(unittest.TestCase):
    """lib/deadline.py: the moment some working hours before another."""

    calendar = WorkCalendar(DISKOMINFO, [
        # 25 December 2026 (Friday), a holiday: 00:00-24:00 WIB in UTC.
        (datetime.datetime(2026, 12, 24, 17), datetime.datetime(2026, 12, 25, 17))])

    def local(self, *args):
        return self.calendar.to_utc(datetime.datetime(*args))

    def test_counts_back_over_breaks_nights_weekends_and_holidays(self):
        cases = [
            # (end, hours, start) local
            ((2026, 12, 7, 9, 0), 1.5, (2026, 12, 7, 7, 30)),
            ((2026, 12, 7, 9, 0), 2.0, (2026, 12, 4, 16, 0)),  # Friday ends 16:30
            ((2026, 12, 7, 14, 0), 2.0, (2026, 12, 7, 11, 0)),  # over the break
            ((2026, 12, 6, 9, 0), 0.5, (2026, 12, 4, 16, 0)),  # a Sunday
            ((2026, 12, 28, 8, 30), 2.0, (2026, 12, 24, 15, 0)),  # over Christmas
            ((2026, 12, 7, 9, 0), 37.5, (2026, 11, 30, 9, 0)),  # a working week
        ]
        for end, hours, start in cases:
            found = self.calendar.before_working_hours(self.local(*end), hours)
            self.assertEqual(found, self.local(*start), (end, hours))
            self.assertAlmostEqual(
                self.calendar.working_hours(found, self.local(*end)), hours, places=6)

    def test_inverse_of_after_working_hours(self):
        end = self.local(2026, 12, 10, 10, 15)
        for hours in (0.25, 3.0, 7.5, 22.5, 60.0):
            start = self.calendar.before_working_hours(end, hours)
            self.assertEqual(self.calendar.after_working_hours(start, hours), end, hours)


class TestDemoStates(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(TestDemoStates, cls).setUpClass()
        rows = cls.env['ir.model.data'].search(
            [('module', '=', 'tik_service_mgmt'), ('model', '=', 'tik.ticket')])
        cls.demo = cls.env['tik.ticket'].with_context(active_test=False).browse(
            rows.mapped('res_id'))
        cls.kadin = cls.env.ref(DEMO + 'user_kadin_demo', False)

    def setUp(self):
        super(TestDemoStates, self).setUp()
        if not self.demo or not self.kadin:
            self.skipTest('The database was installed without demo data.')

    def as_kadin(self, domain):
        """The demo tickets the Kadin finds with `domain` (his views' filters)."""
        return self.env['tik.ticket'].sudo(self.kadin).search(
            [('id', 'in', self.demo.ids)] + domain)

    def assert_states(self):
        self.demo.invalidate_cache()
        late = self.as_kadin([('sla_status', '=', 'late')])
        self.assertTrue(late, 'no demo ticket is late')
        self.assertTrue(all(t.sla_status == 'late' for t in late))
        at_risk = self.as_kadin([('sla_status', '=', 'at_risk')])
        self.assertTrue(at_risk, 'no demo ticket is at risk')
        for ticket in at_risk.sudo():
            self.assertEqual(ticket.sla_status, 'at_risk')
            self.assertLess(ticket.date_at_risk, fields.Datetime.now())
            self.assertGreater(ticket.date_deadline, fields.Datetime.now())
        waiting = self.as_kadin([('waiting_for', '!=', False)])
        self.assertTrue(waiting, 'no demo ticket is on hold')
        self.assertTrue(all(t.hold_question and t.date_hold for t in waiting.sudo()))
        reworked = self.demo.filtered(
            lambda t: t.rework_count and t.rework_reason and t.state not in (
                'closed', 'rejected', 'duplicate'))
        self.assertTrue(reworked, 'no demo ticket is being reworked')
        kabids = self.env.ref(DEMO + 'group_division_head').users
        self.assertTrue(any(
            line.action == 'request_rework' and line.user_id in kabids
            and line.note == ticket.rework_reason
            for ticket in reworked for line in ticket.step_ids))
        rejected = self.demo.filtered(lambda t: t.state == 'rejected')
        self.assertTrue(rejected and all(t.reject_reason for t in rejected))
        self.assertTrue(self.demo.filtered(lambda t: t.state == 'closed'))
        return late, at_risk, waiting

    def assert_journals_hold(self):
        broken = [verdict for verdict in self.demo.check_journal() if not verdict['intact']]
        self.assertEqual(broken, [])

    def test_each_state_a_manager_looks_at_is_shown(self):
        self.assert_states()
        self.assert_journals_hold()

    def test_the_journals_tell_the_days_played_back(self):
        late, at_risk, waiting = self.assert_states()
        now = fields.Datetime.now()
        calendar = self.env['tik.ticket']._work_calendar()
        for ticket in (late | at_risk | waiting).sudo():
            lines = ticket.step_ids.sorted('position')
            starts = lines.mapped('date_start')
            # Sealed in the order they happened (a wait's line comes before the step it
            # interrupts), all before now.
            done = lines.filtered('hash').mapped('date_done')
            self.assertEqual(done, sorted(done))
            self.assertLess(max(done + starts), now)
            # A working day or more ago, by the company's calendar.
            self.assertGreaterEqual(calendar.working_hours(
                fields.Datetime.from_string(starts[0]),
                fields.Datetime.from_string(now)), 7.5)
            step = ticket.current_step_id
            self.assertEqual(step.date_deadline, ticket.date_deadline)
            if not ticket.waiting_for:
                self.assertEqual(step.date_deadline, self.env['tik.ticket'].compute_deadline(
                    step.date_start, step.duration_days))
            # The chatter tells the steps when they happened.
            dates = ticket.message_ids.mapped('date')
            self.assertEqual(min(dates), starts[0])
            self.assertFalse(set(done) - set(dates))
            # Numbered in the order they were filed.
            self.assertTrue(all(other.number > ticket.number for other in self.demo
                                if other.step_ids.sorted('position')[:1].date_start > starts[0]))

    def test_the_scheduled_checks_keep_the_demo_whole(self):
        self.env['tik.ticket.step']._cron_sla_check()
        self.env['tik.ticket']._cron_hold_reminder()
        self.env['tik.journal.seal']._seal_until()
        late, _at_risk, _waiting = self.assert_states()
        self.assertTrue(self.env['tik.escalation'].search([('ticket_id', 'in', late.ids)]))
        self.assertTrue(late.sudo().mapped('current_step_id.date_escalated'))
        self.assert_journals_hold()
        self.assertFalse(self.env['tik.journal.seal'].check_chain()[0])


class TestTheDemoClock(TikCase):
    """Only the demo data's own code dates a step: a clock given over RPC, JSON in the
    context, is no clock."""

    def test_a_clock_in_plain_context_dates_nothing(self):
        ticket = self.file_ticket(service_id=self.service_x.id)
        before = fields.Datetime.now()
        forged = ticket.with_context(tik_clock='2020-01-06 02:00:00')
        forged.sudo(self.helpdesk).action_dispatch()
        line = ticket.sudo().step_ids.filtered(lambda l: l.action == 'dispatch')
        self.assertGreaterEqual(line.date_done, before)

    def test_the_demo_counts_back_in_working_hours(self):
        moment = '2026-12-04 03:00:00'
        with mock.patch.object(fields.Datetime, 'now', return_value='2026-12-07 03:00:00'):
            demo = self.env['tik.demo']
            # Friday 10:00 WIB is 7.5 working hours before Monday 10:00 WIB.
            self.assertEqual(demo._moment(7.5), moment)
            self.assertIsNone(demo._moment(0))
