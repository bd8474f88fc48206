"""Installation self-test: open every page and patient tab offscreen and report what is wrong.

Used by ``pzmdo selftest`` (and so by the wheel test and the PyInstaller bundle's smoke test):
a page or tab that fails to build, a background error, a missing translation, stylesheet or
icon shows up as one problem line.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCollator, QCoreApplication, QEventLoop, QLocale
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from pzmdo.gui.about_dialog import open_about
from pzmdo.gui.app import create_application
from pzmdo.gui.context import GuiContext
from pzmdo.gui.main_window import MainWindow
from pzmdo.gui.pages import NAV_PAGES, PATIENT_TABS
from pzmdo.gui.patient_view import PatientView
from pzmdo.services.context import AppContext

# Texts that only a stand-in widget would show.
PLACEHOLDER_WORDS = ("not available", "niet beschikbaar")


def _pump(ms: int) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
        time.sleep(0.005)


def _settle(gctx: GuiContext, timeout_s: float = 30.0) -> None:
    """Until the background work started by opening a screen is done and shown."""
    deadline = time.monotonic() + timeout_s
    _pump(20)
    while gctx.runner.pending() and time.monotonic() < deadline:
        _pump(20)
    _pump(20)


def _inspect(widget: QWidget | None, where: str) -> list[str]:
    if widget is None:
        return [f"{where}: geen scherm"]
    problems = []
    if isinstance(widget, QLabel) or len(widget.findChildren(QWidget)) < 3:
        problems.append(f"{where}: alleen een plaatshouder ({type(widget).__name__})")
    for label in widget.findChildren(QLabel):
        if any(word in label.text().lower() for word in PLACEHOLDER_WORDS):
            problems.append(f"{where}: plaatshouder '{label.text()}'")
    return problems


def dutch_collation_works() -> bool:
    """Qt sorts through ICU, whose data the bundle trims (packaging/trim_icu.py): accents
    and case sort with their letter, which code-point order would not do."""
    collator = QCollator(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    words = ["Zwart", "één", "Émile", "appel", "ezel", "Ölmez", "oud"]
    expected = ["appel", "één", "Émile", "ezel", "Ölmez", "oud", "Zwart"]
    return sorted(words, key=collator.sortKey) == expected


def check_screens(ctx: AppContext, patient_id: int | None) -> tuple[list[str], int]:
    """Problems found, and how many screens were opened."""
    app = create_application()
    problems: list[str] = []
    if not app.styleSheet():
        problems.append("de stijl (style.qss) is niet geladen")
    if app.windowIcon().isNull():
        problems.append("het programmapictogram ontbreekt")
    if all(spec.title() == spec.source_title for spec in NAV_PAGES):
        problems.append("de Nederlandse vertalingen zijn niet geladen")
    if not dutch_collation_works():
        problems.append("Nederlandse tekst wordt niet goed gesorteerd (ICU-gegevens ontbreken)")
    gctx = GuiContext(ctx)

    def collect(exc: BaseException, _parent: QWidget | None = None) -> None:
        problems.append(f"fout op de achtergrond: {type(exc).__name__}: {exc}")

    gctx.runner.error_handler = collect
    gctx.show_error = collect  # type: ignore[method-assign,assignment]  # no message boxes
    window = MainWindow(gctx, ctx.db.path or Path("server"), idle_ms=3_600_000)
    window.resize(1280, 800)
    window.show()
    opened = 0
    for spec in NAV_PAGES:
        _run(partial(window.show_nav, spec.key), problems, spec.key)
        _settle(gctx)
        problems += _inspect(window.pages.currentWidget(), f"pagina {spec.title()}")
        opened += 1
    if patient_id is not None:
        _run(partial(window.show_patient, patient_id), problems, "patiënt")
        _settle(gctx)
        view = window.pages.currentWidget()
        if not isinstance(view, PatientView):
            problems.append("het patiëntdossier opent niet")
        else:
            if view.tabs.count() != len(PATIENT_TABS):
                problems.append(f"{view.tabs.count()} van {len(PATIENT_TABS)} tabbladen")
            for index in range(view.tabs.count()):
                view.tabs.setCurrentIndex(index)
                _settle(gctx)
                where = f"tabblad {view.tabs.tabText(index)}"
                problems += _inspect(view.tabs.currentWidget(), where)
                opened += 1
    about = open_about(gctx, window)
    _settle(gctx)
    if about.components.rowCount() < 5:  # read from the installed (or bundled) metadata
        problems.append("Over pzmdo: de lijst met onderdelen en licenties ontbreekt")
    about.close()
    opened += 1
    window.idle.stop()
    gctx.runner.wait()
    window.close()
    QApplication.processEvents()
    return problems, opened


def _run(action: Callable[[], object], problems: list[str], where: str) -> None:
    try:
        action()
    except Exception as exc:  # noqa: BLE001 - reported as a problem line, the check goes on
        problems.append(f"{where}: {type(exc).__name__}: {exc}")
