"""Running a meeting: attendance, discussions, decisions, actions and closing."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pzmdo.domain.agenda import nl_date
from pzmdo.domain.audit import AuditAction
from pzmdo.domain.enums import Dimension, Discipline
from pzmdo.domain.errors import TransitionError, ValidationError
from pzmdo.domain.meetings import (
    ChecklistAnswer,
    ChecklistItem,
    ItemStatus,
    MeetingFunction,
    MeetingStatus,
    TriadCheck,
    check_transition,
    ensure_editable,
    ensure_running,
    parse_checklist,
)
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import clean_text
from pzmdo.services import register
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.lookup import load_meeting
from pzmdo.services.meetings.helpers import (
    _check_person,
    _get_item,
    _item_infos,
    _meeting_info,
    _status,
    _sync_next_review,
    _today,
    _triad,
)
from pzmdo.services.meetings.results import ON_AGENDA, AgendaItemInfo, AttendanceInfo, MeetingInfo
from pzmdo.services.meetings.team import _discipline_label
from pzmdo.services.scope import require_meeting_in_scope, require_row_in_scope
from pzmdo.store.models import Patient, Person
from pzmdo.store.models.base import utcnow
from pzmdo.store.models.meetings import (
    Meeting,
    MeetingAgendaItem,
    MeetingAmendment,
    MeetingAttendance,
    MeetingChecklist,
    MeetingDecision,
    MeetingNomination,
    MeetingNote,
)

# -- running the meeting ---------------------------------------------------------------------


def start_meeting(ctx: AppContext, meeting_id: int) -> MeetingInfo:
    """Status → bezig. Needs at least one item on the agenda."""
    require(ctx, Action.MEETING_RUN)
    require_meeting_in_scope(ctx, meeting_id)
    with ctx.unit() as s:
        meeting = load_meeting(s, meeting_id)
        status = _status(meeting)
        if status is MeetingStatus.BEZIG:
            return _meeting_info(s, meeting)
        check_transition(status, MeetingStatus.BEZIG)
        count = s.scalar(
            select(func.count()).where(
                MeetingAgendaItem.meeting_id == meeting_id,
                MeetingAgendaItem.status.in_(ON_AGENDA),
            )
        )
        if not count:
            raise ValidationError(
                "Er staat nog niets op de agenda. Neem eerst patiënten of een thema op de "
                "agenda op en start dan het overleg."
            )
        meeting.status = MeetingStatus.BEZIG.value
        meeting.started_at = utcnow()
        # Number the agenda 1..n (proposals not taken up go after it).
        items = s.scalars(
            select(MeetingAgendaItem)
            .where(MeetingAgendaItem.meeting_id == meeting_id)
            .order_by(MeetingAgendaItem.position, MeetingAgendaItem.id)
        ).all()
        ordered = [i for i in items if i.status in ON_AGENDA] + [
            i for i in items if i.status not in ON_AGENDA
        ]
        for position, item in enumerate(ordered, start=1):
            item.position = position
        ctx.audit(s, AuditAction.MEETING_STARTED, entity="meeting", entity_id=meeting_id)
        s.flush()
        info = _meeting_info(s, meeting)
    ctx.changes.publish("meeting", meeting_id)
    return info


def set_attendance(
    ctx: AppContext,
    meeting_id: int,
    entries: Sequence[tuple[int, str, str, bool | None]],
) -> TriadCheck:
    """Replace the attendance list: (person id, role = discipline code, function, present)."""
    require(ctx, Action.MEETING_RUN)
    require_meeting_in_scope(ctx, meeting_id)
    seen: set[int] = set()
    clean: list[tuple[int, str, str, bool | None]] = []
    for person_id, role, function, present in entries:
        if person_id in seen:
            raise ValidationError("Een persoon staat dubbel in de presentielijst.")
        seen.add(person_id)
        try:
            role_ = Discipline.from_text(role).value
        except ValueError:
            raise ValidationError(f"Onbekende rol '{role}' in de presentielijst.") from None
        try:
            function_ = MeetingFunction.from_text(function or "deelnemer").value
        except ValueError:
            raise ValidationError(
                f"Onbekende functie '{function}'. Kies voorzitter, notulist of deelnemer."
            ) from None
        clean.append((person_id, role_, function_, present))
    with ctx.unit() as s:
        meeting = load_meeting(s, meeting_id)
        ensure_editable(_status(meeting))
        for person_id, *_ in clean:
            _check_person(s, person_id, "deelnemer")
        existing = {
            a.person_id: a
            for a in s.scalars(
                select(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting_id)
            )
        }
        for person_id, role_, function_, present in clean:
            row = existing.pop(person_id, None)
            if row is None:
                row = MeetingAttendance(meeting_id=meeting_id, person_id=person_id)
                s.add(row)
            row.role, row.function, row.present = role_, function_, present
        for gone in existing.values():
            s.delete(gone)
        s.flush()
        triad = _triad(s, meeting_id)
        ctx.audit(
            s,
            AuditAction.MEETING_ATTENDANCE,
            entity="meeting",
            entity_id=meeting_id,
            detail={
                "aanwezig": sum(1 for e in clean if e[3]),
                "triade_compleet": triad.complete,
            },
        )
    ctx.changes.publish("meeting", meeting_id)
    return triad


def attendance(ctx: AppContext, meeting_id: int) -> list[AttendanceInfo]:
    require(ctx, Action.MEETING_VIEW)
    require_meeting_in_scope(ctx, meeting_id)
    with ctx.read() as s:
        load_meeting(s, meeting_id)
        return _attendance(s, meeting_id)


def _attendance(s: Session, meeting_id: int) -> list[AttendanceInfo]:
    rows = s.execute(
        select(MeetingAttendance, Person)
        .join(Person, Person.id == MeetingAttendance.person_id)
        .where(MeetingAttendance.meeting_id == meeting_id)
        .order_by(Person.name)
    ).all()
    return [
        AttendanceInfo(
            p.id,
            p.name,
            a.role,
            _discipline_label(a.role),
            a.function,
            MeetingFunction(a.function).label,
            a.present,
        )
        for a, p in rows
    ]


def save_discussion(
    ctx: AppContext,
    item_id: int,
    *,
    notes: dict[str, str] | None = None,
    checklist: dict[str, str] | None = None,
    seconds_spent: int | None = None,
    discussed: bool | None = None,
) -> AgendaItemInfo:
    """Store what was said about one agenda item (only what changed is written).

    An item with notes, checklist answers or decisions counts as discussed; ``discussed``
    sets it explicitly. Items never discussed carry over to the next meeting on closing.
    """
    require(ctx, Action.MEETING_RUN)
    require_row_in_scope(ctx, MeetingAgendaItem, item_id)
    note_values: dict[str, str] = {}
    for key, value in (notes or {}).items():
        try:
            dim = Dimension(key)
        except ValueError:
            raise ValidationError(f"Onbekende dimensie '{key}'.") from None
        note_values[dim.value] = clean_text(
            value, f"de notitie bij {dim.label.lower()}", limit=20_000
        )
    answers = parse_checklist(checklist or {})
    if seconds_spent is not None and not 0 <= seconds_spent <= 24 * 3600:
        raise ValidationError("De bestede tijd is niet geldig.")
    with ctx.unit() as s:
        item, meeting = _get_item(s, item_id)
        ensure_running(_status(meeting))
        if item.status in (ItemStatus.VOORGESTELD.value, ItemStatus.VERWIJDERD.value):
            raise ValidationError(
                "Dit punt staat niet op de agenda. Neem het eerst op de agenda op."
            )
        changed = _save_notes(s, item, note_values) + _save_checklist(s, item, answers)
        if seconds_spent is not None and seconds_spent != item.seconds_spent:
            item.seconds_spent = seconds_spent
        s.flush()
        if _set_discussed(s, item, discussed):
            changed.append("status")
        if changed:
            ctx.audit(
                s,
                AuditAction.MEETING_DISCUSSION,
                patient_id=item.patient_id,
                entity="meeting_agenda_item",
                entity_id=item.id,
                detail={"overleg": meeting.id, "gewijzigd": changed},
            )
        info = _item_infos(s, [item])[0]
        meeting_id = meeting.id
    if changed:
        ctx.changes.publish("meeting", meeting_id)
    return info


def _save_notes(s: Session, item: MeetingAgendaItem, values: dict[str, str]) -> list[str]:
    """Write the notes per dimension that changed (empty text removes one); returns their
    dimension codes."""
    changed: list[str] = []
    current = {
        n.dimension: n for n in s.scalars(select(MeetingNote).where(MeetingNote.item_id == item.id))
    }
    for code, text in values.items():
        note = current.get(code)
        if note is None and text:
            s.add(MeetingNote(item_id=item.id, dimension=code, text=text))
            changed.append(code)
        elif note is not None and not text:
            s.delete(note)
            changed.append(code)
        elif note is not None and note.text != text:
            note.text = text
            changed.append(code)
    return changed


def _save_checklist(
    s: Session, item: MeetingAgendaItem, answers: dict[ChecklistItem, ChecklistAnswer]
) -> list[str]:
    """Write the checklist answers that changed; returns their codes."""
    changed: list[str] = []
    marks = {
        c.code: c
        for c in s.scalars(select(MeetingChecklist).where(MeetingChecklist.item_id == item.id))
    }
    for key, answer in answers.items():
        mark = marks.get(key.value)
        if mark is None:
            if answer is not ChecklistAnswer.OPEN:
                s.add(MeetingChecklist(item_id=item.id, code=key.value, answer=answer.value))
                changed.append(key.value)
        elif mark.answer != answer.value:
            mark.answer = answer.value
            changed.append(key.value)
    return changed


def _set_discussed(s: Session, item: MeetingAgendaItem, discussed: bool | None) -> bool:
    """An item with notes, checklist answers or decisions counts as discussed unless
    ``discussed`` says otherwise; returns whether its status changed."""
    has_content = bool(
        s.scalar(select(func.count()).where(MeetingNote.item_id == item.id))
        or s.scalar(
            select(func.count()).where(
                MeetingChecklist.item_id == item.id,
                MeetingChecklist.answer != ChecklistAnswer.OPEN.value,
            )
        )
        or s.scalar(select(func.count()).where(MeetingDecision.item_id == item.id))
    )
    new_status = item.status
    if discussed is True or (discussed is None and has_content):
        new_status = ItemStatus.BESPROKEN.value
    elif discussed is False:
        new_status = ItemStatus.GEAGENDEERD.value
    if new_status == item.status:
        return False
    item.status = new_status
    item.discussed_at = utcnow() if new_status == ItemStatus.BESPROKEN.value else None
    return True


def close_meeting(ctx: AppContext, meeting_id: int, *, today: date | None = None) -> MeetingInfo:
    """Close and freeze the record.

    Items on the agenda that were not discussed become "niet aan toegekomen" and are
    proposed again next time; discussed patients get ``last_discussed_on`` = the meeting
    date and ``next_review_on`` = that date + the team's review interval.
    """
    require(ctx, Action.MEETING_CLOSE)
    require_meeting_in_scope(ctx, meeting_id)
    day = _today(today)
    with ctx.unit() as s:
        meeting = load_meeting(s, meeting_id)
        ensure_editable(_status(meeting))
        check_transition(_status(meeting), MeetingStatus.AFGEROND)
        if meeting.held_on > day:
            raise TransitionError(
                f"Dit overleg staat gepland op {nl_date(meeting.held_on)}; het kan pas op die "
                "dag worden afgesloten. Was het overleg eerder, pas dan eerst de datum aan."
            )
        items = list(
            s.scalars(select(MeetingAgendaItem).where(MeetingAgendaItem.meeting_id == meeting_id))
        )
        discussed: list[int] = []
        carried = 0
        for item in items:
            if item.status == ItemStatus.GEAGENDEERD.value:
                item.status = ItemStatus.NIET_TOEGEKOMEN.value
                carried += 1
            elif item.status == ItemStatus.BESPROKEN.value and item.patient_id is not None:
                discussed.append(item.patient_id)
        _record_discussed(ctx, s, meeting, discussed)
        _use_nominations(s, meeting_id, items)
        meeting.status = MeetingStatus.AFGEROND.value
        meeting.closed_at = utcnow()
        meeting.closed_by = ctx.user.login
        _sync_next_review(s, meeting, [i.patient_id for i in items])
        s.flush()
        triad = _triad(s, meeting_id)
        ctx.audit(
            s,
            AuditAction.MEETING_CLOSED,
            entity="meeting",
            entity_id=meeting_id,
            detail={
                "besproken": len(discussed),
                "doorgeschoven": carried,
                "triade_compleet": triad.complete,
            },
        )
        info = _meeting_info(s, meeting)
        # The follow-up tasks belong to the same user action: closed in the same transaction.
        if discussed:
            register._complete_tasks(
                s, ctx, discussed, "nabespreking", f"Nabesproken in {info.title.lower()}"
            )
    ctx.changes.publish("meeting", meeting_id)
    if discussed:
        ctx.changes.publish("patient", *discussed)
    return info


def _record_discussed(ctx: AppContext, s: Session, meeting: Meeting, discussed: list[int]) -> None:
    """Discussed patients: ``last_discussed_on`` moves forward to the meeting date, audited."""
    for pid in discussed:
        patient = s.get(Patient, pid)
        if patient is None:
            continue
        if patient.last_discussed_on is None or patient.last_discussed_on <= meeting.held_on:
            patient.last_discussed_on = meeting.held_on
        ctx.audit(
            s,
            AuditAction.MEETING_PATIENT_DISCUSSED,
            patient_id=pid,
            entity="meeting",
            entity_id=meeting.id,
            detail={"datum": meeting.held_on.isoformat()},
        )


def _use_nominations(s: Session, meeting_id: int, items: list[MeetingAgendaItem]) -> None:
    """Nominations of patients on this agenda are used up by this meeting."""
    used = {
        i.patient_id
        for i in items
        if i.patient_id is not None and i.status != ItemStatus.VOORGESTELD.value
    }
    if not used:
        return
    for nomination in s.scalars(
        select(MeetingNomination).where(
            MeetingNomination.used_in_meeting_id.is_(None),
            MeetingNomination.patient_id.in_(used),
        )
    ):
        nomination.used_in_meeting_id = meeting_id


def amend(ctx: AppContext, meeting_id: int, text: str, item_id: int | None = None) -> int:
    """A dated amendment to a closed meeting's record (the record itself stays unchanged)."""
    require(ctx, Action.MEETING_AMEND)
    require_meeting_in_scope(ctx, meeting_id)
    value = clean_text(text, "de aanvulling", required=True, limit=5000)
    with ctx.unit() as s:
        meeting = load_meeting(s, meeting_id)
        if _status(meeting) is not MeetingStatus.AFGEROND:
            raise ValidationError(
                "Dit overleg is nog niet afgerond; pas het verslag gewoon aan. Een aanvulling "
                "is alleen voor een afgerond overleg."
            )
        patient_id = None
        if item_id is not None:
            item, item_meeting = _get_item(s, item_id)
            if item_meeting.id != meeting_id:
                raise ValidationError("Dit agendapunt hoort niet bij dit overleg.")
            patient_id = item.patient_id
        amendment = MeetingAmendment(
            meeting_id=meeting_id, item_id=item_id, text=value, by=ctx.user.login
        )
        s.add(amendment)
        s.flush()
        ctx.audit(
            s,
            AuditAction.MEETING_AMENDED,
            patient_id=patient_id,
            entity="meeting_amendment",
            entity_id=amendment.id,
            detail={"overleg": meeting_id},
        )
        amendment_id = amendment.id
    ctx.changes.publish("meeting", meeting_id)
    return amendment_id
