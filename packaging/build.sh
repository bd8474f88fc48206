#!/usr/bin/env bash
# Builds dist/pzmdo/ (PyInstaller one-folder bundle) and smoke-tests it headless: the frozen
# binary prints its Dutch help, creates an encrypted database (check names the version that
# wrote it), adds demo data, writes a PDF and opens every page and patient tab offscreen
# (`pzmdo selftest` fails on any placeholder, missing translation, stylesheet or icon, wrong
# Dutch sorting, or background error). Run with `make package`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
.venv/bin/python -m pip install -q "pyinstaller==6.22.3"
[ "${SKIP_BUILD:-}" = 1 ] || .venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build packaging/pzmdo.spec
# What must not be inside: test and lint tools (see pzmdo.spec).
for unwanted in pytest _pytest mypy ruff hypothesis pdfplumber pdfminer; do
  if compgen -G "dist/pzmdo/_internal/$unwanted" > /dev/null \
    || compgen -G "dist/pzmdo/_internal/$unwanted-*.dist-info" > /dev/null; then
    echo "packaging: $unwanted is in the bundle; exclude it in packaging/pzmdo.spec" >&2
    exit 1
  fi
done
size_mb=$(du -sm dist/pzmdo | cut -f1)
if [ "$size_mb" -gt 250 ]; then
  echo "packaging: the bundle is $size_mb MB, over the 250 MB target (packaging/README.md)" >&2
  exit 1
fi
smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT
export PZMDO_DB="$smoke/p.db" PZMDO_USER=rook PZMDO_PASSWORD=rook-test-wachtwoord
export QT_QPA_PLATFORM=offscreen PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring
app=dist/pzmdo/pzmdo
# Each step's output is captured first: `| grep -q` would stop reading early (SIGPIPE).
expect() {  # expect TEXT COMMAND...: run, show the output on failure, require TEXT in it
  local text=$1 out
  shift
  if ! out=$("$@" 2>&1) || ! grep -q -- "$text" <<<"$out"; then
    printf 'packaging: smoke test failed: %s\n%s\n' "$*" "$out" >&2
    exit 1
  fi
}
expect "OPDRACHT" env -C "$smoke" "$PWD/$app" --help
expect "Herstelsleutel:" "$app" init --admin rook --also-role huisarts --practice "Rookpraktijk (fictief)"
expect "Geschreven door: pzmdo" "$app" check  # exits non-zero unless "in orde"
expect "fictieve patiënten toegevoegd" "$app" demo --patients 8 --seed 2
expect "Zorgplan opgeslagen" "$app" report careplan --patient 1 -o "$smoke/zorgplan.pdf"
test -s "$smoke/zorgplan.pdf"
expect "Zelftest geslaagd" "$app" selftest --patient 1
echo "packaging: dist/pzmdo built ($(du -sh dist/pzmdo | cut -f1)) and smoke-tested"
