# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Comments on a ticket from the portal, by the people who may read it.

Odoo 11's `/mail/chatter_post` lets whoever holds a document's `access_token`, an
anonymous visitor too, post a comment in the name of the document's partner, and passes
every other form field on to `message_post` (a backdated `date`, another `author_id`).
For tickets this controller accepts a comment only from a logged-in user who may read
the ticket by the access rights and record rules; a token opens a ticket for reading,
never for taking part in its discussion. The comment is the text the user typed, by
that user, at the server's time; nothing else of the form is used.
"""
from email.utils import formataddr

from werkzeug.exceptions import BadRequest, Forbidden, NotFound
from werkzeug.urls import url_encode

from odoo import http
from odoo.addons.portal.controllers.mail import PortalChatter
from odoo.exceptions import AccessError, MissingError
from odoo.http import request
from odoo.tools import plaintext2html

from .portal import PORTAL_URL

TICKET_MODEL = 'tik.ticket'


class TikPortalChatter(PortalChatter):

    @http.route(['/mail/chatter_post'], type='http', methods=['POST'], auth='public',
                website=True)
    def portal_chatter_post(self, res_model, res_id, message='', **kw):
        if res_model != TICKET_MODEL:
            return super(TikPortalChatter, self).portal_chatter_post(
                res_model, res_id, message, **kw)
        if not isinstance(res_id, str) or not res_id.isdigit():
            raise NotFound()
        ticket_url = '%s/%d' % (PORTAL_URL, int(res_id))
        if request.env.user._is_public():
            return request.redirect('/web/login?%s' % url_encode({'redirect': ticket_url}))
        ticket = self._tik_readable_ticket(int(res_id))
        if not isinstance(message, str):
            raise BadRequest()
        if message.strip():
            self._tik_post_comment(ticket, message)
        return request.redirect(ticket_url + '#discussion')

    @staticmethod
    def _tik_readable_ticket(ticket_id):
        """The ticket as the user, if they may read it by rights and rules; else 403."""
        ticket = request.env[TICKET_MODEL].browse(ticket_id)
        try:
            ticket.check_access_rights('read')
            ticket.check_access_rule('read')
            if not ticket.exists():
                raise MissingError(ticket_id)
        except (AccessError, MissingError):
            raise Forbidden()
        return ticket

    @staticmethod
    def _tik_post_comment(ticket, message):
        """Posts `message` (plain text) on `ticket` as the current user, now."""
        user = request.env.user.sudo()
        address = user.email or user.company_id.email
        ticket.with_context(mail_create_nosubscribe=True).message_post(
            body=plaintext2html(message), message_type='comment', subtype='mt_comment',
            email_from=formataddr((user.name, address)) if address else user.name)
