# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A mass outage in a real browser: the helpdesk marks a reported outage; a requester
sees the notice in the portal and on /layanan before filing; twenty reports of it
(two in the portal, eighteen by phone) are attached to it in one action by the helpdesk
in the backend; closing the outage tells each reporter exactly once."""
import re
import time

from conftest import DB, URL
from portal_steps import file_in_portal, login as portal_login
from test_login import login as backend_login
from test_rpc import Actor, ref

SERVICE_XMLID = 'tik_service_mgmt.service_jaringan_gangguan_demo'
SERVICE = 'Penanganan Gangguan Jaringan Internet/Intranet'
NOTICE = 'tik_service_mgmt.mt_ticket_notice'


def call(actor, model, method, *args, **kwargs):
    return actor.models.execute_kw(DB, actor.uid, actor.login, model, method, list(args),
                                   kwargs)


def test_twenty_reports_of_an_outage_attached_in_one_action(page):
    helpdesk, admin = Actor('helpdesk'), Actor('admin')
    service = ref(helpdesk, SERVICE_XMLID)
    unit = ref(helpdesk, 'tik_service_mgmt.unit_dindik_demo')
    stamp = int(time.time())

    def caller(index):
        return call(helpdesk, 'res.partner', 'create', {
            'name': 'Penelepon %d-%d' % (stamp, index), 'parent_id': unit,
            'email': 'penelepon%d.%d@uji.trenggalekkab.go.id' % (stamp, index)})

    outage = helpdesk('create', {'name': 'Jaringan kabupaten putus %d' % stamp,
                                 'channel': 'phone', 'partner_id': caller(0),
                                 'service_id': service})
    helpdesk('action_mark_outage', [outage], reason='Link utama kabupaten putus.')
    number = helpdesk('read', [outage], ['number'])[0]['number']

    # A requester sees the outage before filing: on the form and on /layanan.
    portal_login(page, 'pengguna.portal')
    page.goto(URL + '/my/layanan-tik/new')
    notice = page.locator('.o_tik_outage_notice[data-number="%s"]' % number)
    assert notice.is_visible()
    assert 'Gangguan massal sedang ditangani' in notice.inner_text()
    page.goto(URL + '/layanan')
    assert page.locator('.o_tik_service_card .o_tik_outage_notice[data-number="%s"]'
                        % number).count() == 1
    # Two reports in the portal anyway, eighteen by phone.
    reports = []
    for index in range(2):
        file_in_portal(page, 'Internet mati %d-%d' % (stamp, index), SERVICE)
        reports.append(int(re.search(r'/my/layanan-tik/(\d+)', page.url).group(1)))
    for index in range(1, 19):
        reports.append(helpdesk('create', {
            'name': 'Internet kantor mati %d-%d' % (stamp, index), 'channel': 'phone',
            'partner_id': caller(index), 'service_id': service}))
    assert len(reports) == 20
    numbers = {row['number'] for row in helpdesk('read', reports, ['number'])}
    page.context.clear_cookies()

    # The helpdesk attaches them in one action from the outage ticket.
    backend_login(page, URL, 'helpdesk')
    page.wait_for_selector('#oe_main_menu_navbar', timeout=30000)
    page.goto('%s/web#id=%d&model=tik.ticket&view_type=form' % (URL, outage))
    page.wait_for_selector('.o_form_view .o_tik_outage', timeout=30000)
    page.click('.o_form_statusbar button:has-text("Lampirkan Laporan")')
    modal = page.locator('.modal-dialog .o_form_view')
    modal.locator('.o_data_row').first.wait_for(timeout=30000)
    proposed = modal.locator('.o_data_row td:first-child').all_inner_texts()
    assert numbers <= {text.strip() for text in proposed}
    # Another new report of the service, not of this outage, is taken off the list.
    while True:
        rows = modal.locator('.o_data_row')
        others = [i for i in range(rows.count())
                  if rows.nth(i).locator('td').first.inner_text().strip() not in numbers]
        if not others:
            break
        rows.nth(others[0]).locator('.o_list_record_delete').click()
    assert modal.locator('.o_data_row').count() == 20
    modal.locator('.o_field_widget[name=reason]').fill('Gangguan massal yang sama.')
    clicked = time.time()
    page.click('.modal-footer button:has-text("Konfirmasi")')
    page.wait_for_selector('.modal-dialog', state='detached', timeout=60000)
    assert time.time() - clicked < 60
    assert page.js_errors == []
    rows = helpdesk('read', reports, ['state', 'duplicate_of_id'])
    assert {(row['state'], row['duplicate_of_id'][0]) for row in rows} == {
        ('duplicate', outage)}
    checks = admin('check_journal', reports + [outage])
    assert all(check['intact'] for check in checks), checks

    # The outage walks the SOP to its end.
    kabid, officer, kadin = Actor('kabid.infra'), Actor('petugas.infra'), Actor('kadin')
    helpdesk('action_dispatch', [outage])
    kabid('write', [outage], {'officer_id': officer.uid, 'instruction': 'Pulihkan link.'})
    kabid('action_accept', [outage])
    officer('write', [outage], {'resolution': 'Link utama pulih pukul 11.00.'})
    officer('action_report_resolution', [outage])
    kabid('action_verify', [outage])
    kadin('action_approve', [outage])
    last = call(admin, 'mail.message', 'search', [], limit=1, order='id desc')[0]
    helpdesk('action_close', [outage])

    # Each reporter is told exactly once (the outage's own reporter by its notice).
    notice_subtype = ref(admin, NOTICE)
    told = call(admin, 'mail.message', 'search_read', [
        ('id', '>', last), ('model', '=', 'tik.ticket'), ('res_id', '=', outage),
        ('subtype_id', '=', notice_subtype)], fields=['needaction_partner_ids'])
    reporters = {row['partner_id'][0] for row in admin(
        'read', reports + [outage], ['partner_id'])}
    with_email = {row['id'] for row in call(admin, 'res.partner', 'read', list(reporters),
                                            ['email']) if row['email']}
    assert with_email == reporters
    for partner in reporters:
        assert sum(partner in row['needaction_partner_ids'] for row in told) == 1, partner
    assert not Actor('pengguna.portal')('running_outages')
    # The portal requester follows the outage: its page is theirs to read.
    portal = Actor('pengguna.portal')
    assert portal('search_count', [('id', '=', outage)]) == 1
