# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2 import sql

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..lib import hold, journal, link, workflow
from .authority import as_workflow, is_workflow
from .utils import STAFF, format_minutes, is_staff, note_public, user_zone


class TikTicketStep(models.Model):
    """The journal: one line per SOP step a ticket went through, rework included.

    A line is opened when its step starts and sealed when the step ends; sealing sets
    its hash, chained to the ticket's previous line. Lines are never deleted and only
    the workflow writes them.
    """

    _name = 'tik.ticket.step'
    _description = 'Ticket Journal Line'
    _inherit = 'tik.staff.fields'
    _order = 'ticket_id, position, id'
    _rec_name = 'sop_step_id'

    ticket_id = fields.Many2one(
        'tik.ticket', required=True, index=True, ondelete='restrict', readonly=True)
    position = fields.Integer(
        readonly=True, help='Place of the line in its ticket\'s journal, from 1.')
    sop_step_id = fields.Many2one(
        'tik.sop.step', string='SOP Step', required=True, ondelete='restrict',
        readonly=True)
    actor = fields.Selection(related='sop_step_id.actor', readonly=True)
    action = fields.Selection(
        workflow.ACTIONS + link.RECORD_ACTIONS, readonly=True,
        help='What the actor decided at this step.')
    link_ticket_id = fields.Many2one(
        'tik.ticket', string='Linked Ticket', readonly=True, ondelete='restrict',
        help='The other ticket of a link: the one carrying the work, or the one ended '
             'as part of this ticket.')
    user_id = fields.Many2one(
        'res.users', string='Done by', ondelete='restrict', readonly=True)
    channel = fields.Selection(
        workflow.CHANNELS, readonly=True, help='Step 1: how the ticket was sent.')
    email_from = fields.Char(
        string='Sent from (e-mail)', readonly=True,
        help='Step 1 of a ticket filed by e-mail: the sender\'s address as the message '
             'gave it, which names no authenticated user.')
    date_start = fields.Datetime(string='Started', required=True, readonly=True)
    duration_days = fields.Integer(
        string='Time Standard (working days)', readonly=True,
        help='The time standard this step ran against, as it was when the step started.')
    date_deadline = fields.Datetime(string='Deadline', readonly=True)
    date_done = fields.Datetime(string='Completed', readonly=True)
    date_start_display = fields.Char(string='Start', compute='_compute_display_dates')
    date_deadline_display = fields.Char(string='Due', compute='_compute_display_dates')
    date_done_display = fields.Char(string='Done', compute='_compute_display_dates')
    sla_status = fields.Selection(
        [('running', 'Running'), ('met', 'Met'), ('missed', 'Missed')],
        string='Time Standard', default='running', required=True, index=True,
        readonly=True)
    note = fields.Text(string='Output / Reason', readonly=True, groups=STAFF)
    note_shown = fields.Text(
        string='Output / Reason', compute='_compute_note_shown',
        help='The note as the reader may read it: the staff every note, a requester '
             'their own report and the reason of a rejection.')
    hash = fields.Char(readonly=True, copy=False)
    date_at_risk = fields.Datetime(
        string='At Risk From', readonly=True,
        help='From this moment less than the configured share of the step\'s working '
             'time is left.')
    date_escalated = fields.Datetime(
        string='Escalated', readonly=True,
        help='When the step passed its deadline and went to the actor\'s superior.')
    hours_taken = fields.Float(
        string='Working Hours Taken', readonly=True, group_operator='avg')
    # The ticket's, for grouping the journal: written with the line and, when the
    # ticket's change, on all its lines at once (tik.ticket._write); not part of the
    # hash, as the ticket's division is designated after the first steps.
    division_id = fields.Many2one('tik.division', string='Division', readonly=True)
    unit_id = fields.Many2one('res.partner', string='Unit (OPD)', readonly=True,
                              help="The reporter's government unit.")
    service_id = fields.Many2one('tik.service', string='Service', readonly=True)
    # Waits and amendments (models/tik_ticket_hold.py): a line with an `event` is not a
    # step of its own but a moment of the running step, sealed in the same chain.
    event = fields.Selection(hold.EVENTS, readonly=True, index=True)
    waiting_for = fields.Selection(hold.PARTIES, readonly=True)
    hours_waited = fields.Float(
        string='Working Hours Waited', readonly=True,
        help='A resume: the working hours of that wait. A step: of all its waits.')
    date_hold = fields.Datetime(
        string='On Hold Since', readonly=True,
        help='The running step\'s wait still open: no escalation level fires meanwhile.')
    date_late = fields.Datetime(
        string='Late Since', readonly=True,
        help='The step was already late when it was put on hold: it stays late.')
    holiday_id = fields.Many2one(
        'resource.calendar.leaves', string='Day Off', readonly=True, ondelete='set null',
        help='An amendment: the day off whose change moved the deadline.')

    @api.depends('date_start', 'date_deadline', 'date_done')
    def _compute_note_shown(self):
        staff = is_staff(self.env.user)
        for line in self:
            known = line.sudo()
            line.note_shown = known.note if staff or note_public(known) else False

    def _compute_display_dates(self):
        zone = user_zone(self.env)
        for line in self:
            line.date_start_display = format_minutes(self.env, line.date_start, zone)
            line.date_deadline_display = format_minutes(self.env, line.date_deadline, zone)
            line.date_done_display = format_minutes(self.env, line.date_done, zone)

    @api.model_cr
    def init(self):
        # What the escalation levels ask for: running lines by their at-risk moment
        # and by their deadline (tik.escalation._claim).
        self.env.cr.execute("DROP INDEX IF EXISTS tik_ticket_step_sla_check_idx")
        # The journal's own order (_order), as a ticket's lines are read.
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS tik_ticket_step_journal_order_idx
            ON tik_ticket_step (ticket_id, position, id)""")
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS tik_ticket_step_running_deadline_idx
            ON tik_ticket_step (date_deadline) WHERE sla_status = 'running'""")
        self.env.cr.execute("""
            CREATE INDEX IF NOT EXISTS tik_ticket_step_running_at_risk_idx
            ON tik_ticket_step (date_at_risk) WHERE sla_status = 'running'""")

    @api.model
    def create(self, vals):
        if not is_workflow(self.env):
            raise UserError(_('Journal lines are written by the ticket workflow only.'))
        return super(TikTicketStep, self).create(vals)

    @api.multi
    def write(self, vals):
        if not is_workflow(self.env) or self.filtered('hash'):
            raise UserError(_('The journal of a ticket cannot be changed.'))
        result = super(TikTicketStep, self).write(vals)
        # The ticket keeps its running line's moments (for its lists and searches).
        moments = [name for name in ('date_deadline', 'date_at_risk') if name in vals]
        if moments:
            self.env.cr.execute(sql.SQL(
                "UPDATE tik_ticket t SET {} FROM tik_ticket_step l "
                "WHERE t.current_step_id = l.id AND l.id IN %s").format(
                sql.SQL(', ').join(sql.SQL('{0} = l.{0}').format(sql.Identifier(name))
                                   for name in moments)), [tuple(self.ids)])
            self.mapped('ticket_id').invalidate_cache(moments)
        return result

    @api.multi
    def unlink(self):
        if self:
            raise UserError(_('The journal of a ticket cannot be deleted.'))
        return super(TikTicketStep, self).unlink()

    def _content(self, vals=None, number=None, code=None):
        """What the hash protects: everything the line says; with `vals` (values about
        to be written) in place of the line's own, as the line will read once written
        (and `number` and `code`, its ticket's and its step's, if the caller has them)."""
        self.ensure_one()
        vals = vals or {}

        def get(name):
            if name not in vals:
                return self[name]
            field = self._fields[name]
            return field.convert_to_record(field.convert_to_cache(vals[name], self), self)

        content = {
            'ticket': number or self.ticket_id.number,
            'position': get('position'),
            'step': code or self.sop_step_id.code,
            'action': get('action') or '',
            'user': get('user_id').id,
            'channel': get('channel') or '',
            'email_from': get('email_from') or '',
            'date_start': get('date_start'),
            'duration_days': get('duration_days'),
            'date_deadline': get('date_deadline') or '',
            'date_at_risk': get('date_at_risk') or '',
            'date_done': get('date_done') or '',
            'sla_status': get('sla_status'),
            'date_escalated': get('date_escalated') or '',
            'hours_taken': '%.2f' % get('hours_taken'),
            'note': get('note') or '',
        }
        # Lines written before waits and links existed hash as they always did.
        extra = {'event': get('event') or '', 'waiting_for': get('waiting_for') or '',
                 'hours_waited': '%.2f' % get('hours_waited') if get('hours_waited') else '',
                 'date_late': get('date_late') or ''}
        content.update((key, value) for key, value in extra.items() if value)
        other = get('link_ticket_id')
        if other:
            content['link'] = other.number
        return content

    @api.model
    def _cron_sla_check(self):
        """Fires the escalation levels that are due, each once per step occurrence
        (ir_cron_sla_check; the levels are tik.escalation.rule)."""
        self.env['tik.escalation'].sudo()._run()
        return True

    def _seal(self, vals, ticket_vals=None, ticket=None):
        """Completes the running line with `vals` and its hash, chained to the ticket's
        journal head, in one write, and moves the head to it (workflow only): at once,
        or, given the dict `ticket_vals`, by adding the head to the values the caller
        writes on the ticket next. `ticket`: the line's ticket as the caller holds it
        (its head and number read already)."""
        self.ensure_one()
        ticket = ticket or self.ticket_id
        # The ticket's environment has its SOP's steps read (steps_by_sequence).
        code = self.sop_step_id.with_env(ticket.env).code
        digest = journal.chain_hash(ticket.journal_head,
                                    self._content(vals, ticket.number, code))
        self.write(dict(vals, hash=digest))
        head = {'journal_head': digest, 'journal_length': self.position}
        if ticket_vals is None:
            as_workflow(ticket).write(head)
        else:
            ticket_vals.update(head)
        return digest
