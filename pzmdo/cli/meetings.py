"""``pzmdo meeting``: MDO / PaTz meetings from the command line."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING, Any

from pzmdo.cli.common import CliError, add_subcommand, print_json, record_id, unlocked
from pzmdo.cli.practices import team_id
from pzmdo.domain.dates import parse_date

if TYPE_CHECKING:
    from pzmdo.services.context import AppContext


def register(sub: Any) -> None:
    p = add_subcommand(sub, "meeting", "MDO- en PaTz-overleggen", _usage)
    meeting = p.add_subparsers(dest="meeting_command", metavar="OPDRACHT")

    q = add_subcommand(meeting, "list", "toon de overleggen (nieuwste eerst)", cmd_list)
    q.add_argument("--team", metavar="TEAM", help="alleen de overleggen van dit team")
    q.add_argument("--json", action="store_true", help="uitvoer als JSON")

    q = add_subcommand(meeting, "new", "plan een overleg", cmd_new)
    q.add_argument("--date", required=True, metavar="DATUM", help="JJJJ-MM-DD of DD-MM-JJJJ")
    q.add_argument("--time", metavar="UU:MM", help="begintijd")
    q.add_argument("--place", metavar="PLAATS")
    q.add_argument("--link", metavar="URL", help="link voor online deelname (https://...)")
    q.add_argument("--theme", metavar="THEMA")
    q.add_argument("--team", metavar="TEAM", help="overlegteam (standaard: uw eerste team)")
    q.add_argument("--json", action="store_true", help="uitvoer als JSON")

    q = add_subcommand(
        meeting,
        "agenda",
        "toon de agenda van een overleg (maakt het voorstel als er nog geen agenda is)",
        cmd_agenda,
    )
    q.add_argument("--meeting", type=record_id, metavar="ID")
    q.add_argument("--team", metavar="TEAM", help="het eerstvolgende overleg van dit team")
    q.add_argument("--propose", action="store_true", help="vul het voorstel aan met nieuwe redenen")
    q.add_argument("--json", action="store_true", help="uitvoer als JSON")

    q = add_subcommand(meeting, "actions", "toon de open acties", cmd_actions)
    q.add_argument("--patient", type=record_id, metavar="ID")
    q.add_argument("--json", action="store_true", help="uitvoer als JSON")


def _usage(args: argparse.Namespace) -> int:
    raise CliError("Gebruik 'pzmdo meeting list', 'new', 'agenda' of 'actions'.")


def parse_day(text: str) -> date:
    return parse_date(text, "De datum van het overleg")


def cmd_list(args: argparse.Namespace) -> int:
    from pzmdo.services import meetings

    with unlocked(args) as ctx:
        rows = meetings.list_meetings(ctx, team_id(ctx, args.team))
    if args.json:
        print_json([r.as_json() for r in rows])
        return 0
    if not rows:
        print("Nog geen overleggen. Plan er een met 'pzmdo meeting new --date JJJJ-MM-DD'.")
    for r in rows:
        when = r.held_on.strftime("%d-%m-%Y") + (f" {r.start_time:%H:%M}" if r.start_time else "")
        print(
            f"{r.id:5}  {when:16}  {r.status_label:17}  {r.item_count:3} punten  "
            f"{r.discussed_count:3} besproken"
        )
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from pzmdo.services import meetings

    day = parse_day(args.date)
    with unlocked(args) as ctx:
        info = meetings.plan_meeting(
            ctx,
            day,
            start_time=args.time,
            place=args.place,
            online_link=args.link,
            theme=args.theme,
            team_id=team_id(ctx, args.team),
        )
    if args.json:
        print_json(info.as_json())
    else:
        print(f"{info.title} gepland (nummer {info.id}).")
    return 0


def cmd_agenda(args: argparse.Namespace) -> int:
    from pzmdo.services import meetings

    if (args.meeting is None) == (args.team is None):
        raise CliError("Geef het overleg op met --meeting ID, of het team met --team TEAM.")
    with unlocked(args) as ctx:
        meeting_id = args.meeting or _next_meeting(ctx, args.team)
        info = meetings.get_meeting(ctx, meeting_id)
        items = meetings.agenda(ctx, meeting_id)
        never_proposed = not items and info.status in ("gepland", "in_voorbereiding")
        if args.propose or never_proposed:
            items = meetings.propose_agenda(ctx, meeting_id)
    if args.json:
        print_json(
            {
                "meeting": info.as_json(),
                "items": [i.as_json() for i in items],
            }
        )
        return 0
    print(f"{info.title} — {info.status_label}")
    if not items:
        print("Er staat niets op de agenda.")
    for i in items:
        who = f"patiënt {i.patient_id}" if i.patient_id is not None else (i.title or "-")
        print(f"{i.position:3}. {who:24} {i.reason_label:34} {i.status_label}")
        if i.detail:
            print(f"      {i.detail}")
    return 0


def _next_meeting(ctx: AppContext, team: str) -> int:
    """The team's next meeting that is not closed yet (today or later)."""
    from pzmdo.services import meetings

    found = team_id(ctx, team)
    upcoming = [
        m
        for m in meetings.list_meetings(ctx, found)
        if m.status != "afgerond" and m.held_on >= date.today()
    ]
    if not upcoming:
        raise CliError(
            "Dit team heeft geen gepland overleg. Plan er een met 'pzmdo meeting new --team'."
        )
    return min(upcoming, key=lambda m: (m.held_on, m.id)).id


def cmd_actions(args: argparse.Namespace) -> int:
    from pzmdo.services import meetings

    with unlocked(args) as ctx:
        rows = meetings.open_actions(ctx, args.patient)
    if args.json:
        print_json(
            [
                {
                    "id": a.id,
                    "patient_id": a.patient_id,
                    "meeting_id": a.meeting_id,
                    "what": a.what,
                    "owner": a.owner_name,
                    "due": a.due,
                    "overdue": a.overdue,
                }
                for a in rows
            ]
        )
        return 0
    if not rows:
        print("Geen open acties.")
    for a in rows:
        due = a.due.strftime("%d-%m-%Y") if a.due else "geen datum"
        late = " (over de datum)" if a.overdue else ""
        print(f"{a.id:5}  {due}{late}  {a.what}  — {a.owner_name or 'nog niemand'}")
    return 0
