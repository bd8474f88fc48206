"""Rendering a document from its data (reports layer) with its metadata."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from pzmdo.reports import model as rm
from pzmdo.services.context import AppContext
from pzmdo.services.documents.kinds import PATIENT_KINDS, TITLES
from pzmdo.services.documents.meeting_content import meeting_data
from pzmdo.services.documents.patient_content import _careplans_data, careplan_data
from pzmdo.store import audit_chain
from pzmdo.store.models import Patient, Practice
from pzmdo.store.models.meetings import Meeting, MeetingTeam

# -- rendering -------------------------------------------------------------------------------


def _render(
    ctx: AppContext,
    kind: str,
    patient_id: int | None,
    meeting_id: int | None,
    initials_only: bool,
) -> tuple[bytes, list[int], dict[int, int | None]]:
    from pzmdo.reports import agenda, batch, careplan, emergency, minutes, patient

    if kind in PATIENT_KINDS:
        assert patient_id is not None
        plan = careplan_data(ctx, patient_id)
        meta = _meta(ctx, kind, _plan_version_label(plan), patient_id=patient_id)
        renderer = {"careplan": careplan, "emergency": emergency, "patient": patient}[kind]
        return renderer.render(plan, meta), [patient_id], {patient_id: plan.version}

    assert meeting_id is not None
    meeting, patient_ids = meeting_data(ctx, meeting_id)
    if kind == "batch":
        plans = _careplans_data(ctx, patient_ids)
        label = f"zorgplannen bij overleg van {meeting.meeting_date:%d-%m-%Y}"
        data = batch.render(meeting, plans, _meta(ctx, kind, label, meeting_id=meeting_id))
        return (
            data,
            patient_ids,
            {pid: p.version for pid, p in zip(patient_ids, plans, strict=True)},
        )
    closed = meeting.status_label == "Afgerond"
    if kind == "agenda":
        label = f"agenda van {meeting.meeting_date:%d-%m-%Y}"
        meta = _meta(ctx, kind, label, meeting_id=meeting_id)
        data = agenda.render(meeting, meta, initials_only=initials_only)
    else:
        label = "verslag (vastgesteld)" if closed else "CONCEPT-verslag (overleg niet afgerond)"
        meta = _meta(ctx, kind, label, meeting_id=meeting_id)
        data = minutes.render(meeting, meta, initials_only=initials_only)
    return data, patient_ids, {}


def _plan_version_label(plan: rm.CarePlanData) -> str:
    if plan.version is None:
        return "nog geen zorgplan vastgelegd"
    when = f", actueel per {plan.current_as_of:%d-%m-%Y}" if plan.current_as_of else ""
    return f"zorgplan versie {plan.version}{when}"


def _meta(
    ctx: AppContext,
    kind: str,
    version_label: str,
    *,
    patient_id: int | None = None,
    meeting_id: int | None = None,
) -> rm.DocumentMeta:
    """The header: the patient's own practice, or the meeting's team."""
    with ctx.read() as s:
        if meeting_id is not None:
            owner = s.scalar(
                select(MeetingTeam.name)
                .join(Meeting, Meeting.team_id == MeetingTeam.id)
                .where(Meeting.id == meeting_id)
            )
        else:
            owner = s.scalar(
                select(Practice.name)
                .join(Patient, Patient.practice_id == Practice.id)
                .where(Patient.id == patient_id)
            )
        head = audit_chain.head(s).short
    return rm.DocumentMeta(
        kind=kind,
        title=TITLES[kind],
        practice_name=owner or "Huisartsenpraktijk",
        printed_by=ctx.user.name,
        printed_at=datetime.now().replace(microsecond=0),
        version_label=version_label,
        audit_head=head,
    )
