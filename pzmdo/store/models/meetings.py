"""MDO / PaTz meetings: team settings, meetings, agenda, discussion record, actions.

Created by migration 0004 (branch "meetings"). A closed meeting is frozen by the service
layer; changes after closing are ``meeting_amendment`` rows (dated, never silent edits).
"""

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from pzmdo.domain.meetings import (
    DEFAULT_MINUTES_PER_PATIENT,
    DEFAULT_REVIEW_INTERVAL_WEEKS,
    KERNTEAM_CADENCE_WEEKS,
)
from pzmdo.store.models.base import Base, UTCDateTime, Versioned, utcnow


class MeetingTeam(Base):
    """Team settings: a kernteam, a PaTz group or a transmural meeting."""

    __tablename__ = "meeting_team"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), default="kernteam")
    cadence_weeks: Mapped[int] = mapped_column(Integer, default=KERNTEAM_CADENCE_WEEKS)
    review_interval_weeks: Mapped[int] = mapped_column(
        Integer, default=DEFAULT_REVIEW_INTERVAL_WEEKS
    )
    minutes_per_patient: Mapped[int] = mapped_column(Integer, default=DEFAULT_MINUTES_PER_PATIENT)
    default_place: Mapped[str | None] = mapped_column(String(200))
    default_time: Mapped[time | None] = mapped_column(Time)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MeetingTeamMember(Base):
    __tablename__ = "meeting_team_member"
    __table_args__ = (UniqueConstraint("team_id", "person_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("meeting_team.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    default_attendee: Mapped[bool] = mapped_column(Boolean, default=True)
    role: Mapped[str] = mapped_column(String(20), default="lid")  # a TeamMemberRole code


class Meeting(Versioned, Base):
    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_team_held", "team_id", "held_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("meeting_team.id"))
    held_on: Mapped[date] = mapped_column(Date, index=True)
    start_time: Mapped[time | None] = mapped_column(Time)
    place: Mapped[str | None] = mapped_column(String(200))
    online_link: Mapped[str | None] = mapped_column(String(500))
    chair_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    scribe_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    theme: Mapped[str | None] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20), default="gepland", index=True)
    proposal_built_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by: Mapped[str | None] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MeetingAgendaItem(Base):
    """A line of the agenda: a patient (or a theme / general line) with its reason."""

    __tablename__ = "meeting_agenda_item"
    __table_args__ = (Index("ix_meeting_agenda_item_meeting_pos", "meeting_id", "position"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"))
    position: Mapped[int] = mapped_column(Integer)
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patient.id"), index=True)
    reason: Mapped[str] = mapped_column(String(40))
    reasons: Mapped[str] = mapped_column(String(200), default="")  # comma-separated codes
    detail: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str | None] = mapped_column(String(300))  # theme / general line
    status: Mapped[str] = mapped_column(String(20), default="voorgesteld")
    carried_from_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_agenda_item.id"))
    seconds_spent: Mapped[int] = mapped_column(Integer, default=0)
    discussed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    removed_reason: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MeetingNomination(Base):
    """A team member asks for a patient to be discussed at the next meeting."""

    __tablename__ = "meeting_nomination"
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    nominated_by_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    note: Mapped[str] = mapped_column(String(500), default="")
    # For one team's next meeting; None: the next meeting of any team of the patient's practice.
    team_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_team.id"))
    nominated_on: Mapped[date] = mapped_column(Date)
    used_in_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MeetingNote(Base):
    """Discussion notes of one agenda item for one dimension (fysiek, psychisch, ...)."""

    __tablename__ = "meeting_note"
    __table_args__ = (UniqueConstraint("item_id", "dimension"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("meeting_agenda_item.id"))
    dimension: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)


class MeetingChecklist(Base):
    __tablename__ = "meeting_checklist"
    __table_args__ = (UniqueConstraint("item_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("meeting_agenda_item.id"))
    code: Mapped[str] = mapped_column(String(40))
    answer: Mapped[str] = mapped_column(String(10))


class MeetingDecision(Base):
    __tablename__ = "meeting_decision"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_agenda_item.id"))
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patient.id"))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(80))


class MeetingAction(Base):
    """What, who, by when; stays on the next agendas until done."""

    __tablename__ = "meeting_action"
    __table_args__ = (Index("ix_meeting_action_open", "done_on", "patient_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int | None] = mapped_column(ForeignKey("patient.id"), index=True)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_agenda_item.id"))
    what: Mapped[str] = mapped_column(String(500))
    owner_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    due: Mapped[date | None] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)
    done_note: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(80))


class MeetingAttendance(Base):
    __tablename__ = "meeting_attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id"),
        # "the triad was present" (quality figures) from the index alone.
        Index("ix_meeting_attendance_meeting_role", "meeting_id", "role", "present"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    role: Mapped[str] = mapped_column(String(40))  # a Discipline code
    function: Mapped[str] = mapped_column(String(20), default="deelnemer")
    present: Mapped[bool | None] = mapped_column(Boolean)  # None = invited, not yet known


class MeetingAmendment(Base):
    """A dated addition to a closed meeting's record."""

    __tablename__ = "meeting_amendment"
    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("meeting_agenda_item.id"))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    by: Mapped[str] = mapped_column(String(80))
