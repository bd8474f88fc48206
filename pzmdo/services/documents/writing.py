"""Producing documents: the entry points, checks, writing the PDF and its audit event."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.errors import PzmdoError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.services.context import AppContext
from pzmdo.services.documents.kinds import KINDS, MEETING_KINDS, PATIENT_KINDS, TITLES, DocumentInfo
from pzmdo.services.documents.rendering import _render
from pzmdo.services.guard import require
from pzmdo.services.scope import require_meeting_in_scope, require_patient_in_scope

# -- entry point ---------------------------------------------------------------------------


def produce(
    ctx: AppContext,
    kind: str,
    out: Path,
    *,
    patient_id: int | None = None,
    meeting_id: int | None = None,
    initials_only: bool = False,
    password: str | None = None,
) -> DocumentInfo:
    """Make the document ``kind`` and write it to ``out`` (nothing is left behind on failure)."""
    require(ctx, Action.DOCUMENTS)
    require_patient_in_scope(ctx, patient_id)
    require_meeting_in_scope(ctx, meeting_id)
    from pzmdo.reports.protect import check_password, encrypt_pdf

    out = _check_target(Path(out))
    _check_request(kind, patient_id, meeting_id, initials_only)
    if password is not None:
        check_password(password)

    data, patients, versions = _render(ctx, kind, patient_id, meeting_id, initials_only)
    if password is not None:
        data = encrypt_pdf(data, password)
    digest = hashlib.sha256(data).hexdigest()
    pages = _page_count(data, password)
    info = DocumentInfo(
        kind=kind,
        title=TITLES[kind],
        path=out,
        pages=pages,
        size=len(data),
        sha256=digest,
        patient_ids=tuple(patients),
        careplan_versions=tuple(versions.items()),
        meeting_id=meeting_id,
        protected=password is not None,
        initials_only=initials_only,
    )
    _write_and_audit(ctx, out, data, info)
    ctx.changes.publish("document", *info.patient_ids)
    return info


def produce_for_print(
    ctx: AppContext,
    kind: str,
    *,
    patient_id: int | None = None,
    meeting_id: int | None = None,
    initials_only: bool = False,
) -> tuple[bytes, DocumentInfo]:
    """The same PDF as ``produce`` would save, kept in memory for printing (never on disk);
    the print is recorded in the audit trail like a saved document."""
    require(ctx, Action.DOCUMENTS)
    require_patient_in_scope(ctx, patient_id)
    require_meeting_in_scope(ctx, meeting_id)
    _check_request(kind, patient_id, meeting_id, initials_only)
    data, patients, versions = _render(ctx, kind, patient_id, meeting_id, initials_only)
    info = DocumentInfo(
        kind=kind,
        title=TITLES[kind],
        path=Path(),
        pages=_page_count(data, None),
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        patient_ids=tuple(patients),
        careplan_versions=tuple(versions.items()),
        meeting_id=meeting_id,
        protected=False,
        initials_only=initials_only,
        printed=True,
    )
    with ctx.unit() as s:
        _audit(ctx, s, info)
    ctx.changes.publish("document", *info.patient_ids)
    return data, info


def _check_request(
    kind: str, patient_id: int | None, meeting_id: int | None, initials_only: bool
) -> None:
    if kind not in KINDS:
        raise ValidationError(f"'{kind}' is geen documentsoort. Kies uit: {', '.join(KINDS)}.")
    if kind in PATIENT_KINDS and patient_id is None:
        raise ValidationError(f"Kies een patiënt voor het document '{TITLES[kind]}'.")
    if kind in MEETING_KINDS and meeting_id is None:
        raise ValidationError(f"Kies een overleg voor het document '{TITLES[kind]}'.")
    if initials_only and kind not in ("agenda", "minutes"):
        raise ValidationError(
            "Alleen initialen en geboortejaar kan bij de agenda en het verslag, niet bij "
            f"'{TITLES[kind]}'."
        )


def _check_target(out: Path) -> Path:
    out = out.expanduser()
    if not out.name or out.is_dir():
        raise ValidationError(
            f"'{out}' is een map. Kies een bestandsnaam, bijvoorbeeld zorgplan.pdf."
        )
    if out.suffix.lower() != ".pdf":
        out = out.with_name(out.name + ".pdf")
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ValidationError(
            f"De map '{folder}' bestaat niet. Kies een bestaande map om het document op te slaan."
        )
    if not os.access(folder, os.W_OK):
        raise ValidationError(
            f"In de map '{folder}' mag pzmdo niet schrijven. Kies een andere map."
        )
    return out.absolute()


def _page_count(data: bytes, password: str | None) -> int:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if password is not None:
        reader.decrypt(password)
    return len(reader.pages)


def _write_and_audit(ctx: AppContext, out: Path, data: bytes, info: DocumentInfo) -> None:
    """Write next to the target, then rename over it inside the audit transaction.

    The temporary file lives in the target folder (never in a temp folder), readable only by
    the user, and is removed when anything fails; the audit event commits with the file.
    """
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.deel")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        _remove(tmp)
        raise PzmdoError(
            f"Het document kon niet worden opgeslagen in '{out.parent}' ({exc.strerror}). "
            "Kies een andere map of maak ruimte vrij en probeer het opnieuw."
        ) from None
    replaced = False
    try:
        with ctx.unit() as s:
            _audit(ctx, s, info)
            try:
                os.replace(tmp, out)
            except OSError as exc:
                raise PzmdoError(
                    f"Het document kon niet worden opgeslagen als '{out.name}' "
                    f"({exc.strerror}). Is het bestand nog geopend in een ander programma? "
                    "Sluit het en probeer het opnieuw."
                ) from None
            replaced = True
    except BaseException:
        _remove(tmp)
        if replaced:  # the audit did not commit: do not leave an unrecorded document behind
            _remove(out)
        raise


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _audit(ctx: AppContext, s: Session, info: DocumentInfo) -> None:
    versions = dict(info.careplan_versions)
    common = {
        "soort": info.kind,
        "titel": info.title,
        "bestand": "(afgedrukt)" if info.printed else info.path.name,
        "afgedrukt": info.printed,
        "sha256": info.sha256,
        "paginas": info.pages,
        "beveiligd": info.protected,
        "initialen": info.initials_only,
        "patienten": list(info.patient_ids),
        "overleg": info.meeting_id,
    }
    entity, entity_id = ("meeting", info.meeting_id) if info.meeting_id else ("document", None)
    targets: Iterable[int | None] = info.patient_ids or (None,)
    for pid in targets:
        detail = dict(common)
        if pid is not None and pid in versions:
            detail["zorgplanversie"] = versions[pid]
        ctx.audit(
            s,
            AuditAction.DOCUMENT,
            patient_id=pid,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
        )
