# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Configuration > Escalation Levels, once levels have fired, as the service manager:
the list and a level's form open without error and call each level by what it does;
the level's "Fired" button lists its firings under the same name."""
import os

from conftest import URL
from portal_steps import DESKTOP, SCREENS
from test_backend_sop import land
from test_rpc import Actor, ref
from test_screens_browser import escalated  # noqa: F401 (fixture)

ERRORS = '.modal .o_error_detail, .modal .o_dialog_warning, .o_dialog_error'


def no_error(page):
    assert page.js_errors == [], page.js_errors
    assert page.locator(ERRORS).count() == 0, page.inner_text('.modal')


def test_levels_that_fired_open_by_their_made_names(page, escalated):  # noqa: F811
    page.set_viewport_size(DESKTOP)
    manager = Actor('manager')
    land(page, 'manager')
    page.goto('%s/web#action=%d' % (URL, ref(
        manager, 'tik_service_mgmt.tik_escalation_rule_action')))
    page.wait_for_selector('.o_list_view .o_data_row', timeout=30000)
    page.wait_for_timeout(500)
    no_error(page)
    rows = page.locator('.o_list_view .o_data_row').all_inner_texts()
    assert any(row.strip().startswith('Berisiko: ingatkan pelaksana tahapan')
               for row in rows), rows
    assert any('Terlambat 2 hari kerja lagi: eskalasi kepada Kadin' in row
               for row in rows), rows
    os.makedirs(SCREENS, exist_ok=True)
    page.screenshot(path=os.path.join(SCREENS, 'escalation_levels_list.png'))
    page.locator('.o_list_view .o_data_row', has_text='Berisiko').first.click()
    page.wait_for_selector('.o_form_view .oe_title', timeout=30000)
    page.wait_for_timeout(500)
    no_error(page)
    assert page.inner_text('.o_form_view .oe_title').strip() == \
        'Berisiko: ingatkan pelaksana tahapan'
    page.screenshot(path=os.path.join(SCREENS, 'escalation_level_form.png'))
    page.click('.o_form_view .oe_stat_button:has-text("Dijalankan")')
    page.wait_for_selector('.o_list_view .o_data_row', timeout=30000)
    page.wait_for_timeout(500)
    no_error(page)
    assert 'Berisiko: ingatkan pelaksana tahapan' in page.inner_text(
        '.o_control_panel .breadcrumb')
    assert 'Berisiko: ingatkan pelaksana tahapan' in page.inner_text(
        '.o_list_view .o_data_row >> nth=0')
