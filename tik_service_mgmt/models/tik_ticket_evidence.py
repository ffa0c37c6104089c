# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The evidence of the ticket: whether its journal is still the one the workflow
sealed (lib/journal.py hashes; tik.journal.seal keeps the daily seals)."""
from odoo import _, api, models
from odoo.exceptions import UserError

from ..lib import hold, journal, workflow
from .utils import selection_label


class TikTicketEvidence(models.Model):
    _inherit = 'tik.ticket'  # pylint: disable=consider-merging-classes-inherited

    @api.multi
    def check_journal(self):
        """Whether each ticket's journal is still the one the workflow sealed.

        Returns, per ticket in order, {'ticket_id', 'intact', 'broken_line_id' (the
        first line found wrong, or False), 'reason'} (XML-RPC safe).
        """
        return [ticket._journal_verdict() for ticket in self.sudo()]

    def _journal_verdict(self):
        lines = self.step_ids.sorted(lambda l: (l.position, l.id))
        sealed = lines.filtered('hash')
        verdict = {'ticket_id': self.id, 'intact': True, 'broken_line_id': False,
                   'reason': _('Every line matches its hash; the chain is complete.')}

        def broken(line, reason):
            verdict.update(intact=False, broken_line_id=line.id, reason=reason)
            return verdict

        index = journal.first_broken([(l.hash, l._content()) for l in sealed])
        if index is not None:
            return broken(sealed[index], _('Line %(no)d ("%(step)s") no longer matches its '
                                           'hash.') % {
                'no': index + 1, 'step': sealed[index].sop_step_id.name})
        for no, line in enumerate(sealed, 1):
            if line.position != no:
                return broken(line, _('Line %(no)d stands at place %(position)d: a line is '
                                      'missing or was inserted before it.') % {
                    'no': no, 'position': line.position})
        if len(sealed) < self.journal_length:
            return broken(sealed[-1:], _('%(missing)d sealed line(s) missing at the end: '
                                         'the ticket counts %(length)d.') % {
                'missing': self.journal_length - len(sealed),
                'length': self.journal_length})
        if len(sealed) > self.journal_length:
            return broken(sealed[self.journal_length],
                          _('Line %(no)d is one more than the %(length)d the ticket '
                            'counts.') % {'no': self.journal_length + 1,
                                          'length': self.journal_length})
        if (sealed[-1:].hash or False) != (self.journal_head or False):
            return broken(sealed[-1:], _('The last line is not the head the ticket '
                                         'keeps.'))
        running = lines - sealed
        if running != self.current_step_id or (running and running.position !=
                                                len(sealed) + 1):
            return broken(running[:1] or sealed[-1:],
                          _('The running line is not the one the ticket waits on.'))
        wrong = hold.first_out_of_order([l.event or None for l in sealed])
        if wrong is not None:
            return broken(sealed[wrong], _('Line %d is a wait the journal cannot hold '
                                           'there.') % (wrong + 1))
        steps = sealed.filtered(lambda l: not l.event)
        state, wrong = workflow.replay(
            [(l.sop_step_id.sequence, l.action) for l in steps])
        if wrong is not None:
            return broken(steps[wrong], _('Line %d is not a step the SOP allows '
                                          'there.') % (steps[wrong].position))
        if state != self.state or (running and running.sop_step_id.sequence !=
                                   workflow.running_step(state)):
            return broken(sealed[-1:], _('The journal leads to "%(journal)s", but the '
                                         'ticket is "%(ticket)s".') % {
                'journal': selection_label(self, 'state', state),
                'ticket': selection_label(self, 'state', self.state)})
        # A chain rewritten and hashed again disagrees with the day's seal.
        differs = self.env['tik.journal.seal'].disagreement(self)
        if differs:
            return broken(sealed.filtered(lambda l: l.position == differs[0])[:1] or
                          sealed[-1:], differs[1])
        return verdict

    @api.multi
    def action_check_journal(self):
        """Shows the verdict in a dialog; checking adds nothing to the ticket."""
        self.ensure_one()
        verdict = self.check_journal()[0]
        if not verdict['intact']:
            raise UserError(_('The journal of %(number)s was altered: %(reason)s') % {
                'number': self.number, 'reason': verdict['reason']})
        check = self.env['tik.ticket.journal.check'].create({
            'ticket_id': self.id, 'reason': verdict['reason'],
            'journal_length': self.journal_length, 'journal_head': self.journal_head})
        return {
            'type': 'ir.actions.act_window', 'res_model': check._name, 'res_id': check.id,
            'name': _('Journal Check'), 'view_mode': 'form', 'target': 'new',
        }
