# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Unit and property tests of lib/hold.py: waits and holidays as the clock counts them.

Plain unittest (no database). Runs inside Odoo's test runner and on its own:
    cd tik_service_mgmt/tests && ../../.venv/bin/python -m unittest -v test_hold_lib
"""
import datetime
import random
import unittest

try:
    from ..lib import hold
    from .test_deadline import DISKOMINFO, HOLIDAYS, WorkCalendar, diskominfo, full_day, utc
except (ImportError, ValueError):
    import importlib.util
    import os
    import sys

    _here = os.path.dirname(os.path.abspath(__file__))

    def _load(name, path):
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    hold = _load('tik_hold', os.path.join(_here, os.pardir, 'lib', 'hold.py'))
    sys.path.insert(0, _here)
    from test_deadline import (  # pylint: disable=import-error
        DISKOMINFO, HOLIDAYS, WorkCalendar, diskominfo, full_day, utc)

HOUR = datetime.timedelta(hours=1)


def calendar_with(days):
    return WorkCalendar(DISKOMINFO, [full_day(day) for day in days])


# (case, step start (local), days, events [(kind, local moment)], deadline (local),
#  late at the hold)
CASES = [
    ('hold across a weekend and a cuti bersama (14 May holiday, 15 May cuti bersama)',
     '2026-05-12 10:00', 3,
     [('hold', '2026-05-13 15:00'), ('resume', '2026-05-18 09:00')],
     '2026-05-19 13:30', False),
    ('no wait: the SOP deadline', '2026-05-12 10:00', 3, [], '2026-05-19 10:00', False),
    ('a wait still open moves nothing yet', '2026-05-12 10:00', 3,
     [('hold', '2026-05-13 15:00')], '2026-05-19 10:00', False),
    ('hold started after the deadline: moved, and late all the same',
     '2026-07-06 10:00', 1,
     [('hold', '2026-07-07 11:00'), ('resume', '2026-07-07 14:00')],
     '2026-07-07 12:00', True),
    ('two waits add up, the lunch break not counted', '2026-07-06 10:00', 1,
     [('hold', '2026-07-06 11:00'), ('resume', '2026-07-06 14:00'),
      ('amend', '2026-07-06 15:00'),
      ('hold', '2026-07-06 15:30'), ('resume', '2026-07-07 08:00')],
     '2026-07-07 14:00', False),
    ('a wait over a whole holiday counts nothing of it', '2026-08-14 10:00', 1,
     [('hold', '2026-08-14 16:00'), ('resume', '2026-08-18 07:30')],
     '2026-08-18 10:30', False),
]


class TestHoldTable(unittest.TestCase):

    def test_waits_table(self):
        calendar = diskominfo()
        for case, start, days, events, expected, late in CASES:
            with self.subTest(case=case):
                moments = [(kind, utc(moment)) for kind, moment in events]
                self.assertEqual(hold.deadline(calendar, utc(start), days, moments),
                                 utc(expected), case)
                held = [moment for kind, moment in moments if kind == 'hold']
                if held:
                    self.assertEqual(hold.late_at_hold(
                        calendar.deadline(utc(start), days), held[0]), late, case)

    def test_holiday_added_after_filing_inside_a_running_step(self):
        start = utc('2026-07-06 10:00')
        before = calendar_with(HOLIDAYS).deadline(start, 3)
        self.assertEqual(before, utc('2026-07-09 10:00'))
        after = hold.deadline(calendar_with(HOLIDAYS + ['2026-07-08']), start, 3)
        self.assertEqual(after, utc('2026-07-10 10:00'))

    def test_holiday_removed(self):
        start = utc('2026-08-14 10:00')
        self.assertEqual(hold.deadline(diskominfo(), start, 1), utc('2026-08-18 10:00'))
        without = [day for day in HOLIDAYS if day != '2026-08-17']
        self.assertEqual(hold.deadline(calendar_with(without), start, 1),
                         utc('2026-08-17 10:00'))

    def test_holiday_inside_a_wait_counts_nothing(self):
        start = utc('2026-07-06 10:00')
        events = [('hold', utc('2026-07-07 08:00')), ('resume', utc('2026-07-09 08:00'))]
        # Tue 08:00 to Thu 08:00 is 15 working hours; with Wednesday off, 7.5.
        self.assertEqual(hold.deadline(diskominfo(), start, 3, events),
                         utc('2026-07-13 10:00'))
        self.assertEqual(hold.deadline(calendar_with(HOLIDAYS + ['2026-07-08']), start, 3,
                                       events), utc('2026-07-13 10:00'))

    def test_events_in_order(self):
        self.assertIsNone(hold.first_out_of_order(
            [None, None, 'hold', 'resume', 'amend', 'hold', 'resume', None]))
        self.assertEqual(hold.first_out_of_order([None, 'resume']), 1)
        self.assertEqual(hold.first_out_of_order([None, 'hold', 'hold']), 2)
        self.assertEqual(hold.first_out_of_order([None, 'hold', None]), 2)

    def test_reminder_after_the_longest_wait(self):
        calendar = diskominfo()
        since = utc('2026-05-13 15:00')
        # Three working days after Wed 13 May: 18, 19, 20 May (14-17 off).
        self.assertFalse(hold.reminder_due(calendar, since, 3, utc('2026-05-20 14:59')))
        self.assertTrue(hold.reminder_due(calendar, since, 3, utc('2026-05-20 15:00')))


def in_working_hours(moment, exact):
    """`moment` (naive UTC) lies in a working period of a working day (ends included),
    or, not `exact`, within the working day's first start and last end."""
    local = utc_to_local(moment)
    day = local.date()
    if day.isoformat() in HOLIDAYS or day.weekday() > 4:
        return False
    hours = local.hour + local.minute / 60.0 + local.second / 3600.0
    periods = [(a, b) for weekday, a, b in DISKOMINFO if weekday == day.weekday()]
    if not exact:
        return min(a for a, _b in periods) <= hours <= max(b for _a, b in periods)
    return any(a <= hours <= b for a, b in periods)


def utc_to_local(moment):
    return moment + datetime.timedelta(hours=7)


class TestHoldProperties(unittest.TestCase):
    """For random starts, durations and waits (fixed seeds)."""

    RUNS = 300

    def setUp(self):
        super(TestHoldProperties, self).setUp()
        self.calendar = diskominfo()

    def random_journal(self, rnd):
        start = utc('2026-01-02 00:00') + datetime.timedelta(
            minutes=rnd.randrange(0, 340 * 24 * 60))
        days = rnd.randint(1, 5)
        events, moment = [], start
        for _i in range(rnd.randint(0, 4)):
            moment += datetime.timedelta(minutes=rnd.randrange(1, 5 * 24 * 60))
            held = moment
            moment += datetime.timedelta(minutes=rnd.randrange(1, 6 * 24 * 60))
            events += [('hold', held), ('resume', moment)]
        return start, days, events

    def test_longer_wait_never_earlier(self):
        rnd = random.Random(20261205)
        for _i in range(self.RUNS):
            start, days, events = self.random_journal(rnd)
            if not events:
                continue
            before = hold.deadline(self.calendar, start, days, events)
            longer = list(events)
            index = rnd.randrange(1, len(events), 2)
            longer[index] = ('resume', events[index][1] + datetime.timedelta(
                minutes=rnd.randrange(1, 3 * 24 * 60)))
            after = hold.deadline(self.calendar, start, days, longer)
            self.assertGreaterEqual(after, before, (start, days, events, longer))
            self.assertGreaterEqual(before, self.calendar.deadline(start, days))

    def test_inside_working_hours(self):
        rnd = random.Random(7)
        for _i in range(self.RUNS):
            start, days, events = self.random_journal(rnd)
            moment = hold.deadline(self.calendar, start, days, events)
            waited = sum(self.calendar.working_hours(a, b) for a, b in hold.waits(events))
            self.assertTrue(in_working_hours(moment, exact=waited > 0),
                            (start, days, events, moment))
            self.assertEqual(moment.microsecond, 0)

    def test_replay_gives_the_stored_deadline(self):
        """The deadline stored wait by wait, as each resume moves it, is the one the
        journal's lines give when replayed from the step's start."""
        rnd = random.Random(11)
        for _i in range(self.RUNS):
            start, days, events = self.random_journal(rnd)
            stored = self.calendar.deadline(start, days)
            for held, resumed in hold.waits(events):
                stored = hold.shifted(self.calendar, stored,
                                      hold.waited_hours(self.calendar, held, resumed))
            self.assertEqual(hold.deadline(self.calendar, start, days, events), stored,
                             (start, days, events))


if __name__ == '__main__':
    unittest.main()
