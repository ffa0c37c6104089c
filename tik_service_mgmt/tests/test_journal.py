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

    def test_each_line_is_chained_to_the_previous(self):
        self.assertEqual(len(set(self.lines.mapped('hash'))), 7)
        self.assertFalse(self.ticket.check_journal()[self.ticket.id])
        self.assertTrue(self.ticket.action_check_journal())

    def test_a_line_changed_in_sql_is_detected(self):
        self.env.cr.execute("UPDATE tik_ticket_step SET note = 'Dipalsukan' WHERE id = %s",
                            [self.lines[3].id])
        self.env.cache.invalidate()
        self.assertEqual(self.ticket.check_journal()[self.ticket.id], self.lines[3].id)
        with self.assertRaisesRegex(UserError, 'altered'):
            self.ticket.action_check_journal()

    def test_a_line_removed_in_sql_is_detected(self):
        self.env.cr.execute("DELETE FROM tik_ticket_step WHERE id = %s", [self.lines[2].id])
        self.env.cache.invalidate()
        self.assertEqual(self.ticket.check_journal()[self.ticket.id], self.lines[3].id)

    def test_a_changed_time_is_detected(self):
        self.env.cr.execute(
            "UPDATE tik_ticket_step SET date_done = date_done - interval '2 days' "
            "WHERE id = %s", [self.lines[5].id])
        self.env.cache.invalidate()
        self.assertEqual(self.ticket.check_journal()[self.ticket.id], self.lines[5].id)
