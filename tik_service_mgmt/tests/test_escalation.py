# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import threading
from datetime import datetime, timedelta

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import common

from ..lib.deadline import WorkCalendar
from ..models.authority import as_intake, as_workflow
from .common import TikCase


def ago(hours):
    return fields.Datetime.to_string(datetime.utcnow() - timedelta(hours=hours))


def ahead(hours):
    return fields.Datetime.to_string(datetime.utcnow() + timedelta(hours=hours))


class TestEscalationLevels(TikCase):

    @classmethod
    def setup_data(cls):
        cls.Level = cls.env['tik.escalation.rule']
        cls.at_risk = cls.env.ref('tik_service_mgmt.tik_escalation_rule_at_risk')
        cls.late = cls.env.ref('tik_service_mgmt.tik_escalation_rule_late')
        cls.late_head = cls.env.ref('tik_service_mgmt.tik_escalation_rule_late_head')

    def clock(self, ticket, at_risk, deadline):
        """Shifts the running step's clock, as if it had started earlier."""
        as_workflow(ticket.current_step_id).write(
            {'date_at_risk': at_risk, 'date_deadline': deadline})
        ticket.invalidate_cache()

    def days_late(self, days):
        """A deadline that is `days` working days and one hour past by now."""
        calendar = self.Ticket._work_calendar()
        cutoff = calendar.latest_start(datetime.utcnow(), days)
        return fields.Datetime.to_string(cutoff - timedelta(hours=1))

    def cron(self):
        self.env['tik.ticket.step']._cron_sla_check()
        self.env.cache.invalidate()

    def fired(self, ticket):
        return self.env['tik.escalation'].sudo().search(
            [('step_id', '=', ticket.current_step_id.id)], order='id').mapped('level_id')

    def todos(self, ticket, user):
        return ticket.activity_ids.filtered(lambda a: a.user_id == user)

    def test_the_sop_reading_ships_as_levels(self):
        levels = self.Level.search([])
        self.assertEqual(levels[:3], self.at_risk | self.late | self.late_head)
        self.assertEqual([(l.moment, l.days, l.recipient, l.notify) for l in levels[:3]], [
            ('at_risk', 0, 'actor', 'message'), ('late', 0, 'superior', 'both'),
            ('late_by', 2, 'head', 'both')])
        self.assertFalse(levels[:3].mapped('sop_step_id'))

    def test_each_level_fires_once_in_order(self):
        ticket = self.ticket_in('in_progress')  # the officer's step 4
        messages = len(ticket.message_ids)
        self.clock(ticket, ago(1), ahead(3))
        self.cron()
        self.assertEqual(self.fired(ticket), self.at_risk)
        self.assertEqual(len(ticket.message_ids), messages + 1)
        reminder = ticket.message_ids[0]
        self.assertIn(self.officer.partner_id, reminder.partner_ids)
        self.assertIn('berisiko', reminder.body)
        self.assertFalse(self.todos(ticket, self.kabid))
        self.assertFalse(ticket.current_step_id.date_escalated)
        self.cron()
        self.assertEqual(len(ticket.message_ids), messages + 1)

        self.clock(ticket, ago(5), ago(1))
        self.cron()
        self.assertEqual(self.fired(ticket), self.at_risk | self.late)
        self.assertEqual(len(self.todos(ticket, self.kabid)), 1)
        self.assertIn(self.kabid.partner_id, ticket.message_ids[0].partner_ids)
        self.assertTrue(ticket.current_step_id.date_escalated)
        self.assertFalse(self.todos(ticket, self.head))
        self.cron()
        self.assertEqual(len(ticket.message_ids), messages + 2)

        self.clock(ticket, ago(100), self.days_late(2))
        self.cron()
        self.assertEqual(self.fired(ticket), self.at_risk | self.late | self.late_head)
        self.assertEqual(len(self.todos(ticket, self.head)), 1)
        self.assertIn('2 hari kerja', self.todos(ticket, self.head).summary)
        self.assertIn(self.head.partner_id, ticket.message_ids[0].partner_ids)
        self.cron()
        self.assertEqual(len(ticket.message_ids), messages + 3)
        self.assertEqual(len(self.todos(ticket, self.kabid)), 1)
        self.assertEqual(len(self.todos(ticket, self.head)), 1)

    def test_those_told_are_notified_as_they_chose(self):
        self.kabid.notification_type = 'email'
        self.officer.notification_type = 'inbox'
        ticket = self.ticket_in('in_progress')
        self.clock(ticket, ago(5), ago(1))  # at risk (the officer) and late (the Kabid)
        mails = self.env['mail.mail'].search([])
        inbox = self.officer.partner_id.sudo(self.officer).get_needaction_count()
        self.cron()
        note = ticket.message_ids[0]
        self.assertEqual(note.subtype_id, self.env.ref('mail.mt_note'))
        self.assertEqual(note.message_type, 'notification')
        self.assertEqual(note.record_name, ticket.number)
        self.assertIn(ticket.number and '-tik.ticket@', note.message_id)
        self.assertTrue(note.body.startswith('<p>'))
        self.assertEqual(
            self.officer.partner_id.sudo(self.officer).get_needaction_count(), inbox + 1)
        self.assertIn(note, self.env['mail.message'].sudo(self.officer).search(
            [('needaction', '=', True)]))
        self.assertEqual(note.partner_ids, self.officer.partner_id | self.kabid.partner_id)
        self.assertEqual(note.needaction_partner_ids,
                         self.officer.partner_id | self.kabid.partner_id)
        # This ticket's (the demo's late tickets are told too).
        queued = (self.env['mail.mail'].search([]) - mails).filtered(
            lambda mail: mail.model == 'tik.ticket' and mail.res_id == ticket.id)
        self.assertEqual(len(queued), 1)
        self.assertEqual(queued.recipient_ids, self.kabid.partner_id)
        self.assertEqual(queued.mail_message_id, note)
        self.assertEqual(queued.state, 'outgoing')
        self.assertTrue(queued.notification)
        # In Odoo's notification layout, as any note e-mailed to a follower.
        self.assertIn('<p>Tahapan', queued.body_html)

    def test_after_downtime_every_due_level_fires_once_in_order(self):
        ticket = self.ticket_in('in_progress')
        messages = len(ticket.message_ids)
        self.clock(ticket, ago(200), self.days_late(3))  # the check was down for days
        self.cron()
        self.assertEqual(self.fired(ticket), self.at_risk | self.late | self.late_head)
        self.assertEqual(len(ticket.message_ids), messages + 1)
        body = ticket.message_ids[0].body
        self.assertLess(body.index('berisiko'), body.index('melewati'))
        self.assertLess(body.index('melewati'), body.index('2 hari kerja'))
        self.assertEqual(len(self.todos(ticket, self.kabid)), 1)
        self.assertEqual(len(self.todos(ticket, self.head)), 1)
        self.cron()
        self.assertEqual(len(ticket.message_ids), messages + 1)

    def test_every_step_occurrence_is_watched_anew(self):
        ticket = self.ticket_in('in_progress')
        self.clock(ticket, ago(5), ago(1))
        self.cron()
        self.act(ticket, 'officer', {'resolution': 'Beres.'}, 'report_resolution')
        self.act(ticket, 'kabid', None, 'request_rework', reason='Belum beres.')
        self.clock(ticket, ago(5), ago(1))  # step 4 again, late again
        self.cron()
        self.assertEqual(self.fired(ticket), self.at_risk | self.late)
        self.assertEqual(len(self.todos(ticket, self.kabid)), 1)

    def test_a_managers_change_takes_effect_at_the_next_check(self):
        self.cron()  # the levels are read (and cached) by a first check
        manager = self.Level.sudo(self.manager)
        manager.browse(self.late.id).write({'recipient': 'helpdesk', 'notify': 'todo'})
        manager.browse(self.at_risk.id).write({'active': False})
        step_4 = self.env.ref('tik_service_mgmt.sop_step_4')
        extra = manager.create({'name': 'Langkah 4 terlambat: Kadin', 'sequence': 25,
                                'sop_step_id': step_4.id, 'moment': 'late',
                                'recipient': 'head', 'notify': 'todo'})
        ticket = self.ticket_in('in_progress')
        messages = len(ticket.message_ids)
        self.clock(ticket, ago(5), ago(1))
        self.cron()
        self.assertEqual(self.fired(ticket), self.late | extra)
        self.assertEqual(len(self.todos(ticket, self.helpdesk)), 1)
        self.assertEqual(len(self.todos(ticket, self.head)), 1)
        self.assertFalse(self.todos(ticket, self.kabid))
        self.assertEqual(len(ticket.message_ids), messages)  # to-dos only
        # A level for step 4 does not watch other steps.
        other = self.ticket_in('verification')
        self.clock(other, ago(5), ago(1))
        self.cron()
        self.assertEqual(self.fired(other), self.late)

    def test_a_step_escalated_before_the_levels_is_not_escalated_again(self):
        ticket = self.ticket_in('in_progress')
        self.clock(ticket, ago(5), ago(1))
        as_workflow(ticket.current_step_id).write({'date_escalated': ago(1)})
        self.env['tik.escalation']._adopt_escalated_lines()
        self.assertEqual(self.fired(ticket), self.late)
        self.cron()
        self.assertEqual(self.fired(ticket), self.late | self.at_risk)
        self.assertFalse(self.todos(ticket, self.kabid))

    def test_the_to_dos_of_a_batch_are_ordinary_activities(self):
        first, second = self.ticket_in('in_progress'), self.ticket_in('in_progress')
        # The Kabid already follows the first ticket by his own choice (Add Followers).
        first.message_subscribe(partner_ids=self.kabid.partner_id.ids)
        chosen = self.env['mail.followers'].sudo().search([
            ('res_model', '=', 'tik.ticket'), ('res_id', '=', first.id),
            ('partner_id', '=', self.kabid.partner_id.id)]).subtype_ids
        self.assertIn(self.env.ref('mail.mt_comment'), chosen)
        for ticket in first | second:
            self.clock(ticket, ago(5), ago(1))
        bus = self.env['bus.bus'].search([], order='id desc', limit=1).id
        counter = self.env['res.users'].sudo(self.kabid).activity_user_count()
        self.cron()
        today = fields.Date.context_today(self.Ticket.with_context(tz=self.Ticket._tz()))
        followers = self.env['mail.followers'].sudo()
        for ticket in first | second:
            todo = self.todos(ticket, self.kabid)
            self.assertEqual(len(todo), 1)
            self.assertEqual(todo.res_name, ticket.display_name)
            self.assertEqual(todo.activity_type_id,
                             self.env.ref('mail.mail_activity_data_todo'))
            self.assertEqual(todo.date_deadline, today)
            self.assertEqual(todo.state, 'today')
            self.assertIn('Terlambat', todo.summary)
            self.assertTrue(todo.note.startswith('<p>'))
            self.assertEqual(ticket.activity_state, 'today')
            seen = ticket.sudo(self.kabid)
            self.assertIn(todo, seen.activity_ids)
            self.assertTrue(seen.message_is_follower)
            follower = followers.search([('res_model', '=', 'tik.ticket'),
                                         ('res_id', '=', ticket.id),
                                         ('partner_id', '=', self.kabid.partner_id.id)])
            self.assertEqual(len(follower), 1)
            # Quietly, as every actor handed a to-do, unless he chose to follow
            # before: a to-do does not change what he follows.
            self.assertEqual(follower.subtype_ids, chosen if ticket == first else
                             self.env.ref('tik_service_mgmt.mt_ticket_actor'))
        self.assertIn(second, self.Ticket.sudo(self.kabid).search(
            [('activity_user_id', '=', self.kabid.id)]))
        counts = {row['model']: row['today_count']
                  for row in self.env['res.users'].sudo(self.kabid).activity_user_count()}
        before = {row['model']: row['today_count'] for row in counter}
        self.assertEqual(counts['tik.ticket'], before.get('tik.ticket', 0) + 2)
        # His counter is told of each to-do, as mail.activity tells it.
        told = self.env['bus.bus'].search([('id', '>', bus)])
        self.assertEqual(len(told.filtered(
            lambda n: str(self.kabid.partner_id.id) in n.channel
            and 'activity_created' in n.message)), 2)

    def test_levels_are_the_managers(self):
        for actor in ('requester', 'helpdesk', 'kabid', 'head'):
            with self.assertRaises(AccessError):
                self.late.sudo(self.actors[actor]).write({'recipient': 'actor'})
            with self.assertRaises(AccessError):
                self.Level.sudo(self.actors[actor]).create(
                    {'name': 'X', 'moment': 'late', 'recipient': 'actor'})
        self.assertEqual(self.late.recipient, 'superior')
        with self.assertRaisesRegex(ValidationError, '1 to 60'):
            self.Level.sudo(self.manager).create(
                {'name': 'Tanpa hari', 'moment': 'late_by', 'recipient': 'head'})
        with self.assertRaises(UserError):
            self.env['tik.escalation'].create(
                {'level_id': self.late.id, 'step_id': self.ticket_in('new').current_step_id.id})

    def test_the_latest_start_is_exact_to_the_second(self):
        calendar = WorkCalendar([(d, 7.5, 16) for d in range(5)], [], 'Asia/Jakarta')
        for end in (datetime(2026, 12, 9, 5, 0), datetime(2026, 12, 7, 1, 0),
                    datetime(2026, 12, 5, 3, 0)):
            for days in (1, 2, 5):
                start = calendar.latest_start(end, days)
                self.assertLessEqual(calendar.deadline(start, days), end)
                self.assertGreater(
                    calendar.deadline(start + timedelta(seconds=1), days), end)


@common.at_install(False)
@common.post_install(True)
class TestConcurrentChecks(common.TransactionCase):
    """Two servers running the check at the same moment: each level fires once.

    The data is committed (both transactions must see it) and removed at the end."""

    def setUp(self):
        super(TestConcurrentChecks, self).setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            requester = env.ref('tik_service_mgmt.user_pengguna_demo')
            ticket = as_intake(env['tik.ticket'], 'portal', requester).create(
                {'name': 'Uji dua pemeriksaan', 'partner_id': requester.partner_id.id})
            as_workflow(ticket.current_step_id).write(
                {'date_at_risk': ago(5), 'date_deadline': ago(1)})
            self.ticket_id, self.line_id = ticket.id, ticket.current_step_id.id
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self.remove, self.ticket_id)

    def remove(self, ticket_id):
        with self.registry.cursor() as cr:
            for sql in (
                    "DELETE FROM mail_activity WHERE res_model = 'tik.ticket' AND res_id = %s",
                    "DELETE FROM mail_message WHERE model = 'tik.ticket' AND res_id = %s",
                    "DELETE FROM mail_followers WHERE res_model = 'tik.ticket' "
                    "AND res_id = %s",
                    "UPDATE tik_ticket SET current_step_id = NULL WHERE id = %s",
                    "DELETE FROM tik_escalation WHERE ticket_id = %s",
                    "DELETE FROM tik_ticket_step WHERE ticket_id = %s",
                    "DELETE FROM tik_ticket WHERE id = %s"):
                cr.execute(sql, [ticket_id])
            cr.commit()  # pylint: disable=invalid-commit

    def run_check(self, cr):
        env = api.Environment(cr, SUPERUSER_ID, {})
        return env['tik.escalation']._run()

    def test_two_checks_at_the_same_moment_fire_each_level_once(self):
        second = {}

        def other_server():
            with api.Environment.manage(), self.registry.cursor() as cr:
                cr.execute('SELECT pg_backend_pid()')
                second['pid'] = cr.fetchone()[0]
                second['claimed'] = len(self.run_check(cr))
                cr.commit()  # pylint: disable=invalid-commit

        with self.registry.cursor() as cr:
            # The levels due on this ticket's line (the check fires those of the demo
            # tickets already late too).
            first = len(self.run_check(cr).filtered(
                lambda fired: fired.step_id.id == self.line_id))
            # The other server's check starts before this one commits: it finds the
            # same levels due and waits on the pairs claimed here.
            thread = threading.Thread(target=other_server)
            thread.start()
            waited = False
            with self.registry.cursor() as watch:
                for _i in range(600):
                    if 'pid' in second:
                        watch.execute("SELECT wait_event_type FROM pg_stat_activity "
                                      "WHERE pid = %s", [second['pid']])
                        row = watch.fetchone()
                        if row and row[0] == 'Lock':
                            waited = True
                            break
                    if not thread.is_alive():
                        break
                    thread.join(0.05)
            cr.commit()  # pylint: disable=invalid-commit
        thread.join(120)
        self.assertFalse(thread.is_alive())
        self.assertTrue(waited, 'the second check did not meet the first one')
        self.assertEqual(first, 2)  # at risk and late
        self.assertEqual(second['claimed'], 0)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            fired = env['tik.escalation'].search([('step_id', '=', self.line_id)])
            self.assertEqual(len(fired), 2)
            kabid_todos = env['mail.activity'].search_count([
                ('res_model', '=', 'tik.ticket'), ('res_id', '=', self.ticket_id),
                ('summary', 'ilike', 'Terlambat')])
            self.assertEqual(kabid_todos, 1)
