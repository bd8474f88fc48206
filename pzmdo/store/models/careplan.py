"""Care plan versions: each save is a new, immutable row (triggers refuse UPDATE/DELETE)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pzmdo.store.models.base import Base, UTCDateTime, utcnow


class CarePlanVersion(Base):
    __tablename__ = "care_plan_version"
    __table_args__ = (
        UniqueConstraint("patient_id", "version"),
        # "had a care plan by then" from the index alone (quality figures, 0011a).
        Index("ix_care_plan_version_patient_effective", "patient_id", "effective_on"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    # JSON of pzmdo.domain.careplan.CarePlanContent
    content: Mapped[str] = mapped_column(Text)
    effective_on: Mapped[date] = mapped_column(Date)  # "actueel per"
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    author_user_id: Mapped[int | None] = mapped_column(Integer)
    author_name: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(20), default="editor")  # editor/import/...
    note: Mapped[str | None] = mapped_column(String(500))
