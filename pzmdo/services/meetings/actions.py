"""Decisions and actions recorded on agenda items; open actions return on every agenda."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.meetings import (
    ItemStatus,
    ensure_editable,
    ensure_running,
    validate_action,
)
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import clean_text
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.lookup import load_action, load_decision, load_meeting, load_patient
from pzmdo.services.meetings.helpers import (
    _action_infos,
    _check_person,
    _get_item,
    _status,
    _today,
)
from pzmdo.services.meetings.results import ActionInfo
from pzmdo.services.scope import (
    patient_id_clause,
    require_meeting_in_scope,
    require_patient_in_scope,
    require_row_in_scope,
    scope_of,
    team_clause,
)
from pzmdo.store.models.base import utcnow
from pzmdo.store.models.meetings import (
    Meeting,
    MeetingAction,
    MeetingAgendaItem,
    MeetingDecision,
)


def add_decision(ctx: AppContext, item_id: int, text: str) -> int:
    """A decision about an agenda item (the item counts as discussed)."""
    require(ctx, Action.MEETING_RUN)
    require_row_in_scope(ctx, MeetingAgendaItem, item_id)
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
    require_row_in_scope(ctx, MeetingDecision, decision_id)
    with ctx.unit() as s:
        decision = load_decision(s, decision_id)
        meeting = load_meeting(s, decision.meeting_id)
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
    require_row_in_scope(ctx, MeetingDecision, decision_id)
    value = clean_text(text, "het besluit", required=True, limit=2000)
    with ctx.unit() as s:
        decision = load_decision(s, decision_id)
        meeting = load_meeting(s, decision.meeting_id)
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
    require_row_in_scope(ctx, MeetingAction, action_id)
    text = validate_action(what, due, date.today())
    with ctx.unit() as s:
        action = load_action(s, action_id)
        if action.meeting_id is None:
            raise ValidationError("Deze actie hoort niet bij een overleg dat nog bezig is.")
        ensure_running(_status(load_meeting(s, action.meeting_id)))
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
    require_patient_in_scope(ctx, patient_id)
    require_meeting_in_scope(ctx, meeting_id)
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
            load_patient(s, patient_id)
        _check_person(s, owner_person_id, "uitvoerder")
        item_id = None
        if meeting_id is not None:
            meeting = load_meeting(s, meeting_id)
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
    require_row_in_scope(ctx, MeetingAction, action_id)
    text = clean_text(note, "de toelichting", limit=500)
    with ctx.unit() as s:
        action = load_action(s, action_id)
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
    require_row_in_scope(ctx, MeetingAction, action_id)
    with ctx.unit() as s:
        action = load_action(s, action_id)
        if action.meeting_id is None:
            raise ValidationError(
                "Deze actie hoort niet bij een overleg. Rond de actie af in plaats van haar te "
                "verwijderen."
            )
        ensure_running(_status(load_meeting(s, action.meeting_id)))
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
    require_patient_in_scope(ctx, patient_id)
    query = select(MeetingAction).where(MeetingAction.done_on.is_(None))
    if patient_id is not None:
        query = query.where(MeetingAction.patient_id == patient_id)
    query = query.order_by(MeetingAction.due.is_(None), MeetingAction.due, MeetingAction.id)
    with ctx.read() as s:
        scope = scope_of(s, ctx)
        query = query.where(
            or_(
                MeetingAction.patient_id.is_(None),
                patient_id_clause(scope, MeetingAction.patient_id),
            ),
            or_(
                MeetingAction.meeting_id.is_(None),
                MeetingAction.meeting_id.in_(select(Meeting.id).where(team_clause(scope))),
            ),
        )
        return _action_infos(s, list(s.scalars(query)), date.today())
