# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Odoo's command line, as tools/odoo, plus a per-call SQL query counter for the benchmarks.

With BENCH_RPC_LOG=/path set, every XML-RPC call appends one tab-separated line to that
file: pid, model, method, SQL queries, server milliseconds. The count is the growth of
Odoo's own per-process counter (`odoo.sql_db.sql_counter`, summed when a cursor
closes) across `odoo.http.dispatch_rpc`: it covers every cursor the call opened,
authentication and registry signalling included. A prefork worker serves one request
at a time, so the growth belongs to that call. Without the variable this is tools/odoo.
"""
import os
import sys
import time

os.environ['TZ'] = 'UTC'

import odoo  # noqa: E402
import odoo.http  # noqa: E402
import odoo.sql_db  # noqa: E402

LOG = os.environ.get('BENCH_RPC_LOG')

if LOG:
    _dispatch_rpc = odoo.http.dispatch_rpc

    def dispatch_rpc(service_name, method, params):
        queries = odoo.sql_db.sql_counter
        start = time.perf_counter()
        try:
            return _dispatch_rpc(service_name, method, params)
        finally:
            ms = (time.perf_counter() - start) * 1000
            queries = odoo.sql_db.sql_counter - queries
            if service_name == 'object' and method in ('execute', 'execute_kw'):
                model, name = params[3], params[4]
            else:
                model, name = service_name, method
            with open(LOG, 'a') as out:
                out.write('%d\t%s\t%s\t%d\t%.2f\n' % (os.getpid(), model, name, queries, ms))

    odoo.http.dispatch_rpc = dispatch_rpc

if __name__ == '__main__':
    sys.exit(odoo.cli.main())
