# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The recap dialog (IKM dan Rekap Bulanan) opened from its menu at 1366x768: its
buttons are free at once. It opens focused on the month, not on a date field whose
calendar would pop up over the footer."""
import os

import pytest

from portal_steps import DESKTOP
from test_backend_sop import SCREENS, land

MENU = 'a[data-menu-xmlid="tik_service_mgmt.tik_report_period_menu"]'
DIALOG = '.modal .o_form_view'
PRIMARY = '.modal .modal-footer .btn-primary'
PICKER = '.bootstrap-datetimepicker-widget'
# Whether the topmost element at the centre of the element is the element (or inside it).
ON_TOP = """(element) => {
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return Boolean(top) && element.contains(top);
}"""


@pytest.mark.parametrize('user', ['kadin', 'manager'])
def test_the_recap_dialog_opens_with_its_buttons_free(page, user):
    page.set_viewport_size(DESKTOP)
    land(page, user)
    page.click(MENU)
    page.wait_for_selector(DIALOG, timeout=30000)
    # The date widgets open their calendar on focus, after the dialog is drawn.
    page.wait_for_timeout(1000)
    os.makedirs(SCREENS, exist_ok=True)
    page.screenshot(path=os.path.join(SCREENS, 'recap_dialog_%s.png' % user))
    assert page.js_errors == [], page.js_errors
    assert page.locator(PICKER + ':visible').count() == 0
    focused = page.evaluate('document.activeElement.closest("[name]") && '
                            'document.activeElement.closest("[name]").getAttribute("name")')
    assert focused == 'month_choice', focused
    # The month the dialog proposes is one, and the dates are its first and last day.
    assert page.eval_on_selector('.modal select', 'select => select.value') not in ('', 'false')
    button = page.locator(PRIMARY)
    assert button.is_visible()
    assert button.evaluate(ON_TOP), 'something covers %s' % button.inner_text()
    # Playwright's own check that a click would land on it, without forcing.
    button.click(trial=True, timeout=5000)
    for other in page.locator('.modal .modal-footer button:visible').all():
        assert other.evaluate(ON_TOP), 'something covers %s' % other.inner_text()
