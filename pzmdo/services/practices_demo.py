"""Fictional region for the demo (issue 14): several practices, two kernteams, a PaTz group.

``pzmdo demo --region``: the register's own practice and four more (a health centre in
Emmen houses two of them); kernteam Voorbeeld (the first team, which the meetings demo
fills) covers the own practice and De Linde, kernteam Emmen-Zuid the health centre and
Noorderpoort, and a PaTz group joins De Linde and Noorderpoort. Members come from several
practices; the specialist palliative care advises every team. Everything goes through the
services, so the audit trail shows it like real use.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from pzmdo.domain.enums import Discipline
from pzmdo.services import attachments, practices, teams
from pzmdo.services.context import AppContext
from pzmdo.services.demo import ensure_demo_team
from pzmdo.services.guard import demo_context
from pzmdo.store.models import Person
from pzmdo.store.models.meetings import MeetingTeam

PRACTICES = [
    # name, AGB code, address, postcode, city, phone, HAP name, HAP phone
    ("Huisartsenpraktijk De Linde (fictief)", "01059001", "Lindelaan 3", "9401 AA", "Assen",
     "0592-000101", "Huisartsenpost Assen (fictief)", "0900-0000101"),
    ("Huisartsen Noorderpoort (fictief)", "01059002", "Noorderpoort 12", "7811 BB", "Emmen",
     "0591-000202", "Huisartsenpost Emmen (fictief)", "0900-0000202"),
    ("Gezondheidscentrum Het Zand, praktijk Oost (fictief)", "01059003", "Zandweg 1",
     "7812 CC", "Emmen", "0591-000303", "Huisartsenpost Emmen (fictief)", "0900-0000202"),
    ("Gezondheidscentrum Het Zand, praktijk West (fictief)", "01059004", "Zandweg 1",
     "7812 CC", "Emmen", "0591-000404", "Huisartsenpost Emmen (fictief)", "0900-0000202"),
]  # fmt: skip
REGION_PEOPLE = [
    ("Dr. P. Hoekstra (fictief)", Discipline.HUISARTS),
    ("Dr. E. Dijkstra (fictief)", Discipline.HUISARTS),
    ("Dr. T. Bos (fictief)", Discipline.HUISARTS),
    ("Dr. N. Kok (fictief)", Discipline.HUISARTS),
    ("W. Meijer, wijkverpleegkundige (fictief)", Discipline.WIJKVERPLEEGKUNDIGE),
    ("H. Postma, POH (fictief)", Discipline.POH),
]


@dataclass(frozen=True)
class Region:
    practice_ids: tuple[int, ...]  # the own practice first
    team_ids: tuple[int, ...]  # kernteam Voorbeeld, kernteam Emmen-Zuid, PaTz group


def _people(ctx: AppContext) -> dict[str, int]:
    with ctx.unit() as s:
        existing = {p.name: p.id for p in s.scalars(select(Person))}
        for name, discipline in REGION_PEOPLE:
            if name not in existing:
                person = Person(
                    name=name, discipline=discipline.value,
                    big_registered=discipline is Discipline.HUISARTS,
                    organisation="Regio Drenthe (fictief)", phone="0592-000000",
                )  # fmt: skip
                s.add(person)
                s.flush()
                existing[name] = person.id
    return existing


def ensure_region(ctx: AppContext) -> Region:
    """Add the region once (a second run finds it and changes nothing)."""
    ctx = demo_context(ctx)
    core = ensure_demo_team(ctx)  # Jansen, De Vries, Bakker, Visser, Smit, Mulder, apotheek
    people = _people(ctx)
    known = {p.name: p.id for p in practices.list_practices(ctx)}
    own: int | None = min(known.values())  # the register's own practice (the first)
    ids = []
    for name, agb, address, postcode, city, phone, hap, hap_phone in PRACTICES:
        if name not in known:
            known[name] = practices.add_practice(
                ctx,
                practices.PracticeInput(name, agb, address, postcode, city, phone, hap, hap_phone),
            ).id
        ids.append(known[name])
    own = own if own not in ids else None
    linde, noorderpoort, zand_oost, zand_west = ids
    region = tuple(p for p in (own, *ids) if p is not None)
    smit, visser, meijer = core[4], core[3], people["W. Meijer, wijkverpleegkundige (fictief)"]
    member = teams.TeamMemberInput
    with ctx.read() as s:
        first = s.scalar(select(MeetingTeam.id).order_by(MeetingTeam.id).limit(1))
    wanted = [
        (
            teams.TeamInput("Kernteam Gezondheidscentrum Voorbeeld (fictief)", "kernteam", 4),
            [p for p in (own, linde) if p is not None],
            [member(core[0], "voorzitter"), member(core[2], "notulist"), member(visser),
             member(people["Dr. P. Hoekstra (fictief)"]), member(smit, "consulent")],
        ),
        (
            teams.TeamInput("Kernteam Emmen-Zuid (fictief)", "kernteam", 4),
            [noorderpoort, zand_oost, zand_west],
            [member(people["Dr. T. Bos (fictief)"], "voorzitter"),
             member(people["H. Postma, POH (fictief)"], "notulist"),
             member(people["Dr. N. Kok (fictief)"]), member(people["Dr. E. Dijkstra (fictief)"]),
             member(meijer), member(smit, "consulent")],
        ),
        (
            teams.TeamInput("PaTz-groep Assen-Emmen (fictief)", "patz", 6),
            [linde, noorderpoort],
            [member(people["Dr. P. Hoekstra (fictief)"], "voorzitter"),
             member(people["Dr. E. Dijkstra (fictief)"]), member(visser), member(meijer),
             member(smit, "consulent")],
        ),
    ]  # fmt: skip
    existing = {t.name: t.id for t in teams.list_teams(ctx, active_only=False)}
    team_ids = []
    for i, (data, team_practices, members) in enumerate(wanted):
        team_id = existing.get(data.name) or (first if i == 0 else None)
        if team_id is None:
            team_id = teams.add_team(ctx, data, team_practices, members).id
        else:
            teams.set_team_practices(ctx, team_id, team_practices)
            teams.set_team_members(ctx, team_id, members)
        team_ids.append(team_id)
    # The user who asked for the demo sees the whole region.
    attachments.attach_user(ctx, ctx.user.login, region, team_ids)
    return Region(region, tuple(team_ids))
