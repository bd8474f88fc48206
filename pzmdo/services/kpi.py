"""Spiegelinformatie: the quality figures K1–K13 computed from the register in SQL.

Every figure is a *population* (a SELECT of ids: the deceased in the period, the patients
marked in the period, the meetings held ...) with named *conditions* on it. One aggregate
query per population counts the population and every condition at once; the patients
behind a number are the same SELECT filtered by the same condition, so a count and its
drill-down cannot disagree. Medians are computed in SQL with window functions. Only the
consultation response time is counted in Python, per consultation (not per patient), with
the one working-day rule of the code base (``pzmdo.domain.consultations``).

Entry point for benchmarks: ``compute(ctx, start, end)`` (all figures, one period).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import (
    JSON,
    ColumnElement,
    Date,
    Select,
    and_,
    case,
    cast,
    func,
    literal,
    literal_column,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import Subquery

from pzmdo.domain import kpi as k
from pzmdo.domain.consultations import (
    Complexity,
    ConsultMode,
    ConsultStatus,
    TeamType,
    local_zone,
    working_days_between,
)
from pzmdo.domain.errors import NotFoundError, ValidationError
from pzmdo.domain.kpi import Denominator, Measure, Period
from pzmdo.domain.meetings import ItemStatus, MeetingStatus
from pzmdo.domain.permissions import Action
from pzmdo.services.consultations import _threshold_in
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.scope import (
    practice_clause,
    require_practice_in_scope,
    require_team_in_scope,
    scope_of,
)
from pzmdo.services.teams import team_practice_ids
from pzmdo.store.models import Patient, Practice
from pzmdo.store.models.careplan import CarePlanVersion
from pzmdo.store.models.careteam import PzpConversation, TeamMembership, VptzEvent
from pzmdo.store.models.consultations import Consultation, ConsultTeam
from pzmdo.store.models.kpi import KpiDenominator
from pzmdo.store.models.meetings import Meeting, MeetingAgendaItem, MeetingAttendance, MeetingTeam
from pzmdo.store.models.register import Death, HospitalMdo, Marking
from pzmdo.store.pagecache import larger_page_cache

AnySelect = Select[*tuple[Any, ...]]

# The figures for a whole region read some 40 MB of pages (care plans, markings, care
# teams of every marked patient): with the connection's usual 16 MB cache some are read
# and decrypted twice (issue 20: 1.3-1.5x the unencrypted file; 64 MB: about 1.0x).
KPI_CACHE_MIB = 64

# -- scope --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """Which practices the figures cover: one practice, a team's practices or all the user
    may see (``practice_ids`` None = no practice filter)."""

    label: str
    practice_ids: tuple[int, ...] | None
    team_id: int | None = None


def _scope(s: Session, ctx: AppContext, practice_id: int | None, team_id: int | None) -> Scope:
    if practice_id is not None and team_id is not None:
        raise ValidationError("Kies een praktijk óf een team, niet allebei.")
    # The practices this user may see (need to know, services/scope.py).
    seen = scope_of(s, ctx)
    visible = tuple(
        s.scalars(
            select(Practice.id).where(practice_clause(seen, Practice.id)).order_by(Practice.id)
        )
    )
    if practice_id is not None:
        practice = s.get(Practice, practice_id)
        if practice is None or practice_id not in visible:
            raise NotFoundError(
                f"Praktijk {practice_id} bestaat niet of valt buiten uw praktijken. "
                "Kies een praktijk uit de lijst."
            )
        return Scope(practice.name, (practice_id,))
    if team_id is not None:
        team = s.get(MeetingTeam, team_id)
        if team is None or not seen.sees_team(team_id):
            raise NotFoundError(
                f"Team {team_id} bestaat niet. Kies een team uit de lijst (pzmdo meeting teams)."
            )
        mine = tuple(p for p in team_practice_ids(s, team_id) if p in visible)
        return Scope(team.name, mine, team_id)
    practice_ids = _unless_all(s, visible)
    return Scope("Alle praktijken" if practice_ids is None else "Al uw praktijken", practice_ids)


def _unless_all(s: Session, practice_ids: tuple[int, ...]) -> tuple[int, ...] | None:
    """None (no filter at all) when the scope holds every practice of the register."""
    every = set(s.scalars(select(Practice.id)))
    return None if every <= set(practice_ids) else practice_ids


def _require_in_scope(ctx: AppContext, practice_id: int | None, team_id: int | None) -> None:
    """A practice or team outside the user's scope: the one audited refusal (issue 14)."""
    require_practice_in_scope(ctx, practice_id)
    require_team_in_scope(ctx, team_id)


def _in_scope(scope: Scope, patient_id: Any) -> ColumnElement[bool]:
    """The patient id belongs to a practice in scope: an IN over the (practice_id) index,
    not a lookup of every patient row."""
    if scope.practice_ids is None:
        return literal(True)
    patients = select(Patient.id).where(Patient.practice_id.in_(scope.practice_ids))
    clause: ColumnElement[bool] = patient_id.in_(patients)
    return clause


# -- SQL helpers --------------------------------------------------------------------------


def _days(s: Session, later: Any, earlier: Any) -> ColumnElement[Any]:
    """Whole days between two dates (or timestamps: their UTC date), on both engines."""
    if s.get_bind().dialect.name == "postgresql":
        return cast(later, Date) - cast(earlier, Date)
    return func.julianday(func.date(later)) - func.julianday(func.date(earlier))


def _json(s: Session, text_column: Any) -> Any:
    """A JSON text column read as JSON: PostgreSQL needs a cast (its ``->>`` takes json, not
    text); SQLite's JSON functions read the text as it is (a CAST there would be numeric)."""
    if s.get_bind().dialect.name == "postgresql":
        return cast(text_column, JSON)
    return type_coerce(text_column, JSON)


def _median(s: Session, values: AnySelect) -> tuple[float | None, int]:
    """The median of a one-column SELECT (labelled ``v``) and how many values it had."""
    sub = values.subquery()
    ranked = select(
        sub.c.v,
        func.row_number().over(order_by=sub.c.v).label("rn"),
        func.count().over().label("n"),
    ).subquery()
    row = s.execute(
        select(func.avg(ranked.c.v), func.max(ranked.c.n)).where(
            or_(ranked.c.rn == (ranked.c.n + 1) // 2, ranked.c.rn == (ranked.c.n + 2) // 2)
        )
    ).one()
    return (float(row[0]) if row[0] is not None else None), int(row[1] or 0)


def _any(*conditions: Any) -> ColumnElement[bool]:
    """EXISTS (SELECT 1 ... WHERE conditions): with nothing selected, an index holding the
    conditions' columns answers alone; ``exists()`` selects * and reads each row (on
    SQLCipher: decrypts its page), issue 20."""
    return select(literal_column("1")).where(*conditions).exists()


def _moment(day: date) -> datetime:
    """Local midnight at the start of ``day``, in UTC (how timestamps are stored)."""
    return datetime.combine(day, time(0), tzinfo=local_zone()).astimezone(UTC)


# -- populations --------------------------------------------------------------------------

Condition = Callable[[Subquery], ColumnElement[bool]]


@dataclass(frozen=True)
class _Population:
    query: AnySelect  # first column "id"; drill-down lists column "patient_id"
    conditions: dict[str, Condition]


def _first_marking(patient_id: Any) -> Any:
    return (
        select(func.min(Marking.marked_on))
        .where(Marking.patient_id == patient_id)
        .scalar_subquery()
    )


def _deceased(s: Session, p: Period, scope: Scope) -> _Population:
    """Everyone who died in the period (K1 takes the non-unexpected deaths among them)."""
    latest_plan = (
        select(_json(s, CarePlanVersion.content)["place_of_death"].as_string())
        .where(CarePlanVersion.patient_id == Death.patient_id)
        .order_by(CarePlanVersion.version.desc())
        .limit(1)
        .scalar_subquery()
    )
    query = select(
        Death.patient_id.label("id"),
        Death.patient_id.label("patient_id"),
        Death.died_on,
        Death.place,
        Death.not_unexpected,
        _first_marking(Death.patient_id).label("first_marked"),
        latest_plan.label("wish"),
        _vptz_start().label("vptz_start"),
    ).where(Death.died_on.between(p.start, p.end), _in_scope(scope, Death.patient_id))

    def concordant(pop: Subquery) -> ColumnElement[bool]:
        return or_(
            *(
                and_(pop.c.wish == wish, pop.c.place.in_(places))
                for wish, places in k.WISH_MATCHES.items()
            )
        )

    return _Population(
        query,
        {
            "not_unexpected": lambda pop: pop.c.not_unexpected.is_(True),
            "marked_before": lambda pop: and_(
                pop.c.not_unexpected.is_(True), pop.c.first_marked < pop.c.died_on
            ),
            "wish_known": lambda pop: pop.c.wish.in_(tuple(k.WISH_MATCHES)),
            "concordant": concordant,
            "vptz_before": lambda pop: pop.c.vptz_start.is_not(None),
        },
    )


def _vptz_start() -> Any:
    """The first VPTZ start on or before the death (correlated on Death)."""
    return (
        select(func.min(VptzEvent.event_on))
        .where(
            VptzEvent.patient_id == Death.patient_id,
            VptzEvent.status == "gestart",
            VptzEvent.event_on <= Death.died_on,
        )
        .scalar_subquery()
    )


def _death_days(s: Session, p: Period, scope: Scope, earlier: Any, *conditions: Any) -> AnySelect:
    """Days from ``earlier`` (correlated on Death) to the death, for a median: a narrow
    SELECT over the period's deaths (no care plan lookups)."""
    return select(_days(s, Death.died_on, earlier).label("v")).where(
        Death.died_on.between(p.start, p.end),
        _in_scope(scope, Death.patient_id),
        earlier.is_not(None),
        *conditions,
    )


def _prevalent(s: Session, p: Period, scope: Scope) -> _Population:
    """Patients marked at some time in the period."""
    query = (
        select(Marking.patient_id.label("id"), Marking.patient_id.label("patient_id"))
        .where(
            Marking.marked_on <= p.end,
            or_(Marking.closed_on.is_(None), Marking.closed_on >= p.start),
            _in_scope(scope, Marking.patient_id),
        )
        .distinct()
    )
    return _Population(
        query,
        {
            "pzp": lambda pop: _any(
                PzpConversation.patient_id == pop.c.id, PzpConversation.held_on <= p.end
            ),
            "careplan": lambda pop: _any(
                CarePlanVersion.patient_id == pop.c.id, CarePlanVersion.effective_on <= p.end
            ),
            "central": lambda pop: _any(
                TeamMembership.patient_id == pop.c.id,
                TeamMembership.role == "centrale_zorgverlener",
                TeamMembership.start_on <= p.end,
                or_(TeamMembership.end_on.is_(None), TeamMembership.end_on >= p.start),
            ),
            "vptz": lambda pop: _any(VptzEvent.patient_id == pop.c.id, VptzEvent.event_on <= p.end),
        },
    )


def _new_markings(p: Period, scope: Scope) -> _Population:
    query = (
        select(Marking.patient_id.label("id"), Marking.patient_id.label("patient_id"))
        .where(Marking.marked_on.between(p.start, p.end), _in_scope(scope, Marking.patient_id))
        .distinct()
    )
    return _Population(query, {})


def _hospital(p: Period, scope: Scope) -> _Population:
    query = (
        select(HospitalMdo.patient_id.label("id"), HospitalMdo.patient_id.label("patient_id"))
        .where(HospitalMdo.mdo_on.between(p.start, p.end), _in_scope(scope, HospitalMdo.patient_id))
        .distinct()
    )
    return _Population(query, {})


def _vptz_started(p: Period, scope: Scope) -> _Population:
    query = (
        select(VptzEvent.patient_id.label("id"), VptzEvent.patient_id.label("patient_id"))
        .where(
            VptzEvent.status == "gestart",
            VptzEvent.event_on.between(p.start, p.end),
            _in_scope(scope, VptzEvent.patient_id),
        )
        .distinct()
    )
    return _Population(query, {})


def _meetings(p: Period, scope: Scope) -> _Population:
    """Finished meetings in the period with at least one discussed patient of the scope."""
    discussed = _any(
        MeetingAgendaItem.meeting_id == Meeting.id,
        MeetingAgendaItem.status == ItemStatus.BESPROKEN.value,
        MeetingAgendaItem.patient_id.is_not(None),
        _in_scope(scope, MeetingAgendaItem.patient_id),
    )
    query = select(Meeting.id.label("id")).where(
        Meeting.status == MeetingStatus.AFGEROND.value,
        Meeting.held_on.between(p.start, p.end),
        discussed,
    )
    if scope.team_id is not None:
        query = query.where(Meeting.team_id == scope.team_id)

    def triad(pop: Subquery) -> ColumnElement[bool]:
        return and_(
            *(
                _any(
                    MeetingAttendance.meeting_id == pop.c.id,
                    MeetingAttendance.role == role,
                    MeetingAttendance.present.is_(True),
                )
                for role in k.TRIAD
            )
        )

    return _Population(query, {"triad": triad})


def _consultations(p: Period, scope: Scope) -> _Population:
    """Consultations requested in the period, not cancelled."""
    query = select(
        Consultation.id.label("id"),
        Consultation.patient_id.label("patient_id"),
        Consultation.requested_at,
        Consultation.advice_at,
        Consultation.mode,
        Consultation.complexity,
        ConsultTeam.team_type,
    ).where(
        Consultation.team_id == ConsultTeam.id,
        Consultation.requested_at >= _moment(p.start),
        Consultation.requested_at < _moment(p.end + timedelta(days=1)),
        Consultation.status != ConsultStatus.GEANNULEERD.value,
        _in_scope(scope, Consultation.patient_id),
    )
    return _Population(query, {"advised": lambda pop: pop.c.advice_at.is_not(None)})


def _counts(s: Session, population: _Population) -> dict[str, int]:
    """The population's size ("all") and every condition's count, in one query."""
    pop = population.query.subquery()
    names = list(population.conditions)
    columns = [func.count()] + [
        func.coalesce(func.sum(case((population.conditions[n](pop), 1), else_=0)), 0) for n in names
    ]
    row = s.execute(select(*columns).select_from(pop)).one()
    return {"all": int(row[0]), **{n: int(v) for n, v in zip(names, row[1:], strict=True)}}


# -- the figures --------------------------------------------------------------------------


@dataclass(frozen=True)
class KpiReport:
    """All measures for one period and scope."""

    period: Period
    scope: str
    measures: tuple[Measure, ...]
    denominators_missing: tuple[str, ...]  # Dutch: which external counts are not entered

    def get(self, key: str) -> Measure:
        for m in self.measures:
            if m.key == key:
                return m
        raise KeyError(key)


def _pct(key: str, num: int, den: int | None) -> Measure:
    return k.measure(key, k.percentage(num, den), num, den)


def _count(key: str, n: int) -> Measure:
    return k.measure(key, float(n), n, None)


def _median_measure(key: str, result: tuple[float | None, int], scale: float = 1.0) -> Measure:
    value, n = result
    return k.measure(key, None if value is None else round(value / scale, 1), n, None)


def _external(s: Session, scope: Scope, kind: Denominator, p: Period) -> int | None:
    """The sum of the entered counts of the scope's practices for exactly this period;
    None when any of them has not been entered."""
    practices = scope.practice_ids
    if practices is None:
        practices = tuple(s.scalars(select(Practice.id)))
    if not practices:
        return None
    rows = s.execute(
        select(KpiDenominator.practice_id, KpiDenominator.count).where(
            KpiDenominator.kind == kind.value,
            KpiDenominator.period_start == p.start,
            KpiDenominator.period_end == p.end,
            KpiDenominator.practice_id.in_(practices),
        )
    ).all()
    if {r[0] for r in rows} != set(practices):
        return None
    return sum(int(r[1]) for r in rows)


def _compute(s: Session, ctx: AppContext, p: Period, scope: Scope) -> KpiReport:
    out: list[Measure] = []
    missing: list[str] = []
    deceased = _deceased(s, p, scope)
    d = _counts(s, deceased)
    out.append(_pct("K1", d["marked_before"], d["not_unexpected"]))
    external_deaths = _external(s, scope, Denominator.DEATHS_NOT_UNEXPECTED, p)
    if external_deaths is None:
        missing.append(Denominator.DEATHS_NOT_UNEXPECTED.label)
    out.append(_pct("K1.extern", d["marked_before"], external_deaths))
    first = _first_marking(Death.patient_id)
    weeks = _death_days(s, p, scope, first, Death.not_unexpected.is_(True), first < Death.died_on)
    out.append(_median_measure("K1.weken", _median(s, weeks), 7.0))

    out.append(_count("K2", _counts(s, _new_markings(p, scope))["all"]))
    prevalent = _prevalent(s, p, scope)
    m = _counts(s, prevalent)
    out.append(_count("K2.prevalent", m["all"]))
    out.append(_pct("K3", m["pzp"], m["all"]))
    first_pzp = (
        select(
            PzpConversation.patient_id.label("pid"),
            func.min(PzpConversation.held_on).label("first_on"),
        )
        .where(PzpConversation.held_on <= p.end)
        .group_by(PzpConversation.patient_id)
        .subquery()
    )
    ppop = prevalent.query.subquery()
    pzp_days = _days(s, first_pzp.c.first_on, _first_marking(first_pzp.c.pid))
    out.append(
        _median_measure(
            "K3.dagen",
            _median(
                s,
                select(case((pzp_days < 0, 0), else_=pzp_days).label("v")).where(
                    first_pzp.c.pid.in_(select(ppop.c.id))
                ),
            ),
        )
    )
    out.append(_pct("K5", m["careplan"], m["all"]))
    out.append(_pct("CZ", m["central"], m["all"]))

    meetings = _counts(s, _meetings(p, scope))
    out.append(_pct("K6", meetings["triad"], meetings["all"]))

    known = _counts(s, _hospital(p, scope))["all"]
    hospital_list = _external(s, scope, Denominator.HOSPITAL_MDO_LIST, p)
    if hospital_list is None:
        missing.append(Denominator.HOSPITAL_MDO_LIST.label)
    out.append(_pct("K7", known, hospital_list))

    out.extend(_consultation_measures(s, p, scope))

    out.append(_count("K12", _counts(s, _vptz_started(p, scope))["all"]))
    out.append(_pct("K12.besproken", m["vptz"], m["all"]))
    out.append(_median_measure("K12.dagen", _median(s, _death_days(s, p, scope, _vptz_start()))))
    a = d
    out.append(_pct("K13", a["concordant"], a["wish_known"]))
    out.append(_pct("K13.wens", a["wish_known"], a["all"]))
    return KpiReport(p, scope.label, tuple(out), tuple(missing))


def _response_days(s: Session, p: Period, scope: Scope) -> list[tuple[int, float]]:
    """(patient id, working days from request to advice) per advised consultation.

    Working days need the holiday calendar (``domain.consultations``), so they are counted
    here per consultation (a few thousand a year in a region), not per patient."""
    consults = _consultations(p, scope)
    pop = consults.query.subquery()
    advised = s.execute(
        select(pop.c.patient_id, pop.c.requested_at, pop.c.advice_at).where(
            consults.conditions["advised"](pop)
        )
    ).all()
    return [(r[0], working_days_between(_aware(r[1]), _aware(r[2]))) for r in advised]


def _consultation_measures(s: Session, p: Period, scope: Scope) -> list[Measure]:
    consults = _consultations(p, scope)
    pop = consults.query.subquery()
    threshold = _threshold_in(s)
    spans = [days for _pid, days in _response_days(s, p, scope)]
    within = sum(1 for x in spans if x <= threshold)
    out = [
        _pct("K8", within, len(spans)),
        k.measure(
            "K8.werkdagen",
            None if not spans else round(k.median(spans) or 0.0, 1),
            len(spans),
            None,
        ),
    ]
    # Marking → first consultation, for patients whose first consultation is in the period.
    first = (
        select(
            Consultation.patient_id.label("pid"),
            func.min(Consultation.requested_at).label("first_at"),
        )
        .where(Consultation.status != ConsultStatus.GEANNULEERD.value)
        .group_by(Consultation.patient_id)
        .subquery()
    )
    gap = _days(s, first.c.first_at, _first_marking(first.c.pid))
    out.append(
        _median_measure(
            "K8.markering",
            _median(
                s,
                select(case((gap < 0, 0), else_=gap).label("v")).where(
                    first.c.first_at >= _moment(p.start),
                    first.c.first_at < _moment(p.end + timedelta(days=1)),
                    _first_marking(first.c.pid).is_not(None),
                    _in_scope(scope, first.c.pid),
                ),
            ),
        )
    )
    total = _counts(s, consults)["all"]
    out.append(_count("K9", total))
    groups = (
        ("vorm", pop.c.mode, ConsultMode),
        ("team", pop.c.team_type, TeamType),
        ("complexiteit", pop.c.complexity, Complexity),
    )
    for group, column, enum in groups:
        found = {r[0]: r[1] for r in s.execute(select(column, func.count()).group_by(column))}
        for member in enum:
            n = int(found.get(member.value, 0))
            out.append(k.breakdown(group, member.value, member.label, n, total))
    return out


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


# -- public entry points ------------------------------------------------------------------


def compute(
    ctx: AppContext,
    start: date,
    end: date,
    practice_id: int | None = None,
    team_id: int | None = None,
) -> KpiReport:
    """All figures for one period (inclusive) and scope."""
    require(ctx, Action.KPI_AGGREGATE)
    _require_in_scope(ctx, practice_id, team_id)
    p = k.period(start, end)
    with ctx.read() as s, larger_page_cache(s, KPI_CACHE_MIB):
        return _compute(s, ctx, p, _scope(s, ctx, practice_id, team_id))


def trend(
    ctx: AppContext,
    start: date,
    end: date,
    practice_id: int | None = None,
    team_id: int | None = None,
    count: int = 4,
) -> list[KpiReport]:
    """The figures for ``count`` periods of the same length ending with this one."""
    require(ctx, Action.KPI_AGGREGATE)
    _require_in_scope(ctx, practice_id, team_id)
    periods = k.trend_periods(k.period(start, end), count)
    with ctx.read() as s, larger_page_cache(s, KPI_CACHE_MIB):
        scope = _scope(s, ctx, practice_id, team_id)
        return [_compute(s, ctx, p, scope) for p in periods]
