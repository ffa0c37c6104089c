#!/usr/bin/env bash
# Runs every test suite: the addon's Odoo tests (installed fresh on a copy of a cached
# base database), the outside tests in tests/ against a running server, tik_coexistence
# (tests/addons) beside OCA mail, audit and report addons, an update that keeps what the
# service manager edited, the addon's wheel in a new venv, and make lint.
# Ends with one line "N passed, N failed"; exits non-zero on any failure.
set -euo pipefail
. "$(dirname "$0")/common.sh"
. "$ROOT/tools/db.sh"

bash "$ROOT/tools/setup.sh"
pg_was_up=0
if [ "$PG_MODE" = local ] && "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl" \
    -D "$STATE/pg/data" status >/dev/null 2>&1; then pg_was_up=1; fi
pg_up
odoo_conf
LOGS=$STATE/log/$TEST_DB
mkdir -p "$LOGS"
rm -f "$LOGS"/test-*

server_pid=""
# wait_for_server DB: until the server answers and its registry of DB holds the models
# the tests use (a request may come while Odoo is still loading the registry).
wait_for_server() {
  "$VENV/bin/python" - "http://127.0.0.1:$TEST_PORT" "$1" <<'PY'
import sys, time, urllib.request, xmlrpc.client
url, db = sys.argv[1], sys.argv[2]
ready = 0
for _ in range(240):
    try:
        urllib.request.urlopen(url + '/web/login', timeout=5)
        uid = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/common').authenticate(
            db, 'admin', 'admin', {})
        models = xmlrpc.client.ServerProxy(url + '/xmlrpc/2/object')
        for model in ('tik.ticket', 'bus.bus', 'mail.message'):
            models.execute_kw(db, uid, 'admin', model, 'search_count', [[]])
        ready += 1
        if ready == 2:
            break
    except Exception:
        ready = 0
    time.sleep(0.5)
PY
}
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  if [ "$PG_MODE" = local ] && [ "$pg_was_up" = 0 ]; then
    "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl" -D "$STATE/pg/data" \
      -m fast stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

# A database with the addon's dependencies (and Indonesian) installed, rebuilt only
# when those change; each run copies it and installs the addon with its tests.
deps=$("$VENV/bin/python" -c "import ast; print(','.join(ast.literal_eval(open('$ROOT/tik_service_mgmt/__manifest__.py').read())['depends']))")
base_key=$(echo "$deps" | cat - "$ROOT/constraints.txt" | sha256sum | cut -c1-16)
base_db=${TEST_DB}_base
if [ "$(psql -qtAc "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname='$base_db'")" != "$base_key" ]; then
  log "Building $base_db ($deps)"
  dropdb --if-exists --force "$base_db"
  $ODOO -c "$CONF" -d "$base_db" -i "$deps" --load-language=id_ID --stop-after-init \
    --log-level=warn
  psql -qc "COMMENT ON DATABASE $base_db IS '$base_key'"
fi
dropdb --if-exists --force "$TEST_DB"
createdb -T "$base_db" "$TEST_DB"
rm -rf "$STATE/data/filestore/$TEST_DB"
[ -d "$STATE/data/filestore/$base_db" ] &&
  cp -r "$STATE/data/filestore/$base_db" "$STATE/data/filestore/$TEST_DB"

log "Addon tests (Odoo's runner)"
set +e
timeout 1500 $ODOO -c "$CONF" -d "$TEST_DB" -i tik_service_mgmt --test-enable --stop-after-init \
  --log-level=test --http-port="$TEST_PORT" --http-interface=127.0.0.1 --workers=0 \
  2>&1 | tee "$LOGS/test-addon.log" | grep -E ' (ERROR|CRITICAL) |Ran [0-9]+ test|^(FAIL|ERROR):' 
addon_rc=${PIPESTATUS[0]}
set -e

# Beside OCA helpdesk_mgmt, which claims /my/tickets: a copy of the tested database with
# helpdesk_mgmt (a test-only addon, tools/setup.sh) installed too. About 20 s.
HD_DB=${TEST_DB}_hd
HD_CONF=$STATE/odoo-hd.conf
sed "s#^addons_path = .*#&,$STATE/test-addons/odoo/addons#" "$CONF" > "$HD_CONF"
log "Beside OCA helpdesk_mgmt: $HD_DB"
set +e
dropdb --if-exists --force "$HD_DB" && createdb -T "$TEST_DB" "$HD_DB"
rm -rf "$STATE/data/filestore/$HD_DB"
[ -d "$STATE/data/filestore/$TEST_DB" ] &&
  cp -r "$STATE/data/filestore/$TEST_DB" "$STATE/data/filestore/$HD_DB"
$ODOO -c "$HD_CONF" -d "$HD_DB" -i helpdesk_mgmt --stop-after-init --log-level=warn \
  --workers=0 --max-cron-threads=0 > "$LOGS/test-hd-install.log" 2>&1
hd_install_rc=$?
grep -qE ' (ERROR|CRITICAL) ' "$LOGS/test-hd-install.log" && hd_install_rc=1
set -e

# Beside OCA addons that extend Odoo's mail models (mail_activity_done, _team,
# mail_restrict_follower_selection, mail_tracking), the audit log (auditlog) and the
# report route (report_xlsx): a copy of the tested database with them and the probe
# addon installed (test-only, tools/setup.sh and tests/addons), then tik_coexistence
# installed with its tests, which walk tickets through the SOP. About 2 minutes.
CX_DB=${TEST_DB}_cx
CX_CONF=$STATE/odoo-cx.conf
CX_BESIDE=mail_activity_done,mail_activity_team,mail_restrict_follower_selection,auditlog
CX_BESIDE=$CX_BESIDE,report_xlsx,mail_tracking,tik_mail_probe
sed "s#^addons_path = .*#&,$STATE/test-addons/odoo/addons,$ROOT/tests/addons#" "$CONF" \
  > "$CX_CONF"
log "Beside OCA mail, audit and report addons: $CX_DB"
set +e
cx_rc=1
if dropdb --if-exists --force "$CX_DB" && createdb -T "$TEST_DB" "$CX_DB"; then
  rm -rf "$STATE/data/filestore/$CX_DB"
  [ -d "$STATE/data/filestore/$TEST_DB" ] &&
    cp -r "$STATE/data/filestore/$TEST_DB" "$STATE/data/filestore/$CX_DB"
  # Their own tests are theirs: installed without, then ours with.
  $ODOO -c "$CX_CONF" -d "$CX_DB" -i "$CX_BESIDE" --stop-after-init --log-level=warn \
    --workers=0 --max-cron-threads=0 > "$LOGS/test-coexistence-install.log" 2>&1
  cx_install_rc=$?
  timeout 900 $ODOO -c "$CX_CONF" -d "$CX_DB" -i tik_coexistence --test-enable \
    --stop-after-init --log-level=test --http-port="$TEST_PORT" --http-interface=127.0.0.1 \
    --workers=0 --max-cron-threads=0 2>&1 | tee "$LOGS/test-coexistence.log" |
    grep -E ' (ERROR|CRITICAL) |Ran [0-9]+ test|^(FAIL|ERROR):'
  cx_rc=${PIPESTATUS[0]}
  [ "$cx_install_rc" = 0 ] || {
    echo "the OCA addons did not install: see $LOGS/test-coexistence-install.log"; cx_rc=1; }
else
  echo "could not copy $TEST_DB to $CX_DB"
fi
set -e

# serve CONF DB LOG: a server for the outside tests on $TEST_PORT, as $server_pid.
# Without -d: Odoo would build the registry in a thread of its own while the first
# requests already build one, and two registries built at once can miss models.
serve() {
  $ODOO -c "$1" --db-filter="^$2\$" --http-port="$TEST_PORT" \
    --http-interface=127.0.0.1 --workers=0 --max-cron-threads=0 --log-level=warn \
    > "$3" 2>&1 &
  server_pid=$!
  wait_for_server "$2"
}

log "Outside tests (tests/, against a server on port $TEST_PORT)"
serve "$CONF" "$TEST_DB" "$LOGS/test-server.log"
set +e
TIK_URL="http://127.0.0.1:$TEST_PORT" TIK_DB="$TEST_DB" \
  "$TOOLS_VENV/bin/pytest" -q -p no:cacheprovider "$ROOT/tests" \
  --junitxml="$LOGS/test-outside.xml"
outside_rc=$?
kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; server_pid=""

log "Outside tests beside helpdesk_mgmt (tests/test_beside_helpdesk.py, $HD_DB)"
serve "$HD_CONF" "$HD_DB" "$LOGS/test-hd-server.log"
set +e
TIK_URL="http://127.0.0.1:$TEST_PORT" TIK_DB="$HD_DB" TIK_BESIDE_HELPDESK=1 \
  "$TOOLS_VENV/bin/pytest" -q -p no:cacheprovider "$ROOT/tests/test_beside_helpdesk.py" \
  --junitxml="$LOGS/test-outside-hd.xml"
hd_rc=$?
[ "$hd_install_rc" = 0 ] || { echo "helpdesk_mgmt did not install: see $LOGS/test-hd-install.log"; hd_rc=1; }
set -e
kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; server_pid=""

# An update keeps what the service manager edited (noupdate data): on a copy of the
# tested database, the manager rewords a notice and the alias, then -u. About 30 s.
UP_DB=${TEST_DB}_up
log "Update after the manager's edits: $UP_DB"
set +e
upgrade_rc=1
if dropdb --if-exists --force "$UP_DB" && createdb -T "$TEST_DB" "$UP_DB"; then
  rm -rf "$STATE/data/filestore/$UP_DB"
  [ -d "$STATE/data/filestore/$TEST_DB" ] &&
    cp -r "$STATE/data/filestore/$TEST_DB" "$STATE/data/filestore/$UP_DB"
  "$VENV/bin/python" "$ROOT/tools/upgrade_check.py" edit "$CONF" "$UP_DB" &&
    $ODOO -c "$CONF" -d "$UP_DB" -u tik_service_mgmt --stop-after-init --log-level=warn \
      --workers=0 --max-cron-threads=0 > "$LOGS/test-upgrade.log" 2>&1 &&
    ! grep -E ' (ERROR|CRITICAL) ' "$LOGS/test-upgrade.log" &&
    "$VENV/bin/python" "$ROOT/tools/upgrade_check.py" verify "$CONF" "$UP_DB"
  upgrade_rc=$?
fi
dropdb --if-exists --force "$UP_DB"
rm -rf "$STATE/data/filestore/$UP_DB"

log "The addon's wheel in a new venv (tools/test_wheel.sh)"
bash "$ROOT/tools/test_wheel.sh" "$LOGS" 2>&1 | tee "$LOGS/test-wheel.log"
wheel_rc=${PIPESTATUS[0]}

log "make lint"
bash "$ROOT/tools/lint.sh" > "$LOGS/test-lint.log" 2>&1
lint_rc=$?
cat "$LOGS/test-lint.log"
set -e

"$VENV/bin/python" "$ROOT/tools/verdict.py" "$LOGS" "$addon_rc" "$outside_rc" "$lint_rc" "$hd_rc" \
  "$cx_rc" "update keeping the manager's edits=$upgrade_rc" "wheel in a new venv=$wheel_rc"
