"""Agenda of an MDO / PaTz meeting; optionally with initials and year of birth only (e-mail)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from pzmdo.reports.model import AgendaEntry, DocumentMeta, MeetingData, PatientIdent
from pzmdo.reports.template import (
    CONTENT_WIDTH,
    HeaderIdent,
    P,
    Styles,
    build_pdf,
    esc,
    fmt_date,
    grid_table,
    key_value_table,
    make_styles,
    section_bar,
)


def meeting_header(meeting: MeetingData) -> HeaderIdent:
    line2 = " · ".join(x for x in (meeting.team_name, meeting.location) if x)
    return HeaderIdent(meeting.label(), line2)


def patient_label(p: PatientIdent | None, initials_only: bool) -> str:
    if p is None:
        return "—"
    if initials_only:
        return p.initials_label()
    name = p.name + (" (fictief)" if p.is_fictional and "fictief" not in p.name else "")
    return f"{name}, geb. {fmt_date(p.birth_date)}"


def meeting_facts(meeting: MeetingData, s: Styles) -> Flowable:
    when = fmt_date(meeting.meeting_date)
    if meeting.start_time:
        when += f", {meeting.start_time:%H:%M}"
        if meeting.end_time:
            when += f"–{meeting.end_time:%H:%M}"
    rows = [
        ("Datum en tijd", when),
        ("Plaats", meeting.location or "—"),
        ("Team", meeting.team_name or "—"),
        ("Voorzitter", meeting.chair or "—"),
        ("Notulist", meeting.minute_taker or "—"),
    ]
    if meeting.status_label:
        rows.append(("Status", meeting.status_label))
    return key_value_table(rows, s, label_width=35 * mm)


def entry_subject(entry: AgendaEntry, initials_only: bool) -> str:
    if entry.patient is None:
        return f"Thema: {entry.title}" if entry.title else "Thema"
    label = patient_label(entry.patient, initials_only)
    return f"{label} — {entry.title}" if entry.title else label


def agenda_story(meeting: MeetingData, s: Styles, initials_only: bool) -> list[Flowable]:
    story: list[Flowable] = [P(f"Agenda {esc(meeting.title)}", s.title)]
    story.append(P(f"{fmt_date(meeting.meeting_date)}", s.subtitle))
    story.append(meeting_facts(meeting, s))
    if initials_only:
        story.append(
            P(
                "Patiënten staan op deze agenda met initialen en geboortejaar. De volledige "
                "gegevens staan in pzmdo.",
                s.note,
            )
        )
    # The agenda table starts on the first page when a few rows fit (a section title kept
    # with the whole table pushed long agendas to page 2 and left page 1 nearly empty).
    bar = section_bar("", "Te bespreken", s)
    bar.keepWithNext = 0
    story += [CondPageBreak(45 * mm), bar]
    entries = [item.entry for item in meeting.items]
    if entries:
        total = sum(e.minutes or 0 for e in entries)
        with_proposer = any(e.proposed_by for e in entries)
        rows = []
        for number, e in enumerate(entries, start=1):  # as on screen: 1..n, no gaps
            row = [str(number), entry_subject(e, initials_only), e.reason, e.detail]
            if with_proposer:
                row.append(e.proposed_by or "")
            row.append(f"{e.minutes}" if e.minutes else "")
            rows.append(row)
        header = ["Nr.", "Onderwerp", "Reden", "Toelichting"]
        widths = [9 * mm, 52 * mm, 32 * mm, 0.0]
        if with_proposer:
            header.append("Ingebracht door")
            widths.append(30 * mm)
        header.append("Min.")
        widths.append(12 * mm)
        widths[3] = CONTENT_WIDTH - sum(widths)
        story.append(grid_table(header, rows, widths, s))
        if total:
            story.append(P(f"Geplande tijd: {total} minuten.", s.small))
    else:
        story.append(P("Er staan nog geen onderwerpen op de agenda.", s.note))
    invited = [a for a in meeting.attendees]
    if invited:
        story.append(section_bar("", "Genodigden", s))
        story.append(
            grid_table(
                ["Naam", "Functie", "Rol in het overleg"],
                [[a.name, a.discipline, a.role] for a in invited],
                [70 * mm, 55 * mm, CONTENT_WIDTH - 125 * mm],
                s,
            )
        )
    return story


def render(meeting: MeetingData, meta: DocumentMeta, *, initials_only: bool = False) -> bytes:
    styles = make_styles()
    return build_pdf(agenda_story(meeting, styles, initials_only), meta, meeting_header(meeting))
