# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Item 9 of the desk: the date picker's tooltips and Odoo's Discuss, in Indonesian,
read in a real browser as the division head (1366 x 768)."""
from conftest import URL
from portal_steps import DESKTOP
from test_login import login

# The picker library's own English tooltips.
PICKER_ENGLISH = {'Go to today', 'Select Month', 'Previous Month', 'Next Month',
                  'Select Year', 'Close the picker', 'Clear selection'}
# Odoo's Discuss, as it ships for Indonesian.
DISCUSS_ENGLISH = ['Direct Messages', 'Public Channels', 'Private Channels',
                   'Mark all read', 'Unstar all', 'New messages appear here',
                   'Congratulations, your inbox is empty']


def as_kadin(page):
    page.set_viewport_size(DESKTOP)
    login(page, URL, 'kadin')
    page.wait_for_selector('#oe_main_menu_navbar', timeout=30000)


def test_the_date_picker_speaks_indonesian(page):
    as_kadin(page)
    page.goto(URL + '/web#action=tik_service_mgmt.tik_report_period_action')
    field = '.modal .o_field_widget[name=date_from] input'
    page.wait_for_selector(field, timeout=30000)
    page.click(field)
    page.wait_for_selector('.bootstrap-datetimepicker-widget', timeout=10000)
    titles = set(page.eval_on_selector_all(
        '.bootstrap-datetimepicker-widget [title]', 'els => els.map(e => e.title)'))
    assert titles, 'the picker shows no tooltips'
    assert not titles & PICKER_ENGLISH, titles & PICKER_ENGLISH
    assert {'Bulan Berikutnya', 'Bulan Sebelumnya'} <= titles, titles
    assert page.js_errors == []


def test_discuss_speaks_indonesian(page):
    as_kadin(page)
    page.goto(URL + '/web#action=mail.mail_channel_action_client_chat')
    page.wait_for_selector('.o_mail_chat_sidebar', timeout=30000)
    page.click('.o_mail_chat_sidebar .o_mail_chat_channel_item[data-channel-id=channel_starred]')
    page.wait_for_timeout(1000)
    text = page.inner_text('body')
    assert not [s for s in DISCUSS_ENGLISH if s in text], text
    assert 'pesan langsung' in text.lower()
    assert page.js_errors == []
