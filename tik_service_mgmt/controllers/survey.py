# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The satisfaction survey in the portal: /my/layanan-tik/<id>/survey.

The ticket is found as the portal finds it (the record rules; a share token opens a
ticket for reading only, so it never opens its survey), and only its reporter, logged
in, answers; the model checks the same again and seals the answers once submitted.
"""
import re

from odoo import _, http
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from ..lib import ikm as skm
from .portal import PORTAL_URL, TikCustomerPortal, nul_refusal

PROFILE = ('age_band', 'sex', 'education', 'occupation')
# A score as a number: ASCII digits ('³' is a digit to Python, not to int()).
DIGITS = re.compile(r'^-?[0-9]{1,9}$')


class TikSurveyPortal(TikCustomerPortal):

    @staticmethod
    def _tik_survey_refusal(ticket_sudo):
        """Why the logged-in user may not answer this ticket's survey (None: may): the
        model's own refusal, without answers yet."""
        refusal = request.env['tik.survey.response']._refusal(ticket_sudo, {})
        return refusal.name if refusal else None

    @staticmethod
    def _tik_survey_typed(post):
        typed = {key: post[key].replace('\x00', '')
                 for key in skm.FIELDS + ('suggestion',) + PROFILE
                 if isinstance(post.get(key), str)}
        return typed

    @staticmethod
    def _tik_survey_values(typed, submit):
        """(values for the model, errors {input name: message})."""
        Response = request.env['tik.survey.response']
        values = {}
        errors = {key: nul_refusal() for key in typed
                  if '\x00' in (request.params.get(key) or '')}
        for field, name, _question, _answers in skm.ELEMENTS:
            text = (typed.get(field) or '').strip()
            if not text:
                if submit:
                    errors[field] = _('Choose one answer for %s.') % name
                continue
            # Outside 1-4 is the model's to refuse, with its message.
            values[field] = int(text) if DIGITS.match(text) else text
        values['suggestion'] = (typed.get('suggestion') or '').strip() or False
        for field in PROFILE:
            text = (typed.get(field) or '').strip()
            keys = [key for key, _label in Response._fields[field]._description_selection(
                request.env)]
            if text and text not in keys:
                errors[field] = _('Choose one of the answers offered.')
            values[field] = text or False
        return values, errors

    def _tik_survey_render(self, ticket_sudo, response, typed=None, errors=None,
                           refusal=None):
        values = self._prepare_portal_layout_values()
        Response = request.env['tik.survey.response']
        if typed is None and response:
            typed = {key: str(response[key]) if response[key] else ''
                     for key in skm.FIELDS}
            typed.update({key: response[key] or '' for key in ('suggestion',) + PROFILE})
        values.update({
            'tik_ticket': ticket_sudo,
            # The ticket's breadcrumbs (views/portal_templates.xml), then the survey's.
            'page_name': 'tik_ticket',
            'tik_survey_page': True,
            'response': response,
            'elements': skm.ELEMENTS,
            'profile': [(key, Response._fields[key].get_description(request.env)['string'],
                         Response._fields[key]._description_selection(request.env))
                        for key in PROFILE],
            'typed': typed or {},
            'errors': errors or {},
            'refusal': refusal,
        })
        return request.render('tik_service_mgmt.portal_survey_page', values)

    @http.route(['/my/layanan-tik/<int:ticket_id>/survey'], type='http', auth='user',
                methods=['GET', 'POST'], website=True)
    def portal_tik_survey(self, ticket_id, **post):
        try:
            ticket_sudo = self._tik_ticket_check_access(ticket_id)
        except (AccessError, MissingError):
            return request.redirect('/my')
        # The user's own response only (the record rules).
        response = request.env['tik.survey.response'].search(
            [('ticket_id', '=', ticket_sudo.id)], limit=1)
        refusal = self._tik_survey_refusal(ticket_sudo)
        if refusal or request.httprequest.method != 'POST' or (
                response and response.state == 'submitted'):
            if request.httprequest.method == 'POST' and response.state == 'submitted':
                refusal = response._sealed_message()
            return self._tik_survey_render(ticket_sudo, response, refusal=refusal)
        submit = not post.get('save_draft')
        typed = self._tik_survey_typed(post)
        values, errors = self._tik_survey_values(typed, submit)
        if errors:
            return self._tik_survey_render(ticket_sudo, response, typed, errors)
        try:
            request.env['tik.survey.response'].answer(ticket_sudo.id, values, submit=submit)
        except (UserError, AccessError) as refused:
            return self._tik_survey_render(ticket_sudo, response, typed,
                                           {'form': refused.name})
        return request.redirect('%s/%s/survey' % (PORTAL_URL, ticket_sudo.id))
