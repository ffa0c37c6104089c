# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A wait for the requester in a real browser: the officer puts the ticket on hold from
the form, the requester on a 390 px phone reads the question and answers it in the
portal, the clock runs again, and the Ticket Record prints the wait."""
import re
import time

from conftest import DB, URL
from portal_steps import DESKTOP, PHONE, assert_readable, file_in_portal, login, shot
from test_portal_browser import SERVICE, comment, ticket_id
from test_rpc import Actor, ref

QUESTION = 'Mohon kirim alamat e-mail dinas yang terkunci dan nomor NIP Anda.'
ANSWER = 'E-mail: budi@dinkes.trenggalekkab.go.id, NIP 198001012005011001.'


def backend_login(page, user):
    page.goto(URL + '/web/login')
    page.fill('input[name=login]', user)
    page.fill('input[name=password]', user)
    page.click('button[type=submit]')
    page.wait_for_selector('#oe_main_menu_navbar', timeout=30000)


def test_officer_holds_requester_answers_on_a_phone(browser):
    page = browser.new_page()
    errors = []
    page.on('pageerror', lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    try:
        # The requester files in the portal; the helpdesk and the Kabid pass it on.
        page.set_viewport_size(PHONE)
        login(page, 'pengguna.portal')
        file_in_portal(page, 'Uji tunda %d: e-mail terkunci' % time.time(), SERVICE)
        ticket = ticket_id(page)
        browser.clear_cookies()
        helpdesk, kabid = Actor('helpdesk'), Actor('kabid.aptika')
        officer = Actor('petugas.aptika')
        helpdesk('write', [ticket], {'division_id': ref(
            helpdesk, 'tik_service_mgmt.division_aptika_demo')})
        helpdesk('action_dispatch', [ticket])
        kabid('write', [ticket], {'officer_id': officer.uid, 'instruction': 'Buka akun.'})
        kabid('action_accept', [ticket])
        deadline = officer('read', [ticket], ['date_deadline'])[0]['date_deadline']

        # The officer puts it on hold from the form, with the question.
        page.set_viewport_size(DESKTOP)
        backend_login(page, 'petugas.aptika')
        page.wait_for_selector('.o_list_view, .oe_view_nocontent, .o_kanban_view',
                               timeout=30000)
        page.goto('%s/web#id=%d&model=tik.ticket&view_type=form' % (URL, ticket))
        page.wait_for_selector('.o_form_view .o_statusbar_status', timeout=30000)
        page.click('.o_statusbar_buttons button:has-text("Tunda")')
        page.wait_for_selector('.modal textarea[name=reason]', timeout=30000)
        page.fill('.modal textarea[name=reason]', QUESTION)
        page.click('.modal-footer button.btn-primary')
        page.wait_for_selector('.o_tik_waiting:has-text("Menunggu Pemohon")', timeout=30000)
        assert QUESTION in page.text_content('.o_tik_waiting')
        assert page.locator('.o_statusbar_buttons button:has-text("Lanjutkan")').is_visible()
        shot(page, 'hold-backend-form')
        assert officer('read', [ticket], ['waiting_for'])[0]['waiting_for'] == 'requester'
        browser.clear_cookies()

        # The requester, on a phone, reads the question and answers it.
        page.set_viewport_size(PHONE)
        login(page, 'pengguna.portal')
        page.goto('%s/my/layanan-tik/%d' % (URL, ticket))
        hold = page.wait_for_selector('.o_tik_hold', timeout=30000)
        assert QUESTION in hold.text_content()
        assert 'Menunggu Pemohon' in hold.text_content()
        assert page.locator('.o_tik_waiting_label').first.is_visible()
        assert_readable(page, 'hold-phone-1-question')
        comment(page, ANSWER)

        # The clock runs again; the deadline moved by the working time waited.
        values = officer('read', [ticket], ['waiting_for', 'date_deadline'])[0]
        assert values['waiting_for'] is False
        assert values['date_deadline'] >= deadline
        page.reload()
        page.wait_for_selector('.o_tik_journal', timeout=30000)
        assert page.locator('.o_tik_hold').count() == 0
        events = page.eval_on_selector_all(
            '.o_tik_journal .o_tik_event', 'els => els.map(e => e.dataset.event)')
        assert events == ['hold', 'resume']
        assert QUESTION in page.text_content('.o_tik_journal')
        assert_readable(page, 'hold-phone-2-answered')

        # The printout shows the wait and keeps verifying.
        page.goto('%s/report/html/tik_service_mgmt.report_ticket/%d' % (URL, ticket))
        page.wait_for_selector('.tik_waited', timeout=30000)
        assert re.match(r'^\d+,\d\d$', page.text_content('.tik_waited').strip())
        printed = page.eval_on_selector_all(
            '.tik_journal [data-event]', 'els => els.map(e => e.dataset.event)')
        assert printed == ['hold', 'resume']
        assert page.locator('.tik_intact').count() == 1
        admin = Actor('admin')
        verdict = admin.models.execute_kw(DB, admin.uid, 'admin', 'tik.ticket',
                                          'check_journal', [[ticket]])[0]
        assert verdict['intact'], verdict
        shot(page, 'hold-printout')
        assert errors == []
    finally:
        browser.clear_cookies()
        page.close()
