"""Peak memory (the largest resident set, VmHWM) of a process with the register page open on the
region database, beside a process with only a Qt window (goal ≤ 300 MB)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.benchmarks import region
from tests.benchmarks.pairs import Bench

# Linux's peak resident set of this program (VmHWM). ru_maxrss would not do: a child
# started by vfork inherits the benchmark process's own peak.
PEAK = """
def PEAK():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
"""
REGISTER_OPEN = (
    PEAK
    + """
import sys, time
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
from pzmdo.gui.context import GuiContext
from pzmdo.gui.register_page import RegisterPage
from pzmdo.services import unlock
ctx = unlock.unlock_with_password(sys.argv[1], sys.argv[2], sys.argv[3])
gctx = GuiContext(ctx)
page = RegisterPage(gctx)
page.resize(1280, 800)
page.show()
deadline = time.monotonic() + 120
while not (page.model.rowCount() > 0 and not page.model.loading and gctx.runner.pending() == 0):
    assert time.monotonic() < deadline, "register did not load"
    QTest.qWait(20)
for _ in range(20):  # scroll through the register: row blocks are fetched as shown
    page.table.verticalScrollBar().setValue(page.table.verticalScrollBar().maximum() * _ // 20)
    QTest.qWait(30)
gctx.runner.wait()
print(page.model.rowCount(), PEAK())
"""
)
QT_ONLY = (
    PEAK
    + """
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
w = QWidget(); w.resize(1280, 800); w.show(); QTest.qWait(50)
print(0, PEAK())
"""
)


def _peak_mb(script: str, *args: str) -> tuple[int, float]:
    out = subprocess.run([sys.executable, "-c", script, *args], check=True, capture_output=True,
                         text=True, env=os.environ).stdout.split()  # fmt: skip
    return int(out[-2]), int(out[-1]) / 1024


def run(env, bench: Bench) -> None:  # noqa: ANN001
    runs = min(bench.runs, 3)  # the peak varies by a few MB: 3 processes of ~10 s each
    samples, base = [], []
    for _ in range(runs):
        rows, peak = _peak_mb(REGISTER_OPEN, str(env.db), region.LOGIN, region.PASSWORD)
        samples.append(peak)
        base.append(_peak_mb(QT_ONLY)[1])
    bench.medians(f"memory: peak with the register open ({rows} rows)", samples,
                  "a process with one Qt window", base, unit="MB", target=300)  # fmt: skip
