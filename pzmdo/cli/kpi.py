"""``pzmdo kpi``: the spiegelinformatie (quality figures) from the command line.

    pzmdo kpi --from D --to D [--practice P | --team T] [--json | --csv FILE | --pdf FILE]
    pzmdo kpi-noemer --practice P --from D --to D --kind SOORT --count N

``--json`` prints one key per figure (K1, K2 ...) with value, numerator, denominator,
definition and source, and its parts under "onderdelen". ``--csv``/``--pdf`` write the
export for the region (aggregates only, small cells "<5"; audited).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pzmdo.cli.common import add_subcommand, count, print_json, record_id, unlocked
from pzmdo.domain import kpi as k
from pzmdo.domain.dates import parse_date
from pzmdo.domain.kpi import Denominator, Measure


def register(sub: Any) -> None:
    p = add_subcommand(sub, "kpi", "toon de spiegelinformatie (kengetallen K1-K13)", cmd_kpi)
    _period_options(p)
    which = p.add_mutually_exclusive_group()
    which.add_argument("--practice", type=record_id, metavar="ID", help="alleen deze praktijk")
    which.add_argument("--team", type=record_id, metavar="ID", help="alleen dit MDO-team")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="toon als JSON, één sleutel per kengetal")
    out.add_argument("--csv", metavar="BESTAND", help="schrijf de CSV voor de regio")
    out.add_argument("--pdf", metavar="BESTAND", help="schrijf het PDF-rapport voor de regio")
    p.add_argument(
        "--periods", type=count, default=4, metavar="N", help="perioden in de export (trend)"
    )
    q = add_subcommand(
        sub, "kpi-noemer", "leg een externe noemer vast (per praktijk en periode)", cmd_noemer
    )
    q.add_argument("--practice", type=record_id, required=True, metavar="ID", help="praktijk")
    _period_options(q)
    q.add_argument(
        "--kind",
        required=True,
        choices=[d.value for d in Denominator],
        help="niet_onverwacht_overleden of ziekenhuis_mdo_pz_lijst",
    )
    q.add_argument("--count", type=count, required=True, metavar="N", help="het aantal")


def _period_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--from", dest="start", required=True, metavar="DATUM", help="begin (dd-mm-jjjj)"
    )
    p.add_argument("--to", dest="end", required=True, metavar="DATUM", help="einde (dd-mm-jjjj)")


def _period(args: argparse.Namespace) -> tuple[Any, Any]:
    return parse_date(args.start, "De begindatum"), parse_date(args.end, "De einddatum")


def _item(m: Measure) -> dict[str, Any]:
    return {
        "titel": m.title,
        "value": m.value,
        "numerator": m.numerator,
        "denominator": m.denominator,
        "definition": m.definition,
        "source": m.source,
    }


def as_json(measures: tuple[Measure, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for m in measures:
        if m.key == m.figure:
            out[m.key] = {**_item(m), "onderdelen": {}}
    for m in measures:
        if m.key != m.figure:
            out[m.figure]["onderdelen"][m.key] = _item(m)
    return out


def cmd_kpi(args: argparse.Namespace) -> int:
    from pzmdo.services import kpi, kpi_export  # here, not at the top: start-up time

    start, end = _period(args)
    with unlocked(args) as ctx:
        if args.csv or args.pdf:
            fmt, target = ("csv", args.csv) if args.csv else ("pdf", args.pdf)
            result = kpi_export.export(
                ctx, fmt, Path(target), start, end, args.practice, args.team, args.periods
            )
            print(f"Spiegelinformatie geëxporteerd: {result.path} ({result.periods} perioden).")
            return 0
        report = kpi.compute(ctx, start, end, args.practice, args.team)
    if args.json:
        # One key per figure and nothing else, so scripts can loop over the object; the
        # period and scope are what the caller asked for.
        print_json(as_json(report.measures))
        return 0
    print(f"Spiegelinformatie {report.period.label()} — {report.scope}")
    for m in report.measures:
        counts = ""
        if m.denominator is not None:
            counts = f" ({m.numerator} van {m.denominator})"
        elif m.kind is k.Kind.PERCENTAGE:
            counts = f" ({m.numerator} van ?: noemer niet ingevoerd)"
        elif m.kind is not k.Kind.COUNT and m.numerator:
            counts = f" (n = {m.numerator})"
        print(f"  {m.key:<24} {k.format_value(m):>14}{counts}  {m.title}")
    for missing in report.denominators_missing:
        print(f"  Niet ingevoerd: {missing} (pzmdo kpi-noemer).")
    return 0


def cmd_noemer(args: argparse.Namespace) -> int:
    from pzmdo.services import kpi_detail  # here, not at the top: start-up time

    start, end = _period(args)
    with unlocked(args) as ctx:
        row = kpi_detail.set_denominator(ctx, args.practice, args.kind, start, end, args.count)
    print(
        f"Vastgelegd: {row.kind_label}, {row.practice_name}, {k.Period(start, end).label()}: {row.count}."
    )
    return 0
