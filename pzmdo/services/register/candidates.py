"""Register reasons to put patients on the next meeting's agenda."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

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
from pzmdo.store.models import Patient
from pzmdo.store.models.register import (
    Death,
    FollowUpTask,
    HospitalMdo,
    Marking,
    Signal,
    UrgencyChange,
)

# -- agenda ------------------------------------------------------------------------------------------


def agenda_candidates(ctx: AppContext, since: date | None, today: date) -> list[AgendaCandidate]:
    """Register reasons to discuss a patient at the next meeting.

    Deceased since ``since`` (until the nabespreking task is done), urgency changed, newly
    marked (when "agenderen" was on) or signalled, and reported from a hospital MDO-PZ.
    With ``since`` None (no earlier meeting) every such event counts that happened after
    the patient was last discussed. Reads columns only (fast at 100,000 patients).
    """
    require(ctx, Action.MEETING_PREPARE)
    out: list[AgendaCandidate] = []
    levels = {lv.code: lv for lv in urgency_levels_for(ctx)}
    active = [x.value for x in ACTIVE_STATUSES]

    def fresh(event_on: date, last_discussed: date | None) -> bool:
        if event_on > today or (since is not None and event_on < since):
            return False
        return last_discussed is None or last_discussed <= event_on

    def label(code: str | None) -> str | None:
        if code is None:
            return None
        return levels[code].label.lower() if code in levels else code

    with ctx.read() as s:
        # Deaths: until the nabespreking task is done.
        reviewed = (
            select(FollowUpTask.patient_id)
            .where(
                FollowUpTask.kind == FollowUpKind.NABESPREKING.value,
                FollowUpTask.done_on.is_not(None),
            )
            .scalar_subquery()
        )
        q = select(Death.patient_id, Death.died_on, Death.place).where(
            Death.died_on <= today, Death.patient_id.not_in(reviewed)
        )
        if since is not None:
            q = q.where(Death.died_on >= since)
        for pid, died_on, place in s.execute(q.order_by(Death.died_on)):
            out.append(
                AgendaCandidate(
                    pid,
                    AgendaReason.DECEASED,
                    f"overleden op {format_date(died_on)} ({PlaceOfDeath(place).label.lower()})",
                    died_on,
                )
            )
        # Urgency: the latest change per patient (patient.urgency_since is that date).
        q = select(
            Patient.id, Patient.urgency, Patient.urgency_since, Patient.last_discussed_on
        ).where(Patient.status.in_(active), Patient.urgency_since.is_not(None))
        if since is not None:
            q = q.where(Patient.urgency_since >= since)
        changed = {pid: (code, on, last) for pid, code, on, last in s.execute(q) if fresh(on, last)}
        if changed:
            previous: dict[int, str | None] = {}
            uq = select(UrgencyChange.patient_id, UrgencyChange.previous_code).order_by(
                UrgencyChange.changed_on, UrgencyChange.id
            )
            if since is not None:
                uq = uq.where(UrgencyChange.changed_on >= since)
            for pid, prev in s.execute(uq):
                if pid in changed:
                    previous[pid] = prev  # ordered by date: the last change wins
            for pid, (code, on, _last) in changed.items():
                before = label(previous.get(pid))
                text = f"kleur naar {label(code)}" + (f" (was {before})" if before else "")
                out.append(
                    AgendaCandidate(
                        pid, AgendaReason.URGENCY_CHANGED, f"{text} op {format_date(on)}", on
                    )
                )
        # New markings meant for the agenda (the latest marking per patient).
        q = (
            select(
                Marking.patient_id,
                Marking.marked_on,
                Marking.in_hospital,
                Patient.last_discussed_on,
            )
            .join(Patient, Patient.id == Marking.patient_id)
            .where(Patient.status.in_(active), Marking.to_agenda.is_(True))
            .order_by(Marking.marked_on.desc(), Marking.id.desc())
        )
        if since is not None:
            q = q.where(Marking.marked_on >= since)
        seen: set[int] = set()
        for pid, marked_on, in_hospital, last in s.execute(q):
            if pid in seen or not fresh(marked_on, last):
                seen.add(pid)
                continue
            seen.add(pid)
            where = " in het ziekenhuis" if in_hospital else ""
            out.append(
                AgendaCandidate(
                    pid,
                    AgendaReason.NEWLY_MARKED_OR_SIGNALLED,
                    f"gemarkeerd{where} op {format_date(marked_on)}",
                    marked_on,
                )
            )
        # Open signals: "te bespreken met de regiebehandelaar".
        q = (
            select(Signal.patient_id, Signal.signalled_on, Signal.signal_type)
            .join(Patient, Patient.id == Signal.patient_id)
            .where(Signal.handled_on.is_(None), Patient.status.in_(active))
            .order_by(Signal.signalled_on)
        )
        if since is not None:
            q = q.where(Signal.signalled_on >= since)
        marked_now = {
            c.patient_id for c in out if c.reason is AgendaReason.NEWLY_MARKED_OR_SIGNALLED
        }
        for pid, on, kind in s.execute(q):
            if pid in marked_now or on > today:
                continue
            marked_now.add(pid)
            out.append(
                AgendaCandidate(
                    pid,
                    AgendaReason.NEWLY_MARKED_OR_SIGNALLED,
                    f"signaal op {format_date(on)}: {SignalType(kind).label.lower()}",
                    on,
                )
            )
        # Hospital MDO-PZ reports (the latest per patient).
        q = (
            select(
                HospitalMdo.patient_id,
                HospitalMdo.mdo_on,
                HospitalMdo.hospital,
                Patient.last_discussed_on,
            )
            .join(Patient, Patient.id == HospitalMdo.patient_id)
            .where(Patient.status.in_(active))
            .order_by(HospitalMdo.mdo_on.desc(), HospitalMdo.id.desc())
        )
        if since is not None:
            q = q.where(HospitalMdo.mdo_on >= since)
        hseen: set[int] = set()
        for pid, on, hospital, last in s.execute(q):
            if pid in hseen:
                continue
            hseen.add(pid)
            if fresh(on, last):
                out.append(
                    AgendaCandidate(
                        pid,
                        AgendaReason.HOSPITAL_MDO_PZ,
                        f"MDO-PZ {hospital} op {format_date(on)}",
                        on,
                    )
                )
    return out
