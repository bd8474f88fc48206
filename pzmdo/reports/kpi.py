"""Spiegelinformatie for the region: a PDF with aggregates only.

No names, BSN, dates of birth, free text or rankings of professionals (001 L262-265):
only the figures of the chosen scope, each cell resting on fewer than five patients shown
as "<5", a trend chart per figure (ReportLab's own graphics) and the definitions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle

from pzmdo.domain import kpi as k
from pzmdo.domain.kpi import Kind, Measure
from pzmdo.reports.fonts import SANS, SANS_BOLD
from pzmdo.reports.model import DocumentMeta
from pzmdo.reports.template import (
    BLUE,
    CONTENT_WIDTH,
    GREY,
    LIGHT,
    LINE,
    HeaderIdent,
    P,
    Styles,
    T,
    build_pdf,
    esc,
    keep,
    make_styles,
    spacer,
)


@dataclass(frozen=True)
class KpiPeriod:
    label: str
    measures: Sequence[Measure]

    def get(self, key: str) -> Measure | None:
        return next((m for m in self.measures if m.key == key), None)


@dataclass(frozen=True)
class KpiDocument:
    scope: str
    periods: Sequence[KpiPeriod]  # oldest first; the last is the period of the report
    missing: Sequence[str]  # external denominators not entered

    @property
    def current(self) -> KpiPeriod:
        return self.periods[-1]


def _figure_rows(doc: KpiDocument, s: Styles) -> list[list[Flowable | str]]:
    rows: list[list[Flowable | str]] = [
        [
            P(f"<b>{h}</b>", s.small)
            for h in ("Kengetal", "Omschrijving", "Waarde", "Teller", "Noemer")
        ]
    ]
    for m in doc.current.measures:
        part = m.key != m.figure
        indent = "&nbsp;&nbsp;&nbsp;" if part else ""
        rows.append(
            [
                P("" if part else esc(m.key), s.small),
                P(indent + esc(m.title), s.small),
                P(f"<b>{esc(k.regional_value(m))}</b>", s.small),
                P(esc(k.cell(m.numerator)), s.small),
                P(esc(k.cell(m.denominator)), s.small),
            ]
        )
    return rows


def _table(doc: KpiDocument, s: Styles) -> Table:
    widths = [19 * mm, CONTENT_WIDTH - 19 * mm - 26 * mm - 2 * 18 * mm, 26 * mm, 18 * mm, 18 * mm]
    table = Table(_figure_rows(doc, s), colWidths=widths, repeatRows=1)
    style: list[Any] = [
        ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, LINE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    table.setStyle(TableStyle(style))
    return table


def _chart(doc: KpiDocument, key: str, width: float, height: float) -> Drawing:
    """Bars per period for one measure; suppressed or missing values leave a gap marked."""
    drawing = Drawing(width, height)
    title = doc.current.get(key)
    caption = f"{key} {title.title if title else ''}"
    while caption and stringWidth(caption, SANS_BOLD, 7.5) > width - 6:
        caption = caption[:-2].rstrip() + "…"
    drawing.add(String(0, height - 10, caption, fontName=SANS_BOLD, fontSize=7.5, fillColor=BLUE))
    values: list[float | None] = []
    notes: list[str] = []
    for period in doc.periods:
        m = period.get(key)
        if m is None or m.value is None or k.is_small(m):
            values.append(None)
            notes.append(k.SUPPRESSED if m is not None and k.is_small(m) else "—")
        else:
            values.append(m.value)
            notes.append("")
    chart = VerticalBarChart()
    chart.x, chart.y = 24, 22
    chart.width, chart.height = int(width - 34), int(height - 42)
    chart.data = [[v if v is not None else 0 for v in values]]
    chart.bars[0].fillColor = colors.HexColor("#8E2A77")
    chart.bars[0].strokeColor = None
    chart.categoryAxis.categoryNames = [p.label for p in doc.periods]
    chart.categoryAxis.labels.fontName = SANS
    chart.categoryAxis.labels.fontSize = 6.5
    chart.valueAxis.labels.fontName = SANS
    chart.valueAxis.labels.fontSize = 6.5
    chart.valueAxis.valueMin = 0
    top = max([v for v in values if v is not None] or [1.0])
    if title is not None and title.kind is Kind.PERCENTAGE:
        chart.valueAxis.valueMax = 100
        chart.valueAxis.valueStep = 25
    else:
        chart.valueAxis.valueMax = max(1, math.ceil(top * 1.2))
    chart.barLabelFormat = lambda v: ""
    drawing.add(chart)
    step = chart.width / max(1, len(values))
    for i, note in enumerate(notes):
        if note:
            drawing.add(
                String(chart.x + step * (i + 0.5), chart.y + 3, note, fontName=SANS, fontSize=7,
                       fillColor=GREY, textAnchor="middle")
            )  # fmt: skip
    return drawing


def _charts(doc: KpiDocument) -> Table:
    keys = [m.key for m in doc.current.measures if not m.key.startswith("K9.")]
    width = CONTENT_WIDTH / 3
    cells = [_chart(doc, key, width - 4, 34 * mm) for key in keys]
    rows: list[list[Drawing | str]] = [list(cells[i : i + 3]) for i in range(0, len(cells), 3)]
    if rows and len(rows[-1]) < 3:
        rows[-1] += [""] * (3 - len(rows[-1]))
    table = Table(rows, colWidths=[width] * 3)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _definitions(doc: KpiDocument, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [P("Definities en bronnen", s.section)]
    seen = set()
    for m in doc.current.measures:
        if m.key.startswith("K9.") or m.key in seen:
            continue
        seen.add(m.key)
        out.append(
            keep(
                P(f"<b>{esc(m.key)} — {esc(m.title)}</b>", s.small),
                T(m.definition, s.small),
                P(f"Bron: {esc(m.source)}", s.tiny),
            )
        )
    return out


def story(doc: KpiDocument, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [
        P("Spiegelinformatie palliatieve zorg", s.title),
        P(esc(f"{doc.scope} · periode {doc.current.label}"), s.subtitle),
        T(
            "Alleen totalen: geen namen, BSN, geboortedata of vrije tekst, en geen vergelijking "
            "van individuele zorgverleners. Aantallen van 1 tot en met 4 staan als '<5'. "
            "Spiegelinformatie is bedoeld om de kwaliteit te verbeteren, niet om zorgverleners "
            "op af te rekenen (bron 001 L262-265).",
            s.note,
        ),
    ]
    if doc.missing:
        out.append(T("Niet ingevoerd (externe noemer): " + "; ".join(doc.missing) + ".", s.note))
    out += [spacer(2), _table(doc, s), spacer(4), P("Trend per periode", s.section), _charts(doc)]
    out += _definitions(doc, s)
    return out


def render(doc: KpiDocument, meta: DocumentMeta) -> bytes:
    styles = make_styles(9)
    header = HeaderIdent("Spiegelinformatie", f"{doc.scope} · {doc.current.label}")
    return build_pdf(story(doc, styles), meta, header)
