"""Carer burden checks and VPTZ (volunteer terminal care) events."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.careteam import (
    BurdenInstrument,
    BurdenOutcome,
    VptzStatus,
    check_date_not_future,
    parse_enum,
)
from pzmdo.domain.errors import NotFoundError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import clean_line, clean_text
from pzmdo.services.careteam.results import BurdenCheckInfo, VptzInfo
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.lookup import load_patient
from pzmdo.services.scope import require_patient_in_scope, require_row_in_scope
from pzmdo.store.models.careteam import (
    CarerBurdenCheck,
    Naaste,
    VptzEvent,
)

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
    require_row_in_scope(ctx, Naaste, naaste_id)
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
    require_patient_in_scope(ctx, patient_id)
    with ctx.read() as s:
        load_patient(s, patient_id)
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
    require_patient_in_scope(ctx, patient_id)
    step = parse_enum(VptzStatus, status, "de VPTZ-stap")
    check_date_not_future(on, "de VPTZ-stap")
    organisation = clean_line(organisation, "de organisatie", limit=200)
    if step is VptzStatus.AANGEVRAAGD and not organisation:
        raise ValidationError(
            "Vul in bij welke VPTZ-organisatie de inzet is aangevraagd (bijvoorbeeld de "
            "regionale VPTZ-organisatie)."
        )
    with ctx.unit() as s:
        load_patient(s, patient_id)
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
    require_patient_in_scope(ctx, patient_id)
    with ctx.read() as s:
        load_patient(s, patient_id)
        return [
            _vptz_info(e)
            for e in s.scalars(
                select(VptzEvent)
                .where(VptzEvent.patient_id == patient_id)
                .order_by(VptzEvent.event_on, VptzEvent.id)
            )
        ]
