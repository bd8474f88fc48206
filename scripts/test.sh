#!/usr/bin/env bash
# The whole test suite: lint, architecture contracts, translations, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
.venv/bin/lint-imports --no-cache
.venv/bin/python tools/i18n.py check
.venv/bin/python -m pytest "$@"
