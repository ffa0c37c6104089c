# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""tik_service_mgmt side by side with the anchor, OCA helpdesk_mgmt 11.0.1.12.0, over XML-RPC.

Prerequisite (a local development install, NOT a requirement of the project): the
anchor must be installed into the project venv first, this way:

    .venv/bin/pip install --no-deps odoo11-addon-helpdesk-mgmt==11.0.1.12.0

(it lands in site-packages/odoo/addons/helpdesk_mgmt; `--no-deps` because its `odoo`
requirement cannot resolve; it needs only mail and portal). The script exits with a
message if it is missing. It also needs `tik_test_base` (built by `make test`).

    .venv/bin/python bench/anchor.py [--calls 1000] [--seed 10000]

What it does:
1. makes bench_ours (tik_service_mgmt) and bench_anchor (helpdesk_mgmt) from
   tik_test_base, both with demo data, and adds --seed tickets to each with bulk SQL
   (test data: see common.py), so that lists run on 10k+ tickets;
2. serves both at once with `--workers=2 --max-cron-threads=0` (ours on 8869,
   longpolling 8872; the anchor on 8879, longpolling 8882), through
   bench/odoo_counting.py: tools/odoo plus a per-call SQL query counter on the server;
3. measures, --calls times per system after --warmup untimed calls, alternating blocks
   of --block calls between the two servers so that machine noise hits both alike:
   (a) create a ticket: ours as the requester `pengguna` ({name, description}; the
       addon also opens and seals the journal and schedules the helpdesk's to-do), the
       anchor as admin ({name, description, partner fields} as its form sends);
   (b) one workflow transition: ours `action_dispatch` as `helpdesk` on the tickets of
       (a), whose division_id was set beforehand in untimed calls; the anchor a
       write of stage_id (New -> In Progress) as admin;
   (c) search_read of 80 rows, the fields of the default list view, default order,
       empty domain: ours as `helpdesk` (sees every ticket), the anchor as admin;
   every call carries the user's context (lang, tz) as the web client does;
4. prints client-side median and p90 milliseconds, the median SQL queries per call
   counted on the server, and the ratio ours/anchor; stops both servers (their process
   groups) and drops both databases unless --keep.
"""
import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import xmlrpc.client

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
from common import log  # noqa: E402

ANCHOR = 'helpdesk_mgmt'
ANCHOR_VERSION = '11.0.1.12.0'
HERE = os.path.dirname(os.path.abspath(__file__))


def check_anchor(odoo):
    module = odoo.modules.module.get_module_path(ANCHOR, display_warning=False)
    path = os.path.join(module or '', '__manifest__.py')
    if not module or not os.path.exists(path):
        common.die(
            'the anchor %s is not installed. Install it into the venv first (a local dev '
            'install, not a project requirement):\n  .venv/bin/pip install --no-deps '
            'odoo11-addon-helpdesk-mgmt==%s' % (ANCHOR, ANCHOR_VERSION))
    with open(path) as manifest:
        version = eval(manifest.read()).get('version')  # noqa: S307 (a manifest)
    if version != ANCHOR_VERSION:
        common.die('%s is %s, expected %s: .venv/bin/pip install --no-deps '
                   'odoo11-addon-helpdesk-mgmt==%s' % (ANCHOR, version, ANCHOR_VERSION,
                                                       ANCHOR_VERSION))


def port_free(port):
    with socket.socket() as sock:
        return sock.connect_ex(('127.0.0.1', port)) != 0


class Server(object):
    """One Odoo server (prefork, 2 workers) in its own process group."""

    def __init__(self, db, port, workdir):
        self.db, self.port = db, port
        self.rpc_log = os.path.join(workdir, db + '.rpc.tsv')
        self.out = os.path.join(workdir, db + '.log')
        self.proc = None
        self.read_lines = 0

    def start(self):
        for port in (self.port, self.port + 3):
            if not port_free(port):
                common.die('port %d is in use' % port)
        open(self.rpc_log, 'w').close()
        cmd = [sys.executable, os.path.join(HERE, 'odoo_counting.py')] + common.odoo_args() + [
               '-d', self.db, '--db-filter=^%s$' % self.db, '--http-interface=127.0.0.1',
               '--http-port=%d' % self.port, '--longpolling-port=%d' % (self.port + 3),
               '--workers=2', '--max-cron-threads=0', '--log-level=warn']
        env = dict(os.environ, BENCH_RPC_LOG=self.rpc_log)
        with open(self.out, 'w') as out:
            self.proc = subprocess.Popen(cmd, cwd=common.ROOT, env=env, stdout=out,
                                         stderr=subprocess.STDOUT, start_new_session=True)
        log('started %s on %d (pid %d)' % (self.db, self.port, self.proc.pid))

    def wait_ready(self, timeout=90):
        proxy = xmlrpc.client.ServerProxy('http://127.0.0.1:%d/xmlrpc/2/common' % self.port)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                common.die('%s server exited; see %s' % (self.db, self.out))
            try:
                proxy.version()
                return
            except (OSError, xmlrpc.client.Error):
                time.sleep(0.5)
        common.die('%s server not ready after %d s; see %s' % (self.db, timeout, self.out))

    def stop(self):
        if not self.proc or self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        except ProcessLookupError:
            pass
        log('stopped %s (process group %d)' % (self.db, self.proc.pid))

    def new_calls(self):
        """The server's log lines written since the last call of this method."""
        with open(self.rpc_log) as rpc_log:
            lines = rpc_log.read().splitlines()
        new, self.read_lines = lines[self.read_lines:], len(lines)
        return [line.split('\t') for line in new]

    def errors(self):
        with open(self.out) as out:
            return [l for l in out.read().splitlines() if ' ERROR ' in l or ' CRITICAL ' in l]


class Client(object):
    def __init__(self, server, login, password):
        self.server, self.db, self.password = server, server.db, password
        url = 'http://127.0.0.1:%d/xmlrpc/2/' % server.port
        self.uid = xmlrpc.client.ServerProxy(url + 'common').authenticate(
            self.db, login, password, {})
        if not self.uid:
            common.die('cannot log in to %s as %s' % (self.db, login))
        self.object = xmlrpc.client.ServerProxy(url + 'object', allow_none=True)
        self.context = self.call('res.users', 'context_get')

    def call(self, model, method, *args, **kwargs):
        if getattr(self, 'context', None) is not None:
            kwargs.setdefault('context', self.context)
        return self.object.execute_kw(self.db, self.uid, self.password, model, method,
                                      list(args), kwargs)


class Op(object):
    """One operation on one system: `call(i)` makes the i-th call."""

    def __init__(self, server, method, call):
        self.server, self.method, self.call = server, method, call
        self.times, self.queries, self.server_ms = [], [], []

    def run(self, first, count, timed=True):
        self.server.new_calls()
        for i in range(first, first + count):
            start = time.perf_counter()
            self.call(i)
            if timed:
                self.times.append((time.perf_counter() - start) * 1000)
        calls = [c for c in self.server.new_calls() if c[2] == self.method]
        if timed:
            self.queries += [int(c[3]) for c in calls]
            self.server_ms += [float(c[4]) for c in calls]


def compare(name, ours, anchor, calls, warmup, block):
    log('%s: %d warm-up + %d timed calls each' % (name, warmup, calls))
    ours.run(0, warmup, timed=False)
    anchor.run(0, warmup, timed=False)
    done, flip = 0, False
    while done < calls:
        n = min(block, calls - done)
        for op in ((anchor, ours) if flip else (ours, anchor)):
            op.run(warmup + done, n)
        done, flip = done + n, not flip
    return name, ours, anchor


def stats(op):
    times = sorted(op.times)
    return {
        'median': statistics.median(times),
        'p90': times[int(len(times) * 0.9) - 1],
        'queries': statistics.median(op.queries) if op.queries else float('nan'),
        'server': statistics.median(op.server_ms) if op.server_ms else float('nan'),
    }


def list_fields(client, model):
    view = client.call(model, 'fields_view_get', view_type='tree')
    return list(view['fields'])


def seed(odoo, db, seeder, count):
    registry = odoo.registry(db)
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        result = seeder(env, count)
        cr.commit()
        cr.execute('ANALYZE')
        cr.commit()
    common.close_registry(odoo, db)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--calls', type=int, default=1000, help='timed calls per system '
                        'and operation')
    parser.add_argument('--warmup', type=int, default=20)
    parser.add_argument('--block', type=int, default=100,
                        help='calls in a row to one server before switching')
    parser.add_argument('--seed', type=int, default=10000,
                        help='tickets added by SQL to each database before measuring')
    parser.add_argument('--port', type=int, default=8869, help='ours; the anchor +10')
    parser.add_argument('--keep', action='store_true', help='keep both databases')
    args = parser.parse_args()

    odoo = common.odoo_setup()
    check_anchor(odoo)
    started = time.time()
    ours_db, anchor_db = common.bench_db('ours'), common.bench_db('anchor')
    common.fresh_db(ours_db, 'tik_service_mgmt')
    common.fresh_db(anchor_db, ANCHOR)
    seeded = seed(odoo, ours_db, lambda env, n: common.seed_tik_tickets(env, n, 0),
                  args.seed)
    log(ours_db + ': %(tickets)d tickets, %(lines)d journal lines seeded' % seeded)
    seed(odoo, anchor_db, common.seed_helpdesk_tickets, args.seed)
    log('%s: %d tickets seeded' % (anchor_db, args.seed))

    workdir = tempfile.mkdtemp(prefix='bench_anchor_')
    servers = [Server(ours_db, args.port, workdir), Server(anchor_db, args.port + 10, workdir)]
    results = []
    try:
        for server in servers:
            server.start()
        for server in servers:
            server.wait_ready()
        s_ours, s_anchor = servers
        requester = Client(s_ours, 'pengguna', 'pengguna')
        helpdesk = Client(s_ours, 'helpdesk', 'helpdesk')
        admin = Client(s_anchor, 'admin', 'admin')

        # (a) create
        partner = admin.call('res.partner', 'search_read',
                             [('is_company', '=', False), ('email', '!=', False)],
                             fields=['name', 'email'], limit=1, order='id')[0]
        ours_ids, anchor_ids = [], []

        def ours_create(i):
            ours_ids.append(requester.call('tik.ticket', 'create', {
                'name': 'Printer tidak bisa mencetak (%d)' % i,
                'description': 'Printer di ruang TU tidak merespons sejak pagi.'}))

        def anchor_create(i):
            anchor_ids.append(admin.call('helpdesk.ticket', 'create', {
                'name': 'Printer tidak bisa mencetak (%d)' % i,
                'description': '<p>Printer di ruang TU tidak merespons sejak pagi.</p>',
                'partner_id': partner['id'], 'partner_name': partner['name'],
                'partner_email': partner['email']}))

        results.append(compare('create a ticket', Op(s_ours, 'create', ours_create),
                               Op(s_anchor, 'create', anchor_create),
                               args.calls, args.warmup, args.block))

        # (b) one transition
        division = helpdesk.call('tik.division', 'search', [], limit=1, order='id')[0]
        log('setting division_id on %d tickets (untimed calls of 50: each write is '
            'tracked, one message per ticket)' % len(ours_ids))
        for start in range(0, len(ours_ids), 50):
            helpdesk.call('tik.ticket', 'write', ours_ids[start:start + 50],
                          {'division_id': division})
        stages = admin.call('helpdesk.ticket.stage', 'search_read', [],
                            fields=['name', 'closed', 'mail_template_id'], order='sequence, id')
        target = [s for s in stages if not s['closed'] and not s['mail_template_id']][1]
        log('anchor transition: stage %s -> %s' % (stages[0]['name'], target['name']))

        def ours_dispatch(i):
            helpdesk.call('tik.ticket', 'action_dispatch', [ours_ids[i]])

        def anchor_stage(i):
            admin.call('helpdesk.ticket', 'write', [anchor_ids[i]],
                       {'stage_id': target['id']})

        results.append(compare('one transition', Op(s_ours, 'action_dispatch', ours_dispatch),
                               Op(s_anchor, 'write', anchor_stage),
                               args.calls, args.warmup, args.block))
        moved = helpdesk.call('tik.ticket', 'search_count',
                              [('id', 'in', ours_ids), ('state', '=', 'analysis')])
        assert moved == len(ours_ids), (moved, len(ours_ids))

        # (c) list
        ours_fields = list_fields(helpdesk, 'tik.ticket')
        anchor_fields = list_fields(admin, 'helpdesk.ticket')
        counts = (helpdesk.call('tik.ticket', 'search_count', []),
                  admin.call('helpdesk.ticket', 'search_count', []))
        log('list fields: ours %s; anchor %s; tickets: ours %d, anchor %d'
            % (ours_fields, anchor_fields, counts[0], counts[1]))

        def ours_list(i):
            rows = helpdesk.call('tik.ticket', 'search_read', [], fields=ours_fields,
                                 limit=80)
            assert len(rows) == 80

        def anchor_list(i):
            rows = admin.call('helpdesk.ticket', 'search_read', [], fields=anchor_fields,
                              limit=80)
            assert len(rows) == 80

        results.append(compare('search_read 80 rows', Op(s_ours, 'search_read', ours_list),
                               Op(s_anchor, 'search_read', anchor_list),
                               args.calls, args.warmup, args.block))
        for server in servers:
            for line in server.errors():
                print('server %s: %s' % (server.db, line))
    except BaseException:
        args.keep = True  # keep the evidence
        raise
    finally:
        for server in servers:
            server.stop()
        if not args.keep:
            common.drop_db(ours_db)
            common.drop_db(anchor_db)
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            log('server logs and per-call counts kept in %s' % workdir)

    print()
    print('tik_service_mgmt vs OCA helpdesk_mgmt %s, XML-RPC, --workers=2, %s, %d timed '
          'calls per cell (%d warm-up), %s tickets seeded + the created ones; run took %.0f s'
          % (ANCHOR_VERSION, time.strftime('%Y-%m-%d'), args.calls, args.warmup,
             '{:,}'.format(args.seed), time.time() - started))
    print('| operation | ours median (p90) | ours queries | anchor median (p90) '
          '| anchor queries | ratio ours/anchor |')
    print('| --- | ---: | ---: | ---: | ---: | ---: |')
    for name, ours, anchor in results:
        o, a = stats(ours), stats(anchor)
        print('| %s | %.1f ms (%.1f) | %g | %.1f ms (%.1f) | %g | %.2f |' % (
            name, o['median'], o['p90'], o['queries'], a['median'], a['p90'],
            a['queries'], o['median'] / a['median']))
    print('\nServer-side medians (inside dispatch_rpc): ' + '; '.join(
        '%s: ours %.1f ms, anchor %.1f ms' % (name, stats(o)['server'], stats(a)['server'])
        for name, o, a in results))


if __name__ == '__main__':
    main()
