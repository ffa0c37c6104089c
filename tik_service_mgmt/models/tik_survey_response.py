# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.osv import expression

from ..lib import ikm as skm
from ..lib import workflow

# The authority to submit (seal) a response, and to key in the demo's answers for
# callers without a user. Only this module holds it: a context sent over RPC cannot.
SURVEY = object()
# What the respondent answers; everything else is set by the survey itself.
ANSWERS = skm.FIELDS + ('suggestion', 'age_band', 'sex', 'education', 'occupation')
SCORES = [(str(score), str(score)) for score in range(skm.MIN_SCORE, skm.MAX_SCORE + 1)]


def _score_field(field, name):
    return fields.Integer(string='U%s %s' % (field[1:], name), group_operator='avg',
                          readonly=True)


class TikSurveyResponse(models.Model):
    """One answer to the satisfaction survey (SKM, PermenPAN-RB 14/2017) per ended
    ticket, by its reporter: the nine elements on four points, a suggestion and,
    optionally, the respondent's profile. Editable by the reporter until submitted,
    then sealed; staff read it, nobody edits or deletes it."""

    _name = 'tik.survey.response'
    _description = 'Satisfaction Survey Response'
    _order = 'date_submitted desc, id desc'
    _rec_name = 'ticket_id'

    ticket_id = fields.Many2one(
        'tik.ticket', string='Ticket', required=True, index=True, ondelete='restrict',
        readonly=True)
    partner_id = fields.Many2one(
        'res.partner', string='Respondent', readonly=True, index=True, ondelete='restrict',
        help="The ticket's reporter, who alone answers.")
    service_id = fields.Many2one(
        related='ticket_id.service_id', string='Service', store=True, readonly=True)
    division_id = fields.Many2one(
        related='ticket_id.division_id', string='Division', store=True, readonly=True)
    unit_id = fields.Many2one(
        related='ticket_id.unit_id', string='Unit (OPD)', store=True, readonly=True)
    u1 = _score_field(*skm.ELEMENTS[0][:2])
    u2 = _score_field(*skm.ELEMENTS[1][:2])
    u3 = _score_field(*skm.ELEMENTS[2][:2])
    u4 = _score_field(*skm.ELEMENTS[3][:2])
    u5 = _score_field(*skm.ELEMENTS[4][:2])
    u6 = _score_field(*skm.ELEMENTS[5][:2])
    u7 = _score_field(*skm.ELEMENTS[6][:2])
    u8 = _score_field(*skm.ELEMENTS[7][:2])
    u9 = _score_field(*skm.ELEMENTS[8][:2])
    suggestion = fields.Text(readonly=True)
    age_band = fields.Selection(
        [('lt25', 'Under 25'), ('25_34', '25-34'), ('35_44', '35-44'), ('45_54', '45-54'),
         ('ge55', '55 and over')], string='Age', readonly=True)
    sex = fields.Selection([('male', 'Male'), ('female', 'Female')], readonly=True)
    education = fields.Selection(
        [('sd', 'Primary school or below'), ('smp', 'Junior high school'),
         ('sma', 'Senior high school'), ('diploma', 'Diploma (D1-D4)'),
         ('s1', 'Bachelor (S1)'), ('s2', 'Master (S2)'), ('s3', 'Doctorate (S3)')],
        readonly=True)
    occupation = fields.Selection(
        [('asn', 'Civil servant (ASN)'), ('tni_polri', 'TNI/POLRI'),
         ('private', 'Private employee'), ('self_employed', 'Self-employed'),
         ('student', 'Student'), ('other', 'Other')], readonly=True)
    state = fields.Selection(
        [('draft', 'Draft'), ('submitted', 'Submitted')], default='draft', required=True,
        readonly=True, index=True)
    date_submitted = fields.Datetime(string='Submitted on', readonly=True, index=True)
    score_mean = fields.Float(
        string='Mean Score', compute='_compute_score_mean', store=True, group_operator='avg',
        digits=(3, 2), help='Mean of the nine answers of this response (1-4).')

    _sql_constraints = [
        ('ticket_unique', 'unique(ticket_id)', 'A ticket has one survey response.'),
    ]

    @api.depends(*skm.FIELDS)
    def _compute_score_mean(self):
        for response in self:
            scores = [response[name] for name in skm.FIELDS if response[name]]
            response.score_mean = sum(scores) / len(scores) if scores else 0.0

    # --- guards -------------------------------------------------------------------

    @api.model
    def _refusal(self, ticket, vals):
        """Why the current user may not answer `ticket`'s survey with `vals` (None:
        may). The reporter alone answers, once the ticket ended, with scores 1-4."""
        if not ticket.exists():
            return UserError(_('There is no such ticket to survey.'))
        unknown = set(vals) - set(ANSWERS)
        if unknown:
            return UserError(_('%s cannot be given in a survey response.') %
                             ', '.join(sorted(unknown)))
        if self.env.context.get('tik_survey') is not SURVEY and \
                ticket.sudo().partner_id != self.env.user.partner_id:
            return AccessError(_('Only the reporter of ticket %s answers its survey.') %
                               ticket.sudo().number)
        if ticket.sudo().state not in workflow.SERVED:
            return UserError(_('Ticket %s is still running: its survey opens once it is '
                               'closed or rejected.') % ticket.sudo().number)
        for name in skm.FIELDS:
            unanswered = vals.get(name) is None or vals.get(name) is False
            if not unanswered and not skm.valid_score(vals[name]):
                return UserError(_('Answer each element with a score from 1 to 4 '
                                   '(%(element)s: %(value)s).') % {
                    'element': self._fields[name].get_description(self.env)['string'],
                    'value': vals[name]})
        return None

    def _check_answer(self, ticket, vals):
        refusal = self._refusal(ticket, vals)
        if refusal:
            raise refusal

    # --- CRUD ---------------------------------------------------------------------

    @api.model
    def create(self, vals):
        vals = dict(vals)
        ticket = self.env['tik.ticket'].browse(vals.pop('ticket_id', None) or [])
        self._check_answer(ticket, vals)
        if self.sudo().search_count([('ticket_id', '=', ticket.id)]):
            raise UserError(_('Ticket %s already has its survey response; it can be '
                              'answered once.') % ticket.sudo().number)
        vals.update(ticket_id=ticket.id, partner_id=ticket.sudo().partner_id.id,
                    state='draft')
        return super(TikSurveyResponse, self).create(vals)

    @api.multi
    def write(self, vals):
        if self.env.context.get('tik_survey') is SURVEY:
            return super(TikSurveyResponse, self).write(vals)
        for response in self:
            if response.state == 'submitted':
                raise UserError(response._sealed_message())
            self._check_answer(response.ticket_id, vals)
        return super(TikSurveyResponse, self).write(vals)

    def _sealed_message(self):
        return _('The survey response of ticket %s is submitted and sealed: it cannot be '
                 'changed.') % self.sudo().ticket_id.number

    @api.multi
    def unlink(self):
        if self:
            raise UserError(_('Survey responses are never deleted.'))
        return super(TikSurveyResponse, self).unlink()

    @api.multi
    def copy(self, default=None):  # pylint: disable=method-required-super
        raise UserError(_('A survey response is not duplicated.'))

    # --- actions ------------------------------------------------------------------

    @api.multi
    def action_submit(self):
        """Seals the responses: every element answered, by the ticket's reporter."""
        for response in self:
            if response.state == 'submitted':
                raise UserError(_('The survey response of ticket %s is already '
                                  'submitted.') % response.sudo().ticket_id.number)
            self._check_answer(response.ticket_id, {})
            missing = [response._fields[name].get_description(self.env)['string']
                       for name in skm.FIELDS if not response.sudo()[name]]
            if missing:
                raise UserError(_('Answer every element before submitting: %s.') %
                                ', '.join(missing))
        self.with_context(tik_survey=SURVEY).write(
            {'state': 'submitted', 'date_submitted': fields.Datetime.now()})
        return True

    @api.model
    def answer(self, ticket_id, values, submit=True):
        """The respondent's answers for ticket `ticket_id` (RPC and the portal form):
        creates or updates the draft and, with `submit`, seals it. Returns its id."""
        if not isinstance(values, dict):
            raise UserError(_('Give the answers as a mapping of element to score.'))
        ticket = self.env['tik.ticket'].browse(ticket_id if isinstance(ticket_id, int)
                                               else [])
        response = self.sudo().search([('ticket_id', '=', ticket.id)]).sudo(self.env.uid)
        with self.env.cr.savepoint():
            if response:
                response.write(values)
            else:
                response = self.create(dict(values, ticket_id=ticket.id))
            if submit:
                response.action_submit()
        return response.id

    # --- the index ----------------------------------------------------------------

    @api.model
    def ikm(self, domain=None):
        """The IKM of the submitted responses matching `domain` (read as the user may):
        {'responses', 'elements': [nine NRR], 'ikm' (25-100, two decimals), 'grade'}."""
        figures = self._ikm_figures(domain)
        return {'responses': figures['responses'],
                'elements': [round(mean, 4) for mean in figures['elements']],
                'ikm': figures['ikm'], 'grade': figures['grade']}

    @api.model
    def _ikm_figures(self, domain=None):
        domain = expression.AND([domain or [], [('state', '=', 'submitted')]])
        groups = self.read_group(domain, list(skm.FIELDS), [], lazy=False)
        row = groups[0] if groups else {}
        count = row.get('__count', 0)
        means = [row.get(name) if count else None for name in skm.FIELDS]
        figures = skm.index_of(means)
        figures['responses'] = count
        return figures

    # --- portal and demo ----------------------------------------------------------

    @api.model
    def _portal_survey_state(self, tickets):
        """{ticket id: 'open' | 'draft' | 'submitted'} for the ended `tickets` of the
        current user (one query); their other tickets are absent."""
        partner = self.env.user.partner_id
        own = tickets.filtered(lambda t: t.state in workflow.SERVED and t.partner_id == partner)
        states = {ticket.id: 'open' for ticket in own}
        if own:
            for row in self.sudo().search_read([('ticket_id', 'in', own.ids)],
                                               ['ticket_id', 'state']):
                states[row['ticket_id'][0]] = row['state']
        return states
