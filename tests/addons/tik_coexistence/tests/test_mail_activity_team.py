# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""OCA mail_activity_team: a new activity gets, by default, the team of the user who
creates it (`_get_default_team_id`, for the document's model), and its user must be a
member of that team."""
from .common import CoexistenceCase


class TestMailActivityTeam(CoexistenceCase):

    @classmethod
    def setup_data(cls):
        result = super(TestMailActivityTeam, cls).setup_data()
        # Everyone who acts on the tickets, and the superuser, as the intake paths and
        # the scheduled checks act as it.
        members = (cls.requester | cls.helpdesk | cls.kabid | cls.officer | cls.head
                   | cls.env.ref('base.user_root'))
        cls.team = cls.env['mail.activity.team'].create({
            'name': 'Layanan TIK',
            'res_model_ids': [(6, 0, cls.env['ir.model']._get('tik.ticket').ids)],
            'member_ids': [(6, 0, members.ids)]})
        return result

    def assert_team(self, ticket, moment):
        self.assertEqual([(todo.user_id.name, todo.team_id) for todo in self.todos(ticket)],
                         [(todo.user_id.name, self.team) for todo in self.todos(ticket)],
                         'To-dos without the team after %s' % moment)

    def test_the_workflows_todos_get_the_team(self):
        ticket = self.file_ticket()
        self.assertTrue(self.open_todos(ticket))
        self.assert_team(ticket, 'the filing')
        self.walk(ticket, check=lambda action: self.assert_team(ticket, action))
        self.assertTrue(self.todos(ticket))

    def test_the_team_finds_the_tickets_waiting_for_its_members(self):
        ticket = self.walk(self.file_ticket(), until='analysis')
        self.assertIn(ticket, self.Ticket.search(
            [('activity_team_user_ids', 'in', self.kabid.ids)]))
