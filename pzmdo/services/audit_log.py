"""Reading, filtering, exporting and verifying the audit trail (NEN 7513).

Only a beheerder (privacy officer) reads it; every read and export is itself audited.
The GUI pages through ``audit_ids`` (all matching ids, cheap) and ``audit_rows`` (one
page of rows with names instead of ids).
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Select, select

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.dates import format_date
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import display_name, fold
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.unlock import validate_login
from pzmdo.store import audit_chain
from pzmdo.store.models import AppUser, AuditEvent, Patient, Person


def label_of(action: str) -> str:
    """The Dutch label of a stored action code (an unknown, older code as it is)."""
    try:
        return AuditAction(action).label
    except ValueError:
        return action


@dataclass(frozen=True)
class AuditFilter:
    """Which events to show; every field optional. Dates are local calendar days."""

    patient_id: int | None = None
    patient_name: str | None = None  # every word must occur in the patient's name
    user_login: str | None = None
    action: str | None = None
    since: date | None = None
    until: date | None = None

    def as_detail(self) -> dict[str, Any]:
        """The filter as the audit trail shows it: Dutch keys, Dutch dates and labels."""
        values: dict[str, Any] = {
            "patiënt": self.patient_id,
            "patiëntnaam": self.patient_name,
            "gebruiker": self.user_login,
            "actie": label_of(self.action) if self.action else None,
            "vanaf": format_date(self.since) if self.since else None,
            "tot en met": format_date(self.until) if self.until else None,
        }
        return {k: str(v) for k, v in values.items() if v is not None}


@dataclass(frozen=True)
class AuditEntry:
    id: int
    seq: int
    at: datetime
    user: str  # login
    user_name: str
    action: str
    action_label: str
    patient_id: int | None
    patient_name: str
    entity: str | None
    entity_id: int | None
    detail: dict[str, Any] | str | None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "volgnummer": self.seq,
            "at": self.at.isoformat(),
            "user": self.user,
            "gebruiker": self.user_name,
            "action": self.action,
            "actie": self.action_label,
            "patient_id": self.patient_id,
            "patient": self.patient_name,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class ChainReport:
    events: int
    head: str  # "seq:first 16 hex"
    broken_seq: int | None
    broken_event_id: int | None
    reason: str  # Dutch; empty when intact

    @property
    def intact(self) -> bool:
        return self.broken_seq is None


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min).astimezone(UTC)


def _query(flt: AuditFilter) -> Select[int]:
    query = select(AuditEvent.id).order_by(AuditEvent.seq)
    if flt.patient_id is not None:
        query = query.where(AuditEvent.patient_id == flt.patient_id)
    if flt.patient_name:
        patients = select(Patient.id)
        for word in fold(flt.patient_name).split():
            patients = patients.where(Patient.search_name.contains(word))
        query = query.where(AuditEvent.patient_id.in_(patients))
    if flt.user_login:
        query = query.where(AuditEvent.user_login == validate_login(flt.user_login))
    if flt.action:
        try:
            code = AuditAction.from_text(flt.action).value
        except ValueError:
            raise ValidationError(
                f"Onbekende actie '{flt.action}'. Zie 'pzmdo audit --help' voor de lijst."
            ) from None
        query = query.where(AuditEvent.action == code)
    if flt.since and flt.until and flt.until < flt.since:
        raise ValidationError("De einddatum ligt voor de begindatum; kies een geldige periode.")
    if flt.since:
        query = query.where(AuditEvent.at >= _start_of(flt.since))
    if flt.until:
        query = query.where(AuditEvent.at < _start_of(flt.until + timedelta(days=1)))
    return query


def audit_ids(ctx: AppContext, flt: AuditFilter | None = None) -> list[int]:
    """Ids of every matching event, oldest first; the search itself is audited."""
    require(ctx, Action.AUDIT_READ)
    flt = flt or AuditFilter()
    with ctx.unit() as s:
        ids = list(s.scalars(_query(flt)))
        ctx.audit(
            s, AuditAction.AUDIT_READ, patient_id=flt.patient_id, detail=flt.as_detail() or None
        )
    return ids


def audit_rows(ctx: AppContext, ids: list[int]) -> list[AuditEntry]:
    """One page of events (in the order of ``ids``) with user and patient names."""
    require(ctx, Action.AUDIT_READ)
    with ctx.read() as s:
        return _entries(s, ids)


def list_audit(
    ctx: AppContext,
    *,
    patient_id: int | None = None,
    limit: int | None = None,
    flt: AuditFilter | None = None,
) -> list[AuditEntry]:
    """Matching events, oldest first (``limit``: only the newest that many)."""
    require(ctx, Action.AUDIT_READ)
    ids = audit_ids(ctx, flt or AuditFilter(patient_id=patient_id))
    if limit:
        ids = ids[-limit:]
    return audit_rows(ctx, ids)


def export_audit(ctx: AppContext, flt: AuditFilter, out: Path) -> int:
    """Write the selection as CSV (owner-only file); returns the number of events."""
    require(ctx, Action.AUDIT_READ)
    out = Path(out)
    entries = list_audit(ctx, flt=flt)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh, delimiter=";")
            writer.writerow(
                [
                    "volgnummer",
                    "tijdstip",
                    "gebruiker",
                    "naam",
                    "actie",
                    "patiënt-id",
                    "patiënt",
                    "onderwerp",
                    "onderwerp-id",
                    "details",
                ]
            )
            for e in entries:
                writer.writerow(
                    [
                        e.seq,
                        e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                        e.user,
                        e.user_name,
                        e.action_label,
                        e.patient_id or "",
                        e.patient_name,
                        e.entity or "",
                        e.entity_id or "",
                        json.dumps(e.detail, ensure_ascii=False) if e.detail else "",
                    ]
                )
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    with ctx.unit() as s:
        detail = {**flt.as_detail(), "bestand": out.name, "aantal": len(entries)}
        ctx.audit(s, AuditAction.AUDIT_EXPORT, patient_id=flt.patient_id, detail=detail)
    return len(entries)


def audit_users(ctx: AppContext) -> list[tuple[str, str]]:
    """(login, name) of every user, for the filter list."""
    require(ctx, Action.AUDIT_READ)
    with ctx.read() as s:
        return [
            (u.login, u.person.name) for u in s.scalars(select(AppUser).order_by(AppUser.login))
        ]


def check_chain(ctx: AppContext) -> ChainReport:
    """Verify every link of the hash chain; the first broken link is reported."""
    require(ctx, Action.AUDIT_READ)
    with ctx.read() as s:
        count, broken = audit_chain.verify(s)
        head = audit_chain.head(s)
    if broken is None:
        return ChainReport(count, head.short, None, None, "")
    return ChainReport(count, head.short, broken.seq, broken.event_id, broken.reason)


def _entries(s: Any, ids: list[int]) -> list[AuditEntry]:
    if not ids:
        return []
    rows = {e.id: e for e in s.scalars(select(AuditEvent).where(AuditEvent.id.in_(ids)))}
    user_ids = {e.user_id for e in rows.values() if e.user_id is not None}
    patient_ids = {e.patient_id for e in rows.values() if e.patient_id is not None}
    users = (
        dict(
            s.execute(
                select(AppUser.id, Person.name).join(Person).where(AppUser.id.in_(user_ids))
            ).all()
        )
        if user_ids
        else {}
    )
    patients = (
        {
            p.id: display_name(p.given_name, p.name_prefix, p.family_name)
            for p in s.scalars(select(Patient).where(Patient.id.in_(patient_ids)))
        }
        if patient_ids
        else {}
    )
    out = []
    for i in ids:
        e = rows.get(i)
        if e is None:
            continue
        detail: dict[str, Any] | str | None = e.detail
        if e.detail and e.detail.startswith("{"):
            with contextlib.suppress(ValueError):
                detail = json.loads(e.detail)
        label = label_of(e.action)
        out.append(
            AuditEntry(
                e.id,
                e.seq,
                e.at,
                e.user_login,
                users.get(e.user_id, e.user_login),
                e.action,
                label,
                e.patient_id,
                patients.get(e.patient_id, ""),
                e.entity,
                e.entity_id,
                detail,
            )
        )
    return out
