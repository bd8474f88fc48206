"""Speed at region size, each measurement beside a baseline from the same run (issue 20).

    .venv/bin/python tests/benchmarks/run.py [--patients 100000] [--runs 5] [--record]
                                             [--only startup,register,...] [--rebuild]

The region database (tests/benchmarks/region.py: 100,000 fictional patients in 50
practices, five years of history) is built once and cached in ~/.cache/pzmdo-bench; a run
works on a copy. Each group module ``bench_<group>.py`` has ``run(env, bench)`` and adds
rows through ``pairs.Bench``: the median of ``--runs`` runs, the baseline's median, their
ratio and the targets. ``--record`` puts the table at the top of docs/benchmarks.md (older
tables stay below it).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

GROUPS = ("startup", "register", "meetings", "documents", "storage", "server", "memory", "gui")


@dataclass
class Env:
    """What a group needs: the unlocked region copy and a scratch folder beside it."""

    ctx: object  # AppContext (imported late: start-up rows measure fresh processes)
    db: Path
    scratch: Path
    patients: int


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default=",".join(GROUPS), help="comma-separated groups")
    parser.add_argument("--record", action="store_true")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    groups = [g for g in args.only.split(",") if g]
    unknown = set(groups) - set(GROUPS)
    if unknown:
        parser.error(f"unknown groups {sorted(unknown)}; choose from {', '.join(GROUPS)}")

    from tests.benchmarks import region
    from tests.benchmarks.pairs import Bench

    started = time.perf_counter()
    built = region.cached_region(args.patients, rebuild=args.rebuild)
    print(f"region database: {built.path} ({built.path.stat().st_size // 1_000_000} MB, "
          f"{built.patients} patients, {built.practices} practices, built {built.built_on} "
          f"in {built.build_seconds:.0f} s)", flush=True)  # fmt: skip
    # The working copy lies on the same disk as the cache (not a RAM /tmp): backup and
    # copy rows measure the disk a practice would use.
    scratch = region.cache_dir() / f"run-{os.getpid()}"
    shutil.rmtree(scratch, ignore_errors=True)
    from pzmdo.services import unlock
    from pzmdo.store.files import private_dir

    private_dir(scratch)
    bench = Bench(args.runs)
    group_times: dict[str, float] = {}
    try:
        db = region.open_copy(built, scratch / "region.db")
        ctx = unlock.unlock_with_password(db, region.LOGIN, region.PASSWORD)
        env = Env(ctx, db, scratch, built.patients)
        print(f"{'measurement':58} {'median':>11} {'baseline':>30} {'median':>11} {'ratio':>8}  "
              f"{'target':18} verdict", flush=True)  # fmt: skip
        try:
            for group in groups:
                group_started = time.perf_counter()
                _module(group).run(env, bench)
                group_times[group] = time.perf_counter() - group_started
                print(f"    ({group}: {group_times[group]:.0f} s)", flush=True)
        finally:
            ctx.close()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    elapsed = time.perf_counter() - started
    table = markdown(bench.rows, built, args.runs, elapsed, group_times)
    print("\n" + table)
    if args.record:
        record(table)


def _module(group: str):  # noqa: ANN202 - one of the bench_* modules
    from tests.benchmarks import (
        bench_documents,
        bench_gui_typing,
        bench_meetings,
        bench_memory,
        bench_register,
        bench_server,
        bench_startup,
        bench_storage,
    )

    return {
        "startup": bench_startup,
        "register": bench_register,
        "meetings": bench_meetings,
        "documents": bench_documents,
        "storage": bench_storage,
        "server": bench_server,
        "memory": bench_memory,
        "gui": bench_gui_typing,
    }[group]


def markdown(rows: list, built: object, runs: int, elapsed: float,  # noqa: ANN001
             group_times: dict[str, float]) -> str:  # fmt: skip
    from tests.benchmarks.pairs import FAST, FAST_RUNS

    spent = ", ".join(f"{g} {s:.0f} s" for g, s in group_times.items())
    load = os.getloadavg()[0]
    lines = [
        f"## {datetime.now(UTC):%Y-%m-%d %H:%M} UTC — {platform.machine()}, {os.cpu_count()} cores "
        f"(shared; load {load:.1f}), Python {platform.python_version()}, "
        f"{built.patients} patients in {built.practices} practices",  # type: ignore[attr-defined]
        "",
        f"Median of {runs} runs unless the runs column says otherwise ({FAST_RUNS} for calls "
        f'under {FAST * 1000:.0f} ms, 3 for the slowest rows; "CPU": the measuring '
        "thread's CPU time, for in-process reads: SQLite runs in that thread); the baseline ran "
        "alternately with the measurement in the same run. Whole run: "
        f"{elapsed / 60:.1f} min ({spent}).",
        "",
        "| measurement | median | runs | baseline | baseline median | ratio | target | verdict |",
        "|---|---:|---:|---|---:|---:|---|---|",
    ]
    for row in rows:
        ratio = "" if row.ratio is None else f"{row.ratio:.2f}×"
        runs = f"{row.runs} (CPU)" if row.cpu else str(row.runs)
        lines.append(f"| {row.name} | {row.shown(row.value)} | {runs} | {row.base_name} | "
                     f"{row.shown(row.base_value)} | {ratio} | {row.goal} | {row.verdict} |")  # fmt: skip
    return "\n".join(lines) + "\n"


def record(table: str) -> None:
    """The newest table first, under the page's introduction; older tables stay below."""
    out = ROOT / "docs" / "benchmarks.md"
    text = out.read_text(encoding="utf-8") if out.exists() else "# Benchmarks\n"
    marker = "\n## "
    cut = text.find(marker)
    head, rest = (text, "") if cut < 0 else (text[: cut + 1], text[cut + 1 :])
    out.write_text(head + table + "\n" + rest, encoding="utf-8")


if __name__ == "__main__":
    main()
