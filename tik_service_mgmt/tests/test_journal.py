# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError

from .common import TikCase


class TestJournal(TikCase):

    @classmethod
    def setup_data(cls):
        cls.ticket = cls.ticket_in('closed')
        cls.lines = cls.ticket.step_ids.sorted('id')

    def test_nobody_writes_or_deletes_a_line_not_even_the_administrator(self):
        admin_lines = self.lines.sudo()
        before = self.snapshot(self.ticket)
        with self.assertRaises(UserError):
            admin_lines[2].write({'note': 'Diubah.'})
        with self.assertRaises(UserError):
            admin_lines.unlink()
        with self.assertRaises(UserError):
            # A context flag sent over RPC is not the workflow's authority.
            admin_lines[2].with_context(tik_workflow=True).write({'note': 'Diubah.'})
        with self.assertRaises(UserError):
            self.env['tik.ticket.step'].sudo().create({
                'ticket_id': self.ticket.id, 'sop_step_id': self.lines[0].sop_step_id.id,
                'date_start': '2026-01-05 01:00:00'})
        self.assertEqual(self.snapshot(self.ticket), before)

    def test_users_have_no_write_access_at_all(self):
        for user in (self.helpdesk, self.head, self.manager):
            self.assertFalse(self.env['tik.ticket.step'].sudo(user).check_access_rights(
                'write', raise_exception=False), user.login)

    def verdict(self, ticket=None):
        self.env.cache.invalidate()
        return (ticket or self.ticket).check_journal()[0]

    def test_each_line_is_chained_to_the_previous(self):
        self.assertEqual(len(set(self.lines.mapped('hash'))), 7)
        self.assertEqual(self.lines.mapped('position'), list(range(1, 8)))
        self.assertEqual(self.ticket.journal_length, 7)
        self.assertEqual(self.ticket.journal_head, self.lines[-1].hash)
        self.assertEqual(self.verdict(), {
            'ticket_id': self.ticket.id, 'intact': True, 'broken_line_id': False,
            'reason': 'Every line matches its hash; the chain is complete.'})
        self.assertTrue(self.ticket.action_check_journal())

    def test_a_running_ticket_keeps_its_head_at_the_last_sealed_line(self):
        ticket = self.ticket_in('verification')
        lines = ticket.step_ids.sorted('position')
        self.assertEqual(ticket.journal_length, 4)
        self.assertEqual(ticket.journal_head, lines[3].hash)
        self.assertEqual(lines[4], ticket.current_step_id)
        self.assertFalse(lines[4].hash)
        self.assertTrue(self.verdict(ticket)['intact'])

    def test_a_line_changed_in_sql_is_detected(self):
        self.env.cr.execute("UPDATE tik_ticket_step SET note = 'Dipalsukan' WHERE id = %s",
                            [self.lines[3].id])
        verdict = self.verdict()
        self.assertFalse(verdict['intact'])
        self.assertEqual(verdict['broken_line_id'], self.lines[3].id)
        self.assertIn('Line 4', verdict['reason'])
        with self.assertRaisesRegex(UserError, 'altered'):
            self.ticket.action_check_journal()

    def test_a_line_removed_in_sql_is_detected(self):
        self.env.cr.execute("DELETE FROM tik_ticket_step WHERE id = %s", [self.lines[2].id])
        verdict = self.verdict()
        self.assertFalse(verdict['intact'])
        self.assertEqual(verdict['broken_line_id'], self.lines[3].id)

    def test_the_tail_cut_in_sql_is_detected(self):
        self.env.cr.execute("DELETE FROM tik_ticket_step WHERE id = %s", [self.lines[6].id])
        verdict = self.verdict()
        self.assertFalse(verdict['intact'])
        self.assertEqual(verdict['broken_line_id'], self.lines[5].id)
        self.assertIn('missing at the end', verdict['reason'])

    def test_the_tail_cut_and_the_head_moved_back_is_detected(self):
        """Who also rewinds the ticket's head and length leaves a journal that does
        not lead to the ticket's state."""
        self.env.cr.execute("DELETE FROM tik_ticket_step WHERE id = %s", [self.lines[6].id])
        self.env.cr.execute(
            "UPDATE tik_ticket SET journal_head = %s, journal_length = 6 WHERE id = %s",
            [self.lines[5].hash, self.ticket.id])
        verdict = self.verdict()
        self.assertFalse(verdict['intact'])
        self.assertIn('leads to "Approved"', verdict['reason'])

    def test_a_changed_head_is_detected(self):
        self.env.cr.execute("UPDATE tik_ticket SET journal_head = %s WHERE id = %s",
                            ['0' * 64, self.ticket.id])
        verdict = self.verdict()
        self.assertFalse(verdict['intact'])
        self.assertEqual(verdict['broken_line_id'], self.lines[6].id)
        self.assertIn('head', verdict['reason'])

    def test_a_line_inserted_in_sql_is_detected(self):
        # A copy of line 4 (its hash included) slipped in after it: a rework that
        # never happened.
        self.env.cr.execute("""
            INSERT INTO tik_ticket_step (ticket_id, position, sop_step_id, action, user_id,
                date_start, date_deadline, date_done, sla_status, note, hash, duration_days)
            SELECT ticket_id, position, sop_step_id, action, user_id, date_start,
                   date_deadline, date_done, sla_status, note, hash, duration_days
            FROM tik_ticket_step WHERE id = %s RETURNING id""", [self.lines[3].id])
        inserted = self.env.cr.fetchone()[0]
        verdict = self.verdict()
        self.assertFalse(verdict['intact'])
        self.assertIn(verdict['broken_line_id'], (self.lines[3].id, inserted))
        self.assertIn('Line 5', verdict['reason'])

    def test_a_line_appended_in_sql_is_detected(self):
        self.env.cr.execute("""
            INSERT INTO tik_ticket_step (ticket_id, position, sop_step_id, date_start,
                sla_status, hash)
            VALUES (%s, 8, %s, now() at time zone 'utc', 'met', %s) RETURNING id""",
                            [self.ticket.id, self.lines[6].sop_step_id.id, 'f' * 64])
        inserted = self.env.cr.fetchone()[0]
        verdict = self.verdict()
        self.assertFalse(verdict['intact'])
        self.assertEqual(verdict['broken_line_id'], inserted)

    def test_a_changed_time_is_detected(self):
        self.env.cr.execute(
            "UPDATE tik_ticket_step SET date_done = date_done - interval '2 days' "
            "WHERE id = %s", [self.lines[5].id])
        self.assertEqual(self.verdict()['broken_line_id'], self.lines[5].id)

    def test_the_lines_carry_the_tickets_unit_division_and_service(self):
        def carried(ticket):
            self.env.cache.invalidate()
            return {(line.unit_id, line.division_id, line.service_id)
                    for line in ticket.step_ids}

        ticket = self.ticket_in('in_progress')
        self.assertTrue(ticket.unit_id and ticket.division_id)
        # The first lines were written before the division was designated.
        self.assertEqual(carried(ticket),
                         {(ticket.unit_id, ticket.division_id, ticket.service_id)})
        # The reporter moves to another unit: the ticket's unit is recomputed.
        unit = self.env['res.partner'].create({'name': 'Dinas Uji', 'is_company': True})
        ticket.partner_id.sudo().write({'parent_id': unit.id})
        self.assertEqual(ticket.unit_id, unit)
        self.assertEqual(carried(ticket), {(unit, ticket.division_id, ticket.service_id)})
        self.assertEqual(carried(self.ticket), {(self.ticket.unit_id,
                                                 self.ticket.division_id,
                                                 self.ticket.service_id)})
        self.assertTrue(self.verdict(ticket)['intact'])
        self.assertTrue(self.verdict()['intact'])

    def test_the_at_risk_moment_is_sealed_too(self):
        self.env.cr.execute(
            "UPDATE tik_ticket_step SET date_at_risk = date_at_risk + interval '1 day' "
            "WHERE id = %s", [self.lines[3].id])
        self.assertEqual(self.verdict()['broken_line_id'], self.lines[3].id)

    def test_a_rewritten_state_is_detected(self):
        self.env.cr.execute("UPDATE tik_ticket SET state = 'rejected' WHERE id = %s",
                            [self.ticket.id])
        verdict = self.verdict()
        self.assertFalse(verdict['intact'])
        self.assertIn('the ticket is "Rejected"', verdict['reason'])
