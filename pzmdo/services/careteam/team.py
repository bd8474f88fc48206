"""The care team: central caregiver, role holders, members and history."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.careteam import (
    SINGLE_HOLDER_ROLES,
    BurdenOutcome,
    TeamRole,
    check_central_caregiver,
    check_date_not_future,
    check_reason,
)
from pzmdo.domain.errors import NotFoundError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.register import MARKED_STATUSES
from pzmdo.domain.text import clean_text
from pzmdo.services.careteam.helpers import (
    _check_change_date,
    _current,
    _member_info,
    _naaste_info,
)
from pzmdo.services.careteam.results import ROLE_ORDER, TeamMemberInfo, TeamSummary
from pzmdo.services.careteam.support import _burden_checks, _vptz_info
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.lookup import load_patient, load_person
from pzmdo.services.scope import (
    patient_clause,
    require_patient_in_scope,
    require_row_in_scope,
    scope_of,
)
from pzmdo.store.models import Patient, Person
from pzmdo.store.models.careteam import (
    Naaste,
    PzpConversation,
    TeamMembership,
    VptzEvent,
)

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
    require_patient_in_scope(ctx, patient_id)
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
    require_patient_in_scope(ctx, patient_id)
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
    patient = load_patient(s, patient_id)
    person = load_person(s, person_id)
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
    require_patient_in_scope(ctx, patient_id)
    role = TeamRole(role)
    if role in SINGLE_HOLDER_ROLES:
        return set_role_holder(ctx, patient_id, role, person_id, reason, on)
    reason = clean_text(reason, "de reden", limit=500)
    with ctx.unit() as s:
        load_patient(s, patient_id)
        person = load_person(s, person_id)
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
    require_row_in_scope(ctx, TeamMembership, membership_id)
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
            patient = load_patient(s, m.patient_id)
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
    require_patient_in_scope(ctx, patient_id)
    with ctx.read() as s:
        load_patient(s, patient_id)
        rows = s.execute(
            select(TeamMembership, Person)
            .join(Person, Person.id == TeamMembership.person_id)
            .where(TeamMembership.patient_id == patient_id)
            .order_by(TeamMembership.start_on.desc(), TeamMembership.id.desc())
        ).all()
        return [_member_info(m, p) for m, p in rows]


def team_summary(ctx: AppContext, patient_id: int) -> TeamSummary:
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    with ctx.unit() as s:
        patient = load_patient(s, patient_id)
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
                        MARKED_STATUSES
                    ),
                    Patient.central_caregiver_id.is_(None),
                    patient_clause(scope_of(s, ctx)),
                )
                .order_by(Patient.id)
            )
        )
