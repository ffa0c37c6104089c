# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The requester portal's list and detail pages at 10k tickets, as a logged-in portal user.

    .venv/bin/python bench/portal.py [--seed 10000] [--calls 200]

Makes bench_portal from tik_test_base (run `make test` once first), adds --seed tickets
with bulk SQL (common.seed_tik_tickets: units spread over the demo units, the portal
user's Dinas Kesehatan among them), serves it with --workers=2 on 8869, logs in as the
demo portal user through /web/login, and times GET /my/layanan-tik and GET /my/layanan-tik/<id>
(--calls each, after 10 untimed). Prints the median and p95 in ms and how many tickets the
user sees. Stops the server and drops the database at the end (unless --keep).
"""
import argparse
import re
import statistics
import tempfile
import time

import requests

import common
from anchor import Server, seed

PORT = 8869
LOGIN = 'pengguna.portal'


def session_for(port, login):
    base = 'http://127.0.0.1:%d' % port
    http = requests.Session()
    page = http.get(base + '/web/login').text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    http.post(base + '/web/login', data={'login': login, 'password': login,
                                         'csrf_token': token, 'redirect': '/my'})
    return http, base


def timed(http, url, calls):
    for _i in range(10):
        http.get(url).raise_for_status()
    times = []
    for _i in range(calls):
        start = time.perf_counter()
        response = http.get(url, allow_redirects=False)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            common.die('%s answered %d' % (url, response.status_code))
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--seed', type=int, default=10000)
    parser.add_argument('--calls', type=int, default=200)
    parser.add_argument('--keep', action='store_true')
    args = parser.parse_args()
    db = common.bench_db('portal')
    odoo = common.odoo_setup()
    common.fresh_db(db, 'tik_service_mgmt')
    seed(odoo, db, lambda env, count: common.seed_tik_tickets(env, count), args.seed)
    server = Server(db, PORT, tempfile.mkdtemp(prefix='bench_portal_'))
    server.start()
    try:
        server.wait_ready()
        http, base = session_for(PORT, LOGIN)
        seen = common.psql(
            "SELECT count(*) FROM tik_ticket t JOIN res_users u ON u.login = '%s' "
            "JOIN res_partner p ON p.id = u.partner_id "
            "WHERE t.partner_id = p.id OR t.unit_id = p.parent_id" % LOGIN, db)
        own = common.psql(
            "SELECT max(t.id) FROM tik_ticket t JOIN res_users u ON u.login = '%s' "
            "JOIN res_partner p ON p.id = u.partner_id WHERE t.unit_id = p.parent_id"
            % LOGIN, db)
        total = common.psql('SELECT count(*) FROM tik_ticket', db)
        print('\nPortal as %s, %s tickets in all, %s of them visible to the user; '
              '%d timed calls each' % (LOGIN, total, seen, args.calls))
        print('| page | median | p95 |\n| --- | ---: | ---: |')
        for url in ('/my/layanan-tik', '/my/layanan-tik/%s' % own):
            median, p95 = timed(http, base + url, args.calls)
            print('| `%s` | %.1f ms | %.1f ms |' % (url, median, p95))
    finally:
        server.stop()
        if not args.keep:
            common.drop_db(db)


if __name__ == '__main__':
    main()
