# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A burst of portal filings: 50 sessions each filing 4 tickets at the same moment.

Every filing lands (a redirect to its ticket, no error page), the numbers are unique
and gapless. The figures (filed, errors, gaps, seconds) are printed for the record.
"""
import re
import threading
import time
import uuid
from urllib.parse import urlparse

import requests

from conftest import DB, URL
from test_http_authority import csrf_token
from test_rpc import Actor

SESSIONS = 50
FILINGS = 4
NUMBER = re.compile(r'^TIK/\d{4}/(\d+)$')


def call(actor, model, method, *args, **kwargs):
    return actor.models.execute_kw(DB, actor.uid, actor.login, model, method, list(args),
                                   kwargs)


def portal_sessions(admin, count):
    """`count` logged-in sessions of new portal users of one new unit."""
    tag = uuid.uuid4().hex[:8]
    unit = call(admin, 'res.partner', 'create', {'name': 'Dinas Uji Serbu %s' % tag,
                                                 'is_company': True})
    portal = call(admin, 'ir.model.data', 'xmlid_to_res_id', 'base.group_portal')
    sessions = []
    for index in range(count):
        login = 'serbu.%s.%d' % (tag, index)
        call(admin, 'res.users', 'create', {
            'name': 'Penguji Serbu %d' % index, 'login': login, 'password': login,
            'email': '%s@uji.go.id' % login, 'parent_id': unit,
            'groups_id': [(6, 0, [portal])]}, context={'no_reset_password': True})
        session = requests.Session()
        answer = session.post(URL + '/web/login', timeout=60, data={
            'login': login, 'password': login, 'db': DB,
            'csrf_token': csrf_token(session)})
        assert answer.status_code == 200 and 'oe_login_form' not in answer.text, login
        sessions.append((session, csrf_token(session, '/my/layanan-tik/new')))
    return unit, sessions


def test_a_burst_of_portal_filings_all_land():
    admin = Actor('admin')
    unit, sessions = portal_sessions(admin, SESSIONS)
    answers = []
    start = threading.Barrier(SESSIONS)

    def file_tickets(index, session, token):
        start.wait()
        for filing in range(FILINGS):
            try:
                answer = session.post(URL + '/my/layanan-tik/new', timeout=600,
                                      allow_redirects=False, data={
                                          'name': 'Serbuan %d-%d' % (index, filing),
                                          'description': 'Uji beban pengajuan.',
                                          'service_id': 'other', 'csrf_token': token})
                answers.append((answer.status_code, answer.headers.get('Location', '')))
            except requests.RequestException as error:
                answers.append((0, str(error)))

    threads = [threading.Thread(target=file_tickets, args=(index, session, token))
               for index, (session, token) in enumerate(sessions)]
    began = time.time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.time() - began
    filed = [location for status, location in answers
             if status in (302, 303) and re.match(
                 r'^/my/layanan-tik/\d+$', urlparse(location).path)]
    errors = [status for status, _location in answers if status >= 500 or status == 0]
    tickets = call(admin, 'tik.ticket', 'search_read', [('unit_id', '=', unit)],
                   fields=['number'])
    numbers = sorted(int(NUMBER.match(t['number']).group(1)) for t in tickets)
    gaps = (numbers[-1] - numbers[0] + 1 - len(numbers)) if numbers else 0
    print('\nburst: %d sessions x %d filings: %d filed, %d answered 5xx or failed, '
          '%d unique numbers, %d gaps, %.1f s' % (
              SESSIONS, FILINGS, len(filed), len(errors), len(set(numbers)), gaps, took))
    assert not errors
    assert len(filed) == SESSIONS * FILINGS
    assert len(numbers) == len(set(numbers)) == SESSIONS * FILINGS
    assert gaps == 0
