# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The workflow engine of the ticket: one action per transition of lib/workflow.py,
each checked by the one guard (`_refusal`), sealing the running journal line, opening
the next one and handing the to-do to the next actor."""
from collections import OrderedDict

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

from ..lib import workflow
from .authority import as_workflow, moment_of
from .tik_ticket import ACTOR_GROUPS
from .utils import RECORD_LANG, field_label, selection_label

# Set by the workflow where it hands a to-do: the actor it makes a follower follows
# quietly (see tik.ticket.message_subscribe).
ACTOR_FOLLOW = 'tik_actor_follow'
TODO_TYPE = 'mail.mail_activity_data_todo'


class TikTicketWorkflow(models.Model):
    _inherit = 'tik.ticket'  # pylint: disable=consider-merging-classes-inherited

    @api.multi
    def action_dispatch(self):
        # The service chosen implies its division: the helpdesk's decision, written
        # with the helpdesk's own authority before the step is checked.
        for ticket in self:
            if (ticket.service_id.division_id and not ticket.division_id
                    and not ticket._refusal('dispatch', check_values=False)):
                ticket.write({'division_id': ticket.service_id.division_id.id})
        return self._done(self._transition('dispatch'))

    @api.multi
    def action_accept(self):
        return self._done(self._transition('accept'))

    @api.multi
    def action_reject(self, reason=None):
        return self._done(self._transition('reject', reason))

    @api.multi
    def action_return_to_helpdesk(self, reason=None):
        return self._done(self._transition('return_to_helpdesk', reason))

    @api.multi
    def action_report_resolution(self):
        return self._done(self._transition('report_resolution'))

    @api.multi
    def action_verify(self):
        return self._done(self._transition('verify'))

    @api.multi
    def action_request_rework(self, reason=None):
        return self._done(self._transition('request_rework', reason))

    @api.multi
    def action_approve(self):
        return self._done(self._transition('approve'))

    @api.multi
    def action_close(self):
        return self._done(self._transition('close'))

    def _done(self, result):
        """What a workflow button answers: True, so the form reloads the ticket where the
        user works (breadcrumb and pager kept; tik_backend.js shows it read-only)."""
        return result

    def _file(self, intake, calendar):
        """Step 1 of a ticket just created: the reporter follows it, the first journal
        line is sealed in the name of who sent it, the helpdesk gets its to-do, the
        chatter notes the filing and the reporter gets the receipt."""
        self._follow_reporter()
        now = moment_of(self.env)
        sent = self._open_step(self._sop_step(1), now, calendar)
        sender = intake.user if intake else self.env.user
        head = {}
        as_workflow(sent)._seal({
            'user_id': sender.id if sender else False, 'channel': self.channel,
            'email_from': intake.email if intake and self.channel == 'email' else False,
            'date_done': now, 'sla_status': 'met',
            'note': '%s\n\n%s' % (self.name, self.description or '')}, head, self)
        self._enter('new', now, calendar, head)
        self._post_filing_note(sender, intake)
        self._notify_reporter('file', calendar)

    def _transition(self, action, reason=None):
        # The same ticket named twice acts once.
        # pylint: disable=self-cls-assignment
        self = self.browse(list(OrderedDict.fromkeys(self.ids)))
        # Check every ticket before changing any: a refusal leaves all of them intact.
        for ticket in self:
            refusal = ticket._refusal(action, reason)
            if refusal:
                raise refusal
        now = moment_of(self.env)
        calendar = self._work_calendar()
        for ticket in self.with_context(lang=RECORD_LANG):
            ticket._step(action, reason, now, calendar)
            ticket._notify_reporter(action, calendar)
        return True

    def _step(self, action, reason, now, calendar, sealed=None, values=None):
        """Seals the running step with what its actor did, enters the next one and notes
        it in the chatter (`sealed`: more values of the sealed line, `values`: of the
        ticket, as a link gives them).

        Called on the ticket in the record's language: what is sealed and posted is
        evidence, in the agency's language whoever acts.
        """
        rule = workflow.transition(self.state, action)
        note = (reason or '').strip() or self._output_note(rule)
        step = as_workflow(self.current_step_id)
        # Lateness incurred before a wait stays (date_late).
        missed = bool(step.date_late) or (bool(step.date_deadline)
                                          and now > step.date_deadline)
        # The ticket's new values are written once, with the state (see _enter).
        head = {}
        step._seal({
            'user_id': self.env.uid, 'date_done': now, 'note': note, 'action': action,
            'sla_status': 'missed' if missed else 'met',
            'hours_taken': calendar.working_hours(
                fields.Datetime.from_string(step.date_start),
                fields.Datetime.from_string(now)) - step.hours_waited,
            **(sealed or {})}, head, self)
        head.update(values or {})
        if missed:
            head['step_missed'] = True
        if rule.target == 'rejected':
            head['reject_reason'] = note
        # A rework's reason stands until the next step is done.
        if action == 'request_rework':
            head.update(rework_count=self.rework_count + 1, rework_reason=note)
        elif self.rework_reason:
            head['rework_reason'] = False
        self._enter(rule.target, now, calendar, head)
        # One internal note per step; the reporter hears of the moments that concern
        # them from `_notify_reporter`, the actors from their to-dos.
        label = selection_label(step, 'action', action)
        text = _('%(step)s: %(action)s by %(user)s (%(actor)s).') % {
            'step': step.sop_step_id.with_env(self.env).name, 'user': self.env.user.name,
            'action': label, 'actor': self._actor_label(rule.actor)}
        outcome = {'closed': _('The ticket is closed.'),
                   'rejected': _('The ticket is rejected.'),
                   'duplicate': _('The ticket ends as part of another.')}.get(rule.target)
        # A step that decided nothing has its action as its output: said once.
        if note == label:
            note = None
        self._post('\n'.join(filter(None, [outcome, text, note])), 'mail.mt_note')

    def _output_note(self, rule):
        """What a step produced, for the journal: the values its actor decided."""
        lines = []
        for name in rule.decides:
            value = self[name]
            if value:
                text = value.display_name if hasattr(value, 'display_name') else value
                lines.append('%s: %s' % (field_label(self, name), text))
        return '\n'.join(lines) or selection_label(
            self.env['tik.ticket.step'], 'action', rule.action)

    def _enter(self, state, now, calendar, values=None):
        """Moves the ticket to `state` and opens the journal line of its step, writing
        `values` (the journal head the last seal moved, say) in the same write."""
        vals = dict(values or {}, state=state)
        seq = workflow.running_step(state)
        sop_step = None
        if seq:
            sop_step = self._sop_step(seq)
            # Every earlier line is sealed when a step opens.
            position = vals.get('journal_length', self.journal_length) + 1
            line = self._open_step(sop_step, now, calendar, position)
            vals.update(current_step_id=line.id, date_deadline=line.date_deadline,
                        date_at_risk=line.date_at_risk)
        else:
            vals.update(current_step_id=False, date_closed=now, date_deadline=False,
                        date_at_risk=False)
        as_workflow(self).write(vals)
        self._schedule_next(sop_step, calendar)

    @api.model
    def _filing_sop(self):
        sop = self.env['tik.sop'].in_force()
        if not sop:
            raise UserError(_('No SOP is in force: the service manager must put one in '
                              'force before tickets can be filed.'))
        return sop

    def _sop_step(self, sequence):
        """Step `sequence` of the SOP version the ticket runs under."""
        return (self.sop_id or self._filing_sop()).steps_by_sequence()[sequence]

    def _open_step(self, sop_step, now, calendar, position=None):
        days = sop_step.duration_days
        if sop_step.sequence == 4 and self.service_id.resolution_days:
            days = self.service_id.resolution_days
        start = fields.Datetime.from_string(now)
        deadline = calendar.deadline(start, days)
        at_risk = calendar.after_working_hours(
            start, calendar.working_hours(start, deadline) * (1 - self._at_risk_share()))
        return as_workflow(self.env['tik.ticket.step']).create({
            'ticket_id': self.id, 'sop_step_id': sop_step.id, 'date_start': now,
            'division_id': self.division_id.id, 'unit_id': self.unit_id.id,
            'service_id': self.service_id.id,
            'position': position or self.journal_length + 1,
            'duration_days': days, 'date_deadline': fields.Datetime.to_string(deadline),
            'date_at_risk': fields.Datetime.to_string(min(at_risk, deadline)),
            'sla_status': 'running',
        })

    def _actor_user(self, actor, sop_step=None):
        """The person who acts as `actor` for this ticket: the Kabid of its division,
        its officer, or for a group's step the step's responsible, else the group's
        first active member."""
        if actor == 'division_head':
            return self.division_id.head_id
        if actor == 'officer':
            return self.officer_id
        if not sop_step:
            sop_step = self.env['tik.sop.step'].search(
                [('actor', '=', actor), ('user_id', '!=', False)], limit=1)
        if sop_step.user_id:
            return sop_step.user_id
        group = self.env.ref(ACTOR_GROUPS[actor])
        return self.env['res.users'].sudo().search(
            [('groups_id', 'in', group.ids)], order='id', limit=1)

    def _schedule_next(self, sop_step, calendar=None):
        """The to-dos of the step just done, escalations included, are done
        (`action_feedback`: the actor's own in their name, another's by the system); the
        next actor gets the new step's to-do, due today so that their activity counter
        shows it at once, its note giving the step's deadline, in the agency's language
        whoever acted."""
        todos = self._open_todos()
        if todos:
            holders = todos.filtered(
                lambda todo: todo.date_deadline > fields.Date.today()).mapped('user_id')
            own = todos.filtered(lambda todo: todo.user_id == self.env.user)
            own.with_context(lang=RECORD_LANG).action_feedback()
            # Another's to-do (an escalation, a colleague's) is closed by the system.
            (todos - own).sudo().with_context(lang=RECORD_LANG).action_feedback()
            self._tell_counters(holders, 'activity_deleted')
        user = sop_step and self._actor_user(workflow.actor_of(self.state), sop_step)
        if user:
            zone = calendar.tz.zone if calendar else self._tz()
            summary, note = self.with_context(lang=RECORD_LANG)._todo_text(zone)
            self._schedule(user, summary, note)
        elif todos:
            self._todos_changed()

    def _open_todos(self):
        """The ticket's to-dos not yet done (an addon may keep those done, with the
        state 'done')."""
        return self.activity_ids.filtered(lambda todo: todo.state != 'done')

    def _schedule(self, user, summary, note):
        """A to-do for `user` on this ticket, due today in the agency's time zone; Odoo
        makes `user` a follower (quietly, see message_subscribe).

        It is put in the list of `user` in their own name, as they would write it for
        themselves: what other addons derive from the creator (a team, a record rule on
        whose to-dos one may write) is then theirs."""
        today = fields.Date.context_today(self.with_context(tz=self._tz()))
        todos = self.env['mail.activity'].sudo(user).with_context(**{ACTOR_FOLLOW: True})
        activity = todos.create({
            'res_model_id': self.env['ir.model']._get(self._name).id, 'res_id': self.id,
            'activity_type_id': self.env.ref(TODO_TYPE).id, 'summary': summary,
            'note': note, 'date_deadline': today, 'user_id': user.id})
        if activity.date_deadline > fields.Date.today():
            self._tell_counters(user, 'activity_created')
        self._todos_changed()
        return activity

    def _todos_changed(self):
        """The ORM recomputes what the tickets show of their to-dos (the stored next
        activity deadline, for the activity filters and the ordering): Odoo 11 does not
        see a to-do's `res_id` as a link to its document, so it is told here."""
        self.modified(['activity_ids'])
        self.recompute()

    def _tell_counters(self, users, change):
        """Refreshes the activity counters of `users` (`change`: activity_created or
        activity_deleted), where Odoo, testing a to-do's due date against today's date
        in UTC, did not: from midnight to the morning in Trenggalek."""
        for user in users:
            self.env['bus.bus'].sendone(
                (self.env.cr.dbname, 'res.partner', user.partner_id.id),
                {'type': 'activity_updated', change: True})

    def _todo_text(self, zone):
        """Summary and note of the running step's to-do, in the context's language and
        the time zone `zone` (the agency's)."""
        expected = {
            'new': _('Designate the division'),
            'analysis': _('Check and accept/reject'),
            'in_progress': _('Resolve and report'),
            'verification': _('Verify the resolution'),
            'approval': _('Approve closing'),
            'approved': _('Close the ticket'),
        }[self.state]
        # Read for whoever's step opened it (a requester filing reads no rework reason).
        rework = self.sudo().rework_reason
        if rework:
            expected = _('Rework: %s') % expected
        summary = '%s \u2014 %s' % (self.number, expected)
        note = _('%(subject)s. Step deadline: %(deadline)s.') % {
            'subject': self.name,
            'deadline': self._local(self.date_deadline, zone).strftime('%d-%m-%Y %H:%M')}
        if rework:
            note = '%s %s' % (note, _('Rework requested: %s') % rework)
        return summary, html_escape(note)
