"""Measurements beside a baseline taken in the same run, as medians and ratios.

On a shared machine absolute times vary 2-7x between runs; the ratio of a measurement to
a baseline measured alternately with it (what the machine can do: raw SQL, a file copy,
ReportLab's empty page, a bare Qt import) varies far less, so a regression shows as a
ratio that moved, a busy machine as both numbers moving together.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

RUNS = 5
# Calls faster than FAST run FAST_RUNS times: on a busy machine the median of 5 samples
# of a 1 ms call moves by 2-5x, of 31 it holds (and they cost well under a second).
FAST = 0.02
FAST_RUNS = 31


@dataclass(frozen=True)
class Row:
    name: str
    value: float  # median (seconds, or MB for memory)
    unit: str  # "ms" or "MB"
    runs: int
    base_name: str = ""
    base_value: float | None = None
    target: float | None = None  # absolute goal, in the row's unit (seconds for time)
    target_ratio: float | None = None
    cpu: bool = False  # CPU time of the measuring thread, not wall time (see Bench.pair)

    @property
    def ratio(self) -> float | None:
        if self.base_value is None or self.base_value <= 0:
            return None
        return self.value / self.base_value

    @property
    def verdict(self) -> str:
        misses = []
        if self.target is not None and self.value > self.target:
            misses.append("slow" if self.unit == "ms" else "over")
        if self.target_ratio is not None and (self.ratio or 0) > self.target_ratio:
            misses.append("ratio")
        if self.target is None and self.target_ratio is None:
            return ""
        if misses == ["ratio"] and self.unit == "ms" and self.base_value is not None:
            # Only the ratio missed: say what the extra costs a call in absolute terms
            # (a sub-millisecond raw query makes any fixed cost a large ratio).
            extra = self.value - self.base_value
            misses = [f"ratio; +{extra * 1e6:.0f} µs a call" if extra < 0.001
                      else f"ratio; +{extra * 1000:.1f} ms a call"]  # fmt: skip
        return "ok" if not misses else "MISS (" + ", ".join(misses) + ")"

    def shown(self, value: float | None) -> str:
        if value is None:
            return ""
        return f"{value * 1000:.1f} ms" if self.unit == "ms" else f"{value:.0f} MB"

    @property
    def goal(self) -> str:
        parts = []
        if self.target is not None:
            parts.append("≤ " + self.shown(self.target))
        if self.target_ratio is not None:
            parts.append(f"≤ {self.target_ratio:g}×")
        return ", ".join(parts)


class Bench:
    """Collects rows; prints each as it is measured."""

    def __init__(self, runs: int = RUNS) -> None:
        self.runs = runs
        self.rows: list[Row] = []

    def add(self, row: Row) -> Row:
        self.rows.append(row)
        ratio = "" if row.ratio is None else f"{row.ratio:6.2f}×"
        print(f"{row.name[:58]:58} {row.shown(row.value):>11} {row.base_name[:30]:>30} "
              f"{row.shown(row.base_value):>11} {ratio:>8}  {row.goal:18} {row.verdict}",
              flush=True)  # fmt: skip
        return row

    def pair(
        self,
        name: str,
        fn: Callable[[], Any],
        base_name: str = "",
        base: Callable[[], Any] | None = None,
        *,
        target: float | None = None,
        ratio: float | None = None,
        runs: int | None = None,
        warmup: bool = True,
        cpu: bool = False,
    ) -> Row:
        """Median wall time of ``fn`` and of ``base``, run alternately (so a busy moment
        hits both), after one untimed warm-up of each.

        ``cpu``: for in-process reads (SQLite runs in this thread), this thread's CPU time
        instead: with ten runnable processes on two cores a 1 ms call waits 5-30 ms for a
        core, at random, and no number of runs gives a steady wall-clock median. On an
        idle machine the two are the same (the pages are in memory; decrypting a page is
        CPU time)."""
        runs = runs or self.runs
        clock = time.thread_time if cpu else time.perf_counter
        if warmup:
            if _timed(fn, clock) < FAST:  # a millisecond call: many runs for a steady median
                runs = max(runs, FAST_RUNS)
            if base is not None:
                base()
        times: list[float] = []
        base_times: list[float] = []
        for _ in range(runs):
            times.append(_timed(fn, clock))
            if base is not None:
                base_times.append(_timed(base, clock))
        return self.add(Row(name, statistics.median(times), "ms", runs, base_name,
                            statistics.median(base_times) if base_times else None,
                            target, ratio, cpu))  # fmt: skip

    def medians(self, name: str, samples: list[float], base_name: str = "",
                base_samples: list[float] | None = None, *, unit: str = "ms",
                target: float | None = None, ratio: float | None = None) -> Row:  # fmt: skip
        """A row from samples taken elsewhere (processes, memory)."""
        return self.add(Row(name, statistics.median(samples), unit, len(samples), base_name,
                            statistics.median(base_samples) if base_samples else None,
                            target, ratio))  # fmt: skip


def _timed(fn: Callable[[], Any], clock: Callable[[], float] = time.perf_counter) -> float:
    started = clock()
    fn()
    return clock() - started
