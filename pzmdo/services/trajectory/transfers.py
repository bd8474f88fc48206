"""Transfers between settings with warme overdracht, and hospice referral steps (FR23)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.careteam import TeamRole
from pzmdo.domain.errors import NotFoundError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import clean_line, clean_text
from pzmdo.domain.trajectory import (
    HOSPICE_SETTINGS,
    MAX_NOTE,
    MAX_REASON,
    CareSetting,
    HandoverItem,
    HospiceStep,
    check_confirmation,
    check_not_future,
    check_transfer,
)
from pzmdo.services import careteam
from pzmdo.services.context import AppContext, check_version
from pzmdo.services.guard import require
from pzmdo.services.scope import require_patient_in_scope, require_row_in_scope
from pzmdo.services.trajectory.helpers import (
    _careplan_version,
    _code,
    _codes,
    _patient,
    _person,
    _person_names,
    _today,
)
from pzmdo.services.trajectory.results import HospiceStepInfo, TransferInfo, TransferInput
from pzmdo.store.models.register import Death
from pzmdo.store.models.trajectory import HospiceReferralStep, Transfer


def _transfer_info(t: Transfer, names: dict[int, str]) -> TransferInfo:
    items = tuple(c for c in t.handed_over.split(",") if c)
    return TransferInfo(
        id=t.id,
        patient_id=t.patient_id,
        transfer_on=t.transfer_on,
        from_setting=t.from_setting,
        from_label=CareSetting(t.from_setting).label,
        to_setting=t.to_setting,
        to_label=CareSetting(t.to_setting).label,
        to_name=t.to_name or "",
        reason=t.reason,
        handed_over_by=names.get(t.handed_over_by_person_id or 0, ""),
        handed_over_to=t.handed_over_to or "",
        handed_over=items,
        handed_over_labels=tuple(HandoverItem(c).label for c in items),
        careplan_version=t.careplan_version,
        confirmed_on=t.confirmed_on,
        confirmed_by=t.confirmed_by or "",
        new_central_caregiver=names.get(t.new_central_caregiver_id or 0, ""),
        note=t.note or "",
        version=t.version,
    )


def _infos(s: Session, rows: list[Transfer]) -> list[TransferInfo]:
    names = _person_names(
        s,
        [r.handed_over_by_person_id for r in rows] + [r.new_central_caregiver_id for r in rows],
    )
    return [_transfer_info(r, names) for r in rows]


def record_transfer(ctx: AppContext, patient_id: int, data: TransferInput) -> TransferInfo:
    """One action: the transfer, its handover, and (when given) the new centrale zorgverlener
    and the hospice admission step, all in one transaction."""
    require(ctx, Action.TRANSFER)
    require_patient_in_scope(ctx, patient_id)
    if data.new_central_caregiver_id is not None:
        require(ctx, Action.CARE_TEAM)
    today = _today()
    from_setting = CareSetting(
        _code(data.from_setting, CareSetting, "waar de patiënt vandaan komt")
    )
    to_setting = CareSetting(_code(data.to_setting, CareSetting, "waar de patiënt naartoe gaat"))
    reason = clean_text(
        data.reason, "de reden van de overplaatsing", required=True, limit=MAX_REASON
    )
    to_name = clean_line(data.to_name, "de ontvangende instelling", limit=200)
    handed_to = clean_line(data.handed_over_to, "aan wie is overgedragen", limit=200)
    confirmed_by = clean_line(data.confirmed_by, "wie de overdracht bevestigde", limit=200)
    note = clean_text(data.note, "de toelichting", limit=MAX_NOTE)
    items = _codes(data.handed_over, HandoverItem, "wat is overgedragen")
    if data.confirmed and not (confirmed_by or handed_to):
        raise ValidationError(
            "Vul in wie de overdracht aan de ontvangende kant bevestigde, of zet 'bevestigd' uit."
        )
    with ctx.unit() as s:
        _patient(s, patient_id)
        died_on = s.scalar(select(Death.died_on).where(Death.patient_id == patient_id))
        check_transfer(data.transfer_on, today, from_setting, to_setting, died_on)
        if data.handed_over_by_person_id is not None:
            _person(s, data.handed_over_by_person_id)
        row = Transfer(
            patient_id=patient_id,
            transfer_on=data.transfer_on,
            from_setting=from_setting.value,
            to_setting=to_setting.value,
            to_name=to_name or None,
            reason=reason,
            handed_over_by_person_id=data.handed_over_by_person_id,
            handed_over_to=handed_to or None,
            handed_over=",".join(items),
            careplan_version=(
                _careplan_version(s, patient_id) if HandoverItem.ZORGPLAN.value in items else None
            ),
            confirmed_on=data.transfer_on if data.confirmed else None,
            confirmed_by=(confirmed_by or handed_to) if data.confirmed else None,
            new_central_caregiver_id=data.new_central_caregiver_id,
            note=note or None,
            created_by=ctx.user.id,
        )
        s.add(row)
        s.flush()
        ctx.audit(
            s,
            AuditAction.TRANSFER,
            patient_id=patient_id,
            entity="transfer",
            entity_id=row.id,
            detail={
                "van": from_setting.value,
                "naar": to_setting.value,
                "datum": data.transfer_on,
                "overgedragen": items,
                "bevestigd": data.confirmed,
            },
        )
        if data.new_central_caregiver_id is not None:
            careteam._set_role_holder(
                s,
                ctx,
                patient_id,
                TeamRole.CENTRALE_ZORGVERLENER,
                data.new_central_caregiver_id,
                f"overplaatsing naar {to_setting.label.lower()}: {reason}"[:MAX_REASON],
                data.transfer_on,
            )
        if to_setting in HOSPICE_SETTINGS:
            _add_step(
                s, ctx, patient_id, HospiceStep.OPGENOMEN, data.transfer_on,
                to_name or to_setting.label, "", row.id,
            )  # fmt: skip
        info = _infos(s, [row])[0]
    ctx.changes.publish("patient", patient_id)
    ctx.changes.publish("careteam", patient_id)
    return info


def confirm_transfer(
    ctx: AppContext,
    transfer_id: int,
    confirmed_by: str,
    on: date | None = None,
    *,
    expected_version: int | None = None,
) -> TransferInfo:
    """The receiving party confirmed the handover (later than the transfer itself)."""
    require(ctx, Action.TRANSFER)
    require_row_in_scope(ctx, Transfer, transfer_id)
    who = clean_line(confirmed_by, "wie de overdracht bevestigde", required=True, limit=200)
    today = _today()
    day = on or today
    with ctx.unit() as s:
        row = s.get(Transfer, transfer_id)
        if row is None:
            raise NotFoundError("Deze overplaatsing bestaat niet (meer). Ververs het overzicht.")
        check_version(row, expected_version, "Deze overplaatsing")
        if row.confirmed_on is not None:
            raise ValidationError("Deze overdracht is al bevestigd.")
        check_confirmation(day, row.transfer_on, today)
        row.confirmed_on = day
        row.confirmed_by = who
        s.flush()
        ctx.audit(
            s,
            AuditAction.TRANSFER_CONFIRMED,
            patient_id=row.patient_id,
            entity="transfer",
            entity_id=row.id,
            detail={"datum": day},
        )
        info = _infos(s, [row])[0]
    ctx.changes.publish("patient", info.patient_id)
    return info


def list_transfers(ctx: AppContext, patient_id: int) -> list[TransferInfo]:
    """The patient's transfers, oldest first."""
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    with ctx.read() as s:
        _patient(s, patient_id)
        rows = list(
            s.scalars(
                select(Transfer)
                .where(Transfer.patient_id == patient_id)
                .order_by(Transfer.transfer_on, Transfer.id)
            )
        )
        return _infos(s, rows)


def _add_step(
    s: Session,
    ctx: AppContext,
    patient_id: int,
    step: HospiceStep,
    on: date,
    hospice: str,
    note: str,
    transfer_id: int | None = None,
) -> HospiceReferralStep:
    row = HospiceReferralStep(
        patient_id=patient_id,
        step=step.value,
        step_on=on,
        hospice=hospice,
        transfer_id=transfer_id,
        note=note or None,
        created_by=ctx.user.id,
    )
    s.add(row)
    s.flush()
    ctx.audit(
        s,
        AuditAction.HOSPICE_STEP,
        patient_id=patient_id,
        entity="hospice_referral_step",
        entity_id=row.id,
        detail={"stap": step.value, "datum": on},
    )
    return row


def record_hospice_step(
    ctx: AppContext, patient_id: int, step: str, on: date, hospice: str, note: str = ""
) -> HospiceStepInfo:
    """A step of the hospice referral; the admission itself is recorded as a transfer."""
    require(ctx, Action.TRANSFER)
    require_patient_in_scope(ctx, patient_id)
    kind = HospiceStep(_code(step, HospiceStep, "de stap"))
    if kind is HospiceStep.OPGENOMEN:
        raise ValidationError(
            "Leg de opname vast als overplaatsing naar het hospice (met de warme overdracht); "
            "de stap 'opgenomen' volgt daar vanzelf uit."
        )
    name = clean_line(hospice, "het hospice", required=True, limit=200)
    text = clean_text(note, "de toelichting", limit=MAX_NOTE)
    check_not_future(on, _today(), "De datum van de stap")
    with ctx.unit() as s:
        _patient(s, patient_id)
        row = _add_step(s, ctx, patient_id, kind, on, name, text)
        info = _step_info(row)
    ctx.changes.publish("patient", patient_id)
    return info


def _step_info(r: HospiceReferralStep) -> HospiceStepInfo:
    return HospiceStepInfo(
        r.id, r.step, HospiceStep(r.step).label, r.step_on, r.hospice, r.transfer_id, r.note or ""
    )


def hospice_steps(ctx: AppContext, patient_id: int) -> list[HospiceStepInfo]:
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    with ctx.read() as s:
        _patient(s, patient_id)
        rows = s.scalars(
            select(HospiceReferralStep)
            .where(HospiceReferralStep.patient_id == patient_id)
            .order_by(HospiceReferralStep.step_on, HospiceReferralStep.id)
        )
        return [_step_info(r) for r in rows]
