# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The authority guard of the ticket: who may take which step, and who decides which
value, read from the transition table of lib/workflow.py. One guard for every action
(`_refusal`), one for every write (`_check_write`) and one for the filing
(`_filing_values`)."""
import phonenumbers

from odoo import _, api, models
from odoo.exceptions import AccessError, UserError

from ..lib import hold, workflow
from .tik_ticket import ACTOR_GROUPS
from .utils import field_label, selection_label

# Fields of the mixins tik.ticket inherits: their own models guard them.
MIXINS = ('mail.thread', 'mail.activity.mixin', 'portal.mixin')
# Values a client may send back on create because the form showed their default.
CREATE_DEFAULTS = {'state': 'new', 'active': True}


class TikTicketGuard(models.Model):
    _inherit = 'tik.ticket'  # pylint: disable=consider-merging-classes-inherited

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

    def _refusal(self, action, reason=None, check_values=True, target=None):
        """Why the current user may not take `action` on this ticket now (None: allowed).

        The one guard of the workflow: state, actor and record-level authority,
        required values, a reason where the SOP needs one, the catalogue gate, and for
        ending a ticket as part of `target` the rules of lib/link.py.
        """
        self.ensure_one()
        if action in hold.ACTIONS:
            return self._wait_refusal(action, reason, check_values)
        if action == 'outage':
            return self._outage_refusal(reason, check_values)
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
        if action == 'merge':
            return self._link_refusal(target)
        return None

    def _actor_label(self, actor):
        if actor == 'reporter':
            return _('the reporter')
        return selection_label(self.env['tik.sop.step'], 'actor', actor)

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
            vals['email'] = self.env['res.partner'].browse(vals['partner_id']).email
        return vals, channel

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
