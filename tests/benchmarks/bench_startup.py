"""Start-up as users feel it: whole processes (warm disk cache), each beside a bare one.

``pzmdo --help`` CPU time beside ``python -c pass`` (goal ≤ 0.3 s: the CLI imports services
only inside the commands that need them) and the GUI's first usable window beside
``python -c "import PySide6.QtWidgets"`` (goal ≤ 1.5 s: process start to the unlock screen
shown and one pass of the event loop).
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time

from tests.benchmarks.pairs import Bench

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


def _process(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _alternate(cmd: list[str], base: list[str], runs: int) -> tuple[list, list]:
    _process(cmd), _process(base)  # warm the disk cache
    samples, base_samples = [], []
    for _ in range(runs):
        samples.append(_process(cmd))
        base_samples.append(_process(base))
    return samples, base_samples


def run(env, bench: Bench) -> None:  # noqa: ANN001
    py = sys.executable
    runs = bench.runs  # whole processes: 5 alternating pairs keep the median steady
    help_, bare = _alternate([py, "-m", "pzmdo", "--help"], [py, "-c", "pass"], runs)
    bench.medians("start: pzmdo --help, CPU time", [c for _, c in help_], "python -c pass",
                  [c for _, c in bare], target=0.3)  # fmt: skip
    bench.medians("start: pzmdo --help, wall time", [w for w, _ in help_], "python -c pass",
                  [w for w, _ in bare], target=0.3)  # fmt: skip
    window, qt = _alternate([py, "-c", FIRST_WINDOW, str(env.db)],
                            [py, "-c", "import PySide6.QtWidgets"], runs)  # fmt: skip
    bench.medians("start: GUI process to the first usable window", [w for w, _ in window],
                  "import PySide6.QtWidgets", [w for w, _ in qt], target=1.5)  # fmt: skip
