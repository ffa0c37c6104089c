# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The survey form and the recap spreadsheet over HTTP: each refusal is shown with its
reason and changes nothing (checked over XML-RPC as admin)."""
import time
from html import unescape

import pytest

from conftest import URL
from test_http_authority import csrf_token, logged_in, rpc
from test_rpc import Actor, ref

XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'


@pytest.fixture(scope='module')
def admin():
    return Actor('admin')


def responses(admin, ticket):
    return rpc(admin, 'tik.survey.response', 'search_read', [('ticket_id', '=', ticket)],
               fields=['u1', 'u9', 'state'])


def file_ticket(session, admin):
    """A ticket filed in the portal by the session's user; its id."""
    token = csrf_token(session, '/my/layanan-tik/new')
    subject = 'Uji survei HTTP %f' % time.time()
    answer = session.post(URL + '/my/layanan-tik/new', timeout=60, data={
        'name': subject, 'csrf_token': token,
        'service_id': str(ref(admin, 'tik_service_mgmt.service_email_reset_demo'))})
    assert answer.status_code == 200, answer.text[:300]
    return rpc(admin, 'tik.ticket', 'search', [('name', '=', subject)])[0]


def post(session, ticket, **values):
    data = {'csrf_token': csrf_token(session, '/my/layanan-tik/new')}
    data.update(values)
    return session.post(URL + '/my/layanan-tik/%d/survey' % ticket, data=data,
                        timeout=60, allow_redirects=False)


def test_the_survey_form_refuses_and_then_seals(admin):
    portal = logged_in('pengguna.portal')
    ticket = file_ticket(portal, admin)
    full = {'u%d' % n: '3' for n in range(1, 10)}
    # Running: no form, the reason instead; a POST stores nothing.
    page = portal.get(URL + '/my/layanan-tik/%d/survey' % ticket, timeout=60)
    assert 'masih berjalan' in unescape(page.text) and 'o_tik_survey_form' not in page.text
    assert 'masih berjalan' in unescape(post(portal, ticket, **full).text)
    assert responses(admin, ticket) == []
    helpdesk, kabid = Actor('helpdesk'), Actor('kabid.aptika')
    helpdesk('write', [ticket], {'division_id': ref(helpdesk,
                                                    'tik_service_mgmt.division_aptika_demo')})
    helpdesk('action_dispatch', [ticket])
    kabid('action_reject', [ticket], reason='Uji survei.')
    # Someone else cannot even open it.
    other = logged_in('pengguna')
    assert other.get(URL + '/my/layanan-tik/%d/survey' % ticket, timeout=60,
                     allow_redirects=False).status_code in (302, 303)
    # A score outside 1-4, a missing element: refused, the answers kept, nothing stored.
    wrong = post(portal, ticket, **dict(full, u9='5'))
    assert wrong.status_code == 200 and 'nilai 1 sampai 4' in unescape(wrong.text)
    assert 'value="3" checked' in wrong.text
    missing = post(portal, ticket, **dict(full, u5=''))
    assert 'Pilih satu jawaban untuk Produk Spesifikasi Jenis Pelayanan' in unescape(missing.text)
    assert responses(admin, ticket) == []
    # A draft, then the answers submitted and sealed.
    assert post(portal, ticket, u1='2', save_draft='1').status_code in (302, 303)
    assert responses(admin, ticket)[0]['state'] == 'draft'
    assert post(portal, ticket, **full).status_code in (302, 303)
    assert [(r['u1'], r['u9'], r['state']) for r in responses(admin, ticket)] == [
        (3, 3, 'submitted')]
    again = post(portal, ticket, **{'u%d' % n: '1' for n in range(1, 10)})
    assert 'disegel' in unescape(again.text)
    assert [(r['u1'], r['state']) for r in responses(admin, ticket)] == [(3, 'submitted')]


def test_the_recap_spreadsheet_for_the_head_only():
    kadin = logged_in('kadin')
    sheet = kadin.get(URL + '/tik/recap/2026-11.xlsx', timeout=60)
    assert sheet.status_code == 200
    assert sheet.headers['Content-Type'] == XLSX
    assert sheet.content[:2] == b'PK'
    for login in ('pengguna', 'helpdesk', 'pengguna.portal'):
        assert logged_in(login).get(URL + '/tik/recap/2026-11.xlsx',
                                    timeout=60).status_code == 403
    assert kadin.get(URL + '/tik/recap/2026-13.xlsx', timeout=60).status_code == 404
