"""The region's export: aggregates only, small cells "<5", audited; read back as text."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pdfplumber
from sqlalchemy import select

from pzmdo.domain.kpi import SUPPRESSED
from pzmdo.domain.text import display_name
from pzmdo.services import kpi_export
from pzmdo.services.context import AppContext
from pzmdo.store.models import AuditEvent, Patient
from tests.services.kpi_world import H1, build


def _identifiers(ctx: AppContext) -> list[str]:
    """Every name, BSN and date of birth in the database, as they could be written."""
    out: set[str] = set()
    with ctx.read() as s:
        for p in s.scalars(select(Patient)):
            out.add(display_name(p.given_name, p.name_prefix, p.family_name))
            out.add(p.family_name.replace(" (fictief)", ""))
            if len(p.given_name) > 3:
                out.add(p.given_name)
            if p.bsn:
                out.add(p.bsn)
            for fmt in ("%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"):
                out.add(p.birth_date.strftime(fmt))
    return sorted(out)


def _pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def test_demo_export_holds_no_patient_identifiers(demo_ctx: AppContext, tmp_path: Path) -> None:
    today = date.today()
    start, end = date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    csv_result = kpi_export.export(demo_ctx, "csv", tmp_path / "regio", start, end)
    pdf_result = kpi_export.export(demo_ctx, "pdf", tmp_path / "regio", start, end)
    assert csv_result.path.name == "regio.csv" and pdf_result.path.name == "regio.pdf"
    csv_text = csv_result.path.read_text(encoding="utf-8-sig")
    pdf_text = _pdf_text(pdf_result.path)
    assert "Spiegelinformatie" in pdf_text and "K13" in pdf_text
    identifiers = _identifiers(demo_ctx)
    assert len(identifiers) > 80  # 40 demo patients: names, birth dates, BSNs
    for text in (csv_text, pdf_text):
        leaks = [i for i in identifiers if i in text]
        assert leaks == [], leaks
    with demo_ctx.read() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.action == "kpi_export")).all()
    assert len(events) == 2 and all(e.patient_id is None for e in events)
    assert "regio.pdf" in events[1].detail


def test_small_cells_are_suppressed(ctx: AppContext, tmp_path: Path) -> None:
    build(ctx)
    result = kpi_export.export(ctx, "csv", tmp_path / "klein.csv", *H1, periods=1)
    rows = {r["kengetal"]: r for r in csv.DictReader(
        result.path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"
    )}  # fmt: skip
    # K1 rests on 1 of 4 deaths: the value, numerator and denominator are all hidden.
    assert (rows["K1"]["waarde"], rows["K1"]["teller"], rows["K1"]["noemer"]) == (SUPPRESSED,) * 3
    assert rows["K2.prevalent"]["waarde"] == "5" and rows["K2.prevalent"]["teller"] == "5"
    assert rows["K3"]["teller"] == SUPPRESSED and rows["K3"]["noemer"] == "5"
    assert rows["K6"]["waarde"] == SUPPRESSED
    pdf = kpi_export.export(ctx, "pdf", tmp_path / "klein.pdf", *H1, periods=3)
    text = _pdf_text(pdf.path)
    assert SUPPRESSED in text and "25%" not in text  # K1's 25% stays hidden
