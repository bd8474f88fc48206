"""The agenda builder: proposals, accepting, ordering and removing agenda items."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from pzmdo.domain.agenda import (
    URGENT_REASONS,
    ActionFact,
    AgendaCandidate,
    AgendaReason,
    CarryFact,
    NominationFact,
    ProposedItem,
    ReviewFact,
    action_candidates,
    carried_over_candidates,
    nomination_candidates,
    propose,
    reason_code,
    review_candidates,
    theme_candidate,
)
from pzmdo.domain.audit import AuditAction
from pzmdo.domain.enums import PatientStatus
from pzmdo.domain.errors import NotFoundError, TransitionError, ValidationError
from pzmdo.domain.meetings import (
    DEFAULT_REVIEW_INTERVAL_WEEKS,
    ItemStatus,
    MeetingStatus,
    ensure_editable,
)
from pzmdo.domain.permissions import Action
from pzmdo.domain.register import ACTIVE_STATUSES
from pzmdo.domain.text import clean_line, clean_text
from pzmdo.services import consultations, register
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.lookup import load_meeting, load_patient
from pzmdo.services.meetings.helpers import (
    _get_item,
    _into_preparation,
    _item_infos,
    _next_position,
    _person_names,
    _status,
    _sync_next_review,
    _today,
)
from pzmdo.services.meetings.results import MAX_REVIEW_PROPOSALS, ON_AGENDA, VISIBLE, AgendaItemInfo
from pzmdo.services.scope import (
    require_items_in_scope,
    require_meeting_in_scope,
    require_patient_in_scope,
    require_row_in_scope,
    require_team_in_scope,
)
from pzmdo.services.teams import team_practice_ids
from pzmdo.store.models import Patient
from pzmdo.store.models.base import utcnow
from pzmdo.store.models.meetings import (
    Meeting,
    MeetingAction,
    MeetingAgendaItem,
    MeetingNomination,
    MeetingTeam,
)

# -- the agenda ---------------------------------------------------------------------------------


def agenda(
    ctx: AppContext, meeting_id: int, *, include_proposed: bool = True
) -> list[AgendaItemInfo]:
    """The agenda in order; with ``include_proposed`` also the proposals not yet accepted."""
    require(ctx, Action.MEETING_VIEW)
    require_meeting_in_scope(ctx, meeting_id)
    statuses = VISIBLE if include_proposed else ON_AGENDA
    with ctx.read() as s:
        load_meeting(s, meeting_id)
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
    s: Session, meeting: Meeting, previous: Meeting | None, today: date, practices: list[int]
) -> tuple[list[AgendaCandidate], dict[int, int]]:
    """Open actions, periodic review, carried-over items, nominations, the theme: only for
    patients of the team's ``practices`` (the index on patient practice keeps it fast)."""
    team = s.get(MeetingTeam, meeting.team_id)
    interval_days = (team.review_interval_weeks if team else DEFAULT_REVIEW_INTERVAL_WEEKS) * 7
    candidates: list[AgendaCandidate] = []
    of_team = select(Patient.id).where(Patient.practice_id.in_(practices))

    open_actions = list(
        s.scalars(
            select(MeetingAction).where(
                MeetingAction.done_on.is_(None),
                or_(
                    MeetingAction.patient_id.in_(of_team),
                    and_(
                        MeetingAction.patient_id.is_(None),
                        MeetingAction.meeting_id.in_(
                            select(Meeting.id).where(Meeting.team_id == meeting.team_id)
                        ),
                    ),
                ),
            )
        )
    )
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
            Patient.practice_id.in_(practices),
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
        s.scalars(
            select(MeetingNomination).where(
                MeetingNomination.used_in_meeting_id.is_(None),
                MeetingNomination.patient_id.in_(of_team),
                or_(
                    MeetingNomination.team_id.is_(None),
                    MeetingNomination.team_id == meeting.team_id,
                ),
            )
        )
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
    require_meeting_in_scope(ctx, meeting_id)
    day = _today(today)
    with ctx.read() as s:
        meeting = load_meeting(s, meeting_id)
        status = _status(meeting)
        previous = _previous_meeting(s, meeting)
        since = previous.held_on if previous else None
        practices = team_practice_ids(s, meeting.team_id)
    ensure_editable(status)
    if status is MeetingStatus.BEZIG:
        raise TransitionError(
            "Het overleg is al gestart; er wordt geen nieuw voorstel meer gemaakt. "
            "Voeg een patiënt zo nodig met de hand toe."
        )
    external = [
        *register.agenda_candidates(ctx, since, day, practices),
        *consultations.agenda_candidates(ctx, since, day, practices),
    ]
    with ctx.unit() as s:
        meeting = load_meeting(s, meeting_id)
        ensure_editable(_status(meeting))
        own, carried_from = _own_candidates(s, meeting, previous, day, practices)
        existing = list(
            s.scalars(select(MeetingAgendaItem).where(MeetingAgendaItem.meeting_id == meeting_id))
        )
        present_pids = {i.patient_id for i in existing if i.patient_id is not None}
        removed = {
            i.patient_id: i
            for i in existing
            if i.patient_id is not None and i.status == ItemStatus.VERWIJDERD.value
        }
        external = _still_present(s, external, practices)
        candidates = external + own
        proposal = propose(
            candidates, exclude=present_pids - set(removed), deceased=_deceased(s, candidates)
        )
        loose_keys = {(i.reason, i.detail) for i in existing if i.patient_id is None}
        added = _store_proposal(s, meeting_id, proposal, removed, loose_keys, carried_from)
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


def _still_present(
    s: Session, external: list[AgendaCandidate], practices: list[int]
) -> list[AgendaCandidate]:
    """Other areas' candidates whose patient still exists (ids come from other queries) and
    belongs to one of the team's ``practices`` (never a patient outside the team)."""
    if not external:
        return external
    ids = {c.patient_id for c in external if c.patient_id is not None}
    known = set(
        s.scalars(select(Patient.id).where(Patient.id.in_(ids), Patient.practice_id.in_(practices)))
    )
    return [c for c in external if c.patient_id is None or c.patient_id in known]


def _deceased(s: Session, candidates: list[AgendaCandidate]) -> set[int]:
    pids = {c.patient_id for c in candidates if c.patient_id is not None}
    return set(
        s.scalars(
            select(Patient.id).where(
                Patient.id.in_(pids), Patient.status == PatientStatus.OVERLEDEN.value
            )
        )
    )


def _store_proposal(
    s: Session,
    meeting_id: int,
    proposal: list[ProposedItem],
    removed: dict[int, MeetingAgendaItem],
    loose_keys: set[tuple[str, str]],
    carried_from: dict[int, int],
) -> int:
    """Add the proposed items after the agenda; returns how many were added.

    An item the POH removed comes back only when something urgent happened since; a
    patient-less item (a theme) is not proposed twice.
    """
    position = _next_position(s, meeting_id)
    added = 0
    for p in proposal:
        code = reason_code(p.reason)
        again = removed.get(p.patient_id or 0)
        if again is not None:
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
    return added


def accept_items(ctx: AppContext, item_ids: Sequence[int]) -> None:
    """The POH accepts proposed items onto the agenda."""
    require(ctx, Action.MEETING_PREPARE)
    require_items_in_scope(ctx, item_ids)
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
    require_row_in_scope(ctx, MeetingAgendaItem, item_id)
    accept_items(ctx, [item_id])


def accept_all(ctx: AppContext, meeting_id: int) -> int:
    """Accept every proposal of the meeting; returns how many were accepted."""
    require(ctx, Action.MEETING_PREPARE)
    require_meeting_in_scope(ctx, meeting_id)
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
    require_row_in_scope(ctx, MeetingAgendaItem, item_id)
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
    require_items_in_scope(ctx, item_ids)
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
    require_items_in_scope(ctx, previous)
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
    require_meeting_in_scope(ctx, meeting_id)
    require_patient_in_scope(ctx, patient_id)
    text = clean_text(note, "de toelichting", limit=500)
    with ctx.unit() as s:
        meeting = load_meeting(s, meeting_id)
        ensure_editable(_status(meeting))
        patient = load_patient(s, patient_id)
        if patient.practice_id not in team_practice_ids(s, meeting.team_id):
            raise ValidationError(
                "Deze patiënt hoort niet bij een praktijk van dit team. Bespreek de patiënt in "
                "het overleg van het eigen team, of voeg de praktijk toe aan dit team."
            )
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
    require_meeting_in_scope(ctx, meeting_id)
    text = clean_line(title, "het thema", required=True, limit=300)
    with ctx.unit() as s:
        meeting = load_meeting(s, meeting_id)
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
    require_meeting_in_scope(ctx, meeting_id)
    if len(set(item_ids)) != len(item_ids):
        raise ValidationError("Een agendapunt staat dubbel in de nieuwe volgorde.")
    with ctx.unit() as s:
        meeting = load_meeting(s, meeting_id)
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
    require_row_in_scope(ctx, MeetingAgendaItem, item_id)
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


def nominate(
    ctx: AppContext,
    patient_id: int,
    note: str = "",
    *,
    today: date | None = None,
    team_id: int | None = None,
) -> int:
    """A team member asks for a patient to be discussed in the next meeting (of ``team_id``,
    else of any team of the patient's practice)."""
    require(ctx, Action.SIGNAL)
    require_patient_in_scope(ctx, patient_id)
    require_team_in_scope(ctx, team_id)
    text = clean_text(note, "de toelichting", limit=500)
    with ctx.unit() as s:
        patient = load_patient(s, patient_id)
        if team_id is not None and patient.practice_id not in team_practice_ids(s, team_id):
            raise ValidationError(
                "Deze patiënt hoort niet bij een praktijk van dat team. Kies het team van de "
                "eigen praktijk."
            )
        nomination = MeetingNomination(
            patient_id=patient_id,
            team_id=team_id,
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
