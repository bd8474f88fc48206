"""Shared building blocks for the register services: validation, loading, audit details."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.bsn import validate_bsn
from pzmdo.domain.enums import LabelledEnum, PatientStatus, Sex
from pzmdo.domain.errors import NotFoundError, ValidationError
from pzmdo.domain.register import (
    Condition,
    Population,
    Wilsbekwaamheid,
    check_birth_date,
    name_words,
)
from pzmdo.domain.text import MAX_TEXT, clean_line, clean_text, search_key
from pzmdo.services.context import AppContext
from pzmdo.services.lookup import load_patient
from pzmdo.services.practices import practice_for_new_patient
from pzmdo.services.register.inputs import PatientInput
from pzmdo.store.models import Patient, Person
from pzmdo.store.models.register import (
    Marking,
    PatientWord,
    StatusEvent,
)

# -- helpers --------------------------------------------------------------------------------


def _today() -> date:
    return date.today()


MAX_NOTES = 20_000  # the patient's notes field


def _clean(text: str | None, what: str = "de tekst", *, limit: int = MAX_TEXT) -> str | None:
    """Free text: stripped, None when empty; control characters and overlong text refused."""
    return clean_text(text, what, limit=limit) or None


def _enum_value(enum: type[LabelledEnum], value: str | None, what: str) -> str | None:
    if value is None or not str(value).strip():
        return None
    try:
        return enum.from_text(str(value)).value
    except ValueError:
        choices = ", ".join(m.label.lower() for m in enum)
        raise ValidationError(
            f"Onbekende waarde '{value}' voor {what}. Kies uit: {choices}."
        ) from None


def validate_patient_input(data: PatientInput, today: date | None = None) -> PatientInput:
    """Check and normalise; raise a Dutch ValidationError on the first problem."""
    today = today or _today()
    given = clean_line(data.given_name, "de voornaam", limit=100)
    family = clean_line(data.family_name, "de achternaam", limit=100)
    clean_line(data.name_prefix, "het tussenvoegsel", limit=20)
    if not family:
        raise ValidationError("Vul de achternaam van de patiënt in.")
    if not given:
        raise ValidationError("Vul de voornaam (of voorletters) van de patiënt in.")
    if len(given) > 100 or len(family) > 100 or len(data.name_prefix or "") > 20:
        raise ValidationError("De naam is te lang. Kort de naam in en probeer het opnieuw.")
    check_birth_date(data.birth_date, today)
    bsn = validate_bsn(data.bsn) if data.bsn and _clean(data.bsn) else None
    sex = _enum_value(Sex, data.sex, "geslacht") or Sex.ONBEKEND.value
    populations = tuple(
        dict.fromkeys(_enum_value(Population, p, "bijzondere doelgroep") for p in data.populations)
    )
    his = _clean(data.his_number)
    for value, limit, what in (
        (his, 40, "Het HIS-patiëntnummer"),
        (data.phone, 40, "Het telefoonnummer"),
        (data.email, 200, "Het e-mailadres"),
        (data.address, 200, "Het adres"),
        (data.postcode, 10, "De postcode"),
        (data.city, 100, "De woonplaats"),
        (data.hospital, 200, "De naam van het ziekenhuis"),
        (data.specialist, 200, "De naam van de specialist"),
        (data.representative_name, 200, "De naam van de vertegenwoordiger"),
        (data.representative_relation, 80, "De relatie van de vertegenwoordiger"),
        (data.representative_phone, 40, "Het telefoonnummer van de vertegenwoordiger"),
    ):
        clean_line(value, what[:1].lower() + what[1:], limit=limit)
    return replace(
        data,
        given_name=given,
        family_name=family,
        name_prefix=_clean(data.name_prefix),
        sex=sex,
        bsn=bsn,
        his_number=his,
        phone=_clean(data.phone),
        email=_clean(data.email),
        address=_clean(data.address),
        postcode=_clean(data.postcode),
        city=_clean(data.city),
        condition=_enum_value(Condition, data.condition, "aandoening"),
        condition_note=_clean(data.condition_note),
        hospital=_clean(data.hospital),
        specialist=_clean(data.specialist),
        wilsbekwaamheid=_enum_value(Wilsbekwaamheid, data.wilsbekwaamheid, "wilsbekwaamheid"),
        representative_name=_clean(data.representative_name),
        representative_relation=_clean(data.representative_relation),
        representative_phone=_clean(data.representative_phone),
        populations=tuple(p for p in populations if p),
        notes=_clean(data.notes, "de notities", limit=MAX_NOTES),
    )


_PATIENT_FIELDS = (
    "given_name",
    "name_prefix",
    "family_name",
    "birth_date",
    "sex",
    "bsn",
    "his_number",
    "phone",
    "email",
    "address",
    "postcode",
    "city",
    "gp_person_id",
    "condition",
    "condition_note",
    "hospital",
    "specialist",
    "wilsbekwaamheid",
    "representative_name",
    "representative_relation",
    "representative_phone",
    "sharing_objection",
    "wlz_indication",
    "notes",
)


def _check_unique(s: Session, data: PatientInput, exclude_id: int | None = None) -> None:
    if data.bsn:
        other = s.scalars(select(Patient.id).where(Patient.bsn == data.bsn)).first()
        if other is not None and other != exclude_id:
            raise ValidationError(
                f"Er staat al een patiënt met BSN {data.bsn} in het register (nummer {other}). "
                "Open die patiënt in plaats van een nieuwe aan te maken."
            )
    if data.gp_person_id is not None and s.get(Person, data.gp_person_id) is None:
        raise NotFoundError("De gekozen huisarts staat niet (meer) in de lijst van zorgverleners.")


def _apply_patient(p: Patient, data: PatientInput) -> None:
    for name in _PATIENT_FIELDS:
        setattr(p, name, getattr(data, name))
    p.populations = ",".join(data.populations) or None
    p.search_name = search_key(data.given_name, data.name_prefix, data.family_name)


def _index_words(s: Session, patient_id: int, search_name: str) -> None:
    s.execute(delete(PatientWord).where(PatientWord.patient_id == patient_id))
    s.add_all(PatientWord(word=w, patient_id=patient_id) for w in sorted(name_words(search_name)))


def index_new_patients(s: Session, after_id: int) -> int:
    """Bulk-index the names of patients with an id above ``after_id`` (import, demo)."""
    rows = s.execute(select(Patient.id, Patient.search_name).where(Patient.id > after_id)).all()
    words = [{"word": w, "patient_id": pid} for pid, name in rows for w in name_words(name)]
    conn = s.connection()
    for start in range(0, len(words), 5000):
        conn.execute(insert(cast(Table, PatientWord.__table__)), words[start : start + 5000])
    return len(rows)


def _input_of(p: Patient) -> PatientInput:
    values = {name: getattr(p, name) for name in _PATIENT_FIELDS}
    return PatientInput(
        **values,
        populations=tuple(x for x in (p.populations or "").split(",") if x),
        is_fictional=p.is_fictional,
        practice_id=p.practice_id,  # shown; update_patient ignores it (moves: practices.move_patient)
    )


def _status_event(
    ctx: AppContext, s: Session, p: Patient, new: PatientStatus, on: date, reason: str | None
) -> None:
    old = p.status if p.id is not None and p.status else None
    s.add(
        StatusEvent(
            patient_id=p.id,
            from_status=old,
            to_status=new.value,
            on_date=on,
            reason=reason,
            by_user_id=ctx.user.id,
            by_login=ctx.user.login,
        )
    )
    p.status = new.value
    p.status_since = on
    if new in (PatientStatus.AFGEMELD, PatientStatus.OVERLEDEN):
        # Leaving the marked phase closes the open marking (one open marking per patient).
        for marking in s.scalars(
            select(Marking).where(Marking.patient_id == p.id, Marking.closed_on.is_(None))
        ):
            marking.closed_on = on


def _new_patient(ctx: AppContext, s: Session, data: PatientInput, today: date) -> Patient:
    data = validate_patient_input(data, today)
    _check_unique(s, data)
    p = Patient(status=PatientStatus.GESIGNALEERD.value, status_since=today)
    _apply_patient(p, data)
    p.is_fictional = data.is_fictional
    p.practice_id = practice_for_new_patient(s, ctx, data.practice_id)
    s.add(p)
    s.flush()
    _index_words(s, p.id, p.search_name)
    ctx.audit(s, AuditAction.PATIENT_ADD, patient_id=p.id, entity="patient", entity_id=p.id)
    return p


def _resolve_patient(
    ctx: AppContext, s: Session, patient_id: int | None, new: PatientInput | None, today: date
) -> tuple[Patient, bool]:
    if patient_id is not None:
        return load_patient(s, patient_id), False
    if new is None:
        raise ValidationError("Kies een patiënt of vul de gegevens van een nieuwe patiënt in.")
    return _new_patient(ctx, s, new, today), True
