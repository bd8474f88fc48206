"""Register reasons to put patients on the next meeting's agenda."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session

from pzmdo.domain.agenda import AgendaCandidate, AgendaReason
from pzmdo.domain.dates import format_date
from pzmdo.domain.permissions import Action
from pzmdo.domain.register import (
    ACTIVE_STATUSES,
    FollowUpKind,
    PlaceOfDeath,
    SignalType,
)
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.register.marking import urgency_levels_for
from pzmdo.services.scope import patient_clause, scope_of
from pzmdo.store.models import Patient
from pzmdo.store.models.register import (
    Death,
    FollowUpTask,
    HospitalMdo,
    Marking,
    Signal,
    UrgencyChange,
)

_T = TypeVar("_T")

# -- agenda ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Window:
    """Events that count: after ``since`` (the previous meeting, None: any), not after today,
    of ``patients`` (a condition on Patient: the team's practices within the user's scope)."""

    since: date | None
    today: date
    patients: ColumnElement[bool]

    def of_patients(self) -> Any:
        """The ids of those patients (a subquery over the practice index)."""
        return select(Patient.id).where(self.patients)

    def fresh(self, event_on: date, last_discussed: date | None) -> bool:
        """In the window and not yet discussed since it happened."""
        if event_on > self.today or (self.since is not None and event_on < self.since):
            return False
        return last_discussed is None or last_discussed <= event_on


def agenda_candidates(
    ctx: AppContext,
    since: date | None,
    today: date,
    practice_ids: Collection[int] | None = None,
) -> list[AgendaCandidate]:
    """Register reasons to discuss a patient at the next meeting (with ``practice_ids``:
    only patients of those practices, a team's agenda; always within the user's scope).

    Deceased since ``since`` (until the nabespreking task is done), urgency changed, newly
    marked (when "agenderen" was on) or signalled, and reported from a hospital MDO-PZ.
    With ``since`` None (no earlier meeting) every such event counts that happened after
    the patient was last discussed. Reads columns only (fast at 100,000 patients).
    """
    require(ctx, Action.MEETING_PREPARE)
    levels = {lv.code: lv for lv in urgency_levels_for(ctx)}

    def label(code: str | None) -> str | None:
        if code is None:
            return None
        return levels[code].label.lower() if code in levels else code

    with ctx.read() as s:
        mine = patient_clause(scope_of(s, ctx))
        if practice_ids is not None:
            mine = and_(mine, Patient.practice_id.in_(list(practice_ids)))
        window = _Window(since, today, mine)
        out = _deaths(s, window)
        out += _urgency_changes(s, window, label)
        markings = _new_markings(s, window)
        out += markings
        out += _open_signals(s, window, {c.patient_id for c in markings})
        out += _hospital_mdos(s, window)
    return out


def _deaths(s: Session, window: _Window) -> list[AgendaCandidate]:
    """Deaths: until the nabespreking task is done."""
    reviewed = (
        select(FollowUpTask.patient_id)
        .where(
            FollowUpTask.kind == FollowUpKind.NABESPREKING.value,
            FollowUpTask.done_on.is_not(None),
        )
        .scalar_subquery()
    )
    q = select(Death.patient_id, Death.died_on, Death.place).where(
        Death.died_on <= window.today,
        Death.patient_id.not_in(reviewed),
        Death.patient_id.in_(window.of_patients()),
    )
    if window.since is not None:
        q = q.where(Death.died_on >= window.since)
    return [
        AgendaCandidate(
            pid,
            AgendaReason.DECEASED,
            f"overleden op {format_date(died_on)} ({PlaceOfDeath(place).label.lower()})",
            died_on,
        )
        for pid, died_on, place in s.execute(q.order_by(Death.died_on))
    ]


def _urgency_changes(
    s: Session, window: _Window, label: Callable[[str | None], str | None]
) -> list[AgendaCandidate]:
    """Urgency: the latest change per patient (patient.urgency_since is that date)."""
    q = select(Patient.id, Patient.urgency, Patient.urgency_since, Patient.last_discussed_on).where(
        window.patients, Patient.status.in_(ACTIVE_STATUSES), Patient.urgency_since.is_not(None)
    )
    if window.since is not None:
        q = q.where(Patient.urgency_since >= window.since)
    changed = {
        pid: (code, on)
        for pid, code, on, last in s.execute(q)
        if on is not None and window.fresh(on, last)
    }
    if not changed:
        return []
    previous: dict[int, str | None] = {}
    uq = (
        select(UrgencyChange.patient_id, UrgencyChange.previous_code)
        .where(UrgencyChange.patient_id.in_(window.of_patients()))
        .order_by(UrgencyChange.changed_on, UrgencyChange.id)
    )
    if window.since is not None:
        uq = uq.where(UrgencyChange.changed_on >= window.since)
    for pid, prev in s.execute(uq):
        if pid in changed:
            previous[pid] = prev  # ordered by date: the last change wins
    out = []
    for pid, (code, on) in changed.items():
        before = label(previous.get(pid))
        text = f"kleur naar {label(code)}" + (f" (was {before})" if before else "")
        out.append(
            AgendaCandidate(pid, AgendaReason.URGENCY_CHANGED, f"{text} op {format_date(on)}", on)
        )
    return out


def _new_markings(s: Session, window: _Window) -> list[AgendaCandidate]:
    """New markings meant for the agenda (the latest marking per patient)."""
    q = (
        select(
            Marking.patient_id,
            Marking.marked_on,
            Marking.in_hospital,
            Patient.last_discussed_on,
        )
        .join(Patient, Patient.id == Marking.patient_id)
        .where(window.patients, Patient.status.in_(ACTIVE_STATUSES), Marking.to_agenda.is_(True))
        .order_by(Marking.marked_on.desc(), Marking.id.desc())
    )
    if window.since is not None:
        q = q.where(Marking.marked_on >= window.since)
    return [
        AgendaCandidate(
            pid,
            AgendaReason.NEWLY_MARKED_OR_SIGNALLED,
            f"gemarkeerd{' in het ziekenhuis' if in_hospital else ''} op {format_date(marked_on)}",
            marked_on,
        )
        for pid, marked_on, in_hospital in _latest_fresh(s.execute(q), window)
    ]


def _open_signals(s: Session, window: _Window, marked: set[int | None]) -> list[AgendaCandidate]:
    """Open signals ("te bespreken met de regiebehandelaar"), one per patient not already
    proposed as newly marked."""
    q = (
        select(Signal.patient_id, Signal.signalled_on, Signal.signal_type)
        .join(Patient, Patient.id == Signal.patient_id)
        .where(window.patients, Signal.handled_on.is_(None), Patient.status.in_(ACTIVE_STATUSES))
        .order_by(Signal.signalled_on)
    )
    if window.since is not None:
        q = q.where(Signal.signalled_on >= window.since)
    out = []
    done = set(marked)
    for pid, on, kind in s.execute(q):
        if pid in done or on > window.today:
            continue
        done.add(pid)
        out.append(
            AgendaCandidate(
                pid,
                AgendaReason.NEWLY_MARKED_OR_SIGNALLED,
                f"signaal op {format_date(on)}: {SignalType(kind).label.lower()}",
                on,
            )
        )
    return out


def _hospital_mdos(s: Session, window: _Window) -> list[AgendaCandidate]:
    """Hospital MDO-PZ reports (the latest per patient)."""
    q = (
        select(
            HospitalMdo.patient_id,
            HospitalMdo.mdo_on,
            HospitalMdo.hospital,
            Patient.last_discussed_on,
        )
        .join(Patient, Patient.id == HospitalMdo.patient_id)
        .where(window.patients, Patient.status.in_(ACTIVE_STATUSES))
        .order_by(HospitalMdo.mdo_on.desc(), HospitalMdo.id.desc())
    )
    if window.since is not None:
        q = q.where(HospitalMdo.mdo_on >= window.since)
    return [
        AgendaCandidate(
            pid, AgendaReason.HOSPITAL_MDO_PZ, f"MDO-PZ {hospital} op {format_date(on)}", on
        )
        for pid, on, hospital in _latest_fresh(s.execute(q), window)
    ]


def _latest_fresh(
    rows: Iterable[tuple[int, date, _T, date | None]], window: _Window
) -> Iterator[tuple[int, date, _T]]:
    """(patient, date, detail) of each patient's first row (rows come newest first) when it
    is fresh; the rows carry the patient's last-discussed date last."""
    seen: set[int] = set()
    for pid, on, detail, last in rows:
        if pid in seen:
            continue
        seen.add(pid)
        if window.fresh(on, last):
            yield pid, on, detail
