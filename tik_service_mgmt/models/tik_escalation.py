# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import OrderedDict

import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape, mute_logger

from ..lib import workflow
from .authority import as_workflow, is_workflow
from .utils import RECORD_LANG

_logger = logging.getLogger(__name__)

# What each moment asks of a running journal line, as a condition on its columns; the
# one parameter is the moment's threshold (now, or for "late by N working days" the
# latest deadline that is N working days past by now). Fixed text, never user input.
MOMENT_CONDITION = {
    'at_risk': 'l.date_at_risk <= %s',
    'late': 'l.date_deadline < %s',
    'late_by': 'l.date_deadline <= %s',
}


class TikEscalation(models.Model):
    """One firing of an escalation level for one step occurrence (a journal line).

    The unique pair (level, line) is what makes every level fire exactly once per step
    occurrence: the SLA check claims the pairs it finds with one INSERT ... ON CONFLICT
    DO NOTHING, so a second check running at the same moment on another server claims
    none of them, and a check after downtime claims each due level once, in order.
    Written by the SLA check alone; never changed or deleted by users.
    """

    _name = 'tik.escalation'
    _description = 'Escalation'
    _order = 'date desc, id desc'
    _rec_name = 'level_id'

    level_id = fields.Many2one('tik.escalation.rule', string='Level', required=True,
                              ondelete='cascade', readonly=True, index=True)
    step_id = fields.Many2one('tik.ticket.step', string='Journal Line', required=True,
                              ondelete='cascade', readonly=True)
    ticket_id = fields.Many2one('tik.ticket', string='Ticket', required=True,
                                ondelete='cascade', readonly=True, index=True)
    date = fields.Datetime(string='Fired', required=True, readonly=True)

    _sql_constraints = [
        ('level_step_unique', 'unique(level_id, step_id)',
         'A level fires once per step occurrence.'),
    ]

    @api.model
    def create(self, vals):
        if not is_workflow(self.env):
            raise UserError(_('Escalations are recorded by the time standards check '
                              'only.'))
        return super(TikEscalation, self).create(vals)

    @api.multi
    def write(self, vals):
        if not is_workflow(self.env):
            raise UserError(_('Escalations are recorded by the time standards check '
                              'only.'))
        return super(TikEscalation, self).write(vals)

    @api.multi
    def unlink(self):
        if self:
            raise UserError(_('Escalations are recorded by the time standards check '
                              'only.'))
        return super(TikEscalation, self).unlink()

    # --- the check ----------------------------------------------------------------

    @api.model
    def _run(self, now=None):
        """Fires every level that is due and has not fired for its step occurrence.

        One query finds and claims what is due, for all levels at once; then, per
        ticket, one internal note for the levels that tell by message (naming those
        told: their inbox or e-mail, as they chose) and one to-do per person told by
        to-do.
        """
        now = now or fields.Datetime.now()
        levels = self.env['tik.escalation.rule'].levels()
        if not levels:
            return self.browse()
        claimed = self._claim(levels, now)
        if not claimed:
            return self.browse()
        order = {level[0]: index for index, level in enumerate(levels)}
        claimed.sort(key=lambda row: (order[row[1]], row[2]))
        self._fire(levels, claimed, now)
        return self.browse([row[0] for row in claimed])

    def _claim(self, levels, now):
        """[(escalation id, level id, line id, ticket id)] newly due, claimed."""
        selects, params = [], []
        calendar = None
        for level_id, sop_step_id, moment, days, _recipient, _notify in levels:
            threshold = now
            if moment == 'late_by':
                calendar = calendar or self.env['tik.ticket']._work_calendar()
                threshold = fields.Datetime.to_string(calendar.latest_start(
                    fields.Datetime.from_string(now), days))
            select = ("SELECT %s AS level_id, l.id AS step_id, l.ticket_id "
                      "FROM tik_ticket_step l WHERE l.sla_status = 'running' "
                      "AND l.date_hold IS NULL AND "
                      + MOMENT_CONDITION[moment])
            params += [level_id, threshold]
            if sop_step_id:
                select += " AND l.sop_step_id = %s"
                params.append(sop_step_id)
            select += (" AND NOT EXISTS (SELECT 1 FROM tik_escalation e "
                       "WHERE e.level_id = %s AND e.step_id = l.id)")
            params.append(level_id)
            selects.append('(%s)' % select)
        query = ("""
            INSERT INTO tik_escalation (level_id, step_id, ticket_id, date,
                                        create_uid, create_date, write_uid, write_date)
            SELECT due.level_id, due.step_id, due.ticket_id, %s, %s, %s, %s, %s
            FROM (""" + ' UNION ALL '.join(selects) + """) AS due
            ON CONFLICT (level_id, step_id) DO NOTHING
            RETURNING id, level_id, step_id, ticket_id""")
        params = [now, self.env.uid, now, self.env.uid, now] + params
        # A check running at the same moment (another server) that claimed some of the
        # same pairs first makes this claim wait for it; once it commits, this
        # transaction may not skip rows it cannot see, and PostgreSQL refuses the
        # claim: that check fires them, this one fires nothing.
        try:
            with mute_logger('odoo.sql_db'), self.env.cr.savepoint():
                self.env.cr.execute(query, params)  # pylint: disable=sql-injection
                return self.env.cr.fetchall()
        except psycopg2.extensions.TransactionRollbackError:
            _logger.info('Another time standards check is escalating the same steps; '
                         'this one leaves them to it.')
            return []

    def _fire(self, levels, claimed, now):
        by_id = {level[0]: level for level in levels}
        lines = self.env['tik.ticket.step'].sudo().browse(
            list(OrderedDict.fromkeys(row[2] for row in claimed)))
        escalated = lines.browse([row[2] for row in claimed
                                  if by_id[row[1]][2] != 'at_risk'])
        escalated = escalated.filtered(lambda line: not line.date_escalated)
        if escalated:
            as_workflow(escalated).write({'date_escalated': now})
        per_ticket = OrderedDict()
        for _id, level_id, line_id, ticket_id in claimed:
            per_ticket.setdefault(ticket_id, []).append((by_id[level_id], line_id))
        # In the record's language, whoever runs the check.
        self = self.with_context(lang=RECORD_LANG)  # pylint: disable=self-cls-assignment
        tickets = self.env['tik.ticket'].sudo().browse(list(per_ticket))
        lines = {line.id: line for line in lines}
        people, notices, todos = {}, [], []
        for ticket in tickets:
            items = [(level, lines[line_id]) for level, line_id in per_ticket[ticket.id]]
            self._escalate_ticket(ticket, items, people, notices, todos)
        for ticket, text, partners in notices:
            ticket._post(text, 'mail.mt_note', partners)
        for ticket, user, summary, text in todos:
            ticket._schedule(user, summary, html_escape(text))

    def _escalate_ticket(self, ticket, items, people, notices, todos):
        """What the levels `items` [(level, line)] that fired on `ticket` say: one
        notice (message) for those that tell by message, one to-do per person and
        level that tells by to-do."""
        texts, partners = [], self.env['res.partner']
        for (_id, _step, moment, days, recipient, notify), line in items:
            user = recipient_of(ticket, line, recipient, people)
            values = {'step': line.sop_step_id.name, 'user': user.name or '-',
                      'superior': user.name or '-', 'days': days,
                      'deadline': ticket._format_local(line.date_deadline)}
            if moment == 'at_risk':
                text = _('Step "%(step)s" is at risk: its deadline is %(deadline)s; '
                         '%(user)s is reminded.') % values
                summary = _('At risk: %s') % line.sop_step_id.name
            elif moment == 'late':
                text = _('Step "%(step)s" passed its deadline of %(deadline)s; escalated '
                         'to %(superior)s.') % values
                summary = _('Late: %s') % line.sop_step_id.name
            else:
                text = _('Step "%(step)s" is %(days)d working days past its deadline of '
                         '%(deadline)s; escalated to %(user)s.') % values
                summary = _('Late by %(days)d working days: %(step)s') % values
            if notify in ('message', 'both'):
                texts.append(text)
                partners |= user.partner_id
            if notify in ('todo', 'both') and user:
                todos.append((ticket, user, summary, text))
        if texts:
            notices.append((ticket, '\n'.join(texts), partners))

    @api.model
    def _adopt_escalated_lines(self):
        """Lines escalated before the levels were data count as fired by the shipped
        "late" level, so that an upgrade does not escalate them again."""
        rule = self.env.ref('tik_service_mgmt.tik_escalation_rule_late', False)
        if not rule:
            return
        self.env.cr.execute("""
            INSERT INTO tik_escalation (level_id, step_id, ticket_id, date,
                                        create_uid, create_date, write_uid, write_date)
            SELECT %s, l.id, l.ticket_id, l.date_escalated, %s, now() at time zone 'UTC',
                   %s, now() at time zone 'UTC'
            FROM tik_ticket_step l
            WHERE l.date_escalated IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM tik_escalation e WHERE e.step_id = l.id)
            ON CONFLICT (level_id, step_id) DO NOTHING""",
                            [rule.id, self.env.uid, self.env.uid])


def recipient_of(ticket, line, recipient, people):
    """The user a level tells about `line` of `ticket`; group actors are looked up once
    per check (`people`)."""
    actor = {'actor': line.actor, 'superior': workflow.SUPERIOR[line.actor],
             'head': 'head', 'helpdesk': 'helpdesk'}[recipient]
    if actor in ('division_head', 'officer'):
        return ticket._actor_user(actor)
    # A group's actor is the step's responsible, else the group's first member.
    key = (actor, line.sop_step_id.id) if recipient == 'actor' else actor
    if key not in people:
        people[key] = ticket._actor_user(
            actor, line.sop_step_id if recipient == 'actor' else None)
    return people[key]
