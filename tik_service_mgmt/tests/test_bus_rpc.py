# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The bus is written and read by server code only: a user's remote call of a bus.bus
method is refused (JSON-RPC and XML-RPC both dispatch through odoo.api.call_kw), while
the workflow's own notifications still reach the actors."""
import json

from odoo.api import call_kw
from odoo.exceptions import AccessError

from .common import TikCase


class TestBusRpc(TikCase):

    def rows(self):
        return self.env['bus.bus'].sudo().search_count([])

    def test_nobody_writes_into_a_channel_over_rpc(self):
        # A channel JSON can carry (Odoo 11 keeps a list channel out of its set).
        admin_channel = '%s_tik_uji' % self.env.cr.dbname
        fake = {'type': 'activity_updated', 'body': '<img src=x onerror=alert(1)>'}
        before = self.rows()
        for user in (self.portal, self.requester, self.helpdesk, self.manager):
            bus = self.env['bus.bus'].sudo(user)
            with self.assertRaises(AccessError):
                call_kw(bus, 'sendone', [admin_channel, fake], {})
            with self.assertRaises(AccessError):
                call_kw(bus, 'sendmany', [[[admin_channel, fake]]], {})
            with self.assertRaises(AccessError):
                call_kw(bus, 'gc', [], {})
        self.assertEqual(self.rows(), before)

    def test_nobody_reads_a_channel_over_rpc(self):
        channel = (self.env.cr.dbname, 'res.partner', self.kabid.partner_id.id)
        self.env['bus.bus'].sendone(channel, {'type': 'activity_updated'})
        for user in (self.portal, self.requester, self.kabid):
            with self.assertRaises(AccessError):
                call_kw(self.env['bus.bus'].sudo(user), 'poll', [[channel], 0], {})

    def test_server_code_still_uses_the_bus(self):
        channel = (self.env.cr.dbname, 'res.partner', self.kabid.partner_id.id)
        self.env['bus.bus'].sudo(self.portal).sendone(channel, {'type': 'x'})
        heard = self.env['bus.bus'].sudo(self.kabid).poll([channel], 0)
        self.assertIn({'type': 'x'}, [note['message'] for note in heard])
        # The workflow's to-do counters: the Kabid hears of the ticket dispatched to him.
        ticket = self.ticket_in('new')
        last = self.env['bus.bus'].search([], order='id desc', limit=1).id
        self.act(ticket, 'helpdesk', {'division_id': self.division_x.id}, 'dispatch')
        heard = [(json.loads(row.channel), json.loads(row.message)) for row in
                 self.env['bus.bus'].search([('id', '>', last)])]
        self.assertIn(([self.env.cr.dbname, 'res.partner', self.kabid.partner_id.id],
                       {'type': 'activity_updated', 'activity_created': True}), heard)
