# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Authority over values, over XML-RPC as integrators and adversaries call it."""
import threading
import xmlrpc.client

from conftest import DB
from test_rpc import Actor, ref

FILINGS = 8


def test_check_journal_answers_over_xmlrpc():
    kadin = Actor('kadin')
    ids = kadin('search', [('state', '=', 'closed')], limit=2)
    verdicts = kadin('check_journal', ids)
    assert [v['ticket_id'] for v in verdicts] == ids
    assert all(v['intact'] and v['broken_line_id'] is False and v['reason'] for v in verdicts)


def test_a_requester_cannot_write_the_officers_resolution_or_its_deadline():
    requester, officer = Actor('pengguna'), Actor('petugas.aptika')
    ticket = ref(requester, 'tik_service_mgmt.ticket_website_rsud_demo')
    mine = requester('create', {'name': 'Aplikasi SIMPEG galat 500'})
    admin = Actor('admin')
    # The demo users read Indonesian: each refusal names what it refuses.
    for actor, ticket_id, vals, words in [
            (officer, ticket, {'date_deadline': '2099-12-31 00:00:00'}, 'Tenggat Tahapan'),
            (requester, mine, {'resolution': 'Sudah selesai'}, 'Laporan Penyelesaian'),
            (requester, mine, {'division_id': 1}, 'Bidang'),
            (officer, ticket, {'access_token': 'x'}, 'Token'),
            (officer, ticket, {'active': False}, 'masih berjalan')]:
        before = admin('read', [ticket_id], list(vals))[0]
        try:
            actor('write', [ticket_id], vals)
        except xmlrpc.client.Fault as fault:
            assert words in fault.faultString, fault.faultString
        else:
            raise AssertionError('%s wrote %s' % (actor.login, vals))
        assert admin('read', [ticket_id], list(vals))[0] == before


def test_nobody_plays_the_demo_over_rpc():
    """The demo data acts as the demo users; over RPC nobody, portal users and the
    administrator included, may call it to act as someone else."""
    admin = Actor('admin')
    ticket = ref(admin, 'tik_service_mgmt.ticket_website_rsud_demo')
    before = admin('read', [ticket], ['state', 'journal_length'])
    for login in ('pengguna.portal', 'admin'):
        actor = Actor(login)
        for method, args in (
                ('_play', ['tik_service_mgmt.ticket_website_rsud_demo',
                           [['tik_service_mgmt.user_kadin_demo', {}, 'approve', None]]]),
                ('_file_ticket', ['tik_service_mgmt.x_demo', 'x', 'x', 1, False, False]),
                ('_answer_survey', ['tik_service_mgmt.ticket_website_rsud_demo', {}])):
            try:
                actor.models.execute_kw(DB, actor.uid, actor.login, 'tik.demo', method,
                                        args, {})
            except xmlrpc.client.Fault as fault:
                assert 'rivate' in fault.faultString, fault.faultString
            else:
                raise AssertionError('%s called tik.demo.%s' % (login, method))
    assert admin('read', [ticket], ['state', 'journal_length']) == before


def test_concurrent_filings_get_unique_gapless_numbers():
    requester = Actor('pengguna')
    numbers, errors = [], []

    def file(n):
        try:
            actor = Actor('pengguna')
            ticket = actor('create', {'name': 'Pengajuan serentak %d' % n})
            numbers.append(actor('read', [ticket], ['number'])[0]['number'])
        except Exception as error:  # pylint: disable=broad-except
            errors.append(repr(error))

    threads = [threading.Thread(target=file, args=(n,)) for n in range(FILINGS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors
    serials = sorted(int(number.rsplit('/', 1)[1]) for number in numbers)
    assert len(set(serials)) == FILINGS
    assert serials == list(range(serials[0], serials[0] + FILINGS))
    # A refused filing between them consumes nothing.
    try:
        requester('create', {'name': 'Ditolak', 'phone': '12'})
    except xmlrpc.client.Fault:
        pass
    after = requester('create', {'name': 'Sesudahnya'})
    number = requester('read', [after], ['number'])[0]['number']
    assert int(number.rsplit('/', 1)[1]) == serials[-1] + 1
