# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Days off with their legal basis: the service manager alone changes the agency's;
each change amends the running deadlines it touches with a sealed journal line, and a
step already ended keeps its verdict."""
from odoo.exceptions import AccessError

from .test_hold import HoldCase, at, utc

BASIS = 'Keppres Nomor 9 Tahun 2026'


class TestDaysOff(HoldCase):

    @classmethod
    def setup_data(cls):
        result = super(TestDaysOff, cls).setup_data()
        cls.calendar = cls.env.user.company_id.resource_calendar_id
        cls.Leave = cls.env['resource.calendar.leaves']
        return result

    def day_off(self, day, user=None, **vals):
        values = {'name': 'Libur tambahan', 'calendar_id': self.calendar.id,
                  'date_from': utc(day + ' 00:00'),
                  'date_to': utc(day + ' 23:59').replace(':00', ':59', 1)[:17] + '59',
                  'day_off_type': 'national', 'legal_basis': BASIS}
        values.update(vals)
        with at('2026-07-06 12:00'):
            return self.Leave.sudo(user or self.manager).create(values)

    def amendments(self, ticket):
        return self.lines(ticket).filtered(lambda l: l.event == 'amend')

    def test_a_day_off_added_then_removed_moves_the_running_deadlines(self):
        ticket = self.filed_and_walked('in_progress', '2026-07-06 08:00',
                                       '2026-07-06 09:00')
        ended = self.filed_and_walked('closed', '2026-07-06 08:00', '2026-07-06 09:30')
        ended_lines = self.snapshot(ended)
        self.assertEqual(ticket.date_deadline, utc('2026-07-09 09:00'))
        self.assertEqual(ticket.date_due, utc('2026-07-17 08:00'))

        leave = self.day_off('2026-07-08')
        ticket.invalidate_cache()
        self.assertEqual(ticket.date_deadline, utc('2026-07-10 09:00'))
        self.assertEqual(ticket.current_step_id.date_deadline, utc('2026-07-10 09:00'))
        self.assertEqual(ticket.date_due, utc('2026-07-20 08:00'))
        amended = self.amendments(ticket)
        self.assertEqual(len(amended), 1)
        self.assertTrue(amended.hash)
        self.assertEqual((amended.user_id, amended.holiday_id), (self.manager, leave))
        for text in ('Libur tambahan', '08-07-2026', BASIS, '09-07-2026 09:00',
                     '10-07-2026 09:00', '20-07-2026 08:00'):
            self.assertIn(text, amended.note)
        self.assertTrue(ticket.check_journal()[0]['intact'])
        # An ended ticket keeps its deadlines and verdicts.
        self.assertEqual(self.snapshot(ended), ended_lines)
        self.assertTrue(ended.check_journal()[0]['intact'])

        with at('2026-07-06 13:00'):
            leave.sudo(self.manager).unlink()
        ticket.invalidate_cache()
        self.assertEqual(ticket.date_deadline, utc('2026-07-09 09:00'))
        self.assertEqual(len(self.amendments(ticket)), 2)
        self.assertIn(BASIS, self.amendments(ticket)[-1].note)
        self.assertTrue(ticket.check_journal()[0]['intact'])
        self.assertEqual(self.snapshot(ended), ended_lines)

    def test_a_day_off_moved(self):
        ticket = self.filed_and_walked('in_progress', '2026-07-06 08:00',
                                       '2026-07-06 09:00')
        leave = self.day_off('2026-07-08')
        with at('2026-07-06 13:00'):
            leave.sudo(self.manager).write({'date_from': utc('2026-07-20 00:00'),
                                            'date_to': '2026-07-20 16:59:59'})
        ticket.invalidate_cache()
        self.assertEqual(ticket.date_deadline, utc('2026-07-09 09:00'))
        # Still inside the procedure's time: it moves the overall deadline only.
        self.assertEqual(ticket.date_due, utc('2026-07-17 08:00'))
        moved = self.amendments(ticket)[-1]
        self.assertIn('08-07-2026 \u2192 20-07-2026', moved.note)
        self.assertTrue(ticket.check_journal()[0]['intact'])

    def test_a_day_off_that_touches_nothing_amends_nothing(self):
        ticket = self.filed_and_walked('in_progress', '2026-07-06 08:00',
                                       '2026-07-06 09:00')
        leave = self.day_off('2026-09-01')
        self.assertFalse(self.amendments(ticket))
        leave.sudo(self.manager).write({'legal_basis': 'Perbup Trenggalek Nomor 3 Tahun '
                                                       '2026', 'day_off_type': 'local'})
        self.assertFalse(self.amendments(ticket))

    def test_only_the_service_manager_changes_the_agencys_days_off(self):
        ticket = self.filed_and_walked('in_progress', '2026-07-06 08:00',
                                       '2026-07-06 09:00')
        before = self.snapshot(ticket)
        leaves = self.Leave.search_count([])
        for actor in ('helpdesk', 'kabid', 'officer', 'head', 'requester', 'internal'):
            with self.assertRaises(AccessError):
                self.day_off('2026-07-08', user=self.actors[actor])
        self.assertEqual(self.Leave.search_count([]), leaves)
        leave = self.day_off('2026-09-01')
        for actor in ('helpdesk', 'officer', 'internal'):
            with self.assertRaises(AccessError):
                leave.sudo(self.actors[actor]).write({'date_from': utc('2026-07-08 00:00')})
            with self.assertRaises(AccessError):
                leave.sudo(self.actors[actor]).unlink()
        self.assertTrue(leave.exists())
        self.assertEqual(self.snapshot(ticket), before)
        # Leaves of other calendars stay as Odoo has them.
        other = self.env['resource.calendar'].create({'name': 'Kalender lain'})
        self.Leave.sudo(self.internal).create({
            'name': 'Cuti', 'calendar_id': other.id, 'date_from': '2026-07-08 00:00:00',
            'date_to': '2026-07-08 09:00:00'})
        self.assertEqual(self.snapshot(ticket), before)

    def test_the_shipped_days_off_carry_their_basis_and_type(self):
        shipped = self.calendar.leave_ids.filtered(lambda l: l.date_to[:4] == '2026')
        self.assertTrue(shipped)
        self.assertFalse(shipped.filtered(lambda l: not (l.legal_basis and l.day_off_type)))
        cuti = shipped.filtered(lambda l: l.day_off_type == 'cuti_bersama')
        self.assertEqual(len(cuti), 8)
        self.assertTrue(all('1497' in l.legal_basis for l in shipped))
