# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What the demo data calls to play tickets and answers as the demo users would: kept
apart from the production models, and private (no RPC client may act as another user
through them)."""
from odoo import api, fields, models

from .authority import as_intake, at_moment
from .tik_survey_response import SURVEY
from .utils import RECORD_LANG


class TikDemo(models.AbstractModel):
    _name = 'tik.demo'
    _description = 'Demo Data of the Service Desk'

    @api.model
    def _record_language(self):
        """Odoo loads a module's translations after its demo data: the demo journal
        would be sealed in English. Load the addon's Indonesian terms first."""
        translations = self.env['ir.translation']
        if self.env['res.lang'].search_count([('code', '=', RECORD_LANG)]) and \
                not translations.search_count([('module', '=', 'tik_service_mgmt'),
                                               ('lang', '=', RECORD_LANG)]):
            translations.load_module_terms(['tik_service_mgmt'], [RECORD_LANG])

    @api.model
    def _moment(self, ago):
        """The moment `ago` working hours (of the company's calendar, 7.5 a day as
        shipped) before now, as a UTC string; None for now."""
        if not ago:
            return None
        calendar = self.env['tik.ticket']._work_calendar()
        return fields.Datetime.to_string(calendar.before_working_hours(
            fields.Datetime.from_string(fields.Datetime.now()), ago))

    @api.model
    def _file_ticket(self, xmlid, name, description, partner_id, phone, service_id,
                     ago=None):
        """Files a demo ticket as its reporter would (a user) or, for a caller without
        a user, as the demo helpdesk taking the phone call; names it `xmlid`. Filed
        `ago` working hours before now, if given."""
        self._record_language()
        tickets = self.env['tik.ticket']
        moment = self._moment(ago)
        if moment:
            tickets = at_moment(tickets, moment)
        partner = self.env['res.partner'].browse(partner_id)
        vals = {'name': name, 'description': description, 'partner_id': partner_id,
                'phone': phone, 'service_id': service_id}
        user = partner.user_ids[:1]
        if user.has_group('base.group_portal'):
            ticket = as_intake(tickets, 'portal', user).create(vals)
        elif user:
            ticket = tickets.sudo(user).create(vals)
        else:
            helpdesk = self.env.ref('tik_service_mgmt.user_helpdesk_demo')
            ticket = tickets.sudo(helpdesk).create(dict(vals, channel='phone'))
        self.env['ir.model.data'].create({
            'module': 'tik_service_mgmt', 'name': xmlid, 'model': tickets._name,
            'res_id': ticket.id, 'noupdate': True})
        return ticket.id

    @api.model
    def _play(self, ticket_xmlid, moves):
        """Walks a demo ticket through the workflow as the demo actors.

        `moves`: [(user xmlid, values to write first, action, reason)], each move
        optionally followed by how many working hours before now it was made, so that
        the journal, the deadlines and the chatter tell a ticket days old.
        """
        self._record_language()
        ticket = self.env.ref(ticket_xmlid)
        for move in moves:
            user_xmlid, values, action, reason = move[:4]
            as_actor = ticket.sudo(self.env.ref(user_xmlid))
            moment = self._moment(move[4] if len(move) > 4 else None)
            if moment:
                if moment < ticket.current_step_id.sudo().date_start:
                    raise ValueError('A demo move of %s comes before the step it ends.'
                                     % ticket_xmlid)
                as_actor = at_moment(as_actor, moment)
            if values:
                as_actor.write(values)
            kwargs = {'reason': reason} if reason else {}
            getattr(as_actor, 'action_' + action)(**kwargs)
        return True

    @api.model
    def _answer_survey(self, ticket_xmlid, values):
        """A demo response, submitted, as a paper questionnaire keyed in."""
        keyed = self.env['tik.survey.response'].with_context(tik_survey=SURVEY)
        response = keyed.create(dict(values, ticket_id=self.env.ref(ticket_xmlid).id))
        response.action_submit()
        return response.id
