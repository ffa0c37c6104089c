# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The mail gateway's door to tickets.

Odoo's gateway (`mail.thread.message_process`, run by the incoming mail server's
scheduled action or the mailgate script as an administrator) hands each routed e-mail
to `message_route_process`. Where a route leads to a ticket, the gateway is given an
authority that RPC cannot carry (`tik.ticket.message_new` accepts nothing else), and
the e-mail is held for the helpdesk instead of being routed when it is automatic mail,
or when it would open a ticket from a sender the service manager did not allow
(`tik.mail.held`). Routes to other documents are Odoo's own, untouched.
"""
from odoo import SUPERUSER_ID, api, models

TICKET = 'tik.ticket'
# The gateway's authority, and that of the helpdesk accepting a held e-mail.
GATEWAY = object()
ACCEPTED = object()


def is_gateway(env):
    return env.context.get('tik_gateway') is GATEWAY


def is_accepted(env):
    return env.context.get('tik_gateway_accepted') is ACCEPTED


class MailThread(models.AbstractModel):
    _inherit = 'mail.thread'

    @api.model
    def message_route_process(self, message, message_dict, routes):
        if not any(route[0] == TICKET for route in routes or ()):
            return super(MailThread, self).message_route_process(
                message, message_dict, routes)
        if self.env.uid == SUPERUSER_ID or self.env.user.has_group('base.group_system'):
            held = self.env['tik.mail.held'].sudo()._hold(message, message_dict, routes)
            if held:
                routes = [route for route in routes if route[0] != TICKET]
            self = self.with_context(tik_gateway=GATEWAY)  # pylint: disable=self-cls-assignment
        return super(MailThread, self).message_route_process(message, message_dict, routes)
