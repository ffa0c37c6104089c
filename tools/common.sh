# Shared settings for the setup, run and test scripts. Sourced, not run.
# Everything the scripts make lives in the checkout: .venv, .venv-tools and .local/.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=$ROOT/.venv
TOOLS_VENV=$ROOT/.venv-tools
STATE=$ROOT/.local
ODOO="$VENV/bin/python $ROOT/tools/odoo"
CONF=$STATE/odoo.conf
DEMO_DB=${TIK_DEMO_DB:-tik_demo}
TEST_DB=${TIK_TEST_DB:-tik_test}
HTTP_PORT=${TIK_HTTP_PORT:-8069}
TEST_PORT=${TIK_TEST_PORT:-8169}
export PATH="$STATE/node/node_modules/.bin:$VENV/bin:$PATH"
export TZ=UTC PGTZ=UTC

# Root uses Debian's own cluster; a normal user gets a private cluster in .local/pg.
if [ "$(id -u)" = 0 ]; then
  PG_MODE=system
  export PGHOST=127.0.0.1 PGPORT=${TIK_PG_PORT:-5432} PGUSER=tik PGPASSWORD=tik
else
  PG_MODE=local
  export PGHOST=$STATE/pg/run PGPORT=${TIK_PG_PORT:-5433} PGUSER=tik PGPASSWORD=tik
fi
export PGDATABASE=postgres

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}

# The Python 3.7 venvs are made from: PYTHON, else pyenv's 3.7.16.
python37() {
  if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"; return; fi
  local p
  p="$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")/versions/3.7.16/bin/python"
  [ -x "$p" ] || p=/root/.pyenv/versions/3.7.16/bin/python
  [ -x "$p" ] || die "no Python 3.7 found: set PYTHON=/path/to/python3.7"
  echo "$p"
}
