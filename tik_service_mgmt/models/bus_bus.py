# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Odoo 11's bus is written and read by server code alone.

`sendone`, `sendmany`, `poll` and `gc` are public methods of `bus.bus` in Odoo 11 (they
became private in 12): over RPC any user, portal included, could write into another
user's channel (the web client renders what arrives there) or read it. A call that
comes straight from the RPC dispatcher (`odoo.api.call_kw`, which both JSON-RPC and
XML-RPC go through) is refused; server code of every app, which calls these methods
itself, goes on as before. The web client reads its own channels through
`/longpolling/poll`, a route that is server code.
"""
import sys

from odoo import _, api, models
from odoo.api import call_kw_model, call_kw_multi
from odoo.exceptions import AccessError

RPC_DISPATCH = (call_kw_model.__code__, call_kw_multi.__code__)


def _refuse_rpc(method):
    """Raises when `method` of bus.bus was called by the RPC dispatcher, through any
    overrides of the same method other modules may add."""
    frame = sys._getframe(2)  # pylint: disable=protected-access
    while frame and frame.f_code.co_name == method and \
            getattr(frame.f_locals.get('self'), '_name', None) == 'bus.bus':
        frame = frame.f_back
    if frame and frame.f_code in RPC_DISPATCH:
        raise AccessError(_('The notification bus is not open to remote calls.'))


class BusBus(models.Model):
    _inherit = 'bus.bus'

    @api.model
    def sendmany(self, notifications):
        _refuse_rpc('sendmany')
        return super(BusBus, self).sendmany(notifications)

    @api.model
    def sendone(self, channel, message):
        _refuse_rpc('sendone')
        return super(BusBus, self).sendone(channel, message)

    @api.model
    def poll(self, channels, last=0, options=None, force_status=False):
        _refuse_rpc('poll')
        return super(BusBus, self).poll(channels, last=last, options=options,
                                         force_status=force_status)

    @api.model
    def gc(self):
        _refuse_rpc('gc')
        return super(BusBus, self).gc()
