# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The requester's portal in a real browser: file a ticket, follow it, be told what is wrong.

The demo portal user (Dinas Kesehatan) works in Indonesian. The phone tests run at
390 x 844 and keep a screenshot of each step under .local/log/screens/.
"""
import re
import time

import pytest

from conftest import DB, URL
from portal_steps import (DESKTOP, FORM, PHONE, assert_readable, file_in_portal, login,
                          overflow, shot)
from test_rpc import Actor, ref

SERVICE = 'Reset Kata Sandi E-mail Dinas'  # of Aplikasi Informatika, published


def comment(page, text):
    """Writes `text` in the ticket's chatter and waits until it shows."""
    box = '.o_portal_chatter_composer_form textarea[name=message]'
    page.wait_for_selector(box, timeout=30000)
    page.fill(box, text)
    page.click('.o_portal_chatter_composer_btn')
    page.wait_for_selector('.o_portal_chatter_message:has-text("%s")' % text[:20],
                           timeout=30000)


@pytest.fixture
def phone(page):
    page.set_viewport_size(PHONE)
    return page


@pytest.fixture(scope='module')
def actors():
    return {login_name: Actor(login_name) for login_name in (
        'helpdesk', 'kabid.aptika', 'petugas.aptika', 'kadin')}


def ticket_id(page):
    return int(re.search(r'/my/layanan-tik/(\d+)', page.url).group(1))


def visible_in_card(page, number, selector):
    card = page.locator('table.o_tik_tickets tbody tr', has_text=number)
    return card.locator(selector).first.is_visible()


def test_requester_files_on_a_phone_and_follows_the_ticket(phone, actors, capsys):
    page = phone
    login(page, 'pengguna.portal')
    subject = 'Uji ponsel %d: sandi e-mail lupa' % time.time()
    number, clicks = file_in_portal(
        page, subject, SERVICE, description='Tidak bisa masuk ke webmail sejak pagi.',
        phone='0813-3456-7890', screens='portal-phone')
    with capsys.disabled():
        print('\nportal filing on a phone: %d clicks (home entry, Tiket Baru, service, '
              'Kirim Tiket)' % clicks)
    assert clicks <= 4
    # The ticket page: the phone readable, dates without seconds, the steps not cut.
    assert '+62 813-3456-7890' in page.text_content('.o_tik_phone')
    assert not re.search(r'\d\d:\d\d:\d\d', page.inner_text('.o_tik_ticket'))
    for cell in page.locator('.o_tik_journal .o_tik_cell_step').all():
        assert cell.evaluate('e => e.scrollWidth <= e.clientWidth'), cell.text_content()
    # The filing is credited to the requester in the chatter (the portal shows only
    # comments: ask the database).
    admin = Actor('admin')
    requester = admin.models.execute_kw(
        DB, admin.uid, 'admin', 'res.users', 'search_read',
        [[('login', '=', 'pengguna.portal')]], {'fields': ['partner_id']})[0]['partner_id'][0]
    # Beside the receipt the agency sends to the requester.
    notice = ref(admin, 'tik_service_mgmt.mt_ticket_notice')
    authors = admin.models.execute_kw(
        DB, admin.uid, 'admin', 'mail.message', 'search_read',
        [[('model', '=', 'tik.ticket'), ('res_id', '=', ticket_id(page)),
          ('subtype_id', '!=', notice)]],
        {'fields': ['author_id']})
    assert authors and {a['author_id'][0] for a in authors} == {requester}
    # The receipt is in the page's discussion, in Indonesian.
    page.wait_for_selector('.o_portal_chatter_message:has-text("telah kami terima")',
                           timeout=30000)
    comment(page, 'Nomor yang bisa dihubungi: 0813-3456-7890.')
    assert_readable(page, 'portal-phone-5-comment')

    # The list is a stack of cards: number, subject, status and deadline in view.
    page.goto(URL + '/my/layanan-tik')
    page.wait_for_selector('table.o_tik_tickets', timeout=30000)
    for cell in ('.o_tik_cell_number', '.o_tik_cell_subject', '.o_tik_cell_state',
                 '.o_tik_cell_deadline'):
        assert visible_in_card(page, number, cell), cell
    assert page.locator('table.o_tik_tickets thead').is_visible() is False
    new_button = page.locator('a.o_tik_new_ticket').bounding_box()
    panel = page.locator('.o_tik_tickets').bounding_box()
    assert new_button['y'] + new_button['height'] <= panel['y']
    assert_readable(page, 'portal-phone-6-list')

    # On a desktop the list stays a table.
    page.set_viewport_size(DESKTOP)
    assert page.locator('table.o_tik_tickets thead').is_visible()
    shot(page, 'portal-desktop-list')
    assert page.js_errors == []


def test_requester_sees_the_closed_ticket_on_a_phone(phone, actors):
    page = phone
    login(page, 'pengguna.portal')
    number, _clicks = file_in_portal(page, 'Uji ponsel %d: ditutup' % time.time(), SERVICE)
    ticket = ticket_id(page)
    helpdesk, kabid = actors['helpdesk'], actors['kabid.aptika']
    officer, kadin = actors['petugas.aptika'], actors['kadin']
    helpdesk('write', [ticket], {'division_id': ref(helpdesk,
                                                    'tik_service_mgmt.division_aptika_demo')})
    helpdesk('action_dispatch', [ticket])
    kabid('write', [ticket], {'officer_id': officer.uid, 'instruction': 'Reset sandi.'})
    kabid('action_accept', [ticket])
    officer('write', [ticket], {'resolution': 'Sandi direset; pengguna sudah bisa masuk.'})
    officer('action_report_resolution', [ticket])
    kabid('action_verify', [ticket])
    kadin('action_approve', [ticket])
    helpdesk('action_close', [ticket])

    page.reload()
    state = page.locator('.o_tik_ticket .o_tik_state')
    assert state.get_attribute('data-state') == 'closed'
    assert state.text_content().strip() == 'Ditutup'
    assert 'Sandi direset' in page.text_content('.o_tik_resolution')
    assert page.locator('.o_tik_journal .o_tik_journal_line').count() == 7
    for cell in page.locator('.o_tik_journal .o_tik_cell_step').all():
        assert cell.evaluate('e => e.scrollWidth <= e.clientWidth'), cell.text_content()
    page.wait_for_selector('.o_portal_chatter textarea[name=message]', timeout=30000)
    # The discussion is no longer empty: the requester was told of each stage there
    # (receipt, division, acceptance, verified resolution, closing), with Odoo's own
    # chatter words in Indonesian too (i18n_extra).
    discussion = page.text_content('#discussion')
    assert 'telah diselesaikan dan kini ditutup' in discussion
    assert 'telah diteruskan ke' in discussion
    assert 'komentar' in discussion
    assert page.get_attribute('.o_portal_chatter textarea[name=message]',
                              'placeholder') == 'Tulis pesan...'
    assert_readable(page, 'portal-phone-7-closed')
    page.set_viewport_size(DESKTOP)
    shot(page, 'portal-desktop-closed')
    assert number in page.text_content('.o_tik_number')


def test_a_rejected_ticket_says_ditolak_and_why(phone, actors):
    page = phone
    login(page, 'pengguna.portal')
    file_in_portal(page, 'Uji ponsel %d: printer' % time.time(), SERVICE)
    ticket = ticket_id(page)
    helpdesk = actors['helpdesk']
    helpdesk('write', [ticket], {'division_id': ref(helpdesk,
                                                    'tik_service_mgmt.division_aptika_demo')})
    helpdesk('action_dispatch', [ticket])
    actors['kabid.aptika']('action_reject', [ticket],
                           reason='Printer bukan layanan TIK; hubungi subbagian umum.')
    page.reload()
    notice = page.text_content('.o_tik_reject_reason')
    assert 'Ditolak' in notice and 'hubungi subbagian umum' in notice
    assert page.locator('.o_tik_sla').count() == 0
    assert 'Terpenuhi' not in page.inner_text('.o_tik_ticket .panel-body > .row')
    assert_readable(page, 'portal-phone-8-rejected')


def test_the_form_marks_what_is_required_and_describes_the_service(phone):
    page = phone
    login(page, 'pengguna.portal')
    page.goto(URL + '/my/layanan-tik/new')
    page.wait_for_selector(FORM, timeout=30000)
    assert page.locator(FORM + ' label .o_tik_required').count() == 2
    assert page.text_content('.o_tik_service_description').strip() == ''
    page.select_option(FORM + ' select[name=service_id]', label=SERVICE)
    assert page.text_content('.o_tik_service_description').strip()
    assert overflow(page) <= 0
    # A refused form without files does not ask for them again.
    page.fill(FORM + ' input[name=name]', 'Uji ponsel: telepon salah')
    page.fill(FORM + ' input[name=phone]', '12345')
    page.click(FORM + ' button[type=submit]')
    page.wait_for_selector('.o_tik_errors', timeout=30000)
    assert page.locator('.o_tik_files_dropped').count() == 0
    assert 'Pilih kembali berkas' not in page.inner_text('body')
    assert_readable(page, 'portal-phone-9-refused')


def open_the_form(page):
    login(page, 'pengguna.portal')
    page.click('a[href="/my/layanan-tik"]')
    page.wait_for_selector('table.o_tik_tickets', timeout=30000)
    page.click('a.o_tik_new_ticket')
    page.wait_for_selector(FORM, timeout=30000)


def fill_the_form(page, subject, phone_number):
    page.fill(FORM + ' input[name=name]', subject)
    page.fill(FORM + ' textarea[name=description]',
              'Aplikasi SIMPUS menampilkan galat 502 sejak pukul 08.00.')
    # The first service of the catalogue offered in the portal.
    page.select_option(FORM + ' select[name=service_id]', index=1)
    page.fill(FORM + ' input[name=phone]', phone_number)


def test_portal_user_files_a_ticket_and_follows_it(page):
    page.set_viewport_size(DESKTOP)
    open_the_form(page)
    # The demo unit's tickets are listed; the form offers published services only.
    assert page.locator(FORM + ' select[name=service_id] option').count() > 1
    subject = 'Uji portal %d: SIMPUS tidak bisa dibuka' % time.time()
    fill_the_form(page, subject, '0812-3456-7890')
    page.set_input_files(FORM + ' input[name=attachment]', files=[
        {'name': 'galat.txt', 'mimeType': 'text/plain', 'buffer': b'502 Bad Gateway'}])
    shot(page, 'portal-desktop-form')
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
    comment(page, 'Nomor yang bisa dihubungi: 0812-3456-7890.')
    shot(page, 'portal-desktop-ticket')

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
