"""How soon a marking made on one workstation shows in another's open register (issue 18:
within 1 s), on a private PostgreSQL 15 cluster like a practice server.

    .venv/bin/python tests/benchmarks/bench_server_notify.py [--rounds 20] [--patients 200]

Workstation A is its own process (tests/support/server_workers.py ``marks``): it marks a
new fictional patient and reports the wall-clock moment its unit committed. Workstation
B is this process: the real RegisterPage with its real listener (NOTIFY → change bus →
queued Qt signal → the model reloads its ids → the row's block is fetched). Measured per
round: from A's commit to the row with its data in B's model. Prints median and p90.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--patients", type=int, default=200, help="demo patients first")
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from pzmdo.gui.context import GuiContext
    from pzmdo.gui.register_page import RegisterPage
    from pzmdo.services.demo import add_demo_patients
    from tests.support import postgres, server

    app = QApplication.instance() or QApplication([])
    with postgres.cluster() as cluster:
        ws = server.prepare(cluster, cluster.url())  # pzmdo server init; two logins
        a = server.open_client(ws.url, ws.arts)
        if args.patients:
            add_demo_patients(a, args.patients, seed=11)
        a.close()

        b = server.open_client(ws.url, ws.poh)
        gctx = GuiContext(b)
        page = RegisterPage(gctx)
        page.resize(1280, 800)
        page.show()
        assert b._listener is not None and b._listener.listening.wait(20)

        def wait_for(done: object, limit: float = 30.0) -> None:
            deadline = time.monotonic() + limit
            while not done() and time.monotonic() < deadline:  # type: ignore[operator]
                app.processEvents()
                time.sleep(0.001)

        wait_for(lambda: not page.model.loading)
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.support.server_workers", "marks", ws.url, ws.arts],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert worker.stdin is not None and worker.stdout is not None
        latencies: list[float] = []
        for n in range(args.rounds):
            worker.stdin.write(f"{n}\n")
            worker.stdin.flush()
            report = json.loads(worker.stdout.readline())
            pid = report["id"]

            def shown(pid: int = pid) -> bool:
                row = page.model.row_of(pid)
                if row < 0:
                    return False
                page.model.data(page.model.index(row, 1))  # as if scrolled into view
                return page.model.cached(row) is not None

            wait_for(shown)
            latencies.append(time.time() - report["committed"])
            if not shown():
                print(f"round {n}: the marking never appeared", file=sys.stderr)
                return 1
        worker.stdin.close()
        worker.wait(timeout=60)
        page.close()
        gctx.runner.wait()
        b.close()
        QCoreApplication.processEvents()

    ms = sorted(x * 1000 for x in latencies)
    p90 = ms[max(0, int(len(ms) * 0.9) - 1)]
    print(
        f"notify -> register refresh over {len(ms)} markings ({args.patients} patients): "
        f"median {statistics.median(ms):.0f} ms, p90 {p90:.0f} ms, max {ms[-1]:.0f} ms "
        "(target <= 1000 ms)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
