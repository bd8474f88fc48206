"""Start-up as users feel it: whole processes, median of repeated runs (warm disk cache).

``pzmdo --help`` / ``--version`` (goal ≤ 0.3 s: the CLI imports services only in the commands
that need them) and the GUI's first window (goal ≤ 1.5 s: process start to the unlock screen
shown and one pass of the event loop).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from pzmdo.services.context import AppContext

RUNS = 7
FIRST_WINDOW = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from pzmdo.gui.app import create_application
from pzmdo.gui.start import Starter
app = create_application()
starter = Starter(Path(sys.argv[1]))
starter.start()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def _median_seconds(cmd: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run(ctx: AppContext, measure) -> None:  # noqa: ANN001
    pzmdo = [sys.executable, "-m", "pzmdo"]
    measure(
        f"start: pzmdo --help (median of {RUNS} processes)",
        _median_seconds([*pzmdo, "--help"]),
        0.3,
    )
    measure(
        f"start: pzmdo --version (median of {RUNS})", _median_seconds([*pzmdo, "--version"]), 0.3
    )
    db = Path(ctx.db.path or "")
    measure(
        f"start: GUI process to the first window (median of {RUNS})",
        _median_seconds([sys.executable, "-c", FIRST_WINDOW, str(db)]),
        1.5,
    )
