# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Waits of the ticket: the actor of a step that allows it puts the ticket on hold
for the requester (or a third party) with a written question; the reporter's answer,
in the portal or by e-mail, or the actor resumes it. Each hold and resume is a sealed
journal line; the step's deadline moves by the working time waited (lib/hold.py)."""
from collections import OrderedDict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression
from odoo.tools import html_escape

from ..lib import hold, workflow
from ..lib.deadline import MAX_DAYS
from .authority import as_workflow, moment_of
from .tik_ticket_mail import LEAN, NOTICE_LAYOUT, NOTICE_SUBTYPE
from .utils import RECORD_LANG, format_minutes, selection_label, user_zone

LONGEST_WAIT = 'tik_service_mgmt.longest_wait_days'


class TikTicketHold(models.Model):
    _inherit = 'tik.ticket'  # pylint: disable=consider-merging-classes-inherited

    waiting_for = fields.Selection(
        hold.PARTIES, readonly=True, copy=False, index=True,
        help='Set while the ticket is on hold: the clock of its step stands still.')
    hold_question = fields.Text(
        string='Question to the Requester', readonly=True, copy=False, prefetch=False,
        help='What the ticket waits for, as the actor wrote it.')
    date_hold = fields.Datetime(string='On Hold Since', readonly=True, copy=False)
    hold_reminders = fields.Integer(
        readonly=True, copy=False,
        help='0: none yet; 1: the reporter was reminded; 2: the actor was told to decide.')
    hours_waited = fields.Float(
        string='Working Hours Waited', readonly=True, copy=False,
        help='Working hours the ticket waited for the requester or a third party.')
    date_due = fields.Datetime(
        string='Procedure Deadline', compute='_compute_date_due',
        help="The SOP's total time standard from the filing, plus the working time "
             "waited.")
    date_due_display = fields.Char(string='Due Overall', compute='_compute_date_due')
    can_hold = fields.Boolean(compute='_compute_can_wait')
    can_resume = fields.Boolean(compute='_compute_can_wait')

    def _compute_can_wait(self):
        for ticket in self:
            ticket.can_hold = not ticket._refusal('hold', check_values=False)
            ticket.can_resume = not ticket._refusal('resume', check_values=False)

    def _compute_date_due(self):
        zone = user_zone(self.env)
        calendar = None
        for ticket in self:
            due = False
            filed = ticket.sudo().step_ids.filtered(
                lambda l: l.sop_step_id.sequence == 1 and not l.event)[:1]
            sop = ticket.sudo().sop_id
            if filed and sop:
                calendar = calendar or self._work_calendar()
                due = fields.Datetime.to_string(hold.deadline(
                    calendar, fields.Datetime.from_string(filed.date_start),
                    min(max(sop.total_days, 1), MAX_DAYS), ticket._wait_events()))
            ticket.date_due = due
            ticket.date_due_display = format_minutes(self.env, due, zone)

    def _compute_sla_status(self):
        """On hold the clock stands still: on track, unless the step was already late
        at the hold; a lateness incurred before a wait stays after it."""
        result = super(TikTicketHold, self)._compute_sla_status()
        for ticket in self:
            if ticket.state in workflow.ENDED:
                continue
            if ticket.current_step_id.sudo().date_late:
                ticket.sla_status = 'late'
            elif ticket.waiting_for:
                ticket.sla_status = 'on_track'
        return result

    def _search_sla_status(self, operator, value):
        if value not in ('late', 'at_risk', 'on_track') or operator not in ('=', '!='):
            return super(TikTicketHold, self)._search_sla_status(operator, value)
        now = fields.Datetime.now()
        running = [('state', 'not in', workflow.ENDED)]
        late_before = [('current_step_id.date_late', '!=', False)]
        in_time = [('current_step_id.date_late', '=', False)]
        clock = [('waiting_for', '=', False)]
        domain = {
            'late': running + ['|'] + late_before + ['&'] + clock + [
                ('date_deadline', '<', now)],
            'at_risk': running + in_time + clock + [
                ('date_at_risk', '<=', now), ('date_deadline', '>=', now)],
            'on_track': running + in_time + ['|', ('waiting_for', '!=', False), '|',
                                             ('date_at_risk', '=', False),
                                             ('date_at_risk', '>', now)],
        }[value]
        domain = expression.normalize_domain(domain)
        return domain if operator == '=' else ['!'] + domain

    # --- the guard ---------------------------------------------------------------

    def _wait_refusal(self, action, reason=None, check_values=True):
        """Why the current user may not put this ticket on hold or resume it now
        (None: may). Called by the one guard, `_refusal`."""
        step = self.current_step_id.sudo()
        label = selection_label(self, 'state', self.state)
        if not step:
            return UserError(_('Ticket %(number)s is %(state)s: no step is running, so it '
                               'cannot wait.') % {'number': self.number, 'state': label})
        if action == 'hold' and not step.sop_step_id.allows_hold:
            return UserError(_('Step "%(step)s" of ticket %(number)s cannot wait for the '
                               'requester: the SOP does not allow it.') % {
                'step': step.sop_step_id.name, 'number': self.number})
        if action == 'hold' and self.waiting_for:
            return UserError(_('Ticket %(number)s is already on hold since %(since)s.') % {
                'number': self.number, 'since': self._format_local(self.date_hold)})
        if action == 'resume' and not self.waiting_for:
            return UserError(_('Ticket %s is not on hold.') % self.number)
        actor = workflow.actor_of(self.state)
        if not self._is_actor(actor):
            return AccessError(_('Ticket %(number)s waits for %(actor)s; you may not put '
                                 'it on hold or resume it.') % {
                'number': self.number, 'actor': self._actor_label(actor)})
        if not check_values:
            return None
        if reason is not None and not isinstance(reason, str):
            return UserError(_('Write the reason as text.'))
        if action == 'hold' and not (reason or '').strip():
            return UserError(_('Write the question or the reason of the wait; the '
                               'requester reads it and the journal keeps it.'))
        return None

    # --- actions -----------------------------------------------------------------

    @api.multi
    def action_hold(self, reason=None, waiting_for='requester'):
        """Puts the tickets on hold, waiting for `waiting_for` ('requester' or
        'third_party') with the question or reason `reason`; the reporter is told."""
        tickets = self._checked_wait('hold', reason)
        if waiting_for not in dict(hold.PARTIES):
            raise UserError(_('Choose whom the ticket waits for: the requester or a third '
                              'party.'))
        now = moment_of(self.env)
        for ticket in tickets.with_context(lang=RECORD_LANG):
            ticket._hold(reason.strip(), waiting_for, now)
        return self._done(True)

    @api.multi
    def action_resume(self, reason=None):
        """Resumes the tickets on hold: their steps' clocks run again."""
        tickets = self._checked_wait('resume', reason)
        now = moment_of(self.env)
        calendar = self._work_calendar()
        for ticket in tickets.with_context(lang=RECORD_LANG):
            ticket._resume(now, calendar, self.env.user,
                           note=(reason or '').strip() or _('Resumed by the actor.'))
        return self._done(True)

    def _checked_wait(self, action, reason):
        tickets = self.browse(list(OrderedDict.fromkeys(self.ids)))
        for ticket in tickets:
            refusal = ticket._refusal(action, reason)
            if refusal:
                raise refusal
        return tickets

    # --- the journal -------------------------------------------------------------

    def _seal_event(self, event, vals):
        """Seals a line of `event` before the running step's line, which moves one
        place on; the ticket's journal head moves to it."""
        step = as_workflow(self.current_step_id)
        position = self.journal_length + 1
        step.write({'position': position + 1})
        line = as_workflow(self.env['tik.ticket.step']).create(dict(
            vals, ticket_id=self.id, sop_step_id=step.sop_step_id.id, event=event,
            position=position, duration_days=step.duration_days, sla_status='met',
            division_id=self.division_id.id, unit_id=self.unit_id.id,
            service_id=self.service_id.id))
        line._seal({}, None, self)
        return line

    def _wait_events(self, since_position=0):
        """('hold'|'resume', moment) of the finished waits in the ticket's journal
        (after the line at `since_position`), oldest first."""
        events = []
        for line in self.sudo().step_ids.sorted('position'):
            if line.event == 'resume' and line.position > since_position:
                events += [('hold', fields.Datetime.from_string(line.date_start)),
                           ('resume', fields.Datetime.from_string(line.date_done))]
        return events

    def _hold(self, reason, party, now):
        step = as_workflow(self.current_step_id)
        late = hold.late_at_hold(fields.Datetime.from_string(step.date_deadline),
                                 fields.Datetime.from_string(now))
        self._seal_event('hold', {
            'user_id': self.env.uid, 'waiting_for': party, 'note': reason,
            'date_start': now, 'date_done': now, 'date_deadline': step.date_deadline,
            'date_late': now if late and not step.date_late else False})
        line_vals = {'date_hold': now}
        if late and not step.date_late:
            line_vals['date_late'] = now
        step.write(line_vals)
        as_workflow(self).write({'waiting_for': party, 'hold_question': reason,
                                 'date_hold': now, 'hold_reminders': 0})
        text = _('On hold, %(party)s, by %(user)s: %(reason)s') % {
            'party': selection_label(self, 'waiting_for', party).lower(),
            'user': self.env.user.name, 'reason': reason}
        if late:
            text += '\n' + _('The step was already late; it stays recorded as late.')
        self._post(text, 'mail.mt_note')
        self._notify_wait('hold')

    def _resume(self, now, calendar, user=None, email=None, note=''):
        """Ends the wait: a sealed resume line with the working time waited, and the
        step's deadline moved by it."""
        step = as_workflow(self.current_step_id)
        waited = hold.waited_hours(calendar, fields.Datetime.from_string(self.date_hold),
                                   fields.Datetime.from_string(now))
        self._seal_event('resume', {
            'user_id': user.id if user else False, 'email_from': email or False,
            'waiting_for': self.waiting_for, 'note': note, 'date_start': self.date_hold,
            'date_done': now, 'hours_waited': waited})
        as_workflow(self).write({'waiting_for': False, 'hold_question': False,
                                 'date_hold': False, 'hold_reminders': 0,
                                 'hours_waited': self.hours_waited + waited})
        step.write({'date_hold': False})
        self._replan(calendar)
        who = user.name if user else email
        self._post(_('Resumed by %(who)s after %(hours)s working hours waited: '
                     '%(note)s\nStep deadline: %(deadline)s.') % {
            'who': who, 'hours': '%.2f' % waited, 'note': note,
            'deadline': self._format_local(self.date_deadline)}, 'mail.mt_note')

    def _replan(self, calendar):
        """Computes the running step's deadline and at-risk moment again from its
        start, its time standard and its finished waits, with today's calendar.
        Returns the old deadline when it moved (else False)."""
        step = as_workflow(self.current_step_id)
        if not step:
            return False
        start = fields.Datetime.from_string(step.date_start)
        events = self._wait_events(self._step_line_position(step))
        deadline = hold.deadline(calendar, start, step.duration_days, events)
        waited = sum(hold.waited_hours(calendar, a, b) for a, b in hold.waits(events))
        base = calendar.deadline(start, step.duration_days)
        at_risk = calendar.after_working_hours(
            start, calendar.working_hours(start, base) * (1 - self._at_risk_share()))
        at_risk = min(hold.shifted(calendar, at_risk, waited), deadline)
        new = fields.Datetime.to_string(deadline)
        old = step.date_deadline
        step.write({'date_deadline': new, 'date_at_risk': fields.Datetime.to_string(at_risk),
                    'hours_waited': waited})
        return old if old != new else False

    def _step_line_position(self, step):
        """Place of the last step line sealed before the running one: the running
        step's own waits come after it."""
        sealed = self.sudo().step_ids.filtered(
            lambda l: not l.event and l.hash and l.position < step.position)
        return max(sealed.mapped('position') or [0])

    def _step(self, action, reason, now, calendar, sealed=None, values=None):
        """A step done while its ticket waits ends the wait first."""
        if self.waiting_for:
            self._resume(now, calendar, self.env.user,
                         note=_('The wait ended with the step: %s.') % selection_label(
                             self.env['tik.ticket.step'], 'action', action))
        return super(TikTicketHold, self)._step(action, reason, now, calendar,
                                                sealed=sealed, values=values)

    # --- the reporter ------------------------------------------------------------

    def _notify_wait(self, event):
        """Tells the reporter of a hold ('hold') or reminds them ('reminder'): one public
        message in the ticket's discussion, e-mailed to them in the agency's layout."""
        company = self.env.user.company_id
        agency = self._agency_address(company)
        for ticket in self.sudo().with_context(lang=RECORD_LANG):
            link = ticket._notice_context('hold')['tik_link']
            subject = (_('%s: the officer needs your answer') if event == 'hold' else
                       _('%s: reminder, the officer still needs your answer')) % ticket.number
            parts = [_('Dear %s,') % ticket.partner_id.name,
                     _('Your ticket %(number)s (%(name)s) waits for you. The officer asks:') % {
                         'number': ticket.number, 'name': ticket.name},
                     ticket.hold_question or '',
                     _('Answer in the portal or by replying to this e-mail: the time '
                       'standard stands still until you answer.')]
            if ticket.waiting_for == 'third_party':
                parts[1] = _('Your ticket %(number)s (%(name)s) waits for a third party:') % {
                    'number': ticket.number, 'name': ticket.name}
                parts[3] = _('The time standard stands still meanwhile; you will hear from '
                             'us when the work resumes.')
            body = ''.join('<p>%s</p>' % html_escape(part).replace('\n', '<br/>')
                           for part in parts)
            body += '<p><a href="%s">%s</a></p>' % (html_escape(link), html_escape(
                _('Open the ticket')))
            reporter = ticket.partner_id
            ticket.with_context(custom_layout=NOTICE_LAYOUT, tik_link=link, **LEAN).message_post(
                subject=subject, body=body, subtype=NOTICE_SUBTYPE, message_type='comment',
                author_id=company.partner_id.id, email_from=agency,
                partner_ids=reporter.ids if reporter.email else [])

    def _message_post_after_hook(self, message):
        """The reporter's answer (a portal comment, a reply to the notice) resumes a
        ticket waiting for them."""
        result = super(TikTicketHold, self)._message_post_after_hook(message)
        waiting = self.filtered(lambda t: t.waiting_for == 'requester'
                                and t._from_reporter_side(message)
                                and t._answers_for_reporter(message))
        if waiting:
            now = fields.Datetime.now()
            calendar = self._work_calendar()
            sent = message.sudo()
            user = sent.author_id.user_ids[:1]
            for ticket in waiting.sudo().with_context(lang=RECORD_LANG):
                ticket._resume(now, calendar, user=user or None,
                               email=False if user else sent.email_from,
                               note=_('Answered by the reporter (%s).') % (
                                   _('e-mail') if sent.message_type == 'email'
                                   else _('portal')))
        return result

    def _answers_for_reporter(self, message):
        """Whether the author of `message` answers for the reporter: the reporter, or
        a colleague of the reporter's unit; a stranger's mail resumes nothing."""
        author = message.sudo().author_id
        ticket = self.sudo()
        return bool(author) and (author == ticket.partner_id or bool(
            ticket.unit_id and author.commercial_partner_id == ticket.unit_id))

    # --- the longest wait --------------------------------------------------------

    @api.model
    def _longest_wait(self):
        value = self.env['ir.config_parameter'].sudo().get_param(LONGEST_WAIT, '5')
        try:
            return min(max(int(value), 1), MAX_DAYS)
        except ValueError:
            return 5

    @api.model
    def _cron_hold_reminder(self):
        """Waits that lasted the longest wait remind the reporter; those that lasted it
        twice give the actor a to-do to decide (resume, or end the step)."""
        days = self._longest_wait()
        calendar = self._work_calendar()
        now = fields.Datetime.from_string(fields.Datetime.now())
        tickets = self.sudo().with_context(lang=RECORD_LANG)
        once = fields.Datetime.to_string(calendar.latest_start(now, days))
        twice = fields.Datetime.to_string(calendar.latest_start(now, min(2 * days, MAX_DAYS)))
        remind = tickets.search([('waiting_for', '=', 'requester'),
                                 ('hold_reminders', '=', 0), ('date_hold', '<=', once)])
        decide = tickets.search([('waiting_for', '!=', False),
                                 ('hold_reminders', '<', 2), ('date_hold', '<=', twice)])
        remind -= decide
        if remind:
            remind._notify_wait('reminder')
            as_workflow(remind).write({'hold_reminders': 1})
        for ticket in decide:
            ticket._ask_to_decide(days)
        if decide:
            as_workflow(decide).write({'hold_reminders': 2})
        return True

    def _ask_to_decide(self, days):
        """A to-do for the step's actor: the wait lasted twice the longest wait."""
        user = self._actor_user(workflow.actor_of(self.state), self.sop_step_id)
        if user:
            self._schedule(user, _('%s \u2014 Decide on the wait') % self.number,
                           html_escape(_('The ticket has waited since %(since)s (%(days)d '
                                         'working days or more): resume it, or end the '
                                         'step.') % {
                               'since': self._format_local(self.date_hold),
                               'days': 2 * days}))
