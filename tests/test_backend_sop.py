# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The whole SOP through the real web client, each actor starting from their landing page.

The happy path: the requester files in the portal on a phone, the helpdesk opens it from
the landing page and designates (the service implies the division), the Kabid accepts
choosing an officer, the officer reports, the Kabid verifies, the Kadin approves and the
helpdesk closes. Its clicks are counted per step and printed. Besides: the helpdesk filing
for a caller from the backend *Buat*, a rejection and a rework. A screenshot of each step
is kept under .local/log/screens/.
"""
import os
import re
import time

import pytest

from conftest import URL
from portal_steps import DESKTOP, PHONE, core_english_on, file_in_portal
from portal_steps import login as portal_login
from test_login import login
from test_rpc import Actor, ref

SCREENS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                       '.local', 'log', 'screens')
# The addon's own English strings: an Indonesian actor must never see one.
ENGLISH = [
    'Waiting for Me', 'Designate Division', 'Report Resolution', 'Verify Resolution',
    'Approve Closing', 'Close Ticket', 'Request Rework', 'Return to Helpdesk',
    'Choose an officer first', 'choose an officer first', 'Rework requested',
    'Reporter', 'Handling', 'Instruction to the Officer', 'Resolution Report',
    'Time Standard', 'Step Deadline', 'Check Journal', 'No ticket waits for you',
    'Step 2:', 'Step 3:', 'Step 4:', 'Step 5:', 'Step 6:', 'Step 7:', 'What Follows',
    'The ticket goes back', 'The ticket ends here', 'Output / Reason', 'Reworks',
]


class Walk(object):
    """One actor's hands on the web client: counts the clicks and keeps screenshots."""

    clicks = {}

    def __init__(self, page, step):
        self.page, self.step = page, step
        Walk.clicks.setdefault(step, 0)

    def click(self, selector, **kwargs):
        Walk.clicks[self.step] += 1
        self.page.click(selector, **kwargs)

    def fill(self, selector, text):
        # Putting the cursor in a field is a click; typing is not.
        Walk.clicks[self.step] += 1
        self.page.fill(selector, text)

    def select(self, selector, value):
        Walk.clicks[self.step] += 1
        self.page.select_option(selector, value)

    def many2one(self, name, text, create=False, scope='.o_form_view'):
        """Types `text` in the many2one `name` and picks the first match (or creates)."""
        field = '%s .o_field_widget[name=%s] input' % (scope, name)
        self.fill(field, text)
        menu = 'ul.ui-autocomplete:visible li'
        self.page.wait_for_selector(menu, timeout=10000)
        if create == 'edit':
            # "Buat dan Sunting...": the record's own form opens in a dialog.
            self.click('ul.ui-autocomplete:visible li.o_m2o_dropdown_option >> nth=-1')
        elif create:
            self.click('ul.ui-autocomplete:visible li.o_m2o_dropdown_option >> nth=0')
        else:
            self.click('ul.ui-autocomplete:visible li:not(.o_m2o_dropdown_option) a >> nth=0')
        self.page.wait_for_selector('ul.ui-autocomplete:visible', state='detached',
                                    timeout=10000)

    def shot(self, name):
        os.makedirs(SCREENS, exist_ok=True)
        self.page.screenshot(path=os.path.join(SCREENS, '%s.png' % name), full_page=True)
        self.check_language()

    def check_language(self):
        text = self.page.inner_text('body')
        english = [s for s in ENGLISH if s in text]
        assert not english, 'English on the screen of %s: %s' % (self.step, english)
        core = core_english_on(self.page)
        assert not core, "Odoo's English on the screen of %s: %s" % (self.step, core)
        assert self.page.js_errors == [], self.page.js_errors

    def wait_form(self):
        # The web client keeps a long-polling request open: wait for the form itself.
        self.page.wait_for_selector('.o_form_view .o_statusbar_status', timeout=30000)
        self.page.wait_for_timeout(700)


def land(page, user):
    """Logs in and waits for the landing page: Menunggu Tindakan Saya."""
    login(page, URL, user)
    page.wait_for_selector('.o_control_panel .breadcrumb', timeout=30000)
    page.wait_for_selector('.o_list_view, .oe_view_nocontent', timeout=30000)
    assert 'Menunggu Tindakan Saya' in page.inner_text('.o_control_panel .breadcrumb')


def open_row(walk, number):
    walk.click('.o_list_view .o_data_row:has-text("%s")' % number)
    walk.wait_form()


LABELS = {'action_dispatch': 'Tunjuk Bidang', 'action_accept': 'Terima',
          'action_report_resolution': 'Laporkan Penyelesaian',
          'action_verify': 'Setujui Hasil Penanganan', 'action_approve': 'Setujui Penutupan',
          'action_close': 'Tutup Tiket'}


CURRENT_STATE = '.o_statusbar_status button.btn-primary'


def press(walk, button):
    """A workflow button; the form comes back read-only with the next step's state."""
    before = walk.page.get_attribute(CURRENT_STATE, 'data-value')
    walk.click('.o_statusbar_buttons button:visible:text-is("%s")' % LABELS[button])
    # The form may be read-only before the click already: wait for the state to move.
    walk.page.wait_for_function(
        "([selector, before]) => { const s = document.querySelector(selector);"
        " return s && s.dataset.value !== before"
        " && document.querySelector('.o_form_view.o_form_readonly'); }",
        arg=[CURRENT_STATE, before], timeout=30000)
    walk.wait_form()


DIALOG = '.modal-dialog .o_form_view'


def confirm(walk, label):
    """A step dialog's confirm; the form comes back with the next step's state."""
    before = walk.page.get_attribute(CURRENT_STATE, 'data-value')
    walk.click('.modal-footer button:visible:has-text("%s")' % label)
    walk.page.wait_for_selector('.modal', state='detached', timeout=30000)
    walk.page.wait_for_function(
        "([selector, before]) => { const s = document.querySelector(selector);"
        " return s && s.dataset.value !== before; }",
        arg=[CURRENT_STATE, before], timeout=30000)
    walk.wait_form()


def state_of(number):
    helpdesk = Actor('helpdesk')
    ids = helpdesk('search', [('number', '=', number)])
    return helpdesk('read', ids, ['state'])[0]['state']


def ticket_id(number):
    return Actor('helpdesk')('search', [('number', '=', number)])[0]


def test_the_helpdesk_files_for_a_caller_from_the_backend(page):
    """Step 1 for a caller by phone and step 2: the helpdesk files from Buat, designates."""
    subject = 'Uji backend %d: aplikasi SIMPEG galat 500' % time.time()
    land(page, 'helpdesk')
    walk = Walk(page, 'helpdesk files for a caller')
    walk.shot('01_helpdesk_landing')
    walk.click('.o_list_button_add')
    walk.wait_form()
    assert page.locator('.o_form_view .o_field_widget[name=partner_id] input').count() == 1
    # A new caller, created with the unit he works for.
    caller = 'Pak Slamet %d' % time.time()
    walk.many2one('partner_id', caller, create='edit')
    page.wait_for_selector('.modal .o_field_widget[name=parent_id] input', timeout=30000)
    field = '.modal .o_field_widget[name=parent_id] input'
    walk.fill(field, 'Dinas Kesehatan')
    page.wait_for_selector('ul.ui-autocomplete:visible li', timeout=10000)
    walk.click('ul.ui-autocomplete:visible li:not(.o_m2o_dropdown_option) a >> nth=0')
    walk.click('.modal-footer button.btn-primary')
    page.wait_for_selector('.modal', state='detached', timeout=30000)
    page.wait_for_function(
        "(caller) => { const i = document.querySelector("
        "'.o_form_view .o_field_widget[name=partner_id] input');"
        " return i && i.value.indexOf(caller) !== -1; }", arg=caller, timeout=30000)
    # A caller on the phone is the helpdesk's usual channel: it is the default.
    assert page.input_value('.o_form_view select[name=channel]') == '"phone"'
    walk.fill('.o_form_view input[name=name]', subject)
    walk.fill('.o_form_view input[name=phone]', '0813-3456-7890')
    walk.fill('.o_form_view textarea[name=description]',
              'Aplikasi SIMPEG menampilkan galat 500 saat menyimpan data pegawai.')
    walk.many2one('service_id', 'Gangguan Aplikasi SPBE')
    # The service implies its division: the first click on Tunjuk Bidang works.
    walk.shot('02_helpdesk_new_ticket')
    press(walk, 'action_dispatch')
    number = page.text_content('.o_form_view .oe_title h1').strip()
    assert re.fullmatch(r'TIK/\d{4}/\d{5}', number)
    assert state_of(number) == 'analysis'
    assert 'Aplikasi Informatika' in page.inner_text(
        '.o_form_view .o_field_widget[name=division_id]')
    assert '+62 813-3456-7890' in page.inner_text('.o_form_view')
    assert 'Dinas Kesehatan' in page.inner_text('.o_form_view .o_field_widget[name=unit_id]')
    walk.shot('03_helpdesk_dispatched')


def test_the_whole_sop_in_the_web_client(page, capsys):
    Walk.clicks = {}
    subject = 'Uji SOP %d: aplikasi SIMPEG galat 500' % time.time()

    # Step 1: the requester files in the portal, on a phone.
    page.set_viewport_size(PHONE)
    portal_login(page, 'pengguna.portal')
    number, clicks = file_in_portal(
        page, subject, 'Penanganan Gangguan Aplikasi SPBE',
        description='Aplikasi SIMPEG menampilkan galat 500 saat menyimpan data pegawai.',
        phone='0813-3456-7890', screens='sop-portal-phone')
    Walk.clicks['1 requester files (portal, phone)'] = clicks
    assert state_of(number) == 'new'
    page.context.clear_cookies()
    page.set_viewport_size(DESKTOP)

    # Step 2: the helpdesk opens it from the landing page and designates; the service
    # the requester chose implies the division.
    land(page, 'helpdesk')
    walk = Walk(page, '2 helpdesk designates')
    open_row(walk, number)
    walk.shot('03_helpdesk_portal_ticket')
    press(walk, 'action_dispatch')
    assert state_of(number) == 'analysis'
    assert 'Aplikasi Informatika' in page.inner_text(
        '.o_form_view .o_field_widget[name=division_id]')
    assert '+62 813-3456-7890' in page.inner_text('.o_form_view')
    walk.shot('03_helpdesk_dispatched')
    page.context.clear_cookies()

    # Step 3: the Kabid sees the to-do today and accepts, choosing his officer.
    land(page, 'kabid.aptika')
    walk = Walk(page, '3 Kabid accepts')
    # The activity counter counts the to-do: it is due today.
    page.wait_for_function(
        "() => { const c = document.querySelector("
        "'.o_mail_navbar_item:has(.fa-clock-o) .o_notification_counter');"
        " return c && parseInt(c.textContent || '0') > 0; }", timeout=30000)
    walk.shot('04_kabid_landing')
    open_row(walk, number)
    # Terima opens the step's dialog: the division's officer, the instruction.
    walk.click('.o_statusbar_buttons button:visible:text-is("Terima")')
    page.wait_for_selector(DIALOG, timeout=30000)
    officer = page.input_value(DIALOG + ' .o_field_widget[name=officer_id] input')
    if 'Andi' not in officer:
        walk.many2one('officer_id', 'Andi', scope=DIALOG)
    walk.fill(DIALOG + ' textarea[name=instruction]',
              'Periksa log aplikasi dan basis data SIMPEG.')
    walk.shot('05_kabid_analysis')
    confirm(walk, 'Terima')
    assert state_of(number) == 'in_progress'
    page.context.clear_cookies()

    # Step 4: the officer reports the resolution.
    land(page, 'petugas.aptika')
    walk = Walk(page, '4 officer reports')
    walk.shot('06_officer_landing')
    open_row(walk, number)
    walk.click('.o_statusbar_buttons button:visible:text-is("Laporkan Penyelesaian")')
    page.wait_for_selector(DIALOG, timeout=30000)
    walk.fill(DIALOG + ' textarea[name=resolution]',
              'Indeks basis data dibangun ulang; penyimpanan data pegawai normal kembali.')
    walk.shot('07_officer_in_progress')
    confirm(walk, 'Laporkan Penyelesaian')
    assert state_of(number) == 'verification'
    page.context.clear_cookies()

    # Step 5: the Kabid verifies.
    land(page, 'kabid.aptika')
    walk = Walk(page, '5 Kabid verifies')
    open_row(walk, number)
    walk.shot('08_kabid_verification')
    press(walk, 'action_verify')
    assert state_of(number) == 'approval'
    page.context.clear_cookies()

    # Step 6: the Kadin approves closing.
    land(page, 'kadin')
    walk = Walk(page, '6 Kadin approves')
    walk.shot('09_kadin_landing')
    open_row(walk, number)
    walk.shot('10_kadin_approval')
    press(walk, 'action_approve')
    assert state_of(number) == 'approved'
    page.context.clear_cookies()

    # Step 7: the helpdesk closes.
    land(page, 'helpdesk')
    walk = Walk(page, '7 helpdesk closes')
    open_row(walk, number)
    press(walk, 'action_close')
    assert state_of(number) == 'closed'
    # Times read to the minute; an ended ticket shows no empty rows of a running step.
    closed = page.inner_text('.o_form_view .o_field_widget[name=date_closed]').strip()
    assert re.fullmatch(r'\d\d/\d\d/\d{4} \d\d:\d\d', closed), closed
    for label in ('Tahapan SOP Saat Ini', 'Tenggat Tahapan'):
        assert page.locator('.o_form_view label:visible:text-is("%s")' % label).count() == 0
    page.click('.o_notebook a:has-text("Jurnal")')
    walk.shot('11_helpdesk_closed_journal')

    total = sum(Walk.clicks.values())
    with capsys.disabled():
        print('\nClicks of the happy path, per step:')
        for step, count in Walk.clicks.items():
            print('  %-36s %2d' % (step, count))
        print('Clicks of the happy path in all: %d (target: <= 25)' % total)
    assert total <= 25


def ticket_in(state):
    """A ticket of the Aptika division brought to `state` over RPC."""
    requester, helpdesk = Actor('pengguna'), Actor('helpdesk')
    kabid, officer = Actor('kabid.aptika'), Actor('petugas.aptika')
    ticket = requester('create', {'name': 'Uji %s %d' % (state, time.time()),
                                  'description': 'Akun e-mail dinas terkunci.'})
    helpdesk('write', [ticket], {'service_id': ref(
        helpdesk, 'tik_service_mgmt.service_email_reset_demo')})
    helpdesk('action_dispatch', [ticket])
    if state != 'analysis':
        kabid('write', [ticket], {'officer_id': officer.uid, 'instruction': 'Reset.'})
        kabid('action_accept', [ticket])
        officer('write', [ticket], {'resolution': 'Sandi direset.'})
        officer('action_report_resolution', [ticket])
    return helpdesk('read', [ticket], ['number'])[0]['number']


def reason_dialog(walk, button, reason):
    walk.click('.o_statusbar_buttons button:visible:has-text("%s")' % button)
    walk.page.wait_for_selector('.modal textarea', timeout=30000)
    text = walk.page.inner_text('.modal')
    walk.fill('.modal textarea', reason)
    walk.shot('%s_dialog' % re.sub(r'\W+', '_', button.lower()))
    walk.click('.modal-footer button.btn-primary')
    walk.page.wait_for_selector('.modal', state='detached', timeout=30000)
    walk.wait_form()
    return text


def test_the_kabid_rejects_and_the_dialog_says_what_follows(page):
    number = ticket_in('analysis')
    land(page, 'kabid.aptika')
    walk = Walk(page, 'reject')
    open_row(walk, number)
    text = reason_dialog(walk, 'Tolak', 'Bukan layanan bidang kami.')
    assert 'ditolak' in text.lower()
    assert state_of(number) == 'rejected'
    walk.shot('12_rejected')


def test_a_rework_shows_its_reason_to_the_officer_first(page):
    number = ticket_in('verification')
    land(page, 'kabid.aptika')
    walk = Walk(page, 'rework')
    open_row(walk, number)
    text = reason_dialog(walk, 'Minta Perbaikan', 'Lampirkan tangkapan layar uji masuk.')
    assert 'petugas' in text.lower()
    assert state_of(number) == 'in_progress'
    page.context.clear_cookies()

    land(page, 'petugas.aptika')
    walk = Walk(page, 'rework officer')
    # The list marks the reworked ticket; the form opens on the reason.
    row = page.locator('.o_list_view .o_data_row:has-text("%s")' % number)
    assert 'text-info' in (row.get_attribute('class') or '')
    open_row(walk, number)
    alert = page.inner_text('.o_form_view .o_tik_rework')
    assert 'Lampirkan tangkapan layar uji masuk.' in alert
    walk.shot('13_officer_rework')


@pytest.mark.parametrize('user', ['pengguna', 'helpdesk', 'kabid.aptika',
                                  'petugas.aptika', 'kadin'])
def test_every_actor_lands_on_the_tickets_waiting_for_them(page, user):
    land(page, user)
    walk = Walk(page, 'landing')
    walk.shot('00_landing_%s' % user.replace('.', '_'))
    # Tickets come from the workflow: no import, and a ticket is never duplicated.
    assert page.locator('.o_button_import').count() == 0


def test_the_requester_files_from_the_backend_for_themselves(page):
    land(page, 'pengguna')
    walk = Walk(page, 'requester files')
    walk.click('.o_list_button_add')
    walk.wait_form()
    # The reporter is the requester: no choice of someone else, no channel.
    assert page.locator('.o_form_view .o_field_widget[name=partner_id] input').count() == 0
    assert page.locator('.o_form_view select[name=channel]').count() == 0
    walk.fill('.o_form_view input[name=name]', 'Uji pengguna %d' % time.time())
    walk.click('.o_form_button_save')
    page.wait_for_selector('.o_form_view.o_form_readonly', timeout=30000)
    number = page.text_content('.o_form_view .oe_title h1').strip()
    assert state_of(number) == 'new'
    walk.shot('14_requester_filed')


def test_the_kadins_kanban_shows_his_column(page):
    land(page, 'kadin')
    action = ref(Actor('kadin'), 'tik_service_mgmt.tik_ticket_action')
    page.set_viewport_size({'width': 1366, 'height': 768})
    page.goto('%s/web#action=%d' % (URL, action))
    page.wait_for_selector('.o_kanban_view .o_kanban_group', timeout=30000)
    page.wait_for_timeout(1000)
    column = page.locator('.o_kanban_group:not(.o_column_folded)'
                          ':has(.o_column_title:has-text("Persetujuan"))').first
    box = column.bounding_box()
    assert box and box['x'] + box['width'] <= 1366
    assert page.locator('.o_kanban_group.o_column_folded').count() >= 2
    assert page.locator('.o_button_import').count() == 0
    Walk(page, 'kanban').shot('15_kadin_kanban')


def test_the_journal_graph_names_its_controls_in_indonesian(page):
    land(page, 'kadin')
    action = ref(Actor('kadin'), 'tik_service_mgmt.tik_ticket_step_action')
    page.goto('%s/web#action=%d&view_type=graph' % (URL, action))
    page.wait_for_selector('.o_graph_svg_container .nv-controlsWrap text', timeout=30000)
    controls = page.text_content('.o_graph_svg_container .nv-controlsWrap')
    assert 'Dikelompokkan' in controls and 'Bertumpuk' in controls, controls
    assert 'Grouped' not in controls and 'Stacked' not in controls
    # The controls still work: Bertumpuk stacks the bars.
    page.click('.nv-controlsWrap .nv-series:has-text("Bertumpuk")')
    page.wait_for_timeout(500)
    Walk(page, 'graph').shot('16_kadin_graph')
