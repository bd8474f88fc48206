"""MDO / PaTz meetings: team settings, planning, the agenda builder, recording, closing.

Every call is one transaction with its audit events. A closed meeting ("afgerond") is
frozen: every write refuses with a Dutch ``ReadOnlyError``; later changes are stored as
dated amendments. Open actions come back on every agenda until they are done. Closing
keeps ``patient.last_discussed_on`` / ``patient.next_review_on`` current.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from pzmdo.domain.agenda import (
    ACTIVE_STATUSES,
    URGENT_REASONS,
    ActionFact,
    AgendaCandidate,
    AgendaReason,
    CarryFact,
    NominationFact,
    ReviewFact,
    action_candidates,
    carried_over_candidates,
    nl_date,
    nomination_candidates,
    propose,
    reason_code,
    reason_from_code,
    reason_label,
    review_candidates,
    theme_candidate,
)
from pzmdo.domain.audit import AuditAction
from pzmdo.domain.enums import Dimension, Discipline, PatientStatus
from pzmdo.domain.errors import NotFoundError, TransitionError, ValidationError
from pzmdo.domain.meetings import (
    ChecklistAnswer,
    ChecklistItem,
    ItemStatus,
    MeetingFunction,
    MeetingStatus,
    TeamKind,
    TriadCheck,
    check_transition,
    default_cadence_weeks,
    ensure_editable,
    ensure_running,
    next_meeting_on,
    parse_checklist,
    triad_check,
    validate_action,
    validate_cadence,
    validate_review_interval,
)
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import clean_line, clean_text, display_name
from pzmdo.services import careplan, careteam, consultations, register
from pzmdo.services.context import AppContext, check_version
from pzmdo.services.guard import require
from pzmdo.store.models import AppUser, Patient, Person
from pzmdo.store.models.base import utcnow
from pzmdo.store.models.meetings import (
    Meeting,
    MeetingAction,
    MeetingAgendaItem,
    MeetingAmendment,
    MeetingAttendance,
    MeetingChecklist,
    MeetingDecision,
    MeetingNomination,
    MeetingNote,
    MeetingTeam,
    MeetingTeamMember,
)

#: At most this many patients are proposed for periodic review per meeting (oldest first);
#: a register of 100,000 patients must not flood one agenda.
MAX_REVIEW_PROPOSALS = 25

#: Items the agenda shows (proposals included); removed items are kept but hidden.
VISIBLE = (
    ItemStatus.VOORGESTELD.value,
    ItemStatus.GEAGENDEERD.value,
    ItemStatus.BESPROKEN.value,
    ItemStatus.NIET_TOEGEKOMEN.value,
)
#: Items that are part of the meeting (the record, meeting mode).
ON_AGENDA = (
    ItemStatus.GEAGENDEERD.value,
    ItemStatus.BESPROKEN.value,
    ItemStatus.NIET_TOEGEKOMEN.value,
)


# -- results -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonBrief:
    id: int
    name: str
    discipline: str
    discipline_label: str


@dataclass(frozen=True)
class TeamMemberInfo:
    person_id: int
    name: str
    discipline: str
    discipline_label: str
    default_attendee: bool


@dataclass(frozen=True)
class TeamInfo:
    id: int | None  # None: not saved yet (defaults)
    name: str
    kind: str
    kind_label: str
    cadence_weeks: int
    review_interval_weeks: int
    minutes_per_patient: int
    default_place: str
    default_time: time | None
    members: tuple[TeamMemberInfo, ...] = ()


@dataclass(frozen=True)
class MeetingInfo:
    id: int
    team_id: int
    team_name: str
    held_on: date
    start_time: time | None
    place: str
    online_link: str
    chair_person_id: int | None
    chair_name: str
    scribe_person_id: int | None
    scribe_name: str
    theme: str
    status: str
    status_label: str
    item_count: int
    discussed_count: int
    closed_at: datetime | None
    closed_by: str
    triad: TriadCheck
    version: int = 0  # what a save of these details must still find (optimistic check)

    @property
    def read_only(self) -> bool:
        return self.status == MeetingStatus.AFGEROND.value

    @property
    def title(self) -> str:
        when = self.held_on.strftime("%d-%m-%Y")
        if self.start_time:
            when += f" {self.start_time:%H:%M}"
        return f"Overleg {when}"

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "team": self.team_name,
            "date": self.held_on.isoformat(),
            "time": self.start_time.strftime("%H:%M") if self.start_time else None,
            "place": self.place,
            "online_link": self.online_link,
            "chair": self.chair_name,
            "scribe": self.scribe_name,
            "theme": self.theme,
            "status": self.status,
            "status_label": self.status_label,
            "items": self.item_count,
            "discussed": self.discussed_count,
            "triad_complete": self.triad.complete,
        }


@dataclass(frozen=True)
class AgendaItemInfo:
    id: int
    meeting_id: int
    position: int
    patient_id: int | None
    patient_name: str
    reason: str  # code, e.g. "deceased"
    reason_label: str
    reasons: tuple[str, ...]
    detail: str
    title: str
    status: str
    status_label: str
    seconds_spent: int
    carried_from_id: int | None
    is_fictional: bool = False

    @property
    def label(self) -> str:
        """What the agenda shows for this line."""
        if self.patient_id is None:
            return f"{self.reason_label}: {self.title or self.detail}"
        return self.patient_name

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "position": self.position,
            "patient_id": self.patient_id,
            "reason": self.reason,
            "reason_label": self.reason_label,
            "reasons": list(self.reasons),
            "detail": self.detail,
            "title": self.title,
            "status": self.status,
        }


@dataclass(frozen=True)
class ActionInfo:
    id: int
    patient_id: int | None
    patient_name: str
    meeting_id: int | None
    item_id: int | None
    what: str
    owner_person_id: int | None
    owner_name: str
    due: date | None
    done_on: date | None
    created_at: datetime
    created_by: str
    overdue: bool

    @property
    def is_open(self) -> bool:
        return self.done_on is None


@dataclass(frozen=True)
class DecisionInfo:
    id: int
    item_id: int | None
    patient_id: int | None
    text: str
    created_at: datetime
    created_by: str


@dataclass(frozen=True)
class AttendanceInfo:
    person_id: int
    name: str
    role: str
    role_label: str
    function: str
    function_label: str
    present: bool | None


@dataclass(frozen=True)
class AmendmentInfo:
    id: int
    item_id: int | None
    text: str
    at: datetime
    by: str


@dataclass(frozen=True)
class ItemRecord:
    item: AgendaItemInfo
    notes: dict[str, str]  # Dimension code -> text, in the order fysiek, psychisch, ...
    checklist: dict[str, str]  # ChecklistItem code -> ChecklistAnswer code (all five)
    decisions: tuple[DecisionInfo, ...]
    actions: tuple[ActionInfo, ...]


@dataclass(frozen=True)
class MeetingRecord:
    """Everything the agenda and minutes PDFs (and meeting mode) need."""

    meeting: MeetingInfo
    attendance: tuple[AttendanceInfo, ...]
    items: tuple[ItemRecord, ...]  # the agenda in order (accepted, discussed, not reached)
    decisions: tuple[DecisionInfo, ...]
    actions: tuple[ActionInfo, ...]  # actions made in this meeting
    open_actions: tuple[ActionInfo, ...]  # all actions still open (for the follow-up list)
    amendments: tuple[AmendmentInfo, ...]
    triad: TriadCheck

    @property
    def read_only(self) -> bool:
        return self.meeting.read_only


@dataclass(frozen=True)
class PatientBrief:
    """The compact summary meeting mode shows for one patient."""

    patient_id: int
    name: str
    birth_date: date
    age: int
    status: str
    status_label: str
    urgency_code: str
    urgency_label: str
    urgency_colour: str
    central_caregiver: str
    last_discussed_on: date | None
    next_review_on: date | None
    is_fictional: bool
    team: tuple[str, ...] = ()
    plan_highlights: tuple[str, ...] = ()
    open_actions: tuple[ActionInfo, ...] = ()
    open_consultations: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)  # what could not be loaded


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
    interval = timedelta(weeks=team.review_interval_weeks if team else 8)
    for pid in pids:
        patient = s.get(Patient, pid)
        if patient is None:
            continue
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


def _get_meeting(s: Session, meeting_id: int) -> Meeting:
    meeting = s.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError(f"Overleg {meeting_id} bestaat niet. Kies een overleg uit de lijst.")
    return meeting


def _get_item(s: Session, item_id: int) -> tuple[MeetingAgendaItem, Meeting]:
    item = s.get(MeetingAgendaItem, item_id)
    if item is None:
        raise NotFoundError(
            f"Agendapunt {item_id} bestaat niet (meer). Ververs de agenda en probeer opnieuw."
        )
    return item, _get_meeting(s, item.meeting_id)


def _get_patient(s: Session, patient_id: int) -> Patient:
    patient = s.get(Patient, patient_id)
    if patient is None:
        raise NotFoundError(f"Patiënt {patient_id} bestaat niet (meer). Kies een andere patiënt.")
    return patient


def _check_person(s: Session, person_id: int | None, what: str) -> None:
    if person_id is not None and s.get(Person, person_id) is None:
        raise NotFoundError(
            f"De gekozen {what} ({person_id}) staat niet in de zorgverlenerslijst. Kies opnieuw."
        )


def _status(meeting: Meeting) -> MeetingStatus:
    return MeetingStatus(meeting.status)


def _team(s: Session, create: bool = False) -> MeetingTeam | None:
    team = s.scalars(
        select(MeetingTeam).where(MeetingTeam.active.is_(True)).order_by(MeetingTeam.id)
    ).first()
    if team is None and create:
        team = MeetingTeam(
            name="Kernteam",
            kind=TeamKind.KERNTEAM.value,
            cadence_weeks=4,
            review_interval_weeks=8,
            minutes_per_patient=10,
        )
        s.add(team)
        s.flush()
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


# -- people and team settings -----------------------------------------------------------------


def list_people(ctx: AppContext, active_only: bool = True) -> list[PersonBrief]:
    """Care providers from the directory, for the chair/scribe/owner/attendance choices."""
    require(ctx, Action.VIEW_DIRECTORY)
    with ctx.read() as s:
        query = select(Person).order_by(Person.name)
        if active_only:
            query = query.where(Person.active.is_(True))
        rows = list(s.scalars(query))
    return [PersonBrief(p.id, p.name, p.discipline, _discipline_label(p.discipline)) for p in rows]


def _discipline_label(code: str) -> str:
    try:
        return Discipline(code).label
    except ValueError:
        return code


def get_team(ctx: AppContext) -> TeamInfo:
    """The team's settings (defaults when nothing is saved yet)."""
    require(ctx, Action.MEETING_VIEW)
    with ctx.read() as s:
        team = _team(s)
        if team is None:
            return TeamInfo(
                None,
                "Kernteam",
                TeamKind.KERNTEAM.value,
                TeamKind.KERNTEAM.label,
                4,
                8,
                10,
                "",
                None,
            )
        rows = s.execute(
            select(MeetingTeamMember, Person)
            .join(Person, Person.id == MeetingTeamMember.person_id)
            .where(MeetingTeamMember.team_id == team.id)
            .order_by(Person.name)
        ).all()
        members = tuple(
            TeamMemberInfo(
                p.id, p.name, p.discipline, _discipline_label(p.discipline), m.default_attendee
            )
            for m, p in rows
        )
        return TeamInfo(
            team.id,
            team.name,
            team.kind,
            TeamKind(team.kind).label,
            team.cadence_weeks,
            team.review_interval_weeks,
            team.minutes_per_patient,
            team.default_place or "",
            team.default_time,
            members,
        )


def save_team(
    ctx: AppContext,
    *,
    name: str,
    kind: str,
    cadence_weeks: int | None = None,
    review_interval_weeks: int = 8,
    minutes_per_patient: int = 10,
    default_place: str = "",
    default_time: time | str | None = None,
    members: Sequence[tuple[int, bool]] = (),
) -> TeamInfo:
    """Save the team settings; ``members`` = (person id, is a default attendee)."""
    require(ctx, Action.MEETING_PREPARE)
    clean_name = clean_line(name, "de naam van het team", required=True, limit=200)
    try:
        team_kind = TeamKind.from_text(kind)
    except ValueError:
        raise ValidationError(
            f"Onbekend soort overleg '{kind}'. Kies kernteam, PaTz-groep of transmuraal overleg."
        ) from None
    weeks = cadence_weeks if cadence_weeks is not None else default_cadence_weeks(team_kind)
    validate_cadence(weeks)
    validate_review_interval(review_interval_weeks)
    if not 1 <= minutes_per_patient <= 120:
        raise ValidationError("De tijd per patiënt moet tussen 1 en 120 minuten liggen.")
    place = clean_line(default_place, "de vaste plaats", limit=200)
    at = _parse_time(default_time)
    member_ids = [pid for pid, _ in members]
    if len(set(member_ids)) != len(member_ids):
        raise ValidationError("Een teamlid staat dubbel in de lijst. Haal de dubbele regel weg.")
    with ctx.unit() as s:
        for pid in member_ids:
            _check_person(s, pid, "zorgverlener")
        team = _team(s, create=True)
        assert team is not None
        team.name, team.kind, team.cadence_weeks = clean_name, team_kind.value, weeks
        team.review_interval_weeks, team.minutes_per_patient = (
            review_interval_weeks,
            minutes_per_patient,
        )
        team.default_place, team.default_time = place or None, at
        existing = {
            m.person_id: m
            for m in s.scalars(
                select(MeetingTeamMember).where(MeetingTeamMember.team_id == team.id)
            )
        }
        for pid, default in members:
            if pid in existing:
                existing.pop(pid).default_attendee = default
            else:
                s.add(MeetingTeamMember(team_id=team.id, person_id=pid, default_attendee=default))
        for gone in existing.values():
            s.delete(gone)
        ctx.audit(
            s,
            AuditAction.MEETING_TEAM_SAVED,
            entity="meeting_team",
            entity_id=team.id,
            detail={"soort": team_kind.value, "ritme_weken": weeks, "leden": len(members)},
        )
    ctx.changes.publish("meeting_team")
    return get_team(ctx)


def suggest_next_date(ctx: AppContext, today: date | None = None) -> date:
    """One cadence after the last meeting (or next week when there is none)."""
    require(ctx, Action.MEETING_VIEW)
    day = _today(today)
    with ctx.read() as s:
        team = _team(s)
        last = s.scalar(select(func.max(Meeting.held_on)))
        weeks = team.cadence_weeks if team else 4
    return next_meeting_on(last, weeks, day)


# -- meetings -----------------------------------------------------------------------------------


def plan_meeting(
    ctx: AppContext,
    held_on: date,
    *,
    start_time: time | str | None = None,
    place: str | None = None,
    online_link: str | None = None,
    chair_person_id: int | None = None,
    scribe_person_id: int | None = None,
    theme: str | None = None,
    today: date | None = None,
) -> MeetingInfo:
    """Plan a meeting of the team; the team's default attendees are invited."""
    require(ctx, Action.MEETING_PREPARE)
    day = _today(today)
    if not isinstance(held_on, date):
        raise ValidationError("Geef de datum van het overleg op.")
    if held_on > day + timedelta(days=2 * 366):
        raise ValidationError(
            f"De datum {held_on:%d-%m-%Y} ligt meer dan twee jaar vooruit. Controleer het jaartal."
        )
    if held_on < day - timedelta(days=366):
        raise ValidationError(
            f"De datum {held_on:%d-%m-%Y} ligt meer dan een jaar terug. Controleer het jaartal."
        )
    at = _parse_time(start_time)
    place_ = clean_line(place, "de plaats", limit=200)
    link = clean_line(online_link, "de link voor online deelname", limit=500)
    if link and not link.lower().startswith(("https://", "http://")):
        raise ValidationError(
            "De link voor online deelname moet beginnen met https:// (kopieer de hele link)."
        )
    theme_ = clean_line(theme, "het thema", limit=300)
    with ctx.unit() as s:
        _check_person(s, chair_person_id, "voorzitter")
        _check_person(s, scribe_person_id, "notulist")
        team = _team(s, create=True)
        assert team is not None
        clash = s.scalar(
            select(Meeting.id).where(Meeting.team_id == team.id, Meeting.held_on == held_on)
        )
        if clash is not None:
            raise ValidationError(
                f"Er is al een overleg op {held_on:%d-%m-%Y}. Open dat overleg of kies een "
                "andere datum."
            )
        meeting = Meeting(
            team_id=team.id,
            held_on=held_on,
            start_time=at or team.default_time,
            place=place_ or team.default_place,
            online_link=link or None,
            chair_person_id=chair_person_id,
            scribe_person_id=scribe_person_id,
            theme=theme_ or None,
            status=MeetingStatus.GEPLAND.value,
        )
        s.add(meeting)
        s.flush()
        members = s.execute(
            select(MeetingTeamMember, Person)
            .join(Person, Person.id == MeetingTeamMember.person_id)
            .where(MeetingTeamMember.team_id == team.id, MeetingTeamMember.default_attendee)
        ).all()
        for _m, person in members:
            s.add(
                MeetingAttendance(
                    meeting_id=meeting.id,
                    person_id=person.id,
                    role=person.discipline,
                    function=_function_for(person.id, chair_person_id, scribe_person_id),
                    present=None,
                )
            )
        ctx.audit(
            s,
            AuditAction.MEETING_PLANNED,
            entity="meeting",
            entity_id=meeting.id,
            detail={"datum": held_on.isoformat(), "genodigden": len(members)},
        )
        s.flush()
        info = _meeting_info(s, meeting)
    ctx.changes.publish("meeting", info.id)
    return info


def _function_for(person_id: int, chair: int | None, scribe: int | None) -> str:
    if person_id == chair:
        return MeetingFunction.VOORZITTER.value
    if person_id == scribe:
        return MeetingFunction.NOTULIST.value
    return MeetingFunction.DEELNEMER.value


def update_meeting(
    ctx: AppContext,
    meeting_id: int,
    *,
    held_on: date | None = None,
    start_time: time | str | None = None,
    place: str | None = None,
    online_link: str | None = None,
    chair_person_id: int | None = None,
    scribe_person_id: int | None = None,
    theme: str | None = None,
    expected_version: int | None = None,
) -> MeetingInfo:
    """Change the details of a meeting that is not closed (None = leave as is);
    ``expected_version``: the version the form showed (a stale save is refused)."""
    require(ctx, Action.MEETING_PREPARE)
    with ctx.unit() as s:
        meeting = _get_meeting(s, meeting_id)
        check_version(meeting, expected_version, "Dit overleg")
        ensure_editable(_status(meeting))
        changed = []
        if held_on is not None and held_on != meeting.held_on:
            clash = s.scalar(
                select(Meeting.id).where(
                    Meeting.team_id == meeting.team_id,
                    Meeting.held_on == held_on,
                    Meeting.id != meeting.id,
                )
            )
            if clash is not None:
                raise ValidationError(f"Er is al een overleg op {held_on:%d-%m-%Y}.")
            meeting.held_on = held_on
            changed.append("datum")
        if start_time is not None:
            meeting.start_time = _parse_time(start_time)
            changed.append("tijd")
        if place is not None:
            meeting.place = clean_line(place, "de plaats", limit=200) or None
            changed.append("plaats")
        if online_link is not None:
            link = clean_line(online_link, "de link voor online deelname", limit=500)
            if link and not link.lower().startswith(("https://", "http://")):
                raise ValidationError("De link voor online deelname moet beginnen met https://.")
            meeting.online_link = link or None
            changed.append("link")
        if chair_person_id is not None:
            _check_person(s, chair_person_id, "voorzitter")
            meeting.chair_person_id = chair_person_id
            changed.append("voorzitter")
        if scribe_person_id is not None:
            _check_person(s, scribe_person_id, "notulist")
            meeting.scribe_person_id = scribe_person_id
            changed.append("notulist")
        if theme is not None:
            meeting.theme = clean_line(theme, "het thema", limit=300) or None
            changed.append("thema")
        ctx.audit(
            s,
            AuditAction.MEETING_UPDATED,
            entity="meeting",
            entity_id=meeting.id,
            detail={"velden": changed},
        )
        s.flush()
        info = _meeting_info(s, meeting)
    ctx.changes.publish("meeting", meeting_id)
    return info


def list_meetings(ctx: AppContext) -> list[MeetingInfo]:
    """All meetings, newest first."""
    require(ctx, Action.MEETING_VIEW)
    with ctx.read() as s:
        rows = list(s.scalars(select(Meeting).order_by(Meeting.held_on.desc(), Meeting.id.desc())))
        return [_meeting_info(s, m) for m in rows]


def get_meeting(ctx: AppContext, meeting_id: int) -> MeetingInfo:
    require(ctx, Action.MEETING_VIEW)
    with ctx.read() as s:
        return _meeting_info(s, _get_meeting(s, meeting_id))


# -- the agenda ---------------------------------------------------------------------------------


def agenda(
    ctx: AppContext, meeting_id: int, *, include_proposed: bool = True
) -> list[AgendaItemInfo]:
    """The agenda in order; with ``include_proposed`` also the proposals not yet accepted."""
    require(ctx, Action.MEETING_VIEW)
    statuses = VISIBLE if include_proposed else ON_AGENDA
    with ctx.read() as s:
        _get_meeting(s, meeting_id)
        items = list(
            s.scalars(
                select(MeetingAgendaItem)
                .where(
                    MeetingAgendaItem.meeting_id == meeting_id,
                    MeetingAgendaItem.status.in_(statuses),
                )
                .order_by(MeetingAgendaItem.position, MeetingAgendaItem.id)
            )
        )
        return _item_infos(s, items)


def _previous_meeting(s: Session, meeting: Meeting) -> Meeting | None:
    return s.scalars(
        select(Meeting)
        .where(
            Meeting.team_id == meeting.team_id,
            Meeting.status == MeetingStatus.AFGEROND.value,
            Meeting.held_on <= meeting.held_on,
            Meeting.id != meeting.id,
        )
        .order_by(Meeting.held_on.desc(), Meeting.id.desc())
    ).first()


def _own_candidates(
    s: Session, meeting: Meeting, previous: Meeting | None, today: date
) -> tuple[list[AgendaCandidate], dict[int, int]]:
    """Open actions, periodic review, carried-over items, nominations, the theme."""
    team = s.get(MeetingTeam, meeting.team_id)
    interval_days = (team.review_interval_weeks if team else 8) * 7
    candidates: list[AgendaCandidate] = []

    open_actions = list(s.scalars(select(MeetingAction).where(MeetingAction.done_on.is_(None))))
    owners = _person_names(s, (a.owner_person_id for a in open_actions))
    candidates += action_candidates(
        [
            ActionFact(a.id, a.patient_id, a.what, a.due, owners.get(a.owner_person_id or 0, ""))
            for a in open_actions
        ],
        today,
    )

    horizon = today - timedelta(days=interval_days)
    rows = s.execute(
        select(Patient.id, Patient.status, Patient.last_discussed_on, Patient.next_review_on)
        .where(
            Patient.status.in_(ACTIVE_STATUSES),
            or_(
                Patient.last_discussed_on.is_(None),
                Patient.last_discussed_on <= horizon,
                Patient.next_review_on <= today,
            ),
        )
        .order_by(Patient.last_discussed_on.is_not(None), Patient.last_discussed_on, Patient.id)
        .limit(MAX_REVIEW_PROPOSALS)
    ).all()
    candidates += review_candidates([ReviewFact(*r) for r in rows], today, interval_days)

    carried_from: dict[int, int] = {}
    if previous is not None:
        not_reached = list(
            s.scalars(
                select(MeetingAgendaItem).where(
                    MeetingAgendaItem.meeting_id == previous.id,
                    MeetingAgendaItem.status == ItemStatus.NIET_TOEGEKOMEN.value,
                )
            )
        )
        for i in not_reached:
            if i.patient_id is not None:
                carried_from[i.patient_id] = i.id
        candidates += carried_over_candidates(
            CarryFact(i.patient_id, i.title or "", previous.held_on) for i in not_reached
        )

    noms = list(
        s.scalars(select(MeetingNomination).where(MeetingNomination.used_in_meeting_id.is_(None)))
    )
    by = _person_names(s, (n.nominated_by_person_id for n in noms))
    candidates += nomination_candidates(
        NominationFact(
            n.patient_id, by.get(n.nominated_by_person_id or 0, "teamlid"), n.note, n.nominated_on
        )
        for n in noms
    )
    candidates += theme_candidate(meeting.theme or "")
    return candidates, carried_from


def propose_agenda(
    ctx: AppContext, meeting_id: int, *, today: date | None = None
) -> list[AgendaItemInfo]:
    """Build (or top up) the agenda proposal and store it as proposed items.

    Patients already on this meeting's agenda, or removed from it by the POH, are not
    proposed again. Returns the whole agenda, proposals included, in order.
    """
    require(ctx, Action.MEETING_PREPARE)
    day = _today(today)
    with ctx.read() as s:
        meeting = _get_meeting(s, meeting_id)
        status = _status(meeting)
        previous = _previous_meeting(s, meeting)
        since = previous.held_on if previous else None
    ensure_editable(status)
    if status is MeetingStatus.BEZIG:
        raise TransitionError(
            "Het overleg is al gestart; er wordt geen nieuw voorstel meer gemaakt. "
            "Voeg een patiënt zo nodig met de hand toe."
        )
    external = [
        *register.agenda_candidates(ctx, since, day),
        *consultations.agenda_candidates(ctx, since, day),
    ]
    with ctx.unit() as s:
        meeting = _get_meeting(s, meeting_id)
        ensure_editable(_status(meeting))
        own, carried_from = _own_candidates(s, meeting, previous, day)
        existing = list(
            s.scalars(select(MeetingAgendaItem).where(MeetingAgendaItem.meeting_id == meeting_id))
        )
        present_pids = {i.patient_id for i in existing if i.patient_id is not None}
        removed = {
            i.patient_id: i
            for i in existing
            if i.patient_id is not None and i.status == ItemStatus.VERWIJDERD.value
        }
        loose_keys = {(i.reason, i.detail) for i in existing if i.patient_id is None}
        known = (
            {
                pid
                for (pid,) in s.execute(
                    select(Patient.id).where(
                        Patient.id.in_({c.patient_id for c in external if c.patient_id is not None})
                    )
                )
            }
            if external
            else set()
        )
        external = [c for c in external if c.patient_id is None or c.patient_id in known]
        candidate_pids = {c.patient_id for c in external + own if c.patient_id is not None}
        deceased = set(
            s.scalars(
                select(Patient.id).where(
                    Patient.id.in_(candidate_pids),
                    Patient.status == PatientStatus.OVERLEDEN.value,
                )
            )
        )
        proposal = propose(external + own, exclude=present_pids - set(removed), deceased=deceased)
        position = _next_position(s, meeting_id)
        added = 0
        for p in proposal:
            code = reason_code(p.reason)
            again = removed.get(p.patient_id or 0)
            if again is not None:
                # Removed earlier; back only when something urgent happened since.
                before = set((again.reasons or again.reason).split(","))
                if not any(r in URGENT_REASONS and reason_code(r) not in before for r in p.reasons):
                    continue
                again.status = ItemStatus.VOORGESTELD.value
                again.reason = code
                again.reasons = ",".join(reason_code(r) for r in p.reasons)
                again.detail = p.detail
                again.removed_reason = None
                again.position = position
                position += 1
                added += 1
                continue
            if p.patient_id is None and (code, p.detail) in loose_keys:
                continue
            s.add(
                MeetingAgendaItem(
                    meeting_id=meeting_id,
                    position=position,
                    patient_id=p.patient_id,
                    reason=code,
                    reasons=",".join(reason_code(r) for r in p.reasons),
                    detail=p.detail,
                    title=p.detail if p.reason is AgendaReason.THEME else None,
                    status=ItemStatus.VOORGESTELD.value,
                    carried_from_id=carried_from.get(p.patient_id or 0)
                    if AgendaReason.CARRIED_OVER in p.reasons
                    else None,
                )
            )
            position += 1
            added += 1
        meeting.proposal_built_at = utcnow()
        _into_preparation(meeting)
        ctx.audit(
            s,
            AuditAction.MEETING_AGENDA_PROPOSED,
            entity="meeting",
            entity_id=meeting_id,
            detail={"voorgesteld": added, "sinds": since.isoformat() if since else None},
        )
    ctx.changes.publish("meeting", meeting_id)
    return agenda(ctx, meeting_id)


def accept_items(ctx: AppContext, item_ids: Sequence[int]) -> None:
    """The POH accepts proposed items onto the agenda."""
    require(ctx, Action.MEETING_PREPARE)
    if not item_ids:
        return
    with ctx.unit() as s:
        meeting_id = None
        for item_id in item_ids:
            item, meeting = _get_item(s, item_id)
            ensure_editable(_status(meeting))
            if meeting_id is not None and meeting.id != meeting_id:
                raise ValidationError("Kies agendapunten van één overleg tegelijk.")
            meeting_id = meeting.id
            if item.status in (ItemStatus.VOORGESTELD.value, ItemStatus.VERWIJDERD.value):
                item.status = ItemStatus.GEAGENDEERD.value
                item.removed_reason = None
                ctx.audit(
                    s,
                    AuditAction.MEETING_ITEM_ACCEPTED,
                    patient_id=item.patient_id,
                    entity="meeting_agenda_item",
                    entity_id=item.id,
                    detail={"overleg": meeting.id, "reden": item.reason},
                )
                _sync_next_review(s, meeting, [item.patient_id])
            _into_preparation(meeting)
    ctx.changes.publish("meeting", meeting_id or 0)


def accept_item(ctx: AppContext, item_id: int) -> None:
    require(ctx, Action.MEETING_PREPARE)
    accept_items(ctx, [item_id])


def accept_all(ctx: AppContext, meeting_id: int) -> int:
    """Accept every proposal of the meeting; returns how many were accepted."""
    require(ctx, Action.MEETING_PREPARE)
    with ctx.read() as s:
        ids = list(
            s.scalars(
                select(MeetingAgendaItem.id).where(
                    MeetingAgendaItem.meeting_id == meeting_id,
                    MeetingAgendaItem.status == ItemStatus.VOORGESTELD.value,
                )
            )
        )
    accept_items(ctx, ids)
    return len(ids)


def remove_item(ctx: AppContext, item_id: int, reason: str = "") -> None:
    """Take an item off the agenda; it is kept (hidden) so it is not proposed again."""
    require(ctx, Action.MEETING_PREPARE)
    why = clean_text(reason, "de reden", limit=300)
    with ctx.unit() as s:
        item, meeting = _get_item(s, item_id)
        ensure_editable(_status(meeting))
        if item.status == ItemStatus.BESPROKEN.value:
            raise ValidationError(
                "Dit agendapunt is al besproken en kan niet meer van de agenda. "
                "Pas zo nodig de aantekeningen aan."
            )
        item.status = ItemStatus.VERWIJDERD.value
        item.removed_reason = why or None
        ctx.audit(
            s,
            AuditAction.MEETING_ITEM_REMOVED,
            patient_id=item.patient_id,
            entity="meeting_agenda_item",
            entity_id=item.id,
            detail={"overleg": meeting.id, "reden": why},
        )
        _sync_next_review(s, meeting, [item.patient_id])
        meeting_id = meeting.id
    ctx.changes.publish("meeting", meeting_id)


def remove_items(ctx: AppContext, item_ids: Sequence[int], reason: str = "") -> None:
    """Take several items off the agenda in one go (all or none)."""
    require(ctx, Action.MEETING_PREPARE)
    why = clean_text(reason, "de reden", limit=300)
    meeting_ids = set()
    with ctx.unit() as s:
        for item_id in item_ids:
            item, meeting = _get_item(s, item_id)
            ensure_editable(_status(meeting))
            if item.status == ItemStatus.BESPROKEN.value:
                raise ValidationError(
                    "Een gekozen agendapunt is al besproken en kan niet meer van de agenda."
                )
            item.status = ItemStatus.VERWIJDERD.value
            item.removed_reason = why or None
            meeting_ids.add(meeting.id)
            ctx.audit(
                s,
                AuditAction.MEETING_ITEM_REMOVED,
                patient_id=item.patient_id,
                entity="meeting_agenda_item",
                entity_id=item.id,
                detail={"overleg": meeting.id, "reden": why},
            )
            _sync_next_review(s, meeting, [item.patient_id])
    for meeting_id in meeting_ids:
        ctx.changes.publish("meeting", meeting_id)


def restore_items(ctx: AppContext, previous: dict[int, str]) -> None:
    """Undo a removal: items back to the status they had (``previous``: id -> status)."""
    require(ctx, Action.MEETING_PREPARE)
    allowed = {ItemStatus.VOORGESTELD.value, ItemStatus.GEAGENDEERD.value}
    meeting_ids = set()
    with ctx.unit() as s:
        for item_id, status in previous.items():
            item, meeting = _get_item(s, item_id)
            ensure_editable(_status(meeting))
            if item.status != ItemStatus.VERWIJDERD.value or status not in allowed:
                continue
            item.status = status
            item.removed_reason = None
            meeting_ids.add(meeting.id)
            ctx.audit(
                s,
                AuditAction.MEETING_ITEM_RESTORED,
                patient_id=item.patient_id,
                entity="meeting_agenda_item",
                entity_id=item.id,
                detail={"overleg": meeting.id, "status": status},
            )
            _sync_next_review(s, meeting, [item.patient_id])
    for meeting_id in meeting_ids:
        ctx.changes.publish("meeting", meeting_id)


def add_patient(
    ctx: AppContext, meeting_id: int, patient_id: int, note: str = ""
) -> AgendaItemInfo:
    """Put a patient on the agenda by hand (accepted at once)."""
    require(ctx, Action.MEETING_PREPARE)
    text = clean_text(note, "de toelichting", limit=500)
    with ctx.unit() as s:
        meeting = _get_meeting(s, meeting_id)
        ensure_editable(_status(meeting))
        _get_patient(s, patient_id)
        item = s.scalars(
            select(MeetingAgendaItem).where(
                MeetingAgendaItem.meeting_id == meeting_id,
                MeetingAgendaItem.patient_id == patient_id,
            )
        ).first()
        if item is not None:
            if item.status not in (ItemStatus.VOORGESTELD.value, ItemStatus.VERWIJDERD.value):
                raise ValidationError(
                    "Deze patiënt staat al op de agenda van dit overleg. "
                    "Verplaats het agendapunt als het eerder moet."
                )
            item.status = ItemStatus.GEAGENDEERD.value
            item.removed_reason = None
            if text:
                item.detail = f"{item.detail}; {text}" if item.detail else text
        else:
            reason = reason_code(AgendaReason.ADDED)
            item = MeetingAgendaItem(
                meeting_id=meeting_id,
                position=_next_position(s, meeting_id),
                patient_id=patient_id,
                reason=reason,
                reasons=reason,
                detail=text or f"toegevoegd door {ctx.user.name}",
                status=ItemStatus.GEAGENDEERD.value,
            )
            s.add(item)
        _into_preparation(meeting)
        s.flush()
        ctx.audit(
            s,
            AuditAction.MEETING_ITEM_ADDED,
            patient_id=patient_id,
            entity="meeting_agenda_item",
            entity_id=item.id,
            detail={"overleg": meeting_id},
        )
        _sync_next_review(s, meeting, [patient_id])
        info = _item_infos(s, [item])[0]
    ctx.changes.publish("meeting", meeting_id)
    return info


def add_theme(ctx: AppContext, meeting_id: int, title: str) -> AgendaItemInfo:
    """A theme slot (education, a case reflection, ...) on the agenda."""
    require(ctx, Action.MEETING_PREPARE)
    text = clean_line(title, "het thema", required=True, limit=300)
    with ctx.unit() as s:
        meeting = _get_meeting(s, meeting_id)
        ensure_editable(_status(meeting))
        code = reason_code(AgendaReason.THEME)
        item = MeetingAgendaItem(
            meeting_id=meeting_id,
            position=_next_position(s, meeting_id),
            patient_id=None,
            reason=code,
            reasons=code,
            detail=text,
            title=text,
            status=ItemStatus.GEAGENDEERD.value,
        )
        s.add(item)
        _into_preparation(meeting)
        s.flush()
        ctx.audit(
            s,
            AuditAction.MEETING_THEME_ADDED,
            entity="meeting_agenda_item",
            entity_id=item.id,
            detail={"overleg": meeting_id},
        )
        info = _item_infos(s, [item])[0]
    ctx.changes.publish("meeting", meeting_id)
    return info


def reorder(ctx: AppContext, meeting_id: int, item_ids: Sequence[int]) -> None:
    """Put the meeting's items in the given order (others keep their order after them)."""
    require(ctx, Action.MEETING_PREPARE)
    if len(set(item_ids)) != len(item_ids):
        raise ValidationError("Een agendapunt staat dubbel in de nieuwe volgorde.")
    with ctx.unit() as s:
        meeting = _get_meeting(s, meeting_id)
        ensure_editable(_status(meeting))
        items = {
            i.id: i
            for i in s.scalars(
                select(MeetingAgendaItem)
                .where(MeetingAgendaItem.meeting_id == meeting_id)
                .order_by(MeetingAgendaItem.position, MeetingAgendaItem.id)
            )
        }
        unknown = [i for i in item_ids if i not in items]
        if unknown:
            raise NotFoundError(
                "Een agendapunt hoort niet bij dit overleg (meer). Ververs de agenda en probeer "
                "opnieuw."
            )
        order = list(item_ids) + [i for i in items if i not in set(item_ids)]
        for position, item_id in enumerate(order, start=1):
            items[item_id].position = position
        ctx.audit(
            s,
            AuditAction.MEETING_AGENDA_REORDERED,
            entity="meeting",
            entity_id=meeting_id,
            detail={"volgorde": list(item_ids)},
        )
    ctx.changes.publish("meeting", meeting_id)


def move_item(ctx: AppContext, item_id: int, delta: int) -> None:
    """Move an item up (negative) or down (positive) among the visible items."""
    require(ctx, Action.MEETING_PREPARE)
    with ctx.read() as s:
        item, _meeting = _get_item(s, item_id)
        meeting_id = item.meeting_id
    ids = [i.id for i in agenda(ctx, meeting_id)]
    index = ids.index(item_id)
    target = max(0, min(len(ids) - 1, index + delta))
    if target == index:
        return
    ids.insert(target, ids.pop(index))
    reorder(ctx, meeting_id, ids)


def nominate(ctx: AppContext, patient_id: int, note: str = "", *, today: date | None = None) -> int:
    """A team member asks for a patient to be discussed in the next meeting."""
    require(ctx, Action.SIGNAL)
    text = clean_text(note, "de toelichting", limit=500)
    with ctx.unit() as s:
        _get_patient(s, patient_id)
        nomination = MeetingNomination(
            patient_id=patient_id,
            nominated_by_person_id=ctx.user.person_id,
            note=text,
            nominated_on=_today(today),
        )
        s.add(nomination)
        s.flush()
        ctx.audit(
            s,
            AuditAction.MEETING_NOMINATION,
            patient_id=patient_id,
            entity="meeting_nomination",
            entity_id=nomination.id,
        )
        nomination_id = nomination.id
    ctx.changes.publish("meeting")
    return nomination_id


# -- running the meeting ---------------------------------------------------------------------


def start_meeting(ctx: AppContext, meeting_id: int) -> MeetingInfo:
    """Status → bezig. Needs at least one item on the agenda."""
    require(ctx, Action.MEETING_RUN)
    with ctx.unit() as s:
        meeting = _get_meeting(s, meeting_id)
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
        meeting = _get_meeting(s, meeting_id)
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
    with ctx.read() as s:
        _get_meeting(s, meeting_id)
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
        changed: list[str] = []
        current = {
            n.dimension: n
            for n in s.scalars(select(MeetingNote).where(MeetingNote.item_id == item.id))
        }
        for dim, text in note_values.items():
            row = current.get(dim)
            if row is None and text:
                s.add(MeetingNote(item_id=item.id, dimension=dim, text=text))
                changed.append(dim)
            elif row is not None and not text:
                s.delete(row)
                changed.append(dim)
            elif row is not None and row.text != text:
                row.text = text
                changed.append(dim)
        marks = {
            c.code: c
            for c in s.scalars(select(MeetingChecklist).where(MeetingChecklist.item_id == item.id))
        }
        for key, answer in answers.items():
            row = marks.get(key.value)
            if row is None:
                if answer is not ChecklistAnswer.OPEN:
                    s.add(MeetingChecklist(item_id=item.id, code=key.value, answer=answer.value))
                    changed.append(key.value)
            elif row.answer != answer.value:
                row.answer = answer.value
                changed.append(key.value)
        if seconds_spent is not None and seconds_spent != item.seconds_spent:
            item.seconds_spent = seconds_spent
        s.flush()
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
        if new_status != item.status:
            item.status = new_status
            item.discussed_at = utcnow() if new_status == ItemStatus.BESPROKEN.value else None
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


def add_decision(ctx: AppContext, item_id: int, text: str) -> int:
    """A decision about an agenda item (the item counts as discussed)."""
    require(ctx, Action.MEETING_RUN)
    value = clean_text(text, "het besluit", required=True, limit=2000)
    with ctx.unit() as s:
        item, meeting = _get_item(s, item_id)
        ensure_running(_status(meeting))
        decision = MeetingDecision(
            meeting_id=meeting.id,
            item_id=item.id,
            patient_id=item.patient_id,
            text=value,
            created_by=ctx.user.login,
        )
        s.add(decision)
        if item.status == ItemStatus.GEAGENDEERD.value:
            item.status = ItemStatus.BESPROKEN.value
            item.discussed_at = utcnow()
        s.flush()
        ctx.audit(
            s,
            AuditAction.MEETING_DECISION,
            patient_id=item.patient_id,
            entity="meeting_decision",
            entity_id=decision.id,
            detail={"overleg": meeting.id},
        )
        decision_id, meeting_id = decision.id, meeting.id
    ctx.changes.publish("meeting", meeting_id)
    return decision_id


def remove_decision(ctx: AppContext, decision_id: int) -> None:
    """Take back a decision while the meeting is still running (a typing error)."""
    require(ctx, Action.MEETING_RUN)
    with ctx.unit() as s:
        decision = s.get(MeetingDecision, decision_id)
        if decision is None:
            raise NotFoundError("Dit besluit bestaat niet (meer).")
        meeting = _get_meeting(s, decision.meeting_id)
        ensure_running(_status(meeting))
        ctx.audit(
            s,
            AuditAction.MEETING_DECISION_REMOVED,
            patient_id=decision.patient_id,
            entity="meeting_decision",
            entity_id=decision.id,
            detail={"overleg": meeting.id},
        )
        s.delete(decision)
        meeting_id = meeting.id
    ctx.changes.publish("meeting", meeting_id)


def update_decision(ctx: AppContext, decision_id: int, text: str) -> None:
    """Correct a decision's wording while the meeting is still running (after closing,
    changes are dated amendments)."""
    require(ctx, Action.MEETING_RUN)
    value = clean_text(text, "het besluit", required=True, limit=2000)
    with ctx.unit() as s:
        decision = s.get(MeetingDecision, decision_id)
        if decision is None:
            raise NotFoundError("Dit besluit bestaat niet (meer).")
        meeting = _get_meeting(s, decision.meeting_id)
        ensure_running(_status(meeting))
        decision.text = value
        ctx.audit(
            s,
            AuditAction.MEETING_DECISION_CHANGED,
            patient_id=decision.patient_id,
            entity="meeting_decision",
            entity_id=decision.id,
            detail={"overleg": meeting.id},
        )
        meeting_id = meeting.id
    ctx.changes.publish("meeting", meeting_id)


def update_action(
    ctx: AppContext, action_id: int, what: str, owner_person_id: int | None, due: date | None
) -> None:
    """Correct an action (what, who, by when) while its meeting is still running."""
    require(ctx, Action.MEETING_RUN)
    text = validate_action(what, due, date.today())
    with ctx.unit() as s:
        action = s.get(MeetingAction, action_id)
        if action is None:
            raise NotFoundError(f"Actie {action_id} bestaat niet (meer).")
        if action.meeting_id is None:
            raise ValidationError("Deze actie hoort niet bij een overleg dat nog bezig is.")
        ensure_running(_status(_get_meeting(s, action.meeting_id)))
        _check_person(s, owner_person_id, "uitvoerder")
        action.what, action.owner_person_id, action.due = text, owner_person_id, due
        ctx.audit(
            s,
            AuditAction.MEETING_ACTION_CHANGED,
            patient_id=action.patient_id,
            entity="meeting_action",
            entity_id=action.id,
            detail={"uiterlijk": due.isoformat() if due else None},
        )
        meeting_id = action.meeting_id
    ctx.changes.publish("action", action_id)
    ctx.changes.publish("meeting", meeting_id)


def add_action(
    ctx: AppContext,
    patient_id: int | None,
    what: str,
    owner_person_id: int | None,
    due: date | None,
    meeting_id: int | None = None,
) -> int:
    """An action (what, who, by when). It comes back on every agenda until it is done."""
    require(ctx, Action.MEETING_RUN)
    return _add_action(ctx, patient_id, what, owner_person_id, due, meeting_id, date.today())


def _add_action(
    ctx: AppContext,
    patient_id: int | None,
    what: str,
    owner_person_id: int | None,
    due: date | None,
    meeting_id: int | None,
    today: date,
) -> int:
    text = validate_action(what, due, today)
    with ctx.unit() as s:
        if patient_id is not None:
            _get_patient(s, patient_id)
        _check_person(s, owner_person_id, "uitvoerder")
        item_id = None
        if meeting_id is not None:
            meeting = _get_meeting(s, meeting_id)
            ensure_editable(_status(meeting))
            if patient_id is not None:
                item_id = s.scalar(
                    select(MeetingAgendaItem.id).where(
                        MeetingAgendaItem.meeting_id == meeting_id,
                        MeetingAgendaItem.patient_id == patient_id,
                    )
                )
        action = MeetingAction(
            patient_id=patient_id,
            meeting_id=meeting_id,
            item_id=item_id,
            what=text,
            owner_person_id=owner_person_id,
            due=due,
            created_by=ctx.user.login,
        )
        s.add(action)
        s.flush()
        ctx.audit(
            s,
            AuditAction.MEETING_ACTION_ADDED,
            patient_id=patient_id,
            entity="meeting_action",
            entity_id=action.id,
            detail={"overleg": meeting_id, "uiterlijk": due.isoformat() if due else None},
        )
        action_id = action.id
    ctx.changes.publish("action", action_id)
    if meeting_id is not None:
        ctx.changes.publish("meeting", meeting_id)
    return action_id


def complete_action(
    ctx: AppContext, action_id: int, note: str = "", *, today: date | None = None
) -> None:
    """Mark an action done; it no longer comes back on the agenda."""
    require(ctx, Action.MEETING_RUN)
    text = clean_text(note, "de toelichting", limit=500)
    with ctx.unit() as s:
        action = s.get(MeetingAction, action_id)
        if action is None:
            raise NotFoundError(f"Actie {action_id} bestaat niet (meer).")
        if action.done_on is not None:
            raise ValidationError(
                f"Deze actie is al afgerond op {action.done_on:%d-%m-%Y}; er hoeft niets meer te "
                "gebeuren."
            )
        action.done_on = _today(today)
        action.done_note = text or None
        ctx.audit(
            s,
            AuditAction.MEETING_ACTION_DONE,
            patient_id=action.patient_id,
            entity="meeting_action",
            entity_id=action.id,
        )
    ctx.changes.publish("action", action_id)


def remove_action(ctx: AppContext, action_id: int) -> None:
    """Take back an action made in a meeting that is still running (a typing error)."""
    require(ctx, Action.MEETING_RUN)
    with ctx.unit() as s:
        action = s.get(MeetingAction, action_id)
        if action is None:
            raise NotFoundError(f"Actie {action_id} bestaat niet (meer).")
        if action.meeting_id is None:
            raise ValidationError(
                "Deze actie hoort niet bij een overleg. Rond de actie af in plaats van haar te "
                "verwijderen."
            )
        ensure_running(_status(_get_meeting(s, action.meeting_id)))
        ctx.audit(
            s,
            AuditAction.MEETING_ACTION_REMOVED,
            patient_id=action.patient_id,
            entity="meeting_action",
            entity_id=action.id,
        )
        s.delete(action)
    ctx.changes.publish("action", action_id)


def open_actions(ctx: AppContext, patient_id: int | None = None) -> list[ActionInfo]:
    """Actions not yet done (for one patient, or all), oldest due date first."""
    require(ctx, Action.MEETING_VIEW)
    query = select(MeetingAction).where(MeetingAction.done_on.is_(None))
    if patient_id is not None:
        query = query.where(MeetingAction.patient_id == patient_id)
    query = query.order_by(MeetingAction.due.is_(None), MeetingAction.due, MeetingAction.id)
    with ctx.read() as s:
        return _action_infos(s, list(s.scalars(query)), date.today())


def close_meeting(ctx: AppContext, meeting_id: int, *, today: date | None = None) -> MeetingInfo:
    """Close and freeze the record.

    Items on the agenda that were not discussed become "niet aan toegekomen" and are
    proposed again next time; discussed patients get ``last_discussed_on`` = the meeting
    date and ``next_review_on`` = that date + the team's review interval.
    """
    require(ctx, Action.MEETING_CLOSE)
    day = _today(today)
    with ctx.unit() as s:
        meeting = _get_meeting(s, meeting_id)
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
                entity_id=meeting_id,
                detail={"datum": meeting.held_on.isoformat()},
            )
        used = {
            i.patient_id
            for i in items
            if i.patient_id is not None and i.status != ItemStatus.VOORGESTELD.value
        }
        if used:
            for nomination in s.scalars(
                select(MeetingNomination).where(
                    MeetingNomination.used_in_meeting_id.is_(None),
                    MeetingNomination.patient_id.in_(used),
                )
            ):
                nomination.used_in_meeting_id = meeting_id
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


def amend(ctx: AppContext, meeting_id: int, text: str, item_id: int | None = None) -> int:
    """A dated amendment to a closed meeting's record (the record itself stays unchanged)."""
    require(ctx, Action.MEETING_AMEND)
    value = clean_text(text, "de aanvulling", required=True, limit=5000)
    with ctx.unit() as s:
        meeting = _get_meeting(s, meeting_id)
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


# -- the record ---------------------------------------------------------------------------------


def _item_record(
    s: Session, info: AgendaItemInfo, today: date, actions: Sequence[ActionInfo]
) -> ItemRecord:
    notes_rows = {
        n.dimension: n.text
        for n in s.scalars(select(MeetingNote).where(MeetingNote.item_id == info.id))
    }
    notes = {d.value: notes_rows.get(d.value, "") for d in Dimension}
    marks = {
        c.code: c.answer
        for c in s.scalars(select(MeetingChecklist).where(MeetingChecklist.item_id == info.id))
    }
    checklist = {c.value: marks.get(c.value, ChecklistAnswer.OPEN.value) for c in ChecklistItem}
    decisions = tuple(
        DecisionInfo(d.id, d.item_id, d.patient_id, d.text, d.created_at, d.created_by)
        for d in s.scalars(
            select(MeetingDecision)
            .where(MeetingDecision.item_id == info.id)
            .order_by(MeetingDecision.id)
        )
    )
    item_actions = tuple(a for a in actions if a.item_id == info.id)
    return ItemRecord(info, notes, checklist, decisions, item_actions)


def discussion(ctx: AppContext, item_id: int) -> ItemRecord:
    """One item's notes, checklist, decisions and actions (meeting mode)."""
    require(ctx, Action.MEETING_VIEW)
    today = date.today()
    with ctx.read() as s:
        item, _meeting = _get_item(s, item_id)
        info = _item_infos(s, [item])[0]
        actions = _action_infos(
            s,
            list(
                s.scalars(
                    select(MeetingAction)
                    .where(MeetingAction.item_id == item_id)
                    .order_by(MeetingAction.id)
                )
            ),
            today,
        )
        return _item_record(s, info, today, actions)


def meeting_record(ctx: AppContext, meeting_id: int) -> MeetingRecord:
    """The whole meeting: attendance, agenda with notes/checklist/decisions/actions, amendments."""
    require(ctx, Action.MEETING_VIEW)
    today = date.today()
    with ctx.read() as s:
        meeting = _get_meeting(s, meeting_id)
        info = _meeting_info(s, meeting)
        items = list(
            s.scalars(
                select(MeetingAgendaItem)
                .where(
                    MeetingAgendaItem.meeting_id == meeting_id,
                    MeetingAgendaItem.status.in_(ON_AGENDA),
                )
                .order_by(MeetingAgendaItem.position, MeetingAgendaItem.id)
            )
        )
        item_infos = _item_infos(s, items)
        actions = _action_infos(
            s,
            list(
                s.scalars(
                    select(MeetingAction)
                    .where(MeetingAction.meeting_id == meeting_id)
                    .order_by(MeetingAction.id)
                )
            ),
            today,
        )
        records = tuple(_item_record(s, i, today, actions) for i in item_infos)
        decisions = tuple(d for r in records for d in r.decisions)
        still_open = _action_infos(
            s,
            list(
                s.scalars(
                    select(MeetingAction)
                    .where(MeetingAction.done_on.is_(None))
                    .order_by(MeetingAction.due.is_(None), MeetingAction.due, MeetingAction.id)
                )
            ),
            today,
        )
        amendments = tuple(
            AmendmentInfo(a.id, a.item_id, a.text, a.at, _login_name(s, a.by))
            for a in s.scalars(
                select(MeetingAmendment)
                .where(MeetingAmendment.meeting_id == meeting_id)
                .order_by(MeetingAmendment.id)
            )
        )
        return MeetingRecord(
            meeting=info,
            attendance=tuple(_attendance(s, meeting_id)),
            items=records,
            decisions=decisions,
            actions=tuple(actions),
            open_actions=tuple(still_open),
            amendments=amendments,
            triad=info.triad,
        )


# -- the patient summary for meeting mode ----------------------------------------------------


def patient_brief(ctx: AppContext, patient_id: int, meeting_id: int | None = None) -> PatientBrief:
    """Status, colour, centrale zorgverlener, team, plan highlights, open actions and
    consultations; the read is audited (``patient_open`` with the meeting)."""
    require(ctx, Action.MEETING_VIEW)
    today = date.today()
    with ctx.unit() as s:
        p = _get_patient(s, patient_id)
        caregiver = ""
        if p.central_caregiver_id is not None:
            person = s.get(Person, p.central_caregiver_id)
            caregiver = f"{person.name} ({_discipline_label(person.discipline)})" if person else ""
        actions = _action_infos(
            s,
            list(
                s.scalars(
                    select(MeetingAction)
                    .where(MeetingAction.patient_id == patient_id, MeetingAction.done_on.is_(None))
                    .order_by(MeetingAction.due.is_(None), MeetingAction.due)
                )
            ),
            today,
        )
        ctx.record_opened(
            s, patient_id, new_view=True, detail={"via": "overleg", "overleg": meeting_id}
        )
        base = dict(
            patient_id=p.id,
            name=_patient_name(p),
            birth_date=p.birth_date,
            age=today.year
            - p.birth_date.year
            - ((today.month, today.day) < (p.birth_date.month, p.birth_date.day)),
            status=p.status,
            status_label=PatientStatus(p.status).label,
            urgency_code=p.urgency or "",
            last_discussed_on=p.last_discussed_on,
            next_review_on=p.next_review_on,
            is_fictional=p.is_fictional,
            central_caregiver=caregiver,
        )
    label, colour = _urgency(ctx, base["urgency_code"])
    problems: list[str] = []
    team = _safe(lambda: _team_lines(ctx, patient_id), problems, "het zorgteam")
    plan = _safe(lambda: _plan_lines(ctx, patient_id), problems, "het zorgplan")
    consults = _safe(lambda: _consult_lines(ctx, patient_id), problems, "de consultaties")
    return PatientBrief(
        **base,
        urgency_label=label,
        urgency_colour=colour,
        team=tuple(team),
        plan_highlights=tuple(plan),
        open_actions=tuple(actions),
        open_consultations=tuple(consults),
        notes=tuple(problems),
    )


def _safe(fn: Any, problems: list[str], what: str) -> list[str]:
    """Another area's summary; a failure there must not stop the meeting."""
    try:
        return list(fn())
    except Exception:  # noqa: BLE001 - shown as "could not load", the meeting goes on
        problems.append(f"{what[0].upper()}{what[1:]} kon niet worden geladen.")
        return []


def _urgency(ctx: AppContext, code: str) -> tuple[str, str]:
    """The colour's label and hex value from the register's (configurable) levels."""
    if not code:
        return "", ""
    for level in register.urgency_levels_for(ctx):
        if level.code == code:
            return level.label, level.colour
    return code, ""


def _team_lines(ctx: AppContext, patient_id: int) -> list[str]:

    summary = careteam.team_summary(ctx, patient_id)
    lines = [f"{m.role_label}: {m.person.name}" for m in summary.members]
    return lines + list(summary.warnings)


def _plan_lines(ctx: AppContext, patient_id: int) -> list[str]:
    from pzmdo.domain import careplan as plan_domain

    plan = careplan.current_plan(ctx, patient_id)
    if plan is None:
        return ["Nog geen zorgplan (IZP) vastgelegd."]
    content = plan.content
    lines = [plan.header_text()]
    goal = plan_domain.label_of(plan_domain.GOAL, content.goal)
    if goal:
        lines.append(f"Doel: {goal}")
    place = plan_domain.label_of(plan_domain.PLACE_OF_DEATH, content.place_of_death)
    if place:
        lines.append(f"Gewenste plek van overlijden: {place}")
    lines += [f"{name}: {text}" for name, text in plan.limits_summary]
    return lines[:8]


def _consult_lines(ctx: AppContext, patient_id: int) -> list[str]:

    rows = consultations.list_consultations(ctx, patient_id=patient_id, open_only=True)
    return [
        f"{c.team_name}, aangevraagd {c.requested_at.astimezone():%d-%m-%Y}: {c.status_label}"
        for c in rows
    ]
