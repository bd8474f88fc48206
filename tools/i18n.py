"""Dutch translations: one Qt .ts file per GUI module or form, in resources/i18n/nl/.

    .venv/bin/python tools/i18n.py update [FILE...]   # lupdate: add new source strings
    .venv/bin/python tools/i18n.py translate TSFILE   # fill from "source<TAB>Dutch" lines on stdin
    .venv/bin/python tools/i18n.py check              # fail on any untranslated string,
                                                      # missing Qt base (qtbase_nl) texts
                                                      # or English argparse text in the CLI
    .venv/bin/python tools/i18n.py release            # lrelease: compile .ts -> .qm

Source strings are English (``self.tr("...")`` or ``QCoreApplication.translate(ctx, "...")``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "i18n" / "nl"
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    local = BIN / f"pyside6-{name}"
    return str(local) if local.exists() else f"pyside6-{name}"


def sources() -> list[Path]:
    found = sorted((ROOT / "pzmdo" / "gui").rglob("*.py")) + sorted((ROOT / "ui").glob("*.ui"))
    return [p for p in found if _has_strings(p)]


def _has_strings(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    return "<string>" in text if path.suffix == ".ui" else ("tr(" in text or "translate(" in text)


def ts_for(source: Path) -> Path:
    stem = source.stem if source.suffix == ".py" else f"ui_{source.stem}"
    return TS_DIR / f"{stem}.ts"


def _lupdate(source: Path, ts: Path) -> None:
    subprocess.run(
        [
            _tool("lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            "nl_NL",
            str(source),
            "-ts",
            str(ts),
        ],
        check=True,
    )


def update(paths: list[str]) -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for source in [Path(p).resolve() for p in paths] or sources():
        _lupdate(source, ts_for(source))
        if not any(ET.parse(ts_for(source)).iter("message")):
            ts_for(source).unlink()
            continue
        print(f"{ts_for(source).relative_to(ROOT)}: {len(unfinished(ts_for(source)))} untranslated")


def mnemonics(text: str) -> int:
    """How many keyboard mnemonics (a single '&' before a character) a label has."""
    return text.replace("&&", "").count("&")


def malformed(ts: Path) -> list[str]:
    """Translations that would show wrong: a lost or extra mnemonic, a lost placeholder, or
    markup escaped twice (a visible 'amp;' on a button)."""
    problems = []
    for message in ET.parse(ts).iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        texts = [f.text or "" for f in translation.findall("numerusform")] or [
            translation.text or ""
        ]
        for text in filter(None, texts):
            if "amp;" in text or "&lt;" in text or "&gt;" in text:
                problems.append(f"escaped twice: {source!r} -> {text!r}")
            elif mnemonics(text) != mnemonics(source):
                problems.append(f"mnemonic lost or doubled: {source!r} -> {text!r}")
            for n in range(1, 10):
                if f"%{n}" in source and f"%{n}" not in text:
                    problems.append(f"placeholder %{n} lost: {source!r} -> {text!r}")
    return problems


def unfinished(ts: Path) -> list[str]:
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is None:
            missing.append(message.findtext("source") or "")
            continue
        kind = translation.get("type")
        if kind in ("vanished", "obsolete"):
            continue
        forms = translation.findall("numerusform")  # %n plurals: every form filled
        filled = (
            all((f.text or "").strip() for f in forms)
            if forms
            else ((translation.text or "").strip())
        )
        if kind == "unfinished" or not filled:
            missing.append(message.findtext("source") or "")
    return missing


def translate(ts_path: str) -> None:
    """Fill translations from tab-separated lines on stdin (source, Dutch); for a %n
    plural give the Dutch forms separated by "|" (singular|plural)."""
    ts = Path(ts_path)
    pairs = {}
    for line in sys.stdin.read().splitlines():
        if "\t" in line:
            src, dst = line.split("\t", 1)
            pairs[src.replace("\\n", "\n")] = dst.replace("\\n", "\n")
    tree = ET.parse(ts)
    filled = 0
    for message in tree.iter("message"):
        source = message.findtext("source")
        if source in pairs:
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            forms = translation.findall("numerusform")
            if message.get("numerus") == "yes":
                for old in forms:
                    translation.remove(old)
                for text in pairs[source].split("|"):
                    ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = pairs[source]
            translation.attrib.pop("type", None)
            filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    print(f"{ts.name}: {filled} filled, {len(unfinished(ts))} still untranslated")


def check() -> int:
    """Every translatable GUI string has a Dutch translation (checked on a fresh lupdate)."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for source in sources():
            ts = ts_for(source)
            probe = Path(tmp) / ts.name
            if ts.exists():
                shutil.copyfile(ts, probe)
            _lupdate(source, probe)
            for text in unfinished(probe):
                problems.append(f"{source.relative_to(ROOT)}: untranslated: {text!r}")
    untranslated = len(problems)
    for ts in sorted(TS_DIR.glob("*.ts")):
        problems += [f"{ts.relative_to(ROOT)}: {p}" for p in malformed(ts)]
    problems += check_qt_base() + check_cli()
    for line in problems:
        print(line)
    print(
        f"i18n: {len(sources())} sources, {untranslated} untranslated strings, "
        f"{len(problems) - untranslated} other problems"
    )
    return 1 if problems else 0


# Qt's own dialogs (file dialog, message box buttons) must speak Dutch too.
QT_BASE_SAMPLES = (
    ("QFileDialog", "Look in:", "Zoeken in:"),
    ("QFileDialog", "Files of type:", "Bestanden van type:"),
    ("QPlatformTheme", "Cancel", "Annuleren"),
)


def check_qt_base() -> list[str]:
    """The application's translators (as installed at start) translate Qt's own texts."""
    from PySide6.QtCore import QCoreApplication

    from pzmdo.gui.app import install_translations
    from pzmdo.gui.qt_texts import QT_TEXTS

    app = QCoreApplication.instance() or QCoreApplication([])
    translators = install_translations(app, "nl")
    try:
        return [
            f"Qt base translation missing (qtbase_nl.qm): {context} {text!r}"
            for context, text, dutch in QT_BASE_SAMPLES
            if QCoreApplication.translate(context, text) != dutch
        ] + [
            f"Qt text left in English (pzmdo/gui/qt_texts.py): {context} {text!r}"
            for context, text in QT_TEXTS
            if QCoreApplication.translate(context, text) == text
        ]
    finally:
        for tr in translators:
            app.removeTranslator(tr)


ARGPARSE_ENGLISH = (
    "usage:",
    "positional arguments",
    "options:",
    "optional arguments",
    "show this help message",
    "invalid choice",
    "the following arguments are required",
    "unrecognized arguments",
    "expected one argument",
    "error:",
)


def check_cli() -> list[str]:
    """Every help text and usage error of the CLI is free of argparse's English."""
    import argparse
    import contextlib
    import io

    from pzmdo.cli import build_parser

    texts: list[tuple[str, str]] = []
    parsers = [("pzmdo", build_parser())]
    while parsers:
        name, parser = parsers.pop()
        texts.append((f"{name} --help", parser.format_help()))
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                parsers += [(f"{name} {n}", p) for n, p in action.choices.items()]
    for argv in (["onbekend"], ["meeting", "new"], ["meeting", "new", "--date"], ["--x"]):
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.suppress(SystemExit):
            build_parser().parse_args(argv)
        texts.append(("pzmdo " + " ".join(argv), err.getvalue()))
    run = subprocess.run(
        [sys.executable, "-m", "pzmdo", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    texts.append(("pzmdo --help (process)", run.stdout + run.stderr))
    return [
        f"CLI English argparse text in '{where}': {marker!r}"
        for where, text in texts
        for marker in ARGPARSE_ENGLISH
        if marker in text.lower()
    ]


def release() -> None:
    for ts in sorted(TS_DIR.glob("*.ts")):
        subprocess.run(
            [_tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )


def main() -> int:
    command, args = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("check", [])
    if command == "update":
        update(args)
    elif command == "translate":
        translate(args[0])
    elif command == "release":
        release()
    elif command == "check":
        return check()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
