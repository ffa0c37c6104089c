# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Amendments of the ticket: when the service manager adds, moves or removes a day off
of the agency, every running ticket whose step deadline or procedure deadline it moves
gets both computed again and a sealed journal line naming the day and its legal basis.
A step already ended keeps its deadline and its verdict."""
from odoo import _, api, fields, models

from ..lib import workflow
from .authority import as_workflow
from .utils import RECORD_LANG, selection_label


class TikTicketAmend(models.Model):
    _inherit = 'tik.ticket'  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _deadlines_before(self, until):
        """The running tickets filed before `until` (a day off that ends later cannot
        touch a ticket filed after it) with their step and procedure deadlines now."""
        domain = [('state', 'not in', workflow.ENDED)]
        if until:
            # Filed before: its first line started by then.
            domain.append(('step_ids.date_start', '<=', until))
        tickets = self.sudo().search(domain)
        return {ticket.id: (ticket.date_deadline, ticket.date_due) for ticket in tickets}

    @api.model
    def _amend_deadlines(self, before, changes, holiday=None):
        """Computes again the deadlines of the tickets of `before` ({id: (step
        deadline, procedure deadline)}) with the calendar as it is now, and seals an
        amendment line on each ticket whose deadlines moved. `changes`: what happened
        to which days off (resource.calendar.leaves._describe)."""
        if not before:
            return self.browse()
        calendar = self._work_calendar()
        now = fields.Datetime.now()
        tickets = as_workflow(self.browse(list(before))).with_context(lang=RECORD_LANG)
        amended = self.browse()
        for ticket in tickets:
            ticket._replan(calendar)
            ticket.invalidate_cache(['date_due', 'date_due_display'])
            old_step, old_due = before[ticket.id]
            if (ticket.date_deadline, ticket.date_due) == (old_step, old_due):
                continue
            note = ticket._amendment_note(changes, old_step, old_due)
            ticket._seal_event('amend', {
                'user_id': self.env.uid, 'note': note, 'date_start': now, 'date_done': now,
                'date_deadline': ticket.date_deadline,
                'holiday_id': holiday.id if holiday else False})
            ticket._post(note, 'mail.mt_note')
            amended |= ticket
        return amended

    def _amendment_note(self, changes, old_step, old_due):
        leaves = self.env['resource.calendar.leaves']
        verbs = {'added': _('added'), 'moved': _('moved'), 'removed': _('removed')}
        lines = []
        for change in changes:
            lines.append(_('Day off %(change)s: %(name)s, %(days)s (%(type)s; legal basis: '
                           '%(basis)s).') % {
                'change': verbs[change['change']], 'name': change['name'],
                'days': change['days'],
                'type': (selection_label(leaves, 'day_off_type', change['type'])
                         if change['type'] else _('type not given')),
                'basis': change['basis'] or _('not recorded')})
        if old_step != self.date_deadline:
            lines.append(_('Step deadline: %(old)s \u2192 %(new)s.') % {
                'old': self._format_local(old_step), 'new': self._format_local(
                    self.date_deadline)})
        if old_due and old_due != self.date_due:
            lines.append(_('Procedure deadline: %(old)s \u2192 %(new)s.') % {
                'old': self._format_local(old_due), 'new': self._format_local(
                    self.date_due)})
        return '\n'.join(lines)
