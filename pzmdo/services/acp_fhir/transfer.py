"""Reading and writing ACP files, importing into and exporting from a patient's care plan."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from pzmdo.domain import careplan as cp
from pzmdo.domain.audit import AuditAction
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import display_name, fold, search_key
from pzmdo.services.acp_fhir.export import response_from_content
from pzmdo.services.acp_fhir.parse import FormIdentity, content_from_response
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.lookup import load_patient
from pzmdo.services.practices import practice_for_new_patient
from pzmdo.services.scope import patient_clause, require_patient_in_scope, scope_of
from pzmdo.store.files import write_atomic
from pzmdo.store.models import Patient

MAX_FHIR_BYTES = 2 * 1024 * 1024  # an ACP form is tens of kilobytes


MAX_FHIR_DEPTH = 64  # the form nests items a few levels deep


def read_file(path: Path) -> Any:
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FHIR_BYTES:
            raise ValidationError(
                f"Het bestand '{path.name}' is groter dan {MAX_FHIR_BYTES // (1024 * 1024)} MB; "
                "dat is geen ACP-formulier. Kies de FHIR-export van het formulier."
            )
        raw = path.read_bytes()[: MAX_FHIR_BYTES + 1]
    except FileNotFoundError:
        raise ValidationError(f"Het bestand '{path}' bestaat niet. Controleer de naam.") from None
    except OSError as exc:
        raise ValidationError(
            f"Het bestand '{path}' kan niet worden gelezen ({exc.strerror})."
        ) from None
    if len(raw) > MAX_FHIR_BYTES or _depth(raw) > MAX_FHIR_DEPTH:
        raise ValidationError(
            f"Het bestand '{path.name}' is te groot of te diep genest voor een ACP-formulier. "
            "Kies de FHIR-export van het formulier."
        )
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ValidationError(
            f"Het bestand '{path}' is geen leesbaar JSON-bestand. Kies een FHIR-export (.json) "
            "van het landelijke ACP-formulier."
        ) from None


def _depth(raw: bytes) -> int:
    """The deepest nesting of brackets outside strings (checked before parsing)."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


@dataclass(frozen=True)
class ImportResult:
    patient_id: int
    patient_name: str
    version: int
    created_patient: bool
    unchanged: bool = False  # the form equals the current version: nothing new stored


def import_response(ctx: AppContext, data: Any, patient_id: int | None = None) -> ImportResult:
    """Store the form as a new care-plan version.

    Without ``patient_id`` the patient is found by the form's name and birth date (or created
    when there is none); with it, the form must not belong to someone else. A form equal
    to the current version stores nothing and says so (``unchanged``): not an error, so a
    script that imports the same file twice succeeds.
    """
    require(ctx, Action.CAREPLAN_EDIT)
    require_patient_in_scope(ctx, patient_id)
    from pzmdo.services.careplan import _same_as_latest, _store

    content, who = content_from_response(data)
    effective = cp.instant_date(content.filled_at) if content.filled_at else date.today()
    effective = min(effective, date.today())
    created = False
    with ctx.unit() as s:
        if patient_id is not None:
            patient = load_patient(s, patient_id)
            _check_same_person(patient, who)
        else:
            patient, created = _find_or_create(s, ctx, who)
        same = None if created else _same_as_latest(s, patient.id, content)
        if same is not None:
            version = same
        else:
            version = _store(
                s, ctx, patient.id, content, effective,
                "Ingelezen uit het landelijke ACP-formulier", "import", None,
            )  # fmt: skip
        ctx.audit(
            s,
            AuditAction.ACP_IMPORT,
            patient_id=patient.id,
            detail={"versie": version, "nieuwe_patient": created, "ongewijzigd": same is not None},
        )
        result = ImportResult(
            patient.id,
            display_name(patient.given_name, patient.name_prefix, patient.family_name),
            version,
            created,
            same is not None,
        )
    ctx.changes.publish("careplan", result.patient_id)
    ctx.changes.publish("patient", result.patient_id)
    return result


def _check_same_person(patient: Patient, who: FormIdentity) -> None:
    name = display_name(patient.given_name, patient.name_prefix, patient.family_name)
    if who.birth_date and who.birth_date != patient.birth_date:
        raise ValidationError(
            f"Het formulier hoort bij iemand geboren op {who.birth_date:%d-%m-%Y}, maar {name} "
            f"is geboren op {patient.birth_date:%d-%m-%Y}. Controleer of u de juiste patiënt "
            "en het juiste bestand hebt gekozen."
        )
    if who.family and fold(who.family) != fold(patient.family_name):
        form_name = display_name(who.given, who.prefix, who.family)
        raise ValidationError(
            f"Het formulier staat op naam van {form_name}, niet van {name}. Controleer of u de "
            "juiste patiënt en het juiste bestand hebt gekozen."
        )


def _find_or_create(s: Any, ctx: AppContext, who: FormIdentity) -> tuple[Patient, bool]:
    if not who.family or who.birth_date is None:
        raise ValidationError(
            "Het formulier bevat geen achternaam en geboortedatum van de patiënt, dus de "
            "patiënt kan niet worden gevonden. Geef de patiënt op met --patient ID."
        )
    candidates = [
        p
        for p in s.scalars(
            select(Patient).where(
                Patient.birth_date == who.birth_date, patient_clause(scope_of(s, ctx))
            )
        )
        if fold(p.family_name) == fold(who.family)
        and (not who.given or fold(p.given_name).split()[:1] == fold(who.given).split()[:1])
    ]
    if len(candidates) > 1:
        raise ValidationError(
            f"Er zijn {len(candidates)} patiënten met deze naam en geboortedatum. Geef de juiste "
            "patiënt op met --patient ID."
        )
    if candidates:
        return candidates[0], False
    if not who.given:
        raise ValidationError(
            "Het formulier bevat geen voornaam; een nieuwe patiënt kan niet worden aangemaakt. "
            "Geef de patiënt op met --patient ID."
        )
    practice_id = practice_for_new_patient(s, ctx, None)
    patient = Patient(
        practice_id=practice_id,
        given_name=who.given,
        name_prefix=who.prefix or None,
        family_name=who.family,
        search_name=search_key(who.given, who.prefix or None, who.family),
        birth_date=who.birth_date,
        notes="Aangemaakt bij het inlezen van een ACP-formulier",
    )
    s.add(patient)
    s.flush()
    return patient, True


def export_response(ctx: AppContext, patient_id: int) -> dict[str, Any]:
    """The current care plan as a QuestionnaireResponse of the national form."""
    require(ctx, Action.DOCUMENTS)
    require_patient_in_scope(ctx, patient_id)
    with ctx.unit() as s:
        patient = load_patient(s, patient_id)
        given, prefix, family, birth = (
            patient.given_name,
            patient.name_prefix,
            patient.family_name,
            patient.birth_date,
        )
    from pzmdo.services.careplan import current_plan

    plan = current_plan(ctx, patient_id)
    if plan is None:
        raise ValidationError(
            "Deze patiënt heeft nog geen zorgplan; er is niets om te exporteren. Vul eerst het "
            "zorgplan in."
        )
    content = plan.content
    if not content.filled_at:
        content = dataclasses.replace(content, filled_at=plan.effective_on.isoformat())
    response = response_from_content(
        content, given=given, prefix=prefix, family=family, birth_date=birth
    )
    with ctx.unit() as s:
        ctx.audit(s, AuditAction.ACP_EXPORT, patient_id=patient_id, detail={"versie": plan.version})
    return response


def write_export(ctx: AppContext, patient_id: int, out: Path) -> Path:
    """Write the export; the file appears complete or not at all."""
    require(ctx, Action.DOCUMENTS)
    require_patient_in_scope(ctx, patient_id)
    response = export_response(ctx, patient_id)
    out = Path(out)
    if out.is_dir():
        raise ValidationError(
            f"'{out}' is een map. Geef een bestandsnaam op, bijvoorbeeld acp.json."
        )
    if not out.parent.exists():
        raise ValidationError(f"De map '{out.parent}' bestaat niet. Kies een bestaande map.")
    try:
        write_atomic(out, json.dumps(response, ensure_ascii=False, indent=2).encode("utf-8"))
    except OSError as exc:
        raise ValidationError(
            f"Het bestand '{out}' kan niet worden geschreven ({exc.strerror})."
        ) from None
    return out
