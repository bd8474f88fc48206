"""Register history (issue 3): status events, signals, markings, urgency, hospital MDO-PZ,
dying phase, death and the follow-up tasks a death creates.

The current state is denormalised on ``patient`` (status, status_since, marked_on,
urgency, urgency_since) by ``pzmdo.services.register``; these tables keep the history.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from pzmdo.store.models.base import Base, UTCDateTime, utcnow


class StatusEvent(Base):
    """One transition of the palliative lifecycle: dated, by whom, why."""

    __tablename__ = "status_event"
    __table_args__ = (Index("ix_status_event_patient_on", "patient_id", "on_date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    on_date: Mapped[date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)
    by_user_id: Mapped[int | None] = mapped_column(Integer)
    by_login: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Signal(Base):
    """A signal that a patient may be in the palliative phase; queued for the physician."""

    __tablename__ = "signal"
    __table_args__ = (Index("ix_signal_open_on", "handled_on", "signalled_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    signalled_on: Mapped[date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(40))
    signal_type: Mapped[str] = mapped_column(String(40))
    signalled_by: Mapped[str | None] = mapped_column(String(200))  # name or role, free text
    note: Mapped[str | None] = mapped_column(Text)
    handled_on: Mapped[date | None] = mapped_column(Date)
    handled_note: Mapped[str | None] = mapped_column(Text)
    by_user_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Marking(Base):
    """The marking of the palliative phase, with the surprise question as asked.

    A marking is open until the patient leaves the marked phase (afgemeld, overleden):
    at most one open marking per patient, enforced by a partial unique index."""

    __tablename__ = "marking"
    __table_args__ = (
        Index(
            "uq_marking_open_patient",
            "patient_id",
            unique=True,
            sqlite_where=text("closed_on IS NULL"),
            postgresql_where=text("closed_on IS NULL"),
        ),
        # Covers the first marking per patient and "marked in the period" (quality figures).
        Index("ix_marking_patient_marked", "patient_id", "marked_on", "closed_on"),
        Index("ix_marking_marked_patient", "marked_on", "patient_id"),  # marked in a period
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    marked_on: Mapped[date] = mapped_column(Date, index=True)
    question_version: Mapped[str] = mapped_column(String(20))
    # None for a marking reported by a hospital MDO-PZ (no surprise question asked here).
    surprise_answer: Mapped[str | None] = mapped_column(String(10))
    marked_by_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    proposed_by: Mapped[str | None] = mapped_column(String(200))
    indicators: Mapped[str | None] = mapped_column(String(300))  # comma-separated codes
    other_grounds: Mapped[str | None] = mapped_column(Text)
    to_agenda: Mapped[bool] = mapped_column(Boolean, default=True)
    in_hospital: Mapped[bool] = mapped_column(Boolean, default=False)
    by_user_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_on: Mapped[date | None] = mapped_column(Date)


class UrgencyChange(Base):
    """Every change of the urgency colour, dated (a change is an agenda reason).

    ``seq`` numbers a patient's changes 1, 2, 3...: one link per place in the chain."""

    __tablename__ = "urgency_change"
    __table_args__ = (UniqueConstraint("patient_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    changed_on: Mapped[date] = mapped_column(Date, index=True)
    previous_code: Mapped[str | None] = mapped_column(String(20))
    code: Mapped[str] = mapped_column(String(20))
    seq: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    note: Mapped[str | None] = mapped_column(Text)
    by_user_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class HospitalMdo(Base):
    """A patient marked or discussed in a hospital MDO-PZ (003:L368, L395)."""

    __tablename__ = "hospital_mdo"
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    mdo_on: Mapped[date] = mapped_column(Date, index=True)
    hospital: Mapped[str] = mapped_column(String(200))
    specialist: Mapped[str | None] = mapped_column(String(200))
    marked_in_hospital: Mapped[bool] = mapped_column(Boolean, default=False)
    acp_received: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)
    by_user_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Stervensfase(Base):
    """The dying phase as judged (002:L225-234)."""

    __tablename__ = "stervensfase"
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    started_on: Mapped[date] = mapped_column(Date)
    indicators: Mapped[str | None] = mapped_column(String(200))
    judged_by: Mapped[str] = mapped_column(String(300))
    zorgpad_started: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)
    by_user_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Death(Base):
    __tablename__ = "death"
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), unique=True)
    died_on: Mapped[date] = mapped_column(Date, index=True)
    place: Mapped[str] = mapped_column(String(30))
    not_unexpected: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str | None] = mapped_column(Text)
    by_user_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class FollowUpTask(Base):
    """Something to do after an event (inform the pharmacy, after-death review, nazorg)."""

    __tablename__ = "follow_up_task"
    __table_args__ = (Index("ix_follow_up_task_open", "done_on", "due_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    due_on: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    done_by_user_id: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PatientWord(Base):
    """Search index: each word of a patient's folded name (``berg``, ``van``, ``ella``).

    Lets the register find "ella" or "de vr" with an index range instead of a table scan
    (100,000 patients). Kept current by the register service, the importer and the demo.
    """

    __tablename__ = "patient_word"
    word: Mapped[str] = mapped_column(String(60), primary_key=True)
    patient_id: Mapped[int] = mapped_column(
        ForeignKey("patient.id", ondelete="CASCADE"), primary_key=True, index=True
    )
