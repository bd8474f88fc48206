"""Voor patiënt en naasten: the wishes, agreements and contacts in plain language.

No internal notes: the professionals' notes, the situation per dimension and the team's
assessment stay out; only what was agreed with the patient is printed.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from pzmdo.reports.careplan import contact_phone, team_rows
from pzmdo.reports.model import (
    DECISION_LIMITED,
    DECISION_NO,
    DECISION_YES,
    TREATMENT_LIMIT_ROWS,
    Agreement,
    CarePlanData,
    DocumentMeta,
)
from pzmdo.reports.template import (
    ALERT,
    ALERT_BG,
    CONTENT_WIDTH,
    P,
    Styles,
    T,
    boxed,
    build_pdf,
    esc,
    fmt_date,
    grid_table,
    make_styles,
    patient_header,
    section_bar,
)

PLAIN_LIMITS = dict(
    zip(
        TREATMENT_LIMIT_ROWS,
        (
            "Reanimatie (hartmassage en beademing als uw hart stopt)",
            "Beademing met een machine (via een buisje in de keel)",
            "Opname op de intensive care",
            "Opname in het ziekenhuis",
            "Antibiotica (bij een infectie)",
            "Bloedtransfusie",
        ),
        strict=True,
    )
)

PLAIN_DIMENSIONS = {
    "Fysiek": "Uw lichaam",
    "Psychisch": "Hoe u zich voelt",
    "Sociaal": "De mensen om u heen",
    "Zingeving": "Wat het leven zin geeft",
}


def plain_decision(decision: str, limitation: str) -> str:
    if decision == DECISION_YES:
        return "Ja, dit wilt u wel."
    if decision == DECISION_NO:
        return "<b>Nee, dit wilt u niet.</b>"
    if decision == DECISION_LIMITED:
        text = "Alleen onder voorwaarden"
        return f"{text}: {esc(limitation)}" if limitation else text + "."
    return "Nog niet besproken of nog niet besloten."


def patient_story(data: CarePlanData, s: Styles) -> list[Flowable]:
    p = data.patient
    story: list[Flowable] = [P("Uw wensen en afspraken", s.title)]
    when = fmt_date(data.current_as_of, "onbekend")
    story.append(P(f"Voor {esc(p.name)} en naasten · bijgewerkt op {when}", s.subtitle))
    story.append(
        P(
            "In dit overzicht staan de wensen en afspraken die u met uw zorgverleners heeft "
            "gemaakt. Klopt er iets niet, of is er iets veranderd? Bel dan uw centrale "
            "zorgverlener of uw huisarts. Dan passen zij de afspraken aan.",
            s.body,
        )
    )

    story.append(section_bar("", "Wie zijn er voor u?", s))
    if data.central_caregiver:
        c = data.central_caregiver
        story.append(
            P(
                f"Uw vaste aanspreekpunt (centrale zorgverlener) is <b>{esc(c.name)}</b>"
                + (f", {esc(c.organisation)}" if c.organisation else "")
                + f". Telefoon: <b>{esc(contact_phone(c))}</b>.",
                s.body,
            )
        )
    contacts = team_rows(data)
    if contacts:
        story.append(
            grid_table(
                ["Wie", "Naam", "Telefoon"],
                [[c.role, c.name, contact_phone(c)] for c in contacts],
                [50 * mm, 70 * mm, CONTENT_WIDTH - 120 * mm],
                s,
            )
        )
    else:
        story.append(P("Uw zorgverleners worden hier nog ingevuld.", s.body))

    story.append(section_bar("", "Bij spoed", s))
    if data.acute.call_gp_post_instead_of_112:
        text = (
            "U heeft afgesproken: bel bij spoed <b>de huisartsenpost</b>, niet 112. "
            "Overdag belt u uw huisarts."
        )
        if data.gp_post_phone:
            text += f" Huisartsenpost: <b>{esc(data.gp_post_phone)}</b>."
        story.append(boxed([P(text, s.body)], background=ALERT_BG, border=ALERT))
    else:
        story.append(
            P(
                "Bel bij spoed overdag uw huisarts, 's avonds, 's nachts en in het weekend de "
                "huisartsenpost. Bij levensgevaar belt u 112.",
                s.body,
            )
        )

    story.append(section_bar("", "Wat is voor u belangrijk?", s))
    story.append(T(data.wishes or "Dit heeft u nog niet met ons besproken.", s.body))
    if data.other_important:
        story.append(T(data.other_important, s.body))

    story.append(section_bar("", "Afspraken over behandelingen", s))
    if data.limits:
        story.append(
            grid_table(
                ["Behandeling", "Uw keuze"],
                [
                    [
                        PLAIN_LIMITS.get(limit.label, limit.label),
                        P(plain_decision(limit.decision, limit.limitation), s.cell),
                    ]
                    for limit in data.limits
                ],
                [75 * mm, CONTENT_WIDTH - 75 * mm],
                s,
            )
        )
    else:
        story.append(P("Hierover zijn nog geen afspraken gemaakt.", s.body))
    place = data.place_of_death
    if place and place.selected and place.selected != "Nog onbekend":
        story.append(
            P(f"Waar u het liefst wilt overlijden: <b>{esc(place.selected.lower())}</b>.", s.body)
        )
        if place.note:
            story.append(T(place.note, s.body))
    else:
        story.append(P("Waar u het liefst wilt overlijden, is nog niet besproken.", s.body))

    grouped: dict[str, list[Agreement]] = {}
    for dim in data.dimensions:
        grouped.setdefault(dim.dimension, []).extend(dim.agreements)
    if any(grouped.values()) or data.agreements:
        story.append(section_bar("", "Wat we samen hebben afgesproken", s))
        for dimension, agreements in grouped.items():
            if not agreements:
                continue
            story.append(P(esc(PLAIN_DIMENSIONS.get(dimension, dimension)), s.subsection))
            story += [_agreement(a, s) for a in agreements]
        if data.agreements:
            story.append(P("Verder", s.subsection))
            story += [_agreement(a, s) for a in data.agreements]

    if data.scenarios:
        story.append(section_bar("", "Wat te doen als …", s))
        for sc in data.scenarios:
            who = f" ({esc(sc.who)})" if sc.who else ""
            situation = sc.situation.strip()
            if situation[:2].istitle():  # "Benauwd …" → "als benauwd …"
                situation = situation[0].lower() + situation[1:]
            story.append(P(f"<b>Als {esc(situation)}:</b> {esc(sc.action)}{who}", s.body))
    return story


def _agreement(a: Agreement, s: Styles) -> Flowable:
    who = f" <font color='#5A6270'>— {esc(a.who)}</font>" if a.who else ""
    return P(f"•&nbsp;{esc(a.text)}{who}", s.body)


def render(data: CarePlanData, meta: DocumentMeta) -> bytes:
    styles = make_styles(base_size=11)
    return build_pdf(patient_story(data, styles), meta, patient_header(data.patient))
