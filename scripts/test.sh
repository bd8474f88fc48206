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
.venv/bin/python -m pytest "$@"
