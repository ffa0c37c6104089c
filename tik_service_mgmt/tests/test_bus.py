# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The actors' activity counters hear of a to-do handed to them (Odoo's bus, written
through bus.bus), whatever the hour in Trenggalek; the ticket's next activity deadline
(the activity filters, the ordering) follows its to-dos."""
import json

from .common import TikCase


class TestBus(TikCase):

    def bus(self, since):
        return self.env['bus.bus'].search([('id', '>', since)], order='id').mapped(
            lambda row: (json.loads(row.channel), json.loads(row.message)))

    def test_a_step_tells_the_next_actor_and_the_previous_one(self):
        ticket = self.ticket_in('new')
        holder = ticket.activity_ids.user_id
        self.assertTrue(holder)
        last = self.env['bus.bus'].search([], order='id desc', limit=1).id or 0
        self.act(ticket, 'helpdesk', {'division_id': self.division_x.id}, 'dispatch')
        db = self.env.cr.dbname
        heard = self.bus(last)
        self.assertIn(([db, 'res.partner', self.kabid.partner_id.id],
                       {'type': 'activity_updated', 'activity_created': True}), heard)
        self.assertIn(([db, 'res.partner', holder.partner_id.id],
                       {'type': 'activity_updated', 'activity_deleted': True}), heard)

    def test_the_tickets_next_activity_deadline_follows_its_todos(self):
        ticket = self.ticket_in('new')
        for action, actor, values in (('dispatch', 'helpdesk',
                                       {'division_id': self.division_x.id}),
                                      ('accept', 'kabid', {
                                          'service_id': self.service_x.id,
                                          'officer_id': self.officer.id,
                                          'instruction': 'Cek rekaman DNS.'})):
            todo = ticket.activity_ids
            self.assertEqual(len(todo), 1)
            self.assertEqual(ticket.activity_date_deadline, todo.date_deadline)
            self.env.cr.execute('SELECT activity_date_deadline FROM tik_ticket WHERE id = %s',
                                [ticket.id])
            self.assertEqual(self.env.cr.fetchone()[0], todo.date_deadline)
            self.assertEqual(self.Ticket.search([
                ('id', '=', ticket.id),
                ('activity_date_deadline', '=', todo.date_deadline)]), ticket)
            self.act(ticket, actor, values, action)
        self.env.cr.execute('SELECT activity_date_deadline FROM tik_ticket WHERE id = %s',
                            [ticket.id])
        self.assertEqual(self.env.cr.fetchone()[0],
                         ticket.activity_ids.date_deadline)
