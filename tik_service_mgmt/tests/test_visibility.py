# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import TikCase


class TestVisibility(TikCase):
    """Record rules, proven with search as each user."""

    @classmethod
    def setup_data(cls):
        cls.own = cls.ticket_in('in_progress')  # unit A, division X, assigned to officer
        # Unit A, filed in the portal.
        cls.colleague = cls.file_in_portal(cls.portal, name='Akun email terkunci')
        cls.other_unit = cls.file_ticket(user=cls.requester_b)  # unit B
        cls.division_y_ticket = cls.file_ticket(user=cls.requester_b)
        cls.act(cls.division_y_ticket, 'helpdesk', {'division_id': cls.division_y.id},
                'dispatch')
        cls.all = cls.own | cls.colleague | cls.other_unit | cls.division_y_ticket

    def visible(self, user):
        return self.Ticket.sudo(user).search([('id', 'in', self.all.ids)])

    def test_requesters_see_their_own_and_their_units_tickets(self):
        self.assertEqual(self.visible(self.requester), self.own | self.colleague)
        self.assertEqual(self.visible(self.portal), self.own | self.colleague)
        self.assertEqual(self.visible(self.requester_b),
                         self.other_unit | self.division_y_ticket)

    def test_officers_see_the_tickets_assigned_to_them(self):
        self.assertEqual(self.visible(self.officer), self.own)
        self.assertFalse(self.visible(self.officer_other))

    def test_kabid_sees_the_tickets_of_the_divisions_they_head(self):
        self.assertEqual(self.visible(self.kabid), self.own)
        self.assertEqual(self.visible(self.kabid_other), self.division_y_ticket)

    def test_helpdesk_head_and_manager_see_everything(self):
        for user in (self.helpdesk, self.head, self.manager):
            self.assertEqual(self.visible(user), self.all, user.login)

    def test_anyone_else_sees_nothing(self):
        with self.assertRaises(AccessError):
            self.visible(self.internal)
        with self.assertRaises(AccessError):
            self.own.sudo(self.internal).read(['name'])

    def test_journal_follows_the_ticket(self):
        steps = self.env['tik.ticket.step']
        for user, tickets in [(self.requester, self.own | self.colleague),
                              (self.officer, self.own),
                              (self.kabid_other, self.division_y_ticket),
                              (self.head, self.all)]:
            lines = steps.sudo(user).search([('ticket_id', 'in', self.all.ids)])
            self.assertEqual(lines.mapped('ticket_id'), tickets, user.login)

    def test_a_foreign_ticket_cannot_be_read_by_id(self):
        with self.assertRaises(AccessError):
            self.other_unit.sudo(self.requester).read(['name'])
        with self.assertRaises(AccessError):
            self.other_unit.sudo(self.portal).read(['name'])

    def test_a_list_shows_each_reader_the_time_standard(self):
        """The list's columns, read as each user, show a late ticket as late."""
        columns = ['number', 'name', 'unit_id', 'service_id', 'division_id', 'officer_id',
                   'state', 'date_deadline', 'sla_status', 'rework_count',
                   'date_deadline_display']
        self.env.cr.execute(
            "UPDATE tik_ticket SET date_deadline = now() at time zone 'UTC' - interval "
            "'1 hour' WHERE id = %s", [self.colleague.id])
        self.env.cache.invalidate()
        for user in (self.requester, self.helpdesk, self.head):
            rows = {row['id']: row for row in self.visible(user).read(columns)}
            self.assertEqual(rows[self.colleague.id]['sla_status'], 'late', user.login)
            self.assertEqual(rows[self.own.id]['sla_status'], 'on_track', user.login)

    def test_a_list_read_of_a_foreign_ticket_is_refused(self):
        mine = self.own | self.colleague
        with self.assertRaises(AccessError):
            (mine | self.other_unit).sudo(self.requester).read(['number', 'state'])
        self.assertEqual(len(mine.sudo(self.requester).read(['number', 'state'])), 2)

    def test_the_deadline_shows_in_the_readers_time_zone(self):
        self.env.cr.execute("UPDATE tik_ticket SET date_deadline = '2026-12-07 08:00:00' "
                            "WHERE id = %s", [self.own.id])
        self.env.cache.invalidate()
        mine = self.own.sudo(self.requester)

        def shown(**context):
            return mine.with_context(**context).read(['date_deadline_display'])[0][
                'date_deadline_display']
        self.assertEqual(shown(tz='Asia/Jakarta'), '07/12/2026 15:00')
        self.assertEqual(shown(tz='Asia/Jayapura'), '07/12/2026 17:00')
        # No time zone in the request: the user's (the test users work in WIB).
        self.assertEqual(shown(tz=False), '07/12/2026 15:00')
        self.assertEqual(shown(tz='Bukan/Zona'), '07/12/2026 15:00')
