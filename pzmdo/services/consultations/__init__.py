"""Specialist palliative care consultation: teams, requests, lifecycle, advice, overviews.

Each call is one transaction with its audit event. Results are frozen dataclasses.
The lifecycle rules live in :mod:`pzmdo.domain.consultations`.
"""

from __future__ import annotations

from pzmdo.services.consultations.advice import advice_items, process_advice
from pzmdo.services.consultations.helpers import (
    _threshold_in,
    overdue_threshold,
    set_overdue_threshold,
)
from pzmdo.services.consultations.lifecycle import (
    cancel_consultation,
    change_status,
    close_consultation,
    record_advice,
    request_consultation,
    start_consultation,
)
from pzmdo.services.consultations.reading import (
    agenda_candidates,
    get_consultation,
    list_consultations,
    overdue_consultations,
    per_team,
)
from pzmdo.services.consultations.results import (
    CLOCK_SLACK,
    ENTITY,
    MAX_ADVICE,
    MAX_QUESTION,
    OVERDUE_SETTING,
    ConsultationInfo,
    MemberInfo,
    PersonChoice,
    ProcessResult,
    TeamInfo,
    TeamLoad,
)
from pzmdo.services.consultations.teams import (
    deactivate_team,
    get_team,
    list_consultant_candidates,
    list_requesters,
    list_teams,
    save_team,
)

__all__ = [
    "_threshold_in",
    "CLOCK_SLACK",
    "ConsultationInfo",
    "ENTITY",
    "MAX_ADVICE",
    "MAX_QUESTION",
    "MemberInfo",
    "OVERDUE_SETTING",
    "PersonChoice",
    "ProcessResult",
    "TeamInfo",
    "TeamLoad",
    "advice_items",
    "agenda_candidates",
    "cancel_consultation",
    "change_status",
    "close_consultation",
    "deactivate_team",
    "get_consultation",
    "get_team",
    "list_consultant_candidates",
    "list_consultations",
    "list_requesters",
    "list_teams",
    "overdue_consultations",
    "overdue_threshold",
    "per_team",
    "process_advice",
    "record_advice",
    "request_consultation",
    "save_team",
    "set_overdue_threshold",
    "start_consultation",
]
