"""Reading the audit trail."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from pzmdo.services.context import AppContext
from pzmdo.store.models import AuditEvent


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    user: str
    action: str
    patient_id: int | None
    entity: str | None
    entity_id: int | None
    detail: dict | str | None

    def as_json(self) -> dict:
        return {
            "id": self.id,
            "at": self.at.isoformat(),
            "user": self.user,
            "action": self.action,
            "patient_id": self.patient_id,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "detail": self.detail,
        }


def list_audit(
    ctx: AppContext, *, patient_id: int | None = None, limit: int | None = None
) -> list[AuditEntry]:
    query = select(AuditEvent).order_by(AuditEvent.id)
    if patient_id is not None:
        query = query.where(AuditEvent.patient_id == patient_id)
    if limit:
        query = query.order_by(None).order_by(AuditEvent.id.desc()).limit(limit)
    with ctx.read() as s:
        rows = list(s.scalars(query))
    if limit:
        rows.reverse()
    return [_entry(e) for e in rows]


def _entry(e: AuditEvent) -> AuditEntry:
    detail: dict | str | None = e.detail
    if e.detail and e.detail.startswith("{"):
        with contextlib.suppress(ValueError):
            detail = json.loads(e.detail)
    return AuditEntry(
        e.id, e.at, e.user_login, e.action, e.patient_id, e.entity, e.entity_id, detail
    )
