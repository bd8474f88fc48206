"""The meeting record (minutes) and amendments to a closed meeting."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pzmdo.domain.enums import Dimension
from pzmdo.domain.meetings import (
    ChecklistAnswer,
    ChecklistItem,
)
from pzmdo.domain.permissions import Action
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.lookup import load_meeting
from pzmdo.services.meetings.helpers import (
    _action_infos,
    _get_item,
    _item_infos,
    _login_name,
    _meeting_info,
)
from pzmdo.services.meetings.results import (
    ON_AGENDA,
    ActionInfo,
    AgendaItemInfo,
    AmendmentInfo,
    DecisionInfo,
    ItemRecord,
    MeetingRecord,
)
from pzmdo.services.meetings.running import _attendance
from pzmdo.services.scope import require_meeting_in_scope, require_row_in_scope
from pzmdo.store.models.meetings import (
    MeetingAction,
    MeetingAgendaItem,
    MeetingAmendment,
    MeetingChecklist,
    MeetingDecision,
    MeetingNote,
)

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
    require_row_in_scope(ctx, MeetingAgendaItem, item_id)
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
    require_meeting_in_scope(ctx, meeting_id)
    today = date.today()
    with ctx.read() as s:
        meeting = load_meeting(s, meeting_id)
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
