# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The bus, as the web client uses it: a to-do handed to the Kabid reaches his open
web client live (the activity counter moves without a reload), while the same session
may not write into the bus, or read it, by a remote call."""
import time

from test_backend_sop import land
from test_rpc import Actor, ref

COUNTER = '.o_mail_navbar_item:has(.fa-clock-o) .o_notification_counter'


def counter(page):
    return page.evaluate(
        "(selector) => { const c = document.querySelector(selector);"
        " return c ? parseInt(c.textContent || '0') || 0 : 0; }", COUNTER)


def rpc_from_page(page, method, args):
    """A JSON-RPC call of bus.bus from the page's own session: the error, if any."""
    return page.evaluate(
        """([method, args]) => fetch('/web/dataset/call_kw/bus.bus/' + method, {
            method: 'POST', headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({jsonrpc: '2.0', method: 'call', params: {
                model: 'bus.bus', method: method, args: args, kwargs: {}}})})
            .then(r => r.json()).then(j => j.error ? j.error.data.name : null)""",
        [method, args])


def test_the_kabids_counter_moves_live_and_the_bus_refuses_remote_calls(page):
    land(page, 'kabid.aptika')
    page.wait_for_timeout(1500)
    before = counter(page)
    requester, helpdesk = Actor('pengguna'), Actor('helpdesk')
    ticket = requester('create', {'name': 'Uji bus %d' % time.time(),
                                  'description': 'Akun e-mail dinas terkunci.'})
    helpdesk('write', [ticket], {'service_id': ref(
        helpdesk, 'tik_service_mgmt.service_email_reset_demo')})
    helpdesk('action_dispatch', [ticket])
    page.wait_for_function(
        "([selector, before]) => { const c = document.querySelector(selector);"
        " return c && (parseInt(c.textContent || '0') || 0) > before; }",
        arg=[COUNTER, before], timeout=60000)
    fake = {'type': 'activity_updated', 'activity_created': True}
    for method, args in (('sendone', ['tik_bus_uji', fake]),
                         ('sendmany', [[['tik_bus_uji', fake]]]),
                         ('poll', [['tik_bus_uji'], 0])):
        assert rpc_from_page(page, method, args) == 'odoo.exceptions.AccessError', method
    assert not page.js_errors
