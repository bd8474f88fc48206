"""``pzmdo directory list|add``: the care-provider directory (zorgverleners) for scripts,
e.g. to find the ID that ``mark --by`` and ``patient add --gp`` take."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from pzmdo.cli.common import CliError, add_subcommand, print_json, unlocked
from pzmdo.domain.careteam import parse_discipline


def register(sub: Any) -> None:
    p = add_subcommand(sub, "directory", "de lijst van zorgverleners", _usage)
    directory = p.add_subparsers(dest="directory_command", metavar="OPDRACHT")
    q = add_subcommand(directory, "list", "toon de zorgverleners", cmd_list)
    q.add_argument(
        "--discipline",
        action="append",
        metavar="DISCIPLINE",
        help="alleen deze discipline, bv. huisarts (mag vaker)",
    )
    q.add_argument("--all", action="store_true", help="ook niet-actieve zorgverleners")
    q.add_argument("--json", action="store_true", help="uitvoer als JSON")
    q = add_subcommand(directory, "add", "voeg een zorgverlener toe (beheerder)", cmd_add)
    q.add_argument("--name", required=True, metavar="NAAM")
    q.add_argument("--discipline", required=True, metavar="DISCIPLINE", help="bv. huisarts, poh")
    q.add_argument("--organisation", default="", metavar="ORGANISATIE")
    q.add_argument("--phone", default="", metavar="TELEFOON")
    q.add_argument(
        "--phone-out-of-hours", default="", metavar="TELEFOON", help="buiten kantoortijd"
    )
    q.add_argument("--email", default="", metavar="E-MAIL")
    q.add_argument("--agb", default="", metavar="AGB-CODE")
    q.add_argument("--big", default="", metavar="BIG-NUMMER", help="BIG-nummer (BIG-geregistreerd)")
    q.add_argument("--json", action="store_true", help="uitvoer als JSON")


def _usage(args: argparse.Namespace) -> int:
    raise CliError("Gebruik 'pzmdo directory list' of 'pzmdo directory add'.")


def cmd_list(args: argparse.Namespace) -> int:
    from pzmdo.services import directory

    disciplines = [parse_discipline(d).value for d in args.discipline or []]
    with unlocked(args) as ctx:
        people = directory.list_persons(ctx, disciplines or None, active_only=not args.all)
    if args.json:
        print_json([asdict(p) for p in people])
        return 0
    if not people:
        print("Geen zorgverleners gevonden.")
        return 0
    print(f"{'nr':>6}  {'naam':32} {'discipline':24} {'telefoon':16} organisatie")
    for p in people:
        inactive = " (niet actief)" if not p.active else ""
        print(
            f"{p.id:>6}  {p.name[:32]:32} {p.discipline_label[:24]:24} {p.phone[:16]:16} "
            f"{p.organisation}{inactive}"
        )
    print(f"{len(people)} zorgverlener(s).")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from pzmdo.services import directory

    data = directory.PersonInput(
        name=args.name,
        discipline=args.discipline,
        organisation=args.organisation,
        phone=args.phone,
        phone_out_of_hours=args.phone_out_of_hours,
        email=args.email,
        agb_code=args.agb,
        big_registered=bool(args.big),
        big_number=args.big,
    )
    with unlocked(args) as ctx:
        info = directory.add_person(ctx, data)
    if args.json:
        print_json(asdict(info))
    else:
        print(f"Zorgverlener {info.id} is toegevoegd: {info.describe()}.")
    return 0
