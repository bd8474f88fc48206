#!/usr/bin/env bash
# The whole test suite: lint, architecture contracts, translations, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
# The shared-server tests start a private PostgreSQL 15 cluster (Unix socket only).
if [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
  else
    echo "test: PostgreSQL 15 is not installed; the shared-server tests are skipped (sudo apt-get install postgresql-15)."
  fi
fi
.venv/bin/ruff check .
.venv/bin/lint-imports --no-cache
.venv/bin/python tools/i18n.py check
.venv/bin/python tools/mypy_check.py
# Without arguments: the whole suite on the encrypted file, then the store, services and
# security suites again on a PostgreSQL server database (tests/support/backends.py); with
# arguments, one pytest run as asked (PZMDO_TEST_BACKEND=postgresql picks the server).
counts=$(mktemp)
trap 'rm -f "$counts"' EXIT
status=0
[ $# = 0 ] && unset PZMDO_TEST_BACKEND
PZMDO_TEST_COUNTS="$counts" .venv/bin/python -m pytest "$@" || status=$?
if [ $# = 0 ]; then
  if [ -x /usr/lib/postgresql/15/bin/initdb ] || [ -n "${CI:-}" ]; then
    PZMDO_TEST_BACKEND=postgresql PZMDO_TEST_COUNTS="$counts" \
      .venv/bin/python -m pytest tests/store tests/services tests/security || status=$?
  else
    echo "Server (PostgreSQL): not run, PostgreSQL 15 is not installed" >>"$counts"
  fi
fi
echo
echo "== Tests per back end"
cat "$counts"
exit $status
