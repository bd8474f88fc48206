"""External denominators of the quality figures (issue 15): counts the register cannot know
(non-unexpected deaths of a practice's list, a hospital's MDO-PZ list), entered by a
coordinator per practice and period."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from pzmdo.store.models.base import Base, UTCDateTime, utcnow


class KpiDenominator(Base):
    __tablename__ = "kpi_denominator"
    __table_args__ = (UniqueConstraint("practice_id", "kind", "period_start", "period_end"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    practice_id: Mapped[int] = mapped_column(ForeignKey("practice.id"))
    kind: Mapped[str] = mapped_column(String(40))  # pzmdo.domain.kpi.Denominator
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    count: Mapped[int] = mapped_column(Integer)
    entered_by: Mapped[str] = mapped_column(String(80))
    entered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
