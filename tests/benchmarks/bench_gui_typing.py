"""GUI responsiveness on the benchmark database: typing in the register search.

A 10 ms timer keeps running while a fast typist (80 ms per key) searches; the largest gap
between ticks is how long the GUI thread was blocked (goal ≤ 250 ms); the baseline is the
same typing into a field that does nothing (on a busy machine the process itself waits for
a core). This was a hard assert in tests/gui/test_register_gui.py; timing goals live here.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from pzmdo.gui.context import GuiContext
from pzmdo.gui.register_page import RegisterPage
from tests.benchmarks.pairs import Bench, Row


def _wait_until(condition: Callable[[], bool], timeout_ms: int) -> None:
    deadline = time.monotonic() + timeout_ms / 1000
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the register page did not finish in time")
        QTest.qWait(10)


SEARCHES = ("jan", "de v", "bakker", "12-03-1950")


class _Gaps:
    """A 10 ms timer; the largest gap between its ticks is the longest the GUI thread was
    blocked (or the process was not scheduled at all: hence the idle baseline)."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.gaps: list[int] = []
        self.last = 0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.gaps.append(now - self.last)
        self.last = now

    def start(self) -> None:
        self.gaps, self.last = [], 0
        self.clock.start()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return max(self.gaps[1:], default=0) / 1000


def _type(widget, text: str) -> None:  # noqa: ANN001
    for ch in text:  # a fast typist: 80 ms per key
        QTest.keyClick(widget, ch)
        QTest.qWait(80)


def run(env, bench: Bench) -> None:  # noqa: ANN001
    app = QApplication.instance() or QApplication([])
    gctx = GuiContext(env.ctx)
    page = RegisterPage(gctx)
    page.resize(1200, 700)
    page.show()
    _wait_until(lambda: page.model.rowCount() > 0 and not page.model.loading, 120_000)
    _wait_until(lambda: gctx.runner.pending() == 0, 120_000)

    gaps = _Gaps()
    idle = QLineEdit()
    idle.show()
    idle_gaps, page_gaps = [], []
    for text in SEARCHES:
        gaps.start()  # baseline: the same typing into a field that does nothing
        idle.clear()
        _type(idle, text)
        QTest.qWait(400)
        idle_gaps.append(gaps.stop())
        gaps.start()
        page.search.clear()
        _type(page.search, text)
        typed = time.perf_counter()
        _wait_until(
            lambda text=text: (
                page.model.query.search == text
                and not page.model.loading
                and gctx.runner.pending() == 0
            ),
            30_000,
        )
        page_gaps.append(gaps.stop())
        bench.add(Row(f"gui: search {text!r} typed → rows shown (incl. 200 ms debounce)",
                      time.perf_counter() - typed, "ms", 1, target=1.0))  # fmt: skip
    bench.medians("gui: longest blocked GUI thread while typing a search", page_gaps,
                  "typing into an idle field", idle_gaps, target=0.25)  # fmt: skip
    idle.close()
    page.close()
    gctx.runner.wait()
    app.processEvents()
