"""Spiegelinformatie (issue 15) for a year: the whole region and one practice, each on the
encrypted file beside the same computation on the unencrypted copy (goal ≤ 500 ms, ≤ 1.3×).

Entry point: ``pzmdo.services.kpi.compute(ctx, start, end[, practice_id | team_id])``."""

from __future__ import annotations

from datetime import date

from pzmdo.services import kpi
from tests.benchmarks.pairs import Bench


def run_pair(env, bench: Bench, plain) -> None:  # noqa: ANN001
    ctx = env.ctx
    year = date.today().year - 1
    start, end = date(year, 1, 1), date(year, 12, 31)
    bench.pair(f"kpi: figures for {year}, all practices",
               lambda: kpi.compute(ctx, start, end), "same on the unencrypted copy",
               lambda: kpi.compute(plain, start, end), target=0.5, ratio=1.3, cpu=True)  # fmt: skip
    bench.pair(f"kpi: figures for {year}, one practice",
               lambda: kpi.compute(ctx, start, end, practice_id=1), "same on the unencrypted copy",
               lambda: kpi.compute(plain, start, end, practice_id=1), target=0.5, ratio=1.3, cpu=True)  # fmt: skip
