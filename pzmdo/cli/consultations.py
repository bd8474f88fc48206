"""``pzmdo consult``: specialist palliative care consultations from the command line."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from datetime import datetime
from typing import Any

from pzmdo.cli.common import CliError, add_subcommand, print_json, record_id, unlocked
from pzmdo.domain.consultations import (
    Complexity,
    ConsultDimension,
    ConsultMode,
    TeamType,
    format_hours,
    format_working_days,
    local_zone,
    to_local,
)
from pzmdo.domain.dates import parse_moment


def register(sub: Any) -> None:
    p = add_subcommand(sub, "consult", "consultaties specialist palliatieve zorg", _usage)
    consult = p.add_subparsers(dest="consult_command", metavar="OPDRACHT")

    q = add_subcommand(consult, "list", "toon consultaties (nieuwste eerst)", cmd_list)
    q.add_argument("--open", action="store_true", help="alleen open consultaties (nog geen advies)")
    q.add_argument("--overdue", action="store_true", help="alleen consultaties die te laat zijn")
    q.add_argument("--patient", type=record_id, metavar="ID", help="alleen deze patiënt")
    q.add_argument("--json", action="store_true", help="uitvoer als JSON")

    q = add_subcommand(consult, "show", "toon één consultatie", cmd_show)
    q.add_argument("id", type=record_id, metavar="ID")
    q.add_argument("--json", action="store_true")

    q = add_subcommand(consult, "teams", "toon de consultatieteams", cmd_teams)
    q.add_argument("--all", action="store_true", help="ook gedeactiveerde teams")
    q.add_argument("--json", action="store_true")

    q = add_subcommand(consult, "team-add", "voeg een consultatieteam toe", cmd_team_add)
    q.add_argument("name", metavar="NAAM")
    q.add_argument("--type", required=True, help=_choices(TeamType))
    q.add_argument("--subregion", metavar="SUBREGIO")
    q.add_argument("--phone", metavar="NUMMER", help="telefoon kantoortijd")
    q.add_argument("--phone-anw", metavar="NUMMER", help="telefoon ANW (avond, nacht, weekend)")
    q.add_argument("--member", type=record_id, action="append", default=[], metavar="PERSOON-ID")

    q = add_subcommand(consult, "request", "vraag een consultatie aan", cmd_request)
    q.add_argument("--patient", type=record_id, required=True, metavar="ID")
    q.add_argument("--team", type=record_id, required=True, metavar="TEAM-ID")
    q.add_argument("--question", required=True, metavar="VRAAG")
    q.add_argument("--mode", required=True, help=_choices(ConsultMode))
    q.add_argument("--complexity", required=True, help=_choices(Complexity))
    q.add_argument("--dimension", action="append", default=[], help=_choices(ConsultDimension))
    q.add_argument("--at", metavar="JJJJ-MM-DD UU:MM", help="tijd van aanvragen (standaard nu)")
    q.add_argument("--requested-by", type=record_id, metavar="PERSOON-ID")
    q.add_argument("--meeting", type=record_id, metavar="OVERLEG-ID")

    q = add_subcommand(consult, "start", "zet een consultatie op 'in behandeling'", cmd_start)
    q.add_argument("id", type=record_id, metavar="ID")
    q.add_argument("--at", metavar="JJJJ-MM-DD UU:MM")
    q.add_argument("--consultant", type=record_id, metavar="PERSOON-ID")

    q = add_subcommand(consult, "advice", "leg het advies vast", cmd_advice)
    q.add_argument("id", type=record_id, metavar="ID")
    q.add_argument("--text", required=True, metavar="ADVIES")
    q.add_argument("--at", metavar="JJJJ-MM-DD UU:MM")
    q.add_argument("--close", action="store_true", help="sluit de consultatie meteen af")

    q = add_subcommand(consult, "close", "sluit een consultatie af", cmd_close)
    q.add_argument("id", type=record_id, metavar="ID")

    q = add_subcommand(consult, "cancel", "annuleer een consultatie", cmd_cancel)
    q.add_argument("id", type=record_id, metavar="ID")
    q.add_argument("--reason", required=True, metavar="REDEN")

    q = add_subcommand(
        consult, "threshold", "toon of wijzig na hoeveel werkdagen 'te laat'", cmd_threshold
    )
    q.add_argument("days", nargs="?", type=float, metavar="WERKDAGEN")


def _choices(kind: Any) -> str:
    return ", ".join(m.value for m in kind)


def _usage(args: argparse.Namespace) -> int:
    raise CliError("Gebruik bijvoorbeeld 'pzmdo consult list --open' (zie pzmdo consult --help).")


def _time(text: str | None) -> datetime | None:
    if not text:
        return None
    return parse_moment(text, "Het tijdstip").replace(tzinfo=local_zone())


def _as_json(info: Any) -> dict[str, Any]:
    data = asdict(info)
    for key, value in data.items():
        if isinstance(value, datetime):
            data[key] = to_local(value).isoformat(timespec="minutes")
    return data


def _line(i: Any) -> str:
    when = to_local(i.requested_at).strftime("%d-%m-%Y %H:%M")
    timing = (
        f"advies na {format_hours(i.response_hours)} ({format_working_days(i.response_working_days)})"
        if i.response_hours is not None
        else f"wacht {format_working_days(i.elapsed_working_days)}"
        if i.is_open
        else ""
    )
    late = " TE LAAT" if i.overdue else ""
    return (
        f"{i.id:>5}  {when}  {i.patient_name[:28]:28}  {i.team_name[:30]:30}  "
        f"{i.status_label:15} {timing}{late}"
    )


def cmd_list(args: argparse.Namespace) -> int:
    from pzmdo.services import consultations as svc

    with unlocked(args) as ctx:
        if args.overdue:
            rows = svc.overdue_consultations(ctx)
            if args.patient is not None:
                rows = [r for r in rows if r.patient_id == args.patient]
        else:
            rows = svc.list_consultations(ctx, args.patient, open_only=args.open)
    if args.json:
        print_json([_as_json(r) for r in rows])
        return 0
    if not rows:
        print("Geen consultaties gevonden.")
        return 0
    for r in rows:
        print(_line(r))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from pzmdo.services import consultations as svc

    with unlocked(args) as ctx:
        i = svc.get_consultation(ctx, args.id)
    if args.json:
        print_json(_as_json(i))
        return 0
    print(_line(i))
    print(f"Team: {i.team_name} ({i.team_type_label}); {i.time_window_label}: {i.phone or '-'}")
    print(f"Aangevraagd door: {i.requested_by_name}")
    print(f"Vorm: {i.mode_label}; complexiteit: {i.complexity_label}")
    print(f"Dimensies: {', '.join(i.dimension_labels) or '-'}")
    print(f"Vraag: {i.question}")
    if i.advice:
        print(f"Advies ({i.advice_by_name or i.team_name}):\n{i.advice}")
    if i.cancel_reason:
        print(f"Geannuleerd: {i.cancel_reason}")
    return 0


def cmd_teams(args: argparse.Namespace) -> int:
    from pzmdo.services import consultations as svc

    with unlocked(args) as ctx:
        teams = svc.list_teams(ctx, active_only=not args.all)
    if args.json:
        print_json([asdict(t) for t in teams])
        return 0
    if not teams:
        print("Nog geen consultatieteams. Voeg er een toe met 'pzmdo consult team-add'.")
    for t in teams:
        state = "" if t.active else " (gedeactiveerd)"
        print(f"{t.id:>4}  {t.name}{state} — {t.type_label}")
        print(f"      kantoortijd: {t.phone_office or '-'}   ANW: {t.phone_anw or '-'}")
        for m in t.members:
            print(f"      · {m.name} ({m.discipline_label})")
    return 0


def cmd_team_add(args: argparse.Namespace) -> int:
    from pzmdo.services import consultations as svc

    with unlocked(args) as ctx:
        team_id = svc.save_team(
            ctx,
            None,
            name=args.name,
            team_type=args.type,
            subregion=args.subregion,
            phone_office=args.phone,
            phone_anw=args.phone_anw,
            member_ids=args.member,
        )
    print(f"Consultatieteam {team_id} toegevoegd.")
    return 0


def cmd_request(args: argparse.Namespace) -> int:
    from pzmdo.services import consultations as svc

    with unlocked(args) as ctx:
        cid = svc.request_consultation(
            ctx,
            args.patient,
            team_id=args.team,
            question=args.question,
            mode=args.mode,
            complexity=args.complexity,
            dimensions=args.dimension,
            requested_at=_time(args.at),
            requested_by_person_id=args.requested_by,
            meeting_id=args.meeting,
        )
        info = svc.get_consultation(ctx, cid)
    print(f"Consultatie {cid} aangevraagd bij {info.team_name} ({info.time_window_label}).")
    print(f"Bel: {info.phone or 'geen nummer bekend voor dit tijdvak'}")
    return 0


def _done(info: Any) -> int:
    print(f"Consultatie {info.id}: {info.status_label.lower()}.")
    return 0


def cmd_start(args: argparse.Namespace) -> int:
    from pzmdo.services import consultations as svc

    with unlocked(args) as ctx:
        return _done(
            svc.start_consultation(
                ctx, args.id, at=_time(args.at), consultant_person_id=args.consultant
            )
        )


def cmd_advice(args: argparse.Namespace) -> int:
    from pzmdo.services import consultations as svc

    with unlocked(args) as ctx:
        return _done(
            svc.record_advice(ctx, args.id, args.text, at=_time(args.at), close=args.close)
        )


def cmd_close(args: argparse.Namespace) -> int:
    from pzmdo.services import consultations as svc

    with unlocked(args) as ctx:
        return _done(svc.close_consultation(ctx, args.id))


def cmd_cancel(args: argparse.Namespace) -> int:
    from pzmdo.services import consultations as svc

    with unlocked(args) as ctx:
        return _done(svc.cancel_consultation(ctx, args.id, args.reason))


def cmd_threshold(args: argparse.Namespace) -> int:
    from pzmdo.services import consultations as svc

    with unlocked(args) as ctx:
        if args.days is not None:
            svc.set_overdue_threshold(ctx, args.days)
        value = svc.overdue_threshold(ctx)
    print(f"Een open consultatie is te laat na {format_working_days(value)} zonder advies.")
    return 0
