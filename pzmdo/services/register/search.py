"""Searching patients and the register list (one query for the table, CSV and Excel)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, bindparam, case, exists, func, or_, select, true, union
from sqlalchemy.orm import Session, aliased

from pzmdo.domain.dates import parse_date
from pzmdo.domain.enums import PatientStatus
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.practices import Scope
from pzmdo.domain.register import (
    ACTIVE_STATUSES,
    UrgencyLevel,
    name_words,
)
from pzmdo.domain.text import display_name, fold
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.patients import PatientHeader, age_on
from pzmdo.services.register.helpers import _today
from pzmdo.services.register.inputs import ACTIVE, SORT_KEYS, RegisterQuery, RegisterRow
from pzmdo.services.register.marking import urgency_levels_for
from pzmdo.services.scope import (
    patient_clause,
    practice_clause,
    require_patients_in_scope,
    require_practice_in_scope,
    require_team_in_scope,
    scope_of,
)
from pzmdo.store.models import Patient, Person, Practice
from pzmdo.store.models.practices import MeetingTeamPractice
from pzmdo.store.models.register import (
    PatientWord,
    Signal,
)

# -- search and the register list -------------------------------------------------------------------


def _prefix_range(column: Any, prefix: str) -> Any:
    """``column LIKE 'prefix%'`` written so that the column's index is used."""
    return and_(column >= prefix, column < prefix + "\uffff")


# Index entries of one word prefix above which a top-20 search walks the names in order
# (the first matches of "a" or "de" come within a few hundred names) instead of
# collecting every patient with that word first (issue 20: 'a' 200 ms -> 1 ms).
COMMON_WORD = 5_000

# The search is built on the tables' columns (SQLAlchemy Core): a keystroke then skips the
# ORM's statement compilation and row handling (issue 20: its fixed cost per call).
_P = Patient.__table__.c
_W = PatientWord.__table__.c


def _as_date(raw: str) -> date | None:
    try:
        return parse_date(raw)
    except ValidationError:
        return None


def _name_search_words(raw: str) -> list[str]:
    """The words of a search by name, or [] for a birth date, a BSN or HIS number."""
    if not raw or _as_date(raw) is not None:
        return []
    digits = "".join(ch for ch in raw if ch not in " .-")
    if digits.isdigit() and len(digits) >= 3:
        return []
    return sorted(name_words(fold(raw)))


def _search_condition(text: str) -> Any | None:
    """The search as a condition on ``Patient`` (every match: each word an index range)."""
    raw = text.strip()
    return _condition_of(raw) if raw else None


def _condition_of(raw: str) -> Any:
    words = _name_search_words(raw)
    if words:
        listed = (_P.id.in_(select(_W.patient_id).where(_prefix_range(_W.word, w))) for w in words)
        return or_(and_(*listed), _P.his_number == raw)
    day = _as_date(raw)
    if day is not None:
        return _P.birth_date == day
    digits = "".join(ch for ch in raw if ch not in " .-")
    if digits.isdigit() and len(digits) >= 3:
        return or_(_prefix_range(_P.bsn, digits), _P.his_number == raw)
    return _P.his_number == raw


# A top-N search by name is built once per shape (number of words, plan, scoped or not)
# with its values bound at execution: building the statement was a third of a
# keystroke's fixed cost (issue 20). Word i is the index range lo{i} <= word < hi{i}.


def _word_range(i: int) -> Any:
    return and_(_W.word >= bindparam(f"lo{i}"), _W.word < bindparam(f"hi{i}"))


@functools.cache
def _sizes_statement(n: int) -> Select[Any]:
    """How common each of ``n`` words is (counted up to COMMON_WORD + 1), one round trip."""
    return select(
        *(
            select(func.count())
            .select_from(select(_W.word).where(_word_range(i)).limit(COMMON_WORD + 1).subquery())
            .scalar_subquery()
            for i in range(n)
        )
    )


@functools.cache
def _name_statement(n: int, walk: bool, scoped: bool, limit: int) -> Select[Any]:
    """Every word must start a word of the name ("berg", "ella", "van der"). The rarest
    word (bound first) drives through its index range, or, when every word is common, the
    names are walked in order and each word checked (the first 20 come within a few
    hundred names); never a scan of the patient table for a rare word."""
    his = _P.his_number == bindparam("his")
    has = [
        exists().where(_W.patient_id == _P.id, _word_range(i)) for i in range(0 if walk else 1, n)
    ]
    if walk:
        query = select(*_HEADER_COLUMNS).where(or_(and_(*has), his))
    else:
        # The candidates first: the rarest word's patients and a HIS number match, then
        # the other words. Equal to "(rarest and the others) or HIS number", written so
        # that PostgreSQL too starts from the candidates, not from the name order.
        candidates = union(
            select(_W.patient_id).where(_word_range(0)),
            select(_P.id).where(his),
        )
        query = select(*_HEADER_COLUMNS).where(
            _P.id.in_(candidates), or_(and_(*has), his) if has else true()
        )
    if scoped:
        query = query.where(_P.practice_id.in_(bindparam("practices", expanding=True)))
    return query.order_by(_P.search_name, _P.id).limit(limit)


def _name_search(
    s: Session, words: list[str], raw: str, scope: Scope, limit: int
) -> tuple[Select[Any], dict[str, Any]]:
    counts = s.execute(
        _sizes_statement(len(words)),
        {k: v for i, w in enumerate(words) for k, v in ((f"lo{i}", w), (f"hi{i}", w + "\uffff"))},
    ).one()
    sizes = {w: n or 0 for w, n in zip(words, counts, strict=True)}
    rarest = min(words, key=lambda w: sizes[w])
    ordered = [rarest, *(w for w in words if w != rarest)]
    params: dict[str, Any] = {"his": raw}
    for i, w in enumerate(ordered):
        params[f"lo{i}"], params[f"hi{i}"] = w, w + "\uffff"
    scoped = not scope.all_practices
    if scoped:
        params["practices"] = sorted(scope.practice_ids)
    walk = sizes[rarest] > COMMON_WORD
    return _name_statement(len(words), walk, scoped, limit), params


def _escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_patients(ctx: AppContext, text: str, limit: int = 20) -> list[PatientHeader]:
    """Find patients by name (any word prefix), BSN (prefix), HIS number or birth date."""
    require(ctx, Action.VIEW_REGISTER)
    today = _today()
    raw = text.strip()
    if not raw:
        return []
    with ctx.read() as s:
        scope = scope_of(s, ctx)
        if not scope.all_practices and not scope.practice_ids:
            return []
        words = _name_search_words(raw)
        if words:
            query, params = _name_search(s, words, raw, scope, limit)
        else:
            query = (
                select(*_HEADER_COLUMNS)
                .where(_condition_of(raw), practice_clause(scope, _P.practice_id))
                .order_by(_P.search_name, _P.id)
                .limit(limit)
            )
            params = {}
        # Plain rows of the header's columns, no ORM objects: a keystroke's fixed cost.
        return [
            PatientHeader(
                id=r.id,
                name=display_name(r.given_name, r.name_prefix, r.family_name),
                birth_date=r.birth_date,
                age=age_on(r.birth_date, today),
                bsn=r.bsn,
                status=r.status,
                status_label=PatientStatus(r.status).label,
                is_fictional=r.is_fictional,
            )
            for r in s.execute(query, params)
        ]


_HEADER_COLUMNS = (
    _P.id,
    _P.given_name,
    _P.name_prefix,
    _P.family_name,
    _P.birth_date,
    _P.bsn,
    _P.status,
    _P.is_fictional,
)


def _filtered(q: Any, query: RegisterQuery, scope: Scope) -> Any:
    q = q.where(patient_clause(scope))  # need to know: only the user's practices
    if query.practice_ids:
        q = q.where(Patient.practice_id.in_(query.practice_ids))
    if query.team_id is not None:
        q = q.where(
            Patient.practice_id.in_(
                select(MeetingTeamPractice.practice_id).where(
                    MeetingTeamPractice.team_id == query.team_id
                )
            )
        )
    if query.status == ACTIVE:
        q = q.where(Patient.status.in_(ACTIVE_STATUSES))
    elif query.status:
        q = q.where(Patient.status == query.status)
    if query.gp_person_id is not None:
        q = q.where(Patient.gp_person_id == query.gp_person_id)
    if query.without_central_caregiver:
        q = q.where(Patient.central_caregiver_id.is_(None))
    if query.never_discussed:
        q = q.where(Patient.last_discussed_on.is_(None))
    if query.open_signals:
        q = q.where(Patient.id.in_(select(Signal.patient_id).where(Signal.handled_on.is_(None))))
    cond = _search_condition(query.search)
    if cond is not None:
        q = q.where(cond)
    return q


def register_ids(
    ctx: AppContext, query: RegisterQuery, levels: Iterable[UrgencyLevel] = ()
) -> list[int]:
    """The ids of the register rows for these filters, in display order."""
    require(ctx, Action.VIEW_REGISTER)
    levels = tuple(levels) or urgency_levels_for(ctx)
    gp = aliased(Person)
    central = aliased(Person)
    q = select(Patient.id)
    sort = query.sort if query.sort in SORT_KEYS else "name"
    if sort == "name":
        key: Any = Patient.search_name
    elif sort == "age":
        key = Patient.birth_date.desc()  # ascending age = latest birth first
    elif sort == "status":
        order = {x.value: i for i, x in enumerate(PatientStatus)}
        key = case(order, value=Patient.status, else_=99)
    elif sort == "gp":
        q = q.outerjoin(gp, gp.id == Patient.gp_person_id)
        key = gp.name
    elif sort == "practice":
        q = q.join(Practice, Practice.id == Patient.practice_id)
        key = Practice.name
    elif sort == "central":
        q = q.outerjoin(central, central.id == Patient.central_caregiver_id)
        key = central.name
    elif sort == "urgency":
        key = case({lv.code: i for i, lv in enumerate(levels)}, value=Patient.urgency, else_=-1)
    else:
        key = getattr(Patient, sort)
    if query.descending:
        key = key.desc() if sort != "age" else Patient.birth_date
    with ctx.read() as s:
        q = _filtered(q, query, scope_of(s, ctx))
        return list(s.scalars(q.order_by(key, Patient.search_name, Patient.id)))


def register_rows(
    ctx: AppContext, ids: Sequence[int], levels: Iterable[UrgencyLevel] = ()
) -> list[RegisterRow]:
    """Rows for these ids (in the same order; missing ids are left out)."""
    require(ctx, Action.VIEW_REGISTER)
    if not ids:
        return []
    require_patients_in_scope(ctx, ids)
    by_code = {lv.code: lv for lv in (tuple(levels) or urgency_levels_for(ctx))}
    gp = aliased(Person)
    central = aliased(Person)
    today = _today()
    found: dict[int, RegisterRow] = {}
    with ctx.read() as s:
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            rows = s.execute(
                select(Patient, gp.name, central.name, Practice.name)
                .join(Practice, Practice.id == Patient.practice_id)
                .outerjoin(gp, gp.id == Patient.gp_person_id)
                .outerjoin(central, central.id == Patient.central_caregiver_id)
                .where(Patient.id.in_(chunk))
            ).all()
            for p, gp_name, central_name, practice_name in rows:
                level = by_code.get(p.urgency or "")
                age_day = p.status_since if p.status == "overleden" and p.status_since else today
                found[p.id] = RegisterRow(
                    id=p.id,
                    name=display_name(p.given_name, p.name_prefix, p.family_name),
                    birth_date=p.birth_date,
                    age=age_on(p.birth_date, age_day),
                    bsn=p.bsn,
                    status=p.status,
                    status_label=PatientStatus(p.status).label,
                    gp_name=gp_name,
                    marked_on=p.marked_on,
                    central_caregiver_name=central_name,
                    last_discussed_on=p.last_discussed_on,
                    next_review_on=p.next_review_on,
                    urgency=p.urgency,
                    urgency_label=level.label if level else p.urgency,
                    urgency_colour=level.colour if level else None,
                    is_fictional=p.is_fictional,
                    practice_id=p.practice_id,
                    practice_name=practice_name,
                )
    return [found[i] for i in ids if i in found]


def list_patients(
    ctx: AppContext,
    status: str | None = None,
    *,
    practice_id: int | None = None,
    team_id: int | None = None,
) -> list[RegisterRow]:
    """The register within the user's scope (for the CLI); ``status`` a status code,
    'actief' or None; optionally one practice or a team's practices."""
    require(ctx, Action.VIEW_REGISTER)
    if status and status != ACTIVE:
        try:
            status = PatientStatus.from_text(status).value
        except ValueError:
            choices = ", ".join([ACTIVE] + [x.value for x in PatientStatus])
            raise ValidationError(f"Onbekende status '{status}'. Kies uit: {choices}.") from None
    require_practice_in_scope(ctx, practice_id)
    require_team_in_scope(ctx, team_id)
    query = RegisterQuery(
        status=status, practice_ids=(practice_id,) if practice_id else (), team_id=team_id
    )
    ids = register_ids(ctx, query)
    return register_rows(ctx, ids)


def count_by_status(ctx: AppContext) -> dict[str, int]:
    require(ctx, Action.VIEW_REGISTER)
    with ctx.read() as s:
        return dict(
            s.execute(
                select(Patient.status, func.count())
                .where(patient_clause(scope_of(s, ctx)))
                .group_by(Patient.status)
            ).all()
        )
