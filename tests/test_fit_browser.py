# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""At 1366 x 768 nothing scrolls sideways: a ticket's Journal tab, the satisfaction survey
list and the ticket kanban with its folded columns, as the Kadin and the service
manager see them."""
import os

import pytest

from conftest import DB, URL
from portal_steps import DESKTOP, SCREENS
from test_backend_sop import land
from test_rpc import Actor, ref

# Whether the element's content is wider than the element (it would scroll sideways).
OVERFLOW = """(selector) => Array.from(document.querySelectorAll(selector))
    .filter(e => e.offsetParent !== null)
    .map(e => [e.scrollWidth, e.clientWidth])"""
COLUMNS = """() => Array.from(document.querySelectorAll('.o_kanban_view .o_kanban_group'))
    .map(g => [g.innerText.split('\\n')[0], Math.round(g.getBoundingClientRect().right)])"""


def busiest_ticket(login):
    """The ticket with the longest journal the user reads."""
    actor = Actor(login)
    groups = actor.models.execute_kw(DB, actor.uid, actor.login, 'tik.ticket.step',
                                     'read_group', [[], ['ticket_id'], ['ticket_id']], {})
    return max(groups, key=lambda g: g['ticket_id_count'])['ticket_id'][0]


def keep(page, name):
    os.makedirs(SCREENS, exist_ok=True)
    page.screenshot(path=os.path.join(SCREENS, 'fit_%s.png' % name))


@pytest.mark.parametrize('login', ['kadin', 'manager'])
def test_the_journal_tab_fits_the_sheet(page, login):
    page.set_viewport_size(DESKTOP)
    land(page, login)
    page.goto('%s/web#id=%d&model=tik.ticket&view_type=form' % (URL, busiest_ticket(login)))
    page.wait_for_selector('.o_form_view .o_statusbar_status', timeout=30000)
    page.click('.o_notebook a[role=tab]:has-text("Jurnal")')
    page.wait_for_selector('.o_tik_journal .o_data_row', timeout=30000)
    page.wait_for_timeout(500)
    sizes = page.evaluate(OVERFLOW, '.o_tik_journal .table-responsive')
    assert sizes and all(wide <= shown for wide, shown in sizes), sizes
    box = page.locator('.o_tik_journal').bounding_box()
    assert box['x'] + box['width'] <= DESKTOP['width'], box
    keep(page, 'journal_%s' % login)
    # What the list leaves out is read in the line's own form.
    page.locator('.o_tik_journal .o_data_row').first.click()
    page.wait_for_selector('.modal .o_form_view', timeout=30000)
    assert 'Tenggat' in page.inner_text('.modal .o_form_view')
    assert page.js_errors == []


@pytest.mark.parametrize('login', ['kadin', 'manager'])
def test_the_survey_list_fits(page, login):
    page.set_viewport_size(DESKTOP)
    land(page, login)
    page.goto('%s/web#action=%d&view_type=list' % (
        URL, ref(Actor(login), 'tik_service_mgmt.tik_survey_response_action')))
    page.wait_for_selector('.o_list_view .o_data_row', timeout=30000)
    page.wait_for_timeout(500)
    sizes = page.evaluate(OVERFLOW, '.o_view_manager_content .table-responsive')
    assert sizes and all(wide <= shown for wide, shown in sizes), sizes
    keep(page, 'survey_%s' % login)
    assert page.js_errors == []


@pytest.mark.parametrize('login', ['kadin', 'manager'])
def test_every_kanban_column_is_in_view(page, login):
    page.set_viewport_size(DESKTOP)
    land(page, login)
    page.goto('%s/web#action=%d&view_type=kanban' % (
        URL, ref(Actor(login), 'tik_service_mgmt.tik_ticket_action')))
    page.wait_for_selector('.o_kanban_view .o_kanban_group', timeout=30000)
    page.wait_for_timeout(800)
    columns = page.evaluate(COLUMNS)
    # Six running states and the folded ended ones.
    assert len(columns) >= 9, columns
    assert all(right <= DESKTOP['width'] for _title, right in columns), columns
    sizes = page.evaluate(OVERFLOW, '.o_kanban_view')
    assert all(wide <= shown for wide, shown in sizes), sizes
    keep(page, 'kanban_%s' % login)
    assert page.js_errors == []
