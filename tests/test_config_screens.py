# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The configuration and reporting screens, opened in the web client by those who use
them: the list, a record's form and, where they may create, a new one. No client error,
no server error dialog, none of Odoo's or the screen's own English."""
import os

import pytest

from conftest import URL
from portal_steps import DESKTOP, core_english_on
from test_backend_sop import SCREENS, land
from test_rpc import Actor, ref

# (user, action, a row opens its form, may create, the screen's English name)
SCREENS_OF = [
    ('manager', 'tik_sop_action', True, True, 'SOP Documents'),
    ('manager', 'tik_escalation_rule_action', True, True, 'Escalation Levels'),
    ('manager', 'tik_journal_seal_action', True, False, 'Daily Journal Seals'),
    ('manager', 'tik_service_action', True, True, 'Service Catalogue'),
    ('kadin', 'tik_survey_response_action', True, False, 'Satisfaction Survey'),
    # The journal is read, never opened line by line: its lines have no form.
    ('kadin', 'tik_ticket_step_action', False, False, 'Journal'),
]
VIEWS = '.o_list_view, .oe_view_nocontent, .o_form_view, .o_kanban_view'
ERROR_DIALOG = '.modal .o_error_detail, .modal .o_dialog_warning'


def check(page, english):
    assert page.js_errors == [], page.js_errors
    assert page.locator(ERROR_DIALOG).count() == 0, page.inner_text('.modal')
    assert not core_english_on(page)
    title = page.inner_text('.o_control_panel .breadcrumb')
    assert english not in title, title


@pytest.mark.parametrize('user,action,opens,creates,english', SCREENS_OF)
def test_the_screen_opens_for_its_user(page, user, action, opens, creates, english):
    page.set_viewport_size(DESKTOP)
    land(page, user)
    page.goto('%s/web#action=%d' % (URL, ref(Actor(user), 'tik_service_mgmt.' + action)))
    page.wait_for_selector(VIEWS, timeout=30000)
    page.wait_for_timeout(700)
    check(page, english)
    assert page.locator('.o_list_button_add:visible').count() == (1 if creates else 0)
    os.makedirs(SCREENS, exist_ok=True)
    page.screenshot(path=os.path.join(SCREENS, 'config_%s_%s.png' % (user, action)))
    rows = page.locator('.o_list_view .o_data_row')
    if opens and rows.count():
        rows.first.click()
        page.wait_for_selector('.o_form_view', timeout=30000)
        page.wait_for_timeout(500)
        check(page, english)
    if creates:
        page.click('.o_form_button_create:visible, .o_list_button_add:visible')
        page.wait_for_selector('.o_form_view.o_form_editable', timeout=30000)
        page.wait_for_timeout(500)
        check(page, english)


@pytest.mark.parametrize('user', ['kadin', 'manager'])
def test_the_report_period_dialog_opens(page, user):
    """IKM dan Rekap Bulanan: the period is asked in a dialog."""
    land(page, user)
    page.goto('%s/web#action=%d' % (URL, ref(Actor(user),
                                                'tik_service_mgmt.tik_report_period_action')))
    page.wait_for_selector('.o_form_view .o_field_widget[name=date_from]', timeout=30000)
    page.wait_for_timeout(500)
    assert page.js_errors == [], page.js_errors
    assert page.locator(ERROR_DIALOG).count() == 0
    assert not core_english_on(page)
