# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Our portal beside OCA helpdesk_mgmt 11.0, which claims /my/tickets.

tools/test.sh runs this file alone, against a copy of the tested database with
helpdesk_mgmt installed too (TIK_BESIDE_HELPDESK=1); elsewhere it is skipped.
"""
import os
import time

import pytest

from conftest import DB, URL
from portal_steps import PHONE, assert_readable, file_in_portal, login, shot
from test_rpc import Actor

pytestmark = pytest.mark.skipif(not os.environ.get('TIK_BESIDE_HELPDESK'),
                                reason='needs the database with helpdesk_mgmt')
PORTAL = 'pengguna.portal'


def rpc(actor, model, method, *args, **kwargs):
    return actor.models.execute_kw(DB, actor.uid, actor.login, model, method, list(args),
                                   kwargs)


@pytest.fixture(scope='module')
def admin():
    return Actor('admin')


@pytest.fixture(scope='module')
def helpdesk_ticket(admin):
    """A helpdesk_mgmt ticket of the portal user."""
    partner = rpc(admin, 'res.users', 'search_read', [('login', '=', PORTAL)],
                  fields=['partner_id'])[0]['partner_id'][0]
    name = 'Tiket helpdesk_mgmt %d' % time.time()
    ticket = rpc(admin, 'helpdesk.ticket', 'create', {
        'name': name, 'description': 'Dari modul lain.', 'partner_id': partner})
    # helpdesk_mgmt shows a portal user the tickets they follow.
    rpc(admin, 'helpdesk.ticket', 'message_subscribe', [ticket], partner_ids=[partner])
    return name


def test_helpdesk_mgmt_is_installed(admin):
    assert rpc(admin, 'ir.module.module', 'search_count',
               [('name', '=', 'helpdesk_mgmt'), ('state', '=', 'installed')]) == 1


def test_both_portals_list_their_own_tickets(page, admin, helpdesk_ticket, capsys):
    page.set_viewport_size(PHONE)
    login(page, PORTAL)
    number, clicks = file_in_portal(page, 'Uji berdampingan %d' % time.time(),
                                    'Reset Kata Sandi E-mail Dinas')
    with capsys.disabled():
        print('\nportal filing beside helpdesk_mgmt: %d clicks' % clicks)
    page.goto(URL + '/my')
    ours = page.locator('.o_tik_home_entry')
    theirs = page.locator('ul.o_portal_docs li:has(a[href="/my/tickets"])')
    assert ours.count() == 1 and theirs.count() == 1
    # Both entries with their counts, each the number of tickets its page lists.
    ours_count = int(ours.locator('.badge').text_content())
    theirs_count = int(theirs.locator('.badge').text_content())
    assert ours_count >= 1 and theirs_count >= 1
    assert_readable(page, 'beside-helpdesk-1-home', english=False)

    page.click('.o_tik_home_entry a')
    page.wait_for_selector('table.o_tik_tickets', timeout=30000)
    assert page.locator('table.o_tik_tickets a', has_text=number).count() == 1
    assert helpdesk_ticket not in page.inner_text('body')
    if ours_count <= 20:  # one page of the list
        assert page.locator('table.o_tik_tickets tbody tr').count() == ours_count
    shot(page, 'beside-helpdesk-2-ours')

    page.goto(URL + '/my/tickets')
    body = page.inner_text('body')
    assert helpdesk_ticket in body
    assert number not in body
    shot(page, 'beside-helpdesk-3-theirs')
    assert page.js_errors == []
