#!/usr/bin/env bash
# make lint: pylint-odoo with OCA's checks (.pylintrc), flake8 (.flake8), the licence
# header of every Python file (tools/license_headers.py) and README.rst/index.html in
# step with readme/ (tools/gen_readme.py). No network once setup has run. Exits 1 on any
# finding.
set -uo pipefail
. "$(dirname "$0")/common.sh"
bash "$ROOT/tools/setup.sh" || exit 1
cd "$ROOT"
rc=0
run() {
  local label=$1; shift
  if "$@"; then echo "$label: clean"; else echo "$label: FAILED"; rc=1; fi
}
run pylint-odoo "$TOOLS_VENV/bin/pylint" --rcfile=.pylintrc tik_service_mgmt \
  tests/addons/tik_mail_probe tests/addons/tik_coexistence
run flake8 "$TOOLS_VENV/bin/flake8" .
run "licence headers" "$VENV/bin/python" tools/license_headers.py --check
run "README.rst and index.html" "$VENV/bin/python" tools/gen_readme.py --check
exit $rc
