# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Unit tests of lib/deadline.py, the rule of CONTRACT.md "Time standards".

Plain unittest (no database). Runs inside Odoo's test runner and with plain
pytest from the repository root:
    python -m pytest -q tik_service_mgmt/tests/test_deadline.py
"""
import datetime
import time
import unittest

import pytz

try:
    from ..lib import deadline as deadline_lib
except (ImportError, ValueError):
    import importlib.util
    import os

    _path = os.path.join(
        os.path.dirname(os.path.abspath(__file__)), os.pardir, 'lib', 'deadline.py')
    _spec = importlib.util.spec_from_file_location('tik_deadline', _path)
    deadline_lib = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(deadline_lib)
WorkCalendar = deadline_lib.WorkCalendar

try:  # the model's side of the bounds, inside Odoo's test runner only
    import psycopg2
    from odoo.exceptions import UserError, ValidationError
    from odoo.tools import mute_logger

    from .common import TikCase
except (ImportError, ValueError):
    TikCase = None

TZ = pytz.timezone('Asia/Jakarta')

# Mon-Thu 07:30-12:00, 13:00-16:00; Fri 07:30-11:30, 13:00-16:30 (37.5 h/week).
DISKOMINFO = [(day, 7.5, 12.0) for day in range(4)] + \
    [(day, 13.0, 16.0) for day in range(4)] + \
    [(4, 7.5, 11.5), (4, 13.0, 16.5)]

# 2026 national holidays and cuti bersama (DOMAIN.md), plus New Year 2027.
HOLIDAYS = [
    '2026-01-01', '2026-01-16', '2026-02-17', '2026-03-19', '2026-03-21',
    '2026-03-22', '2026-04-03', '2026-04-05', '2026-05-01', '2026-05-14',
    '2026-05-27', '2026-05-31', '2026-06-01', '2026-06-16', '2026-08-17',
    '2026-08-25', '2026-12-25',
    # cuti bersama
    '2026-02-16', '2026-03-18', '2026-03-20', '2026-03-23', '2026-03-24',
    '2026-05-15', '2026-05-28', '2026-12-24',
    '2027-01-01',
]


def utc(local):
    """'YYYY-MM-DD HH:MM[:SS]' in Asia/Jakarta -> naive UTC datetime."""
    fmt = '%Y-%m-%d %H:%M:%S' if local.count(':') == 2 else '%Y-%m-%d %H:%M'
    moment = TZ.localize(datetime.datetime.strptime(local, fmt))
    return moment.astimezone(pytz.utc).replace(tzinfo=None)


def full_day(day):
    # As Odoo stores a full-day leave entered in Asia/Jakarta.
    return utc(day + ' 00:00:00'), utc(day + ' 23:59:59')


def diskominfo():
    return WorkCalendar(DISKOMINFO, [full_day(day) for day in HOLIDAYS])


# (case, started (local), days, deadline (local))
DEADLINE_CASES = [
    # ordinary week: Mon 6 - Fri 10 July 2026, no holiday
    ('within hours', '2026-07-06 10:00', 1, '2026-07-07 10:00'),
    ('within hours, 3 days', '2026-07-06 14:00', 3, '2026-07-09 14:00'),
    ('at the start of the day', '2026-07-06 07:30', 1, '2026-07-07 07:30'),
    ('at the end of the day', '2026-07-06 16:00', 1, '2026-07-07 16:00'),
    ('before hours', '2026-07-06 06:45', 1, '2026-07-07 07:30'),
    ('before hours, previous UTC date', '2026-07-07 06:00', 1, '2026-07-08 07:30'),
    ('after hours', '2026-07-06 17:30', 1, '2026-07-08 07:30'),
    ('after hours on Thursday', '2026-07-09 16:30', 1, '2026-07-13 07:30'),
    ('lunch break', '2026-07-07 12:30', 1, '2026-07-08 13:00'),
    ('at the end of the morning', '2026-07-07 12:00', 1, '2026-07-08 12:00'),
    ('Friday break is longer', '2026-07-10 12:00', 1, '2026-07-13 13:00'),
    ('Friday within hours', '2026-07-10 15:00', 1, '2026-07-13 15:00'),
    ('Friday 16:15, Monday ends 16:00', '2026-07-10 16:15', 1, '2026-07-13 16:00'),
    ('Friday after its end', '2026-07-10 16:45', 1, '2026-07-14 07:30'),
    ('Thursday to Friday, no clamp', '2026-07-09 15:30', 1, '2026-07-10 15:30'),
    ('deadline in Friday break kept', '2026-07-06 11:45', 4, '2026-07-10 11:45'),
    ('Saturday', '2026-07-11 10:00', 1, '2026-07-14 07:30'),
    ('Sunday night', '2026-07-12 23:00', 1, '2026-07-14 07:30'),
    ('Saturday, 5 days', '2026-07-11 10:00', 5, '2026-07-20 07:30'),
    ('across a weekend', '2026-07-09 09:00', 2, '2026-07-13 09:00'),
    # holidays
    ('holiday Monday (Pancasila)', '2026-05-29 15:00', 1, '2026-06-02 15:00'),
    ('started on a holiday', '2026-06-01 10:00', 1, '2026-06-03 07:30'),
    ('cuti bersama Mon + Imlek Tue', '2026-02-13 15:00', 1, '2026-02-18 15:00'),
    ('Good Friday', '2026-04-02 10:00', 1, '2026-04-06 10:00'),
    ('Ascension + cuti bersama', '2026-05-13 10:00', 1, '2026-05-18 10:00'),
    ('Idul Fitri block, 3 days', '2026-03-17 10:00', 3, '2026-03-27 10:00'),
    ('3 days across Idul Fitri', '2026-03-16 14:00', 3, '2026-03-26 14:00'),
    ('started inside Idul Fitri', '2026-03-21 09:00', 1, '2026-03-26 07:30'),
    ('year end', '2026-12-23 10:00', 1, '2026-12-28 10:00'),
    ('year end, 5 days', '2026-12-23 10:00', 5, '2027-01-04 10:00'),
    ('New Year 2027 Friday', '2026-12-31 15:30', 1, '2027-01-04 15:30'),
]

# (case, from (local), to (local), working hours)
HOURS_CASES = [
    ('inside one period', '2026-07-06 08:00', '2026-07-06 10:30', 2.5),
    ('across the lunch break', '2026-07-06 11:00', '2026-07-06 14:00', 2.0),
    ('inside the lunch break', '2026-07-06 12:10', '2026-07-06 12:50', 0.0),
    ('across a weekend', '2026-07-10 15:00', '2026-07-13 09:00', 3.0),
    ('a whole week', '2026-07-06 00:00', '2026-07-11 00:00', 37.5),
    ('across a holiday Monday', '2026-05-29 15:00', '2026-06-02 09:00', 3.0),
    ('two weeks around Idul Fitri', '2026-03-16 00:00', '2026-03-30 00:00', 37.5),
    ('end before start', '2026-07-06 14:00', '2026-07-06 10:00', 0.0),
    ('empty interval', '2026-07-06 10:00', '2026-07-06 10:00', 0.0),
]


class TestDeadline(unittest.TestCase):

    def test_deadline_table(self):
        calendar = diskominfo()
        for case, start, days, expected in DEADLINE_CASES:
            with self.subTest(case=case):
                self.assertEqual(calendar.deadline(utc(start), days), utc(expected), case)

    def test_contract_examples_mon_thu(self):
        # CONTRACT.md examples: Mon-Thu 07:30-16:00 (Friday keeps its own hours).
        calendar = WorkCalendar(
            [(day, 7.5, 16.0) for day in range(4)] + [(4, 7.5, 16.5)],
            [full_day('2026-07-13')])
        self.assertEqual(calendar.deadline(utc('2026-07-03 15:00'), 1), utc('2026-07-06 15:00'))
        self.assertEqual(calendar.deadline(utc('2026-07-10 15:00'), 1), utc('2026-07-14 15:00'))
        self.assertEqual(calendar.deadline(utc('2026-07-04 10:00'), 1), utc('2026-07-07 07:30'))

    def test_utc_in_utc_out(self):
        # Literal UTC values, independent of the test's own conversion helper.
        calendar = diskominfo()
        cases = [
            # Fri 15:00 WIB -> Mon 15:00 WIB
            (datetime.datetime(2026, 7, 10, 8, 0), datetime.datetime(2026, 7, 13, 8, 0)),
            # Tue 06:00 WIB (Mon 23:00 UTC) -> Wed 07:30 WIB
            (datetime.datetime(2026, 7, 6, 23, 0), datetime.datetime(2026, 7, 8, 0, 30)),
        ]
        for start, expected in cases:
            with self.subTest(start=start):
                self.assertEqual(calendar.deadline(start, 1), expected)

    def test_clamp_to_start_of_shorter_day(self):
        calendar = WorkCalendar([(0, 7.5, 16.0), (1, 9.0, 12.0)])
        cases = [
            ('before the next day starts', '2026-07-06 08:00', 1, '2026-07-07 09:00'),
            ('after the next day ends', '2026-07-06 15:00', 1, '2026-07-07 12:00'),
            ('to next Monday', '2026-07-07 10:00', 1, '2026-07-13 10:00'),
        ]
        for case, start, days, expected in cases:
            with self.subTest(case=case):
                self.assertEqual(calendar.deadline(utc(start), days), utc(expected), case)

    def test_partial_leaves(self):
        calendar = WorkCalendar(DISKOMINFO, [
            # overlaps Monday's afternoon: the whole Monday is off
            (utc('2026-07-06 13:00'), utc('2026-07-06 16:00')),
            # Odoo-style "until midnight": Friday off, the Saturday end is harmless
            (utc('2026-07-10 00:00'), utc('2026-07-11 00:00')),
            # outside working hours: Wednesday stays a working day
            (utc('2026-07-08 17:00'), utc('2026-07-08 23:00')),
        ])
        self.assertFalse(calendar.is_working_day(datetime.date(2026, 7, 6)))
        self.assertTrue(calendar.is_working_day(datetime.date(2026, 7, 8)))
        self.assertFalse(calendar.is_working_day(datetime.date(2026, 7, 10)))
        self.assertEqual(calendar.deadline(utc('2026-07-03 15:00'), 1), utc('2026-07-07 15:00'))
        self.assertEqual(calendar.deadline(utc('2026-07-09 10:00'), 1), utc('2026-07-13 10:00'))

    def test_is_working_day(self):
        calendar = diskominfo()
        cases = [
            ('2026-03-17', True), ('2026-03-18', False), ('2026-03-19', False),
            ('2026-03-24', False), ('2026-03-25', True), ('2026-07-11', False),
            ('2026-07-12', False), ('2026-07-10', True), ('2027-01-01', False),
        ]
        for day, expected in cases:
            with self.subTest(day=day):
                local = datetime.datetime.strptime(day, '%Y-%m-%d').date()
                self.assertIs(calendar.is_working_day(local), expected, day)

    def test_working_hours_table(self):
        calendar = diskominfo()
        for case, start, end, expected in HOURS_CASES:
            with self.subTest(case=case):
                self.assertEqual(calendar.working_hours(utc(start), utc(end)), expected, case)

    def test_invalid_days(self):
        calendar = diskominfo()
        for days in (0, -1, 1.5, None, True):
            with self.subTest(days=days):
                with self.assertRaises(ValueError):
                    calendar.deadline(utc('2026-07-06 10:00'), days)

    def test_no_attendances(self):
        with self.assertRaises(ValueError):
            WorkCalendar([], [])

    def test_no_working_day_found(self):
        calendar = WorkCalendar([(0, 7.5, 16.0)],
                                [(utc('2026-01-01 00:00'), utc('2030-01-01 00:00'))])
        with self.assertRaises(ValueError):
            calendar.deadline(utc('2026-07-06 10:00'), 1)


class TestAfterWorkingHours(unittest.TestCase):
    """after_working_hours is the inverse of working_hours."""

    def setUp(self):
        super(TestAfterWorkingHours, self).setUp()
        self.cal = diskominfo()

    def test_inverse_of_working_hours(self):
        start = utc('2026-03-17 10:00')  # a Tuesday, just before Idul Fitri
        for hours in (0.5, 2, 4.5, 7.5, 20, 22.5):
            moment = self.cal.after_working_hours(start, hours)
            self.assertAlmostEqual(self.cal.working_hours(start, moment), hours, places=6)

    def test_skips_breaks_weekends_and_holidays(self):
        after = self.cal.after_working_hours
        # Friday 15:30 + 2 working hours: 1 h on Friday, 1 h on Monday.
        self.assertEqual(after(utc('2026-11-27 15:30'), 2), utc('2026-11-30 08:30'))
        # 11:30 + 1 h: 30 min before the lunch break, 30 min after it.
        self.assertEqual(after(utc('2026-03-17 11:30'), 1), utc('2026-03-17 13:30'))
        # Tue 17 Mar 15:00 + 2 h: 1 h that day, the rest after Idul Fitri (Wed 25 Mar).
        self.assertEqual(after(utc('2026-03-17 15:00'), 2), utc('2026-03-25 08:30'))
        # Started on a Sunday: counts from Monday 07:30.
        self.assertEqual(after(utc('2026-11-29 10:00'), 1), utc('2026-11-30 08:30'))


# Time standards and starts outside the bounds: today's and a century's worth of days
# used to run for seconds and end in an OverflowError.
BAD_DAYS = [0, -1, 61, 10 ** 9, 2 ** 31, 1.5, 1.0, '3', True, False, None, [1]]
BAD_STARTS = ['9999-12-31 23:59:59', '1999-12-31 23:59:59', '2100-01-01 00:00:01',
              '0001-01-01 00:00:00']


class TestBounds(unittest.TestCase):
    """lib/deadline.py refuses what is out of bounds with a ValueError, at once."""

    def setUp(self):
        super(TestBounds, self).setUp()
        self.cal = diskominfo()

    def test_bounds_are_named(self):
        self.assertEqual((deadline_lib.MIN_DAYS, deadline_lib.MAX_DAYS), (1, 60))
        self.assertEqual(deadline_lib.MIN_START, datetime.datetime(2000, 1, 1))
        self.assertEqual(deadline_lib.MAX_START, datetime.datetime(2100, 1, 1))
        self.assertEqual(WorkCalendar.MAX_DAYS, deadline_lib.MAX_DAYS)

    def test_bad_days_are_refused_at_once(self):
        started = time.monotonic()
        for days in BAD_DAYS:
            with self.subTest(days=days):
                with self.assertRaises(ValueError):
                    self.cal.deadline(utc('2026-07-06 10:00'), days)
        self.assertLess(time.monotonic() - started, 1.0)

    def test_bad_starts_are_refused_at_once(self):
        started = time.monotonic()
        starts = [datetime.datetime.strptime(s, '%Y-%m-%d %H:%M:%S') for s in BAD_STARTS]
        starts += ['2026-07-06 10:00:00', datetime.date(2026, 7, 6), None,
                   pytz.utc.localize(utc('2026-07-06 10:00'))]
        for start in starts:
            with self.subTest(start=start):
                with self.assertRaises(ValueError):
                    self.cal.deadline(start, 1)
                with self.assertRaises(ValueError):
                    self.cal.after_working_hours(start, 1)
        self.assertLess(time.monotonic() - started, 1.0)

    def test_the_bounds_themselves_are_accepted(self):
        for start in (deadline_lib.MIN_START, deadline_lib.MAX_START):
            for days in (deadline_lib.MIN_DAYS, deadline_lib.MAX_DAYS):
                with self.subTest(start=start, days=days):
                    self.assertGreater(self.cal.deadline(start, days), start)
        # 60 working days from Mon 6 July 2026: twelve weeks and the two holidays
        # between (17 and 25 August).
        self.assertEqual(self.cal.deadline(utc('2026-07-06 10:00'), 60),
                         utc('2026-09-30 10:00'))


if TikCase is not None:

    class TestDeadlineRefusals(TikCase):
        """The model refuses the same with errors a person reads, in their language."""

        def refused(self, start, days, lang='en_US'):
            with self.assertRaises(UserError) as refusal:
                self.Ticket.sudo(self.requester).with_context(lang=lang).compute_deadline(
                    start, days)
            return str(refusal.exception.name)

        def test_bad_days_are_a_user_error(self):
            for days in BAD_DAYS:
                with self.subTest(days=days):
                    message = self.refused('2026-11-27 08:00:00', days)
                    self.assertIn('from 1 to 60', message)

        def test_bad_starts_are_a_user_error(self):
            for start in BAD_STARTS:
                with self.subTest(start=start):
                    message = self.refused(start, 1)
                    self.assertIn('2000-01-01 00:00:00', message)
                    self.assertIn('2100-01-01 00:00:00', message)
            not_strings = [20261127, datetime.datetime(2026, 11, 27, 8), None, False,
                           ['2026-11-27 08:00:00'], {'start': '2026-11-27 08:00:00'},
                           '', 'bukan tanggal', '27-11-2026 08:00']
            for start in not_strings:
                with self.subTest(start=start):
                    self.assertIn('UTC date and time', self.refused(start, 1))

        def test_refusals_speak_indonesian(self):
            self.env['res.lang'].load_lang('id_ID')
            self.assertIn('1 sampai 60', self.refused('2026-11-27 08:00:00', 61, 'id_ID'))
            self.assertIn('2000-01-01 00:00:00',
                          self.refused('9999-12-31 23:59:59', 1, 'id_ID'))
            self.assertNotIn('between', self.refused('9999-12-31 23:59:59', 1, 'id_ID'))

        def test_the_bounds_themselves_are_accepted(self):
            deadline = self.Ticket.compute_deadline
            self.assertEqual(deadline('2026-11-27 08:00:00', 1), '2026-11-30 08:00:00')
            for start in ('2000-01-01 00:00:00', '2100-01-01 00:00:00'):
                with self.subTest(start=start):
                    self.assertGreater(deadline(start, 60), start)

        def assert_unchanged(self, record, values):
            record.invalidate_cache()
            self.assertEqual({name: record[name] for name in values}, values)

        def test_a_service_time_standard_is_bounded(self):
            service = self.service_x
            for days in (0, 1, 60):
                service.resolution_days = days
            before = {'name': service.name, 'resolution_days': 60}
            for days in (61, 10 ** 6):
                with self.subTest(days=days):
                    # In a request Odoo rolls the transaction back on the error; the
                    # savepoint does the same here.
                    with self.assertRaises(ValidationError) as refusal, \
                            self.cr.savepoint():
                        service.write({'name': 'Diubah', 'resolution_days': days})
                    self.assertIn('Resolution Time (working days)',
                                  str(refusal.exception.name))
                    self.assertIn('from 1 to 60', str(refusal.exception.name))
                    self.assert_unchanged(service, before)
            with self.assertRaises(ValidationError), self.cr.savepoint():
                self.env['tik.service'].create({
                    'name': 'Terlalu Lama', 'code': 'UX-LAMA',
                    'division_id': self.division_x.id, 'resolution_days': 61})
            self.assertFalse(self.env['tik.service'].search([('code', '=', 'UX-LAMA')]))
            # Below zero the database's own constraint refuses first.
            with self.assertRaises(psycopg2.IntegrityError) as refusal, \
                    mute_logger('odoo.sql_db'), self.cr.savepoint():
                service.write({'resolution_days': -1})
            self.assertEqual(refusal.exception.diag.constraint_name,
                             'tik_service_resolution_days_positive')
            self.assert_unchanged(service, before)

        def test_a_step_time_standard_is_bounded(self):
            # Time standards change in a draft version of the SOP.
            draft = self.env['tik.sop'].browse(self.env.ref(
                'tik_service_mgmt.sop_tik').action_revise()['res_id'])
            step = draft.step_ids.filtered(lambda s: s.sequence == 4)
            before = {'duration_days': step.duration_days, 'name': step.name}
            with self.assertRaises(ValidationError) as refusal, self.cr.savepoint():
                step.write({'duration_days': 61, 'name': 'Diubah'})
            self.assertIn('Time Standard (working days)', str(refusal.exception.name))
            self.assert_unchanged(step, before)
            with self.assertRaises(psycopg2.IntegrityError), mute_logger('odoo.sql_db'), \
                    self.cr.savepoint():
                step.write({'duration_days': 0})
            self.assert_unchanged(step, before)
            step.duration_days = 60
            self.assertEqual(step.duration_days, 60)

        def test_a_time_standard_refusal_speaks_indonesian(self):
            self.env['res.lang'].load_lang('id_ID')
            with self.assertRaises(ValidationError) as refusal, self.cr.savepoint():
                self.service_x.with_context(lang='id_ID').write({'resolution_days': 61})
            self.assertIn('1 sampai 60', str(refusal.exception.name))


if __name__ == '__main__':
    unittest.main()
