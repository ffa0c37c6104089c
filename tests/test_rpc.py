# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The contract as integrators use it: XML-RPC, one demo actor after another."""
import xmlrpc.client

import pytest

from conftest import DB, URL

MODEL = 'tik.ticket'


class Actor(object):
    def __init__(self, login):
        common = xmlrpc.client.ServerProxy(URL + '/xmlrpc/2/common')
        self.uid = common.authenticate(DB, login, login, {})
        assert self.uid, login
        self.login = login
        self.models = xmlrpc.client.ServerProxy(URL + '/xmlrpc/2/object', allow_none=True)

    def __call__(self, method, *args, **kwargs):
        return self.models.execute_kw(DB, self.uid, self.login, MODEL, method,
                                      list(args), kwargs)


def ref(actor, xmlid):
    module, name = xmlid.split('.')
    rows = actor.models.execute_kw(DB, actor.uid, actor.login, 'ir.model.data',
                                   'search_read', [[('module', '=', module),
                                                    ('name', '=', name)]],
                                   {'fields': ['res_id']})
    return rows[0]['res_id']


@pytest.fixture(scope='module')
def actors():
    return {login: Actor(login) for login in (
        'pengguna', 'helpdesk', 'kabid.aptika', 'kabid.infra', 'petugas.aptika', 'kadin')}


def state(actor, ticket):
    return actor('read', [ticket], ['state'])[0]['state']


def test_seven_steps_over_rpc(actors):
    requester, helpdesk = actors['pengguna'], actors['helpdesk']
    kabid, officer, kadin = actors['kabid.aptika'], actors['petugas.aptika'], actors['kadin']
    ticket = requester('create', {'name': 'Email dinas tidak bisa login',
                                  'description': 'Sejak pagi muncul pesan sandi salah.',
                                  'phone': '0812 3456 7890'})
    row = requester('read', [ticket], ['number', 'phone', 'state', 'unit_id'])[0]
    assert row['state'] == 'new' and row['phone'] == '+6281234567890'
    assert row['unit_id'] and row['unit_id'][1] == 'Dinas Pendidikan'

    division = ref(kabid, 'tik_service_mgmt.division_aptika_demo')
    helpdesk('write', [ticket], {'division_id': division})
    helpdesk('action_dispatch', [ticket])
    kabid('write', [ticket], {'service_id': ref(kabid, 'tik_service_mgmt.service_email_reset_demo'),
                              'officer_id': officer.uid, 'instruction': 'Reset sandi.'})
    kabid('action_accept', [ticket])
    officer('write', [ticket], {'resolution': 'Sandi direset, pengguna sudah bisa masuk.'})
    officer('action_report_resolution', [ticket])
    kabid('action_verify', [ticket])
    kadin('action_request_rework', [ticket], reason='Lampirkan konfirmasi pengguna.')
    assert state(kadin, ticket) == 'verification'
    kabid('action_verify', [ticket])
    kadin('action_approve', [ticket])
    helpdesk('action_close', [ticket])
    assert state(requester, ticket) == 'closed'
    lines = helpdesk('read', [ticket], ['step_ids'])[0]['step_ids']
    assert len(lines) == 9


def test_wrong_actor_gets_a_clear_error_and_nothing_changes(actors):
    requester, helpdesk, other_kabid = (actors['pengguna'], actors['helpdesk'],
                                        actors['kabid.infra'])
    ticket = requester('create', {'name': 'Internet kantor putus'})
    number = requester('read', [ticket], ['number'])[0]['number']
    with pytest.raises(xmlrpc.client.Fault) as refused:
        requester('action_dispatch', [ticket])
    assert number in refused.value.faultString  # a message about this ticket, not a crash
    assert 'Traceback' not in refused.value.faultString
    helpdesk('write', [ticket],
             {'division_id': ref(helpdesk, 'tik_service_mgmt.division_aptika_demo')})
    helpdesk('action_dispatch', [ticket])
    with pytest.raises(xmlrpc.client.Fault):
        other_kabid('action_reject', [ticket], reason='Bukan bidang saya.')
    with pytest.raises(xmlrpc.client.Fault):
        actors['kabid.aptika']('action_reject', [ticket], reason='')
    assert state(helpdesk, ticket) == 'analysis'


def test_compute_deadline_over_rpc(actors):
    # Friday 15:00 WIB + 1 working day = Monday 15:00 WIB.
    assert actors['pengguna']('compute_deadline', '2026-11-27 08:00:00', 1) == \
        '2026-11-30 08:00:00'
