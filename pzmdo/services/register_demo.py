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


def add_demo(ctx: AppContext, seed: int) -> None:
    """Give every demo patient without register history a status and its history."""
    ctx = demo_context(ctx)
    rng = random.Random(seed * 7919 + 3)
    today = date.today()
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
        user_id, login = ctx.user.id, ctx.user.login
        ev: list[dict[str, Any]] = []
        marks: list[dict[str, Any]] = []
        sigs: list[dict[str, Any]] = []
        urg: list[dict[str, Any]] = []
        hosp: list[dict[str, Any]] = []
        sterf: list[dict[str, Any]] = []
        deaths: list[dict[str, Any]] = []
        tasks: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        indicators = [i.value for i in DeteriorationIndicator]
        for pid, birth, gp_id in patients:
            status = _pick(rng, STATUS_SHARES)
            marker = gp_id or (gps[0] if gps else None)
            first = today - timedelta(days=rng.randint(20, 540))
            first = max(first, birth + timedelta(days=365 * 40))
            signalled_on = first - timedelta(days=rng.randint(3, 60))
            row = {
                "id": pid,
                "status": status.value,
                "status_since": today,
                "marked_on": None,
                "urgency": None,
                "urgency_since": None,
            }

            def event(
                to: PatientStatus,
                on: date,
                frm: str | None,
                why: str,
                pid: int = pid,
                row: dict[str, Any] = row,
            ) -> None:
                ev.append(
                    {
                        "patient_id": pid,
                        "from_status": frm,
                        "to_status": to.value,
                        "on_date": on,
                        "reason": why,
                        "by_user_id": user_id,
                        "by_login": login,
                    }
                )
                row["status_since"] = on

            event(PatientStatus.GESIGNALEERD, signalled_on, None, "signaal (fictief)")
            sigs.append(
                {
                    "patient_id": pid,
                    "signalled_on": signalled_on,
                    "source": rng.choice(list(SignalSource)).value,
                    "signal_type": rng.choice(list(SignalType)).value,
                    "signalled_by": "fictieve melder",
                    "note": "Fictief signaal",
                    "handled_on": None if status is PatientStatus.GESIGNALEERD else first,
                    "by_user_id": user_id,
                }
            )
            if status is PatientStatus.GESIGNALEERD:
                updates.append(row)
                continue
            marked_on = first
            if status is PatientStatus.OVERLEDEN:
                died_on = today - timedelta(days=rng.randint(0, 364))
                marked_on = min(marked_on, died_on - timedelta(days=rng.randint(7, 300)))
                marked_on = max(marked_on, signalled_on)
            in_hospital = rng.random() < 0.1
            event(PatientStatus.GEMARKEERD, marked_on, "gesignaleerd", "markering (fictief)")
            row["marked_on"] = marked_on
            marks.append(
                {
                    "patient_id": pid,
                    "marked_on": marked_on,
                    "question_version": SURPRISE_QUESTION_VERSION,
                    "surprise_answer": None if in_hospital else "nee",
                    "marked_by_person_id": None if in_hospital else marker,
                    "proposed_by": "MDO-PZ (fictief)" if in_hospital else "POH (fictief)",
                    "indicators": ",".join(rng.sample(indicators, rng.randint(0, 3))) or None,
                    "other_grounds": None,
                    "to_agenda": True,
                    "in_hospital": in_hospital,
                    "by_user_id": user_id,
                    "closed_on": None,
                }
            )
            if in_hospital:
                hosp.append(
                    {
                        "patient_id": pid,
                        "mdo_on": marked_on,
                        "hospital": rng.choice(HOSPITALS),
                        "specialist": "Dr. K. Oncoloog (fictief)",
                        "marked_in_hospital": True,
                        "acp_received": rng.random() < 0.5,
                        "note": None,
                        "by_user_id": user_id,
                    }
                )
            if status in MARKED_STATUSES:
                code = str(_pick(rng, URGENCY_SHARES))
                since = marked_on + timedelta(days=rng.randint(0, max(0, (today - marked_on).days)))
                row["urgency"], row["urgency_since"] = code, since
                urg.append(
                    {
                        "patient_id": pid,
                        "changed_on": since,
                        "previous_code": None,
                        "code": code,
                        "seq": 1,
                        "note": None,
                        "by_user_id": user_id,
                    }
                )
            if status is PatientStatus.STERVENSFASE:
                start = max(marked_on, today - timedelta(days=rng.randint(0, 5)))
                event(PatientStatus.STERVENSFASE, start, "gemarkeerd", "stervensfase (fictief)")
                sterf.append(
                    {
                        "patient_id": pid,
                        "started_on": start,
                        "indicators": ",".join(
                            i.value for i in StervensfaseIndicator if rng.random() < 0.6
                        )
                        or None,
                        "judged_by": "huisarts en wijkverpleging (fictief)",
                        "zorgpad_started": True,
                        "note": None,
                        "by_user_id": user_id,
                    }
                )
            elif status is PatientStatus.OVERLEDEN:
                event(PatientStatus.OVERLEDEN, died_on, "gemarkeerd", "overleden (fictief)")
                _close_marking(marks, pid, died_on)
                deaths.append(
                    {
                        "patient_id": pid,
                        "died_on": died_on,
                        "place": str(_pick(rng, PLACE_SHARES)),
                        "not_unexpected": True,
                        "note": None,
                        "by_user_id": user_id,
                    }
                )
                for kind, days in DEATH_FOLLOW_UPS:
                    due = died_on + timedelta(days=days)
                    tasks.append(
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
                event(PatientStatus.AFGEMELD, off, "gemarkeerd", "niet meer palliatief (fictief)")
                _close_marking(marks, pid, off)
            updates.append(row)
        for model, rows in (
            (StatusEvent, ev),
            (Signal, sigs),
            (Marking, marks),
            (UrgencyChange, urg),
            (HospitalMdo, hosp),
            (Stervensfase, sterf),
            (Death, deaths),
            (FollowUpTask, tasks),
        ):
            _flush(s, model, rows)
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
        for row in updates:
            row["pid"] = row.pop("id")
        for first_row in range(0, len(updates), BATCH):
            conn.execute(stmt, updates[first_row : first_row + BATCH])
        ctx.audit(s, AuditAction.DEMO_REGISTER, detail={"patienten": len(patients)})
    ctx.changes.publish("patient")


def _close_marking(marks: list[dict[str, Any]], patient_id: int, on: date) -> None:
    """A patient who left the marked phase has no open marking."""
    if marks and marks[-1]["patient_id"] == patient_id:
        marks[-1]["closed_on"] = on
