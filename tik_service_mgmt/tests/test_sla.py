# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo import fields
from odoo.exceptions import UserError

from ..models.tik_ticket_step import as_workflow
from .common import TikCase


def ago(hours):
    return fields.Datetime.to_string(datetime.utcnow() - timedelta(hours=hours))


class TestTimeStandards(TikCase):

    def move_running_step(self, ticket, at_risk, deadline):
        """Shifts the running step's clock, as if it had started earlier."""
        as_workflow(ticket.current_step_id).write(
            {'date_at_risk': at_risk, 'date_deadline': deadline})
        ticket.invalidate_cache()

    def cron(self):
        self.env['tik.ticket.step']._cron_sla_check()

    def test_every_step_gets_its_deadline_from_the_calendar(self):
        self.service_x.resolution_days = 2
        ticket = self.ticket_in('closed')
        lines = ticket.step_ids.sorted('id')
        for line in lines[1:]:
            days = 2 if line.sop_step_id.sequence == 4 else line.sop_step_id.duration_days
            self.assertEqual(line.date_deadline,
                             self.Ticket.compute_deadline(line.date_start, days),
                             line.sop_step_id.code)
            self.assertLessEqual(line.date_start, line.date_at_risk)
            self.assertLessEqual(line.date_at_risk, line.date_deadline)
            self.assertEqual(line.sla_status, 'met')
            self.assertGreaterEqual(line.hours_taken, 0)

    def test_at_risk_share_is_configurable(self):
        param = self.env['ir.config_parameter'].sudo()
        param.set_param('tik_service_mgmt.at_risk_share', '0.25')
        late_warning = self.ticket_in('new').current_step_id
        param.set_param('tik_service_mgmt.at_risk_share', '0.75')
        early_warning = self.ticket_in('new').current_step_id
        self.assertLess(early_warning.date_at_risk, late_warning.date_at_risk)

    def test_status_goes_on_track_at_risk_late_then_missed(self):
        ticket = self.ticket_in('analysis')
        future = fields.Datetime.to_string(datetime.utcnow() + timedelta(days=2))
        self.move_running_step(ticket, future, future)
        self.assertEqual(ticket.sla_status, 'on_track')
        self.move_running_step(ticket, ago(1), future)
        self.assertEqual(ticket.sla_status, 'at_risk')
        self.move_running_step(ticket, ago(3), ago(1))
        self.assertEqual(ticket.sla_status, 'late')
        for status in ('on_track', 'at_risk', 'late'):
            found = self.Ticket.search([('sla_status', '=', status), ('id', '=', ticket.id)])
            self.assertEqual(bool(found), status == 'late', status)
        self.act(ticket, 'kabid', None, 'accept')
        self.assertEqual(ticket.step_ids.sorted('id')[2].sla_status, 'missed')
        self.assertEqual(ticket.current_step_id.sla_status, 'running')
        self.act(ticket, 'officer', {'resolution': 'Beres.'}, 'report_resolution')
        for action, actor in (('verify', 'kabid'), ('approve', 'head'), ('close', 'helpdesk')):
            self.act(ticket, actor, None, action)
        self.assertEqual(ticket.sla_status, 'missed')
        self.assertEqual(self.Ticket.search([('sla_status', '=', 'missed'),
                                             ('id', '=', ticket.id)]), ticket)

    def test_a_late_step_escalates_to_the_superior_once(self):
        ticket = self.ticket_in('in_progress')  # waiting for the officer
        self.move_running_step(ticket, ago(5), ago(1))
        messages = len(ticket.message_ids)
        self.cron()
        line = ticket.current_step_id
        self.assertTrue(line.date_escalated)
        escalation = ticket.activity_ids.filtered(lambda a: a.user_id == self.kabid)
        self.assertEqual(len(escalation), 1)
        self.assertIn('Terlambat', escalation.summary)
        self.assertEqual(len(ticket.message_ids), messages + 1)
        self.assertIn(self.kabid.partner_id, ticket.message_ids[0].partner_ids)
        # The officer's own to-do stays.
        self.assertIn(self.officer, ticket.activity_ids.mapped('user_id'))
        self.cron()
        ticket.invalidate_cache()
        self.assertEqual(len(ticket.activity_ids.filtered(
            lambda a: a.user_id == self.kabid)), 1)
        self.assertEqual(len(ticket.message_ids), messages + 1)

    def test_superiors(self):
        for state, superior in (('new', self.head), ('analysis', self.head),
                                ('in_progress', self.kabid), ('verification', self.head),
                                ('approval', self.head), ('approved', self.head)):
            ticket = self.ticket_in(state)
            self.move_running_step(ticket, ago(5), ago(1))
            self.cron()
            self.assertIn(superior, ticket.activity_ids.mapped('user_id'), state)

    def test_a_later_lateness_of_the_same_ticket_escalates_again(self):
        ticket = self.ticket_in('in_progress')
        self.move_running_step(ticket, ago(5), ago(1))
        self.cron()
        self.act(ticket, 'officer', {'resolution': 'Beres.'}, 'report_resolution')
        self.move_running_step(ticket, ago(5), ago(1))  # step 5, the Kabid's, late too
        self.cron()
        self.assertEqual(len(ticket.step_ids.filtered('date_escalated')), 2)
        self.assertIn(self.head, ticket.activity_ids.mapped('user_id'))
        # The escalation is part of the sealed record.
        self.env.cr.execute("UPDATE tik_ticket_step SET date_escalated = NULL WHERE id = %s",
                            [ticket.step_ids.sorted('id')[3].id])
        self.env.cache.invalidate()
        self.assertEqual(ticket.check_journal()[0]['broken_line_id'],
                         ticket.step_ids.sorted('id')[3].id)

    def test_nothing_is_escalated_for_ended_tickets(self):
        closed = self.ticket_in('closed')
        rejected = self.ticket_in('rejected')
        ended = closed | rejected
        # Even lines whose deadline is long past: they are sealed.
        self.assertFalse(ended.mapped('step_ids').filtered(
            lambda l: l.sla_status == 'running'))
        # Their own to-dos: the demo's late steps are escalated by the same check.
        todos = [('res_model', '=', 'tik.ticket'), ('res_id', 'in', ended.ids)]
        activities = self.env['mail.activity'].search_count(todos)
        self.cron()
        self.assertFalse(ended.mapped('step_ids').filtered('date_escalated'))
        self.assertEqual(self.env['mail.activity'].search_count(todos), activities)

    def test_the_check_does_not_touch_steps_in_time(self):
        ticket = self.ticket_in('analysis')
        future = fields.Datetime.to_string(datetime.utcnow() + timedelta(hours=3))
        self.move_running_step(ticket, ago(1), future)  # at risk, not late
        self.cron()
        self.assertFalse(ticket.current_step_id.date_escalated)

    def test_a_holiday_added_by_the_manager_moves_deadlines(self):
        calendar = self.env.user.company_id.resource_calendar_id
        # Monday 7 Dec 2026 becomes a holiday (the government adds days mid-year).
        friday = '2026-12-04 08:00:00'  # 15:00 WIB
        self.assertEqual(self.Ticket.compute_deadline(friday, 1), '2026-12-07 08:00:00')
        self.env['resource.calendar.leaves'].sudo(self.manager).create({
            'name': 'Libur tambahan', 'calendar_id': calendar.id,
            'date_from': '2026-12-06 17:00:00', 'date_to': '2026-12-07 16:59:59'})
        self.assertEqual(self.Ticket.compute_deadline(friday, 1), '2026-12-08 08:00:00')

    def test_the_company_works_by_the_diskominfo_calendar(self):
        calendar = self.env.user.company_id.resource_calendar_id
        self.assertEqual(calendar, self.env.ref('tik_service_mgmt.resource_calendar_diskominfo'))
        self.assertAlmostEqual(sum(a.hour_to - a.hour_from for a in calendar.attendance_ids), 37.5)
        idul_fitri = calendar.leave_ids.filtered(
            lambda l: not l.resource_id and '2026-03-18' <= l.date_to[:10] <= '2026-03-24')
        self.assertEqual(len(idul_fitri), 7)  # 18 to 24 March 2026

    def test_the_next_actors_todo_is_due_today_with_the_steps_deadline(self):
        # Due today, so that the actor's activity counter shows it at once; the step's
        # deadline is in its note (issue 12).
        ticket = self.ticket_in('in_progress')
        activity = ticket.activity_ids
        self.assertEqual(activity.user_id, self.officer)
        self.assertEqual(activity.state, 'today')
        self.assertIn(ticket._format_local(ticket.current_step_id.date_deadline),
                      activity.note)
        self.assertTrue(activity.summary.startswith(ticket.number))

    def test_a_calendar_without_hours_is_refused_clearly(self):
        calendar = self.env.user.company_id.resource_calendar_id
        calendar.attendance_ids.unlink()
        count = self.Ticket.sudo().search_count([])
        with self.assertRaisesRegex(UserError, 'no working hours'):
            self.file_ticket()
        self.assertEqual(self.Ticket.sudo().search_count([]), count)
