"""GUI responsiveness on the benchmark database: typing in the register search.

A 10 ms timer keeps running while a fast typist (80 ms per key) searches; the largest gap
between ticks is how long the GUI thread was blocked (goal ≤ 250 ms). This was a hard assert
in tests/gui/test_register_gui.py; timing goals live here.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pzmdo.gui.context import GuiContext
from pzmdo.gui.register_page import RegisterPage
from tests.benchmarks.pairs import Bench, Row


def _wait_until(condition: Callable[[], bool], timeout_ms: int) -> None:
    deadline = time.monotonic() + timeout_ms / 1000
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the register page did not finish in time")
        QTest.qWait(10)


def run(env, bench: Bench) -> None:  # noqa: ANN001
    app = QApplication.instance() or QApplication([])
    gctx = GuiContext(env.ctx)
    page = RegisterPage(gctx)
    page.resize(1200, 700)
    page.show()
    _wait_until(lambda: page.model.rowCount() > 0 and not page.model.loading, 120_000)
    _wait_until(lambda: gctx.runner.pending() == 0, 120_000)

    clock = QElapsedTimer()
    gaps: list[int] = []
    last = [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    clock.start()
    timer.start()
    for text in ("jan", "de v", "bakker", "12-03-1950"):
        page.search.clear()
        for ch in text:  # a fast typist: 80 ms per key
            QTest.keyClick(page.search, ch)
            QTest.qWait(80)
        typed = time.perf_counter()
        _wait_until(
            lambda text=text: (
                page.model.query.search == text
                and not page.model.loading
                and gctx.runner.pending() == 0
            ),
            30_000,
        )
        bench.add(Row(f"gui: search {text!r} typed → rows shown (incl. 200 ms debounce)",
                      time.perf_counter() - typed, "ms", 1, target=1.0))  # fmt: skip
    page.search.clear()
    _wait_until(lambda: not page.model.loading and gctx.runner.pending() == 0, 30_000)
    timer.stop()
    bench.add(Row(f"gui: longest blocked GUI thread while typing ({len(gaps)} ticks)",
                  max(gaps[1:]) / 1000, "ms", 1, target=0.25))  # fmt: skip
    page.close()
    gctx.runner.wait()
    app.processEvents()
