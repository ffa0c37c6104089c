# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where a create, a transition and a list spend their time, in this process.

    .venv/bin/python bench/hot_paths.py [--db bench_hot] [--calls 30] [--seed 10000]
                                         [--ops create,dispatch,list] [--queries] [--profile]

The same three operations as anchor.py, as the same demo users (`pengguna` files,
`helpdesk` designates the division and lists), without the RPC layer: each call starts
with an empty record cache, as a request does, and everything is rolled back at the
end. Prints per operation the mean milliseconds and SQL queries per call; with
--queries every statement of one call with the addon's code that issued it; with
--profile a cProfile of the calls (cumulative, the addon's and Odoo's functions).

The database (default: $BENCH_PREFIX + hot) is made from tik_test_base with --seed
tickets the first time and kept, so that runs before and after a change compare;
--fresh makes it again.
"""
import argparse
import cProfile
import io
import os
import pstats
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
from common import log  # noqa: E402

LIST_FIELDS = ['number', 'name', 'unit_id', 'service_id', 'division_id', 'officer_id',
               'state', 'date_deadline', 'sla_status', 'rework_count',
               'date_deadline_display']


class Recorder(object):
    """Counts (and with `trace`, records) the statements of this process's cursors."""

    def __init__(self, odoo, trace):
        self.on, self.trace, self.statements = False, trace, []
        original = odoo.sql_db.Cursor.execute
        recorder = self

        def execute(cursor, query, params=None, log_exceptions=None):
            if recorder.on:
                caller = ''
                if recorder.trace:
                    frames = [f for f in traceback.extract_stack()[:-1]
                              if 'tik_service_mgmt' in f.filename]
                    caller = ' < '.join('%s:%s' % (f.name, f.lineno)
                                        for f in reversed(frames[-3:]))
                recorder.statements.append((' '.join(str(query).split())[:90], caller))
            return original(cursor, query, params, log_exceptions)

        odoo.sql_db.Cursor.execute = execute


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--db', default=common.bench_db('hot'))
    parser.add_argument('--calls', type=int, default=30)
    parser.add_argument('--seed', type=int, default=10000)
    parser.add_argument('--ops', default='create,dispatch,list')
    parser.add_argument('--queries', action='store_true')
    parser.add_argument('--profile', action='store_true')
    parser.add_argument('--fresh', action='store_true')
    args = parser.parse_args()

    odoo = common.odoo_setup()
    if args.fresh or not common.db_exists(args.db):
        common.fresh_db(args.db, 'tik_service_mgmt')
        registry = odoo.registry(args.db)
        with odoo.api.Environment.manage(), registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            common.seed_tik_tickets(env, args.seed, 0)
            cr.commit()
            cr.execute('ANALYZE')
            cr.commit()
        log('%s: %d tickets seeded' % (args.db, args.seed))
    recorder = Recorder(odoo, args.queries)
    api = odoo.api
    registry = odoo.registry(args.db)
    with api.Environment.manage(), registry.cursor() as cr:
        root = api.Environment(cr, odoo.SUPERUSER_ID, {})
        logins = dict(root['res.users'].search([('login', 'in', ('pengguna', 'helpdesk'))])
                      .mapped(lambda user: (user.login, user.id)))
        context = {'lang': 'id_ID', 'tz': 'Asia/Jakarta'}
        requester = api.Environment(cr, logins['pengguna'], context)
        helpdesk = api.Environment(cr, logins['helpdesk'], context)
        division = root['tik.division'].search([], limit=1, order='id').id
        filed = []

        def create(_i):
            filed.append(requester['tik.ticket'].create({
                'name': 'Printer tidak bisa mencetak',
                'description': 'Printer di ruang TU tidak merespons sejak pagi.'}).id)

        waiting = []

        def dispatch(_i):
            helpdesk['tik.ticket'].browse(waiting.pop()).action_dispatch()

        def listing(_i):
            helpdesk['tik.ticket'].search_read([], LIST_FIELDS, limit=80)

        operations = {'create': create, 'dispatch': dispatch, 'list': listing}
        for name in args.ops.split(','):
            if name == 'dispatch':
                # Tickets of the requester, their division set (untimed).
                for i in range(args.calls + 3):
                    create(i)
                helpdesk['tik.ticket'].browse(filed[-args.calls - 3:]).write(
                    {'division_id': division})
                waiting[:] = filed[-args.calls - 3:]
            run = operations[name]
            for i in range(3):  # warm-up: Odoo's caches
                run(i)
                root.clear()
            recorder.statements[:] = []
            profile = cProfile.Profile() if args.profile else None
            recorder.on = True
            started = time.perf_counter()
            if profile:
                profile.enable()
            for i in range(args.calls):
                run(i)
                root.clear()  # a request starts with an empty record cache
            if profile:
                profile.disable()
            elapsed = time.perf_counter() - started
            recorder.on = False
            print('%-9s %7.1f ms  %6.1f queries per call' % (
                name, elapsed / args.calls * 1000, len(recorder.statements) / args.calls))
            if args.queries:
                per_call = len(recorder.statements) // args.calls
                for statement, caller in recorder.statements[:per_call]:
                    print('    %-90s %s' % (statement, caller))
            if profile:
                out = io.StringIO()
                pstats.Stats(profile, stream=out).sort_stats('cumulative').print_stats(
                    r'tik_service_mgmt|odoo/(models|fields|addons/mail)', 40)
                print(out.getvalue())
        cr.rollback()
    common.close_registry(odoo, args.db)


if __name__ == '__main__':
    main()
