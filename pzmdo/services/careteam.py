"""Care team per patient (dated history), naasten, carer burden, VPTZ, PZP conversations."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.careteam import (
    SINGLE_HOLDER_ROLES,
    BurdenInstrument,
    BurdenOutcome,
    ConversationSetting,
    ConversationTopic,
    Relation,
    TeamRole,
    VptzStatus,
    check_central_caregiver,
    check_date_not_future,
    check_reason,
    parse_enum,
)
from pzmdo.domain.enums import PatientStatus
from pzmdo.domain.errors import NotFoundError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import clean_line, clean_text
from pzmdo.services.context import AppContext
from pzmdo.services.directory import PersonInfo, info_of
from pzmdo.services.guard import require
from pzmdo.store.models import Patient, Person
from pzmdo.store.models.careteam import (
    CarerBurdenCheck,
    Naaste,
    PzpConversation,
    TeamMembership,
    VptzEvent,
)

ROLE_ORDER = {role.value: i for i, role in enumerate(TeamRole)}


# ---------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class TeamMemberInfo:
    membership_id: int
    person: PersonInfo
    role: str
    role_label: str
    start_on: date
    start_reason: str
    end_on: date | None
    end_reason: str

    @property
    def current(self) -> bool:
        return self.end_on is None


@dataclass(frozen=True)
class NaasteInfo:
    id: int
    name: str
    relation: str
    relation_label: str
    phone: str
    email: str
    is_mantelzorger: bool
    is_legal_representative: bool
    is_first_contact: bool
    notes: str
    active: bool


@dataclass(frozen=True)
class BurdenCheckInfo:
    id: int
    naaste_id: int
    naaste_name: str
    checked_on: date
    instrument: str
    instrument_label: str
    score: str
    outcome: str
    outcome_label: str
    action: str


@dataclass(frozen=True)
class VptzInfo:
    id: int
    status: str
    status_label: str
    on: date
    organisation: str
    note: str


@dataclass(frozen=True)
class ConversationInfo:
    id: int
    held_on: date
    conducted_by: PersonInfo | None
    setting: str
    setting_label: str
    present_patient: bool
    present_naasten: tuple[NaasteInfo, ...]
    present_other: str
    topics: tuple[str, ...]
    topic_labels: tuple[str, ...]
    summary: str
    is_first: bool  # the conversation that started PZP

    def present_text(self) -> str:
        """'patiënt, dochter (Anna), partner' — naasten by relation."""
        parts = ["patiënt"] if self.present_patient else []
        parts += [f"{n.relation_label.lower()} ({n.name})" for n in self.present_naasten]
        if self.present_other:
            parts.append(self.present_other)
        return ", ".join(parts)


@dataclass(frozen=True)
class TeamSummary:
    patient_id: int
    central_caregiver: TeamMemberInfo | None
    first_contact: TeamMemberInfo | None
    casemanager: TeamMemberInfo | None
    members: tuple[TeamMemberInfo, ...]  # every current membership, by role
    naasten: tuple[NaasteInfo, ...]
    pzp_started_on: date | None
    vptz: VptzInfo | None  # the latest VPTZ step
    latest_burden: BurdenCheckInfo | None
    warnings: tuple[str, ...]  # Dutch, e.g. "Geen centrale zorgverlener vastgelegd."


# ---------------------------------------------------------------------------------------
# Helpers


def _patient(s: Session, patient_id: int) -> Patient:
    patient = s.get(Patient, patient_id)
    if patient is None:
        raise NotFoundError(f"Patiënt {patient_id} bestaat niet (meer).")
    return patient


def _person(s: Session, person_id: int) -> Person:
    person = s.get(Person, person_id)
    if person is None:
        raise NotFoundError(
            f"Zorgverlener {person_id} bestaat niet (meer) in de zorgverlenerslijst."
        )
    return person


def _member_info(m: TeamMembership, person: Person) -> TeamMemberInfo:
    role = TeamRole(m.role)
    return TeamMemberInfo(
        membership_id=m.id,
        person=info_of(person),
        role=m.role,
        role_label=role.label,
        start_on=m.start_on,
        start_reason=m.start_reason or "",
        end_on=m.end_on,
        end_reason=m.end_reason or "",
    )


def _naaste_info(n: Naaste) -> NaasteInfo:
    label = Relation(n.relation).label
    if n.relation == Relation.ANDERS and n.relation_other:
        label = n.relation_other
    return NaasteInfo(
        id=n.id,
        name=n.name,
        relation=n.relation,
        relation_label=label,
        phone=n.phone or "",
        email=n.email or "",
        is_mantelzorger=n.is_mantelzorger,
        is_legal_representative=n.is_legal_representative,
        is_first_contact=n.is_first_contact,
        notes=n.notes or "",
        active=n.active,
    )


def _current(s: Session, patient_id: int, role: str) -> list[TeamMembership]:
    return list(
        s.scalars(
            select(TeamMembership).where(
                TeamMembership.patient_id == patient_id,
                TeamMembership.role == role,
                TeamMembership.end_on.is_(None),
            )
        )
    )


def _check_change_date(on: date | None, current: list[TeamMembership]) -> date:
    day = check_date_not_future(on or date.today(), "de wijziging")
    for m in current:
        if day < m.start_on:
            raise ValidationError(
                f"De wijzigingsdatum {day:%d-%m-%Y} ligt vóór de startdatum "
                f"({m.start_on:%d-%m-%Y}) van de huidige rolhouder. Kies een latere datum."
            )
    return day


# ---------------------------------------------------------------------------------------
# Team


def set_central_caregiver(
    ctx: AppContext, patient_id: int, person_id: int, reason: str, on: date | None = None
) -> None:
    """Make ``person_id`` the one current centrale zorgverlener (BIG-registered only).

    The previous holder's membership is ended on the same day with the same reason, so the
    history keeps both; ``patient.central_caregiver_id`` is kept current.
    """
    require(ctx, Action.CARE_TEAM)
    set_role_holder(ctx, patient_id, TeamRole.CENTRALE_ZORGVERLENER, person_id, reason, on)


def set_role_holder(
    ctx: AppContext,
    patient_id: int,
    role: TeamRole | str,
    person_id: int,
    reason: str,
    on: date | None = None,
) -> int:
    """Give a single-holder role (centrale zorgverlener, eerste aanspreekpunt, casemanager)."""
    require(ctx, Action.CARE_TEAM)
    role = TeamRole(role)
    if role not in SINGLE_HOLDER_ROLES:
        return add_member(ctx, patient_id, person_id, role, reason, on)
    reason = check_reason(reason)
    with ctx.unit() as s:
        member_id = _set_role_holder(s, ctx, patient_id, role, person_id, reason, on)
    ctx.changes.publish("careteam", patient_id)
    ctx.changes.publish("patient", patient_id)
    return member_id


def _set_role_holder(
    s: Session,
    ctx: AppContext,
    patient_id: int,
    role: TeamRole,
    person_id: int,
    reason: str,
    on: date | None,
) -> int:
    """Inside the caller's transaction (also used by the register: one user action)."""
    patient = _patient(s, patient_id)
    person = _person(s, person_id)
    if role is TeamRole.CENTRALE_ZORGVERLENER:
        check_central_caregiver(person.name, person.big_registered, person.active)
    elif not person.active:
        raise ValidationError(
            f"{person.name} is niet meer actief in de zorgverlenerslijst. Kies een actieve "
            "zorgverlener."
        )
    current = _current(s, patient_id, role.value)
    if any(m.person_id == person_id for m in current):
        raise ValidationError(f"{person.name} is al {role.label.lower()} van deze patiënt.")
    day = _check_change_date(on, current)
    for m in current:
        m.end_on = day
        m.end_reason = reason
    member = TeamMembership(
        patient_id=patient_id,
        person_id=person_id,
        role=role.value,
        start_on=day,
        start_reason=reason,
        created_by=ctx.user.id,
    )
    s.add(member)
    if role is TeamRole.CENTRALE_ZORGVERLENER:
        patient.central_caregiver_id = person_id
    s.flush()
    ctx.audit(
        s,
        AuditAction.TEAM_ROLE_SET,
        patient_id=patient_id,
        entity="team_membership",
        entity_id=member.id,
        detail={
            "rol": role.value,
            "persoon": person_id,
            "vorige": [m.person_id for m in current],
            "datum": day,
        },
    )
    return member.id


def add_member(
    ctx: AppContext,
    patient_id: int,
    person_id: int,
    role: TeamRole | str = TeamRole.TEAMLID,
    reason: str = "",
    on: date | None = None,
) -> int:
    """Add a team member (teamlid or hoofdbehandelaar); single-holder roles go via set_role_holder."""
    require(ctx, Action.CARE_TEAM)
    role = TeamRole(role)
    if role in SINGLE_HOLDER_ROLES:
        return set_role_holder(ctx, patient_id, role, person_id, reason, on)
    reason = clean_text(reason, "de reden", limit=500)
    with ctx.unit() as s:
        _patient(s, patient_id)
        person = _person(s, person_id)
        if not person.active:
            raise ValidationError(
                f"{person.name} is niet meer actief in de zorgverlenerslijst. Kies een actieve "
                "zorgverlener."
            )
        if any(m.person_id == person_id for m in _current(s, patient_id, role.value)):
            raise ValidationError(f"{person.name} staat al als {role.label.lower()} in het team.")
        day = check_date_not_future(on or date.today(), "de start")
        member = TeamMembership(
            patient_id=patient_id,
            person_id=person_id,
            role=role.value,
            start_on=day,
            start_reason=reason,
            created_by=ctx.user.id,
        )
        s.add(member)
        s.flush()
        ctx.audit(
            s,
            AuditAction.TEAM_MEMBER_ADD,
            patient_id=patient_id,
            entity="team_membership",
            entity_id=member.id,
            detail={"rol": role.value, "persoon": person_id},
        )
        member_id = member.id
    ctx.changes.publish("careteam", patient_id)
    return member_id


def end_membership(
    ctx: AppContext, membership_id: int, reason: str, on: date | None = None
) -> None:
    """End a membership (kept in the history with its end date and reason)."""
    require(ctx, Action.CARE_TEAM)
    reason = check_reason(reason)
    with ctx.unit() as s:
        m = s.get(TeamMembership, membership_id)
        if m is None:
            raise NotFoundError("Dit teamlidmaatschap bestaat niet (meer).")
        if m.end_on is not None:
            raise ValidationError(f"Dit lidmaatschap is al beëindigd op {m.end_on:%d-%m-%Y}.")
        day = _check_change_date(on, [m])
        m.end_on = day
        m.end_reason = reason
        if m.role == TeamRole.CENTRALE_ZORGVERLENER.value:
            patient = _patient(s, m.patient_id)
            if patient.central_caregiver_id == m.person_id:
                patient.central_caregiver_id = None
        ctx.audit(
            s,
            AuditAction.TEAM_MEMBER_END,
            patient_id=m.patient_id,
            entity="team_membership",
            entity_id=m.id,
            detail={"rol": m.role, "datum": day},
        )
        patient_id = m.patient_id
    ctx.changes.publish("careteam", patient_id)
    ctx.changes.publish("patient", patient_id)


def team_history(ctx: AppContext, patient_id: int) -> list[TeamMemberInfo]:
    """Every membership ever, newest first (current ones and ended ones with dates/reasons)."""
    require(ctx, Action.VIEW_RECORD)
    with ctx.read() as s:
        _patient(s, patient_id)
        rows = s.execute(
            select(TeamMembership, Person)
            .join(Person, Person.id == TeamMembership.person_id)
            .where(TeamMembership.patient_id == patient_id)
            .order_by(TeamMembership.start_on.desc(), TeamMembership.id.desc())
        ).all()
        return [_member_info(m, p) for m, p in rows]


def team_summary(ctx: AppContext, patient_id: int) -> TeamSummary:
    require(ctx, Action.VIEW_RECORD)
    with ctx.unit() as s:
        patient = _patient(s, patient_id)
        rows = s.execute(
            select(TeamMembership, Person)
            .join(Person, Person.id == TeamMembership.person_id)
            .where(TeamMembership.patient_id == patient_id, TeamMembership.end_on.is_(None))
        ).all()
        members = sorted(
            (_member_info(m, p) for m, p in rows),
            key=lambda i: (ROLE_ORDER.get(i.role, 99), i.person.name.lower()),
        )

        def holder(role: TeamRole) -> TeamMemberInfo | None:
            return next((m for m in members if m.role == role.value), None)

        naasten = [
            _naaste_info(n)
            for n in s.scalars(
                select(Naaste)
                .where(Naaste.patient_id == patient_id, Naaste.active.is_(True))
                .order_by(Naaste.id)
            )
        ]
        started = s.scalar(
            select(func.min(PzpConversation.held_on)).where(
                PzpConversation.patient_id == patient_id
            )
        )
        vptz_row = s.scalars(
            select(VptzEvent)
            .where(VptzEvent.patient_id == patient_id)
            .order_by(VptzEvent.event_on.desc(), VptzEvent.id.desc())
            .limit(1)
        ).first()
        burden = _burden_checks(s, patient_id)
        warnings = []
        central = holder(TeamRole.CENTRALE_ZORGVERLENER)
        if central is None:
            warnings.append(
                "Er is geen centrale zorgverlener vastgelegd. Wijs een BIG-geregistreerde "
                "zorgverlener aan."
            )
        if holder(TeamRole.EERSTE_AANSPREEKPUNT) is None:
            warnings.append("Er is geen eerste aanspreekpunt vastgelegd.")
        if burden and burden[0].outcome == BurdenOutcome.OVERBELAST.value:
            warnings.append(
                f"Mantelzorger {burden[0].naaste_name} is overbelast "
                f"(gemeten op {burden[0].checked_on:%d-%m-%Y})."
            )
        ctx.record_opened(s, patient_id)
        del patient
        return TeamSummary(
            patient_id=patient_id,
            central_caregiver=central,
            first_contact=holder(TeamRole.EERSTE_AANSPREEKPUNT),
            casemanager=holder(TeamRole.CASEMANAGER),
            members=tuple(members),
            naasten=tuple(naasten),
            pzp_started_on=started,
            vptz=_vptz_info(vptz_row) if vptz_row else None,
            latest_burden=burden[0] if burden else None,
            warnings=tuple(warnings),
        )


def missing_central_caregiver(ctx: AppContext) -> list[int]:
    """Marked patients (gemarkeerd / stervensfase) without a centrale zorgverlener."""
    require(ctx, Action.VIEW_REGISTER)
    with ctx.read() as s:
        return list(
            s.scalars(
                select(Patient.id)
                .where(
                    Patient.status.in_(
                        [PatientStatus.GEMARKEERD.value, PatientStatus.STERVENSFASE.value]
                    ),
                    Patient.central_caregiver_id.is_(None),
                )
                .order_by(Patient.id)
            )
        )


# ---------------------------------------------------------------------------------------
# Naasten


@dataclass(frozen=True)
class NaasteInput:
    name: str
    relation: str
    relation_other: str = ""
    phone: str = ""
    email: str = ""
    is_mantelzorger: bool = False
    is_legal_representative: bool = False
    is_first_contact: bool = False
    notes: str = ""


def _naaste_values(data: NaasteInput) -> dict:
    relation = parse_enum(Relation, data.relation, "de relatie")
    other = clean_line(data.relation_other, "de relatie (anders)", limit=100)
    if relation is Relation.ANDERS and not other:
        raise ValidationError("Vul in welke relatie deze naaste heeft (u koos 'Anders').")
    email = clean_line(data.email, "het e-mailadres", limit=200)
    if email and "@" not in email:
        raise ValidationError(f"'{email}' is geen geldig e-mailadres. Controleer het adres.")
    return {
        "name": clean_line(data.name, "de naam van de naaste", required=True, limit=200),
        "relation": relation.value,
        "relation_other": other or None,
        "phone": clean_line(data.phone, "het telefoonnummer", limit=40) or None,
        "email": email or None,
        "is_mantelzorger": bool(data.is_mantelzorger),
        "is_legal_representative": bool(data.is_legal_representative),
        "is_first_contact": bool(data.is_first_contact),
        "notes": clean_text(data.notes, "de notitie") or None,
    }


def _single_first_contact(s: Session, patient_id: int, keep_id: int) -> None:
    for other in s.scalars(
        select(Naaste).where(
            Naaste.patient_id == patient_id, Naaste.id != keep_id, Naaste.is_first_contact
        )
    ):
        other.is_first_contact = False


def add_naaste(ctx: AppContext, patient_id: int, data: NaasteInput) -> int:
    require(ctx, Action.CARE_TEAM)
    values = _naaste_values(data)
    with ctx.unit() as s:
        _patient(s, patient_id)
        naaste = Naaste(patient_id=patient_id, **values)
        s.add(naaste)
        s.flush()
        if naaste.is_first_contact:
            _single_first_contact(s, patient_id, naaste.id)
        ctx.audit(
            s, AuditAction.NAASTE_ADD, patient_id=patient_id, entity="naaste", entity_id=naaste.id
        )
        naaste_id = naaste.id
    ctx.changes.publish("careteam", patient_id)
    return naaste_id


def update_naaste(ctx: AppContext, naaste_id: int, data: NaasteInput) -> None:
    require(ctx, Action.CARE_TEAM)
    values = _naaste_values(data)
    with ctx.unit() as s:
        naaste = s.get(Naaste, naaste_id)
        if naaste is None:
            raise NotFoundError("Deze naaste bestaat niet (meer).")
        for k, v in values.items():
            setattr(naaste, k, v)
        if naaste.is_first_contact:
            _single_first_contact(s, naaste.patient_id, naaste.id)
        ctx.audit(
            s,
            AuditAction.NAASTE_UPDATE,
            patient_id=naaste.patient_id,
            entity="naaste",
            entity_id=naaste_id,
        )
        patient_id = naaste.patient_id
    ctx.changes.publish("careteam", patient_id)


def set_naaste_active(ctx: AppContext, naaste_id: int, active: bool) -> None:
    require(ctx, Action.CARE_TEAM)
    with ctx.unit() as s:
        naaste = s.get(Naaste, naaste_id)
        if naaste is None:
            raise NotFoundError("Deze naaste bestaat niet (meer).")
        naaste.active = active
        ctx.audit(
            s,
            AuditAction.NAASTE_ACTIVATE if active else AuditAction.NAASTE_DEACTIVATE,
            patient_id=naaste.patient_id,
            entity="naaste",
            entity_id=naaste_id,
        )
        patient_id = naaste.patient_id
    ctx.changes.publish("careteam", patient_id)


def list_naasten(ctx: AppContext, patient_id: int, active_only: bool = True) -> list[NaasteInfo]:
    require(ctx, Action.VIEW_RECORD)
    with ctx.read() as s:
        _patient(s, patient_id)
        query = select(Naaste).where(Naaste.patient_id == patient_id)
        if active_only:
            query = query.where(Naaste.active.is_(True))
        return [_naaste_info(n) for n in s.scalars(query.order_by(Naaste.id))]


# ---------------------------------------------------------------------------------------
# Carer burden


def add_burden_check(
    ctx: AppContext,
    naaste_id: int,
    checked_on: date,
    instrument: str,
    outcome: str,
    score: str = "",
    action: str = "",
) -> int:
    require(ctx, Action.CARE_TEAM)
    inst = parse_enum(BurdenInstrument, instrument, "het meetinstrument")
    result = parse_enum(BurdenOutcome, outcome, "de uitkomst")
    check_date_not_future(checked_on, "de meting")
    score = clean_text(score, "de score of het antwoord", limit=200)
    if inst is BurdenInstrument.EDIZ and score:
        try:
            value = int(score)
        except ValueError:
            value = -1
        if not 0 <= value <= 36:
            raise ValidationError(
                f"De EDIZ-score '{score}' is ongeldig: vul een heel getal van 0 tot en met 36 in."
            )
    action = clean_text(action, "de actie")
    if result is BurdenOutcome.OVERBELAST and not action:
        raise ValidationError(
            "De mantelzorger is overbelast: leg vast welke actie is afgesproken (bijvoorbeeld "
            "respijtzorg of VPTZ aanbieden)."
        )
    with ctx.unit() as s:
        naaste = s.get(Naaste, naaste_id)
        if naaste is None:
            raise NotFoundError("Deze naaste bestaat niet (meer).")
        check = CarerBurdenCheck(
            naaste_id=naaste_id,
            checked_on=checked_on,
            instrument=inst.value,
            score=score or None,
            outcome=result.value,
            action=action or None,
            created_by=ctx.user.id,
        )
        s.add(check)
        s.flush()
        ctx.audit(
            s,
            AuditAction.BURDEN_CHECK_ADD,
            patient_id=naaste.patient_id,
            entity="carer_burden_check",
            entity_id=check.id,
            detail={"uitkomst": result.value},
        )
        check_id, patient_id = check.id, naaste.patient_id
    ctx.changes.publish("careteam", patient_id)
    return check_id


def _burden_checks(s: Session, patient_id: int) -> list[BurdenCheckInfo]:
    rows = s.execute(
        select(CarerBurdenCheck, Naaste)
        .join(Naaste, Naaste.id == CarerBurdenCheck.naaste_id)
        .where(Naaste.patient_id == patient_id)
        .order_by(CarerBurdenCheck.checked_on.desc(), CarerBurdenCheck.id.desc())
    ).all()
    return [
        BurdenCheckInfo(
            id=c.id,
            naaste_id=n.id,
            naaste_name=n.name,
            checked_on=c.checked_on,
            instrument=c.instrument,
            instrument_label=BurdenInstrument(c.instrument).label,
            score=c.score or "",
            outcome=c.outcome,
            outcome_label=BurdenOutcome(c.outcome).label,
            action=c.action or "",
        )
        for c, n in rows
    ]


def list_burden_checks(ctx: AppContext, patient_id: int) -> list[BurdenCheckInfo]:
    require(ctx, Action.VIEW_RECORD)
    with ctx.read() as s:
        _patient(s, patient_id)
        return _burden_checks(s, patient_id)


# ---------------------------------------------------------------------------------------
# VPTZ


def _vptz_info(e: VptzEvent) -> VptzInfo:
    return VptzInfo(
        id=e.id,
        status=e.status,
        status_label=VptzStatus(e.status).label,
        on=e.event_on,
        organisation=e.organisation or "",
        note=e.note or "",
    )


def add_vptz_event(
    ctx: AppContext,
    patient_id: int,
    status: str,
    on: date,
    organisation: str = "",
    note: str = "",
) -> int:
    require(ctx, Action.CARE_TEAM)
    step = parse_enum(VptzStatus, status, "de VPTZ-stap")
    check_date_not_future(on, "de VPTZ-stap")
    organisation = clean_line(organisation, "de organisatie", limit=200)
    if step is VptzStatus.AANGEVRAAGD and not organisation:
        raise ValidationError(
            "Vul in bij welke VPTZ-organisatie de inzet is aangevraagd (bijvoorbeeld de "
            "regionale VPTZ-organisatie)."
        )
    with ctx.unit() as s:
        _patient(s, patient_id)
        event = VptzEvent(
            patient_id=patient_id,
            status=step.value,
            event_on=on,
            organisation=organisation or None,
            note=clean_text(note, "de notitie") or None,
            created_by=ctx.user.id,
        )
        s.add(event)
        s.flush()
        ctx.audit(
            s,
            AuditAction.VPTZ_EVENT_ADD,
            patient_id=patient_id,
            entity="vptz_event",
            entity_id=event.id,
            detail={"stap": step.value},
        )
        event_id = event.id
    ctx.changes.publish("careteam", patient_id)
    return event_id


def vptz_history(ctx: AppContext, patient_id: int) -> list[VptzInfo]:
    require(ctx, Action.VIEW_RECORD)
    with ctx.read() as s:
        _patient(s, patient_id)
        return [
            _vptz_info(e)
            for e in s.scalars(
                select(VptzEvent)
                .where(VptzEvent.patient_id == patient_id)
                .order_by(VptzEvent.event_on, VptzEvent.id)
            )
        ]


# ---------------------------------------------------------------------------------------
# PZP / ACP conversations


@dataclass(frozen=True)
class ConversationInput:
    held_on: date
    conducted_by_id: int | None
    summary: str
    topics: tuple[str, ...] = ()
    present_patient: bool = True
    present_naasten: tuple[int, ...] = ()
    present_other: str = ""
    setting: str = ""


def add_conversation(ctx: AppContext, patient_id: int, data: ConversationInput) -> int:
    """Record a PZP conversation; the first one marks the start of PZP (audited as such)."""
    require(ctx, Action.CARE_TEAM)
    check_date_not_future(data.held_on, "het gesprek")
    topics = tuple(
        dict.fromkeys(parse_enum(ConversationTopic, t, "het onderwerp").value for t in data.topics)
    )
    setting = (
        parse_enum(ConversationSetting, data.setting, "de plaats").value if data.setting else None
    )
    summary = clean_text(data.summary, "de samenvatting van het gesprek", required=True)
    other = clean_text(data.present_other, "de overige aanwezigen", limit=300)
    if data.conducted_by_id is None:
        raise ValidationError("Kies wie het gesprek heeft gevoerd.")
    with ctx.unit() as s:
        _patient(s, patient_id)
        _person(s, data.conducted_by_id)
        for nid in data.present_naasten:
            n = s.get(Naaste, nid)
            if n is None or n.patient_id != patient_id:
                raise ValidationError(
                    "Een van de gekozen naasten hoort niet bij deze patiënt. Kies opnieuw."
                )
        first = (
            s.scalar(
                select(func.count(PzpConversation.id)).where(
                    PzpConversation.patient_id == patient_id
                )
            )
            == 0
        )
        conv = PzpConversation(
            patient_id=patient_id,
            held_on=data.held_on,
            conducted_by_id=data.conducted_by_id,
            setting=setting,
            present_patient=bool(data.present_patient),
            present_naasten=json.dumps(list(dict.fromkeys(data.present_naasten))),
            present_other=other or None,
            topics=json.dumps(list(topics)),
            summary=summary,
            created_by=ctx.user.id,
        )
        s.add(conv)
        s.flush()
        ctx.audit(
            s,
            AuditAction.PZP_CONVERSATION_ADD,
            patient_id=patient_id,
            entity="pzp_conversation",
            entity_id=conv.id,
        )
        if first:
            ctx.audit(
                s, AuditAction.PZP_STARTED, patient_id=patient_id, detail={"datum": data.held_on}
            )
        conv_id = conv.id
    ctx.changes.publish("careteam", patient_id)
    ctx.changes.publish("patient", patient_id)
    return conv_id


def list_conversations(ctx: AppContext, patient_id: int) -> list[ConversationInfo]:
    """All PZP conversations, newest first; ``is_first`` marks the one that started PZP."""
    require(ctx, Action.VIEW_RECORD)
    with ctx.unit() as s:
        _patient(s, patient_id)
        convs = list(
            s.scalars(
                select(PzpConversation)
                .where(PzpConversation.patient_id == patient_id)
                .order_by(PzpConversation.held_on, PzpConversation.id)
            )
        )
        naasten = {
            n.id: _naaste_info(n)
            for n in s.scalars(select(Naaste).where(Naaste.patient_id == patient_id))
        }
        persons: dict[int, PersonInfo] = {}
        out = []
        for i, c in enumerate(convs):
            by = None
            if c.conducted_by_id is not None:
                if c.conducted_by_id not in persons:
                    persons[c.conducted_by_id] = info_of(_person(s, c.conducted_by_id))
                by = persons[c.conducted_by_id]
            topics = tuple(json.loads(c.topics or "[]"))
            out.append(
                ConversationInfo(
                    id=c.id,
                    held_on=c.held_on,
                    conducted_by=by,
                    setting=c.setting or "",
                    setting_label=ConversationSetting(c.setting).label if c.setting else "",
                    present_patient=c.present_patient,
                    present_naasten=tuple(
                        naasten[n] for n in json.loads(c.present_naasten or "[]") if n in naasten
                    ),
                    present_other=c.present_other or "",
                    topics=topics,
                    topic_labels=tuple(ConversationTopic(t).label for t in topics),
                    summary=c.summary or "",
                    is_first=i == 0,
                )
            )
        ctx.record_opened(s, patient_id)
        return list(reversed(out))
