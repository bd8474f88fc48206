"""Foundation tables: practice, care-provider directory, users, settings, audit trail."""

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pzmdo.store.models.base import Base, UTCDateTime, utcnow


class Practice(Base):
    """A GP practice; a register holds several (every patient belongs to one)."""

    __tablename__ = "practice"
    __table_args__ = (Index("uq_practice_agb_code", "agb_code", unique=True),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    agb_code: Mapped[str | None] = mapped_column(String(8))
    address: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(100))
    phone: Mapped[str | None] = mapped_column(String(40))
    # The huisartsenpost that covers the practice out of hours (the emergency page).
    hap_name: Mapped[str | None] = mapped_column(String(200))
    hap_phone: Mapped[str | None] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Person(Base):
    """A care provider in the practice's directory (also the person behind a user)."""

    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    discipline: Mapped[str] = mapped_column(String(40))
    organisation: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(40))
    phone_out_of_hours: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    agb_code: Mapped[str | None] = mapped_column(String(8))
    big_registered: Mapped[bool] = mapped_column(Boolean, default=False)
    big_number: Mapped[str | None] = mapped_column(String(11))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AppUser(Base):
    """Someone who can unlock the database. Deactivated, never deleted."""

    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(String(80), unique=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    deactivated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    person: Mapped[Person] = relationship(lazy="joined")
    role_rows: Mapped[list["AppUserRole"]] = relationship(
        lazy="selectin", cascade="all, delete-orphan", order_by="AppUserRole.role"
    )

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(r.role for r in self.role_rows)


class AppUserRole(Base):
    """One role a user holds (a GP may also be beheerder)."""

    __tablename__ = "app_user_role"
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(40), primary_key=True)


class Setting(Base):
    """Practice-wide settings as key/JSON value (idle lock, urgency labels, ...)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEvent(Base):
    """Append-only trail (triggers refuse UPDATE and DELETE): who did what, when, to whom.

    A hash chain makes rewrites visible: ``hash`` = SHA-256 of the predecessor's hash and
    this event's canonical content (``pzmdo.store.audit_chain``); ``seq`` numbers the chain.
    """

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_patient_at", "patient_id", "at"),
        Index("ix_audit_event_user_at", "user_id", "at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer)  # no FK: the trail outlives edits
    user_login: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    patient_id: Mapped[int | None] = mapped_column(Integer)
    entity: Mapped[str | None] = mapped_column(String(40))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str | None] = mapped_column(Text)
