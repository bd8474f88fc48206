"""``pzmdo practice`` and ``pzmdo team``; ``pzmdo users attach/detach`` (issue 14).

Practices and teams are named by number, name or (practices) AGB code.
"""

from __future__ import annotations

import argparse
import dataclasses
from typing import TYPE_CHECKING, Any

from pzmdo.cli.common import CliError, add_subcommand, print_json, record_id, unlocked
from pzmdo.domain.dates import parse_date

if TYPE_CHECKING:
    from pzmdo.services.context import AppContext


def register(sub: Any) -> None:
    p = add_subcommand(sub, "practice", "praktijken in het register", _practice_usage)
    practice = p.add_subparsers(dest="practice_command", metavar="OPDRACHT")
    q = add_subcommand(practice, "list", "toon de praktijken", cmd_practice_list)
    q.add_argument("--json", action="store_true", help="uitvoer als JSON")
    q = add_subcommand(practice, "add", "voeg een praktijk toe", cmd_practice_add)
    q.add_argument("name", metavar="NAAM")
    q.add_argument("--agb", default="", metavar="CODE", help="AGB-code van de praktijk (8 cijfers)")
    q.add_argument("--address", default="", metavar="ADRES")
    q.add_argument("--postcode", default="", metavar="POSTCODE")
    q.add_argument("--city", default="", metavar="PLAATS")
    q.add_argument("--phone", default="", metavar="TELEFOON")
    q.add_argument("--hap", default="", metavar="NAAM", help="huisartsenpost buiten kantoortijd")
    q.add_argument("--hap-phone", default="", metavar="TELEFOON")
    q.add_argument("--json", action="store_true", help="uitvoer als JSON")
    q = add_subcommand(practice, "move", "verhuis een patiënt naar een andere praktijk", cmd_move)
    q.add_argument("--patient", type=record_id, required=True, metavar="ID")
    q.add_argument("--to", required=True, metavar="PRAKTIJK")
    q.add_argument("--date", metavar="DD-MM-JJJJ", help="per datum (standaard: vandaag)")
    q.add_argument("--reason", default="", metavar="TEKST")

    p = add_subcommand(sub, "team", "overlegteams (kernteam, PaTz-groep, transmuraal)", _team_usage)
    team = p.add_subparsers(dest="team_command", metavar="OPDRACHT")
    q = add_subcommand(team, "list", "toon de overlegteams", cmd_team_list)
    q.add_argument("--all", action="store_true", help="ook beëindigde teams")
    q.add_argument("--json", action="store_true", help="uitvoer als JSON")
    q = add_subcommand(team, "add", "voeg een overlegteam toe", cmd_team_add)
    q.add_argument("name", metavar="NAAM")
    q.add_argument(
        "--kind", default="kernteam", metavar="SOORT", help="kernteam, patz, transmuraal"
    )
    q.add_argument(
        "--practice", action="append", default=[], metavar="PRAKTIJK", help="praktijk (mag vaker)"
    )
    q.add_argument("--cadence", type=int, metavar="WEKEN", help="om de zoveel weken")
    q.add_argument("--review", type=int, default=8, metavar="WEKEN", help="herbespreken na")
    q.add_argument("--json", action="store_true", help="uitvoer als JSON")
    q = add_subcommand(team, "members", "toon of wijzig de leden van een team", cmd_team_members)
    q.add_argument("team", metavar="TEAM")
    q.add_argument("--add", type=record_id, metavar="ZORGVERLENER", help="nummer uit de gids")
    q.add_argument("--role", default="lid", metavar="ROL", help="lid, voorzitter, notulist, ...")
    q.add_argument("--not-invited", action="store_true", help="niet standaard uitnodigen")
    q.add_argument("--remove", type=record_id, metavar="ZORGVERLENER")
    q.add_argument("--json", action="store_true", help="uitvoer als JSON")
    q = add_subcommand(
        team, "practices", "geef een team precies deze praktijken", cmd_team_practices
    )
    q.add_argument("team", metavar="TEAM")
    q.add_argument("practices", nargs="+", metavar="PRAKTIJK")


def add_users_commands(users_sub: Any) -> None:
    """``pzmdo users attach|detach`` (called by the users group in cli/core.py)."""
    for name, text, func in (
        ("attach", "koppel een gebruiker aan praktijken en teams", cmd_attach),
        ("detach", "ontkoppel een gebruiker van praktijken en teams", cmd_detach),
    ):
        q = add_subcommand(users_sub, name, text, func)
        q.add_argument("login", metavar="GEBRUIKERSNAAM")
        q.add_argument("--practice", action="append", default=[], metavar="PRAKTIJK")
        q.add_argument("--team", action="append", default=[], metavar="TEAM")
        q.add_argument("--json", action="store_true", help="uitvoer als JSON")


def _practice_usage(args: argparse.Namespace) -> int:
    raise CliError("Gebruik 'pzmdo practice list', 'add' of 'move'.")


def _team_usage(args: argparse.Namespace) -> int:
    raise CliError("Gebruik 'pzmdo team list', 'add', 'members' of 'practices'.")


def practice_id(ctx: AppContext, text: str | None) -> int | None:
    """A --practice value (number, name or AGB code) as an id."""
    from pzmdo.services import practices

    return None if text is None else practices.find_practice(ctx, text).id


def team_id(ctx: AppContext, text: str | None) -> int | None:
    """A --team value (number or name) as an id."""
    from pzmdo.services import teams

    return None if text is None else teams.find_team(ctx, text).id


def cmd_practice_list(args: argparse.Namespace) -> int:
    from pzmdo.services import practices

    with unlocked(args) as ctx:
        rows = practices.list_practices(ctx)
    if args.json:
        print_json([dataclasses.asdict(r) for r in rows])
        return 0
    for r in rows:
        seen = f"{r.patient_count:6} patiënten" if r.in_scope else "   (niet in uw praktijken)"
        state = "" if r.active else "  niet actief"
        print(f"{r.id:4}  {r.agb_code or '-':8}  {r.describe():45} {seen}{state}")
    return 0


def cmd_practice_add(args: argparse.Namespace) -> int:
    from pzmdo.services import practices

    data = practices.PracticeInput(
        args.name, args.agb, args.address, args.postcode, args.city, args.phone, args.hap,
        args.hap_phone,
    )  # fmt: skip
    with unlocked(args) as ctx:
        info = practices.add_practice(ctx, data)
    if args.json:
        print_json(dataclasses.asdict(info))
    else:
        print(f"Praktijk {info.id} toegevoegd: {info.describe()}.")
    return 0


def cmd_move(args: argparse.Namespace) -> int:
    from pzmdo.services import practices

    day = parse_date(args.date, "De verhuisdatum") if args.date else None
    with unlocked(args) as ctx:
        target = practices.find_practice(ctx, args.to)
        practices.move_patient(ctx, args.patient, target.id, day, args.reason)
    print(f"Patiënt {args.patient} hoort nu bij {target.name}.")
    return 0


def _print_team(t: Any) -> None:
    state = "" if t.active else "  (beëindigd)"
    print(f"{t.id:4}  {t.describe()}{state}")
    print(f"      om de {t.cadence_weeks} weken, herbespreken na {t.review_interval_weeks} weken")


def cmd_team_list(args: argparse.Namespace) -> int:
    from pzmdo.services import teams

    with unlocked(args) as ctx:
        rows = teams.list_teams(ctx, active_only=not args.all)
    if args.json:
        print_json([dataclasses.asdict(r) for r in rows])
        return 0
    if not rows:
        print("Nog geen overlegteams. Voeg er een toe met 'pzmdo team add NAAM --practice P'.")
    for r in rows:
        _print_team(r)
    return 0


def cmd_team_add(args: argparse.Namespace) -> int:
    from pzmdo.services import teams

    with unlocked(args) as ctx:
        ids = [practice_id(ctx, p) for p in args.practice]
        info = teams.add_team(
            ctx,
            teams.TeamInput(args.name, args.kind, args.cadence, args.review),
            [i for i in ids if i is not None],
        )
    if args.json:
        print_json(dataclasses.asdict(info))
    else:
        _print_team(info)
    return 0


def cmd_team_members(args: argparse.Namespace) -> int:
    from pzmdo.services import teams

    if args.add is None and (args.role != "lid" or args.not_invited):
        raise CliError("Gebruik --role en --not-invited alleen samen met --add ZORGVERLENER.")
    with unlocked(args) as ctx:
        info = teams.find_team(ctx, args.team)
        if args.add is not None or args.remove is not None:
            members = [
                teams.TeamMemberInput(m.person_id, m.role, m.default_attendee)
                for m in info.members
                if m.person_id not in (args.add, args.remove)
            ]
            if args.add is not None:
                members.append(teams.TeamMemberInput(args.add, args.role, not args.not_invited))
            info = teams.set_team_members(ctx, info.id, members)
    if args.json:
        print_json([dataclasses.asdict(m) for m in info.members])
        return 0
    print(f"{info.name} ({info.kind_label}): {len(info.members)} leden")
    for m in info.members:
        invited = "uitgenodigd" if m.default_attendee else "niet standaard uitgenodigd"
        print(f"{m.person_id:5}  {m.name:32} {m.discipline_label:22} {m.role_label:26} {invited}")
    return 0


def cmd_team_practices(args: argparse.Namespace) -> int:
    from pzmdo.services import teams

    with unlocked(args) as ctx:
        team = teams.find_team(ctx, args.team)
        ids = [practice_id(ctx, p) for p in args.practices]
        info = teams.set_team_practices(ctx, team.id, [i for i in ids if i is not None])
    _print_team(info)
    return 0


def _attach(args: argparse.Namespace, attach: bool) -> int:
    from pzmdo.services import attachments

    with unlocked(args) as ctx:
        practices = [i for i in (practice_id(ctx, p) for p in args.practice) if i is not None]
        teams = [i for i in (team_id(ctx, t) for t in args.team) if i is not None]
        if not practices and not teams:
            info = attachments.user_attachments(ctx, args.login)
        elif attach:
            info = attachments.attach_user(ctx, args.login, practices, teams)
        else:
            info = attachments.detach_user(ctx, args.login, practices, teams)
    if args.json:
        print_json(dataclasses.asdict(info))
        return 0
    names = ", ".join(n for _, n in info.practices) or "geen"
    team_names = ", ".join(n for _, n in info.teams) or "geen"
    print(f"{info.login}: praktijken {names}; teams {team_names}.")
    return 0


def cmd_attach(args: argparse.Namespace) -> int:
    return _attach(args, attach=True)


def cmd_detach(args: argparse.Namespace) -> int:
    return _attach(args, attach=False)
