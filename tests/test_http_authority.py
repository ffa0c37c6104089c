# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Security on the HTTP surface: printing, commenting and the requester's portal page.

Every refusal is an HTTP answer (403, 404 or a redirect to the login), never a 500, and
changes nothing; what the database holds afterwards is checked over XML-RPC as admin.
"""
import re
import uuid
from datetime import datetime, timedelta
from html import unescape
from urllib.parse import urlparse

import pytest
import requests

from conftest import DB, URL
from test_rpc import Actor, ref

REPORT = 'tik_service_mgmt.report_ticket'
PORTAL_TICKET = 'tik_service_mgmt.ticket_email_reset_puskesmas_demo'  # pengguna.portal's
BACKEND_TICKET = 'tik_service_mgmt.ticket_subdomain_spmb_demo'  # pengguna's
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def rpc(actor, model, method, *args, **kwargs):
    return actor.models.execute_kw(DB, actor.uid, actor.login, model, method, list(args),
                                   kwargs)


def csrf_token(session, path='/web/login'):
    page = session.get(URL + path, timeout=30)
    assert page.status_code == 200, page.text[:500]
    return CSRF.search(page.text).group(1)


def logged_in(login):
    """A browser-like session of `login` (password = login)."""
    session = requests.Session()
    answer = session.post(URL + '/web/login', timeout=60, data={
        'login': login, 'password': login, 'db': DB,
        'csrf_token': csrf_token(session)})
    assert answer.status_code == 200 and 'oe_login_form' not in answer.text, login
    return session


def anonymous():
    session = requests.Session()
    session.get(URL + '/web/login', timeout=30)
    return session


@pytest.fixture(scope='module')
def admin():
    return Actor('admin')


@pytest.fixture(scope='module')
def tickets(admin):
    return {'portal': ref(admin, PORTAL_TICKET), 'backend': ref(admin, BACKEND_TICKET)}


@pytest.fixture(scope='module')
def sessions():
    return {login: logged_in(login) for login in ('pengguna.portal', 'pengguna')}


def messages_of(admin, ticket):
    return rpc(admin, 'mail.message', 'search_read',
               [('model', '=', 'tik.ticket'), ('res_id', '=', ticket)],
               fields=['body', 'author_id', 'date', 'message_type', 'subtype_id',
                       'partner_ids'],
               order='id')


def partner_of(admin, login):
    return rpc(admin, 'res.users', 'search_read', [('login', '=', login)],
               fields=['partner_id'])[0]['partner_id'][0]


def token_of(admin, ticket):
    return admin('read', [ticket], ['access_token'])[0]['access_token']


def chatter_post(session, ticket, message, **extra):
    data = {'res_model': 'tik.ticket', 'res_id': str(ticket), 'message': message,
            'csrf_token': csrf_token(session)}
    data.update(extra)
    return session.post(URL + '/mail/chatter_post', data=data, timeout=30,
                        allow_redirects=False,
                        headers={'Referer': URL + '/my/layanan-tik/%s' % ticket})


# --- printing --------------------------------------------------------------------------

@pytest.mark.parametrize('converter', ['pdf', 'html'])
@pytest.mark.parametrize('login,foreign', [('pengguna.portal', 'backend'),
                                           ('pengguna', 'portal')])
def test_report_of_a_foreign_ticket_is_forbidden(sessions, tickets, converter, login,
                                                 foreign):
    answer = sessions[login].get(
        URL + '/report/%s/%s/%s' % (converter, REPORT, tickets[foreign]), timeout=120)
    assert answer.status_code == 403


@pytest.mark.parametrize('converter', ['pdf', 'html'])
def test_report_of_own_and_foreign_tickets_together_is_forbidden(sessions, tickets,
                                                                 converter):
    for ids in ((tickets['portal'], tickets['backend']),
                (tickets['backend'], tickets['portal'])):
        answer = sessions['pengguna.portal'].get(
            URL + '/report/%s/%s/%s' % (converter, REPORT, '%d,%d' % ids), timeout=120)
        assert answer.status_code == 403


@pytest.mark.parametrize('login,own', [('pengguna.portal', 'portal'),
                                       ('pengguna', 'backend')])
def test_report_of_own_ticket_prints(admin, sessions, tickets, login, own):
    answer = sessions[login].get(
        URL + '/report/pdf/%s/%s' % (REPORT, tickets[own]), timeout=120)
    assert answer.status_code == 200
    assert answer.headers['Content-Type'] == 'application/pdf'
    assert answer.content.startswith(b'%PDF')
    page = sessions[login].get(
        URL + '/report/html/%s/%s' % (REPORT, tickets[own]), timeout=120)
    assert page.status_code == 200
    assert admin('read', [tickets[own]], ['number'])[0]['number'] in page.text


@pytest.mark.parametrize('docids', ['1,abc', 'abc', '1;2', '-1'])
def test_report_with_malformed_ids_is_not_found(sessions, docids):
    answer = sessions['pengguna'].get(
        URL + '/report/pdf/%s/%s' % (REPORT, docids), timeout=60)
    assert answer.status_code == 404


def test_report_unknown_or_malformed_request_is_not_a_server_error(sessions, tickets):
    session = sessions['pengguna']
    own = tickets['backend']
    assert session.get(URL + '/report/pdf/tik_service_mgmt.no_such_report/%s' % own,
                       timeout=60).status_code == 404
    assert session.get(URL + '/report/docx/%s/%s' % (REPORT, own),
                       timeout=60).status_code == 404
    for key in ('options', 'context'):
        answer = session.get(URL + '/report/html/%s/%s' % (REPORT, own), timeout=60,
                             params={key: '{not json'})
        assert answer.status_code == 400


def test_report_of_a_missing_ticket_is_forbidden(sessions):
    answer = sessions['pengguna'].get(
        URL + '/report/html/%s/%s' % (REPORT, 99999999), timeout=60)
    assert answer.status_code == 403


# --- commenting ------------------------------------------------------------------------

def test_anonymous_holder_of_the_token_cannot_comment(admin, tickets):
    ticket = tickets['portal']
    token = token_of(admin, ticket)
    visitor = anonymous()
    # The token opens the page for reading...
    page = visitor.get(URL + '/my/layanan-tik/%s' % ticket, timeout=30,
                       params={'access_token': token})
    assert page.status_code == 200
    before = messages_of(admin, ticket)
    marker = 'anonim-%s' % uuid.uuid4().hex
    # ...but never for posting, in the reporter's name or backdated.
    answer = chatter_post(visitor, ticket, marker, token=token,
                          date='2020-01-01 00:00:00')
    assert answer.status_code in (302, 303, 403)
    if answer.status_code != 403:
        assert urlparse(answer.headers['Location']).path == '/web/login'
    after = messages_of(admin, ticket)
    assert after == before
    assert not [m for m in after if m['date'].startswith('2020-01-01')]


@pytest.mark.parametrize('with_token', [False, True])
def test_comment_on_another_units_ticket_is_forbidden(admin, sessions, tickets,
                                                      with_token):
    ticket = tickets['backend']
    before = messages_of(admin, ticket)
    extra = {'token': token_of(admin, ticket)} if with_token else {}
    answer = chatter_post(sessions['pengguna.portal'], ticket,
                          'bukan-tiket-saya-%s' % uuid.uuid4().hex, **extra)
    assert answer.status_code == 403
    assert messages_of(admin, ticket) == before


@pytest.mark.parametrize('res_id', ['abc', '1.5', ''])
def test_comment_on_a_malformed_ticket_id_is_not_found(sessions, res_id):
    session = sessions['pengguna.portal']
    answer = session.post(URL + '/mail/chatter_post', timeout=30, allow_redirects=False,
                          data={'res_model': 'tik.ticket', 'res_id': res_id,
                                'message': 'halo', 'csrf_token': csrf_token(session)})
    assert answer.status_code == 404


def test_own_ticket_comment_is_the_users_text_at_server_time(admin, sessions, tickets):
    ticket = tickets['portal']
    session = sessions['pengguna.portal']
    own_partner = partner_of(admin, 'pengguna.portal')
    other_partner = partner_of(admin, 'kadin')
    before = {m['id'] for m in messages_of(admin, ticket)}
    marker = 'komentar-%s' % uuid.uuid4().hex
    started = datetime.utcnow() - timedelta(minutes=5)
    answer = chatter_post(
        session, ticket, '<b>%s</b>' % marker,
        date='2020-01-01 00:00:00', author_id=str(other_partner),
        message_type='notification', subtype='mail.mt_note', attachment_ids='1',
        partner_ids=str(other_partner), subject='Palsu')
    assert answer.status_code in (200, 302, 303)
    new = [m for m in messages_of(admin, ticket) if m['id'] not in before]
    comments = [m for m in new if m['message_type'] == 'comment']
    assert len(comments) == 1
    # Beside it only the internal note that tells the step's holder, never a forged one.
    for other in new:
        if other is not comments[0]:
            assert other['subtype_id'][0] == ref(admin, 'mail.mt_note')
            assert other['partner_ids'] != [other_partner]
    message = comments[0]
    assert message['author_id'][0] == own_partner
    assert datetime.strptime(message['date'], '%Y-%m-%d %H:%M:%S') >= started
    assert message['message_type'] == 'comment'
    assert message['subtype_id'] and message['subtype_id'][0] == ref(admin, 'mail.mt_comment')
    # Plain text, escaped: the markup typed is shown, not interpreted.
    assert '&lt;b&gt;%s&lt;/b&gt;' % marker in message['body']
    full = rpc(admin, 'mail.message', 'read', [message['id']],
               ['subject', 'attachment_ids', 'partner_ids'])[0]
    assert full['subject'] != 'Palsu'
    assert not full['attachment_ids'] and not full['partner_ids']


# --- the requester's portal page -----------------------------------------------------------

def test_portal_page_in_verification_shows_neither_instruction_nor_resolution(admin,
                                                                               sessions):
    actors = {login: Actor(login) for login in ('helpdesk', 'kabid.aptika',
                                                 'petugas.aptika')}
    helpdesk, kabid, officer = (actors['helpdesk'], actors['kabid.aptika'],
                                actors['petugas.aptika'])
    marker = uuid.uuid4().hex
    instruction = 'Instruksi internal Kabid %s' % marker
    resolution = 'Laporan petugas belum diverifikasi %s' % marker
    # Filed by the helpdesk for the portal requester, as for a caller.
    ticket = helpdesk('create', {'name': 'Kotak surat penuh %s' % marker,
                                 'description': 'Tidak bisa menerima surat baru %s.' % marker,
                                 'partner_id': partner_of(admin, 'pengguna.portal'),
                                 'channel': 'phone'})
    helpdesk('write', [ticket], {'division_id': ref(helpdesk,
                                                    'tik_service_mgmt.division_aptika_demo')})
    helpdesk('action_dispatch', [ticket])
    kabid('write', [ticket], {
        'service_id': ref(kabid, 'tik_service_mgmt.service_email_reset_demo'),
        'officer_id': officer.uid, 'instruction': instruction})
    kabid('action_accept', [ticket])
    officer('write', [ticket], {'resolution': resolution})
    officer('action_report_resolution', [ticket])
    assert admin('read', [ticket], ['state'])[0]['state'] == 'verification'
    lines = admin('read', [ticket], ['step_ids'])[0]['step_ids']
    assert len(lines) == 5

    by_token = anonymous().get(URL + '/my/layanan-tik/%s' % ticket, timeout=30,
                               params={'access_token': token_of(admin, ticket)})
    for page in (sessions['pengguna.portal'].get(URL + '/my/layanan-tik/%s' % ticket,
                                                 timeout=30), by_token):
        assert page.status_code == 200
        text = unescape(page.text)
        # Every step is shown, the requester's own report with its text...
        assert len(re.findall(r'class="o_tik_journal_line', text)) == len(lines)
        assert 'Tidak bisa menerima surat baru %s.' % marker in text
        # ...but not what the Kabid told the officer, nor the unverified resolution.
        assert instruction not in text
        assert resolution not in text
        assert 'o_tik_resolution' not in text

    # Verified, the resolution is the requester's to read; the instruction never is.
    kabid('action_verify', [ticket])
    text = unescape(sessions['pengguna.portal'].get(URL + '/my/layanan-tik/%s' % ticket,
                                                    timeout=30).text)
    assert text.count(resolution) == 1
    assert instruction not in text
