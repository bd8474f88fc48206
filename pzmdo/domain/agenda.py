"""Agenda reasons and candidates for the MDO / PaTz meeting.

Feature areas propose candidates (``AgendaCandidate``); the meeting area orders and
merges them into an agenda proposal. The order of ``AgendaReason`` is the proposal order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum


class AgendaReason(IntEnum):
    """Why a patient is proposed for the agenda; lower value = earlier on the agenda."""

    DECEASED = 1  # nabespreking (after-death review)
    URGENCY_CHANGED = 2
    NEWLY_MARKED_OR_SIGNALLED = 3
    HOSPITAL_MDO_PZ = 4
    OPEN_CONSULTATION_OR_OVERDUE_ACTION = 5
    PERIODIC_REVIEW_OR_NEVER_DISCUSSED = 6
    THEME = 7
    NOMINATED = 8  # put forward by a team member ahead of the meeting
    CARRIED_OVER = 9  # not reached in the previous meeting


@dataclass(frozen=True)
class AgendaCandidate:
    patient_id: int | None  # None for a theme slot
    reason: AgendaReason
    detail: str  # Dutch, shown to the POH: "overleden op 03-11-2026 (thuis)"
    since: date | None = None  # the date of the event behind the reason
