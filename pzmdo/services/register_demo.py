"""Fictional register data for ``pzmdo demo``: statuses, markings, signals, urgencies,
hospital MDO-PZ reports, dying phases and deaths for the demo patients.

Calibration (003:L609, L622; anchors A1): a practice register of about 100 palliative
patients sees roughly 30 non-unexpected deaths a year, so about 28 % of the register's
patients are deceased, with death dates spread over the last 12 months. The rest:
gesignaleerd ~12 %, gemarkeerd ~45 %, stervensfase ~4 %, afgemeld ~11 %.
Everything is written with bulk statements, so 100,000 patients take seconds.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, TypeVar, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.enums import Discipline, PatientStatus
from pzmdo.domain.register import (
    DEATH_FOLLOW_UPS,
    MARKED_STATUSES,
    SURPRISE_QUESTION_VERSION,
    DeteriorationIndicator,
    PlaceOfDeath,
    SignalSource,
    SignalType,
    StervensfaseIndicator,
)
from pzmdo.services.context import AppContext
from pzmdo.services.guard import demo_context
from pzmdo.store.models import Patient, Person
from pzmdo.store.models.base import Base
from pzmdo.store.models.register import (
    Death,
    FollowUpTask,
    HospitalMdo,
    Marking,
    Signal,
    StatusEvent,
    Stervensfase,
    UrgencyChange,
)

STATUS_SHARES = (
    (PatientStatus.GESIGNALEERD, 0.12),
    (PatientStatus.GEMARKEERD, 0.45),
    (PatientStatus.STERVENSFASE, 0.04),
    (PatientStatus.OVERLEDEN, 0.28),
    (PatientStatus.AFGEMELD, 0.11),
)
PLACE_SHARES = (
    (PlaceOfDeath.THUIS, 0.45),
    (PlaceOfDeath.VERPLEEGHUIS, 0.2),
    (PlaceOfDeath.ZIEKENHUIS, 0.15),
    (PlaceOfDeath.HOSPICE, 0.12),
    (PlaceOfDeath.PALLIATIEVE_UNIT, 0.03),
    (PlaceOfDeath.ONBEKEND, 0.05),
)
URGENCY_SHARES = (("groen", 0.4), ("geel", 0.3), ("oranje", 0.2), ("rood", 0.1))
HOSPITALS = (
    "Ziekenhuis Noordrand (fictief)",
    "Streekziekenhuis De Es (fictief)",
    "Medisch Centrum Veenstad (fictief)",
)
BATCH = 5_000
INDICATORS = [i.value for i in DeteriorationIndicator]
T = TypeVar("T")


def _pick(rng: random.Random, shares: Sequence[tuple[T, float]]) -> T:
    x = rng.random()
    for value, share in shares:
        x -= share
        if x < 0:
            return value
    return shares[-1][0]


def _flush(s: Session, model: type[Base], rows: list[dict[str, Any]]) -> None:
    """Core executemany (the ORM bulk path would emit one INSERT per row here)."""
    conn = s.connection()
    for start in range(0, len(rows), BATCH):
        conn.execute(insert(cast(Table, model.__table__)), rows[start : start + BATCH])


@dataclass
class _Rows:
    """The rows of one demo run, per table, written in bulk at the end."""

    user_id: int
    login: str
    today: date
    events: list[dict[str, Any]] = field(default_factory=list)
    signals: list[dict[str, Any]] = field(default_factory=list)
    marks: list[dict[str, Any]] = field(default_factory=list)
    urgencies: list[dict[str, Any]] = field(default_factory=list)
    hospital: list[dict[str, Any]] = field(default_factory=list)
    dying: list[dict[str, Any]] = field(default_factory=list)
    deaths: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)

    def event(
        self, row: dict[str, Any], to: PatientStatus, on: date, frm: str | None, why: str
    ) -> None:
        """A status change of the patient whose update ``row`` this is."""
        self.events.append(
            {
                "patient_id": row["id"],
                "from_status": frm,
                "to_status": to.value,
                "on_date": on,
                "reason": why,
                "by_user_id": self.user_id,
                "by_login": self.login,
            }
        )
        row["status_since"] = on


def add_demo(ctx: AppContext, seed: int) -> None:
    """Give every demo patient without register history a status and its history."""
    ctx = demo_context(ctx)
    rng = random.Random(seed * 7919 + 3)
    with ctx.unit() as s:
        done = select(StatusEvent.patient_id)
        patients = s.execute(
            select(Patient.id, Patient.birth_date, Patient.gp_person_id).where(
                Patient.is_fictional.is_(True), Patient.id.not_in(done)
            )
        ).all()
        if not patients:
            return
        gps = list(
            s.scalars(select(Person.id).where(Person.discipline == Discipline.HUISARTS.value))
        )
        rows = _Rows(ctx.user.id, ctx.user.login, date.today())
        for pid, birth, gp_id in patients:
            _demo_patient(rows, rng, pid, birth, gp_id or (gps[0] if gps else None))
        _write(s, rows)
        ctx.audit(s, AuditAction.DEMO_REGISTER, detail={"patienten": len(patients)})
    ctx.changes.publish("patient")


def _demo_patient(
    rows: _Rows, rng: random.Random, pid: int, birth: date, marker: int | None
) -> None:
    """One patient's history: signalled, then (by the drawn status) marked and onwards."""
    today = rows.today
    status = _pick(rng, STATUS_SHARES)
    first = today - timedelta(days=rng.randint(20, 540))
    first = max(first, birth + timedelta(days=365 * 40))
    signalled_on = first - timedelta(days=rng.randint(3, 60))
    row: dict[str, Any] = {
        "id": pid,
        "status": status.value,
        "status_since": today,
        "marked_on": None,
        "urgency": None,
        "urgency_since": None,
    }
    rows.event(row, PatientStatus.GESIGNALEERD, signalled_on, None, "signaal (fictief)")
    rows.signals.append(
        {
            "patient_id": pid,
            "signalled_on": signalled_on,
            "source": rng.choice(list(SignalSource)).value,
            "signal_type": rng.choice(list(SignalType)).value,
            "signalled_by": "fictieve melder",
            "note": "Fictief signaal",
            "handled_on": None if status is PatientStatus.GESIGNALEERD else first,
            "by_user_id": rows.user_id,
        }
    )
    if status is not PatientStatus.GESIGNALEERD:
        died_on = None
        marked_on = first
        if status is PatientStatus.OVERLEDEN:
            died_on = today - timedelta(days=rng.randint(0, 364))
            marked_on = min(marked_on, died_on - timedelta(days=rng.randint(7, 300)))
            marked_on = max(marked_on, signalled_on)
        _demo_marking(rows, rng, row, marked_on, marker)
        if status in MARKED_STATUSES:
            _demo_urgency(rows, rng, row, marked_on)
        _demo_after_marking(rows, rng, row, status, marked_on, died_on)
    rows.updates.append(row)


def _demo_marking(
    rows: _Rows, rng: random.Random, row: dict[str, Any], marked_on: date, marker: int | None
) -> None:
    """The marking (one in ten in a hospital MDO-PZ, with its report)."""
    pid = row["id"]
    in_hospital = rng.random() < 0.1
    rows.event(row, PatientStatus.GEMARKEERD, marked_on, "gesignaleerd", "markering (fictief)")
    row["marked_on"] = marked_on
    rows.marks.append(
        {
            "patient_id": pid,
            "marked_on": marked_on,
            "question_version": SURPRISE_QUESTION_VERSION,
            "surprise_answer": None if in_hospital else "nee",
            "marked_by_person_id": None if in_hospital else marker,
            "proposed_by": "MDO-PZ (fictief)" if in_hospital else "POH (fictief)",
            "indicators": ",".join(rng.sample(INDICATORS, rng.randint(0, 3))) or None,
            "other_grounds": None,
            "to_agenda": True,
            "in_hospital": in_hospital,
            "by_user_id": rows.user_id,
            "closed_on": None,
        }
    )
    if in_hospital:
        rows.hospital.append(
            {
                "patient_id": pid,
                "mdo_on": marked_on,
                "hospital": rng.choice(HOSPITALS),
                "specialist": "Dr. K. Oncoloog (fictief)",
                "marked_in_hospital": True,
                "acp_received": rng.random() < 0.5,
                "note": None,
                "by_user_id": rows.user_id,
            }
        )


def _demo_urgency(rows: _Rows, rng: random.Random, row: dict[str, Any], marked_on: date) -> None:
    code = str(_pick(rng, URGENCY_SHARES))
    since = marked_on + timedelta(days=rng.randint(0, max(0, (rows.today - marked_on).days)))
    row["urgency"], row["urgency_since"] = code, since
    rows.urgencies.append(
        {
            "patient_id": row["id"],
            "changed_on": since,
            "previous_code": None,
            "code": code,
            "seq": 1,
            "note": None,
            "by_user_id": rows.user_id,
        }
    )


def _demo_after_marking(
    rows: _Rows,
    rng: random.Random,
    row: dict[str, Any],
    status: PatientStatus,
    marked_on: date,
    died_on: date | None,
) -> None:
    """The dying phase, the death with its follow-up tasks, or the deregistration."""
    pid, today = row["id"], rows.today
    if status is PatientStatus.STERVENSFASE:
        start = max(marked_on, today - timedelta(days=rng.randint(0, 5)))
        rows.event(row, PatientStatus.STERVENSFASE, start, "gemarkeerd", "stervensfase (fictief)")
        rows.dying.append(
            {
                "patient_id": pid,
                "started_on": start,
                "indicators": ",".join(i.value for i in StervensfaseIndicator if rng.random() < 0.6)
                or None,
                "judged_by": "huisarts en wijkverpleging (fictief)",
                "zorgpad_started": True,
                "note": None,
                "by_user_id": rows.user_id,
            }
        )
    elif status is PatientStatus.OVERLEDEN and died_on is not None:
        rows.event(row, PatientStatus.OVERLEDEN, died_on, "gemarkeerd", "overleden (fictief)")
        _close_marking(rows.marks, pid, died_on)
        rows.deaths.append(
            {
                "patient_id": pid,
                "died_on": died_on,
                "place": str(_pick(rng, PLACE_SHARES)),
                "not_unexpected": True,
                "note": None,
                "by_user_id": rows.user_id,
            }
        )
        for kind, days in DEATH_FOLLOW_UPS:
            due = died_on + timedelta(days=days)
            rows.tasks.append(
                {
                    "patient_id": pid,
                    "kind": kind.value,
                    "due_on": due,
                    "done_on": due if due < today - timedelta(days=14) else None,
                    "done_by_user_id": None,
                    "note": None,
                }
            )
    elif status is PatientStatus.AFGEMELD:
        off = marked_on + timedelta(days=rng.randint(0, max(0, (today - marked_on).days)))
        rows.event(row, PatientStatus.AFGEMELD, off, "gemarkeerd", "niet meer palliatief (fictief)")
        _close_marking(rows.marks, pid, off)


def _write(s: Session, rows: _Rows) -> None:
    """Bulk inserts per table, then the patients' current state in one executemany."""
    for model, table_rows in (
        (StatusEvent, rows.events),
        (Signal, rows.signals),
        (Marking, rows.marks),
        (UrgencyChange, rows.urgencies),
        (HospitalMdo, rows.hospital),
        (Stervensfase, rows.dying),
        (Death, rows.deaths),
        (FollowUpTask, rows.tasks),
    ):
        _flush(s, model, table_rows)
    table = cast(Table, Patient.__table__)
    stmt = (
        update(table)
        .where(table.c.id == bindparam("pid"))
        .values(
            status=bindparam("status"),
            status_since=bindparam("status_since"),
            marked_on=bindparam("marked_on"),
            urgency=bindparam("urgency"),
            urgency_since=bindparam("urgency_since"),
        )
    )
    conn = s.connection()
    for row in rows.updates:
        row["pid"] = row.pop("id")
    for first_row in range(0, len(rows.updates), BATCH):
        conn.execute(stmt, rows.updates[first_row : first_row + BATCH])


def _close_marking(marks: list[dict[str, Any]], patient_id: int, on: date) -> None:
    """A patient who left the marked phase has no open marking."""
    if marks and marks[-1]["patient_id"] == patient_id:
        marks[-1]["closed_on"] = on
