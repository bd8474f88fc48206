"""Zorgplan for professionals: patient, team, the care plan in the order of the national
form (IKNL "Uniform vastleggen proactieve zorgplanning"), the four dimensions, scenarios
and acute agreements, stamped "actueel per" with its version."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from pzmdo.reports.model import (
    DECISION_LABELS,
    DECISION_LIMITED,
    DECISIONS,
    POLICY_GOALS,
    Agreement,
    CarePlanData,
    Choice,
    Contact,
    DocumentMeta,
    RelatedPerson,
    TreatmentLimit,
)
from pzmdo.reports.template import (
    ALERT,
    ALERT_BG,
    CONTENT_WIDTH,
    LIGHT,
    LINE,
    P,
    Styles,
    T,
    boxed,
    build_pdf,
    esc,
    fmt_date,
    grid_table,
    keep,
    key_value_table,
    make_styles,
    patient_header,
    section_bar,
)

SELECTED = "◉"
UNSELECTED = "○"
LONG_CELL = 400  # characters: longer restrictions continue below the row


def options_markup(options: tuple[str, ...] | list[str], selected: str | None) -> str:
    """ "◉ Ja   ○ Nee   ○ Nog onbekend" with the chosen option in bold."""
    parts = []
    for option in options:
        if selected is not None and option == selected:
            parts.append(f"<b>{SELECTED}&nbsp;{esc(option)}</b>")
        else:
            parts.append(f"{UNSELECTED}&nbsp;{esc(option)}")
    return "&nbsp;&nbsp;&nbsp; ".join(parts)


def choice_block(
    letter: str, choice: Choice | None, styles: Styles, *, note_label: str = "Toelichting"
) -> list[Flowable]:
    if choice is None:
        return []
    prefix = f"<b>{letter})</b> " if letter else ""
    out: list[Flowable] = [
        P(
            f"{prefix}{esc(choice.label)}&nbsp;&nbsp; {options_markup(choice.options, choice.selected)}",
            styles.body,
        )
    ]
    if choice.note:
        out.append(P(f"<i>{note_label}:</i> {esc(choice.note)}", styles.body))
    return out


def contact_phone(c: Contact) -> str:
    phones = [x for x in (c.phone, c.phone_out_of_hours) if x]
    if c.phone and c.phone_out_of_hours:
        return f"{c.phone} (buiten kantoortijd {c.phone_out_of_hours})"
    return phones[0] if phones else "—"


def team_rows(data: CarePlanData) -> list[Contact]:
    """Centrale zorgverlener and eerste aanspreekpunt first, then the rest of the team."""
    rows: list[Contact] = []
    if data.central_caregiver:
        rows.append(data.central_caregiver)
    if data.first_contact:
        rows.append(data.first_contact)
    seen = {(c.role, c.name) for c in rows}
    rows += [c for c in data.team if (c.role, c.name) not in seen]
    return rows


def related_text(person: RelatedPerson | None) -> str:
    if person is None:
        return "—"
    parts = [person.name]
    if person.relation:
        parts.append(f"({person.relation})")
    if person.contact:
        parts.append(f"· {person.contact}")
    return " ".join(parts)


def limit_rows(limit: TreatmentLimit, letter: str, styles: Styles) -> list[Flowable]:
    """One treatment-limit row as on the form: four options, the restriction, toelichting."""
    limitation = limit.limitation.strip()
    in_cell = (
        limitation
        if len(limitation) <= LONG_CELL
        else limitation[:LONG_CELL] + " … (vervolg hieronder)"
    )
    cells = []
    for code in DECISIONS:
        chosen = limit.decision == code
        mark = SELECTED if chosen else UNSELECTED
        text = f"{mark}&nbsp;{esc(DECISION_LABELS[code])}"
        if code == DECISION_LIMITED and in_cell:
            text += f" {esc(in_cell)}"
        cells.append(P(f"<b>{text}</b>" if chosen else text, styles.cell))
    table = Table(
        [cells],
        colWidths=[16 * mm, CONTENT_WIDTH - 16 * mm - 18 * mm - 27 * mm, 18 * mm, 27 * mm],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("BOX", (1, 0), (1, 0), 0.4, LINE),
            ]
        )
    )
    title = f"<b>{letter})</b> <font color='#8E2A77'>{esc(limit.label)}</font>"
    if limit.discussed_on:
        title += f"&nbsp;&nbsp;<font size='7.5' color='#5A6270'>laatst besproken {fmt_date(limit.discussed_on)}</font>"
    head = [P(title, styles.body), table]
    rest: list[Flowable] = []
    if len(limitation) > LONG_CELL:
        rest.append(P(f"<i>Beperkingen:</i> {esc(limitation)}", styles.body))
    rest.append(P(f"<i>Toelichting:</i> {esc(limit.note) or '—'}", styles.body))
    if sum(len(x) for x in (limitation, limit.note)) < 1500:
        return [keep(*head, *rest)]
    return [keep(*head), *rest]


def careplan_story(data: CarePlanData, styles: Styles) -> list[Flowable]:
    """The whole care plan as flowables (also used per patient in the batch)."""
    s = styles
    story: list[Flowable] = []
    story.append(P("Zorgplan palliatieve zorg", s.title))
    story.append(
        P(
            "Uniform vastleggen proactieve zorgplanning / advance care planning (ACP) — "
            "samenvatting voor zorgverleners",
            s.subtitle,
        )
    )
    p = data.patient
    version = (
        f"versie {data.version}" if data.version is not None else "nog geen zorgplan vastgelegd"
    )
    left = key_value_table(
        [
            (
                "Naam patiënt",
                p.name + (" (fictief)" if p.is_fictional and "fictief" not in p.name else ""),
            ),
            ("Geboortedatum", fmt_date(p.birth_date)),
            ("BSN", p.bsn or "—"),
            ("Adres", p.address or "—"),
            ("Telefoon", p.phone or "—"),
            ("Status", p.status_label or "—"),
        ],
        s,
        label_width=31 * mm,
        width=CONTENT_WIDTH / 2 - 2 * mm,
    )
    right = key_value_table(
        [
            ("Actueel per", fmt_date(data.current_as_of)),
            ("Zorgplan", version),
            ("Datum van invullen", fmt_date(data.filled_on)),
            (
                "Gesprek gevoerd door",
                ", ".join(x for x in (data.conducted_by, data.conducted_by_function) if x) or "—",
            ),
            ("Laatst besproken in MDO", fmt_date(data.last_discussed_on)),
            ("Volgende evaluatie", fmt_date(data.next_review_on)),
        ],
        s,
        label_width=38 * mm,
        width=CONTENT_WIDTH / 2 - 2 * mm,
    )
    top = Table([[left, right]], colWidths=[CONTENT_WIDTH / 2, CONTENT_WIDTH / 2], hAlign="LEFT")
    top.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), LIGHT),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    story.append(top)

    # Team
    story.append(section_bar("", "Zorgteam", s))
    team = team_rows(data)
    if team:
        story.append(
            grid_table(
                ["Rol", "Naam", "Organisatie", "Telefoon"],
                [
                    [
                        c.role,
                        c.name
                        + (
                            f" ({c.discipline})"
                            if c.discipline and c.discipline not in c.name
                            else ""
                        ),
                        c.organisation,
                        contact_phone(c),
                    ]
                    for c in team
                ],
                [36 * mm, 52 * mm, 40 * mm, CONTENT_WIDTH - 128 * mm],
                s,
            )
        )
    else:
        story.append(P("Er is nog geen zorgteam vastgelegd.", s.note))
    if data.gp_post_phone:
        story.append(P(f"Huisartsenpost: <b>{esc(data.gp_post_phone)}</b>", s.body))
    # From the register (issue 17): what every reader of the plan must see first.
    facts = [
        ("Hoofddiagnose", data.diagnosis),
        ("Stervensfase sinds", fmt_date(data.dying_since) if data.dying_since else ""),
        ("Wilsbekwaamheid (register)", data.wilsbekwaamheid),
        ("Bijzondere groep", ", ".join(data.populations)),
    ]
    for label, value in facts:
        if value:
            story.append(P(f"<b>{label}:</b> {esc(value)}", s.body))

    # 1 Wilsbekwaamheid & wettelijke vertegenwoordiging
    story.append(section_bar("1", "Wilsbekwaamheid & wettelijke vertegenwoordiging", s))
    story += choice_block(
        "",
        Choice(
            "Is de patiënt op dit moment wilsbekwaam m.b.t. medische behandelbeslissingen?",
            ("Ja", "Nee", "Nog onbekend"),
            data.legally_capable or "Nog onbekend",
            data.legally_capable_note,
        ),
        s,
    )
    rep = data.representative
    story.append(
        key_value_table(
            [
                ("a) Wettelijk vertegenwoordiger", rep.name if rep else "—"),
                ("b) Contactgegevens", (rep.contact if rep else None) or "—"),
                ("c) Relatie tot patiënt", (rep.relation if rep else None) or "—"),
                (
                    "d) Ook eerste contactpersoon?",
                    {True: "Ja", False: "Nee", None: "—"}[data.representative_is_first_contact],
                ),
            ],
            s,
            label_width=55 * mm,
        )
    )
    if data.first_contact_person and data.representative_is_first_contact is not True:
        story.append(
            key_value_table(
                [("Eerste contactpersoon", related_text(data.first_contact_person))],
                s,
                label_width=55 * mm,
            )
        )

    # 2
    story.append(section_bar("2", "Gesprek gevoerd in bijzijn van", s))
    story.append(T(", ".join(data.present) if data.present else "—", s.body))

    # 3
    story.append(section_bar("3", "Belangrijkste overeengekomen doel van medisch beleid", s))
    goal = data.policy_goal or "Nog onbekend"
    options = list(POLICY_GOALS) if goal in POLICY_GOALS else [*POLICY_GOALS, goal]
    story.append(P(options_markup(options, goal), s.body))

    # 4
    story.append(section_bar("4", "Behandelgrenzen", s))
    letters = "abcdef"
    for index, limit in enumerate(data.limits):
        letter = letters[index] if index < len(letters) else "•"
        story += limit_rows(limit, letter, s)
    if not data.limits:
        story.append(P("Er zijn nog geen behandelgrenzen vastgelegd (nog onbekend).", s.note))
    story += choice_block("g", data.other_limits, s)
    story += choice_block("h", data.icd, s)
    story += choice_block("i", data.icd_agreement, s, note_label="Toelichting gemaakte afspraken")

    # 5
    story.append(section_bar("5", "Behandelwensen", s))
    story.append(
        P(
            "<b>a)</b> Wat zouden zorgverleners, volgens de patiënt, moeten weten om goede "
            "zorg te kunnen verlenen? Specifieke wensen (incl. culturele/religieuze/sociale/"
            "spirituele aspecten):",
            s.label,
        )
    )
    story.append(T(data.wishes or "—", s.body))
    story += choice_block("b", data.place_of_death, s)
    if data.preferred_place_of_care is not None:
        story += choice_block("", data.preferred_place_of_care, s)
    story += choice_block("c", data.euthanasia, s)
    story += choice_block("d", data.organ_donation, s)

    # 6, 7, 8
    story.append(section_bar("6", "Wat verder nog belangrijk is", s))
    story.append(T(data.other_important or "—", s.body))
    story.append(section_bar("7", "Eerder vastgelegde behandelwensen", s))
    story += choice_block("a", data.prior_directives, s) or [P("—", s.body)]
    story.append(section_bar("8", "Informatie delen", s))
    story += choice_block("a", data.informed_about_sharing, s)
    story += choice_block("b", data.consent_to_share, s)
    if data.informed_about_sharing is None and data.consent_to_share is None:
        story.append(P("—", s.body))

    # Beyond the form: dimensions, agreements, scenarios, acute agreements
    story.append(section_bar("", "Individueel zorgplan: de vier dimensies", s))
    if not data.dimensions:
        story.append(P("Nog niets vastgelegd per dimensie.", s.note))
    for dim in data.dimensions:
        story.append(P(esc(dim.dimension), s.subsection))
        if dim.situation:
            story.append(T(dim.situation, s.body))
        for agreement in dim.agreements:
            story.append(agreement_paragraph(agreement, s))
        if dim.who:
            story.append(P(f"<i>Wie:</i> {esc(dim.who)}", s.body))
        if not dim.situation and not dim.agreements and not dim.who:
            story.append(P("—", s.body))
    if data.agreements:
        story.append(P("Overige afspraken", s.subsection))
        story += [agreement_paragraph(a, s) for a in data.agreements]

    story.append(section_bar("", "Scenario's: als … dan …", s))
    if data.scenarios:
        story.append(
            grid_table(
                ["Als (situatie)", "Dan (wat te doen)", "Wie"],
                [[sc.situation, sc.action, sc.who] for sc in data.scenarios],
                [65 * mm, CONTENT_WIDTH - 65 * mm - 38 * mm, 38 * mm],
                s,
            )
        )
    else:
        story.append(P("Geen scenario's vastgelegd.", s.note))

    story.append(keep(section_bar("", "Acute afspraken", s), *acute_flowables(data, s)))

    if data.professional_notes:
        story.append(section_bar("", "Notities voor zorgverleners", s))
        story.append(T(data.professional_notes, s.body))
    return story


def agreement_paragraph(a: Agreement, s: Styles) -> Flowable:
    extra = []
    if a.who:
        extra.append(f"wie: {esc(a.who)}")
    if a.since:
        extra.append(f"sinds {fmt_date(a.since)}")
    tail = f" <font color='#5A6270'>({'; '.join(extra)})</font>" if extra else ""
    return P(f"•&nbsp;{esc(a.text)}{tail}", s.body)


def acute_flowables(data: CarePlanData, s: Styles) -> list[Flowable]:
    acute = data.acute
    out: list[Flowable] = []
    if acute.call_gp_post_instead_of_112:
        text = "Afgesproken: bel bij acute problemen de huisartsenpost in plaats van 112."
        if data.gp_post_phone:
            text += f" Huisartsenpost: {esc(data.gp_post_phone)}."
        out.append(boxed([P(text, s.alert)], background=ALERT_BG, border=ALERT))
    elif acute.call_gp_post_instead_of_112 is False:
        out.append(P("Geen afspraak om de huisartsenpost in plaats van 112 te bellen.", s.body))
    else:
        out.append(
            P("Nog niet besproken of de huisartsenpost in plaats van 112 gebeld wordt.", s.body)
        )
    out.append(P("Wat de huisartsenpost moet weten:", s.label))
    out.append(T(acute.for_gp_post or "—", s.body))
    out.append(P("Wat de ambulance moet weten:", s.label))
    out.append(T(acute.for_ambulance or "—", s.body))
    if acute.medication_at_home:
        out.append(P("Medicatie in huis:", s.label))
        out.append(T(acute.medication_at_home, s.body))
    if acute.seh:
        out.append(P("Afspraken voor de spoedeisende hulp (SEH):", s.label))
        out.append(T(acute.seh, s.body))
    return out


def render(data: CarePlanData, meta: DocumentMeta) -> bytes:
    styles = make_styles()
    return build_pdf(careplan_story(data, styles), meta, patient_header(data.patient))
