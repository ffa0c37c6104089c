# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The public service standards (/layanan) in a real browser: a visitor who is not signed
in reads them on a phone (390 px) without sideways scrolling, and files from a card."""
import re

from conftest import URL
from portal_steps import PHONE, assert_readable, overflow

PUBLISHED = 'Pembuatan Sub Domain trenggalekkab.go.id'
INTERNAL = 'Perubahan Rekaman DNS'  # of the demo catalogue, not published


def test_a_visitor_reads_the_service_standards_on_a_phone(page):
    page.set_viewport_size(PHONE)
    page.goto(URL + '/layanan')
    page.wait_for_selector('.o_tik_service_card', timeout=30000)
    assert_readable(page, 'catalogue-phone-1')
    assert overflow(page) <= 0
    text = page.inner_text('main')
    assert PUBLISHED in text
    assert INTERNAL not in text
    card = page.locator('.o_tik_service_card', has_text=PUBLISHED)
    # Its time standard (steps 2-7 with the SOP's own step 4: 8 working days), its
    # requirements, cost and SOP, readable in Indonesian.
    assert re.search(r'8\s+hari kerja', card.locator('.o_tik_time_standard').inner_text())
    assert 'Surat permohonan' in card.locator('.o_tik_requirements').inner_text()
    assert card.locator('.o_tik_cost').inner_text().strip() == 'Gratis'
    assert '060/021/406.020/2023' in card.locator('.o_tik_sop').inner_text()
    for element in page.locator('.o_tik_service_card').all():
        assert element.evaluate('e => e.scrollWidth <= e.clientWidth + 1')
    # Filing from a card asks to sign in first, then opens the form for that service.
    card.locator('a.o_tik_file_service').click()
    page.wait_for_url(re.compile(r'.*/web/login.*'), timeout=30000)
    page.fill('input[name=login]', 'pengguna.portal')
    page.fill('input[name=password]', 'pengguna.portal')
    page.click('button[type=submit]')
    page.wait_for_selector('form.o_tik_ticket_form', timeout=30000)
    chosen = page.eval_on_selector(
        '#tik_service_id', 'e => e.options[e.selectedIndex].text')
    assert chosen == PUBLISHED
    assert_readable(page, 'catalogue-phone-2-form')
