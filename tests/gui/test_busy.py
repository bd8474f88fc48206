"""Issue 13 item 15: a busy indicator for any job that runs longer than a second (the
Help › About dialog with the manual is tested in test_about.py)."""

from __future__ import annotations

import threading

from pzmdo.gui.context import GuiContext
from pzmdo.gui.main_window import MainWindow


def _window(qtbot, ctx):  # noqa: ANN001, ANN202
    gctx = GuiContext(ctx)
    window = MainWindow(gctx, ctx.db.path, idle_ms=3_600_000)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: gctx.runner.pending() == 0, timeout=20_000)
    return gctx, window


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
