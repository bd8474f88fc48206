"""Several practices and teams in one register: who is attached to what, and patient moves.

Created by migration 0009. A user sees the patients of the practices they are attached to
and of the practices of their teams (``pzmdo.services.scope``).
"""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from pzmdo.store.models.base import Base, UTCDateTime, utcnow


class MeetingTeamPractice(Base):
    """A practice whose patients a meeting team discusses."""

    __tablename__ = "meeting_team_practice"
    team_id: Mapped[int] = mapped_column(ForeignKey("meeting_team.id"), primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practice.id"), primary_key=True)


class UserPractice(Base):
    __tablename__ = "user_practice"
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practice.id"), primary_key=True)


class UserTeam(Base):
    __tablename__ = "user_team"
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"), primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("meeting_team.id"), primary_key=True)


class PatientPracticeMove(Base):
    """A dated move of a patient to another practice (history; never edited)."""

    __tablename__ = "patient_practice_move"
    __table_args__ = (Index("ix_patient_practice_move_patient", "patient_id", "moved_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    from_practice_id: Mapped[int] = mapped_column(ForeignKey("practice.id"))
    to_practice_id: Mapped[int] = mapped_column(ForeignKey("practice.id"))
    moved_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(80))
