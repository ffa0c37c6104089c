# Copyright 2026 Diskominfo Kabupaten Trenggalek
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Shared helpers of the benchmarks: databases, the Odoo registry, bulk test data.

Test data only. The seeders write rows with bulk SQL, shaped like what the workflow
writes (tickets, their hash-chained journal, followers, chatter, to-dos), so that the
measured product code runs against realistic tables. Nothing here is product code.
"""
import configparser
import os
import shutil
import subprocess
import sys
import time
from datetime import datetime

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONF = os.path.join(ROOT, '.local', 'odoo.conf')
LAUNCHER = os.path.join(ROOT, 'tools', 'odoo')
# On a machine shared by several checkouts each one names its own databases and template:
# BENCH_PREFIX (default bench_) starts every database a benchmark makes or drops,
# BENCH_TEMPLATE (default tik_test_base) is the base they are copied from.
PREFIX = os.environ.get('BENCH_PREFIX') or 'bench_'
TEMPLATE = os.environ.get('BENCH_TEMPLATE') or 'tik_test_base'
# Where the anchor (OCA helpdesk_mgmt) lives if not in the venv's odoo/addons: `make
# setup` puts it in .local/test-addons/odoo/addons.
TEST_ADDONS = os.path.join(ROOT, '.local', 'test-addons', 'odoo', 'addons')


def log(msg):
    print('[%s] %s' % (time.strftime('%H:%M:%S'), msg), flush=True)


def die(msg):
    print('ERROR: %s' % msg, file=sys.stderr, flush=True)
    sys.exit(2)


# --- configuration and PostgreSQL ------------------------------------------------------

def odoo_options():
    if not os.path.exists(CONF):
        die('%s is missing: run `make setup` (or `make test`) first.' % CONF)
    parser = configparser.ConfigParser()
    parser.read(CONF)
    return dict(parser['options'])


def odoo_args():
    """-c CONF, plus the test addons on the addons path when they exist."""
    args = ['-c', CONF]
    if os.path.isdir(TEST_ADDONS):
        path = odoo_options().get('addons_path', '')
        if TEST_ADDONS not in path.split(','):
            args.append('--addons-path=%s,%s' % (path, TEST_ADDONS))
    return args


def pg_env():
    """The environment for psql/createdb/dropdb, from .local/odoo.conf."""
    opts = odoo_options()
    env = dict(os.environ)
    for key, var in (('db_host', 'PGHOST'), ('db_port', 'PGPORT'), ('db_user', 'PGUSER'),
                     ('db_password', 'PGPASSWORD')):
        value = opts.get(key)
        if value and value != 'False':
            env[var] = value
    return env


def psql(sql, db='postgres'):
    out = subprocess.run(['psql', '-qtAX', '-d', db, '-c', sql], env=pg_env(),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         universal_newlines=True)
    if out.returncode:
        raise RuntimeError('psql failed: %s' % out.stderr.strip())
    return out.stdout.strip()


def db_exists(name):
    return psql("SELECT 1 FROM pg_database WHERE datname = '%s'" % name) == '1'


def filestore(name):
    return os.path.join(odoo_options().get('data_dir') or
                        os.path.expanduser('~/.local/share/Odoo'), 'filestore', name)


def bench_db(name):
    """The name of a benchmark database: `name` under this checkout's prefix."""
    return name if name.startswith(PREFIX) else PREFIX + name


def drop_db(name):
    assert name.startswith(PREFIX), name
    # Our own leftover connections (a crashed run) would block the drop.
    psql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
         "WHERE datname = '%s' AND pid <> pg_backend_pid() AND usename = current_user"
         % name)
    subprocess.run(['dropdb', '--if-exists', name], env=pg_env(), check=True)
    shutil.rmtree(filestore(name), ignore_errors=True)


def copy_db(template, name, attempts=20):
    """createdb -T, retried: the template may be briefly in use by another copy."""
    assert name.startswith(PREFIX), name
    for attempt in range(attempts):
        out = subprocess.run(['createdb', '-T', template, name], env=pg_env(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             universal_newlines=True)
        if out.returncode == 0:
            src = filestore(template)
            if os.path.isdir(src):
                shutil.copytree(src, filestore(name))
            return
        if 'being accessed by other users' not in out.stderr or attempt == attempts - 1:
            die('createdb -T %s %s failed: %s' % (template, name, out.stderr.strip()))
        time.sleep(3)


def install(db, modules):
    """Installs `modules` with Odoo's own command line (as a user would)."""
    log('installing %s into %s' % (modules, db))
    cmd = [sys.executable, LAUNCHER] + odoo_args() + ['-d', db, '-i', modules,
           '--stop-after-init', '--log-level=warn', '--max-cron-threads=0']
    out = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         universal_newlines=True)
    bad = [l for l in out.stdout.splitlines() if ' ERROR ' in l or ' CRITICAL ' in l]
    if out.returncode or bad:
        print(out.stdout[-4000:], file=sys.stderr)
        die('installing %s into %s failed' % (modules, db))


def fresh_db(name, modules, template=None):
    template = template or TEMPLATE
    if not db_exists(template):
        die('database %s is missing: run `make test` once to build it.' % template)
    if db_exists(name):
        drop_db(name)
    copy_db(template, name)
    install(name, modules)


# --- Odoo in this process -------------------------------------------------------------

def odoo_setup():
    """Imports Odoo configured by .local/odoo.conf (TZ=UTC, as tools/odoo does)."""
    os.environ['TZ'] = 'UTC'
    time.tzset()
    try:
        import odoo
    except ImportError:
        die('Odoo is not importable: run this with the project venv, '
            '.venv/bin/python bench/...')
    odoo.tools.config.parse_config(odoo_args() + ['--log-level=warn',
                                    '--max-cron-threads=0'])
    return odoo


def close_registry(odoo, db):
    odoo.modules.registry.Registry.delete(db)
    odoo.sql_db.close_db(db)


# --- test data ------------------------------------------------------------------------

def _ids(cr, sql, *params):
    cr.execute(sql, params)
    return [row[0] for row in cr.fetchall()]


def seed_tik_tickets(env, count, late_every=100, now=None):
    """Adds `count` open tik.ticket rows with their journal, as the workflow leaves them.

    Every ticket waits in one of the open states (new 20%, analysis 15%, in progress 35%,
    verification 12%, approval 10%, approved 8%). Its journal holds one sealed line
    (sla 'met', sha-256 hash, actor, action, note) per step done and one running line
    (sla_status 'running', date_start, date_deadline, date_at_risk) for the step it
    waits in; the ticket points at it (step_id) and mirrors its deadlines. Followers
    (requester, helpdesk, Kabid, officer, Kadin as far as the ticket went), the
    creation message and one chatter message per step done, and the to-do of the
    running step's actor are written too (tracking messages are not).

    Every `late_every`-th ticket's running step (none if 0) is past its deadline (1 to
    48 hours) and not escalated; the others' deadlines lie 1 to 61 hours ahead. If the addon
    cannot escalate a late Kadin step (no superior for 'head'), late tickets are kept
    out of the approval state so the check can run, and the caller is told.
    Returns a dict of counts.
    """
    from odoo.addons.tik_service_mgmt.lib import workflow
    cr = env.cr
    now = now or datetime.utcnow().replace(microsecond=0)
    ref = env.ref
    sop = {s.sequence: s for s in env['tik.sop.step'].search([])}
    ticket_model = env['ir.model']._get('tik.ticket')
    todo = ref('mail.mail_activity_data_todo').id
    st_note = ref('mail.mt_note').id
    # A step's chatter message: its own subtype where the addon has one, else a note.
    step_subtype = ref('tik_service_mgmt.mt_ticket_step', raise_if_not_found=False)
    st_step = step_subtype.id if step_subtype else st_note
    # Followers get the model's default subtypes, the requester only the public ones
    # (as message_subscribe does).
    defaults = env['mail.message.subtype'].search(
        [('default', '=', True), '|', ('res_model', '=', 'tik.ticket'),
         ('res_model', '=', False)])
    st_staff = defaults.ids
    st_requester = defaults.filtered(lambda s: not s.internal).ids
    ticket = env['tik.ticket']
    helpdesk = ticket._actor_user('helpdesk', sop[2])
    kadin = ticket._actor_user('head', sop[6])
    if not helpdesk or not kadin:
        die('no helpdesk or agency head user: the addon must be installed with demo data')
    # Requesters: partners of a government unit who are not the agency's staff.
    staff_groups = ['tik_service_mgmt.group_%s' % g for g in
                    ('helpdesk', 'division_head', 'officer', 'head', 'manager')]
    staff_partners = set()
    for xmlid in staff_groups:
        staff_partners |= set(ref(xmlid).users.mapped('partner_id').ids)
    requesters = env['res.partner'].search(
        [('is_company', '=', False), ('parent_id.is_company', '=', True)], order='id')
    requesters = requesters.filtered(lambda p: p.id not in staff_partners)
    if not requesters:
        die('no requester partners: the addon must be installed with demo data')
    user_of = {u.partner_id.id: u.id for u in env['res.users'].search(
        [('partner_id', 'in', requesters.ids)])}
    services = env['tik.service'].search([('division_id.head_id', '!=', False)],
                                         order='id')
    svc = []
    for service in services:
        division = service.division_id
        officer = division.officer_ids[:1]
        if officer:
            svc.append((service.id, division.id, division.head_id.id,
                        division.head_id.partner_id.id, officer.id, officer.partner_id.id))
    if not svc:
        die('no service with a division, head and officer: demo data missing')
    head_escalates = 'head' in workflow.SUPERIOR
    # The ticket's pointer to its running journal line (named step_id, then
    # current_step_id while the addon evolved): the stored many2one to the journal.
    pointers = [name for name, f in ticket._fields.items()
                if f.type == 'many2one' and f.comodel_name == 'tik.ticket.step' and f.store]
    if len(pointers) != 1:
        die('cannot tell the running-step field of tik.ticket: %s' % pointers)
    running_col = pointers[0]

    cr.execute("SELECT greatest((SELECT coalesce(max(id), 0) FROM tik_ticket), "
               "(SELECT last_value FROM tik_ticket_id_seq))")
    tbase = cr.fetchone()[0]
    p = {
        'n': count, 'tbase': tbase, 'late_every': late_every, 'now': now,
        'head_escalates': head_escalates,
        'req_pid': requesters.ids,
        'req_unit': [r.commercial_partner_id.id for r in requesters],
        'req_uid': [user_of.get(r.id, helpdesk.id) for r in requesters],
        'req_email': [r.email or '' for r in requesters],
        'svc_id': [s[0] for s in svc], 'svc_div': [s[1] for s in svc],
        'head_uid': [s[2] for s in svc], 'head_pid': [s[3] for s in svc],
        'off_uid': [s[4] for s in svc], 'off_pid': [s[5] for s in svc],
        'hd_uid': helpdesk.id, 'hd_pid': helpdesk.partner_id.id,
        'kadin_uid': kadin.id, 'kadin_pid': kadin.partner_id.id,
        'sop_id': [sop[i].id for i in range(1, 8)],
        'sop_name': [sop[i].name for i in range(1, 8)],
        'action': [None, 'dispatch', 'accept', 'report_resolution', 'verify', 'approve',
                   'close'],
        'state': ['new', 'analysis', 'in_progress', 'verification', 'approval',
                  'approved'],
        'model_id': ticket_model.id, 'todo': todo,
        'st_note': st_note, 'st_step': st_step,
        'st_requester': st_requester, 'st_staff': st_staff,
    }
    cr.execute("SELECT setseed(0.42)")
    # One row per ticket: where it stands and its running step's clock.
    cr.execute("""
        CREATE TEMP TABLE bench_seed ON COMMIT DROP AS
        WITH r AS (
            SELECT g AS n, random() AS r_state, random() AS r_req, random() AS r_svc,
                   random() AS r1, random() AS r2, random() AS r3, random() AS r4
            FROM generate_series(1, %(n)s) g
        ), k AS (
            SELECT r.*, (%(late_every)s > 0 AND r.n %% greatest(%(late_every)s, 1) = 0) AS late,
                   CASE WHEN r_state < 0.20 THEN 2 WHEN r_state < 0.35 THEN 3
                        WHEN r_state < 0.70 THEN 4 WHEN r_state < 0.82 THEN 5
                        WHEN r_state < 0.92 THEN 6 ELSE 7 END AS k0,
                   1 + floor(r_req * array_length(%(req_pid)s::int[], 1))::int AS ri,
                   1 + floor(r_svc * array_length(%(svc_id)s::int[], 1))::int AS si
            FROM r
        ), c AS (
            SELECT k.*,
                   CASE WHEN late AND k0 = 6 AND NOT %(head_escalates)s THEN 4
                        ELSE k0 END AS k,
                   CASE WHEN late
                        THEN %(now)s::timestamp - interval '1 hour' - r1 * interval '47 hours'
                        ELSE %(now)s::timestamp + interval '1 hour' + r1 * interval '60 hours'
                   END AS run_deadline
            FROM k
        )
        SELECT n, %(tbase)s + n AS id, late, k,
               (%(state)s::text[])[k - 1] AS state,
               (%(req_pid)s::int[])[ri] AS partner_id,
               (%(req_unit)s::int[])[ri] AS unit_id,
               (%(req_uid)s::int[])[ri] AS req_uid,
               nullif((%(req_email)s::text[])[ri], '') AS email,
               CASE WHEN k > 2 OR r4 < 0.5 THEN (%(svc_id)s::int[])[si] END AS service_id,
               CASE WHEN k > 2 THEN (%(svc_div)s::int[])[si] END AS division_id,
               (%(head_uid)s::int[])[si] AS head_uid, (%(head_pid)s::int[])[si] AS head_pid,
               CASE WHEN k > 3 THEN (%(off_uid)s::int[])[si] END AS officer_id,
               (%(off_uid)s::int[])[si] AS off_uid, (%(off_pid)s::int[])[si] AS off_pid,
               run_deadline,
               CASE WHEN late
                    THEN run_deadline - interval '24 hours' - r2 * interval '48 hours'
                    ELSE %(now)s::timestamp - r2 * interval '30 hours' END AS run_start,
               interval '2 hours' + r3 * interval '18 hours' AS gap
        FROM c
    """, p)
    cr.execute("""
        ALTER TABLE bench_seed
            ADD COLUMN run_at_risk timestamp, ADD COLUMN t0 timestamp,
            ADD COLUMN number varchar, ADD COLUMN name varchar""")
    cr.execute("""
        UPDATE bench_seed SET
            run_at_risk = run_deadline - (run_deadline - run_start) * 0.25,
            t0 = run_start - (k - 2) * gap,
            number = 'TIK/2025/' || lpad(n::text, 6, '0'),
            name = (ARRAY['Tidak bisa login SIMPEG', 'Jaringan internet putus',
                          'Website dinas tidak bisa diakses', 'Permintaan akun e-mail',
                          'Reset kata sandi e-mail', 'Sertifikat elektronik kedaluwarsa',
                          'Permohonan data sektoral', 'CCTV mati'])[1 + mod(n, 8)]
                   || ' (' || n || ')'
    """)
    cr.execute("""
        INSERT INTO tik_ticket (id, number, name, description, partner_id, unit_id, email,
            service_id, division_id, officer_id, instruction, resolution, state,
            date_deadline, date_at_risk, access_token, active, activity_date_deadline,
            create_uid, create_date, write_uid, write_date)
        SELECT id, number, name, 'Uraian masalah tiket ' || number || '.', partner_id,
            unit_id, email, service_id, division_id, officer_id,
            CASE WHEN k > 3 THEN 'Segera tangani.' END,
            CASE WHEN k > 4 THEN 'Sudah diselesaikan.' END,
            state, run_deadline, run_at_risk, md5(random()::text || id), true,
            ((run_deadline AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Jakarta')::date,
            req_uid, t0, %(hd_uid)s, run_start
        FROM bench_seed ORDER BY n
    """, p)
    cr.execute("SELECT setval('tik_ticket_id_seq', %s)", (tbase + count,))
    # The journal: steps 1 .. k-1 sealed, step k running.
    cr.execute("""
        INSERT INTO tik_ticket_step (ticket_id, position, sop_step_id, action, user_id,
            date_start,
            date_deadline, date_done, sla_status, note, hash, date_at_risk, hours_taken,
            division_id, unit_id, service_id, create_uid, create_date, write_uid,
            write_date)
        SELECT s.id, j, (%(sop_id)s::int[])[j],
            CASE WHEN j < s.k THEN (%(action)s::text[])[j] END,
            CASE WHEN j < s.k THEN CASE j WHEN 1 THEN s.req_uid WHEN 2 THEN %(hd_uid)s
                WHEN 3 THEN s.head_uid WHEN 4 THEN s.off_uid WHEN 5 THEN s.head_uid
                ELSE %(kadin_uid)s END END,
            t.start, t.deadline, t.done,
            CASE WHEN j < s.k THEN 'met' ELSE 'running' END,
            CASE WHEN j = 1 THEN s.name || E'\n\n' || 'Uraian masalah tiket ' || s.number
                 WHEN j < s.k THEN (%(action)s::text[])[j] END,
            CASE WHEN j < s.k THEN encode(sha256(convert_to(s.number || '/' || j, 'UTF8')),
                                          'hex') END,
            t.deadline - (t.deadline - t.start) * 0.25,
            CASE WHEN j < s.k THEN extract(epoch FROM t.done - t.start) / 3600 END,
            s.division_id, s.unit_id, s.service_id, 1, t.start, 1, coalesce(t.done, t.start)
        FROM bench_seed s
        CROSS JOIN LATERAL generate_series(1, s.k) j
        CROSS JOIN LATERAL (
            SELECT x.start,
                   CASE WHEN j = s.k THEN s.run_deadline
                        ELSE x.start + interval '24 hours' END AS deadline,
                   CASE WHEN j = 1 THEN x.start WHEN j < s.k THEN x.start + s.gap END AS done
            FROM (SELECT CASE WHEN j = 1 THEN s.t0 WHEN j < s.k THEN s.t0 + (j - 2) * s.gap
                              ELSE s.run_start END AS start) x
        ) t
        ORDER BY s.n, j
    """, p)
    cr.execute("""
        UPDATE tik_ticket t SET "%s" = l.id
        FROM tik_ticket_step l
        WHERE l.ticket_id = t.id AND l.sla_status = 'running' AND t.id > %%s
    """ % running_col, (tbase,))
    # The running step's to-do, for its actor.
    cr.execute("""
        INSERT INTO mail_activity (res_id, res_model_id, res_model, res_name,
            activity_type_id, summary, date_deadline, user_id, create_uid, create_date,
            write_uid, write_date)
        SELECT id, %(model_id)s, 'tik.ticket', number, %(todo)s, (%(sop_name)s::text[])[k],
            ((run_deadline AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Jakarta')::date,
            CASE k WHEN 3 THEN head_uid WHEN 4 THEN off_uid WHEN 5 THEN head_uid
                   WHEN 6 THEN %(kadin_uid)s ELSE %(hd_uid)s END,
            1, run_start, 1, run_start
        FROM bench_seed ORDER BY n
    """, p)
    # Followers: whoever the ticket's to-dos went to, and the requester.
    cr.execute("""
        INSERT INTO mail_followers (res_model, res_id, partner_id)
        SELECT 'tik.ticket', s.id, f.pid
        FROM bench_seed s CROSS JOIN LATERAL (VALUES
            (s.partner_id, 1), (%(hd_pid)s, 2), (s.head_pid, 3), (s.off_pid, 4),
            (%(kadin_pid)s, 6)) f(pid, from_k)
        WHERE s.k >= f.from_k
        ORDER BY s.n
        ON CONFLICT DO NOTHING
    """, p)
    cr.execute("""
        INSERT INTO mail_followers_mail_message_subtype_rel
            (mail_followers_id, mail_message_subtype_id)
        SELECT f.id, st
        FROM mail_followers f JOIN bench_seed s ON s.id = f.res_id
        CROSS JOIN LATERAL unnest(CASE WHEN f.partner_id = s.partner_id
            THEN %(st_requester)s::int[] ELSE %(st_staff)s::int[] END) st
        WHERE f.res_model = 'tik.ticket'
    """, p)
    # Chatter: the creation note, then one message per step done.
    cr.execute("""
        CREATE TEMP TABLE bench_first ON COMMIT DROP AS
        WITH ins AS (
            INSERT INTO mail_message (date, body, model, res_id, record_name,
                message_type, subtype_id, author_id, message_id, create_uid, create_date,
                write_uid, write_date)
            SELECT t0, '<p>ICT Service Ticket dibuat</p>', 'tik.ticket', id, number,
                'notification', %(st_note)s, partner_id,
                '<bench.' || id || '.0-openerp-' || id || '-tik.ticket@bench>',
                req_uid, t0, req_uid, t0
            FROM bench_seed ORDER BY n
            RETURNING id, res_id)
        SELECT res_id, id AS msg_id FROM ins
    """, p)
    cr.execute("""
        INSERT INTO mail_message (date, body, parent_id, model, res_id, record_name,
            message_type, subtype_id, author_id, message_id, create_uid, create_date,
            write_uid, write_date)
        SELECT d.done, '<p>' || (%(sop_name)s::text[])[j] || ': ' || d.note || '</p>',
            f.msg_id, 'tik.ticket', s.id, s.number, 'notification', %(st_step)s, d.pid,
            '<bench.' || s.id || '.' || j || '-openerp-' || s.id || '-tik.ticket@bench>',
            d.uid, d.done, d.uid, d.done
        FROM bench_seed s JOIN bench_first f ON f.res_id = s.id
        CROSS JOIN LATERAL generate_series(2, s.k - 1) j
        CROSS JOIN LATERAL (SELECT s.t0 + (j - 1) * s.gap AS done,
            CASE j WHEN 2 THEN %(hd_pid)s WHEN 3 THEN s.head_pid WHEN 4 THEN s.off_pid
                   WHEN 5 THEN s.head_pid ELSE %(kadin_pid)s END AS pid,
            CASE j WHEN 2 THEN %(hd_uid)s WHEN 3 THEN s.head_uid WHEN 4 THEN s.off_uid
                   WHEN 5 THEN s.head_uid ELSE %(kadin_uid)s END AS uid,
            (%(action)s::text[])[j] AS note) d
        ORDER BY s.n, j
    """, p)
    cr.execute("SELECT count(*) FILTER (WHERE late), count(*) FROM bench_seed")
    late, total = cr.fetchone()
    cr.execute("SELECT count(*) FROM tik_ticket_step l JOIN bench_seed s ON s.id = l.ticket_id")
    lines = cr.fetchone()[0]
    return {'tickets': total, 'late': late, 'lines': lines,
            'head_escalates': head_escalates}


def seed_helpdesk_tickets(env, count):
    """Adds `count` helpdesk.ticket rows (OCA helpdesk_mgmt) across its stages, teams,
    categories and channels, then moves its number sequence past them."""
    cr = env.cr
    stages = env['helpdesk.ticket.stage'].search([]).ids
    teams = env['helpdesk.ticket.team'].search([]).ids or [None]
    categories = env['helpdesk.ticket.category'].search([]).ids or [None]
    channels = env['helpdesk.ticket.channel'].search([]).ids or [None]
    users = env['res.users'].search([('share', '=', False)]).ids
    partners = env['res.partner'].search([('is_company', '=', False),
                                          ('email', '!=', False)])
    closed = set(env['helpdesk.ticket.stage'].search([('closed', '=', True)]).ids)
    seq = env['ir.sequence'].search([('code', '=', 'helpdesk.ticket.sequence')], limit=1)
    start = seq.number_next_actual
    p = {'n': count, 'start': start, 'stages': stages, 'closed': list(closed) or [0],
         'teams': teams, 'categories': categories, 'channels': channels, 'users': users,
         'pid': partners.ids, 'pname': partners.mapped('name'),
         'pemail': partners.mapped('email'), 'now': datetime.utcnow()}
    cr.execute("SELECT setseed(0.42)")
    cr.execute("""
        INSERT INTO helpdesk_ticket (number, name, description, user_id, stage_id,
            partner_id, partner_name, partner_email, last_stage_update, assigned_date,
            closed_date, company_id, channel_id, category_id, team_id, priority,
            kanban_state, color, create_uid, create_date, write_uid, write_date)
        SELECT 'HT' || lpad((%(start)s + g - 1)::text, 5, '0'),
            'Tiket ' || g, '<p>Uraian masalah ' || g || '</p>',
            (%(users)s::int[])[1 + floor(random() * array_length(%(users)s::int[], 1))::int],
            x.stage, x.pid, (%(pname)s::text[])[x.pi], (%(pemail)s::text[])[x.pi],
            x.created + interval '3 hours', x.created + interval '1 hour',
            CASE WHEN x.stage = ANY(%(closed)s::int[]) THEN x.created + interval '2 days' END,
            1,
            (%(channels)s::int[])[
                1 + floor(random() * array_length(%(channels)s::int[], 1))::int],
            (%(categories)s::int[])[
                1 + floor(random() * array_length(%(categories)s::int[], 1))::int],
            (%(teams)s::int[])[1 + floor(random() * array_length(%(teams)s::int[], 1))::int],
            (floor(random() * 4))::int::text, 'normal', 0,
            1, x.created, 1, x.created + interval '3 hours'
        FROM generate_series(1, %(n)s) g
        CROSS JOIN LATERAL (SELECT
            (%(stages)s::int[])[
                1 + floor(random() * array_length(%(stages)s::int[], 1))::int] AS stage,
            1 + floor(random() * array_length(%(pid)s::int[], 1))::int AS pi,
            %(now)s::timestamp - (%(n)s - g) * interval '20 minutes' AS created
            OFFSET 0) y
        CROSS JOIN LATERAL (SELECT y.stage, y.pi, y.created,
            (%(pid)s::int[])[y.pi] AS pid) x
    """, p)
    seq.sudo().write({'number_next_actual': start + count})
    return {'tickets': count}
