"""Export of the spiegelinformatie for the region: CSV and PDF with aggregates only.

Cells resting on fewer than five patients are "<5" (``pzmdo.domain.kpi.cell``); nothing
identifies a patient or ranks a professional. Every export is an audit event, committed
together with the file (a failed write leaves neither).
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from pzmdo.domain import kpi as k
from pzmdo.domain.audit import AuditAction
from pzmdo.domain.errors import PzmdoError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.reports import kpi as report
from pzmdo.reports.model import DocumentMeta
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.kpi import KpiReport, trend
from pzmdo.store import audit_chain
from pzmdo.store.files import write_atomic
from pzmdo.store.models import Practice

FORMATS = ("csv", "pdf")
CSV_HEADER = (
    "periode",
    "van",
    "tot en met",
    "bereik",
    "kengetal",
    "omschrijving",
    "waarde",
    "teller",
    "noemer",
    "bron",
    "definitie",
)


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    periods: int


def csv_text(reports: list[KpiReport]) -> str:
    """Semicolon CSV (Dutch spreadsheets), one row per period and measure, small cells "<5"."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for r in reports:
        for m in r.measures:
            writer.writerow(
                [
                    r.period.label(),
                    r.period.start.isoformat(),
                    r.period.end.isoformat(),
                    r.scope,
                    m.key,
                    m.title,
                    k.regional_value(m),
                    k.cell(m.numerator),
                    k.cell(m.denominator),
                    m.source,
                    m.definition,
                ]
            )
    return buffer.getvalue()


def _pdf_bytes(ctx: AppContext, reports: list[KpiReport]) -> bytes:
    with ctx.read() as s:
        practice = s.scalars(select(Practice.name).order_by(Practice.id).limit(1)).first()
        head = audit_chain.head(s).short
    current = reports[-1]
    meta = DocumentMeta(
        kind="kpi",
        title="Spiegelinformatie",
        practice_name=practice or "Huisartsenpraktijk",
        printed_by=ctx.user.name,
        printed_at=datetime.now().replace(microsecond=0),
        version_label=f"periode {current.period.label()}",
        audit_head=head,
    )
    doc = report.KpiDocument(
        scope=current.scope,
        periods=[report.KpiPeriod(r.period.label(), r.measures) for r in reports],
        missing=current.denominators_missing,
    )
    return report.render(doc, meta)


def _target(out: Path, fmt: str) -> Path:
    out = Path(out).expanduser()
    if not out.name or out.is_dir():
        raise ValidationError(
            f"'{out}' is een map. Kies een bestandsnaam, bijvoorbeeld kengetallen.{fmt}."
        )
    if out.suffix.lower() != f".{fmt}":
        out = out.with_name(f"{out.name}.{fmt}")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(f"De map '{folder}' bestaat niet. Kies een bestaande map.")
    if not os.access(folder, os.W_OK):
        raise ValidationError(
            f"In de map '{folder}' mag pzmdo niet schrijven. Kies een andere map."
        )
    return out.absolute()


def export(
    ctx: AppContext,
    fmt: str,
    out: Path,
    start: date,
    end: date,
    practice_id: int | None = None,
    team_id: int | None = None,
    periods: int = 4,
) -> ExportResult:
    """Write the figures of the period and the ``periods - 1`` before it as CSV or PDF."""
    require(ctx, Action.KPI_AGGREGATE)
    if fmt not in FORMATS:
        raise ValidationError(f"Kies als formaat csv of pdf (niet '{fmt}').")
    path = _target(out, fmt)
    reports = trend(ctx, start, end, practice_id, team_id, count=max(1, min(periods, 12)))
    data = csv_text(reports).encode("utf-8-sig") if fmt == "csv" else _pdf_bytes(ctx, reports)
    written = False
    try:
        with ctx.unit() as s:
            ctx.audit(
                s,
                AuditAction.KPI_EXPORT,
                entity="kengetallen",
                detail={
                    "formaat": fmt,
                    "periode": reports[-1].period.label(),
                    "perioden": len(reports),
                    "bereik": reports[-1].scope,
                    "bestand": path.name,
                },
            )
            try:
                write_atomic(path, data)
            except OSError as exc:
                raise PzmdoError(
                    f"De export kon niet worden opgeslagen als '{path.name}' ({exc.strerror}). "
                    "Kies een andere map of sluit het bestand in een ander programma."
                ) from None
            written = True
    except BaseException:
        if written:  # the audit did not commit: leave no unrecorded export behind
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return ExportResult(path, fmt, len(reports))
