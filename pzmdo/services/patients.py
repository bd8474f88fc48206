"""Opening a patient record: the header every patient screen shows, audited as a read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pzmdo.domain.enums import PatientStatus
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import display_name
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.lookup import load_patient
from pzmdo.services.scope import require_patient_in_scope
from pzmdo.store.models import Patient


@dataclass(frozen=True)
class PatientHeader:
    id: int
    name: str
    birth_date: date
    age: int
    bsn: str | None
    status: str
    status_label: str
    is_fictional: bool


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def header_of(p: Patient, today: date | None = None) -> PatientHeader:
    return PatientHeader(
        id=p.id,
        name=display_name(p.given_name, p.name_prefix, p.family_name),
        birth_date=p.birth_date,
        age=age_on(p.birth_date, today or date.today()),
        bsn=p.bsn,
        status=p.status,
        status_label=PatientStatus(p.status).label,
        is_fictional=p.is_fictional,
    )


def open_patient_record(
    ctx: AppContext, patient_id: int, *, new_view: bool = True
) -> PatientHeader:
    """The patient's header; records in the audit trail that this user opened the record
    (``new_view=False``: the open view shows it again after a change, see record_opened)."""
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    with ctx.unit() as s:
        patient = load_patient(s, patient_id)
        ctx.record_opened(s, patient_id, new_view=new_view)
        return header_of(patient)
