# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""E-mail into tickets, as the gateway hands it over (`models/mail_thread.py`).

A new ticket by e-mail is the gateway's alone, authored by its sender, so that Odoo
mails the sender nothing but the notice. A reply from an address that is neither the
reporter's nor a follower's stays an internal note: the agency relays no stranger's
text to the reporter.
"""
from odoo import _, api, models
from odoo.exceptions import AccessError
from odoo.tools import email_split

from .mail_thread import is_gateway


class TikTicketGateway(models.Model):
    _inherit = 'tik.ticket'  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        if not is_gateway(self.env):
            raise AccessError(_('Tickets are filed by e-mail through the mail gateway '
                                'only.'))
        partners = self.env['res.partner'].sudo()
        author = partners.browse(msg_dict.get('author_id')).exists()
        if not author and msg_dict.get('email_from'):
            author = partners.browse(partners.find_or_create(msg_dict['email_from']))
        msg_dict['author_id'] = author.id
        return super(TikTicketGateway, self).message_new(msg_dict, custom_values)

    @api.multi
    def message_update(self, msg_dict, update_vals=None):
        if is_gateway(self.env):
            for ticket in self:
                ticket._sort_reply(msg_dict)
        return super(TikTicketGateway, self).message_update(msg_dict, update_vals)

    def _sort_reply(self, msg_dict):
        """Credits a reply to the reporter or the follower whose address sent it;
        anyone else's is kept as an internal note, threaded under nothing."""
        sender = {address.lower() for address in email_split(msg_dict.get('email_from'))}
        ticket = self.sudo()
        for partner in ticket.partner_id | ticket.message_partner_ids:
            if sender & {a.lower() for a in email_split(partner.email or '')}:
                msg_dict['author_id'] = partner.id
                return
        msg_dict['internal'] = True
        msg_dict.pop('parent_id', None)
