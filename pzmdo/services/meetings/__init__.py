"""MDO / PaTz meetings: team settings, planning, the agenda builder, recording, closing.

Every call is one transaction with its audit events. A closed meeting ("afgerond") is
frozen: every write refuses with a Dutch ``ReadOnlyError``; later changes are stored as
dated amendments. Open actions come back on every agenda until they are done. Closing
keeps ``patient.last_discussed_on`` / ``patient.next_review_on`` current.
"""

from __future__ import annotations

from pzmdo.services.meetings.actions import (
    _add_action,
    add_action,
    add_decision,
    complete_action,
    open_actions,
    remove_action,
    remove_decision,
    update_action,
    update_decision,
)
from pzmdo.services.meetings.agenda_builder import (
    accept_all,
    accept_item,
    accept_items,
    add_patient,
    add_theme,
    agenda,
    move_item,
    nominate,
    propose_agenda,
    remove_item,
    remove_items,
    reorder,
    restore_items,
)
from pzmdo.services.meetings.planning import (
    get_meeting,
    list_meetings,
    plan_meeting,
    update_meeting,
)
from pzmdo.services.meetings.record import discussion, meeting_record
from pzmdo.services.meetings.results import (
    MAX_REVIEW_PROPOSALS,
    ON_AGENDA,
    VISIBLE,
    ActionInfo,
    AgendaItemInfo,
    AmendmentInfo,
    AttendanceInfo,
    DecisionInfo,
    ItemRecord,
    MeetingInfo,
    MeetingRecord,
    PatientBrief,
    PersonBrief,
    TeamInfo,
    TeamMemberInfo,
)
from pzmdo.services.meetings.running import (
    amend,
    attendance,
    close_meeting,
    save_discussion,
    set_attendance,
    start_meeting,
)
from pzmdo.services.meetings.summary import patient_brief
from pzmdo.services.meetings.team import get_team, list_people, save_team, suggest_next_date

__all__ = [
    "ActionInfo",
    "AgendaItemInfo",
    "AmendmentInfo",
    "AttendanceInfo",
    "DecisionInfo",
    "ItemRecord",
    "MAX_REVIEW_PROPOSALS",
    "MeetingInfo",
    "MeetingRecord",
    "ON_AGENDA",
    "PatientBrief",
    "PersonBrief",
    "TeamInfo",
    "TeamMemberInfo",
    "VISIBLE",
    "_add_action",
    "accept_all",
    "accept_item",
    "accept_items",
    "add_action",
    "add_decision",
    "add_patient",
    "add_theme",
    "agenda",
    "amend",
    "attendance",
    "close_meeting",
    "complete_action",
    "discussion",
    "get_meeting",
    "get_team",
    "list_meetings",
    "list_people",
    "meeting_record",
    "move_item",
    "nominate",
    "open_actions",
    "patient_brief",
    "plan_meeting",
    "propose_agenda",
    "remove_action",
    "remove_decision",
    "remove_item",
    "remove_items",
    "reorder",
    "restore_items",
    "save_discussion",
    "save_team",
    "set_attendance",
    "start_meeting",
    "suggest_next_date",
    "update_action",
    "update_decision",
    "update_meeting",
]
