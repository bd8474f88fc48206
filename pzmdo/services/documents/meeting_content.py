"""The data of meeting documents (agenda, minutes, batch) and file names."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pzmdo.domain.enums import Dimension
from pzmdo.domain.meetings import ChecklistItem, ItemStatus
from pzmdo.domain.permissions import Action
from pzmdo.reports import model as rm
from pzmdo.services.context import AppContext
from pzmdo.services.documents.patient_content import _ident, _patients
from pzmdo.services.guard import require
from pzmdo.services.meetings import ActionInfo, AttendanceInfo, ItemRecord, meeting_record
from pzmdo.services.scope import require_meeting_in_scope
from pzmdo.store.models import Person
from pzmdo.store.models.meetings import MeetingTeam

# -- meetings --------------------------------------------------------------------------------

MEETING_TITLES = {
    "kernteam": "Kernteam-MDO",
    "patz": "PaTz-bijeenkomst",
    "transmuraal": "Transmuraal overleg",
}


def meeting_data(ctx: AppContext, meeting_id: int) -> tuple[rm.MeetingData, list[int]]:
    """The report model for a meeting and the patients on its agenda (in agenda order)."""
    require(ctx, Action.DOCUMENTS)
    require_meeting_in_scope(ctx, meeting_id)
    record = meeting_record(ctx, meeting_id)
    info = record.meeting
    patient_ids: list[int] = []
    for item in record.items:
        pid = item.item.patient_id
        if pid is not None and pid not in patient_ids:
            patient_ids.append(pid)
    action_pids = [a.patient_id for a in record.actions if a.patient_id is not None]
    rows = _patients(ctx, [*patient_ids, *action_pids])
    idents = {pid: _ident(p) for pid, p in rows.items()}
    with ctx.read() as s:
        team = s.get(MeetingTeam, info.team_id)
        minutes_per_patient = team.minutes_per_patient if team else None
        kind = team.kind if team else "kernteam"
        attendees = _attendees(s, record.attendance)
    amendments = "\n".join(
        f"Aanvulling van {a.at:%d-%m-%Y} door {a.by}: {a.text}" for a in record.amendments
    )
    theme = f"Thema: {info.theme}" if info.theme else ""
    place = info.place + (f" · online: {info.online_link}" if info.online_link else "")
    meeting = rm.MeetingData(
        title=MEETING_TITLES.get(kind, "Overleg"),
        meeting_date=info.held_on,
        start_time=info.start_time,
        location=place or None,
        team_name=info.team_name or None,
        chair=info.chair_name or None,
        minute_taker=info.scribe_name or None,
        status_label=info.status_label,
        attendees=attendees,
        items=tuple(_minutes_item(rec, idents, minutes_per_patient) for rec in record.items),
        decisions=tuple(d.text for d in record.decisions if d.item_id is None),
        actions=tuple(_action_item(a, idents) for a in record.actions if a.item_id is None),
        notes="\n".join(x for x in (theme, amendments) if x),
    )
    return meeting, patient_ids


def _attendees(s: Session, attendance: tuple[AttendanceInfo, ...]) -> tuple[rm.Attendee, ...]:
    """The attendance list with each person's organisation and BIG (or AGB) registration."""
    persons = (
        {
            p.id: p
            for p in s.scalars(
                select(Person).where(Person.id.in_([a.person_id for a in attendance]))
            )
        }
        if attendance
        else {}
    )
    registrations = {
        pid: (
            f"BIG {p.big_number}" if p.big_number else (f"AGB {p.agb_code}" if p.agb_code else None)
        )
        for pid, p in persons.items()
    }
    return tuple(
        rm.Attendee(
            name=a.name,
            role=a.function_label,
            discipline=a.role_label,
            organisation=persons[a.person_id].organisation if a.person_id in persons else None,
            present=a.present is True,
            registration=registrations.get(a.person_id),
        )
        for a in attendance
    )


def _action_item(a: ActionInfo, idents: dict[int, rm.PatientIdent]) -> rm.ActionItem:
    pid = a.patient_id
    return rm.ActionItem(
        what=a.what,
        owner=a.owner_name or None,
        due=a.due,
        patient=idents.get(pid) if pid else None,
        done=a.done_on is not None,
    )


def _minutes_item(
    rec: ItemRecord, idents: dict[int, rm.PatientIdent], minutes_per_patient: int | None
) -> rm.MinutesItem:
    """One agenda item with what was recorded: notes per dimension, the checklist (answered
    items only), decisions and actions."""
    it = rec.item
    entry = rm.AgendaEntry(
        position=it.position,
        reason=it.reason_label,
        patient=idents.get(it.patient_id) if it.patient_id else None,
        title=it.title,
        detail=it.detail,
        minutes=minutes_per_patient if it.patient_id else None,
    )
    return rm.MinutesItem(
        entry=entry,
        notes=tuple(
            (Dimension(code).label, text) for code, text in rec.notes.items() if text.strip()
        ),
        checklist=tuple(
            (ChecklistItem(code).label, answer == "ja")
            for code, answer in rec.checklist.items()
            if answer in ("ja", "nee")
        ),
        decisions=tuple(d.text for d in rec.decisions),
        actions=tuple(_action_item(a, idents) for a in rec.actions),
        discussed=it.status != ItemStatus.NIET_TOEGEKOMEN.value,
    )


def default_file_name(kind: str, *, label: str = "", on: date | None = None) -> str:
    """A file name suggestion without patient names: 'zorgplan-2026-03-12.pdf'."""
    stem = {
        "careplan": "zorgplan",
        "emergency": "spoedoverzicht",
        "patient": "zorgplan-voor-patient",
        "agenda": "agenda",
        "minutes": "verslag-en-presentielijst",
        "batch": "zorgplannen-overleg",
    }[kind]
    day = (on or date.today()).isoformat()
    extra = f"-{label}" if label else ""
    return f"{stem}{extra}-{day}.pdf"
