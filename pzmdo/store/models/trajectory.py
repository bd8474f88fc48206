"""The patient's trajectory (issue 17): transfers with warme overdracht, hospice referral
steps, second-line contacts, nazorg contacts and the after-death review.

Created by migration 0011 (branch "trajectory"). Codes are the storage values of the enums
in ``pzmdo.domain.trajectory``; lists are comma-separated codes or newline-separated lines.
"""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pzmdo.store.models.base import Base, UTCDateTime, Versioned, utcnow


class Transfer(Versioned, Base):
    """A dated move between settings, with what was handed over and to whom."""

    __tablename__ = "transfer"
    __table_args__ = (Index("ix_transfer_patient_on", "patient_id", "transfer_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    transfer_on: Mapped[date] = mapped_column(Date)
    from_setting: Mapped[str] = mapped_column(String(30))
    to_setting: Mapped[str] = mapped_column(String(30))
    to_name: Mapped[str | None] = mapped_column(String(200))  # "Hospice De Linde (fictief)"
    reason: Mapped[str] = mapped_column(String(500))
    handed_over_by_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    handed_over_to: Mapped[str | None] = mapped_column(String(200))
    handed_over: Mapped[str] = mapped_column(String(200), default="")  # HandoverItem codes
    careplan_version: Mapped[int | None] = mapped_column(Integer)
    confirmed_on: Mapped[date | None] = mapped_column(Date)
    confirmed_by: Mapped[str | None] = mapped_column(String(200))
    new_central_caregiver_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(Integer)


class HospiceReferralStep(Base):
    """One dated step of a hospice referral (besproken, aangemeld, intake, opgenomen)."""

    __tablename__ = "hospice_referral_step"
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    step: Mapped[str] = mapped_column(String(20))
    step_on: Mapped[date] = mapped_column(Date)
    hospice: Mapped[str] = mapped_column(String(200))
    transfer_id: Mapped[int | None] = mapped_column(ForeignKey("transfer.id"))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(Integer)


class SecondLineContact(Base):
    """A contact with the hospital specialist (FR05): date, direction, channel, outcome."""

    __tablename__ = "second_line_contact"
    __table_args__ = (Index("ix_second_line_contact_patient_on", "patient_id", "contact_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    contact_on: Mapped[date] = mapped_column(Date)
    direction: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(20))
    counterpart: Mapped[str] = mapped_column(String(200))  # specialist / department
    hospital: Mapped[str | None] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(500))
    outcome: Mapped[str | None] = mapped_column(Text)
    received: Mapped[str] = mapped_column(String(20), default="niets")
    received_note: Mapped[str | None] = mapped_column(Text)
    closed_task_id: Mapped[int | None] = mapped_column(ForeignKey("follow_up_task.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(Integer)


class NazorgContact(Base):
    """Contact with the naasten after death: who, when, by whom, outcome."""

    __tablename__ = "nazorg_contact"
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    contact_on: Mapped[date] = mapped_column(Date)
    with_whom: Mapped[str] = mapped_column(String(200))
    by_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    outcome: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(Integer)


class AfterDeathReview(Versioned, Base):
    """The structured nabespreking of one deceased patient (PaTz practice)."""

    __tablename__ = "after_death_review"
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), unique=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_team.id"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"))
    reviewed_on: Mapped[date] = mapped_column(Date, index=True)
    death_expected: Mapped[str] = mapped_column(String(10))
    place_of_death: Mapped[str | None] = mapped_column(String(30))  # copied from the death
    wished_place: Mapped[str | None] = mapped_column(String(30))  # from the care plan
    place_as_wished: Mapped[str] = mapped_column(String(10))
    plan_known_hap: Mapped[str] = mapped_column(String(10))
    plan_known_ambulance: Mapped[str] = mapped_column(String(10))
    went_well: Mapped[str | None] = mapped_column(Text)
    knelpunten: Mapped[str] = mapped_column(Text, default="")  # one per line
    leerpunten: Mapped[str] = mapped_column(Text, default="")  # one per line
    recorded_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
