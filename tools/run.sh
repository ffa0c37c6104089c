#!/usr/bin/env bash
# Brings up Odoo 11 with tik_service_mgmt and its demo data on http://127.0.0.1:8069.
# The first run installs everything; later runs reuse it and upgrade the addon only
# when its files changed. One threaded process serves pages and live notifications on
# the same port; TIK_WORKERS=2 runs workers (long polling then needs a proxy, see README).
set -euo pipefail
. "$(dirname "$0")/common.sh"
. "$ROOT/tools/db.sh"

bash "$ROOT/tools/setup.sh"
pg_up
odoo_conf

stamp=$(cd "$ROOT" && find tik_service_mgmt -type f ! -name '*.pyc' -print0 | sort -z |
  xargs -0 sha256sum | sha256sum | cut -c1-16)
# The address the demo is served at: installing the addon sets report.url (where the
# printouts' style sheets are fetched) to it when empty.
SERVED_AT=(--http-interface=127.0.0.1 --http-port="$HTTP_PORT")
if ! db_exists "$DEMO_DB"; then
  log "Creating database $DEMO_DB with demo data (about a minute)"
  $ODOO -c "$CONF" -d "$DEMO_DB" -i tik_service_mgmt --load-language=id_ID \
    "${SERVED_AT[@]}" --stop-after-init --log-level=warn ||
    { dropdb --if-exists "$DEMO_DB"; exit 1; }
  echo "$stamp" > "$STATE/$DEMO_DB.stamp"
elif [ "$(cat "$STATE/$DEMO_DB.stamp" 2>/dev/null)" != "$stamp" ]; then
  log "Upgrading tik_service_mgmt in $DEMO_DB"
  $ODOO -c "$CONF" -d "$DEMO_DB" -u tik_service_mgmt "${SERVED_AT[@]}" --stop-after-init \
    --log-level=warn
  echo "$stamp" > "$STATE/$DEMO_DB.stamp"
fi

cat <<TXT

Odoo 11 with tik_service_mgmt: http://127.0.0.1:$HTTP_PORT  (database $DEMO_DB)
Demo logins (password = login):
  admin           Administrator, service manager (password: admin)
  pengguna        Pengguna, staff of Dinas Pendidikan (backend)
  pengguna.portal Pengguna, staff of Dinas Kesehatan (portal, /my/layanan-tik)
  helpdesk        Helpdesk (steps 2 and 7)
  kabid.aptika    Kabid Aplikasi Informatika (steps 3 and 5)
  kabid.infra     Kabid Infrastruktur TIK (steps 3 and 5)
  petugas.aptika  Pejabat Fungsional, Aplikasi Informatika (step 4)
  petugas.infra   Pejabat Fungsional, Infrastruktur TIK (step 4)
  kadin           Kepala Dinas (step 6)
  manager         Service manager (configuration)
Stop with Ctrl-C.
TXT
exec $ODOO -c "$CONF" -d "$DEMO_DB" --db-filter="^$DEMO_DB\$" "${SERVED_AT[@]}" \
  --longpolling-port="${TIK_LONGPOLLING_PORT:-8072}" --workers="${TIK_WORKERS:-0}" --max-cron-threads=1 "$@"
