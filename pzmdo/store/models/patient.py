"""The patient in the palliative register (issue 3 extends the register around it)."""

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from pzmdo.store.models.base import Base, UTCDateTime, Versioned, utcnow


class Patient(Versioned, Base):
    __tablename__ = "patient"
    __table_args__ = (
        Index("ix_patient_status_family", "status", "family_name"),
        Index("ix_patient_his_birth", "his_number", "birth_date"),
        # Scoped lists and the agenda proposal of a team select by practice first.
        Index("ix_patient_practice_status", "practice_id", "status"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    # Required: SQLite triggers (0009) refuse a patient without a practice, because NOT NULL
    # cannot be added to a referenced table in place; the column itself stays nullable.
    practice_id: Mapped[int] = mapped_column(ForeignKey("practice.id"), nullable=True)
    given_name: Mapped[str] = mapped_column(String(100))
    name_prefix: Mapped[str | None] = mapped_column(String(20))  # tussenvoegsel
    family_name: Mapped[str] = mapped_column(String(100))
    # Lower-case, diacritics folded "family given" for fast, forgiving search.
    search_name: Mapped[str] = mapped_column(String(240), index=True)
    birth_date: Mapped[date] = mapped_column(Date, index=True)
    sex: Mapped[str] = mapped_column(String(10), default="onbekend")
    bsn: Mapped[str | None] = mapped_column(String(9), unique=True)
    his_number: Mapped[str | None] = mapped_column(String(40))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(200))
    postcode: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(100))
    gp_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="gesignaleerd", index=True)
    status_since: Mapped[date] = mapped_column(Date, default=date.today)
    marked_on: Mapped[date | None] = mapped_column(Date, index=True)
    # Denormalised for a fast, indexed register; each is kept up to date by the service
    # that owns the underlying history (register, care team, meetings).
    urgency: Mapped[str | None] = mapped_column(String(20))
    urgency_since: Mapped[date | None] = mapped_column(Date)
    central_caregiver_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    last_discussed_on: Mapped[date | None] = mapped_column(Date, index=True)
    next_review_on: Mapped[date | None] = mapped_column(Date)
    # Register details (issue 3).
    condition: Mapped[str | None] = mapped_column(String(30))
    condition_note: Mapped[str | None] = mapped_column(Text)
    hospital: Mapped[str | None] = mapped_column(String(200))  # 2nd-line treatment
    specialist: Mapped[str | None] = mapped_column(String(200))
    wilsbekwaamheid: Mapped[str | None] = mapped_column(String(20))
    representative_name: Mapped[str | None] = mapped_column(String(200))
    representative_relation: Mapped[str | None] = mapped_column(String(80))
    representative_phone: Mapped[str | None] = mapped_column(String(40))
    populations: Mapped[str | None] = mapped_column(String(200))  # comma-separated codes
    sharing_objection: Mapped[bool] = mapped_column(Boolean, default=False)
    wlz_indication: Mapped[bool] = mapped_column(Boolean, default=False)
    is_fictional: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
