# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The backend as each actor sees it, in a real browser."""
from conftest import URL
from test_login import login
from test_rpc import Actor, ref

ANALYSIS_TICKET = 'tik_service_mgmt.ticket_subdomain_spmb_demo'  # Aptika, waiting for step 3


def open_ticket(page, user, xmlid):
    ticket = ref(Actor('helpdesk'), xmlid)
    login(page, URL, user)
    page.wait_for_selector('#oe_main_menu_navbar', timeout=30000)
    page.goto('%s/web#id=%d&model=tik.ticket&view_type=form' % (URL, ticket))
    page.wait_for_selector('.o_form_view .o_statusbar_status', timeout=30000)


def visible_buttons(page):
    return page.eval_on_selector_all(
        '.o_form_statusbar .o_statusbar_buttons button',
        'els => els.filter(e => e.offsetParent !== null).map(e => e.textContent.trim())')


def test_the_kabid_of_the_division_sees_the_step_three_buttons(page):
    open_ticket(page, 'kabid.aptika', ANALYSIS_TICKET)
    # Accept, the wizards of reject and return-to-helpdesk, the hold, and ending it as
    # part of another ticket; in Indonesian.
    assert len(visible_buttons(page)) == 5
    assert 'Tunda' in visible_buttons(page)
    assert page.js_errors == []


def test_the_helpdesk_sees_no_step_three_button(page):
    open_ticket(page, 'helpdesk', ANALYSIS_TICKET)
    assert visible_buttons(page) == []
    assert page.js_errors == []


def test_managers_kanban_is_grouped_by_state(page):
    login(page, URL, 'kadin')
    page.wait_for_selector('#oe_main_menu_navbar', timeout=30000)
    # Let the landing page (Menunggu Tindakan Saya) load before going elsewhere.
    page.wait_for_selector('.o_list_view, .oe_view_nocontent', timeout=30000)
    action = ref(Actor('kadin'), 'tik_service_mgmt.tik_ticket_action')
    page.goto('%s/web#action=%d' % (URL, action))
    page.wait_for_selector('.o_kanban_view .o_kanban_group', timeout=30000)
    assert page.locator('.o_kanban_group').count() >= 8
    assert page.locator('.o_kanban_record').count() >= 10
    assert page.js_errors == []
