"""The individual care plan: immutable versions, the current one, and what changed."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.careplan import (
    DIMENSION_KEYS,
    CarePlanContent,
    Change,
    content_from_data,
    diff,
    summary_lines,
    to_data,
    validate,
)
from pzmdo.domain.enums import Dimension
from pzmdo.domain.errors import ConflictError, NotFoundError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import clean_line, clean_text
from pzmdo.services.context import AppContext, lock_row
from pzmdo.services.guard import deny, require
from pzmdo.services.lookup import load_patient
from pzmdo.services.scope import require_patient_in_scope
from pzmdo.store.models import Patient
from pzmdo.store.models.careplan import CarePlanVersion

SOURCES = {"editor": "editor", "import": "import", "agreement": "afspraak", "demo": "demo"}


@dataclass(frozen=True)
class VersionInfo:
    version: int
    effective_on: date  # "actueel per"
    created_at: datetime
    author_name: str
    source: str
    note: str


@dataclass(frozen=True)
class CarePlanView:
    patient_id: int
    version: int
    effective_on: date  # "actueel per"
    created_at: datetime
    author_name: str
    source: str
    note: str
    content: CarePlanContent
    is_current: bool

    @property
    def limits_summary(self) -> list[tuple[str, str]]:
        return summary_lines(self.content)

    def header_text(self) -> str:
        """'Versie 3 · actueel per 25-11-2026 · door Bea Beheer (fictief)'."""
        return (
            f"Versie {self.version} · actueel per {self.effective_on:%d-%m-%Y} · "
            f"door {self.author_name}"
        )


def _view(row: CarePlanVersion, latest: int) -> CarePlanView:
    return CarePlanView(
        patient_id=row.patient_id,
        version=row.version,
        effective_on=row.effective_on,
        created_at=row.created_at,
        author_name=row.author_name,
        source=row.source,
        note=row.note or "",
        content=content_from_data(json.loads(row.content)),
        is_current=row.version == latest,
    )


def _latest_row(s: Session, patient_id: int) -> CarePlanVersion | None:
    return s.scalars(
        select(CarePlanVersion)
        .where(CarePlanVersion.patient_id == patient_id)
        .order_by(CarePlanVersion.version.desc())
        .limit(1)
    ).first()


def _same_as_latest(s: Session, patient_id: int, content: CarePlanContent) -> int | None:
    """The latest version's number when it holds exactly ``content`` (else None)."""
    latest = _latest_row(s, patient_id)
    if latest is not None and content_from_data(json.loads(latest.content)) == content:
        return latest.version
    return None


def current_plan(ctx: AppContext, patient_id: int) -> CarePlanView | None:
    """The current (latest) version, or None when the patient has no care plan yet."""
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    with ctx.unit() as s:
        load_patient(s, patient_id)
        row = _latest_row(s, patient_id)
        ctx.record_opened(s, patient_id)
        return _view(row, row.version) if row else None


def get_version(ctx: AppContext, patient_id: int, version: int) -> CarePlanView:
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    with ctx.unit() as s:
        load_patient(s, patient_id)
        row = s.scalars(
            select(CarePlanVersion).where(
                CarePlanVersion.patient_id == patient_id, CarePlanVersion.version == version
            )
        ).first()
        if row is None:
            raise NotFoundError(f"Versie {version} van het zorgplan bestaat niet.")
        latest = s.scalar(
            select(func.max(CarePlanVersion.version)).where(
                CarePlanVersion.patient_id == patient_id
            )
        )
        ctx.record_opened(s, patient_id)
        return _view(row, int(latest or 0))


def list_versions(ctx: AppContext, patient_id: int) -> list[VersionInfo]:
    """Every version, newest first."""
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    with ctx.read() as s:
        load_patient(s, patient_id)
        rows = s.scalars(
            select(CarePlanVersion)
            .where(CarePlanVersion.patient_id == patient_id)
            .order_by(CarePlanVersion.version.desc())
        )
        return [
            VersionInfo(
                version=r.version,
                effective_on=r.effective_on,
                created_at=r.created_at,
                author_name=r.author_name,
                source=r.source,
                note=r.note or "",
            )
            for r in rows
        ]


def diff_versions(ctx: AppContext, patient_id: int, old: int, new: int) -> list[Change]:
    """What changed between two versions (``old`` may be 0: everything in ``new`` is new)."""
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    before = get_version(ctx, patient_id, old).content if old else CarePlanContent()
    after = get_version(ctx, patient_id, new).content
    return diff(before, after)


def save_plan(
    ctx: AppContext,
    patient_id: int,
    content: CarePlanContent,
    *,
    effective_on: date | None = None,
    note: str = "",
    source: str = "editor",
    expected_version: int | None = None,
) -> int:
    """Store ``content`` as a new version; returns its number.

    ``expected_version`` is the version the editor started from: when someone else saved in
    the meantime, the save is refused instead of silently overwriting their changes.
    """
    require(ctx, Action.CAREPLAN_EDIT, Action.CAREPLAN_DIMENSIONS)
    require_patient_in_scope(ctx, patient_id)
    validate(content)
    note = clean_text(note, "de toelichting bij deze versie", limit=500)
    day = effective_on or date.today()
    if day > date.today():
        raise ValidationError(
            f"'Actueel per' ({day:%d-%m-%Y}) ligt in de toekomst. Kies vandaag of een eerdere "
            "datum."
        )
    if source not in SOURCES:
        raise ValueError(source)
    if not ctx.user.may(Action.CAREPLAN_EDIT):
        _refuse_beyond_dimensions(ctx, patient_id, content)
    with ctx.unit() as s:
        version = _store(s, ctx, patient_id, content, day, note, source, expected_version)
    ctx.changes.publish("careplan", patient_id)
    ctx.changes.publish("patient", patient_id)
    return version


def _refuse_beyond_dimensions(ctx: AppContext, patient_id: int, content: CarePlanContent) -> None:
    """A wijkverpleegkundige edits the four dimensions; the rest stays the physician's."""
    with ctx.db.session() as s:
        latest = _latest_row(s, patient_id)
        before = content_from_data(json.loads(latest.content)) if latest else CarePlanContent()
    kept = {key: getattr(before, key) for key in DIMENSION_KEYS}
    if dataclasses.replace(content, **kept) != before:
        deny(
            ctx,
            Action.CAREPLAN_EDIT,
            "U mag alleen de vier dimensies van het zorgplan wijzigen; de overige onderdelen "
            "wijzigt de huisarts of POH. Er is niets opgeslagen.",
        )


def _store(
    s: Session,
    ctx: AppContext,
    patient_id: int,
    content: CarePlanContent,
    day: date,
    note: str,
    source: str,
    expected_version: int | None,
) -> int:
    load_patient(s, patient_id)
    lock_row(s, Patient, patient_id)  # one numbering of versions per patient, also on a server
    latest = _latest_row(s, patient_id)
    current = latest.version if latest else 0
    if expected_version is not None and expected_version != current:
        who = latest.author_name if latest else "iemand anders"
        when = latest.created_at.astimezone() if latest else None
        at = f" om {when:%H:%M} op {when:%d-%m-%Y}" if when else ""
        raise ConflictError(
            f"Het zorgplan is intussen gewijzigd door {who}{at} (nu versie {current}). Uw "
            "wijzigingen zijn niet opgeslagen: laad opnieuw en neem daarna uw tekst over "
            "(die blijft zichtbaar)."
        )
    if latest is not None and content_from_data(json.loads(latest.content)) == content:
        raise ValidationError(
            f"Er is niets gewijzigd ten opzichte van versie {current}; er is geen nieuwe "
            "versie opgeslagen."
        )
    row = CarePlanVersion(
        patient_id=patient_id,
        version=current + 1,
        content=json.dumps(to_data(content), ensure_ascii=False, sort_keys=True),
        effective_on=day,
        author_user_id=ctx.user.id,
        author_name=ctx.user.name,
        source=source,
        note=note or None,
    )
    s.add(row)
    s.flush()
    ctx.audit(
        s,
        AuditAction.CAREPLAN_SAVE,
        patient_id=patient_id,
        entity="care_plan_version",
        entity_id=row.id,
        detail={"versie": row.version, "bron": source},
    )
    return row.version


def add_agreement(
    ctx: AppContext,
    patient_id: int,
    text: str,
    dimension: str | None = None,
    who: str | None = None,
) -> int:
    """Add one agreement (e.g. from an MDO) as a new plan version; returns the version number.

    With a dimension (fysiek/psychisch/sociaal/zingeving) it goes to that dimension's
    agreements, otherwise to 'overige afspraken'; ``who`` is written after it.
    """
    require(ctx, Action.CAREPLAN_EDIT, Action.CAREPLAN_ADVICE, Action.CAREPLAN_DIMENSIONS)
    require_patient_in_scope(ctx, patient_id)
    if not dimension and not ctx.user.may(Action.CAREPLAN_ADVICE):
        deny(ctx, Action.CAREPLAN_ADVICE)
    with ctx.unit() as s:
        version = _add_agreements(s, ctx, patient_id, [text], dimension, who)
    ctx.changes.publish("careplan", patient_id)
    ctx.changes.publish("patient", patient_id)
    return version


def _add_agreements(
    s: Session,
    ctx: AppContext,
    patient_id: int,
    texts: list[str],
    dimension: str | None,
    who: str | None,
) -> int:
    """Agreements as one new plan version, inside the caller's transaction (an advice
    processed into the plan is one version, stored together with the consultation)."""
    who_text = clean_line(who, "wie de afspraak uitvoert", limit=200)
    lines = []
    for text in texts:
        line = clean_text(text, "de afspraak", required=True, limit=1000)
        lines.append(f"{line} (wie: {who_text})" if who_text else line)
    key = None
    if dimension:
        try:
            key = Dimension.from_text(dimension).value
        except ValueError:
            raise ValidationError(
                f"'{dimension}' is geen dimensie. Kies fysiek, psychisch, sociaal of zingeving."
            ) from None
        assert key in DIMENSION_KEYS
    lock_row(s, Patient, patient_id)  # the agreements join the latest version, not a stale one
    latest = _latest_row(s, patient_id)
    content = content_from_data(json.loads(latest.content)) if latest else CarePlanContent()
    added = "\n".join(lines)
    if key:
        dim = content.dimension(key)
        joined = f"{dim.agreements}\n{added}" if dim.agreements else added
        changes: dict[str, Any] = {key: dataclasses.replace(dim, agreements=joined)}
        content = dataclasses.replace(content, **changes)
    else:
        joined = f"{content.other_agreements}\n{added}" if content.other_agreements else added
        content = dataclasses.replace(content, other_agreements=joined)
    validate(content)
    note = "Afspraak toegevoegd" if len(lines) == 1 else f"{len(lines)} afspraken toegevoegd"
    return _store(s, ctx, patient_id, content, date.today(), note, "agreement", None)


def plan_as_json(view: CarePlanView) -> dict[str, Any]:
    """For ``pzmdo careplan show --json``."""
    from pzmdo.domain.careplan import flatten

    return {
        "patient_id": view.patient_id,
        "versie": view.version,
        "actueel_per": view.effective_on.isoformat(),
        "opgeslagen_op": view.created_at.isoformat(),
        "auteur": view.author_name,
        "bron": view.source,
        "toelichting": view.note,
        "inhoud": to_data(view.content),
        "leesbaar": flatten(view.content),
    }
