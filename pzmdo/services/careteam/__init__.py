"""Care team per patient (dated history), naasten, carer burden, VPTZ, PZP conversations."""

from __future__ import annotations

from pzmdo.services.careteam.conversations import (
    ConversationInput,
    add_conversation,
    list_conversations,
)
from pzmdo.services.careteam.naasten import (
    NaasteInput,
    add_naaste,
    list_naasten,
    set_naaste_active,
    update_naaste,
)
from pzmdo.services.careteam.results import (
    ROLE_ORDER,
    BurdenCheckInfo,
    ConversationInfo,
    NaasteInfo,
    TeamMemberInfo,
    TeamSummary,
    VptzInfo,
)
from pzmdo.services.careteam.support import (
    add_burden_check,
    add_vptz_event,
    list_burden_checks,
    vptz_history,
)
from pzmdo.services.careteam.team import (
    _set_role_holder,
    add_member,
    end_membership,
    missing_central_caregiver,
    set_central_caregiver,
    set_role_holder,
    team_history,
    team_summary,
)

__all__ = [
    "BurdenCheckInfo",
    "ConversationInfo",
    "ConversationInput",
    "NaasteInfo",
    "NaasteInput",
    "ROLE_ORDER",
    "TeamMemberInfo",
    "TeamSummary",
    "VptzInfo",
    "_set_role_holder",
    "add_burden_check",
    "add_conversation",
    "add_member",
    "add_naaste",
    "add_vptz_event",
    "end_membership",
    "list_burden_checks",
    "list_conversations",
    "list_naasten",
    "missing_central_caregiver",
    "set_central_caregiver",
    "set_naaste_active",
    "set_role_holder",
    "team_history",
    "team_summary",
    "update_naaste",
    "vptz_history",
]
