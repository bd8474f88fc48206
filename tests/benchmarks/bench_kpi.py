"""Spiegelinformatie on the benchmark database: all figures for one year (goal ≤ 500 ms).

Entry point: ``pzmdo.services.kpi.compute(ctx, start, end[, practice_id | team_id])``; the
run(ctx, measure) hook below follows the other bench_* modules."""

from __future__ import annotations

import dataclasses
import time
from datetime import date

from pzmdo.services import kpi
from pzmdo.services.context import AppContext


def run(ctx: AppContext, measure) -> None:  # noqa: ANN001
    reader = dataclasses.replace(
        ctx, user=dataclasses.replace(ctx.user, roles=frozenset({"huisarts"}))
    )
    year = date.today().year - 1
    kpi.compute(reader, date(year, 1, 1), date(year, 12, 31))  # warm the page cache
    t = time.perf_counter()
    kpi.compute(reader, date(year, 1, 1), date(year, 12, 31))
    measure(f"kpi: all figures for {year}, all practices", time.perf_counter() - t, 0.5)
    t = time.perf_counter()
    kpi.compute(reader, date(year, 1, 1), date(year, 12, 31), practice_id=1)
    measure(f"kpi: all figures for {year}, one practice", time.perf_counter() - t, 0.5)
