"""Shared lookups of the trajectory services (session-taking, no guards)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pzmdo.domain.enums import LabelledEnum
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.text import display_name
from pzmdo.services.lookup import load_patient, load_person
from pzmdo.store.models import Patient, Person
from pzmdo.store.models.careplan import CarePlanVersion


def _today() -> date:
    return date.today()


def _patient(s: Session, patient_id: int) -> Patient:
    return load_patient(s, patient_id)


def _name(p: Patient) -> str:
    return display_name(p.given_name, p.name_prefix, p.family_name)


def _person(s: Session, person_id: int) -> Person:
    return load_person(s, person_id)


def _person_names(s: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i}
    if not wanted:
        return {}
    return dict(s.execute(select(Person.id, Person.name).where(Person.id.in_(wanted))).all())


def _careplan_version(s: Session, patient_id: int) -> int | None:
    return s.scalar(
        select(func.max(CarePlanVersion.version)).where(CarePlanVersion.patient_id == patient_id)
    )


def _codes(values: Iterable[str], enum: type[LabelledEnum], what: str) -> list[str]:
    out = []
    for v in values:
        try:
            code = enum.from_text(str(v)).value
        except ValueError:
            choices = ", ".join(m.label.lower() for m in enum)
            raise ValidationError(
                f"Onbekende waarde '{v}' voor {what}. Kies uit: {choices}."
            ) from None
        if code not in out:
            out.append(code)
    return out


def _code(value: str | None, enum: type[LabelledEnum], what: str) -> str:
    if value is None or not str(value).strip():
        raise ValidationError(f"Kies {what}; dit veld is verplicht.")
    return _codes([value], enum, what)[0]
