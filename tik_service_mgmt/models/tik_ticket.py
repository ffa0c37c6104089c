# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The ticket: its fields, what is computed from them and its life in the database.

The other concerns of the ticket live beside this file, each extending `tik.ticket`:
the authority guard (`tik_ticket_guard.py`), the workflow engine
(`tik_ticket_workflow.py`), notices and mail (`tik_ticket_mail.py`), time standards
(`tik_ticket_time.py`) and the evidence of the journal (`tik_ticket_evidence.py`).
"""
import re
import uuid

from psycopg2 import sql

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from ..lib import workflow
from .authority import clock_of, intake_of, is_workflow
from .utils import RECORD_LANG, STAFF, format_minutes, format_phone, user_zone

# The actor groups, by the SOP's actor names.
ACTOR_GROUPS = {
    'requester': 'tik_service_mgmt.group_requester',
    'helpdesk': 'tik_service_mgmt.group_helpdesk',
    'division_head': 'tik_service_mgmt.group_division_head',
    'officer': 'tik_service_mgmt.group_officer',
    'head': 'tik_service_mgmt.group_head',
}
# Columns of the ticket that its journal lines carry for grouping (tik.ticket.step).
JOURNAL_COPIES = ('unit_id', 'division_id', 'service_id')


class TikTicket(models.Model):
    """A request for ICT service, walked through the SOP by `_transition`."""

    _name = 'tik.ticket'
    _description = 'ICT Service Ticket'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'portal.mixin', 'tik.staff.fields']
    _order = 'id desc'
    _rec_name = 'number'
    _mail_post_access = 'read'

    def _default_partner(self):
        return self.env.user.partner_id

    number = fields.Char(readonly=True, copy=False, index=True)
    name = fields.Char(string='Subject', required=True)
    # Long texts are read where they are shown, not with every list's columns.
    description = fields.Text(string='Problem Description', prefetch=False)
    partner_id = fields.Many2one(
        'res.partner', string='Reporter', required=True, default=_default_partner,
        index=True)
    unit_id = fields.Many2one(
        'res.partner', string='Unit (OPD)', compute='_compute_unit_id', store=True,
        index=True, help="The reporter's government unit.")
    phone = fields.Char(help='Stored in international form, e.g. +6281234567890.')
    email = fields.Char()
    service_id = fields.Many2one(
        'tik.service', string='Service', ondelete='restrict', track_visibility='onchange')
    division_id = fields.Many2one(
        'tik.division', string='Division', ondelete='restrict', index=True,
        track_visibility='onchange')
    officer_id = fields.Many2one(
        'res.users', string='Officer', ondelete='restrict', index=True,
        track_visibility='onchange')
    instruction = fields.Text(string='Instruction to the Officer', prefetch=False,
                              groups=STAFF)
    resolution = fields.Text(string='Resolution Report', prefetch=False, groups=STAFF)
    resolution_verified = fields.Text(
        string='Resolution', compute='_compute_resolution_verified',
        help='The resolution report once the division head verified it: what the '
             'requester reads.')
    state = fields.Selection(
        workflow.STATES, default='new', required=True, readonly=True, copy=False,
        index=True, group_expand='_expand_states')
    step_ids = fields.One2many('tik.ticket.step', 'ticket_id', string='Journal',
                               readonly=True, copy=False)
    current_step_id = fields.Many2one(
        'tik.ticket.step', string='Running Step', readonly=True, copy=False)
    sop_step_id = fields.Many2one(
        related='current_step_id.sop_step_id', string='Current SOP Step', readonly=True)
    # The running line's, written with it when a step opens (see _enter).
    date_deadline = fields.Datetime(
        string='Step Deadline', readonly=True, copy=False, index=True)
    date_at_risk = fields.Datetime(string='Step At Risk From', readonly=True, copy=False)
    sla_status = fields.Selection(
        [('on_track', 'On Track'), ('at_risk', 'At Risk'), ('late', 'Late'),
         ('met', 'Met'), ('missed', 'Missed')],
        string='Time Standard', compute='_compute_sla_status', search='_search_sla_status')
    step_missed = fields.Boolean(
        string='A Step Missed Its Time Standard', readonly=True, copy=False)
    date_closed = fields.Datetime(string='Ended', readonly=True, copy=False)
    reject_reason = fields.Text(string='Reason for Closing', readonly=True, copy=False,
                                prefetch=False)
    access_token = fields.Char('Security Token', copy=False, readonly=True)
    channel = fields.Selection(
        workflow.CHANNELS, readonly=True, copy=False, index=True,
        default=lambda self: 'phone' if self._user_is_helpdesk() else 'backend',
        help='How the ticket reached the service desk.')
    journal_head = fields.Char(
        readonly=True, copy=False,
        help='Hash of the last sealed journal line: the whole journal hangs on it.')
    journal_length = fields.Integer(
        readonly=True, copy=False, help='How many journal lines are sealed.')
    sop_id = fields.Many2one(
        'tik.sop', string='SOP', readonly=True, copy=False, ondelete='restrict',
        index=True, help='The SOP version in force when the ticket was filed: its steps '
                         'are the ones the ticket runs through.')
    active = fields.Boolean(default=True)
    allowed_actions = fields.Char(
        compute='_compute_allowed_actions',
        help='The workflow actions the current user may take, space separated.')
    waiting_for_me = fields.Boolean(
        compute='_compute_waiting_for_me', search='_search_waiting_for_me')
    # One flag per action for the form's buttons: a view modifier on a boolean never
    # breaks on a new record, where a text test on an empty value did.
    can_dispatch = fields.Boolean(compute='_compute_allowed_actions')
    can_accept = fields.Boolean(compute='_compute_allowed_actions')
    can_reject = fields.Boolean(compute='_compute_allowed_actions')
    can_return_to_helpdesk = fields.Boolean(compute='_compute_allowed_actions')
    can_report_resolution = fields.Boolean(compute='_compute_allowed_actions')
    can_verify = fields.Boolean(compute='_compute_allowed_actions')
    can_request_rework = fields.Boolean(compute='_compute_allowed_actions')
    can_approve = fields.Boolean(compute='_compute_allowed_actions')
    can_close = fields.Boolean(compute='_compute_allowed_actions')
    user_is_helpdesk = fields.Boolean(
        compute='_compute_user_is_helpdesk', default=lambda self: self._user_is_helpdesk(),
        help='Whether the current user files for others and designates divisions.')
    division_officer_ids = fields.Many2many(
        related='division_id.officer_ids', string='Officers of the Division', readonly=True)
    holder_id = fields.Many2one(
        'res.users', string='Held by', compute='_compute_holder_id',
        help='Who the running step waits for.')
    # Written with each step (see _step), as the journal says them.
    rework_reason = fields.Text(
        readonly=True, copy=False, prefetch=False, groups=STAFF,
        help='Why the ticket came back, while it is reworked.')
    rework_count = fields.Integer(
        string='Reworks', readonly=True, copy=False,
        help='How many times the resolution was sent back for rework.')
    phone_display = fields.Char(string='Phone Number', compute='_compute_phone_display')
    whatsapp_url = fields.Char(
        string='WhatsApp', compute='_compute_whatsapp_url',
        help='Click-to-chat link to the reporter\'s phone (https://wa.me/...).')
    # The portal's discussion: comments, the notices to the reporter, and the e-mails
    # exchanged with the reporter (a reply to a notice), not the actors' internal notes.
    website_message_ids = fields.One2many(
        'mail.message', 'res_id', string='Website Messages', auto_join=True,
        domain=lambda self: [('model', '=', self._name),
                             ('message_type', 'in', ('comment', 'email'))],
        help='The discussion the requester reads in the portal.')
    date_deadline_display = fields.Char(
        string='Deadline', compute='_compute_date_deadline_display')
    step_hint = fields.Char(compute='_compute_step_hint')

    _sql_constraints = [
        ('number_unique', 'unique(number)', 'The ticket number must be unique.'),
    ]

    @api.depends('partner_id.commercial_partner_id.is_company')
    def _compute_unit_id(self):
        for ticket in self:
            company = ticket.partner_id.commercial_partner_id
            ticket.unit_id = company if company.is_company else False

    def _compute_allowed_actions(self):
        for ticket in self:
            allowed = [action for action in workflow.actions_from(ticket.state)
                       if not ticket._refusal(action, check_values=False)]
            ticket.allowed_actions = ' %s ' % ' '.join(allowed) if allowed else ' '
            for action, _label in workflow.ACTIONS:
                ticket['can_' + action] = action in allowed

    @api.model
    def _user_is_helpdesk(self):
        return self.env.user.has_group(ACTOR_GROUPS['helpdesk'])

    def _compute_user_is_helpdesk(self):
        helpdesk = self._user_is_helpdesk()
        for ticket in self:
            ticket.user_is_helpdesk = helpdesk

    def _compute_holder_id(self):
        for ticket in self:
            actor = workflow.actor_of(ticket.state)
            ticket.holder_id = actor and ticket.sudo()._actor_user(actor).id

    def _compute_resolution_verified(self):
        for ticket in self:
            known = ticket.sudo()
            ticket.resolution_verified = known.resolution \
                if known.state in workflow.RESOLUTION_VERIFIED else False

    @api.depends('phone')
    def _compute_phone_display(self):
        for ticket in self:
            ticket.phone_display = format_phone(ticket.phone)

    @api.depends('phone')
    def _compute_whatsapp_url(self):
        for ticket in self:
            digits = re.sub(r'\D', '', ticket.phone or '')
            ticket.whatsapp_url = 'https://wa.me/%s' % digits if digits else False

    @api.depends('date_deadline')
    def _compute_date_deadline_display(self):
        zone = user_zone(self.env)
        for ticket in self:
            ticket.date_deadline_display = format_minutes(self.env, ticket.date_deadline, zone)

    def _compute_step_hint(self):
        hints = {
            'dispatch': _('Step 2: choose the service (it sets its division) or the '
                          'division, then Designate Division.'),
            'accept': _('Step 3: check the ticket against the catalogue. To accept, '
                        'choose the officer of your division, write the instruction and '
                        'click Accept; otherwise reject it or return it to the helpdesk.'),
            'report_resolution': _('Step 4: write the resolution report, then click '
                                   'Report Resolution.'),
            'verify': _('Step 5: check the officer\'s resolution, then Verify '
                        'Resolution or Request Rework.'),
            'approve': _('Step 6: approve closing the ticket, or request rework.'),
            'close': _('Step 7: tell the requester the result, then Close Ticket.'),
        }
        for ticket in self:
            ticket.step_hint = next(
                (hints[action] for action in ticket.allowed_actions.split()
                 if action in hints), False)

    def _compute_waiting_for_me(self):
        mine = self.search([('id', 'in', self.ids), ('waiting_for_me', '=', True)])
        for ticket in self:
            ticket.waiting_for_me = ticket in mine

    def _search_waiting_for_me(self, operator, value):
        user = self.env.user
        domains = []
        for state in workflow.STATE_STEP:
            actor = workflow.actor_of(state)
            if not user.has_group(ACTOR_GROUPS[actor]):
                continue
            domain = [('state', '=', state)]
            if actor == 'division_head':
                domain.append(('division_id.head_id', '=', user.id))
            elif actor == 'officer':
                domain.append(('officer_id', '=', user.id))
            domains.append(expression.normalize_domain(domain))
        mine = expression.normalize_domain(expression.OR(domains) or [('id', '=', 0)])
        positive = (operator == '=') == bool(value)
        return mine if positive else ['!'] + mine

    @api.model
    def _expand_states(self, states, domain, order):
        return [key for key, _label in workflow.STATES]

    def _compute_portal_url(self):
        for ticket in self:
            ticket.portal_url = '/my/layanan-tik/%s' % ticket.id

    @api.model
    def read_group(self, domain, fields, groupby, offset=0,  # pylint: disable=redefined-outer-name
                   limit=None, orderby=False, lazy=True):
        """Ended columns of the kanban start folded: the running steps keep the room."""
        groups = super(TikTicket, self).read_group(
            domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)
        by = groupby[0] if isinstance(groupby, (list, tuple)) and groupby else groupby
        if by == 'state':
            for group in groups:
                group['__fold'] = group.get('state') in workflow.ENDED
        return groups

    # --- CRUD ---------------------------------------------------------------------

    @api.model
    def create(self, vals):
        """Step 1: the ticket is filed, its first journal line sealed, the reporter
        told and the helpdesk given its to-do (`_file`)."""
        self._lock_register()
        intake = intake_of(self.env)
        vals, channel = self._filing_values(vals, intake)
        sop = self._filing_sop()
        calendar = self._work_calendar()
        register = self.env['ir.sequence'].sudo().with_context(
            force_company=self.env.user.company_id.id)
        moment = clock_of(self.env)
        if moment:
            # Numbered in the year it was filed.
            register = register.with_context(
                ir_sequence_date=fields.Date.to_string(self._local(moment).date()))
        vals.update(
            channel=channel, access_token=str(uuid.uuid4()), sop_id=sop.id,
            # Drawn last, once the ticket is valid: the register has no gaps.
            number=register.next_by_code('tik.ticket'))
        # The journal's first line, the step's note and the receipt record the filing:
        # no creation log, no tracking of the first values, nobody subscribed but the
        # reporter (below).
        ticket = super(TikTicket, self.with_context(tracking_disable=True)).create(
            vals).with_env(self.env)
        ticket._file(intake, calendar)
        return ticket

    @api.model
    def _lock_register(self):
        """Filings take the register in turn: each waits until the one before it is
        committed, so the gap-free number's row is free when it is drawn (Odoo's
        no-gap sequence refuses at once if another transaction holds it). The mode
        conflicts only with itself (and VACUUM): reads and the workflow's writes of
        tickets go on. Taken as a transaction's first statement (the portal does), the
        transaction also sees the register as the previous filing left it."""
        self.env.cr.execute('LOCK TABLE tik_ticket IN SHARE UPDATE EXCLUSIVE MODE')

    @api.multi
    def write(self, vals):
        # Odoo 11 reads every tracked value before any write, to compare after it: a
        # write of none of them (a step, a message's date, a follower) has nothing to
        # track (`mail_notrack`, Odoo's key for it).
        tracked = {name for name, field in self._fields.items()
                   if getattr(field, 'track_visibility', None)}
        writer = self if tracked.intersection(vals) else self.with_context(mail_notrack=True)
        if is_workflow(self.env):
            return super(TikTicket, writer).write(vals)
        self._check_write(vals)
        self._check_catalogue(vals)
        if vals.get('phone'):
            vals = dict(vals, phone=self._normalize_phone(vals['phone']))
        result = super(TikTicket, writer).write(vals)
        if 'active' in vals:
            for ticket in self.with_context(lang=RECORD_LANG):
                ticket._note_archiving()
        return result

    def _note_archiving(self):
        self._post(_('Ticket restored from the archive.') if self.active
                   else _('Ticket archived.'), 'mail.mt_note')

    @api.multi
    def _write(self, vals):
        # Every change of a column, by write or by the recomputation of unit_id: the
        # journal lines follow the ticket's unit, division and service, in one UPDATE
        # of the addon's own table for all the lines of the tickets (the lines' write
        # guard is for what the journal says, which these columns are not).
        result = super(TikTicket, self)._write(vals)
        copied = [name for name in JOURNAL_COPIES if name in vals]
        if copied and self.ids:
            self.env.cr.execute(sql.SQL(
                "UPDATE tik_ticket_step l SET {} FROM tik_ticket t "
                "WHERE t.id = l.ticket_id AND t.id IN %s AND ({})").format(
                sql.SQL(', ').join(sql.SQL('{0} = t.{0}').format(sql.Identifier(name))
                                   for name in copied),
                sql.SQL(' OR ').join(sql.SQL('l.{0} IS DISTINCT FROM t.{0}').format(
                    sql.Identifier(name)) for name in copied)),
                [tuple(self.ids)])
            self.env['tik.ticket.step'].invalidate_cache(copied)
        return result

    @api.multi
    def copy(self, default=None):  # pylint: disable=method-required-super
        raise UserError(_('A ticket is not duplicated: file a new one.'))

    @api.multi
    def unlink(self):
        if self:
            raise UserError(_('Tickets are never deleted; archive them instead.'))
        return super(TikTicket, self).unlink()

    @api.multi
    def action_open_whatsapp(self):
        """Opens the click-to-chat with the reporter's phone (WhatsApp, in a new tab)."""
        self.ensure_one()
        if not self.whatsapp_url:
            raise UserError(_('Ticket %s has no phone number to chat with.') % self.number)
        return {'type': 'ir.actions.act_url', 'url': self.whatsapp_url, 'target': 'new'}
