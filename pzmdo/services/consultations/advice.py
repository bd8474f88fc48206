"""Advice → care plan agreements or meeting actions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.consultations import ConsultStatus
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.services import careplan
from pzmdo.services.consultations.helpers import _enum, _now, _person_name
from pzmdo.services.consultations.results import ENTITY, ProcessResult
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.lookup import load_consultation
from pzmdo.services.scope import require_meeting_in_scope, require_row_in_scope
from pzmdo.store.models.consultations import Consultation

# -- advice → care plan agreements or meeting actions ------------------------------------------

_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s*")


def advice_items(advice: str) -> list[str]:
    """The advice split into items: one per line, bullets and numbering removed."""
    items = [_BULLET.sub("", line).strip() for line in advice.splitlines()]
    return [i for i in items if i]


def _mark_processed(c: Consultation, description: str, close: bool) -> None:
    c.processed_at = _now()
    c.processed_into = description
    if close and c.status == ConsultStatus.ADVIES_GEGEVEN.value:
        c.status = ConsultStatus.AFGESLOTEN.value
        c.closed_at = c.processed_at


def process_advice(
    ctx: AppContext,
    consultation_id: int,
    target: str,
    items: Sequence[str] | None = None,
    *,
    owner_person_id: int | None = None,
    due: date | None = None,
    dimension: str | None = None,
    meeting_id: int | None = None,
    close: bool = True,
) -> ProcessResult:
    """Turn the advice into care-plan agreements (``careplan``) or meeting actions (``actions``).

    Each item becomes one agreement or action (default: each line of the advice). With
    ``close`` an advised consultation is closed in the same step.
    """
    require(ctx, Action.CAREPLAN_EDIT)
    require_row_in_scope(ctx, Consultation, consultation_id)
    require_meeting_in_scope(ctx, meeting_id)
    if target not in ("careplan", "actions"):
        raise ValidationError(
            "Kies waar het advies heen gaat: 'careplan' (afspraken in het zorgplan) of "
            "'actions' (acties voor het overleg)."
        )
    if dimension is not None:
        from pzmdo.domain.enums import Dimension

        dimension = _enum(Dimension, dimension, "dimensie").value
    # One user action, one transaction: the agreements (or actions) and the consultation's
    # "verwerkt" state commit together, and the checks below hold the write lock.
    with ctx.unit() as s:
        c = load_consultation(s, consultation_id)
        status = ConsultStatus(c.status)
        patient_id = c.patient_id
        advice = c.advice or ""
        if status not in (ConsultStatus.ADVIES_GEGEVEN, ConsultStatus.AFGESLOTEN) or not advice:
            raise ValidationError(
                "Er is nog geen advies vastgelegd; leg eerst het advies vast en verwerk het daarna."
            )
        if c.processed_into:
            raise ValidationError(
                f"Dit advies is al verwerkt ({c.processed_into}). Pas het zorgplan of de acties "
                "daar aan."
            )
        chosen = [i.strip() for i in (items if items is not None else advice_items(advice))]
        chosen = [i for i in chosen if i]
        if not chosen:
            raise ValidationError("Kies minstens één onderdeel van het advies om over te nemen.")
        created: list[int] = []
        if target == "careplan":
            who = _person_name(s, c.advice_by_person_id or c.consultant_person_id) or c.team.name
            version = careplan._add_agreements(s, ctx, patient_id, chosen, dimension, who)
            created.append(version)
            description = (
                f"{len(chosen)} {'afspraak' if len(chosen) == 1 else 'afspraken'} in het "
                f"zorgplan (versie {version})"
            )
        else:
            from pzmdo.services import meetings  # here: meetings imports this module

            for item in chosen:
                created.append(
                    meetings._add_action(
                        ctx, patient_id, item, owner_person_id, due, meeting_id, date.today()
                    )
                )
            description = f"{len(chosen)} {'actie' if len(chosen) == 1 else 'acties'}"
        _mark_processed(c, description, close)
        ctx.audit(
            s,
            AuditAction.CONSULT_ADVIES_VERWERKT,
            patient_id=patient_id,
            entity=ENTITY,
            entity_id=consultation_id,
            detail={"doel": target, "aantal": len(chosen), "ids": created},
        )
    ctx.changes.publish(ENTITY, consultation_id)
    ctx.changes.publish("patient", patient_id)
    ctx.changes.publish("careplan" if target == "careplan" else "action", patient_id)
    return ProcessResult(target, tuple(created), description)
