"""Practices of the register and moving a patient between them (issue 14).

Every patient belongs to one practice. A move to another practice is a dated history row
and an audit event; the patient's practice column follows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.errors import NotFoundError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.practices import validate_practice_agb
from pzmdo.domain.text import clean_line, clean_text
from pzmdo.services.context import AppContext, check_version
from pzmdo.services.guard import require
from pzmdo.services.scope import practice_clause, require_patient_in_scope, scope_of
from pzmdo.store.models import Patient, Practice
from pzmdo.store.models.practices import PatientPracticeMove, UserPractice


@dataclass(frozen=True)
class PracticeInput:
    name: str
    agb_code: str = ""
    address: str = ""
    postcode: str = ""
    city: str = ""
    phone: str = ""
    hap_name: str = ""
    hap_phone: str = ""


@dataclass(frozen=True)
class PracticeInfo:
    id: int
    name: str
    agb_code: str
    address: str
    postcode: str
    city: str
    phone: str
    hap_name: str
    hap_phone: str
    active: bool
    in_scope: bool  # the current user sees this practice's patients
    patient_count: int = 0  # only counted for practices in scope

    def describe(self) -> str:
        """'Huisartsenpraktijk De Linde (fictief), Assen'"""
        return f"{self.name}, {self.city}" if self.city else self.name


@dataclass(frozen=True)
class PracticeMove:
    id: int
    patient_id: int
    moved_on: date
    from_practice: str
    to_practice: str
    reason: str
    by: str


def _info(p: Practice, in_scope: bool, count: int = 0) -> PracticeInfo:
    return PracticeInfo(
        p.id, p.name, p.agb_code or "", p.address or "", p.postcode or "", p.city or "",
        p.phone or "", p.hap_name or "", p.hap_phone or "", bool(p.active), in_scope, count,
    )  # fmt: skip


def _values(data: PracticeInput) -> dict[str, str | None]:
    postcode = clean_line(data.postcode, "de postcode", limit=10).upper()
    return {
        "name": clean_line(data.name, "de naam van de praktijk", required=True, limit=200),
        "agb_code": validate_practice_agb(data.agb_code),
        "address": clean_line(data.address, "het adres", limit=200) or None,
        "postcode": postcode or None,
        "city": clean_line(data.city, "de plaats", limit=100) or None,
        "phone": clean_line(data.phone, "het telefoonnummer", limit=40) or None,
        "hap_name": clean_line(data.hap_name, "de naam van de huisartsenpost", limit=200) or None,
        "hap_phone": clean_line(data.hap_phone, "het nummer van de huisartsenpost", limit=40)
        or None,
    }


def _check_unique(s: Session, values: dict[str, str | None], practice_id: int | None) -> None:
    for column, what in ((Practice.name, "naam"), (Practice.agb_code, "AGB-code")):
        value = values[column.key]
        if value is None:
            continue
        clash = s.scalar(
            select(Practice.name).where(
                func.lower(column) == value.lower(), Practice.id != (practice_id or -1)
            )
        )
        if clash is not None:
            raise ValidationError(
                f"Er is al een praktijk met deze {what} ('{clash}'). Kies een andere {what} "
                "of wijzig de bestaande praktijk."
            )


def get_practice_row(s: Session, practice_id: int) -> Practice:
    practice = s.get(Practice, practice_id)
    if practice is None:
        raise NotFoundError(f"Praktijk {practice_id} bestaat niet. Kies een praktijk uit de lijst.")
    return practice


def practice_for_new_patient(s: Session, ctx: AppContext, practice_id: int | None) -> int:
    """The practice a new patient joins: the one asked for, else the user's only practice
    (or the only one they see, or the register's only one). Check an asked-for practice's
    scope before the unit (``require_practice_in_scope``); here it must exist and be active."""
    if practice_id is not None:
        practice = get_practice_row(s, practice_id)
        if not practice.active:
            raise ValidationError(
                f"{practice.name} is niet meer actief en neemt geen patiënten aan. Kies een "
                "andere praktijk."
            )
        return practice.id
    active = select(Practice.id).where(Practice.active.is_(True)).order_by(Practice.id)
    own = active.join(UserPractice, UserPractice.practice_id == Practice.id).where(
        UserPractice.user_id == ctx.user.id
    )
    in_view = active.where(practice_clause(scope_of(s, ctx), Practice.id))
    found = {}
    for name, query in (("own", own), ("in_view", in_view), ("all", active)):
        found[name] = list(s.scalars(query.limit(2)))
        if len(found[name]) == 1:  # the user's one, else the one in view, else the only one
            return found[name][0]
    raise ValidationError(
        "Kies bij welke praktijk de patiënt hoort: u werkt voor meer dan één praktijk."
        if found["in_view"]
        else "U bent aan geen praktijk gekoppeld, dus u kunt geen patiënt toevoegen. Vraag de "
        "beheerder om u aan uw praktijk te koppelen."
    )


def list_practices(
    ctx: AppContext, *, in_scope_only: bool = False, active_only: bool = False
) -> list[PracticeInfo]:
    """Every practice (names and details are no patient data), each flagged whether the
    user sees its patients; patient counts only for those."""
    require(ctx, Action.VIEW_DIRECTORY)
    with ctx.read() as s:
        scope = scope_of(s, ctx)
        counts = dict(
            s.execute(
                select(Patient.practice_id, func.count())
                .where(practice_clause(scope))
                .group_by(Patient.practice_id)
            ).all()
        )
        query = select(Practice).order_by(Practice.name, Practice.id)
        if active_only:
            query = query.where(Practice.active.is_(True))
        out = [_info(p, scope.sees_practice(p.id), counts.get(p.id, 0)) for p in s.scalars(query)]
    return [p for p in out if p.in_scope] if in_scope_only else out


def get_practice(ctx: AppContext, practice_id: int) -> PracticeInfo:
    require(ctx, Action.VIEW_DIRECTORY)
    with ctx.read() as s:
        return _info(get_practice_row(s, practice_id), scope_of(s, ctx).sees_practice(practice_id))


def find_practice(ctx: AppContext, text: str) -> PracticeInfo:
    """A practice by id, AGB code or (case-insensitive) name, for the command line."""
    require(ctx, Action.VIEW_DIRECTORY)
    wanted = text.strip()
    with ctx.read() as s:
        scope = scope_of(s, ctx)
        query = select(Practice).where(
            (func.lower(Practice.name) == wanted.lower()) | (Practice.agb_code == wanted)
        )
        if wanted.isdigit() and len(wanted) < 8:
            query = select(Practice).where(Practice.id == int(wanted))
        found = s.scalars(query).first()
        if found is None:
            raise NotFoundError(
                f"Er is geen praktijk '{wanted[:40]}'. Geef de naam, de AGB-code of het nummer uit "
                "'pzmdo practice list'."
            )
        return _info(found, scope.sees_practice(found.id))


def add_practice(ctx: AppContext, data: PracticeInput) -> PracticeInfo:
    require(ctx, Action.PRACTICES)
    values = _values(data)
    with ctx.unit() as s:
        _check_unique(s, values, None)
        practice = Practice(**values)
        s.add(practice)
        s.flush()
        ctx.audit(
            s, AuditAction.PRACTICE_ADD, entity="practice", entity_id=practice.id,
            detail={"naam": values["name"], "agb": values["agb_code"]},
        )  # fmt: skip
        info = _info(practice, scope_of(s, ctx).sees_practice(practice.id))
    ctx.changes.publish("practice", info.id)
    return info


def update_practice(
    ctx: AppContext, practice_id: int, data: PracticeInput, *, active: bool | None = None
) -> PracticeInfo:
    """Change a practice's details (and, with ``active``, (de)activate it: an inactive
    practice takes no new patients; its patients stay)."""
    require(ctx, Action.PRACTICES)
    values = _values(data)
    with ctx.unit() as s:
        practice = get_practice_row(s, practice_id)
        _check_unique(s, values, practice_id)
        changed = sorted(k for k, v in values.items() if getattr(practice, k) != v)
        for key, value in values.items():
            setattr(practice, key, value)
        if active is not None and active != practice.active:
            practice.active = active
            changed.append("actief")
        ctx.audit(
            s, AuditAction.PRACTICE_UPDATE, entity="practice", entity_id=practice.id,
            detail={"velden": changed},
        )  # fmt: skip
        info = _info(practice, scope_of(s, ctx).sees_practice(practice.id))
    ctx.changes.publish("practice", practice_id)
    return info


def _move(
    s: Session,
    ctx: AppContext,
    patient: Patient,
    to: Practice,
    moved_on: date,
    reason: str,
) -> int:
    """Move inside a unit (history row, patient column, audit)."""
    if patient.practice_id == to.id:
        raise ValidationError(f"De patiënt hoort al bij {to.name}. Kies een andere praktijk.")
    if not to.active:
        raise ValidationError(
            f"{to.name} is niet meer actief en neemt geen patiënten aan. Kies een andere praktijk."
        )
    last = s.scalar(
        select(func.max(PatientPracticeMove.moved_on)).where(
            PatientPracticeMove.patient_id == patient.id
        )
    )
    if last is not None and moved_on < last:
        raise ValidationError(
            f"De verhuisdatum ligt vóór de vorige verhuizing ({last:%d-%m-%Y}). Kies een "
            "latere datum."
        )
    if moved_on > date.today():
        raise ValidationError("De verhuisdatum ligt in de toekomst. Kies vandaag of eerder.")
    move = PatientPracticeMove(
        patient_id=patient.id, from_practice_id=patient.practice_id, to_practice_id=to.id,
        moved_on=moved_on, reason=reason, created_by=ctx.user.login,
    )  # fmt: skip
    s.add(move)
    from_id = patient.practice_id
    patient.practice_id = to.id
    s.flush()
    ctx.audit(
        s, AuditAction.PATIENT_MOVED, patient_id=patient.id, entity="practice", entity_id=to.id,
        detail={"van": from_id, "naar": to.id, "datum": moved_on.isoformat()},
    )  # fmt: skip
    return move.id


def move_patient(
    ctx: AppContext,
    patient_id: int,
    to_practice_id: int,
    moved_on: date | None = None,
    reason: str = "",
    *,
    expected_version: int | None = None,
) -> int:
    """Move a patient to another practice as of ``moved_on`` (dated, audited). The user
    may lose sight of the patient afterwards: the target need not be in their scope."""
    require(ctx, Action.PATIENT_EDIT, Action.PRACTICES)
    require_patient_in_scope(ctx, patient_id)
    day = moved_on or date.today()
    why = clean_text(reason, "de reden", limit=300)
    with ctx.unit() as s:
        patient = s.get(Patient, patient_id)
        if patient is None:
            raise NotFoundError(f"Patiënt {patient_id} bestaat niet.")
        check_version(patient, expected_version, "Deze patiënt")
        move_id = _move(s, ctx, patient, get_practice_row(s, to_practice_id), day, why)
    ctx.changes.publish("patient", patient_id)
    return move_id


def practice_moves(ctx: AppContext, patient_id: int) -> list[PracticeMove]:
    """The patient's moves between practices, oldest first."""
    require(ctx, Action.VIEW_RECORD, Action.PRACTICES)
    require_patient_in_scope(ctx, patient_id)
    with ctx.read() as s:
        names = dict(s.execute(select(Practice.id, Practice.name)).all())
        rows = s.scalars(
            select(PatientPracticeMove)
            .where(PatientPracticeMove.patient_id == patient_id)
            .order_by(PatientPracticeMove.moved_on, PatientPracticeMove.id)
        )
        return [
            PracticeMove(
                m.id,
                m.patient_id,
                m.moved_on,
                names.get(m.from_practice_id, "?"),
                names.get(m.to_practice_id, "?"),
                m.reason,
                m.created_by,
            )  # fmt: skip
            for m in rows
        ]
