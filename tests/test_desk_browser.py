# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Working a queue at the service desk, in a real browser: each actor at their viewport
(the requester on a 390 x 844 phone, the others at 1366 x 768), in Indonesian.

Every test files its own tickets over XML-RPC (or in the portal) and walks them as the
demo actors do; a screenshot of each screen is kept under .local/log/screens/.
"""
import re
import time

import pytest

from conftest import URL
from portal_steps import (CORE_ENGLISH, DESKTOP, PHONE, file_in_portal, shot,
                          FORM as PORTAL_FORM, login as portal_login)
from test_login import login
from test_rpc import Actor, ref

SERVICE = 'Reset Kata Sandi E-mail Dinas'  # of Aplikasi Informatika, published
SERVICE_XMLID = 'tik_service_mgmt.service_email_reset_demo'
FORM = '.o_form_view .o_statusbar_status'
DIALOG = '.modal-dialog .o_form_view'
LANDING = '.o_list_view, .oe_view_nocontent'
WARNING_DIALOG = '.modal:has(.o_dialog_warning)'


@pytest.fixture(scope='module')
def actors():
    return {login_name: Actor(login_name) for login_name in (
        'pengguna', 'helpdesk', 'kabid.aptika', 'petugas.aptika')}


def filed(actors, subject, state='new'):
    """A ticket of the demo requester, walked to `state` (new, analysis, in_progress)."""
    ticket = actors['pengguna']('create', {'name': subject,
                                           'description': 'Uji antrean %s.' % subject})
    if state == 'new':
        return ticket
    helpdesk, kabid = actors['helpdesk'], actors['kabid.aptika']
    helpdesk('write', [ticket], {'service_id': ref(helpdesk, SERVICE_XMLID)})
    helpdesk('action_dispatch', [ticket])
    if state == 'analysis':
        return ticket
    kabid('write', [ticket], {'officer_id': actors['petugas.aptika'].uid,
                              'instruction': 'Reset sandi.'})
    kabid('action_accept', [ticket])
    return ticket


def backend(page, login_name):
    page.set_viewport_size(DESKTOP)
    login(page, URL, login_name)
    page.wait_for_selector('#oe_main_menu_navbar', timeout=30000)
    page.wait_for_selector(LANDING, timeout=30000)


def open_ticket(page, ticket):
    page.goto('%s/web#id=%d&model=tik.ticket&view_type=form' % (URL, ticket))
    page.wait_for_selector(FORM, timeout=30000)


def button(page, label):
    return page.locator('.o_statusbar_buttons button:visible', has_text=label).first


def in_view(page, selector):
    """Whether the element is inside the window without scrolling."""
    box = page.locator(selector).first.bounding_box()
    return box and box['y'] >= 0 and box['y'] + box['height'] <= DESKTOP['height']


def breadcrumbs(page):
    return [li.strip() for li in page.locator(
        '.o_control_panel .breadcrumb li').all_inner_texts()]


def pager(page):
    return (page.inner_text('.o_pager_value').strip(),
            page.inner_text('.o_pager_limit').strip())


def choose(page, field, text):
    """Chooses `text` in the many2one `field` of the open dialog."""
    page.fill('.modal .o_field_widget[name=%s] input' % field, text)
    page.click('ul.ui-autocomplete li a:has-text("%s")' % text, timeout=10000)


def test_the_requesters_file_and_comment_reach_the_holder(page, actors):
    """Items 1 and 2: the file sent in the portal is on the backend ticket, to download;
    the requester's comment reaches the helpdesk (who holds step 2) in the inbox and as
    a to-do; the portal says who holds the ticket."""
    page.set_viewport_size(PHONE)
    portal_login(page, 'pengguna.portal')
    subject = 'Uji lampiran %d' % time.time()
    png = {'name': 'layar-galat.png', 'mimeType': 'image/png', 'buffer': b'\x89PNG uji'}
    file_in_portal(page, subject, SERVICE, files=[png])
    holder = page.locator('.o_tik_holder')
    assert 'Helpdesk' in holder.inner_text() and 'Dewi Lestari' in holder.inner_text()
    box = '.o_portal_chatter_composer_form textarea[name=message]'
    page.fill(box, 'Sekarang internet mati total.')
    page.click('.o_portal_chatter_composer_btn')
    page.wait_for_selector('.o_portal_chatter_message:has-text("mati total")', timeout=30000)
    shot(page, 'desk-portal-holder')
    ticket = int(page.url.split('/my/layanan-tik/')[1].split('?')[0].split('#')[0])
    page.context.clear_cookies()

    backend(page, 'helpdesk')
    open_ticket(page, ticket)
    link = page.locator('.o_form_view .o_field_widget[name=file_ids] a',
                        has_text='layar-galat.png').first
    assert link.is_visible()
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == 'layar-galat.png'
    chatter = page.inner_text('.o_chatter')
    assert 'Sekarang internet mati total.' in chatter
    assert 'Baca komentar pemohon' in chatter
    shot(page, 'desk-helpdesk-file-comment')
    assert page.js_errors == []


def test_one_word_finds_tickets_and_nothing_says_so(page, actors):
    """Item 3: a word of the service, the subject or the description is searched at once;
    an empty result says so in Indonesian."""
    subject = 'Uji cari %d' % time.time()
    filed(actors, subject)
    backend(page, 'helpdesk')
    action = ref(actors['helpdesk'], 'tik_service_mgmt.tik_ticket_action')
    page.goto('%s/web#action=%d&view_type=list' % (URL, action))
    page.wait_for_selector('.o_list_view', timeout=30000)
    # A word of the description alone.
    page.type('.o_searchview_input', 'antrean %s' % subject)
    first = page.locator('.o_searchview_autocomplete li').first
    first.wait_for(timeout=10000)
    assert first.inner_text().startswith('Cari Tiket'), first.inner_text()
    page.keyboard.press('Enter')
    page.wait_for_function(
        "document.querySelectorAll('.o_list_view tr.o_data_row').length == 1",
        timeout=30000)
    assert subject in page.inner_text('.o_list_view tr.o_data_row')
    page.click('.o_searchview .o_facet_remove >> nth=-1')
    page.type('.o_searchview_input', 'tidakadakatainiditiketmanapun')
    page.keyboard.press('Enter')
    page.wait_for_selector('.oe_view_nocontent', timeout=30000)
    assert 'Tidak ada tiket yang cocok' in page.inner_text('.oe_view_nocontent')
    shot(page, 'desk-search-empty')
    assert page.js_errors == []


def test_the_kabid_accepts_in_a_dialog_and_stays_in_the_queue(page, actors):
    """Items 4 and 6: Terima opens the step's inputs in a dialog, in view without
    Sunting; after it the Kabid is still in Menunggu Tindakan Saya, with its pager."""
    subjects = ['Uji antrean Kabid %d-%d' % (time.time(), n) for n in (1, 2)]
    for subject in subjects:
        filed(actors, subject, 'analysis')
    backend(page, 'kabid.aptika')
    page.click('.o_list_view tr.o_data_row:has-text("%s")' % subjects[1])
    page.wait_for_selector(FORM, timeout=30000)
    position, total = pager(page)
    assert int(total) >= 2
    crumbs = breadcrumbs(page)
    assert crumbs[0] == 'Menunggu Tindakan Saya'
    assert page.locator('.o_form_readonly').count() == 1
    button(page, 'Terima').click()
    page.wait_for_selector(DIALOG, timeout=30000)
    for field in ('officer_id', 'instruction'):
        assert in_view(page, '.modal .o_field_widget[name=%s]' % field), field
    choose(page, 'officer_id', 'Andi Pratama')
    page.fill('.modal .o_field_widget[name=instruction]', 'Reset sandi hari ini.')
    shot(page, 'desk-kabid-accept-dialog')
    page.click('.modal-footer button:visible:has-text("Terima")')
    page.wait_for_selector('.o_statusbar_status .btn-primary:has-text("Dalam Proses")',
                           timeout=30000)
    assert page.locator('.modal-dialog').count() == 0
    assert breadcrumbs(page) == crumbs
    assert pager(page) == (position, total)
    assert page.locator('.o_form_readonly').count() == 1
    shot(page, 'desk-kabid-after-accept')
    assert page.js_errors == []


def test_the_officer_reports_in_a_dialog(page, actors):
    """Item 6: the officer's resolution is typed in the step's dialog, in view, without
    Sunting; the ticket goes to verification and the officer stays where they were."""
    subject = 'Uji antrean petugas %d' % time.time()
    ticket = filed(actors, subject, 'in_progress')
    backend(page, 'petugas.aptika')
    page.click('.o_list_view tr.o_data_row:has-text("%s")' % subject)
    page.wait_for_selector(FORM, timeout=30000)
    crumbs = breadcrumbs(page)
    shot(page, 'desk-officer-ticket')
    button(page, 'Laporkan Penyelesaian').click()
    page.wait_for_selector(DIALOG, timeout=30000)
    box = '.modal .o_field_widget[name=resolution]'
    assert in_view(page, box)
    assert page.evaluate('document.activeElement.getAttribute("name")') == 'resolution'
    page.keyboard.type('Sandi direset; pengguna sudah bisa masuk.')
    page.click('.modal-footer button:visible:has-text("Laporkan Penyelesaian")')
    page.wait_for_selector('.o_statusbar_status .btn-primary:has-text("Verifikasi")',
                           timeout=30000)
    assert breadcrumbs(page) == crumbs
    row = actors['petugas.aptika']('read', [ticket], ['state', 'resolution'])[0]
    assert row['state'] == 'verification' and row['resolution'].startswith('Sandi direset')
    assert page.js_errors == []


def test_a_refusal_is_a_warning_in_indonesian_and_keeps_the_input(page, actors):
    """Item 5: a value the server refuses is a warning titled Peringatan, never
    "Odoo Server Error", and what was typed stays in the form."""
    ticket = filed(actors, 'Uji peringatan %d' % time.time())
    backend(page, 'helpdesk')
    open_ticket(page, ticket)
    page.click('.o_form_button_edit')
    page.fill('.o_field_widget[name=phone]', '123')
    page.click('.o_form_button_save')
    page.wait_for_selector(WARNING_DIALOG, timeout=30000)
    title = page.inner_text('.modal .modal-title').strip()
    assert title == 'Peringatan', title
    assert 'tidak valid' in page.inner_text('.modal .o_dialog_warning')
    assert not [s for s in CORE_ENGLISH if s in page.inner_text('.modal')]
    shot(page, 'desk-warning')
    page.click('.modal .modal-footer button')
    assert page.input_value('.o_field_widget[name=phone]') == '123'
    assert page.js_errors == []


def test_the_helpdesk_files_for_a_new_caller_in_a_short_form(page, actors):
    """Item 7: the reporter starts empty; a new caller is a short form (name, unit of
    the agency, phone, e-mail), no unit is created there, Odoo's demo partners are not
    offered; the caller's phone comes to the ticket."""
    backend(page, 'helpdesk')
    page.click('.o_list_button_add')
    page.wait_for_selector('.o_form_editable', timeout=30000)
    reporter = '.o_field_widget[name=partner_id] input'
    assert page.input_value(reporter) == ''
    assert page.locator(reporter).bounding_box()['width'] >= 280
    page.fill(reporter, 'Agrolait')
    page.wait_for_selector('ul.ui-autocomplete li', timeout=10000)
    offered = page.inner_text('ul.ui-autocomplete')
    assert 'Agrolait' not in offered.replace('Agrolait"', '')
    name = 'Budi Penelepon %d' % time.time()
    page.fill(reporter, name)
    page.wait_for_timeout(1000)
    page.click('ul.ui-autocomplete li a:has-text("Buat dan Ubah")', timeout=10000)
    page.wait_for_selector(DIALOG, timeout=30000)
    page.fill('.modal .o_field_widget[name=name]', name)
    labels = [label.strip() for label in
              page.locator('.modal .o_form_label:visible').all_inner_texts()]
    assert labels == ['Nama', 'Unit Kerja (OPD)', 'Telepon', 'Email'], labels
    unit = '.modal .o_field_widget[name=parent_id] input'
    page.fill(unit, 'Agrolait')
    page.wait_for_timeout(1500)
    items = page.locator('ul.ui-autocomplete:visible li').all_inner_texts()
    assert not [item for item in items if 'Agrolait' in item or 'Buat' in item], items
    page.fill(unit, 'Dinas Pendidikan')
    page.click('ul.ui-autocomplete li a:has-text("Dinas Pendidikan")', timeout=10000)
    page.fill('.modal .o_field_widget[name=mobile]', '0813-1111-2222')
    page.fill('.modal .o_field_widget[name=email]', 'budi@contoh.go.id')
    shot(page, 'desk-new-caller')
    page.click('.modal-footer button.btn-primary')
    page.wait_for_selector('.modal-dialog', state='detached', timeout=30000)
    page.wait_for_function(
        "(name) => document.querySelector('.o_field_widget[name=partner_id] input')"
        ".value.includes(name)", arg=name, timeout=10000)
    page.wait_for_function(
        "document.querySelector('.o_field_widget[name=phone]').value != ''", timeout=10000)
    assert page.input_value('.o_field_widget[name=phone]') == '0813-1111-2222'
    page.fill('.o_field_widget[name=name]', 'Uji penelepon')
    page.click('.o_form_button_save')
    page.wait_for_selector('.o_form_readonly', timeout=30000)
    assert '+62 813-1111-2222' in page.inner_text('.o_form_view')
    assert 'Dinas Pendidikan' in page.inner_text('.o_field_widget[name=unit_id]')
    assert page.js_errors == []


ENGLISH_MONTHS = re.compile(r'\b(January|February|March|May|June|July|August|October|'
                            r'December)\b|\d (am|pm)\b')


def test_no_english_on_the_portal_discussion_and_the_backend_counters(page, actors):
    """Item 9: the requester's discussion is dated in Indonesian ("Dikirim ..."), and
    the staff's to-do counters and fresh messages speak Indonesian."""
    page.set_viewport_size(PHONE)
    portal_login(page, 'pengguna.portal')
    file_in_portal(page, 'Uji tanggal %d' % time.time(), SERVICE)
    page.wait_for_selector('.o_portal_chatter_message', timeout=30000)
    text = page.inner_text('.o_portal_chatter')
    assert 'Published on' not in text and 'Dikirim' in text, text
    assert not ENGLISH_MONTHS.search(text), text
    # Day, month, year and the hour, in the order written here.
    assert re.search(r'Dikirim \d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|'
                     r'September|Oktober|November|Desember) \d{4} pukul \d{2}\.\d{2}',
                     text), text
    shot(page, 'desk-portal-dates')
    page.context.clear_cookies()

    backend(page, 'helpdesk')
    page.click('.o_mail_navbar_item:has(.fa-clock-o) > a, '
               '.o_mail_systray_item:has(.fa-clock-o) > a')
    page.wait_for_selector('.o_mail_navbar_dropdown .o_mail_channel_preview, '
                           '.o_mail_navbar_dropdown .o_activity_filter_button',
                           timeout=30000)
    counters = page.inner_text('.o_mail_navbar_dropdown:visible')
    assert not re.search(r'\b(Late|Today|Future)\b', counters), counters
    open_ticket(page, filed(actors, 'Uji pesan %d' % time.time()))
    page.click('.o_chatter_button_log_note')
    page.fill('.o_chatter .o_composer_text_field', 'Sudah saya telepon.')
    page.click('.o_chatter .o_composer_button_send')
    page.wait_for_selector('.o_thread_message:has-text("Sudah saya telepon")', timeout=30000)
    message = page.inner_text('.o_thread_message:has-text("Sudah saya telepon")')
    assert not re.search(r'\bnow\b', message), message
    assert 'baru saja' in message
    assert page.js_errors == []


def test_the_happy_path_in_clicks(page, capsys):
    """The seven steps as the five people work them, each in their own session at
    their viewport: every click counted (a login's submit, a choice in a list, a
    row's step button, a form's step button, a dialog's confirm, going back to one's
    queue later; typing is not a click). The queue's rows carry the step their reader
    takes, so most steps are one click from the landing page."""
    browser = page.context
    sessions, counted = {}, {}

    def as_person(login_name):
        """The person's own session: logs in the first time (one click), goes back
        to their queue later (one click, as on the menu)."""
        browser.clear_cookies()
        if login_name in sessions:
            browser.add_cookies(sessions[login_name])
            page.goto(URL + '/web')
        else:
            page.set_viewport_size(DESKTOP)
            login(page, URL, login_name)
        page.wait_for_selector('#oe_main_menu_navbar', timeout=30000)
        page.wait_for_selector(LANDING, timeout=30000)
        sessions[login_name] = browser.cookies()
        counted[login_name] = counted.get(login_name, 0) + 1

    def row_step(login_name, label, confirm=None, text=None):
        row = page.locator('.o_list_view tr.o_data_row', has_text=number)
        row.locator('button.o_tik_row_step:visible', has_text=label).click()
        counted[login_name] += 1
        if confirm:
            page.wait_for_selector(DIALOG, timeout=30000)
            # The dialog shows the problem, the step's inputs in front.
            assert 'Tidak bisa masuk ke webmail' in page.inner_text(DIALOG)
            page.keyboard.type(text)
            page.click('.modal-footer button:visible:has-text("%s")' % confirm)
            counted[login_name] += 1
        # Done: the row leaves the queue, which stays on screen.
        row.wait_for(state='detached', timeout=30000)
        assert page.locator('.o_list_view').count() == 1
        assert page.js_errors == []

    page.set_viewport_size(PHONE)
    portal_login(page, 'pengguna.portal')
    counted['pengguna.portal'] = 1
    page.click('.o_tik_home_new')
    page.wait_for_selector(PORTAL_FORM, timeout=30000)
    page.fill(PORTAL_FORM + ' input[name=name]', 'Uji jalur %d' % time.time())
    page.select_option(PORTAL_FORM + ' select[name=service_id]', label=SERVICE)
    page.fill(PORTAL_FORM + ' textarea[name=description]', 'Tidak bisa masuk ke webmail.')
    page.click(PORTAL_FORM + ' button[type=submit]')
    counted['pengguna.portal'] += 3
    page.wait_for_url(re.compile(r'.*/my/layanan-tik/\d+$'), timeout=30000)
    number = page.text_content('.o_tik_number').strip()

    as_person('helpdesk')
    row_step('helpdesk', 'Tunjuk Bidang')
    as_person('kabid.aptika')
    row_step('kabid.aptika', 'Terima', 'Terima', 'Reset sandi hari ini.')
    as_person('petugas.aptika')
    row_step('petugas.aptika', 'Laporkan Penyelesaian', 'Laporkan Penyelesaian',
             'Sandi direset.')
    # The Kabid reads the resolution on the form before verifying it.
    as_person('kabid.aptika')
    page.click('.o_list_view tr.o_data_row:has-text("%s")' % number)
    page.wait_for_selector(FORM, timeout=30000)
    assert 'Sandi direset.' in page.inner_text('.o_form_view')
    button(page, 'Setujui Hasil Penanganan').click()
    counted['kabid.aptika'] += 2
    page.locator('.o_statusbar_buttons button:visible',
                 has_text='Setujui Hasil Penanganan').wait_for(state='detached', timeout=30000)
    as_person('kadin')
    row_step('kadin', 'Setujui Penutupan')
    as_person('helpdesk')
    row_step('helpdesk', 'Tutup Tiket')
    browser.clear_cookies()

    total = sum(counted.values())
    with capsys.disabled():
        print('\nhappy path: %d clicks with login (%s)' % (total, ', '.join(
            '%s %d' % item for item in counted.items())))
    assert total <= 20
    actor = Actor('helpdesk')
    ticket = actor('search', [('number', '=', number)])
    assert actor('read', ticket, ['state'])[0]['state'] == 'closed'


def test_the_phone_sort_menu_opens_on_screen(page):
    """Point 10: the requester's sort menu opens inside a 390 px screen."""
    page.set_viewport_size(PHONE)
    portal_login(page, 'pengguna.portal')
    page.goto(URL + '/my/layanan-tik')
    page.click('#portal_searchbar_sortby')
    box = page.locator('#portal_searchbar_sortby + .dropdown-menu').bounding_box()
    assert box['x'] >= 0 and box['x'] + box['width'] <= PHONE['width'], box


def test_a_rejection_says_why_before_inviting_to_the_survey(page, actors):
    """Point 10: on a rejected ticket the reason comes first, the survey after it."""
    page.set_viewport_size(PHONE)
    portal_login(page, 'pengguna.portal')
    file_in_portal(page, 'Uji penolakan %d' % time.time(), SERVICE)
    ticket = int(page.url.split('/my/layanan-tik/')[1].split('?')[0].split('#')[0])
    helpdesk, kabid = actors['helpdesk'], actors['kabid.aptika']
    helpdesk('action_dispatch', [ticket])
    kabid('action_reject', [ticket], reason='Bukan layanan Diskominfo.')
    page.reload()
    reason = page.locator('.o_tik_reject_reason').bounding_box()
    invite = page.locator('.o_tik_survey_invite')
    assert invite.count() == 1
    assert invite.bounding_box()['y'] > reason['y'] + reason['height'] - 1
    assert page.js_errors == []


def test_a_closed_ticket_reads_short_on_a_phone(page, actors):
    """Point 10: on a phone, a closed ticket's page folds its steps under their title."""
    page.set_viewport_size(PHONE)
    portal_login(page, 'pengguna.portal')
    number, _clicks = file_in_portal(page, 'Uji halaman pendek %d' % time.time(), SERVICE,
                                     description='Uji antrean halaman pendek.')
    helpdesk, kabid = actors['helpdesk'], actors['kabid.aptika']
    officer = actors['petugas.aptika']
    ticket = helpdesk('search', [('number', '=', number)])[0]
    helpdesk('action_dispatch', [ticket])
    kabid('write', [ticket], {'officer_id': officer.uid, 'instruction': 'Reset sandi.'})
    kabid('action_accept', [ticket])
    officer('write', [ticket], {'resolution': 'Sandi direset.'})
    officer('action_report_resolution', [ticket])
    kabid('action_verify', [ticket])
    Actor('kadin')('action_approve', [ticket])
    helpdesk('action_close', [ticket])
    page.reload()
    page.wait_for_selector('.o_portal_chatter_message', timeout=30000)
    assert page.locator('.o_tik_state').get_attribute('data-state') == 'closed'
    assert not page.locator('.o_tik_journal').is_visible()
    assert page.locator('.o_tik_journal_line').count() == 7
    page.click('.o_tik_progress summary')
    assert page.locator('.o_tik_journal').is_visible()
    height = page.evaluate('() => document.body.scrollHeight')
    page.click('.o_tik_progress summary')
    folded = page.evaluate('() => document.body.scrollHeight')
    shot(page, 'desk-portal-closed-phone')
    assert folded < height and folded < 3500, (folded, height)
    assert page.js_errors == []
