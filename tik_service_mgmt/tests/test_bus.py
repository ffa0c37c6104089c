# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The actors' activity counters hear of a to-do handed to them: the bus messages are
stored with the step and the longpolling is woken once the step is committed; the
ticket's next activity deadline (the activity filters, the ordering) follows its
to-dos, which the workflow writes in SQL."""
import json
import select
from unittest.mock import patch

import psycopg2

from odoo.sql_db import connection_info_for

from ..models.bus_bus import NOTIFIER
from .common import TikCase


class TestBus(TikCase):

    def listener(self):
        _name, params = connection_info_for('postgres')
        cnx = psycopg2.connect(**params)
        cnx.autocommit = True
        self.addCleanup(cnx.close)
        with cnx.cursor() as cr:
            cr.execute('LISTEN imbus')
        return cnx

    def heard(self, cnx):
        select.select([cnx], [], [], 5)
        cnx.poll()
        heard = [json.loads(notify.payload) for notify in cnx.notifies]
        del cnx.notifies[:]
        return heard

    def bus(self, since):
        return self.env['bus.bus'].search([('id', '>', since)], order='id').mapped(
            lambda row: (json.loads(row.channel), json.loads(row.message)))

    def test_a_step_tells_the_next_actor_and_the_previous_one(self):
        ticket = self.ticket_in('new')
        holder = ticket.activity_ids.user_id
        self.assertTrue(holder)
        last = self.env['bus.bus'].search([], order='id desc', limit=1).id or 0
        committed = []
        with patch.object(type(self.env.cr), 'after',
                          lambda cr, event, func: committed.append((event, func))):
            self.act(ticket, 'helpdesk', {'division_id': self.division_x.id}, 'dispatch')
        db = self.env.cr.dbname
        self.assertEqual(self.bus(last), [
            ([db, 'res.partner', self.kabid.partner_id.id],
             {'type': 'activity_updated', 'activity_created': True}),
            ([db, 'res.partner', holder.partner_id.id],
             {'type': 'activity_updated', 'activity_deleted': True})])
        # Once committed, the longpolling is woken for both channels, once.
        self.assertEqual([event for event, _func in committed], ['commit'])
        cnx = self.listener()
        committed[0][1]()
        heard = self.heard(cnx)
        self.assertEqual(len(heard), 1)
        self.assertEqual(sorted(heard[0]), sorted([
            [db, 'res.partner', self.kabid.partner_id.id],
            [db, 'res.partner', holder.partner_id.id]]))

    def test_a_broken_connection_is_made_again(self):
        cnx = self.listener()
        NOTIFIER.notify([['tik_bus_test', 'res.partner', 1]])
        self.assertEqual(self.heard(cnx), [[['tik_bus_test', 'res.partner', 1]]])
        NOTIFIER._connection().close()
        NOTIFIER.notify([['tik_bus_test', 'res.partner', 2]])
        self.assertEqual(self.heard(cnx), [[['tik_bus_test', 'res.partner', 2]]])

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
