#!/usr/bin/env bash
# Builds dist/pzmdo/ (PyInstaller one-folder bundle) and smoke-tests it headless:
# the frozen binary must print its Dutch help and create an encrypted database.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/python -m pip install -q "pyinstaller==6.22.3"
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/pzmdo.spec
smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT
dist/pzmdo/pzmdo --help | grep -q "OPDRACHT"
PZMDO_PASSWORD=rook-test-wachtwoord dist/pzmdo/pzmdo init --db "$smoke/p.db" --admin rook | grep -q "^Herstelsleutel:"
PZMDO_PASSWORD=rook-test-wachtwoord dist/pzmdo/pzmdo check --db "$smoke/p.db" --user rook | grep -q "in orde"
echo "packaging: dist/pzmdo built and smoke-tested"
