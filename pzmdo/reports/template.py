"""The common page template of every document.

Every page: a header with the practice and the patient (or meeting) identification, a
footer with "Vertrouwelijk — medische gegevens", who printed it and when, the document
version, the pzmdo version that made it and "Pagina x van y". The totals are stamped when
the document is saved (a canvas that holds the pages until it knows how many there are). In
a batch every patient section counts its own pages; the overall sheet number is printed too.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from pzmdo import __version__
from pzmdo.domain.errors import PzmdoError
from pzmdo.reports.fonts import SANS, SANS_BOLD, SANS_ITALIC, register_fonts
from pzmdo.reports.model import DocumentMeta, PatientIdent

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 16 * mm
HEADER_HEIGHT = 20 * mm
FOOTER_HEIGHT = 15 * mm
TOP = 10 * mm  # paper edge to header
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X

CONFIDENTIAL = "Vertrouwelijk — medische gegevens"

# The IKNL form's colours: dark blue text, purple accents.
BLUE = colors.HexColor("#1D3F6E")
PURPLE = colors.HexColor("#8E2A77")
LIGHT = colors.HexColor("#EEF2F7")
GREY = colors.HexColor("#5A6270")
LINE = colors.HexColor("#B8C2D0")
ALERT = colors.HexColor("#B00020")
ALERT_BG = colors.HexColor("#FCEBEC")


def fmt_date(value: date | None, empty: str = "—") -> str:
    return value.strftime("%d-%m-%Y") if value else empty


def esc(text: str | None) -> str:
    """User text made safe for a Paragraph: XML escaped, line breaks kept."""
    if not text:
        return ""
    lines = escape(str(text)).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br/>".join(lines)


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    tiny: ParagraphStyle
    bold: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    section: ParagraphStyle
    subsection: ParagraphStyle
    label: ParagraphStyle
    note: ParagraphStyle
    alert: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle


def make_styles(base_size: float = 9.5) -> Styles:
    register_fonts()
    lead = base_size * 1.3
    body = ParagraphStyle(
        "body",
        fontName=SANS,
        fontSize=base_size,
        leading=lead,
        alignment=TA_LEFT,
        textColor=colors.black,
        splitLongWords=1,
        spaceAfter=2,
    )
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=base_size - 1.5, leading=lead - 2),
        tiny=ParagraphStyle(
            "tiny", parent=body, fontSize=base_size - 2.5, leading=lead - 3.5, textColor=GREY
        ),
        bold=ParagraphStyle("bold", parent=body, fontName=SANS_BOLD),
        title=ParagraphStyle(
            "title",
            parent=body,
            fontName=SANS_BOLD,
            fontSize=base_size + 8,
            leading=base_size + 12,
            textColor=BLUE,
            spaceAfter=1,
        ),
        subtitle=ParagraphStyle(
            "subtitle",
            parent=body,
            fontSize=base_size + 1,
            leading=lead + 1,
            textColor=PURPLE,
            spaceAfter=4,
        ),
        section=ParagraphStyle(
            "section",
            parent=body,
            fontName=SANS_BOLD,
            fontSize=base_size + 2,
            leading=lead + 3,
            textColor=BLUE,
            spaceBefore=7,
            spaceAfter=3,
        ),
        subsection=ParagraphStyle(
            "subsection",
            parent=body,
            fontName=SANS_BOLD,
            textColor=BLUE,
            spaceBefore=3,
            spaceAfter=1,
        ),
        label=ParagraphStyle("label", parent=body, textColor=BLUE),
        note=ParagraphStyle(
            "note",
            parent=body,
            fontName=SANS_ITALIC,
            fontSize=base_size - 1,
            textColor=GREY,
            leading=lead - 1.5,
        ),
        alert=ParagraphStyle(
            "alert",
            parent=body,
            fontName=SANS_BOLD,
            fontSize=base_size + 1.5,
            leading=lead + 2,
            textColor=ALERT,
        ),
        cell=ParagraphStyle("cell", parent=body, spaceAfter=0),
        cell_bold=ParagraphStyle("cell_bold", parent=body, fontName=SANS_BOLD, spaceAfter=0),
    )


def P(text: str, style: ParagraphStyle) -> Paragraph:  # noqa: N802 - ReportLab idiom
    """A paragraph from markup that is already escaped."""
    return Paragraph(text, style)


def T(text: str | None, style: ParagraphStyle) -> Paragraph:  # noqa: N802
    """A paragraph from plain user text (escaped here)."""
    return Paragraph(esc(text), style)


def section_bar(number: str, title: str, styles: Styles) -> Flowable:
    """A numbered section title with the form's dotted purple rule underneath."""
    label = f"{number}. {title}" if number else title
    table = Table(
        [[P(esc(label), styles.section)]], colWidths=[CONTENT_WIDTH], spaceBefore=5, spaceAfter=3
    )
    table.keepWithNext = 1  # never a section title alone at the bottom of a page
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 1, PURPLE, None, (1, 2)),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def key_value_table(
    rows: Sequence[tuple[str, Any]],
    styles: Styles,
    label_width: float = 45 * mm,
    width: float = CONTENT_WIDTH,
) -> Table:
    """Short label/value rows (values are plain text or ready flowables)."""
    data = []
    for label, value in rows:
        cell = value if isinstance(value, Flowable) else T(value or "—", styles.cell)
        data.append([P(esc(label), styles.label), cell])
    table = Table(data, colWidths=[label_width, width - label_width], hAlign="LEFT", splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        )
    )
    return table


def grid_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    styles: Styles,
) -> Table:
    """A ruled table with a repeated header row; cells are plain text or flowables."""
    data: list[list[Any]] = [[P(esc(h), styles.cell_bold) for h in header]]
    for row in rows:
        data.append(
            [c if isinstance(c, Flowable) else T(c if c else "—", styles.cell) for c in row]
        )
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT", splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, BLUE),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, LINE),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def boxed(flowables: list[Flowable], background: Any = LIGHT, border: Any = LINE) -> Table:
    table = Table([[flowables]], colWidths=[CONTENT_WIDTH], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), background),
                ("BOX", (0, 0), (-1, -1), 0.6, border),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))


# -- header identification ---------------------------------------------------------------


@dataclass(frozen=True)
class HeaderIdent:
    """The right-hand side of the header: who or what the pages are about."""

    line1: str  # bold: patient name or meeting
    line2: str = ""  # birth date, BSN / team, location
    fictional: bool = False


def patient_header(p: PatientIdent, *, initials_only: bool = False) -> HeaderIdent:
    if initials_only:
        return HeaderIdent(p.initials_label(), "", p.is_fictional)
    line2 = f"geb. {fmt_date(p.birth_date)}"
    if p.bsn:
        line2 += f" · BSN {p.bsn}"
    return HeaderIdent(p.name, line2, p.is_fictional)


class SetHeader(Flowable):
    """Zero-size marker: from here on the header shows ``ident`` and a new section starts
    (its own page count). Put it first on a new page."""

    def __init__(self, ident: HeaderIdent, new_section: bool = True) -> None:
        super().__init__()
        self.ident = ident
        self.new_section = new_section
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        doc = self.canv._doctemplate  # type: ignore[attr-defined]
        doc.ident = self.ident
        if self.new_section:
            doc.section += 1


class ReportDocTemplate(BaseDocTemplate):
    def __init__(self, buffer: io.BytesIO, meta: DocumentMeta, ident: HeaderIdent) -> None:
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=TOP + HEADER_HEIGHT,
            bottomMargin=FOOTER_HEIGHT + 6 * mm,
            title=meta.title,
            author=meta.practice_name,
            subject=CONFIDENTIAL,
            creator=f"pzmdo {__version__}",
            producer=f"pzmdo {__version__} (ReportLab)",
        )
        self.meta = meta
        self.ident = ident
        self.section = 0
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=self._page_end)])

    def _page_end(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        # Drawn at the end of the page, so a section marker on this page is already applied.
        draw_header(canvas, self.meta, self.ident)
        canvas._pzmdo_sections.append(self.section)  # type: ignore[attr-defined]


def draw_header(canvas: Canvas, meta: DocumentMeta, ident: HeaderIdent) -> None:
    canvas.saveState()
    top = PAGE_HEIGHT - TOP
    left, right = MARGIN_X, PAGE_WIDTH - MARGIN_X
    canvas.setFillColor(BLUE)
    canvas.setFont(SANS_BOLD, 9)
    canvas.drawString(left, top - 9, _fit(canvas, meta.practice_name, SANS_BOLD, 9, 80 * mm))
    canvas.setFont(SANS_BOLD, 13)
    canvas.setFillColor(PURPLE)
    canvas.drawString(left, top - 24, _fit(canvas, meta.title, SANS_BOLD, 13, 85 * mm))
    canvas.setFillColor(colors.black)
    canvas.setFont(SANS_BOLD, 10.5)
    canvas.drawRightString(right, top - 9, _fit(canvas, ident.line1, SANS_BOLD, 10.5, 95 * mm))
    canvas.setFont(SANS, 8.5)
    line2 = ident.line2
    if ident.fictional:
        line2 = f"{line2} · FICTIEF" if line2 else "FICTIEF"
    canvas.drawRightString(right, top - 21, _fit(canvas, line2, SANS, 8.5, 95 * mm))
    canvas.setStrokeColor(BLUE)
    canvas.setLineWidth(0.8)
    canvas.line(left, top - HEADER_HEIGHT + 6 * mm, right, top - HEADER_HEIGHT + 6 * mm)
    canvas.restoreState()


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> str:
    """Cut text that would run off the header, with an ellipsis."""
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


class NumberedCanvas(Canvas):
    """Holds pages until ``save`` so the footer can say "Pagina x van y"."""

    def __init__(self, *args: Any, meta: DocumentMeta, batch: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pzmdo_meta = meta
        self._pzmdo_batch = batch
        self._pzmdo_pages: list[dict[str, Any]] = []
        self._pzmdo_sections: list[int] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab API
        self._pzmdo_pages.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # ReportLab internal, not in the stubs

    def save(self) -> None:
        sections = self._pzmdo_sections
        total = len(self._pzmdo_pages)
        counts: dict[int, int] = {}
        for s in sections:
            counts[s] = counts.get(s, 0) + 1
        seen: dict[int, int] = {}
        for index, state in enumerate(self._pzmdo_pages):
            self.__dict__.update(state)
            section = sections[index] if index < len(sections) else 0
            seen[section] = seen.get(section, 0) + 1
            if self._pzmdo_batch:
                page_text = f"Pagina {seen[section]} van {counts.get(section, 1)}"
                page_text += f" (blad {index + 1} van {total})"
            else:
                page_text = f"Pagina {index + 1} van {total}"
            draw_footer(self, self._pzmdo_meta, page_text)
            super().showPage()
        super().save()


def draw_footer(canvas: Canvas, meta: DocumentMeta, page_text: str) -> None:
    canvas.saveState()
    left, right = MARGIN_X, PAGE_WIDTH - MARGIN_X
    y = FOOTER_HEIGHT
    canvas.setStrokeColor(LINE)
    canvas.setLineWidth(0.5)
    canvas.line(left, y + 3 * mm, right, y + 3 * mm)
    canvas.setFillColor(ALERT)
    canvas.setFont(SANS_BOLD, 8)
    canvas.drawString(left, y, CONFIDENTIAL)
    canvas.setFillColor(colors.black)
    canvas.setFont(SANS_BOLD, 8)
    canvas.drawRightString(right, y, page_text)
    canvas.setFillColor(GREY)
    canvas.setFont(SANS, 7)
    printed = (
        f"Afgedrukt door {meta.printed_by} op {meta.printed_at:%d-%m-%Y} om {meta.printed_at:%H:%M}"
    )
    canvas.drawString(left, y - 10, _fit(canvas, printed, SANS, 7, 78 * mm))
    canvas.drawString(left, y - 18, f"Gemaakt met pzmdo {__version__}")
    version = f"Documentversie: {meta.version_label}"
    canvas.drawRightString(right, y - 10, _fit(canvas, version, SANS, 7, 98 * mm))
    canvas.restoreState()


def build_pdf(
    story: list[Flowable],
    meta: DocumentMeta,
    ident: HeaderIdent,
    *,
    batch: bool = False,
    max_pages: int | None = None,
) -> bytes:
    """Lay out ``story`` with the common page template and return the PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    doc = ReportDocTemplate(buffer, meta, ident)

    def maker(*args: Any, **kwargs: Any) -> NumberedCanvas:
        return NumberedCanvas(*args, meta=meta, batch=batch, **kwargs)

    doc.build(story, canvasmaker=maker)
    if max_pages is not None and doc.page > max_pages:
        raise PzmdoError(
            f"Het document '{meta.title}' past niet op {max_pages} pagina('s). "
            "Maak de teksten in het zorgplan korter en probeer het opnieuw."
        )
    return buffer.getvalue()


def spacer(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)
