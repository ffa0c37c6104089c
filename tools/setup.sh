#!/usr/bin/env bash
# Installs everything the server and the tests need. Idempotent: a second run checks and
# returns in seconds. Set PYTHON to use another Python 3.7 than pyenv's 3.7.16.
set -euo pipefail
. "$(dirname "$0")/common.sh"

DEBS="postgresql libpq-dev gcc wkhtmltopdf chromium fonts-dejavu-core poppler-utils zbar-tools"

debian_packages() {
  local missing="" p
  for p in $DEBS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
  done
  command -v npm >/dev/null || missing="$missing npm"
  [ -z "$missing" ] && return 0
  log "Installing Debian packages:$missing"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing ||
    die "cannot install$missing: run this once as root (or with sudo)"
}

# pip, without the warnings about package folders this machine's pip.conf names but lacks.
pip_in() {
  local dir=$1; shift
  PIP_DISABLE_PIP_VERSION_CHECK=1 "$dir/bin/pip" install -q "$@" 2> >(grep -v '^WARNING: Location' >&2)
}

# Builds a venv unless its stamp (hash of the files that define it) is current.
venv() {
  local dir=$1 stamp; shift
  stamp=$(cat "$ROOT/constraints.txt" "$@" | sha256sum | cut -c1-16)
  [ -f "$dir/.stamp" ] && [ "$(cat "$dir/.stamp")" = "$stamp" ] && return 1
  log "Creating $dir"
  rm -rf "$dir"
  "$(python37)" -m venv "$dir"
  pip_in "$dir" --upgrade 'pip<24' 'setuptools<58' wheel
  echo "$stamp" > "$dir/.stamp.new"
  return 0
}

server_venv() {
  venv "$VENV" "$ROOT/requirements.txt" "$ROOT/tools/prune_addons.py" || return 0
  # vatnumber's setup.py needs the old setuptools already in the venv.
  pip_in "$VENV" -c "$ROOT/constraints.txt" --no-build-isolation vatnumber suds-jurko
  pip_in "$VENV" -c "$ROOT/constraints.txt" -r "$ROOT/requirements.txt"
  "$VENV/bin/python" "$ROOT/tools/prune_addons.py"
  mv "$VENV/.stamp.new" "$VENV/.stamp"
}

tools_venv() {
  venv "$TOOLS_VENV" "$ROOT/requirements-tools.txt" || return 0
  pip_in "$TOOLS_VENV" -r "$ROOT/requirements-tools.txt"
  mv "$TOOLS_VENV/.stamp.new" "$TOOLS_VENV/.stamp"
}

# Addons the tests install beside ours (requirements-test-addons.txt), never the demo or
# production: into their own folder, which only the side-by-side test databases'
# addons path names. --no-deps: their `odoo` requirement is the server we already have;
# what else they need is pinned in the file. Glue addons of apps we lack are removed.
test_addons() {
  local dir=$STATE/test-addons stamp
  stamp=$(cat "$ROOT/requirements-test-addons.txt" "$ROOT/tools/prune_test_addons.py" |
    sha256sum | cut -c1-16)
  [ -f "$dir/.stamp" ] && [ "$(cat "$dir/.stamp")" = "$stamp" ] && return 0
  log "Installing the test-only addons into $dir"
  rm -rf "$dir"
  pip_in "$VENV" --no-deps --target "$dir" -r "$ROOT/requirements-test-addons.txt"
  "$VENV/bin/python" "$ROOT/tools/prune_test_addons.py" "$dir/odoo/addons"
  echo "$stamp" > "$dir/.stamp"
}

# The server's pinned packages as wheels in .local/wheelhouse, for the test that installs
# the addon's wheel into a new venv without the network (tools/test_wheel.sh).
wheelhouse() {
  local dir=$STATE/wheelhouse stamp
  stamp=$(cat "$ROOT/constraints.txt" "$ROOT/requirements.txt" | sha256sum | cut -c1-16)
  [ -f "$dir/.stamp" ] && [ "$(cat "$dir/.stamp")" = "$stamp" ] && return 0
  log "Filling $dir"
  rm -rf "$dir"
  PIP_DISABLE_PIP_VERSION_CHECK=1 "$VENV/bin/pip" wheel -q -w "$dir" -c "$ROOT/constraints.txt" \
    --no-build-isolation vatnumber suds-jurko -r "$ROOT/requirements.txt" \
    2> >(grep -v '^WARNING: Location' >&2)
  echo "$stamp" > "$dir/.stamp"
}

lessc() {
  [ -x "$STATE/node/node_modules/.bin/lessc" ] && return 0
  log "Installing lessc"
  mkdir -p "$STATE/node"
  # Not --prefix: npm would then read $STATE/node/etc/npmrc instead of the machine's
  # global npmrc and lose its settings (a proxy's CA file, say).
  [ -f "$STATE/node/package.json" ] || echo '{"private": true}' > "$STATE/node/package.json"
  (cd "$STATE/node" && npm install --no-audit --no-fund less@3.13.1) > "$STATE/npm.log" 2>&1 ||
    die "npm install less@3.13.1 failed: see $STATE/npm.log"
}

# axe-core checks the portal's pages against WCAG 2.1 A/AA in the browser tests
# (tests/test_portal_axe.py injects its axe.min.js).
axe() {
  [ -f "$STATE/node/node_modules/axe-core/axe.min.js" ] && return 0
  log "Installing axe-core"
  mkdir -p "$STATE/node"
  [ -f "$STATE/node/package.json" ] || echo '{"private": true}' > "$STATE/node/package.json"
  (cd "$STATE/node" && npm install --no-audit --no-fund axe-core@4.10.2) >> "$STATE/npm.log" 2>&1 ||
    die "npm install axe-core@4.10.2 failed: see $STATE/npm.log"
}

mkdir -p "$STATE"
debian_packages
server_venv
tools_venv
test_addons
wheelhouse
lessc
axe
