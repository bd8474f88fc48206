"""Spoedoverzicht: ONE page for the huisartsenpost and ambulance staff.

Treatment limits, "bel de huisartsenpost in plaats van 112", the preferred place of death,
key contacts, the centrale zorgverlener and when the plan was last discussed. Long text is
cut to a fixed number of lines with "… zie zorgplan"; as a last guard the whole page is
shrunk to fit, so the document is always exactly one page.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Table, TableStyle
from reportlab.platypus.flowables import _listWrapOn  # type: ignore[attr-defined]  # no stub

from pzmdo.reports.careplan import contact_phone
from pzmdo.reports.model import (
    DECISION_LIMITED,
    DECISION_NO,
    DECISION_UNKNOWN,
    DECISION_YES,
    CarePlanData,
    Contact,
    DocumentMeta,
)
from pzmdo.reports.template import (
    ALERT,
    ALERT_BG,
    BLUE,
    CONTENT_WIDTH,
    FOOTER_HEIGHT,
    HEADER_HEIGHT,
    LIGHT,
    LINE,
    PAGE_HEIGHT,
    TOP,
    P,
    Styles,
    boxed,
    build_pdf,
    esc,
    fmt_date,
    make_styles,
    patient_header,
    section_bar,
)

SEE_PLAN = " … <i>(zie zorgplan)</i>"
SHORT = "…"
MAX_CONTACTS = 7
MAX_LIMITS = 8
FRAME_HEIGHT = PAGE_HEIGHT - (TOP + HEADER_HEIGHT) - (FOOTER_HEIGHT + 6 * mm)

DECISION_TEXT = {
    DECISION_YES: ("JA", colors.black),
    DECISION_LIMITED: ("JA, MET BEPERKINGEN", colors.HexColor("#A05A00")),
    DECISION_NO: ("NEE", ALERT),
    DECISION_UNKNOWN: ("ONBEKEND", colors.HexColor("#5A6270")),
    "": ("NIET INGEVULD", colors.HexColor("#5A6270")),
}


def clipped(
    text: str | None,
    style: ParagraphStyle,
    width: float,
    max_lines: int,
    *,
    markup: str = "",
    suffix: str = SEE_PLAN,
    empty: str = "—",
) -> Paragraph:
    """A paragraph of at most ``max_lines`` lines; longer text ends in "… (zie zorgplan)".

    ``markup`` is put before the (escaped) text, e.g. a bold label.
    """
    text = (text or "").strip() or empty
    max_height = max_lines * style.leading + 0.5

    def build(n: int, tail: str) -> Paragraph:
        return Paragraph(markup + esc(text[:n]) + tail, style)

    full = build(len(text), "")
    if full.wrap(width, 10_000)[1] <= max_height:
        return full
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits together with the note
        mid = (low + high + 1) // 2
        if build(mid, suffix).wrap(width, 10_000)[1] <= max_height:
            low = mid
        else:
            high = mid - 1
    cut = text[:low]
    space = cut.rfind(" ")
    if space > low * 0.7:  # end on a whole word when that costs little
        cut = cut[:space]
    return Paragraph(markup + esc(cut.rstrip(" ,.;:")) + suffix, style)


def _table_style(header: bool = True) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, LINE),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), LIGHT),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, BLUE),
        ]
    return TableStyle(commands)


def emergency_story(data: CarePlanData, s: Styles, *, tight: bool = False) -> list[Flowable]:
    """``tight``: fewer lines per field, for plans that are full to the brim."""
    p = data.patient
    few = 1 if tight else 2
    half = CONTENT_WIDTH / 2
    story: list[Flowable] = []
    story.append(P("Spoedoverzicht voor huisartsenpost en ambulance", s.title))
    stamp = (
        f"Zorgplan versie {data.version}"
        if data.version is not None
        else "Nog geen zorgplan vastgelegd"
    )
    stamp += f", actueel per {fmt_date(data.current_as_of)}"
    stamp += f" · laatst besproken in MDO: <b>{fmt_date(data.last_discussed_on, 'nog niet')}</b>"
    story.append(P(stamp, s.small))
    if data.dying_since is not None:
        story.append(
            boxed(
                [P(f"STERVENSFASE sinds {fmt_date(data.dying_since)}", s.alert)],
                background=ALERT_BG,
                border=ALERT,
            )
        )

    # Patient identification
    left_w, right_w = half + 20 * mm, half - 20 * mm
    lw, rw = left_w - 8, right_w - 8
    name = p.name + (" (fictief)" if p.is_fictional and "fictief" not in p.name else "")
    born = f"geb. {fmt_date(p.birth_date)}" + (f" · BSN {p.bsn}" if p.bsn else "")
    capable = (data.legally_capable or data.wilsbekwaamheid or "nog onbekend").lower()
    special = ", ".join(data.populations) or "geen"
    ident_rows: list[list[Any]] = [
        [
            clipped(name, s.cell_bold, lw, 2, suffix=SHORT),
            clipped(born, s.cell, rw, 1, suffix=SHORT),
        ],
        [
            clipped(p.address, s.cell, lw, 2, suffix=SHORT),
            clipped(f"Tel. {p.phone or '—'}", s.cell, rw, 1, suffix=SHORT),
        ],
        [
            clipped(f"Wilsbekwaam m.b.t. behandelbeslissingen: {capable}", s.cell, lw, 2),
            clipped(f"Doel van beleid: {data.policy_goal or 'nog onbekend'}", s.cell, rw, few + 1),
        ],
    ]
    if data.diagnosis:  # full width (spanned below): it matters more than the column grid
        ident_rows.append(
            [
                clipped(
                    data.diagnosis, s.cell, left_w + right_w - 8, 2,
                    markup="<b>Hoofddiagnose:</b> ",
                ),
                "",
            ]
        )  # fmt: skip
    if data.populations:
        ident_rows.append(
            [clipped(f"Bijzondere groep: {special}", s.cell, left_w + right_w - 8, 1), ""]
        )
    table = Table(ident_rows, colWidths=[left_w, right_w], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), LIGHT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                *[("SPAN", (0, r), (1, r)) for r in range(3, len(ident_rows))],
            ]
        )
    )
    story.append(table)

    # Call the huisartsenpost instead of 112
    acute = data.acute
    if acute.call_gp_post_instead_of_112:
        line = "BEL DE HUISARTSENPOST IN PLAATS VAN 112"
        if data.gp_post_phone:
            line += f" — {esc(data.gp_post_phone[:40])}"
        story.append(_gap(2))
        story.append(
            boxed(
                [P(line, s.alert), P("Zo afgesproken met de patiënt en de naasten.", s.small)],
                background=ALERT_BG,
                border=ALERT,
            )
        )
    elif acute.call_gp_post_instead_of_112 is False:
        story.append(P("Geen afspraak om de huisartsenpost in plaats van 112 te bellen.", s.body))
    else:
        story.append(
            P("Nog niet besproken of de huisartsenpost in plaats van 112 gebeld wordt.", s.body)
        )

    # Treatment limits
    story.append(section_bar("", "Behandelgrenzen", s))
    rows: list[list[Flowable]] = [
        [
            P("<b>Behandeling</b>", s.cell),
            P("<b>Besluit</b>", s.cell),
            P("<b>Beperking / toelichting</b>", s.cell),
        ]
    ]
    note_width = CONTENT_WIDTH - 62 * mm - 40 * mm - 6
    max_limits = MAX_LIMITS - 2 if tight else MAX_LIMITS
    for limit in data.limits[:max_limits]:
        word, colour = DECISION_TEXT.get(limit.decision, DECISION_TEXT[DECISION_UNKNOWN])
        detail = "; ".join(x for x in (limit.limitation.strip(), limit.note.strip()) if x)
        rows.append(
            [
                clipped(limit.label, s.cell_bold, 62 * mm - 5, few, suffix=SHORT),
                Paragraph(
                    f"<font color='{colour.hexval().replace('0x', '#')}'><b>{word}</b></font>",
                    s.cell,
                ),
                clipped(detail, s.small, note_width, few),
            ]
        )
    if data.icd and data.icd.selected == "Ja":
        agreement = data.icd_agreement.selected if data.icd_agreement else None
        rows.append(
            [
                P("<b>ICD aanwezig</b>", s.cell),
                P("<b>JA</b>", s.cell),
                clipped(
                    f"Uitzetten: {(agreement or 'niet besproken').lower()}. {data.icd_agreement.note if data.icd_agreement else ''}",
                    s.small,
                    note_width,
                    2,
                ),
            ]
        )
    if len(rows) == 1:
        rows.append(
            [
                P("Nog geen behandelgrenzen vastgelegd", s.cell),
                P("<b>ONBEKEND</b>", s.cell),
                P("—", s.cell),
            ]
        )
    limits = Table(
        rows, colWidths=[62 * mm, 40 * mm, CONTENT_WIDTH - 102 * mm], hAlign="LEFT", repeatRows=1
    )
    limits.setStyle(_table_style())
    story.append(limits)
    if len(data.limits) > max_limits:
        story.append(
            P(f"Nog {len(data.limits) - max_limits} behandelgrens(en): zie zorgplan.", s.note)
        )

    # Wishes relevant in an emergency
    story.append(section_bar("", "Wensen", s))
    place = data.place_of_death
    chosen = (place.selected if place else None) or "nog onbekend"
    story.append(
        clipped(
            place.note if place else "",
            s.body,
            CONTENT_WIDTH,
            few,
            markup=f"<b>Gewenste plek van overlijden: {esc(chosen[:80])}.</b> ",
            empty="",
        )
    )
    care = data.preferred_place_of_care
    if care is not None and care.selected:
        story.append(P(f"<b>Gewenste plek van zorg: {esc(care.selected[:80])}.</b>", s.body))
    euth = (data.euthanasia.selected if data.euthanasia else None) or "nog onbekend"
    story.append(clipped(euth, s.body, CONTENT_WIDTH, few, markup="<b>Euthanasie:</b> "))

    story.append(section_bar("", "Wat de huisartsenpost en ambulance moeten weten", s))
    lines = 2 if tight else 3
    story.append(
        clipped(acute.for_gp_post, s.body, CONTENT_WIDTH, lines, markup="<b>Huisartsenpost:</b> ")
    )
    story.append(
        clipped(acute.for_ambulance, s.body, CONTENT_WIDTH, lines, markup="<b>Ambulance:</b> ")
    )
    if acute.medication_at_home:
        story.append(
            clipped(
                acute.medication_at_home,
                s.body,
                CONTENT_WIDTH,
                few,
                markup="<b>Medicatie in huis (thuiskist):</b> ",
            )
        )
    if acute.seh:
        story.append(
            clipped(
                acute.seh, s.body, CONTENT_WIDTH, few, markup="<b>Spoedeisende hulp (SEH):</b> "
            )
        )

    # Contacts
    story.append(section_bar("", "Contacten", s))
    contacts = emergency_contacts(data)
    max_contacts = MAX_CONTACTS - 1 if tight else MAX_CONTACTS
    shown = contacts[:max_contacts]
    # Rol | Naam | Telefoon | E-mail: a number is what the huisartsenpost dials, so an
    # e-mail address never sits in the phone column.
    widths = [37 * mm, 48 * mm, 54 * mm, CONTENT_WIDTH - 139 * mm]
    crow: list[list[Flowable]] = [
        [P(f"<b>{h}</b>", s.cell) for h in ("Rol", "Naam", "Telefoon", "E-mail")]
    ]
    if data.gp_post_phone and not acute.call_gp_post_instead_of_112:
        # The practice's own huisartsenpost, first (with the 112 agreement it is in the box).
        crow.append(
            [
                P("<b>Huisartsenpost</b>", s.cell),
                P("eigen huisartsenpost van de praktijk", s.cell),
                clipped(data.gp_post_phone, s.cell, widths[2] - 5, 1, suffix=SHORT),
                P("—", s.cell),
            ]
        )
    for c in shown:
        role_style = s.cell_bold if c.role == "Centrale zorgverlener" else s.cell
        name = c.name + (f", {c.organisation}" if c.organisation else "")
        crow.append(
            [
                clipped(c.role, role_style, widths[0] - 5, few, suffix=SHORT),
                clipped(name, s.cell, widths[1] - 5, few, suffix=SHORT),
                clipped(contact_phone(c), s.cell, widths[2] - 5, few, suffix=SHORT),
                clipped(c.email, s.small, widths[3] - 5, few, suffix=SHORT),
            ]
        )
    if len(crow) == 1:
        crow.append(
            [
                P("—", s.cell),
                P("Nog geen contacten vastgelegd", s.cell),
                P("—", s.cell),
                P("—", s.cell),
            ]
        )
    ctable = Table(crow, colWidths=widths, hAlign="LEFT")
    ctable.setStyle(_table_style())
    story.append(ctable)
    if len(contacts) > max_contacts:
        story.append(P(f"Nog {len(contacts) - max_contacts} contact(en): zie zorgplan.", s.note))
    story.append(_gap(2))
    story.append(
        P(
            "Dit spoedoverzicht is een uittreksel. De volledige afspraken staan in het zorgplan "
            f"{'(versie ' + str(data.version) + ')' if data.version is not None else ''}.",
            s.note,
        )
    )
    return story


def emergency_contacts(data: CarePlanData) -> list[Contact]:
    out: list[Contact] = []
    if data.central_caregiver:
        out.append(data.central_caregiver)
    if data.first_contact:
        out.append(data.first_contact)
    for person, role in (
        (data.representative, "Vertegenwoordiger"),
        (data.first_contact_person, "Contactpersoon"),
    ):
        if person is not None:
            name = person.name + (f" ({person.relation.lower()})" if person.relation else "")
            out.append(Contact(role, name, phone=person.phone, email=person.email))
    seen = {(c.role, c.name) for c in out}
    out += [c for c in data.team if (c.role, c.name) not in seen]
    return out


def _gap(height_mm: float) -> Flowable:
    from reportlab.platypus import Spacer

    return Spacer(1, height_mm * mm)


def story_height(story: list[Flowable]) -> float:
    canvas = Canvas(io.BytesIO())
    height: float = _listWrapOn(story, CONTENT_WIDTH, canvas)[1]
    return height


def render(data: CarePlanData, meta: DocumentMeta) -> bytes:
    styles = make_styles(base_size=9.5)
    story = emergency_story(data, styles)
    if story_height(story) > FRAME_HEIGHT - 1:
        story = emergency_story(data, styles, tight=True)
    # Last guard: whatever still does not fit is scaled down, never put on a second page.
    page = KeepInFrame(CONTENT_WIDTH, FRAME_HEIGHT - 1, story, mode="shrink", vAlign="TOP")
    return build_pdf([page], meta, patient_header(data.patient), max_pages=1)
