"""The list of documents produced (from the audit trail)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select

from pzmdo.domain.permissions import Action
from pzmdo.services.context import AppContext
from pzmdo.services.documents.kinds import TITLES
from pzmdo.services.guard import require
from pzmdo.services.scope import patient_id_clause, require_patient_in_scope, scope_of
from pzmdo.store.models import AppUser, Person


@dataclass(frozen=True)
class DocumentRecord:
    """One produced document, as the audit trail remembers it."""

    at: datetime
    user: str
    kind: str
    title: str
    file_name: str
    pages: int | None
    sha256: str
    patient_id: int | None
    careplan_version: int | None
    meeting_id: int | None
    protected: bool


def document_history(
    ctx: AppContext, patient_id: int | None = None, limit: int = 200
) -> list[DocumentRecord]:
    """Documents produced (newest first), for one patient or all; one row per document."""
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    import json

    from pzmdo.store.models import AuditEvent

    query = select(AuditEvent).where(AuditEvent.action == "document")
    if patient_id is not None:
        query = query.where(AuditEvent.patient_id == patient_id)
    query = query.order_by(AuditEvent.id.desc()).limit(limit * 5 if patient_id is None else limit)
    with ctx.read() as s:
        scope = scope_of(s, ctx)
        rows = list(
            s.scalars(
                query.where(
                    or_(
                        AuditEvent.patient_id.is_(None),
                        patient_id_clause(scope, AuditEvent.patient_id),
                    )
                )
            )
        )
        # Shown by full name ("Dr. A. Jansen"), as people know each other, not by login.
        names = dict(
            s.execute(
                select(AppUser.login, Person.name).join(Person, Person.id == AppUser.person_id)
            ).all()
        )
    out: list[DocumentRecord] = []
    seen: set[str] = set()
    for row in rows:
        try:
            detail = json.loads(row.detail or "{}")
        except ValueError:
            continue
        digest = str(detail.get("sha256", ""))
        if patient_id is None and digest in seen:  # a batch is one document, many events
            continue
        seen.add(digest)
        kind = str(detail.get("soort", ""))
        out.append(
            DocumentRecord(
                at=row.at,
                user=names.get(row.user_login, row.user_login),
                kind=kind,
                title=str(detail.get("titel", TITLES.get(kind, kind))),
                file_name=str(detail.get("bestand", "")),
                pages=detail.get("paginas"),
                sha256=digest,
                patient_id=row.patient_id,
                careplan_version=detail.get("zorgplanversie"),
                meeting_id=detail.get("overleg"),
                protected=bool(detail.get("beveiligd")),
            )
        )
        if len(out) >= limit:
            break
    return out
