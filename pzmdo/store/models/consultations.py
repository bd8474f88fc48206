"""Specialist palliative care consultation (issue 6): teams, their members, consultations."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from pzmdo.store.models.base import Base, UTCDateTime, Versioned, utcnow
from pzmdo.store.models.core import Person


class ConsultTeam(Base):
    """A specialist palliative care team (STOP, PACT, regional team, ...)."""

    __tablename__ = "consult_team"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    team_type: Mapped[str] = mapped_column(String(30))
    subregion: Mapped[str | None] = mapped_column(String(100))
    phone_office: Mapped[str | None] = mapped_column(String(40))
    phone_anw: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    members: Mapped[list[ConsultTeamMember]] = relationship(
        back_populates="team", cascade="all, delete-orphan", order_by="ConsultTeamMember.id"
    )


class ConsultTeamMember(Base):
    """A consultant of a team: a person from the care-provider directory."""

    __tablename__ = "consult_team_member"
    __table_args__ = (UniqueConstraint("team_id", "person_id", name="uq_consult_team_member"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("consult_team.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)

    team: Mapped[ConsultTeam] = relationship(back_populates="members")
    person: Mapped[Person] = relationship(lazy="joined")


class Consultation(Versioned, Base):
    """One request for specialist advice about a patient, with a timestamp per transition."""

    __tablename__ = "consultation"
    __table_args__ = (
        Index("ix_consultation_status_requested", "status", "requested_at"),
        Index("ix_consultation_patient_requested", "patient_id", "requested_at"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    team_id: Mapped[int] = mapped_column(ForeignKey("consult_team.id"), index=True)
    consultant_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    requested_by_person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    # The meeting the request came from (meetings live in another migration branch,
    # so this is a plain reference, not a foreign key).
    meeting_id: Mapped[int | None] = mapped_column(Integer, index=True)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime)
    time_window: Mapped[str] = mapped_column(String(20))
    question: Mapped[str] = mapped_column(Text)
    mode: Mapped[str] = mapped_column(String(30))
    complexity: Mapped[str] = mapped_column(String(20))
    dimensions: Mapped[str] = mapped_column(String(200), default="")  # comma-separated codes
    status: Mapped[str] = mapped_column(String(20), default="aangevraagd")
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    advice_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    advice: Mapped[str | None] = mapped_column(Text)
    advice_by_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    processed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    processed_into: Mapped[str | None] = mapped_column(String(200))
    created_by_user_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    team: Mapped[ConsultTeam] = relationship(lazy="joined")
