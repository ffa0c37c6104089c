# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re
import uuid
from collections import OrderedDict
from email.utils import formataddr

import phonenumbers
import pytz

from odoo import SUPERUSER_ID, _, api, fields, models, tools
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression
from odoo.osv.query import Query
from odoo.tools import html2plaintext, html_escape

from ..lib import journal, workflow
from ..lib.deadline import WorkCalendar
from .authority import as_intake, as_workflow, intake_of, is_workflow
from .utils import (RECORD_LANG, field_label, format_for_reporter, format_minutes,
                    format_phone, render_mail_text, selection_label, shipped, user_zone,
                    warm)

# Fields of the mixins tik.ticket inherits: their own models guard them.
MIXINS = ('mail.thread', 'mail.activity.mixin', 'portal.mixin')
# Values a client may send back on create because the form showed their default.
CREATE_DEFAULTS = {'state': 'new', 'active': True}
# The actor groups, by the SOP's actor names.
ACTOR_GROUPS = {
    'requester': 'tik_service_mgmt.group_requester',
    'helpdesk': 'tik_service_mgmt.group_helpdesk',
    'division_head': 'tik_service_mgmt.group_division_head',
    'officer': 'tik_service_mgmt.group_officer',
    'head': 'tik_service_mgmt.group_head',
}
DEFAULT_TZ = 'Asia/Jakarta'
# The reporter's notices: one mail template per event of workflow.REPORTER_NOTICES,
# e-mailed in this layout (the agency's identity and the portal link).
NOTICE_TEMPLATE = 'tik_service_mgmt.mail_template_ticket_%s'
NOTICE_LAYOUT = 'tik_service_mgmt.mail_template_notice_layout'
NOTICE_SUBTYPE = 'tik_service_mgmt.mt_ticket_notice'
# What a list reads in one query (see TikTicket._read_columns): stored columns of these
# types, and these computed columns, from the stored ones each is made of.
COLUMN_TYPES = ('char', 'text', 'integer', 'boolean', 'selection', 'date', 'datetime',
                'many2one')
LIST_COMPUTED = {
    'sla_status': ('state', 'date_deadline', 'date_at_risk', 'step_missed'),
    'date_deadline_display': ('date_deadline',),
}
# What a new ticket holds besides the values it is filed with.
FILED = dict(CREATE_DEFAULTS, service_id=False, division_id=False, officer_id=False,
             journal_head=False, journal_length=0, rework_count=0, rework_reason=False,
             activity_date_deadline=False)
# What a journal line holds when its step opens, besides the values it opens with.
OPENED = {'user_id': False, 'action': False, 'channel': False, 'email_from': False,
          'date_done': False, 'date_escalated': False, 'hours_taken': 0.0, 'note': False,
          'hash': False}
# What the workflow reads of the acting user (see utils.warm).
USER_FIELDS = ['name', 'email', 'partner_id', 'company_id', 'tz']
# Columns of the ticket that its journal lines carry for grouping (tik.ticket.step).
JOURNAL_COPIES = ('unit_id', 'division_id', 'service_id')


class TikTicket(models.Model):
    """A request for ICT service, walked through the SOP by `_transition`."""

    _name = 'tik.ticket'
    _description = 'ICT Service Ticket'
    _inherit = ['mail.thread', 'mail.activity.mixin', 'portal.mixin']
    _order = 'id desc'
    _rec_name = 'number'
    _mail_post_access = 'read'

    def _default_partner(self):
        return self.env.user.partner_id

    number = fields.Char(readonly=True, copy=False, index=True)
    name = fields.Char(string='Subject', required=True)
    description = fields.Text(string='Problem Description')
    partner_id = fields.Many2one(
        'res.partner', string='Reporter', required=True, default=_default_partner,
        index=True)
    # Its value is the same in every context: read once, whatever the context.
    unit_id = fields.Many2one(
        'res.partner', string='Unit (OPD)', compute='_compute_unit_id', store=True,
        index=True, context_dependent=False, help="The reporter's government unit.")
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
    instruction = fields.Text(string='Instruction to the Officer')
    resolution = fields.Text(string='Resolution Report')
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
    reject_reason = fields.Text(string='Reason for Closing', readonly=True, copy=False)
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
        readonly=True, copy=False, help='Why the ticket came back, while it is reworked.')
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

    @api.multi
    def read(self, fields=None, load='_classic_read'):  # pylint: disable=redefined-outer-name
        """A list's columns are read in one query (see `_read_columns`); any other read
        loads only the columns asked for: with Odoo's prefetching every computed column
        and display name would first load every stored column of every ticket, unit,
        officer and service in reach."""
        if self._reads_columns(fields, load):
            return self._read_columns(fields)
        return super(TikTicket, self.with_context(prefetch_fields=False)).read(
            fields=fields, load=load)

    def _reads_columns(self, names, load):
        """Whether `read(names, load)` can be answered by `_read_columns`."""
        if load != '_classic_read' or not names or not self._ids or self.env.has_todo():
            return False
        if not all(isinstance(id_, int) for id_ in self._ids):
            return False
        for name in names:
            field = self._fields.get(name)
            if name in LIST_COMPUTED:
                continue
            if (not field or name == 'id' or not field.store or not field.column_type
                    or field.translate or field.type not in COLUMN_TYPES):
                return False
        return True

    def _read_columns(self, names):
        """read() of `names`, stored columns of the ticket and LIST_COMPUTED, with the
        checks of Odoo's read (access rights, field groups, record rules) and Odoo's
        conversion of each value, in one query and one display-name read per many2one
        column. Odoo's read builds each value through the record cache (~40 µs a value,
        most of the time of an 80-row list); here the rows are the query's. A ticket
        that cannot be read in full (a record rule, a deleted one) is left to Odoo's
        read, for its own error."""
        self.check_access_rights('read')
        names = self.check_field_access_rights('read', names)
        columns = list(OrderedDict.fromkeys(
            [name for name in names if name not in LIST_COMPUTED]
            + [dep for name in names for dep in LIST_COMPUTED.get(name, ())]))
        query = Query(['"tik_ticket"'], ['"tik_ticket".id IN %s'], [tuple(self._ids)])
        self._apply_ir_rules(query, 'read')
        from_clause, where_clause, params = query.get_sql()
        self.env.cr.execute('SELECT "tik_ticket".id, %s FROM %s WHERE %s' % (
            ', '.join('"tik_ticket"."%s"' % name for name in columns),
            from_clause, where_clause), params)
        rows = {row[0]: dict(zip(columns, row[1:])) for row in self.env.cr.fetchall()}
        if len(rows) != len(set(self._ids)):
            return super(TikTicket, self.with_context(prefetch_fields=False)).read(names)
        for name in columns:
            field = self._fields[name]
            if field.type == 'many2one':
                continue
            for row in rows.values():
                row[name] = field.convert_to_read(
                    field.convert_to_cache(row[name], self, validate=False), self, False)
        for name in names:
            field = self._fields[name]
            if field.type != 'many2one':
                continue
            # Named as Odoo names them: as the superuser, whoever reads the ticket (the
            # column's foreign key vouches that each exists).
            targets = self.env[field.comodel_name].sudo().with_context(
                prefetch_fields=False).browse({row[name] for row in rows.values() if row[name]})
            shown = {target.id: (target.id, target.display_name) for target in targets}
            for row in rows.values():
                row[name] = shown.get(row[name], False)
        now = fields.Datetime.now()
        zone = user_zone(self.env) if 'date_deadline_display' in names else None
        result = []
        for id_ in self._ids:
            row = rows[id_]
            values = {'id': id_}
            for name in names:
                if name == 'sla_status':
                    values[name] = workflow.time_standard(
                        row['state'], row['date_deadline'], row['date_at_risk'],
                        row['step_missed'], now)
                elif name == 'date_deadline_display':
                    values[name] = format_minutes(self.env, row['date_deadline'], zone)
                else:
                    values[name] = row[name]
            result.append(values)
        return result

    @api.depends('partner_id.commercial_partner_id.is_company')
    def _compute_unit_id(self):
        units = self._units_of(self.mapped('partner_id'))
        for ticket in self:
            ticket.unit_id = units.get(ticket.partner_id.id, False)

    @api.model
    def _units_of(self, partners):
        """{partner id: the partner's government unit, its company if it has one}, read
        for all `partners` at once."""
        companies = warm(partners, ['commercial_partner_id']).mapped('commercial_partner_id')
        warm(companies, ['is_company'])
        return {partner.id: partner.commercial_partner_id
                for partner in partners if partner.commercial_partner_id.is_company}

    @api.depends('state', 'date_deadline', 'date_at_risk', 'step_missed')
    def _compute_sla_status(self):
        now = fields.Datetime.now()
        for ticket in self:
            ticket.sla_status = workflow.time_standard(
                ticket.state, ticket.date_deadline, ticket.date_at_risk,
                ticket.step_missed, now)

    def _search_sla_status(self, operator, value):
        if operator not in ('=', '!=') or not isinstance(value, str):
            raise UserError(_('Search the time standard by one status at a time.'))
        now = fields.Datetime.now()
        ended = [('state', 'in', workflow.ENDED)]
        running = [('state', 'not in', workflow.ENDED)]
        domain = {
            'late': running + [('date_deadline', '<', now)],
            'at_risk': running + [('date_at_risk', '<=', now), ('date_deadline', '>=', now)],
            'on_track': running + ['|', ('date_at_risk', '=', False),
                                   ('date_at_risk', '>', now)],
            'met': ended + [('step_missed', '=', False)],
            'missed': ended + [('step_missed', '=', True)],
        }.get(value, [('id', '=', 0)])
        domain = expression.normalize_domain(domain)
        return domain if operator == '=' else ['!'] + domain

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

    # --- guards -------------------------------------------------------------------

    @api.model
    def _normalize_phone(self, number):
        if not number:
            return number
        if not isinstance(number, str):
            raise UserError(_('Write the phone number as text, e.g. 0812-3456-7890.'))
        try:
            parsed = phonenumbers.parse(number, 'ID')
        except phonenumbers.NumberParseException:
            parsed = None
        if not parsed or not phonenumbers.is_valid_number(parsed):
            raise UserError(_(
                'The phone number "%s" is not valid. Write it as 0812-3456-7890 or '
                '+62 812-3456-7890.') % number)
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)

    def _mixin_fields(self):
        """Fields of the mixins the ticket inherits: their own models guard them."""
        return {name for mixin in MIXINS for name in self.env[mixin]._fields}

    def _derived_fields(self):
        """The ticket's own values that nobody decides: the workflow, the intake path or
        Odoo derive them (unit, deadlines, state, number, token, journal head...)."""
        return (set(self._fields) - self._mixin_fields() - workflow.decided_fields()
                - {'active'})

    def _check_write(self, vals):
        """Refuses every value the user does not decide on these tickets now.

        The table of lib/workflow.py says who decides which value in which state; the
        same record-level authority as for the actions applies (the Kabid of that
        division, the assigned officer, the reporter). No one writes a derived value.
        """
        derived = self._derived_fields().intersection(vals)
        if derived:
            raise UserError(_('%s cannot be changed: the ticket workflow sets it.') %
                            ', '.join(field_label(self, f) for f in sorted(derived)))
        decided = sorted(workflow.decided_fields().intersection(vals))
        for ticket in self:
            for name in decided:
                refusal = ticket._write_refusal(name)
                if refusal:
                    raise refusal
        if 'active' in vals:
            self._check_archiving()

    def _write_refusal(self, name):
        """Why the current user may not change `name` on this ticket now (None: may)."""
        actors = workflow.deciders(self.state, name)
        if not actors:
            return UserError(_(
                'Ticket %(number)s is %(state)s: %(field)s cannot be changed at this '
                'step.') % {
                'number': self.number, 'field': field_label(self, name),
                'state': selection_label(self, 'state', self.state)})
        if not any(self._is_actor(actor) for actor in actors):
            return AccessError(_(
                'Ticket %(number)s is %(state)s: %(field)s is decided by %(actors)s.') % {
                'number': self.number, 'field': field_label(self, name),
                'state': selection_label(self, 'state', self.state),
                'actors': _(' or ').join(sorted(self._actor_label(a) for a in actors))})
        return None

    def _check_catalogue(self, vals):
        """The Kabid's choices at step 3 stay within the division: an officer of that
        division, a service of its catalogue. Refused at once, not only at Accept
        (`_refusal` checks the same again)."""
        officer = self.env['res.users'].browse(vals.get('officer_id') or [])
        service = self.env['tik.service'].browse(vals.get('service_id') or [])
        for ticket in self:
            division = ticket.division_id
            if officer and officer not in division.officer_ids:
                raise UserError(_('%(officer)s is not an officer of division '
                                  '%(division)s: choose one of its officers.') % {
                    'officer': officer.name, 'division': division.name or '-'})
            if service and ticket.state == 'analysis' and service.division_id != division:
                raise UserError(_('The service "%(service)s" is not in the catalogue of '
                                  'division %(division)s: choose one of its services, or '
                                  'return the ticket to the helpdesk.') % {
                    'service': service.name, 'division': division.name})

    @api.onchange('service_id')
    def _onchange_service_id(self):
        """At step 2 the service implies its division (the helpdesk's decision). A ticket
        being filed gets it when it is designated: filing does not decide a division."""
        if (self.service_id.division_id and self.state == 'new' and self.number
                and self._user_is_helpdesk()):
            self.division_id = self.service_id.division_id

    @api.onchange('division_id')
    def _onchange_division_id(self):
        if self.officer_id and self.officer_id not in self.division_id.officer_ids:
            self.officer_id = False

    def _check_archiving(self):
        running = self.filtered(lambda t: t.state not in workflow.ENDED)
        if running:
            raise UserError(_('Ticket %s is still running: only a closed or rejected '
                              'ticket can be archived.') % running[0].number)
        if not self.env.user.has_group('tik_service_mgmt.group_manager'):
            raise AccessError(_('Only the service manager archives or restores tickets.'))

    def _is_actor(self, actor):
        user = self.env.user
        if actor == 'reporter':
            return (self.partner_id == user.partner_id
                    and user.has_group(ACTOR_GROUPS['requester']))
        if not user.has_group(ACTOR_GROUPS[actor]):
            return False
        if actor == 'division_head':
            return self.division_id.head_id == user
        if actor == 'officer':
            return self.officer_id == user
        return True

    def _refusal(self, action, reason=None, check_values=True):
        """Why the current user may not take `action` on this ticket now (None: allowed).

        The one guard of the workflow: state, actor and record-level authority,
        required values, a reason where the SOP needs one, and the catalogue gate.
        """
        self.ensure_one()
        rule = workflow.transition(self.state, action)
        if not rule:
            return UserError(_('Ticket %(number)s is %(state)s: "%(action)s" is not a step '
                               'of the SOP from there.') % {
                'number': self.number, 'state': selection_label(self, 'state', self.state),
                'action': selection_label(self.env['tik.ticket.step'], 'action', action)})
        if not self._is_actor(rule.actor):
            return AccessError(_('Ticket %(number)s waits for %(actor)s; you may not do '
                                 'this step.') % {
                'number': self.number, 'actor': self._actor_label(rule.actor)})
        if not check_values:
            return None
        missing = [field_label(self, f) for f in workflow.required(rule, self.channel)
                   if not self[f]]
        if missing:
            return UserError(_('Fill in first: %s.') % ', '.join(missing))
        if reason is not None and not isinstance(reason, str):
            return UserError(_('Write the reason as text.'))
        if rule.reason and not (reason or '').strip():
            return UserError(_('Give the reason; the requester and the journal keep it.'))
        if action == 'accept':
            if self.service_id.division_id != self.division_id:
                return UserError(_('The service "%(service)s" is not in the catalogue of '
                                   'division %(division)s.') % {
                    'service': self.service_id.name, 'division': self.division_id.name})
            if self.officer_id not in self.division_id.officer_ids:
                return UserError(_('%(officer)s is not an officer of division '
                                   '%(division)s.') % {
                    'officer': self.officer_id.name, 'division': self.division_id.name})
        return None

    def _actor_label(self, actor):
        if actor == 'reporter':
            return _('the reporter')
        return selection_label(self.env['tik.sop.step'], 'actor', actor)

    # --- CRUD ---------------------------------------------------------------------

    @api.model
    def create(self, vals):
        intake = intake_of(self.env)
        warm(self.env.user, USER_FIELDS)
        vals, channel = self._filing_values(vals, intake)
        calendar = self._work_calendar()
        company = self.env.user.company_id.id
        unit = self._units_of(self.env['res.partner'].browse(vals['partner_id'])).get(
            vals['partner_id'])
        vals.update(
            channel=channel, access_token=str(uuid.uuid4()), sop_id=self._filing_sop().id,
            unit_id=unit.id if unit else False,
            # Drawn last, once the ticket is valid: the register has no gaps.
            number=self.env['ir.sequence'].sudo().with_context(
                force_company=company).next_by_code('tik.ticket'))
        # The journal's first line, the step's note and the receipt record the filing:
        # no creation log, no tracking of the first values.
        with self.env.norecompute():
            ticket = super(TikTicket, self.with_context(tracking_disable=True)).create(
                vals).with_env(self.env)
            # Odoo would recompute each with its own UPDATE: the unit is given above,
            # and a new ticket has no to-do yet (the step's comes with _enter).
            for name in ('unit_id', 'activity_date_deadline'):
                self.env.remove_todo(self._fields[name], ticket)
        ticket.recompute()
        # Odoo 11 forgets the values it has just written; the filing reads them next.
        ticket._cache.update(ticket._convert_to_cache(dict(FILED, **vals), update=True))
        reporter = warm(self.env['res.partner'].sudo().browse(vals['partner_id']),
                        ['user_ids'])
        ticket._subscribe_many({(ticket.id, reporter.id)},
                               warm(reporter.user_ids, ['share', 'partner_id']))
        now = fields.Datetime.now()
        sent = ticket._open_step(ticket._sop_step(1), now, calendar)
        sender = intake.user if intake else self.env.user
        head = {}
        as_workflow(sent)._seal({
            'user_id': sender.id if sender else False, 'channel': channel,
            'email_from': intake.email if intake and channel == 'email' else False,
            'date_done': now, 'sla_status': 'met',
            'note': '%s\n\n%s' % (ticket.name, ticket.description or '')}, head, ticket)
        ticket._enter('new', now, calendar, head)
        self._post_many([ticket._filing_note(sent, sender, intake)]
                        + ticket._notices('file', calendar))
        return ticket

    def _filing_note(self, line, sender, intake):
        """The chatter's note of step 1, in the name of who sent the ticket (the
        requester in the portal, the sender of an e-mail, the helpdesk taking a call),
        in the record's language."""
        ticket = self.with_context(lang=RECORD_LANG)
        partner = warm(sender.sudo().partner_id if sender else ticket.sudo().partner_id,
                       ['name', 'email'])
        text = _('%(step)s: sent by %(user)s (%(channel)s).') % {
            'step': self._sop_step(1).with_env(ticket.env).name,
            'user': partner.name,
            'channel': selection_label(ticket, 'channel', ticket.channel)}
        note = ticket._note('%s\n%s' % (text, ticket.name), 'mail.mt_note')
        if intake:
            address = intake.email if intake.channel == 'email' else partner.email
            note.update(author=partner, email_from=formataddr((partner.name, address))
                        if address else partner.name)
        return note

    @api.model
    def _filing_values(self, vals, intake):
        """The values of step 1, checked, and the channel the ticket came by.

        An intake path of the addon (portal, e-mail) has built the values itself. A
        direct call files for the user, or, by the helpdesk, for a caller.
        """
        vals = {key: value for key, value in vals.items()
                if CREATE_DEFAULTS.get(key, object()) != value}
        user = self.env.user
        if intake:
            channel, filer = intake.channel, 'helpdesk'
        else:
            filer = 'helpdesk' if user.has_group(ACTOR_GROUPS['helpdesk']) else 'reporter'
            channel = vals.pop('channel', None) or 'backend'
            allowed = workflow.HELPDESK_CHANNELS if filer == 'helpdesk' else ('backend',)
            if channel not in allowed:
                raise UserError(_('A ticket filed here comes by: %s.') % ', '.join(
                    selection_label(self, 'channel', c) for c in allowed))
        refused = set(vals) - self._mixin_fields() - set(workflow.REPORTED_BY[filer])
        if filer == 'reporter' and vals.get('partner_id') in (user.partner_id.id, None):
            refused.discard('partner_id')
        if refused:
            error = AccessError if 'partner_id' in refused else UserError
            raise error(_('%s cannot be given when filing a ticket: the SOP has it '
                          'decided later, or by someone else.') %
                        ', '.join(field_label(self, f) for f in sorted(refused)))
        vals.setdefault('partner_id', user.partner_id.id)
        if vals.get('phone'):
            vals['phone'] = self._normalize_phone(vals['phone'])
        if not vals.get('email') and vals.get('partner_id'):
            vals['email'] = warm(self.env['res.partner'].browse(vals['partner_id']),
                                 ['email']).email
        return vals, channel

    @api.model
    def _demo_file(self, xmlid, name, description, partner_id, phone, service_id):
        """Files a demo ticket as its reporter would (a user) or, for a caller without
        a user, as the demo helpdesk taking the phone call; names it `xmlid`."""
        self._demo_record_language()
        partner = self.env['res.partner'].browse(partner_id)
        vals = {'name': name, 'description': description, 'partner_id': partner_id,
                'phone': phone, 'service_id': service_id}
        user = partner.user_ids[:1]
        if user.has_group('base.group_portal'):
            ticket = as_intake(self, 'portal', user).create(vals)
        elif user:
            ticket = self.sudo(user).create(vals)
        else:
            helpdesk = self.env.ref('tik_service_mgmt.user_helpdesk_demo')
            ticket = self.sudo(helpdesk).create(dict(vals, channel='phone'))
        self.env['ir.model.data'].create({
            'module': 'tik_service_mgmt', 'name': xmlid, 'model': self._name,
            'res_id': ticket.id, 'noupdate': True})
        return ticket.id

    def _compute_portal_url(self):
        for ticket in self:
            ticket.portal_url = '/my/layanan-tik/%s' % ticket.id

    @api.multi
    def get_access_action(self, access_uid=None):
        """Portal users (from a notification's link, say) go to the portal page."""
        self.ensure_one()
        user = self.env['res.users'].sudo().browse(access_uid or self.env.uid)
        if not user.share:
            return super(TikTicket, self).get_access_action(access_uid)
        return {'type': 'ir.actions.act_url', 'url': self.portal_url, 'target': 'self',
                'res_id': self.id}

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A ticket from an e-mail to the addon's alias; the sender is the reporter."""
        self = self.with_context(lang=RECORD_LANG)  # pylint: disable=self-cls-assignment
        partners = self.env['res.partner'].sudo()
        partner = partners.browse(msg_dict.get('author_id'))
        if not partner and msg_dict.get('email_from'):
            partner = partners.browse(partners.find_or_create(msg_dict['email_from']))
        vals = {
            'name': (msg_dict.get('subject') or '').strip() or _('(no subject)'),
            'description': html2plaintext(msg_dict.get('body') or ''),
            'partner_id': partner.id,
            'email': partner.email,
        }
        sender = msg_dict.get('email_from') or partner.email
        return as_intake(self, 'email', email=sender).create(vals)

    @api.multi
    def write(self, vals):
        if is_workflow(self.env):
            # The workflow writes derived values, never a tracked one: Odoo 11 would
            # still read every tracked field first, to find nothing changed.
            tracked = {name for name, field in self._fields.items()
                       if getattr(field, 'track_visibility', None)}
            quiet = self if tracked.intersection(vals) else self.with_context(
                mail_notrack=True)
            return super(TikTicket, quiet).write(vals)
        self._check_write(vals)
        self._check_catalogue(vals)
        if vals.get('phone'):
            vals = dict(vals, phone=self._normalize_phone(vals['phone']))
        result = super(TikTicket, self).write(vals)
        if 'active' in vals:
            for ticket in self.with_context(lang=RECORD_LANG):
                ticket._post_archiving()
        return result

    @api.multi
    def _write(self, vals):
        # Every change of a column, by write or by the recomputation of unit_id: the
        # journal lines follow the ticket's unit, division and service, in one UPDATE
        # for all the lines of the tickets (the lines' own write guard is for what the
        # journal says, which these columns are not).
        result = super(TikTicket, self)._write(vals)
        copied = [name for name in JOURNAL_COPIES if name in vals]
        if copied and self.ids:
            self.env.cr.execute(
                "UPDATE tik_ticket_step l SET "
                + ', '.join('%s = t.%s' % (name, name) for name in copied)
                + " FROM tik_ticket t WHERE t.id = l.ticket_id AND t.id IN %s AND ("
                + ' OR '.join('l.%s IS DISTINCT FROM t.%s' % (name, name)
                              for name in copied) + ")",
                [tuple(self.ids)])  # pylint: disable=sql-injection
            self.env['tik.ticket.step'].invalidate_cache(copied)
        return result

    def _post_archiving(self):
        self._post(_('Ticket restored from the archive.') if self.active
                   else _('Ticket archived.'), 'mail.mt_note')

    @api.multi
    @api.returns('self', lambda value: value.id)
    def message_post(self, *args, **kwargs):
        """A message is written in the poster's own name, dated when it is posted, and
        links only files the poster may read that belong to no other record. Only the
        superuser (the mail gateway, the scheduled checks) posts for someone else."""
        if self.env.uid != SUPERUSER_ID:
            self._check_post(kwargs)
        elif 'author_id' not in kwargs:
            kwargs.update(self._intake_author())
        return super(TikTicket, self).message_post(*args, **kwargs)

    @api.multi
    def message_subscribe(self, partner_ids=None, channel_ids=None, subtype_ids=None,
                          force=True):
        """Partners who already follow the ticket stay as they are: handing a to-do to
        its actor again, say, does not delete and recreate their subscription.

        Everyone but the reporter follows quietly (`mt_ticket_actor`, which no message
        carries): Odoo makes the user of each to-do a follower, and with the default
        subtypes every comment of the reporter would reach each actor by e-mail. The
        actors have their to-dos; the reporter hears of the discussion."""
        if not partner_ids or channel_ids or subtype_ids is not None:
            return super(TikTicket, self).message_subscribe(
                partner_ids=partner_ids, channel_ids=channel_ids, subtype_ids=subtype_ids,
                force=force)
        self.env.cr.execute(
            "SELECT res_id, partner_id FROM mail_followers WHERE res_model = %s "
            "AND res_id IN %s AND partner_id IN %s",
            [self._name, tuple(self.ids) or (0,), tuple(partner_ids)])
        following = set(self.env.cr.fetchall())
        quiet = shipped(self.env, 'tik_service_mgmt.mt_ticket_actor').ids
        # Read as superuser: Odoo's own check below answers False to a user who may
        # not open the ticket.
        reporters = {ticket.id: ticket.partner_id.id for ticket in self.sudo()}
        done = True
        for ticket in self:
            new = [pid for pid in partner_ids if (ticket.id, pid) not in following]
            actors = [pid for pid in new if pid != reporters[ticket.id]]
            if actors:
                done = super(TikTicket, ticket).message_subscribe(
                    partner_ids=actors, subtype_ids=quiet, force=force) and done
            if reporters[ticket.id] in new:
                done = super(TikTicket, ticket).message_subscribe(
                    partner_ids=[reporters[ticket.id]], force=force) and done
        return done

    def _intake_author(self):
        """The author of what is posted while an intake path files a user's ticket.

        The portal files with sudo (its users may not create tickets by the ORM), so the
        creation note and the first tracking would be the superuser's; they are the
        requester's, who sent the form. Empty outside an intake of a known user.
        """
        intake = intake_of(self.env)
        if not (intake and intake.user):
            return {}
        partner = intake.user.sudo().partner_id
        return {'author_id': partner.id,
                'email_from': formataddr((partner.name, partner.email)) if partner.email
                              else partner.name}

    def _check_post(self, kwargs):
        own = self.env.user.partner_id.id
        if 'author_id' in kwargs and kwargs['author_id'] != own:
            raise AccessError(_('You can post only in your own name.'))
        dated = {'date', 'create_date', 'write_date', 'create_uid', 'write_uid'}.intersection(
            kwargs)
        if dated:
            raise UserError(_('A message is dated when it is posted.'))
        ids = kwargs.get('attachment_ids') or []
        if not isinstance(ids, (list, tuple)) or not all(
                isinstance(i, int) and not isinstance(i, bool) for i in ids):
            raise UserError(_('Attach files by their number.'))
        files = self.env['ir.attachment'].sudo().browse(ids).exists()
        for attachment in files:
            elsewhere = attachment.res_model not in (False, 'mail.compose.message', self._name) or (
                attachment.res_model == self._name and attachment.res_id not in self.ids)
            if elsewhere:
                raise AccessError(_('The file "%s" belongs to another record.') %
                                  attachment.name)
            if attachment.create_uid != self.env.user:
                attachment.sudo(self.env.user).check('read')
        if len(files) != len(set(ids)):
            raise UserError(_('A file to attach no longer exists.'))

    @api.multi
    def copy(self, default=None):  # pylint: disable=method-required-super
        raise UserError(_('A ticket is not duplicated: file a new one.'))

    @api.multi
    def unlink(self):
        if self:
            raise UserError(_('Tickets are never deleted; archive them instead.'))
        return super(TikTicket, self).unlink()

    # --- workflow -----------------------------------------------------------------

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
        """What a workflow button answers: from the form (context `tik_form`), the ticket
        opened again, saved and read-only with its new buttons; over RPC, True."""
        if self.env.context.get('tik_form') and len(self) == 1:
            return {'type': 'ir.actions.act_window', 'res_model': self._name,
                    'res_id': self.id, 'view_mode': 'form', 'views': [(False, 'form')],
                    'name': self.number, 'target': 'main'}
        return result

    def _transition(self, action, reason=None):
        # The same ticket named twice acts once.
        self = self.browse(list(OrderedDict.fromkeys(self.ids)))  # pylint: disable=self-cls-assignment
        # Check every ticket before changing any: a refusal leaves all of them intact.
        for ticket in self:
            refusal = ticket._refusal(action, reason)
            if refusal:
                raise refusal
        now = fields.Datetime.now()
        warm(self.env.user, USER_FIELDS)
        record = self.with_context(lang=RECORD_LANG)
        for sop in record.mapped('sop_id'):
            sop.steps_by_sequence()  # read once, in the record's language, for the batch
        calendar = self._work_calendar()
        posts = []
        for ticket in record:
            posts.append(ticket._step(action, reason, now, calendar))
            posts += ticket._notices(action, calendar)
        self._post_many(posts)
        return True

    def _step(self, action, reason, now, calendar):
        """Seals the running step with what its actor did and enters the next one;
        returns the step's note for the chatter (a post of `_post_many`).

        Called on the ticket in the record's language: what is sealed and posted is
        evidence, in the agency's language whoever acts.
        """
        rule = workflow.transition(self.state, action)
        note = (reason or '').strip() or self._output_note(rule)
        step = as_workflow(self.current_step_id)
        missed = bool(step.date_deadline) and now > step.date_deadline
        # The ticket's new values are written once, with the state (see _enter).
        head = {}
        step._seal({
            'user_id': self.env.uid, 'date_done': now, 'note': note, 'action': action,
            'sla_status': 'missed' if missed else 'met',
            'hours_taken': calendar.working_hours(
                fields.Datetime.from_string(step.date_start),
                fields.Datetime.from_string(now))}, head, self)
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
        # One internal message per step; the reporter hears of the moments that
        # concern them from `_notices`, the actors from their to-dos.
        text = _('%(step)s: %(action)s by %(user)s (%(actor)s).') % {
            'step': step.sop_step_id.with_env(self.env).name, 'user': self.env.user.name,
            'action': selection_label(step, 'action', action),
            'actor': self._actor_label(rule.actor)}
        outcome = {'closed': _('The ticket is closed.'),
                   'rejected': _('The ticket is rejected.')}.get(rule.target)
        return self._note('\n'.join(filter(None, [outcome, text, note])), 'mail.mt_note')

    def _post(self, text, subtype):
        """Posts plain `text` in the chatter as the current user."""
        return self._post_many([self._note(text, subtype)])

    def _note(self, text, subtype):
        """Plain `text` as a post of the current user (see `_post_many`). The text
        holds what users wrote, so it is escaped and its links are not made live. The
        user may have no e-mail address: a step must not fail for that (the company's
        stands in)."""
        user = self.env.user
        address = user.email or user.company_id.email
        return {
            'ticket': self, 'subtype': shipped(self.env, subtype),
            'body': '<p>%s</p>' % html_escape(text).replace('\n', '<br/>'),
            'author': user.partner_id,
            'email_from': formataddr((user.name, address)) if address else user.name,
            'partners': self.env['res.partner']}

    @api.model
    def _post_many(self, posts):
        """Writes the messages `posts` of the workflow and the system's checks as
        message_post writes them, for the whole batch in a few statements.

        Each post is a dict: ticket, body (HTML), subtype (record), author (partner),
        email_from, partners (told by name) and, optionally, message_type (default
        'notification'), subject and layout (a mail.template rendered on the message,
        with ctx `layout_ctx`, as the body of its e-mail; else the message's body).

        As Odoo does: those told are the partners named and the followers of the
        subtype (employees only for an internal one), the author excepted; each gets an
        inbox notification, and those without an inbox user and with an address other
        than the author's get one queued e-mail per message (threaded under the
        ticket's first message); inbox users get the bus notification. A ticket
        followed by a channel is left to message_post, which also tells channels.
        Returns the messages."""
        messages = self.env['mail.message'].sudo()
        if not posts:
            return messages
        cr, uid = self.env.cr, self.env.uid
        now = fields.Datetime.now()
        tickets = self.browse(list(OrderedDict.fromkeys(p['ticket'].id for p in posts)))
        subtypes = {p['subtype'].id: p['subtype'].sudo() for p in posts}
        cr.execute("""
            SELECT f.res_id, r.mail_message_subtype_id, f.partner_id, f.channel_id,
                   EXISTS (SELECT 1 FROM res_users u
                           JOIN res_groups_users_rel g ON g.uid = u.id AND g.gid = %s
                           WHERE u.partner_id = f.partner_id AND u.active)
            FROM mail_followers f
            JOIN mail_followers_mail_message_subtype_rel r ON r.mail_followers_id = f.id
            WHERE f.res_model = %s AND f.res_id IN %s
              AND r.mail_message_subtype_id IN %s""",
                   [shipped(self.env, 'base.group_user').id, self._name, tuple(tickets.ids),
                    tuple(subtypes)])
        followers, by_channel = {}, set()
        for ticket_id, subtype_id, partner_id, channel_id, employee in cr.fetchall():
            if channel_id:
                by_channel.add((ticket_id, subtype_id))
            elif employee or not subtypes[subtype_id].internal:
                followers.setdefault((ticket_id, subtype_id), set()).add(partner_id)
        lean = [p for p in posts if (p['ticket'].id, p['subtype'].id) not in by_channel]
        for post in posts:
            if post not in lean:
                thread = post['ticket'].sudo().with_context(
                    mail_notify_force_send=False, mail_create_nosubscribe=True)
                if post.get('layout'):
                    thread = thread.with_context(
                        custom_layout=post['layout'].get_external_id()[post['layout'].id],
                        **{key: value for key, value in post['layout_ctx'].items()
                           if key.startswith('tik_')})
                messages |= thread.message_post(
                    body=post['body'], subject=post.get('subject'),
                    subtype_id=post['subtype'].id, author_id=post['author'].id,
                    email_from=post['email_from'], partner_ids=post['partners'].ids,
                    message_type=post.get('message_type') or 'notification')
        if not lean:
            return messages
        # The thread's first message (an e-mail first), as message_post's parent.
        cr.execute("""
            SELECT DISTINCT ON (res_id) res_id, id, message_id FROM mail_message
            WHERE model = %s AND res_id IN %s
            ORDER BY res_id, message_type = 'email' DESC, id""",
                   [self._name, tuple(tickets.ids)])
        parents = {row[0]: row[1:] for row in cr.fetchall()}
        reply_to = tickets.message_get_reply_to(tickets.ids, default=False)
        told = [(set(p['partners'].ids) | followers.get((p['ticket'].id, p['subtype'].id),
                                                        set())) - {p['author'].id}
                for p in lean]
        # Their addresses and whether they read their notifications in Odoo (and the
        # authors' addresses: an author is not e-mailed his own message).
        cr.execute("""
            SELECT p.id, p.email, bool_or(u.notification_type = 'inbox')
            FROM res_partner p LEFT JOIN res_users u ON u.partner_id = p.id AND u.active
            WHERE p.id IN %s GROUP BY p.id""",
                   [tuple(set().union(*told) | {p['author'].id for p in lean})])
        partners = {row[0]: row[1:] for row in cr.fetchall()}
        body_field = messages._fields['body']
        rows = []
        for post in lean:
            ticket = post['ticket']
            rows.append((
                now, self._name, ticket.id, ticket.number, parents.get(ticket.id, (None,))[0],
                body_field.convert_to_column(post['body'], messages),
                post.get('subject') or None, post['subtype'].id,
                post.get('message_type') or 'notification', post['author'].id,
                post['email_from'], reply_to.get(ticket.id) or post['email_from'],
                tools.generate_tracking_message_id('%s-%s' % (ticket.id, self._name)),
                False, uid, uid, now, now))
        cr.execute(
            "INSERT INTO mail_message (date, model, res_id, record_name, parent_id, body, "
            "subject, subtype_id, message_type, author_id, email_from, reply_to, "
            "message_id, no_auto_thread, create_uid, write_uid, create_date, write_date) "
            "VALUES " + ', '.join(['%s'] * len(rows)) + " RETURNING id", rows)
        ids = [row[0] for row in cr.fetchall()]
        # In a thread without messages the first post is the parent of the next ones.
        first = {}
        for mid, post, row in zip(ids, lean, rows):
            ticket_id = post['ticket'].id
            if ticket_id not in parents:
                first.setdefault(ticket_id, (mid, row[12]))
        later = [mid for mid, post in zip(ids, lean)
                 if post['ticket'].id in first and first[post['ticket'].id][0] != mid]
        if later:
            cr.execute("UPDATE mail_message m SET parent_id = f.id FROM mail_message f "
                       "WHERE m.id IN %s AND f.id = (SELECT min(id) FROM mail_message "
                       "WHERE model = m.model AND res_id = m.res_id)", [tuple(later)])
        parents.update(first)
        named = [(mid, pid) for mid, post in zip(ids, lean) for pid in post['partners'].ids]
        if named:
            cr.execute("INSERT INTO mail_message_res_partner_rel (mail_message_id, "
                       "res_partner_id) VALUES " + ', '.join(['%s'] * len(named)), named)
        notified, emailed, inbox = [], [], set()
        for mid, post, pids in zip(ids, lean, told):
            author_email = partners[post['author'].id][0] or post['email_from']
            by_email = sorted(pid for pid in pids if not partners[pid][1]
                              and partners[pid][0] and partners[pid][0] != author_email)
            notified += [(mid, pid, True, True, 'ready') if pid in by_email
                         else (mid, pid, None, None, None) for pid in sorted(pids)]
            inbox.update(mid for pid in pids if partners[pid][1])
            if by_email:
                emailed.append((mid, post, by_email))
        if notified:
            cr.execute("INSERT INTO mail_message_res_partner_needaction_rel "
                       "(mail_message_id, res_partner_id, is_read, is_email, email_status) "
                       "VALUES " + ', '.join(['%s'] * len(notified)), notified)
        messages = messages | messages.browse(ids)
        # The e-mail's layout reads the messages just written.
        for message, post, row in zip(messages.browse(ids), lean, rows):
            message._cache.update(message._convert_to_cache(
                {'body': row[5], 'subject': row[6] or False, 'model': self._name,
                 'res_id': row[2], 'record_name': row[3]}, validate=False))
        self._queue_emails(emailed, parents)
        tickets._invalidate_mail()
        if inbox:
            formatted = {m['id']: m for m in messages.browse(sorted(inbox)).message_format()}
            self.env['bus.bus'].sendmany([
                ((cr.dbname, 'ir.needaction', pid), dict(formatted[mid]))
                for mid, _post, pids in zip(ids, lean, told) if mid in formatted
                for pid in sorted(pids) if partners[pid][1]])
        return messages

    def _queue_emails(self, emailed, parents):
        """The e-mails [(message id, post, partner ids)] of `_post_many`, queued for
        the mail queue's scheduled action as Odoo's notification e-mails are."""
        if not emailed:
            return
        cr, uid = self.env.cr, self.env.uid
        now = fields.Datetime.now()
        uuid_ = self.env['ir.config_parameter'].sudo().get_param('database.uuid')
        messages = self.env['mail.message'].sudo()
        rows = []
        for mid, post, _pids in emailed:
            body = post['body']
            if post.get('layout'):
                message = messages.browse(mid)
                body = self.env['mail.template'].render_post_process(render_mail_text(
                    self.env, post['layout'].body_html, message, post['layout_ctx']))
            ticket_id = post['ticket'].id
            parent = parents.get(ticket_id)
            rows.append((body, True, 'outgoing', True, mid,
                         parent[1] if parent and parent[0] != mid else None,
                         repr({'X-Odoo-Objects': '%s-%s' % (self._name, ticket_id),
                               'X-Odoo-db-uuid': uuid_}),
                         uid, uid, now, now))
        cr.execute(
            "INSERT INTO mail_mail (body_html, auto_delete, state, notification, "
            "mail_message_id, \"references\", headers, create_uid, write_uid, create_date, "
            "write_date) VALUES " + ', '.join(['%s'] * len(rows)) + " RETURNING id", rows)
        recipients = [(mail_id, pid) for (mail_id,), (_m, _p, pids)
                      in zip(cr.fetchall(), emailed) for pid in pids]
        cr.execute("INSERT INTO mail_mail_res_partner_rel (mail_mail_id, res_partner_id) "
                   "VALUES " + ', '.join(['%s'] * len(recipients)), recipients)
        self._invalidate_model('mail.mail')

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
        # Odoo 11 forgets the values it has just written; the to-do reads them next.
        self._cache.update(self._convert_to_cache(vals, update=True))
        self._schedule_next(sop_step if seq else None, calendar)

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
        lines = as_workflow(self.env['tik.ticket.step'])
        vals = {
            'ticket_id': self.id, 'sop_step_id': sop_step.id, 'date_start': now,
            'division_id': self.division_id.id, 'unit_id': self.unit_id.id,
            'service_id': self.service_id.id,
            'position': position or self.journal_length + 1,
            'duration_days': days, 'date_deadline': fields.Datetime.to_string(deadline),
            'date_at_risk': fields.Datetime.to_string(min(at_risk, deadline)),
            'sla_status': 'running',
        }
        line = lines.create(vals)
        # Odoo 11 forgets the values it has just written; the step reads them next.
        line._cache.update(line._convert_to_cache(dict(OPENED, **vals), update=True))
        return line

    def _actor_user(self, actor, sop_step=None):
        """The person who acts as `actor` for this ticket."""
        if actor == 'division_head':
            return self.division_id.head_id
        if actor == 'officer':
            return self.officer_id
        if not sop_step:
            sop_step = self.env['tik.sop.step'].search(
                [('actor', '=', actor), ('user_id', '!=', False)], limit=1)
        if sop_step.user_id:
            return sop_step.user_id
        # The group's first active member (the group's own users, as group.users).
        self.env.cr.execute(
            "SELECT u.id FROM res_users u JOIN res_groups_users_rel r ON r.uid = u.id "
            "WHERE r.gid = %s AND u.active ORDER BY u.id LIMIT 1",
            [shipped(self.env, ACTOR_GROUPS[actor]).id])
        return self.env['res.users'].browse([row[0] for row in self.env.cr.fetchall()])

    def _schedule(self, user, summary, date, note=None, todo=None):
        """A to-do for `user`; `todo`, an activity of this ticket, is handed over to
        them if given (what mail.activity.write does, in three statements)."""
        if not todo:
            return self._schedule_many([(self, user, summary, note)], date=date)
        todo = todo.sudo()
        self.env.cr.execute(
            "UPDATE mail_activity a SET user_id = %s, summary = %s, note = %s, "
            "date_deadline = %s, write_uid = %s, write_date = %s "
            "FROM (SELECT id, user_id FROM mail_activity WHERE id = %s) old "
            "WHERE a.id = old.id RETURNING old.user_id",
            [user.id, summary, todo._fields['note'].convert_to_column(note or False, todo),
             date, self.env.uid, fields.Datetime.now(), todo.id])
        previous = user.sudo().browse([row[0] for row in self.env.cr.fetchall() if row[0]])
        user = warm(user.sudo(), ['partner_id', 'share'])
        self._subscribe_many({(self.id, user.partner_id.id)}, user)
        self._todos_changed(self, user, previous - user)
        return True

    @api.model
    def _schedule_many(self, todos, date=None):
        """New to-dos [(ticket, user, summary, note)] of the workflow and the system's
        checks, due on `date` (default: today in the agency's time zone): what
        `mail.activity.create` does one record at
        a time (Odoo's defaults, the document's name, the user made a follower, the
        user's activity counter refreshed), done for the whole batch with one INSERT of
        the to-dos, one of the missing followers and one bus notification. The rows
        are ordinary activities: the ticket's `activity_ids`, the activity widget and
        the counters read them as any other. Returns the new activities."""
        activities = self.env['mail.activity'].sudo()
        if not todos:
            return activities
        cr, uid = self.env.cr, self.env.uid
        now = fields.Datetime.now()
        model_id = self.env['ir.model']._get(self._name).id
        todo_type = shipped(self.env, 'mail.mail_activity_data_todo')
        tickets = self.browse(list(OrderedDict.fromkeys(t.id for t, _u, _s, _n in todos)))
        names = {ticket.id: ticket.number for ticket in tickets}  # their display names
        today = date or fields.Date.context_today(self.with_context(tz=self._tz()))
        note_field = activities._fields['note']
        rows = [(ticket.id, model_id, self._name, names[ticket.id], todo_type.id,
                 summary, note_field.convert_to_column(note or False, activities), today,
                 user.id, uid, now, uid, now)
                for ticket, user, summary, note in todos]
        cr.execute(
            "INSERT INTO mail_activity (res_id, res_model_id, res_model, res_name, "
            "activity_type_id, summary, note, date_deadline, user_id, create_uid, "
            "create_date, write_uid, write_date) VALUES "
            + ', '.join(['%s'] * len(rows)) + " RETURNING id", rows)
        activities = activities.browse([row[0] for row in cr.fetchall()])
        users = warm(self.env['res.users'].sudo().browse(
            list(OrderedDict.fromkeys(u.id for _t, u, _s, _n in todos))),
                     ['partner_id', 'share'])
        self._subscribe_many({(ticket.id, users.browse(user.id).partner_id.id)
                              for ticket, user, _s, _n in todos}, users)
        self._todos_changed(tickets, users, users.browse())
        return activities

    def _todos_changed(self, tickets, given, taken):
        """After to-dos were written in SQL on `tickets`: the activity counters of the
        users `given` and `taken` a to-do refreshed (one bus message per user; the
        workflow's to-dos are due today in the agency's time, which Odoo's own test
        against the UTC date would miss from midnight to 07:00 WIB), the tickets'
        stored next deadline recomputed, and what the ORM would have marked as changed
        on them (their activities, followers and what is computed from them)
        invalidated."""
        self.env['bus.bus'].sendmany([
            ((self.env.cr.dbname, 'res.partner', user.partner_id.id),
             {'type': 'activity_updated', key: True})
            for users, key in ((given, 'activity_created'), (taken, 'activity_deleted'))
            for user in users])
        self.env.cr.execute("""
            UPDATE tik_ticket t SET activity_date_deadline = (
                SELECT a.date_deadline FROM mail_activity a
                WHERE a.res_model = %s AND a.res_id = t.id
                ORDER BY a.date_deadline, a.id LIMIT 1)
            WHERE t.id IN %s""", [self._name, tuple(tickets.ids)])
        self._invalidate_model('mail.activity')
        tickets._invalidate_mail()

    def _invalidate_model(self, model):
        """Forgets the cached values of `model` only: an invalidate_cache() without
        field names forgets the whole cache, every model's."""
        records = self.env[model]
        records.invalidate_cache(fnames=list(records._fields))

    def _invalidate_mail(self):
        """Forgets what the tickets' discussion, followers and to-dos (the mixins'
        fields) read before they were written in SQL; the tickets' own values stay."""
        self.invalidate_cache(fnames=sorted(self._mixin_fields()), ids=self.ids)

    @api.model
    def _subscribe_many(self, pairs, users):
        """Makes each partner of `pairs` {(ticket id, partner id)} a follower of its
        ticket unless they already are, as message_subscribe does for many tickets and
        partners in a few statements: the ticket's reporter with Odoo's default subtypes
        (an outside user's for a portal user among `users`), everyone else quietly
        (`mt_ticket_actor`, see message_subscribe)."""
        if not pairs:
            return
        cr = self.env.cr
        cr.execute(
            "INSERT INTO mail_followers (res_model, res_id, partner_id) VALUES "
            + ', '.join(['%s'] * len(pairs))
            + " ON CONFLICT DO NOTHING RETURNING id, res_id, partner_id",
            [(self._name, ticket_id, partner_id) for ticket_id, partner_id in sorted(pairs)])
        new = cr.fetchall()
        if not new:
            return
        cr.execute("SELECT id, partner_id FROM tik_ticket WHERE id IN %s",
                   [tuple({ticket_id for _f, ticket_id, _p in new})])
        reporter = dict(cr.fetchall())
        default, _internal, external = self.env['mail.message.subtype'].default_subtypes(
            self._name)
        quiet = shipped(self.env, 'tik_service_mgmt.mt_ticket_actor')
        outside = set(users.filtered('share').mapped('partner_id').ids)
        rel = [(follower_id, subtype.id) for follower_id, ticket_id, partner_id in new
               for subtype in (quiet if partner_id != reporter.get(ticket_id)
                               else external if partner_id in outside else default)]
        if rel:
            cr.execute(
                "INSERT INTO mail_followers_mail_message_subtype_rel "
                "(mail_followers_id, mail_message_subtype_id) VALUES "
                + ', '.join(['%s'] * len(rel)) + " ON CONFLICT DO NOTHING", rel)
        self._invalidate_model('mail.followers')
        self.browse([ticket_id for _f, ticket_id, _p in new])._invalidate_mail()

    def _schedule_next(self, sop_step, calendar=None):
        """Hands the to-do over to the next actor; the previous step's to-dos,
        escalations included, are done. The to-do is due today, so the actor's activity
        counter shows it at once; its note gives the step's deadline. It is written in
        the agency's language (Bahasa Indonesia), whoever acted."""
        # The ticket's activities in their order (activity_ids), read as they are.
        self.env.cr.execute(
            "SELECT id FROM mail_activity WHERE res_model = %s AND res_id = %s "
            "ORDER BY date_deadline, id", [self._name, self.id])
        done = self.env['mail.activity'].sudo().browse(
            [row[0] for row in self.env.cr.fetchall()])
        user = sop_step and self._actor_user(workflow.actor_of(self.state), sop_step)
        if user:
            zone = calendar.tz.zone if calendar else self._tz()
            summary, note = self.with_context(lang=RECORD_LANG)._todo_text(zone)
            self._schedule(user, summary, fields.Date.context_today(
                self.with_context(tz=zone)), note=note, todo=done[:1])
            done = done[1:]
        done.unlink()

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
        if self.rework_reason:
            expected = _('Rework: %s') % expected
        summary = '%s \u2014 %s' % (self.number, expected)
        note = _('%(subject)s. Step deadline: %(deadline)s.') % {
            'subject': self.name,
            'deadline': self._local(self.date_deadline, zone).strftime('%d-%m-%Y %H:%M')}
        if self.rework_reason:
            note = '%s %s' % (note, _('Rework requested: %s') % self.rework_reason)
        return summary, html_escape(note)

    @api.model
    def _demo_record_language(self):
        """Odoo loads a module's translations after its demo data: the demo journal
        would be sealed in English. Load the addon's Indonesian terms first."""
        translations = self.env['ir.translation']
        if self.env['res.lang'].search_count([('code', '=', RECORD_LANG)]) and \
                not translations.search_count([('module', '=', 'tik_service_mgmt'),
                                               ('lang', '=', RECORD_LANG)]):
            translations.load_module_terms(['tik_service_mgmt'], [RECORD_LANG])

    @api.model
    def _demo_play(self, ticket_xmlid, moves):
        """Walks a demo ticket through the workflow as the demo actors.

        `moves`: [(user xmlid, values to write first, action, reason)].
        """
        self._demo_record_language()
        ticket = self.env.ref(ticket_xmlid)
        for user_xmlid, values, action, reason in moves:
            as_actor = ticket.sudo(self.env.ref(user_xmlid))
            if values:
                as_actor.write(values)
            kwargs = {'reason': reason} if reason else {}
            getattr(as_actor, 'action_' + action)(**kwargs)
        return True

    # --- the reporter -------------------------------------------------------------

    def _notices(self, event, calendar=None):
        """The reporter's notices of `event` (the filing, 'file', or an action of the
        SOP), as posts of `_post_many`: none unless it is one of
        workflow.REPORTER_NOTICES.

        One notice per ticket: a message in the ticket's discussion (the portal shows
        it), from the agency, in Indonesian whoever acted, e-mailed to the reporter
        alone with the agency's identity and the portal link. Nobody else is told:
        the actors have their to-dos. The e-mail is queued for the mail scheduler:
        the step does not wait for the mail server.
        """
        if event not in workflow.REPORTER_NOTICES:
            return []
        # Read together, in the record's language.
        template, layout = warm((shipped(self.env, NOTICE_TEMPLATE % event)
                                 | shipped(self.env, NOTICE_LAYOUT)).sudo().with_context(
                                     lang=RECORD_LANG), ['subject', 'body_html'])
        company = self.env.user.company_id
        agency = self._agency_address(company)
        subtype = shipped(self.env, NOTICE_SUBTYPE)
        posts = []
        # Rendered with what the actor has read of the ticket already (who acts on a
        # ticket reads what its notices say).
        for ticket in self.with_context(lang=RECORD_LANG):
            ctx = dict(ticket.env.context, company=company,
                       **ticket._notice_context(event, calendar))
            reporter = warm(ticket.partner_id, ['name', 'email'])
            posts.append({
                'ticket': ticket, 'subtype': subtype, 'message_type': 'comment',
                'subject': render_mail_text(ticket.env, template.subject, ticket, ctx),
                'body': render_mail_text(ticket.env, template.body_html, ticket, ctx),
                'author': company.partner_id, 'email_from': agency,
                'partners': reporter if reporter.email else reporter.browse(),
                'layout': layout, 'layout_ctx': ctx})
        return posts

    def _notice_context(self, event, calendar=None):
        """What a notice's template reads from `ctx`: the portal link (with the token),
        and the date the reporter may expect (completion at filing, the resolution at
        acceptance), in Indonesian and the agency's time."""
        base = self.env['ir.config_parameter'].sudo().get_param('web.base.url', '')
        values = {'tik_link': '%s%s?access_token=%s' % (base, self.portal_url,
                                                         self.access_token)}
        expected = False
        if event == 'file':
            # Each step after the filing taking its whole time standard.
            calendar = calendar or self._work_calendar()
            moment = fields.Datetime.from_string(fields.Datetime.now())
            for days in self.env['tik.sop.step']._durations_after_filing(
                    self.service_id.resolution_days, self.sop_id):
                moment = calendar.deadline(moment, days)
            expected = fields.Datetime.to_string(moment)
        elif event == 'accept':
            expected = self.date_deadline
        elif event in ('close', 'reject'):
            values['tik_survey'] = '%s%s/survey' % (base, self.portal_url)
        if expected:
            values['tik_expected'] = format_for_reporter(
                expected, calendar.tz.zone if calendar else self._tz())
        return values

    @api.model
    def _agency_address(self, company):
        """The sender of the notices: the agency, by its own address or the catchall.
        Reads what the notices show of the agency (see NOTICE_LAYOUT)."""
        warm(company, ['name', 'email', 'phone', 'partner_id'])
        warm(company.partner_id.sudo(), ['type', 'street', 'street2', 'city', 'zip',
                                         'state_id', 'country_id', 'website'])
        address = company.email
        if not address:
            params = self.env['ir.config_parameter'].sudo()
            alias = params.get_param('mail.catchall.alias')
            domain = params.get_param('mail.catchall.domain')
            address = alias and domain and '%s@%s' % (alias, domain)
        return formataddr((company.name, address)) if address else company.name

    def _message_post_after_hook(self, message):
        """What the reporter's side writes on an ended ticket (a reply to a notice, a
        portal comment) does not reopen it: the helpdesk gets a to-do to read it."""
        result = super(TikTicket, self)._message_post_after_hook(message)
        for ticket in self:
            if ticket.state in workflow.ENDED and ticket._from_reporter_side(message):
                ticket.with_context(lang=RECORD_LANG)._schedule_reply_todo(message)
        return result

    def _from_reporter_side(self, message):
        """Whether `message` is the reporter's word (or a colleague's outside the
        agency's staff): a comment or an e-mail, not a notice nor an internal note."""
        message = message.sudo()
        if message.message_type not in ('comment', 'email') or \
                message.subtype_id != self.env.ref('mail.mt_comment'):
            return False
        author = message.author_id
        if not author or author == self.partner_id:
            return True
        return not any(not user.share for user in author.user_ids)

    def _schedule_reply_todo(self, message):
        """A to-do for the helpdesk: the reporter wrote after the ticket ended."""
        ticket = self.sudo()
        user = ticket._actor_user('helpdesk', self.env['tik.sop.step'].sudo().by_sequence()[7])
        if not user:
            return
        author = message.sudo().author_id.name or message.sudo().email_from or ''
        excerpt = html2plaintext(message.sudo().body or '').strip()
        if len(excerpt) > 300:
            excerpt = excerpt[:300] + '\u2026'
        summary = _('%s \u2014 Read the reply to the ended ticket') % ticket.number
        note = _('%(author)s wrote after the ticket ended; it stays %(state)s: %(text)s') % {
            'author': author, 'text': excerpt,
            'state': selection_label(ticket.with_context(lang=RECORD_LANG), 'state',
                                     ticket.state)}
        ticket._schedule(user, summary, fields.Date.context_today(
            ticket.with_context(tz=ticket._tz())), note=html_escape(note),
            todo=ticket.activity_ids[:1])

    @api.multi
    def action_open_whatsapp(self):
        """Opens the click-to-chat with the reporter's phone (WhatsApp, in a new tab)."""
        self.ensure_one()
        if not self.whatsapp_url:
            raise UserError(_('Ticket %s has no phone number to chat with.') % self.number)
        return {'type': 'ir.actions.act_url', 'url': self.whatsapp_url, 'target': 'new'}

    # --- time standards -----------------------------------------------------------

    def _tz(self):
        return self.env.user.company_id.partner_id.tz or DEFAULT_TZ

    def _local(self, utc_string, zone=None):
        moment = pytz.utc.localize(fields.Datetime.from_string(utc_string))
        return moment.astimezone(pytz.timezone(zone or self._tz())).replace(tzinfo=None)

    def _format_local(self, utc_string):
        return self._local(utc_string).strftime('%d-%m-%Y %H:%M')

    @api.model
    def _at_risk_share(self):
        """Share of a step's working time below which it is at risk (0.25 by default)."""
        value = self.env['ir.config_parameter'].sudo().get_param(
            'tik_service_mgmt.at_risk_share', '0.25')
        try:
            return min(max(float(value), 0.0), 1.0)
        except ValueError:
            return 0.25

    def _work_calendar(self):
        """The working calendar of the user's company: its attendances, its holidays
        (leaves without a resource) and the company's time zone.

        One query fingerprints what the calendar is made of; the calendar is built
        once per fingerprint and process. A change of the hours, the holidays, the
        company's calendar or time zone changes the fingerprint, so it takes effect at
        once, in every worker, and a change rolled back never lingers."""
        self.env.cr.execute("""
            SELECT c.id, p.tz,
                   (SELECT md5(string_agg(concat_ws('/', a.dayofweek, a.hour_from,
                                                    a.hour_to), ',' ORDER BY a.id))
                    FROM resource_calendar_attendance a WHERE a.calendar_id = c.id),
                   (SELECT md5(string_agg(concat_ws('/', l.date_from, l.date_to), ','
                                          ORDER BY l.id))
                    FROM resource_calendar_leaves l
                    WHERE l.calendar_id = c.id AND l.resource_id IS NULL)
            FROM res_users u
            JOIN res_company co ON co.id = u.company_id
            JOIN res_partner p ON p.id = co.partner_id
            LEFT JOIN resource_calendar c ON c.id = co.resource_calendar_id
            WHERE u.id = %s""", [self.env.uid])
        fingerprint = self.env.cr.fetchone()
        if not fingerprint or not fingerprint[2]:
            calendar = self.env.user.company_id.resource_calendar_id.sudo()
            raise UserError(_('The working calendar "%s" has no working hours; the service '
                              'manager must set them before deadlines can be computed.') %
                            calendar.name)
        return self._built_calendar(fingerprint)

    @api.model
    @tools.ormcache('fingerprint')
    def _built_calendar(self, fingerprint):
        calendar = self.env['resource.calendar'].sudo().browse(fingerprint[0])
        attendances = [(int(a.dayofweek), a.hour_from, a.hour_to)
                       for a in calendar.attendance_ids]
        leaves = [(fields.Datetime.from_string(l.date_from),
                   fields.Datetime.from_string(l.date_to))
                  for l in calendar.leave_ids if not l.resource_id]
        return WorkCalendar(attendances, leaves, fingerprint[1] or DEFAULT_TZ)

    @api.model
    def compute_deadline(self, start, days):
        """Deadline of a step of `days` working days started at `start` (UTC strings).

        Refuses, with a UserError, what lies outside the bounds of lib/deadline.py: a
        time standard that is not a whole number of working days from MIN_DAYS to
        MAX_DAYS, or a start that is not a date and time from MIN_START to MAX_START.
        """
        if (isinstance(days, bool) or not isinstance(days, int)
                or not WorkCalendar.MIN_DAYS <= days <= WorkCalendar.MAX_DAYS):
            raise UserError(_('A time standard is a whole number of working days from '
                              '%(min)d to %(max)d.') % {
                'min': WorkCalendar.MIN_DAYS, 'max': WorkCalendar.MAX_DAYS})
        moment = None
        if isinstance(start, str):
            try:
                moment = fields.Datetime.from_string(start)
            except ValueError:
                moment = None
        if not moment:
            raise UserError(_('Give the start as a UTC date and time, e.g. '
                              '2026-01-05 08:00:00.'))
        if not WorkCalendar.MIN_START <= moment <= WorkCalendar.MAX_START:
            raise UserError(_('A step starts between %(min)s and %(max)s (UTC); '
                              '%(start)s is outside.') % {
                'min': fields.Datetime.to_string(WorkCalendar.MIN_START),
                'max': fields.Datetime.to_string(WorkCalendar.MAX_START),
                'start': start})
        return fields.Datetime.to_string(self._work_calendar().deadline(moment, days))

    # --- evidence -----------------------------------------------------------------

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
        state, wrong = workflow.replay(
            [(l.sop_step_id.sequence, l.action) for l in sealed])
        if wrong is not None:
            return broken(sealed[wrong], _('Line %d is not a step the SOP allows '
                                           'there.') % (wrong + 1))
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
