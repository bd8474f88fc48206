"""Care team membership (dated history), naasten, carer burden, VPTZ, PZP conversations."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pzmdo.store.models.base import Base, UTCDateTime, utcnow


class TeamMembership(Base):
    """One person in one role for one patient, from ``start_on`` until ``end_on``.

    Rows are never deleted: a change ends the current row (end date + reason) and adds a
    new one, so the history shows who held which role when, and why it changed.
    """

    __tablename__ = "team_membership"
    __table_args__ = (
        # The dates too: "a centrale zorgverlener in the period" from the index alone.
        Index("ix_team_membership_patient_role_dates", "patient_id", "role", "end_on", "start_on"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    role: Mapped[str] = mapped_column(String(40))
    start_on: Mapped[date] = mapped_column(Date)
    start_reason: Mapped[str] = mapped_column(String(500), default="")
    end_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(Integer)  # app_user.id


class Naaste(Base):
    """Someone close to the patient (family, friend), possibly the mantelzorger."""

    __tablename__ = "naaste"
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    relation: Mapped[str] = mapped_column(String(40))
    relation_other: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    is_mantelzorger: Mapped[bool] = mapped_column(Boolean, default=False)
    is_legal_representative: Mapped[bool] = mapped_column(Boolean, default=False)
    is_first_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CarerBurdenCheck(Base):
    """A repeated check of how heavily the care weighs on a naaste."""

    __tablename__ = "carer_burden_check"
    id: Mapped[int] = mapped_column(primary_key=True)
    naaste_id: Mapped[int] = mapped_column(ForeignKey("naaste.id"), index=True)
    checked_on: Mapped[date] = mapped_column(Date)
    instrument: Mapped[str] = mapped_column(String(30))
    score: Mapped[str | None] = mapped_column(String(200))
    outcome: Mapped[str] = mapped_column(String(20))
    action: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(Integer)


class VptzEvent(Base):
    """A dated step of volunteer palliative care: besproken, aangeboden, aangevraagd, ..."""

    __tablename__ = "vptz_event"
    __table_args__ = (Index("ix_vptz_event_patient_on_status", "patient_id", "event_on", "status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    event_on: Mapped[date] = mapped_column(Date)
    organisation: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(Integer)


class PzpConversation(Base):
    """A proactive care planning (PZP/ACP) conversation; the first one means 'PZP gestart'."""

    __tablename__ = "pzp_conversation"
    __table_args__ = (Index("ix_pzp_conversation_patient_held", "patient_id", "held_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    held_on: Mapped[date] = mapped_column(Date)
    conducted_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    setting: Mapped[str | None] = mapped_column(String(30))
    present_patient: Mapped[bool] = mapped_column(Boolean, default=True)
    present_naasten: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of naaste ids
    present_other: Mapped[str | None] = mapped_column(String(300))
    topics: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of topic codes
    summary: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(Integer)
