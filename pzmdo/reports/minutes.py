"""Verslag en presentielijst: minutes with decisions and actions, and the attendance list
with roles that GP (toetsgroep) and nurse (Kwaliteitsregister) accreditation ask for."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from pzmdo.reports.agenda import entry_subject, meeting_facts, meeting_header, patient_label
from pzmdo.reports.model import ActionItem, DocumentMeta, MeetingData
from pzmdo.reports.template import (
    CONTENT_WIDTH,
    P,
    Styles,
    T,
    build_pdf,
    esc,
    fmt_date,
    grid_table,
    keep,
    make_styles,
    section_bar,
    spacer,
)


def action_rows(actions: list[ActionItem], initials_only: bool) -> list[list[str]]:
    return [
        [
            a.what,
            a.owner or "—",
            fmt_date(a.due, "—"),
            patient_label(a.patient, initials_only) if a.patient else "—",
            "gereed" if a.done else "open",
        ]
        for a in actions
    ]


ACTION_WIDTHS = [0, 38 * mm, 22 * mm, 42 * mm, 14 * mm]
ACTION_WIDTHS[0] = CONTENT_WIDTH - sum(ACTION_WIDTHS)
ACTION_HEADER = ["Actie", "Wie", "Wanneer", "Patiënt", "Stand"]


def minutes_story(meeting: MeetingData, s: Styles, initials_only: bool) -> list[Flowable]:
    story: list[Flowable] = [P("Verslag en presentielijst", s.title)]
    story.append(P(f"{esc(meeting.title)} van {fmt_date(meeting.meeting_date)}", s.subtitle))
    story.append(meeting_facts(meeting, s))

    story.append(section_bar("", "Presentielijst", s))
    present = [a for a in meeting.attendees if a.present]
    absent = [a for a in meeting.attendees if not a.present]
    if present:
        story.append(
            grid_table(
                [
                    "Naam",
                    "Functie",
                    "Organisatie",
                    "Rol in het overleg",
                    "Registratie",
                    "Paraaf",
                ],
                [
                    [
                        *(
                            T(x or "—", s.small)
                            for x in (a.name, a.discipline, a.organisation, a.role, a.registration)
                        ),
                        P("&nbsp;", s.cell),
                    ]
                    for a in present
                ],
                [36 * mm, 33 * mm, 41 * mm, 24 * mm, 27 * mm, CONTENT_WIDTH - 161 * mm],
                s,
            )
        )
        story.append(P(f"Aanwezig: {len(present)} deelnemer(s).", s.small))
    else:
        story.append(P("Geen aanwezigen vastgelegd.", s.note))
    if absent:
        names = ", ".join(f"{a.name} ({a.role.lower()})" for a in absent)
        story.append(P(f"<b>Afwezig / afgemeld:</b> {esc(names)}", s.body))

    story.append(section_bar("", "Besproken", s))
    if not meeting.items:
        story.append(P("Er zijn geen agendapunten vastgelegd.", s.note))
    for item in meeting.items:
        e = item.entry
        head = f"{e.position}. {esc(entry_subject(e, initials_only))}"
        reason = f"<font color='#5A6270'> — {esc(e.reason)}</font>" if e.reason else ""
        block: list[Flowable] = [P(head + reason, s.subsection)]
        if not item.discussed:
            block.append(P("Niet besproken; schuift door naar het volgende overleg.", s.note))
        for heading, text in item.notes:
            block.append(P(f"<i>{esc(heading)}:</i> {esc(text)}", s.body))
        if item.checklist:
            marks = "&nbsp;&nbsp; ".join(
                f"{'☑' if done else '☐'}&nbsp;{esc(label)}" for label, done in item.checklist
            )
            block.append(P(marks, s.small))
        if item.decisions:
            block.append(P("<b>Besluiten</b>", s.body))
            block += [P(f"•&nbsp;{esc(d)}", s.body) for d in item.decisions]
        story.append(keep(*block) if sum(len(t) for _, t in item.notes) < 1500 else block[0])
        if sum(len(t) for _, t in item.notes) >= 1500:
            story += block[1:]
        if item.actions:
            story.append(
                grid_table(
                    ACTION_HEADER, action_rows(list(item.actions), initials_only), ACTION_WIDTHS, s
                )
            )
        story.append(spacer(1.5))

    if meeting.decisions:
        story.append(section_bar("", "Algemene besluiten", s))
        story += [P(f"•&nbsp;{esc(d)}", s.body) for d in meeting.decisions]
    if meeting.notes:
        story.append(section_bar("", "Overige punten", s))
        story.append(T(meeting.notes, s.body))

    all_actions = [a for item in meeting.items for a in item.actions] + list(meeting.actions)
    story.append(section_bar("", "Actielijst", s))
    if all_actions:
        story.append(
            grid_table(ACTION_HEADER, action_rows(all_actions, initials_only), ACTION_WIDTHS, s)
        )
    else:
        story.append(P("Geen acties.", s.note))

    story.append(spacer(8))
    story.append(
        keep(
            P(
                "Vastgesteld door de voorzitter"
                + (f" ({esc(meeting.chair)})" if meeting.chair else "")
                + ":",
                s.body,
            ),
            spacer(10),
            P(
                "Handtekening: ______________________________ &nbsp;&nbsp; Datum: ______________",
                s.body,
            ),
        )
    )
    return story


def render(meeting: MeetingData, meta: DocumentMeta, *, initials_only: bool = False) -> bytes:
    styles = make_styles()
    return build_pdf(minutes_story(meeting, styles, initials_only), meta, meeting_header(meeting))
