"""The requester's portal in a real browser: file a ticket, follow it, be told what is wrong.

The demo portal user (Dinas Kesehatan) works in Indonesian.
"""
import re
import time

from conftest import URL
from test_login import login

FORM = 'form.o_tik_ticket_form'


def open_the_form(page):
    login(page, URL, 'pengguna.portal')
    page.wait_for_url(URL + '/my**', timeout=30000)
    page.click('a[href="/my/layanan-tik"]')
    page.wait_for_selector('table.o_tik_tickets', timeout=30000)
    page.click('a.o_tik_new_ticket')
    page.wait_for_selector(FORM, timeout=30000)


def fill_the_form(page, subject, phone):
    page.fill(FORM + ' input[name=name]', subject)
    page.fill(FORM + ' textarea[name=description]',
              'Aplikasi SIMPUS menampilkan galat 502 sejak pukul 08.00.')
    # The first service of the catalogue offered in the portal.
    page.select_option(FORM + ' select[name=service_id]', index=1)
    page.fill(FORM + ' input[name=phone]', phone)


def test_portal_user_files_a_ticket_and_follows_it(page):
    open_the_form(page)
    # The demo unit's tickets are listed; the form offers published services only.
    assert page.locator(FORM + ' select[name=service_id] option').count() > 1
    subject = 'Uji portal %d: SIMPUS tidak bisa dibuka' % time.time()
    fill_the_form(page, subject, '0812-3456-7890')
    page.set_input_files(FORM + ' input[name=attachment]', files=[
        {'name': 'galat.txt', 'mimeType': 'text/plain', 'buffer': b'502 Bad Gateway'}])
    page.click(FORM + ' button[type=submit]')

    page.wait_for_url(re.compile(r'.*/my/layanan-tik/\d+$'), timeout=30000)
    assert re.fullmatch(r'TIK/\d{4}/\d{5}', page.text_content('.o_tik_number').strip())
    state = page.locator('.o_tik_ticket .o_tik_state')
    assert state.get_attribute('data-state') == 'new'
    assert state.text_content().strip() == 'Baru'
    assert subject in page.text_content('.o_tik_subject')
    assert 'galat.txt' in page.text_content('.o_tik_attachments')
    assert page.locator('.o_tik_journal tbody tr').count() == 2

    # The chatter loads, and the requester can comment.
    page.wait_for_selector('.o_portal_chatter_composer_form textarea[name=message]',
                           timeout=30000)
    page.fill('.o_portal_chatter_composer_form textarea[name=message]',
              'Nomor yang bisa dihubungi: 0812-3456-7890.')
    page.click('.o_portal_chatter_composer_btn')
    page.wait_for_selector('.o_portal_chatter_message:has-text("Nomor yang bisa dihubungi")',
                           timeout=30000)

    # Back in the list, the new ticket is there.
    number = page.text_content('.o_tik_number').strip()
    page.goto(URL + '/my/layanan-tik')
    assert page.locator('table.o_tik_tickets a', has_text=number).count() == 1
    assert page.js_errors == []


def test_a_bad_phone_is_refused_and_what_was_typed_is_kept(page):
    open_the_form(page)
    subject = 'Uji portal %d: telepon salah' % time.time()
    fill_the_form(page, subject, '12345')
    page.click(FORM + ' button[type=submit]')

    page.wait_for_selector('.o_tik_errors', timeout=30000)
    error = page.text_content('.o_tik_errors')
    assert 'Nomor telepon "12345" tidak valid' in error
    assert page.url.endswith('/my/layanan-tik/new')
    assert page.input_value(FORM + ' input[name=name]') == subject
    assert page.input_value(FORM + ' input[name=phone]') == '12345'
    assert 'galat 502' in page.input_value(FORM + ' textarea[name=description]')
    assert page.locator(FORM + ' select[name=service_id] option:checked').get_attribute(
        'value')
    assert page.js_errors == []
