# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models, tools
from odoo.exceptions import ValidationError

from ..lib.deadline import MAX_DAYS, MIN_DAYS

MOMENTS = [
    ('at_risk', 'At Risk'),
    ('late', 'Late'),
    ('late_by', 'Late by More Working Days'),
]
RECIPIENTS = [
    ('actor', 'The Actor of the Step'),
    ('superior', "The Actor's Superior"),
    ('head', 'The Agency Head (Kadin)'),
    ('helpdesk', 'The Helpdesk'),
]
NOTIFY = [
    ('both', 'To-do and Message'),
    ('todo', 'To-do'),
    ('message', 'Message'),
]


class TikEscalationRule(models.Model):
    """A level of the time standards' enforcement: at which moment of a running step
    whom to tell, and how. The SLA check fires every active level once per step
    occurrence (`tik.escalation` records each firing)."""

    _name = 'tik.escalation.rule'
    _description = 'Escalation Level'
    _order = 'sequence, id'

    # Free text, kept for what refers to it (data, imports) and no longer shown: a
    # level is called by `label`, made from what it does, so it never tells of old days.
    name = fields.Char(string='Level', translate=True)
    label = fields.Char(string='Level Name', compute='_compute_label')
    display_name = fields.Char(compute='_compute_display_name')
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    sop_step_id = fields.Many2one(
        'tik.sop.step', string='SOP Step', ondelete='cascade',
        help='The step this level watches; empty: every step.')
    moment = fields.Selection(
        MOMENTS, required=True, default='late',
        help='At risk: less than the configured share of the step\'s working time is '
             'left. Late: the deadline has passed. Late by more working days: that many '
             'working days after the deadline.')
    days = fields.Integer(
        string='Working Days after the Deadline', default=0,
        help='For "late by more working days": how many working days after the '
             'deadline the level fires.')
    recipient = fields.Selection(RECIPIENTS, string='Tell', required=True,
                                 default='superior')
    notify = fields.Selection(NOTIFY, string='By', required=True, default='both')
    escalation_count = fields.Integer(
        string='Fired', compute='_compute_escalation_count',
        help='How many step occurrences this level has fired for.')

    @api.depends('moment', 'days', 'recipient', 'sop_step_id.name')
    def _compute_label(self):
        whom = {'actor': _('remind the actor of the step'),
                'superior': _("escalate to the actor's superior"),
                'head': _('escalate to the Kadin'),
                'helpdesk': _('tell the helpdesk')}
        for rule in self:
            values = {'whom': whom.get(rule.recipient, ''), 'days': rule.days}
            if rule.moment == 'at_risk':
                label = _('At risk: %(whom)s') % values
            elif rule.moment == 'late':
                label = _('Late: %(whom)s') % values
            elif rule.days == 1:
                label = _('Late by 1 more working day: %(whom)s') % values
            else:
                label = _('Late by %(days)d more working days: %(whom)s') % values
            if rule.sop_step_id:
                label = _('%(level)s (step: %(step)s)') % {
                    'level': label, 'step': rule.sop_step_id.name}
            rule.label = label

    @api.multi
    def name_get(self):
        return [(rule.id, rule.label) for rule in self]

    @api.depends('moment', 'days', 'recipient', 'sop_step_id.name')
    def _compute_display_name(self):
        for rule in self:
            rule.display_name = rule.label

    @api.depends('moment')
    def _compute_escalation_count(self):
        # read_group names a group's count after the field grouped by.
        counts = dict((row['level_id'][0], row['level_id_count']) for row in
                      self.env['tik.escalation'].sudo().read_group(
                          [('level_id', 'in', self.ids)], ['level_id'], ['level_id']))
        for rule in self:
            rule.escalation_count = counts.get(rule.id, 0)

    @api.constrains('moment', 'days')
    def _check_days(self):
        for rule in self:
            if rule.moment == 'late_by' and not MIN_DAYS <= rule.days <= MAX_DAYS:
                raise ValidationError(_(
                    'Level "%(level)s" fires %(min)d to %(max)d working days after the '
                    'deadline.') % {'level': rule.label, 'min': MIN_DAYS, 'max': MAX_DAYS})

    @api.onchange('moment')
    def _onchange_moment(self):
        if self.moment == 'late_by' and not self.days:
            self.days = 2
        elif self.moment != 'late_by':
            self.days = 0

    @api.multi
    def action_view_escalations(self):
        """The step occurrences this level fired for, newest first."""
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window', 'name': self.label,
            'res_model': 'tik.escalation', 'view_mode': 'tree',
            'domain': [('level_id', '=', self.id)],
        }

    @api.model
    def create(self, vals):
        if vals.get('moment', 'late') != 'late_by':
            vals = dict(vals, days=0)
        rule = super(TikEscalationRule, self).create(vals)
        self.clear_caches()
        return rule

    @api.multi
    def write(self, vals):
        if vals.get('moment') and vals['moment'] != 'late_by':
            vals = dict(vals, days=0)
        result = super(TikEscalationRule, self).write(vals)
        self.clear_caches()
        return result

    @api.multi
    def unlink(self):
        result = super(TikEscalationRule, self).unlink()
        self.clear_caches()
        return result

    @api.model
    @tools.ormcache()
    def levels(self):
        """The active levels in order, as plain tuples (id, SOP step id or None,
        moment, days, recipient, notify). Cached per process; a change of a level
        clears the caches of every worker (Odoo's registry signalling), so a manager's
        change takes effect at the next check, without a restart."""
        rules = self.sudo().with_context(active_test=True).search([])
        return tuple((r.id, r.sop_step_id.id or None, r.moment, r.days, r.recipient,
                      r.notify) for r in rules)
