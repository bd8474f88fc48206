"""Performance goals, measured on a real encrypted database (not part of the test suite).

    .venv/bin/python tests/benchmarks/run.py [--patients 100000] [--record]

Each ``tests/benchmarks/bench_*.py`` module (listed in ``main``) contributes ``run(ctx, measure)``; ``measure(name,
seconds, goal)`` records one number. With ``--record`` the table is appended to
docs/benchmarks.md with the date and machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

Measure = Callable[[str, float, float | None], None]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--record", action="store_true")
    args = parser.parse_args()

    from pzmdo.services import backup, unlock
    from pzmdo.services.demo import add_demo_patients

    rows: list[tuple[str, float, float | None]] = []

    def measure(name: str, seconds: float, goal: float | None = None) -> None:
        rows.append((name, seconds, goal))
        verdict = "" if goal is None else ("ok" if seconds <= goal else "TOO SLOW")
        print(f"{name:60} {seconds * 1000:10.1f} ms  {verdict}", flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        t = time.perf_counter()
        result = unlock.init_database(db, practice_name="Bench (fictief)", admin_login="bench",
                                      admin_name="Bench", password="bench-wachtwoord")
        measure("init: new encrypted database + schema", time.perf_counter() - t, 3.0)
        result.context.close()
        t = time.perf_counter()
        ctx = unlock.unlock_with_password(db, "bench", "bench-wachtwoord")
        measure("unlock with password (Argon2id + open + audit)", time.perf_counter() - t, 1.0)
        t = time.perf_counter()
        add_demo_patients(ctx, args.patients, seed=1)
        measure(f"demo: add {args.patients} fictional patients", time.perf_counter() - t, None)
        from tests.benchmarks import bench_areas, bench_gui_typing, bench_startup

        for module in (bench_startup, bench_areas, bench_gui_typing):
            module.run(ctx, measure)
        t = time.perf_counter()
        backup.backup(ctx, Path(tmp) / "copy.db")
        measure(f"backup (encrypted, {db.stat().st_size // 1_000_000} MB)", time.perf_counter() - t, 30.0)
        t = time.perf_counter()
        problems = ctx.db.integrity_check()
        measure("integrity check", time.perf_counter() - t, 30.0)
        assert not problems
        ctx.close()

    if args.record:
        out = ROOT / "docs" / "benchmarks.md"
        lines = [f"\n## {date.today().isoformat()} — {platform.machine()}, {os.cpu_count()} cores, "
                 f"Python {platform.python_version()}, {args.patients} patients\n",
                 "| measurement | time | goal |", "|---|---:|---:|"]
        for name, seconds, goal in rows:
            goal_text = "" if goal is None else f"≤ {goal * 1000:.0f} ms"
            lines.append(f"| {name} | {seconds * 1000:.1f} ms | {goal_text} |")
        if not out.exists():
            out.write_text("# Benchmarks\n\nRecorded with `tests/benchmarks/run.py --record`.\n")
        with open(out, "a", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
