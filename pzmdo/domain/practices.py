"""Practices, meeting teams and who sees what (need to know, issue 14).

A user sees the patients of the practices they are attached to and of the practices of
the teams they are attached to; a holder of ``Action.ALL_PRACTICES`` sees every practice.
A team is visible to its own users and to users who see every practice it covers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pzmdo.domain.careteam import validate_agb
from pzmdo.domain.enums import LabelledEnum, register_labels
from pzmdo.domain.errors import ValidationError

# The one sentence every refusal by scope shows (GUI, CLI): what happened, what to do.
OUT_OF_SCOPE = (
    "Dit hoort bij een praktijk of overlegteam waaraan u niet bent gekoppeld, dus u kunt "
    "het niet inzien of wijzigen. Vraag de beheerder om u te koppelen als u het nodig hebt."
)


class TeamMemberRole(LabelledEnum):
    """What a directory person does in a meeting team."""

    LID = "lid"
    VOORZITTER = "voorzitter"
    NOTULIST = "notulist"
    COORDINATOR = "coordinator"
    CONSULENT = "consulent"  # specialist palliative care advising the team
    GAST = "gast"


register_labels(
    {
        TeamMemberRole.LID: "Lid",
        TeamMemberRole.VOORZITTER: "Voorzitter",
        TeamMemberRole.NOTULIST: "Notulist",
        TeamMemberRole.COORDINATOR: "Coördinator",
        TeamMemberRole.CONSULENT: "Consulent palliatieve zorg",
        TeamMemberRole.GAST: "Vaste gast",
    }
)


def team_member_role(raw: str) -> TeamMemberRole:
    try:
        return TeamMemberRole(TeamMemberRole.from_text(raw or "lid"))
    except ValueError:
        choices = ", ".join(r.label.lower() for r in TeamMemberRole)
        raise ValidationError(
            f"'{raw}' is geen rol in een overlegteam. Kies uit: {choices}."
        ) from None


def validate_practice_agb(raw: str | None) -> str | None:
    """The practice's AGB code (onderneming): optional, exactly 8 digits."""
    try:
        return validate_agb(raw)
    except ValidationError:
        raise ValidationError(
            f"De AGB-code van de praktijk '{raw}' is ongeldig: die bestaat uit precies 8 "
            "cijfers. Controleer de code of laat het veld leeg."
        ) from None


@dataclass(frozen=True)
class Scope:
    """What one user may see: practices and teams (or everything)."""

    all_practices: bool
    practice_ids: frozenset[int]
    team_ids: frozenset[int]

    def sees_practice(self, practice_id: int | None) -> bool:
        return self.all_practices or practice_id in self.practice_ids

    def sees_team(self, team_id: int | None) -> bool:
        return self.all_practices or team_id in self.team_ids


def compute_scope(
    *,
    all_practices: bool,
    own_practices: Iterable[int],
    own_teams: Iterable[int],
    team_practices: Mapping[int, Iterable[int]],
) -> Scope:
    """The scope from a user's attachments and every team's practices.

    Practices: the user's own ∪ those of the user's teams. Teams: the user's own ∪ teams
    whose practices (at least one) all lie within those practices (their agendas hold only
    patients the user already sees).
    """
    teams = {t: frozenset(ps) for t, ps in team_practices.items()}
    if all_practices:
        return Scope(True, frozenset(), frozenset(teams))
    own_team_ids = frozenset(own_teams)
    practices = set(own_practices)
    for team in own_team_ids:
        practices |= teams.get(team, frozenset())
    visible = set(own_team_ids) | {t for t, ps in teams.items() if ps and ps <= practices}
    return Scope(False, frozenset(practices), frozenset(visible))
