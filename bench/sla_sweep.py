# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How the SLA check (`tik.ticket.step._cron_sla_check`, scheduled action
`tik_service_mgmt.ir_cron_sla_check`) scales with the number of open tickets.

    .venv/bin/python bench/sla_sweep.py --db bench_sla --sizes 1000,10000,100000

`--db` names the base database: it is made from `tik_test_base` (built by
`make test`) with the current `tik_service_mgmt` and its demo data installed (rebuilt on
every run unless `--reuse`, since the addon's code may have changed). Each size then runs in
its own copy (`<db>_run`), so sizes do not influence each other:

1. bulk SQL adds N open tickets shaped like the workflow's (see
   `common.seed_tik_tickets`): a hash-chained journal with one running line per ticket,
   followers, chatter and to-dos; every 100th running line is 1-48 hours past its
   deadline and not yet escalated, the others are due 1-61 hours from now. Then
   ANALYZE, as autovacuum would have done on a live database;
2. cold: in a fresh registry (ormcaches cleared) and a fresh cursor and environment as
   the cron's (uid of the scheduled action, empty context), run the check and commit:
   it escalates the late ~1%;
3. warm: the same again; nothing new is late.

Times are wall-clock for the call plus its commit; queries are every SQL statement
executed meanwhile (Odoo's cursor counter, `odoo.sql_db.sql_counter`). A cold run still
busy after `--timeout` seconds (default 300) is stopped and rolled back, and the table
says so (with how many late lines it had escalated); the late lines are then marked
escalated by SQL so that the warm run still measures the steady state. `--profile`
prints a cProfile of the cold run at the smallest size. The at-risk reminders of the
running lines past their at-risk moment are recorded as sent before the cold run (they
went out hours earlier); `--reminders-due` leaves them for the cold run to send. At the largest
size the finder query is captured and EXPLAINed (ANALYZE, BUFFERS) before the cold run,
to show it reads the partial indexes `tik_ticket_step_running_deadline_idx` and
`tik_ticket_step_running_at_risk_idx`.

`--keep` keeps the base database (the per-size copies are always dropped); by default
it is dropped at the end with its filestore.
"""
import argparse
import os
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
from common import log  # noqa: E402


class FinderFound(Exception):
    pass


def capture_finder(odoo, db, uid):
    """The SQL and parameters of the check's search, without escalating anything."""
    registry = odoo.registry(db)
    found = []
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        real_execute = cr.execute

        def execute(query, params=None, log_exceptions=None):
            text = query if isinstance(query, str) else query.decode()
            if 'INSERT INTO tik_escalation' in text and 'UNION ALL' in text:
                found.append((text, params))
                raise FinderFound()
            return real_execute(query, params, log_exceptions)

        cr.execute = execute
        env = odoo.api.Environment(cr, uid, {})
        try:
            env['tik.ticket.step']._cron_sla_check()
        except FinderFound:
            pass
        finally:
            cr.execute = real_execute
            cr.rollback()
        if not found:
            return None, None
        query, params = found[0]
        cr.execute('EXPLAIN (ANALYZE, BUFFERS) ' + query, params)
        plan = '\n'.join(row[0] for row in cr.fetchall())
        text = cr.mogrify(query, params).decode() if params else query
        cr.rollback()
        return text, plan


class TimeUp(Exception):
    pass


def _time_up(signum, frame):
    raise TimeUp()


def run_check(odoo, db, uid, timeout=0, profile=False):
    """Runs the check as the cron does and commits it: (seconds, queries, done).

    With `timeout`, a run still busy after that many seconds is interrupted and rolled
    back; `done` then tells how many late lines it had escalated by then (else None).
    """
    registry = odoo.registry(db)
    q0 = odoo.sql_db.sql_counter
    done = None
    profiler = None
    with odoo.api.Environment.manage(), registry.cursor() as cr:
        env = odoo.api.Environment(cr, uid, {})
        cr.execute("SELECT coalesce(max(id), 0) FROM mail_activity")
        last_activity = cr.fetchone()[0]
        q0 += 1
        if profile:
            import cProfile
            profiler = cProfile.Profile()
        signal.signal(signal.SIGALRM, _time_up)
        start = time.perf_counter()
        signal.alarm(timeout)
        try:
            if profiler:
                profiler.enable()
            env['tik.ticket.step']._cron_sla_check()
            cr.commit()
            signal.alarm(0)
        except TimeUp:
            if profiler:
                profiler.disable()
            cr.execute("SELECT count(*) FROM mail_activity WHERE id > %s", (last_activity,))
            done = cr.fetchone()[0]
            cr.rollback()
        finally:
            signal.alarm(0)
            if profiler:
                profiler.disable()
        elapsed = time.perf_counter() - start
    if profiler:
        import pstats
        print('\nProfile of the cold run (top 25 by cumulative time):')
        pstats.Stats(profiler, stream=sys.stdout).sort_stats('cumulative').print_stats(25)
    return elapsed, odoo.sql_db.sql_counter - q0, done


def one_size(odoo, base, size, late_every, explain, timeout, profile, reminders_due=False):
    run_db = base + '_run'
    if common.db_exists(run_db):
        common.drop_db(run_db)
    common.copy_db(base, run_db)
    try:
        registry = odoo.registry(run_db)
        with odoo.api.Environment.manage(), registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            cron = env.ref('tik_service_mgmt.ir_cron_sla_check')
            assert cron.code.strip() == 'model._cron_sla_check()', cron.code
            uid = cron.user_id.id
            start = time.perf_counter()
            seeded = common.seed_tik_tickets(env, size, late_every)
            cr.commit()
            for table in ('tik_ticket', 'tik_ticket_step', 'mail_message', 'mail_followers',
                          'mail_followers_mail_message_subtype_rel', 'mail_activity'):
                cr.execute('ANALYZE %s' % table)
            cr.commit()
            now = odoo.fields.Datetime.now()
            cr.execute("SELECT count(*) FROM tik_ticket_step WHERE sla_status = 'running' "
                       "AND date_escalated IS NULL AND date_deadline < %s", (now,))
            due = cr.fetchone()[0]
            # The reminders of the at-risk level went out at each step's at-risk moment,
            # hours before its deadline, in earlier runs of the check (unless
            # --reminders-due: the check was down, the cold run sends them all).
            if not reminders_due:
                at_risk = env.ref('tik_service_mgmt.tik_escalation_rule_at_risk')
                cr.execute("""
                    INSERT INTO tik_escalation (level_id, step_id, ticket_id, date)
                    SELECT %s, id, ticket_id, date_at_risk FROM tik_ticket_step
                    WHERE sla_status = 'running' AND date_at_risk <= %s""",
                           (at_risk.id, now))
                reminded = cr.rowcount
                cr.execute('ANALYZE tik_escalation')
                cr.commit()
                log('%d running lines past their at-risk moment were reminded earlier'
                    % reminded)
        log('%d tickets, %d journal lines seeded in %.1f s; %d running lines past '
            'their deadline' % (seeded['tickets'], seeded['lines'],
                                time.perf_counter() - start, due))
        if not seeded['head_escalates']:
            log('NOTE: workflow.SUPERIOR has no superior for "head": a late Kadin '
                '(approval) step makes the check fail with KeyError, so no late ticket '
                'was put in the approval state.')
        finder = plan = None
        if explain:
            finder, plan = capture_finder(odoo, run_db, uid)
        registry.clear_caches()
        cold_t, cold_q, partial = run_check(odoo, run_db, uid, timeout, profile)
        with registry.cursor() as cr:
            if partial is not None:
                log('cold run stopped after %.0f s (%d of %d escalated by then), rolled '
                    'back; the late lines are marked escalated by SQL for the warm run'
                    % (cold_t, partial, due))
                env = odoo.api.Environment(cr, uid, {})
                levels = env['tik.escalation.rule'].levels()
                env['tik.escalation']._claim(levels, odoo.fields.Datetime.now())
                cr.execute("UPDATE tik_ticket_step SET date_escalated = now() AT TIME ZONE "
                           "'UTC' WHERE sla_status = 'running' AND date_escalated IS NULL "
                           "AND date_deadline < now() AT TIME ZONE 'UTC'")
                cr.commit()
            cr.execute("SELECT count(*) FROM tik_ticket_step WHERE date_escalated IS NOT NULL")
            escalated = cr.fetchone()[0]
            cr.execute("SELECT count(*) FROM tik_escalation WHERE create_uid IS NOT NULL")
            fired = cr.fetchone()[0]
        warm_t, warm_q, _partial = run_check(odoo, run_db, uid)
        log('size %d: cold %.3f s / %d queries (%s escalated, %d levels fired), warm '
            '%.3f s / %d queries' % (size, cold_t, cold_q,
                                     escalated if partial is None else partial, fired,
                                     warm_t, warm_q))
        return {'size': size, 'late': due, 'escalated': escalated, 'fired': fired,
                'cold_t': cold_t,
                'cold_q': cold_q, 'warm_t': warm_t, 'warm_q': warm_q, 'partial': partial,
                'finder': finder, 'plan': plan}
    finally:
        common.close_registry(odoo, run_db)
        common.drop_db(run_db)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--db', default=common.bench_db('sla'),
                        help='base database (%s*)' % common.PREFIX)
    parser.add_argument('--sizes', default='1000,10000,100000')
    parser.add_argument('--late-every', type=int, default=100,
                        help='every Nth ticket is late (100: 1%%)')
    parser.add_argument('--timeout', type=int, default=300,
                        help='stop a cold run after this many seconds (0: never)')
    parser.add_argument('--profile', action='store_true',
                        help='print a cProfile of the cold run at the smallest size')
    parser.add_argument('--reminders-due', action='store_true',
                        help='the at-risk reminders are not sent yet: the cold run sends '
                             'them too (a check that was down for hours)')
    parser.add_argument('--keep', action='store_true', help='keep the base database')
    parser.add_argument('--reuse', action='store_true',
                        help='reuse the base database if it exists (else rebuilt)')
    args = parser.parse_args()
    if not args.db.startswith(common.PREFIX):
        common.die('--db must start with %s (BENCH_PREFIX)' % common.PREFIX)
    sizes = [int(s) for s in args.sizes.split(',') if s.strip()]
    odoo = common.odoo_setup()
    if not (args.reuse and common.db_exists(args.db)):
        common.fresh_db(args.db, 'tik_service_mgmt')
    results = []
    try:
        for size in sizes:
            results.append(one_size(odoo, args.db, size, args.late_every,
                                    explain=size == max(sizes), timeout=args.timeout,
                                    profile=args.profile and size == min(sizes),
                                    reminders_due=args.reminders_due))
    finally:
        if not args.keep:
            common.drop_db(args.db)
    print()
    print('SLA check (_cron_sla_check), %s, %s' % (
        time.strftime('%Y-%m-%d'), ', '.join(os.uname()[1:3])))
    print('| open tickets | late | levels fired | cold time | cold queries | queries per '
          'firing | warm time | warm queries |')
    print('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
    notes = []
    for r in results:
        if r['partial'] is None:
            cold_t, cold_q = '%.3f s' % r['cold_t'], '{:,}'.format(r['cold_q'])
        else:
            cold_t = '> %.0f s (stopped)' % r['cold_t']
            cold_q = '> {:,}'.format(r['cold_q'])
            notes.append('At %s tickets the cold run was stopped after %.0f s, having '
                         'escalated %d of %d late lines; it was rolled back.' % (
                             '{:,}'.format(r['size']), r['cold_t'], r['partial'], r['late']))
        per = '%.1f' % (r['cold_q'] / r['fired']) if r['fired'] else '-'
        print('| {size:,} | {late:,} | {fired:,} | {ct} | {cq} | {per} | {wt:.3f} s | '
              '{warm_q:,} |'.format(ct=cold_t, cq=cold_q, per=per, wt=r['warm_t'], **r))
        if r['partial'] is None and r['escalated'] != r['late']:
            notes.append('At %s tickets: %d late but %d escalated.' % (
                '{:,}'.format(r['size']), r['late'], r['escalated']))
    for note in notes:
        print(note)
    last = results[-1] if results else None
    if last and last['plan']:
        print('\nFinder query at %s tickets:\n%s\n\nEXPLAIN (ANALYZE, BUFFERS):\n%s' % (
            '{:,}'.format(last['size']), last['finder'], last['plan']))
        for index in ('tik_ticket_step_running_deadline_idx',
                      'tik_ticket_step_running_at_risk_idx'):
            print('Uses the partial index %s: %s'
                  % (index, 'yes' if index in last['plan'] else 'NO'))


if __name__ == '__main__':
    main()
