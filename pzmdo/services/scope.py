"""Who sees what: the one place that computes a user's scope (issue 14, need to know).

A user sees the patients of the practices they are attached to and of the practices of
their teams; ``Action.ALL_PRACTICES`` sees every practice. Every patient-linked query adds
``patient_clause(scope)``; every entry point that takes the id of a patient, meeting,
consultation or another patient-linked row calls a ``require_*_in_scope`` right after its
role guard, before it opens its unit: a refusal is one Dutch sentence and an audit event
written in its own transaction (the refused work never started), like a role refusal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, bindparam, false, literal, select, true, union_all
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.selectable import CompoundSelect

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.errors import OutOfScope
from pzmdo.domain.permissions import Action, allowed
from pzmdo.domain.practices import OUT_OF_SCOPE, Scope, compute_scope
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.store.models import Patient, Practice
from pzmdo.store.models.meetings import Meeting, MeetingAgendaItem, MeetingTeam
from pzmdo.store.models.practices import MeetingTeamPractice, UserPractice, UserTeam

# Everything a scope is made of in one round trip (issue 20: five queries were most of a
# search keystroke): every team with its practices, the user's practices and teams.
_SCOPE_ROWS: CompoundSelect[str, int, int | None] = union_all(
    select(literal("t"), MeetingTeam.id, MeetingTeamPractice.practice_id).outerjoin(
        MeetingTeamPractice, MeetingTeamPractice.team_id == MeetingTeam.id
    ),
    select(literal("p"), UserPractice.practice_id, literal(None)).where(
        UserPractice.user_id == bindparam("uid")
    ),
    select(literal("u"), UserTeam.team_id, literal(None)).where(
        UserTeam.user_id == bindparam("uid")
    ),
)


def scope_of(s: Session, ctx: AppContext) -> Scope:
    """The current user's scope, read in ``s`` (attachments may change during a session).

    A user who sees every practice needs no attachments read: that scope's clauses are
    all true, and its ``team_ids`` stay empty (``sees_team`` answers yes to every team)."""
    if allowed(ctx.user.roles, Action.ALL_PRACTICES):
        return Scope(True, frozenset(), frozenset())
    team_practices: dict[int, set[int]] = {}
    own_practices: list[int] = []
    own_teams: list[int] = []
    for kind, key, practice_id in s.execute(_SCOPE_ROWS, {"uid": ctx.user.id}):
        if kind == "t":
            found = team_practices.setdefault(key, set())
            if practice_id is not None:
                found.add(practice_id)
        elif kind == "p":
            own_practices.append(key)
        else:
            own_teams.append(key)
    return compute_scope(
        all_practices=False,
        own_practices=own_practices,
        own_teams=own_teams,
        team_practices=team_practices,
    )


def practice_clause(
    scope: Scope, column: InstrumentedAttribute[Any] | Any = Patient.practice_id
) -> ColumnElement[bool]:
    """SQL condition: ``column`` (a practice id, by default the patient's) is in scope."""
    if scope.all_practices:
        return true()
    if not scope.practice_ids:
        return false()
    clause: ColumnElement[bool] = column.in_(sorted(scope.practice_ids))
    return clause


def patient_clause(scope: Scope) -> ColumnElement[bool]:
    """SQL condition on ``Patient``: the patient belongs to a practice in scope."""
    return practice_clause(scope, Patient.practice_id)


def patient_id_clause(scope: Scope, column: Any) -> ColumnElement[bool]:
    """SQL condition on a table with a patient id column (no join with patient needed)."""
    if scope.all_practices:
        return true()
    clause: ColumnElement[bool] = column.in_(select(Patient.id).where(patient_clause(scope)))
    return clause


def team_clause(scope: Scope, column: Any = Meeting.team_id) -> ColumnElement[bool]:
    """SQL condition: ``column`` (a team id, by default the meeting's) is in scope."""
    if scope.all_practices:
        return true()
    if not scope.team_ids:
        return false()
    clause: ColumnElement[bool] = column.in_(sorted(scope.team_ids))
    return clause


@dataclass(frozen=True)
class ScopeInfo:
    """What the status bar shows: the user's practices and teams (names, sorted)."""

    all_practices: bool
    practices: tuple[tuple[int, str], ...]
    teams: tuple[tuple[int, str], ...]
    total_practices: int  # in the register (a user with one of one sees no clutter)
    total_teams: int

    @property
    def practice_ids(self) -> tuple[int, ...]:
        return tuple(p for p, _ in self.practices)

    @property
    def team_ids(self) -> tuple[int, ...]:
        return tuple(t for t, _ in self.teams)

    def describe(self) -> str:
        """Dutch one-liner: 'Praktijk A, Praktijk B · Kernteam Noord' or 'Alle praktijken'."""
        if self.all_practices:
            return "Alle praktijken"
        practices = ", ".join(n for _, n in self.practices) or "geen praktijk"
        teams = ", ".join(n for _, n in self.teams)
        return f"{practices} · {teams}" if teams else practices


def current_scope(ctx: AppContext) -> ScopeInfo:
    """The current user's practices and teams, by name."""
    require(ctx, Action.SESSION)
    with ctx.read() as s:
        scope = scope_of(s, ctx)
        practices = s.execute(
            select(Practice.id, Practice.name)
            .where(practice_clause(scope, Practice.id))
            .order_by(Practice.name, Practice.id)
        ).all()
        teams = s.execute(
            select(MeetingTeam.id, MeetingTeam.name)
            .where(team_clause(scope, MeetingTeam.id), MeetingTeam.active.is_(True))
            .order_by(MeetingTeam.name, MeetingTeam.id)
        ).all()
        total_p = len(s.scalars(select(Practice.id)).all())
        total_t = len(s.scalars(select(MeetingTeam.id).where(MeetingTeam.active.is_(True))).all())
    return ScopeInfo(
        scope.all_practices,
        tuple((p, n) for p, n in practices),
        tuple((t, n) for t, n in teams),
        total_p,
        total_t,
    )


# -- refusals ------------------------------------------------------------------------------------


def refuse(
    ctx: AppContext, entity: str, entity_id: int | None, *, patient_id: int | None = None
) -> None:
    """Record the refusal in its own transaction and raise the one Dutch message."""
    with ctx.unit() as s:
        ctx.audit(
            s, AuditAction.SCOPE_DENIED, patient_id=patient_id, entity=entity, entity_id=entity_id
        )
    raise OutOfScope(OUT_OF_SCOPE)


def require_patient_in_scope(ctx: AppContext, patient_id: int | None) -> None:
    """Refuse unless the patient belongs to a practice in scope (an unknown id passes:
    the service reports it as not found)."""
    if patient_id is None:
        return
    with ctx.read() as s:
        practice_id = s.scalar(select(Patient.practice_id).where(Patient.id == patient_id))
        if practice_id is None or scope_of(s, ctx).sees_practice(practice_id):
            return
    refuse(ctx, "patient", patient_id, patient_id=patient_id)


def require_patients_in_scope(ctx: AppContext, patient_ids: Iterable[int]) -> None:
    """Refuse unless every one of the patients is in scope (one refusal names the first)."""
    ids = list(patient_ids)
    with ctx.read() as s:
        scope = scope_of(s, ctx)
        if scope.all_practices:
            return
        outside: list[int] = []
        for start in range(0, len(ids), 500):  # SQLite's limit on bound parameters
            outside += s.scalars(
                select(Patient.id).where(
                    Patient.id.in_(ids[start : start + 500]), ~patient_clause(scope)
                )
            ).all()
    if outside:
        refuse(ctx, "patient", outside[0], patient_id=outside[0])


def require_meeting_in_scope(ctx: AppContext, meeting_id: int | None) -> None:
    """Refuse unless the meeting's team is in scope."""
    if meeting_id is None:
        return
    with ctx.read() as s:
        team_id = s.scalar(select(Meeting.team_id).where(Meeting.id == meeting_id))
        if team_id is None or scope_of(s, ctx).sees_team(team_id):
            return
    refuse(ctx, "meeting", meeting_id)


def require_team_in_scope(ctx: AppContext, team_id: int | None) -> None:
    if team_id is None:
        return
    with ctx.read() as s:
        exists = s.scalar(select(MeetingTeam.id).where(MeetingTeam.id == team_id))
        if exists is None or scope_of(s, ctx).sees_team(team_id):
            return
    refuse(ctx, "meeting_team", team_id)


def require_practice_in_scope(ctx: AppContext, practice_id: int | None) -> None:
    if practice_id is None:
        return
    with ctx.read() as s:
        exists = s.scalar(select(Practice.id).where(Practice.id == practice_id))
        if exists is None or scope_of(s, ctx).sees_practice(practice_id):
            return
    refuse(ctx, "practice", practice_id)


def require_items_in_scope(ctx: AppContext, item_ids: Iterable[int]) -> None:
    """Refuse unless the meetings of these agenda items are all in scope."""
    ids = list(item_ids)
    with ctx.read() as s:
        meetings: set[int] = set()
        for start in range(0, len(ids), 500):
            meetings |= set(
                s.scalars(
                    select(MeetingAgendaItem.meeting_id).where(
                        MeetingAgendaItem.id.in_(ids[start : start + 500])
                    )
                )
            )
    for meeting_id in sorted(meetings):
        require_meeting_in_scope(ctx, meeting_id)


def require_row_in_scope(ctx: AppContext, model: Any, row_id: int | None) -> None:
    """Refuse unless a row linked to a patient or a meeting (agenda item, decision, action,
    consultation, naaste, care-team membership ...) is in scope: its patient's practice, or
    for a row without a patient (a theme, a general action) its meeting's team."""
    if row_id is None:
        return
    meeting_col = getattr(model, "meeting_id", None)
    patient_col = getattr(model, "patient_id", None)
    with ctx.read() as s:
        cols = [c for c in (meeting_col, patient_col) if c is not None]
        row = s.execute(select(*cols).where(model.id == row_id)).first()
    if row is None:
        return
    values = dict(zip([c.key for c in cols], row, strict=True))
    if values.get("patient_id") is not None:
        require_patient_in_scope(ctx, values["patient_id"])
    elif values.get("meeting_id") is not None:
        require_meeting_in_scope(ctx, values["meeting_id"])
