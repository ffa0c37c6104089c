# PostgreSQL and Odoo configuration helpers for run.sh and test.sh. Sourced, not run.

# Starts the cluster (Debian's as root, a private one otherwise) and makes sure the
# role "tik" exists and may create databases. Odoo refuses to connect as "postgres".
pg_up() {
  if [ "$PG_MODE" = system ]; then
    pg_lsclusters -h 2>/dev/null | awk '$1==15 && $2=="main"' | grep -q online ||
      pg_ctlcluster 15 main start
    local su="runuser -u postgres -- env -u PGHOST -u PGUSER -u PGPASSWORD psql -qtA postgres"
    $su -c "SELECT 1 FROM pg_roles WHERE rolname='tik'" | grep -q 1 ||
      $su -c "CREATE ROLE tik LOGIN CREATEDB PASSWORD 'tik'" >/dev/null
  else
    local bin data=$STATE/pg/data
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    if [ ! -f "$data/PG_VERSION" ]; then
      log "Creating a private PostgreSQL cluster in $data"
      mkdir -p "$STATE/pg/run"
      "$bin/initdb" -D "$data" -U tik -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1 ||
      "$bin/pg_ctl" -D "$data" -l "$STATE/pg/server.log" -w start \
        -o "-k $STATE/pg/run -p $PGPORT -c listen_addresses=''" >/dev/null
  fi
}

db_exists() { psql -qtAc "SELECT 1 FROM pg_database WHERE datname='$1'" | grep -q 1; }

# Writes the Odoo configuration file used by every command.
odoo_conf() {
  local site
  site=$("$VENV/bin/python" -c 'import os, odoo; print(os.path.dirname(odoo.__file__))')
  mkdir -p "$STATE/data" "$STATE/log"
  cat > "$CONF" <<CONF
[options]
addons_path = $site/addons,$ROOT
data_dir = $STATE/data
db_host = $PGHOST
db_port = $PGPORT
db_user = $PGUSER
db_password = $PGPASSWORD
admin_passwd = ${TIK_ADMIN_PASSWD:-admin}
list_db = False
CONF
}
