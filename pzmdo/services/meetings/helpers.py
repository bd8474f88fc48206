"""Shared building blocks for the meeting services: loading, checks, info builders."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pzmdo.domain.agenda import (
    reason_from_code,
    reason_label,
)
from pzmdo.domain.errors import NotFoundError, ValidationError
from pzmdo.domain.meetings import (
    DEFAULT_MINUTES_PER_PATIENT,
    DEFAULT_REVIEW_INTERVAL_WEEKS,
    ItemStatus,
    MeetingStatus,
    TeamKind,
    TriadCheck,
    check_transition,
    default_cadence_weeks,
    triad_check,
)
from pzmdo.domain.practices import Scope
from pzmdo.domain.register import ACTIVE_STATUSES
from pzmdo.domain.text import display_name
from pzmdo.services.lookup import load_meeting
from pzmdo.services.meetings.results import ON_AGENDA, ActionInfo, AgendaItemInfo, MeetingInfo
from pzmdo.services.scope import team_clause
from pzmdo.services.teams import get_team_row, link_default_team
from pzmdo.store.models import AppUser, Patient, Person
from pzmdo.store.models.meetings import (
    Meeting,
    MeetingAction,
    MeetingAgendaItem,
    MeetingAttendance,
    MeetingTeam,
)

# -- helpers -------------------------------------------------------------------------------------


def _today(today: date | None) -> date:
    return today or date.today()


def _sync_next_review(s: Session, meeting: Meeting, patient_ids: Iterable[int | None]) -> None:
    """The register's "Volgende bespreking": the earliest meeting not yet closed that has the
    patient on its agenda, else the periodic review (last discussed + the team's interval)."""
    pids = {p for p in patient_ids if p is not None}
    if not pids:
        return
    s.flush()
    planned = dict(
        s.execute(
            select(MeetingAgendaItem.patient_id, func.min(Meeting.held_on))
            .join(Meeting, Meeting.id == MeetingAgendaItem.meeting_id)
            .where(
                MeetingAgendaItem.patient_id.in_(pids),
                MeetingAgendaItem.status == ItemStatus.GEAGENDEERD.value,
                Meeting.status != MeetingStatus.AFGEROND.value,
            )
            .group_by(MeetingAgendaItem.patient_id)
        ).all()
    )
    team = s.get(MeetingTeam, meeting.team_id)
    interval = timedelta(
        weeks=team.review_interval_weeks if team else DEFAULT_REVIEW_INTERVAL_WEEKS
    )
    # One query, not one per patient: closing a meeting with a whole-register proposal
    # (the demo at 100,000 patients) spent 17 s in single loads (issue 20).
    patients = s.scalars(select(Patient).where(Patient.id.in_(pids)))
    for patient in patients:
        pid = patient.id
        active = patient.status in ACTIVE_STATUSES
        periodic = patient.last_discussed_on + interval if patient.last_discussed_on else None
        dates = [d for d in (planned.get(pid), periodic) if d is not None]
        patient.next_review_on = min(dates) if dates and active else None


def _patient_name(p: Patient | None) -> str:
    if p is None:
        return ""
    return display_name(p.given_name, p.name_prefix, p.family_name)


def _login_name(s: Session, login: str | None) -> str:
    """Records show who did something by full name ("Dr. A. Jansen"), not by login."""
    if not login:
        return ""
    name = s.scalar(
        select(Person.name)
        .join(AppUser, AppUser.person_id == Person.id)
        .where(AppUser.login == login)
    )
    return name or login


def _person_names(s: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {p.id: p.name for p in s.scalars(select(Person).where(Person.id.in_(wanted)))}


def _get_item(s: Session, item_id: int) -> tuple[MeetingAgendaItem, Meeting]:
    item = s.get(MeetingAgendaItem, item_id)
    if item is None:
        raise NotFoundError(
            f"Agendapunt {item_id} bestaat niet (meer). Ververs de agenda en probeer opnieuw."
        )
    return item, load_meeting(s, item.meeting_id)


def _check_person(s: Session, person_id: int | None, what: str) -> None:
    if person_id is not None and s.get(Person, person_id) is None:
        raise NotFoundError(
            f"De gekozen {what} ({person_id}) staat niet in de zorgverlenerslijst. Kies opnieuw."
        )


def _status(meeting: Meeting) -> MeetingStatus:
    return MeetingStatus(meeting.status)


def _team(
    s: Session, create: bool = False, *, team_id: int | None = None, scope: Scope | None = None
) -> MeetingTeam | None:
    """Team ``team_id``, else the first active team (in ``scope``); with ``create`` a first
    kernteam is made in a register without one."""
    if team_id is not None:
        return get_team_row(s, team_id)
    query = select(MeetingTeam).where(MeetingTeam.active.is_(True)).order_by(MeetingTeam.id)
    if scope is not None:
        query = query.where(team_clause(scope, MeetingTeam.id))
    team = s.scalars(query).first()
    if team is None and create and s.scalar(select(MeetingTeam.id).limit(1)) is None:
        team = MeetingTeam(
            name="Kernteam",
            kind=TeamKind.KERNTEAM.value,
            cadence_weeks=default_cadence_weeks(TeamKind.KERNTEAM),
            review_interval_weeks=DEFAULT_REVIEW_INTERVAL_WEEKS,
            minutes_per_patient=DEFAULT_MINUTES_PER_PATIENT,
        )
        s.add(team)
        s.flush()
        link_default_team(s, team.id)
    if team is None and create:
        raise ValidationError(
            "U bent aan geen overlegteam gekoppeld. Vraag de beheerder om u aan uw kernteam of "
            "PaTz-groep te koppelen."
        )
    return team


def _triad(s: Session, meeting_id: int) -> TriadCheck:
    roles = s.scalars(
        select(MeetingAttendance.role).where(
            MeetingAttendance.meeting_id == meeting_id, MeetingAttendance.present.is_(True)
        )
    )
    return triad_check(roles)


def _meeting_info(s: Session, m: Meeting) -> MeetingInfo:
    s.flush()  # pending changes raise the version; report the number a later save must find
    team = s.get(MeetingTeam, m.team_id)
    names = _person_names(s, (m.chair_person_id, m.scribe_person_id))
    counts = dict(
        s.execute(
            select(MeetingAgendaItem.status, func.count())
            .where(MeetingAgendaItem.meeting_id == m.id)
            .group_by(MeetingAgendaItem.status)
        ).all()
    )
    on_agenda = sum(counts.get(code, 0) for code in ON_AGENDA)
    return MeetingInfo(
        id=m.id,
        team_id=m.team_id,
        team_name=team.name if team else "",
        held_on=m.held_on,
        start_time=m.start_time,
        place=m.place or "",
        online_link=m.online_link or "",
        chair_person_id=m.chair_person_id,
        chair_name=names.get(m.chair_person_id or 0, ""),
        scribe_person_id=m.scribe_person_id,
        scribe_name=names.get(m.scribe_person_id or 0, ""),
        theme=m.theme or "",
        status=m.status,
        status_label=MeetingStatus(m.status).label,
        item_count=on_agenda,
        discussed_count=counts.get(ItemStatus.BESPROKEN.value, 0),
        closed_at=m.closed_at,
        closed_by=_login_name(s, m.closed_by),
        triad=_triad(s, m.id),
        version=m.version,
    )


def _item_infos(s: Session, items: Sequence[MeetingAgendaItem]) -> list[AgendaItemInfo]:
    pids = {i.patient_id for i in items if i.patient_id is not None}
    patients = (
        {p.id: p for p in s.scalars(select(Patient).where(Patient.id.in_(pids)))} if pids else {}
    )
    out = []
    for i in items:
        reason = reason_from_code(i.reason)
        p = patients.get(i.patient_id or 0)
        out.append(
            AgendaItemInfo(
                id=i.id,
                meeting_id=i.meeting_id,
                position=i.position,
                patient_id=i.patient_id,
                patient_name=_patient_name(p),
                reason=i.reason,
                reason_label=reason_label(reason),
                reasons=tuple(r for r in (i.reasons or i.reason).split(",") if r),
                detail=i.detail or "",
                title=i.title or "",
                status=i.status,
                status_label=ItemStatus(i.status).label,
                seconds_spent=i.seconds_spent or 0,
                carried_from_id=i.carried_from_id,
                is_fictional=bool(p and p.is_fictional),
            )
        )
    return out


def _action_infos(s: Session, actions: Sequence[MeetingAction], today: date) -> list[ActionInfo]:
    names = _person_names(s, (a.owner_person_id for a in actions))
    pids = {a.patient_id for a in actions if a.patient_id is not None}
    patients = (
        {p.id: p for p in s.scalars(select(Patient).where(Patient.id.in_(pids)))} if pids else {}
    )
    return [
        ActionInfo(
            id=a.id,
            patient_id=a.patient_id,
            patient_name=_patient_name(patients.get(a.patient_id or 0)),
            meeting_id=a.meeting_id,
            item_id=a.item_id,
            what=a.what,
            owner_person_id=a.owner_person_id,
            owner_name=names.get(a.owner_person_id or 0, ""),
            due=a.due,
            done_on=a.done_on,
            created_at=a.created_at,
            created_by=a.created_by,
            overdue=a.done_on is None and a.due is not None and a.due < today,
        )
        for a in actions
    ]


def _next_position(s: Session, meeting_id: int) -> int:
    current = s.scalar(
        select(func.max(MeetingAgendaItem.position)).where(
            MeetingAgendaItem.meeting_id == meeting_id
        )
    )
    return (current or 0) + 1


def _into_preparation(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.GEPLAND.value:
        check_transition(MeetingStatus.GEPLAND, MeetingStatus.IN_VOORBEREIDING)
        meeting.status = MeetingStatus.IN_VOORBEREIDING.value


def _parse_time(value: time | str | None) -> time | None:
    if value is None or isinstance(value, time):
        return value
    text = value.strip()
    if not text:
        return None
    try:
        return datetime.strptime(text.replace(".", ":"), "%H:%M").time()
    except ValueError:
        raise ValidationError(
            f"De tijd '{value}' is niet geldig. Schrijf de tijd als uu:mm, bijvoorbeeld 12:30."
        ) from None
