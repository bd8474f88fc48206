"""Issue 13 item 15: Help › Manual (F1) in Dutch, Help › About with the version and where
the data lives, and a busy indicator for any job that runs longer than a second."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QMessageBox

from pzmdo import __version__
from pzmdo.gui.context import GuiContext
from pzmdo.gui.help_menu import ManualDialog
from pzmdo.gui.main_window import MainWindow


def _window(qtbot, ctx):  # noqa: ANN001, ANN202
    gctx = GuiContext(ctx)
    window = MainWindow(gctx, ctx.db.path, idle_ms=3_600_000)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=20_000)
    return gctx, window


def _action(window, text: str):  # noqa: ANN001, ANN202
    menu = next(m for m in window.menuBar().actions() if m.text() == "&Help").menu()
    return next(a for a in menu.actions() if a.text() == text)


def test_manual_and_about(qtbot, ctx):
    gctx, window = _window(qtbot, ctx)
    _action(window, "&Handleiding").trigger()
    (manual,) = window._help_dialogs
    assert isinstance(manual, ManualDialog) and manual.isVisible()
    assert "Vergadermodus" in manual.view.toPlainText()
    manual.reject()
    _action(window, "&Over pzmdo…").trigger()
    (about,) = window._help_dialogs
    assert isinstance(about, QMessageBox)
    assert __version__ in about.text() and str(ctx.db.path) in about.text()
    assert "backups" in about.text()
    about.reject()
    window.idle.stop()
    gctx.runner.wait()


def test_busy_indicator_shows_for_a_long_job(qtbot, ctx):
    gctx, window = _window(qtbot, ctx)
    release = threading.Event()
    gctx.runner.submit(release.wait, 30)  # a job that lasts until the test lets it go
    qtbot.waitUntil(window.busy.isVisible, timeout=10_000)
    assert window.busy.label.text() == "Bezig…"
    release.set()
    qtbot.waitUntil(lambda: not window.busy.isVisible(), timeout=10_000)
    window.idle.stop()
    gctx.runner.wait()
