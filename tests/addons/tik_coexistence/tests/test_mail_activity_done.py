# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""OCA mail_activity_done keeps a finished activity, marked done, instead of deleting
it: the to-do of each finished step stays in the ticket's history, the chatter says
it was done, and the users' activity counters (its own query) count open ones only."""
from .common import CoexistenceCase


class TestMailActivityDone(CoexistenceCase):

    def counted(self, user):
        """The open to-dos of tickets in `user`'s activity counter (late, due today or
        planned)."""
        for entry in self.env['res.users'].sudo(user).activity_user_count():
            if entry['model'] == 'tik.ticket':
                return sum(entry[state + '_count']
                           for state in ('overdue', 'today', 'planned'))
        return 0

    def test_the_todo_of_a_finished_step_is_kept_as_done(self):
        ticket = self.file_ticket()
        self.assertEqual(self.counted(self.helpdesk), 1)
        self.walk(ticket, until='analysis')
        self.assertEqual((self.counted(self.helpdesk), self.counted(self.kabid)), (0, 1))
        self.walk(ticket)
        todos = self.todos(ticket)
        self.assertFalse(todos.filtered(lambda todo: not todo.done))
        # One to-do per step after the filing, kept with who had it.
        self.assertEqual([todo.user_id for todo in todos], [
            self.helpdesk, self.kabid, self.officer, self.kabid, self.head, self.helpdesk])
        for todo in todos:
            self.assertEqual(todo.state, 'done')
            self.assertTrue(todo.date_done)
            self.assertIn(ticket.number, todo.summary)
            if 'active' in todo._fields:  # later versions of the addon archive them
                self.assertFalse(todo.active)
        for user in (self.helpdesk, self.kabid, self.officer, self.head):
            self.assertEqual(self.counted(user), 0, user.name)
        # "Activity done" in the chatter, once per to-do.
        done = ticket.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref('mail.mt_activities'))
        self.assertEqual(len(done), len(todos))
        self.assertEqual(done.mapped('mail_activity_type_id'), self.todo_type)

    def test_the_counter_counts_the_todo_handed_over(self):
        ticket = self.walk(self.file_ticket(), until='in_progress')
        self.assertEqual(self.counted(self.officer), 1)
        self.walk(ticket, until='verification')
        self.assertEqual((self.counted(self.officer), self.counted(self.kabid)), (0, 1))
