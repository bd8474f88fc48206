#!/usr/bin/env bash
# Builds dist/pzmdo_<version>_<arch>.deb from the PyInstaller bundle with dpkg-deb:
#   /opt/pzmdo (the bundle), /usr/bin/pzmdo, a .desktop entry and the icon set (16-256 px PNG
#   rendered from the SVG, plus the SVG). Removing the package never touches users' data
#   folders (~/.local/share/pzmdo): the package has no maintainer script that could.
# With --install-test (root): installs it with dpkg -i, runs --version, init, check (the
# version that wrote the database), demo, a PDF and the offscreen selftest as a throw-away
# user home, removes it with dpkg -r and checks that the data folder is still there. `make package` runs build.sh and then this with the test.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x dist/pzmdo/pzmdo ] || packaging/build.sh
version=$(.venv/bin/python -c "import pzmdo; print(pzmdo.__version__)")
arch=$(dpkg --print-architecture)
deb="dist/pzmdo_${version}_${arch}.deb"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
root="$stage/pzmdo"
share="$root/usr/share"
mkdir -p "$root/DEBIAN" "$root/opt" "$root/usr/bin" "$share/applications" \
  "$share/icons/hicolor/scalable/apps" "$share/doc/pzmdo"
cp -r dist/pzmdo "$root/opt/pzmdo"
printf '#!/bin/sh\nexec /opt/pzmdo/pzmdo "$@"\n' > "$root/usr/bin/pzmdo"
install -m 644 packaging/pzmdo.desktop "$share/applications/pzmdo.desktop"
install -m 644 resources/icons/pzmdo.svg "$share/icons/hicolor/scalable/apps/pzmdo.svg"
QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py resources/icons/pzmdo.svg \
  "$share/icons/hicolor" > /dev/null
{
  echo "pzmdo $version — licence: see Help > About in the program."
  echo
  echo "Bundled fonts (resources/fonts):"
  cat resources/fonts/LICENSE-DejaVu.txt
} > "$share/doc/pzmdo/copyright"
find "$root" -type d -exec chmod 755 {} +
find "$root" -type f -exec chmod go-w,a+r {} +
chmod 755 "$root/usr/bin/pzmdo" "$root/opt/pzmdo/pzmdo"
cat > "$root/DEBIAN/control" <<CONTROL
Package: pzmdo
Version: $version
Section: misc
Priority: optional
Architecture: $arch
Maintainer: pzmdo <pzmdo@localhost>
Installed-Size: $(du -sk "$root" | cut -f1)
Depends: libc6, libegl1, libgl1, libxkbcommon0, libxkbcommon-x11-0, libfontconfig1,
 libdbus-1-3, libglib2.0-0t64 | libglib2.0-0, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1,
 libxcb-image0, libxcb-render-util0, libxcb-shape0
Description: MDO/PaTz register for palliative care in Dutch general practice
 Register, marking, care plans, MDO and PaTz meetings, consultations and PDF documents for
 general practice teams (Dutch user interface). Data stay in an encrypted database in the
 user's data folder; removing the package leaves them in place.
CONTROL
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" > /dev/null
echo "packaging: $deb ($(du -h "$deb" | cut -f1))"

[ "${1:-}" = "--install-test" ] || exit 0
home=$(mktemp -d)
trap 'rm -rf "$stage" "$home"; dpkg -r pzmdo > /dev/null 2>&1 || true' EXIT
fail() { echo "packaging: .deb test failed: $*" >&2; exit 1; }
dpkg -i "$deb" > /dev/null
run() {  # run as the throw-away user: default database in its data folder
  env -i PATH=/usr/bin:/bin HOME="$home" XDG_DATA_HOME="$home/.local/share" \
    QT_QPA_PLATFORM=offscreen PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring \
    PZMDO_USER=rook PZMDO_PASSWORD=rook-test-wachtwoord pzmdo "$@" 2>&1
}
[ "$(command -v pzmdo)" = /usr/bin/pzmdo ] || fail "pzmdo is not on the PATH"
out=$(run --version) && grep -q "$version" <<<"$out" || fail "--version: $out"
out=$(run init --admin rook --practice "Debpraktijk (fictief)") || fail "init: $out"
out=$(run check) && grep -q "Geschreven door: pzmdo $version" <<<"$out" || fail "check: $out"
out=$(run demo --patients 6 --seed 3) || fail "demo: $out"
out=$(run report careplan --patient 1 -o "$home/zorgplan.pdf") && [ -s "$home/zorgplan.pdf" ] \
  || fail "report: $out"
out=$(run selftest --patient 1) && grep -q "Zelftest geslaagd" <<<"$out" || fail "selftest: $out"
data="$home/.local/share/pzmdo"
[ -s "$data/pzmdo.db" ] || fail "no database in the data folder $data"
dpkg -r pzmdo > /dev/null
[ ! -e /opt/pzmdo ] && [ ! -e /usr/bin/pzmdo ] || fail "dpkg -r left the program behind"
[ -s "$data/pzmdo.db" ] && [ -s "$data/pzmdo.db.keys" ] || fail "dpkg -r touched $data"
echo "packaging: $deb installed, used (init, demo, PDF, selftest), removed; data folder kept"
