"""Foundation sub-commands: init, users, backup, restore, check, audit.

Services are imported inside each command, so that ``pzmdo --help`` starts fast.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pzmdo.cli import server
from pzmdo.cli.common import (
    BACKUP_ON_SERVER,
    CliError,
    add_subcommand,
    count,
    db_path,
    file_only,
    login,
    password,
    print_json,
    record_id,
    unlocked,
)
from pzmdo.cli.keys import print_rotation
from pzmdo.cli.meetings import parse_day
from pzmdo.cli.migrate import register as register_migrate
from pzmdo.cli.practices import add_users_commands
from pzmdo.domain.audit import AuditAction


def register(sub: Any) -> None:
    p = add_subcommand(sub, "init", "maak een nieuwe versleutelde database", cmd_init)
    p.add_argument("--admin", required=True, metavar="NAAM", help="gebruikersnaam van de beheerder")
    p.add_argument("--name", metavar="NAAM", help="volledige naam van de beheerder")
    p.add_argument(
        "--practice", default="Mijn praktijk", metavar="NAAM", help="naam van de praktijk"
    )
    p.add_argument(
        "--also-role",
        action="append",
        default=[],
        metavar="ROL",
        help="nog een rol van de beheerder, bijvoorbeeld huisarts (mag vaker)",
    )

    p = add_subcommand(sub, "users", "gebruikers beheren", _users_usage)
    users_sub = p.add_subparsers(dest="users_command", metavar="OPDRACHT")
    q = add_subcommand(users_sub, "add", "voeg een gebruiker toe", cmd_users_add)
    q.add_argument("login", metavar="GEBRUIKERSNAAM")
    q.add_argument("--name", required=True, metavar="NAAM")
    q.add_argument(
        "--role",
        required=True,
        metavar="ROL",
        help="huisarts, poh, wijkverpleegkundige, specialist_pz, coordinator, beheerder, overig",
    )
    q.add_argument("--big", action="store_true", help="BIG-geregistreerd")
    q.add_argument("--also-role", action="append", default=[], metavar="ROL", help="nog een rol")
    q = add_subcommand(
        users_sub, "roles", "geef een gebruiker precies deze rollen", cmd_users_roles
    )
    q.add_argument("login", metavar="GEBRUIKERSNAAM")
    q.add_argument("roles", nargs="+", metavar="ROL")
    q = add_subcommand(users_sub, "list", "toon de gebruikers", cmd_users_list)
    q.add_argument("--json", action="store_true")
    q = add_subcommand(users_sub, "deactivate", "deactiveer een gebruiker", cmd_users_deactivate)
    q.add_argument("login", metavar="GEBRUIKERSNAAM")
    add_users_commands(users_sub)

    p = add_subcommand(sub, "backup", "maak een versleutelde back-up", cmd_backup)
    p.add_argument("--out", required=True, metavar="BESTAND")

    p = add_subcommand(sub, "restore", "zet een back-up terug (na controle)", cmd_restore)
    p.add_argument("file", metavar="BESTAND")

    add_subcommand(sub, "check", "controleer integriteit en schemaversie", cmd_check)

    _register_demo(sub)
    register_migrate(sub)
    server.register(sub)

    p = add_subcommand(sub, "audit", "toon de audittrail (alleen beheerder)", cmd_audit)
    p.add_argument("--patient", type=record_id, metavar="ID", help="alleen deze patiënt")
    p.add_argument("--by", metavar="GEBRUIKERSNAAM", help="alleen deze gebruiker")
    p.add_argument(
        "--action",
        metavar="ACTIE",
        help="alleen deze actie: " + ", ".join(a.value for a in AuditAction),
    )
    p.add_argument(
        "--from", dest="since", type=parse_day, metavar="DATUM", help="vanaf (dd-mm-jjjj)"
    )
    p.add_argument("--to", dest="until", type=parse_day, metavar="DATUM", help="tot en met")
    p.add_argument("--csv", metavar="BESTAND", help="schrijf de selectie als CSV")
    p.add_argument("--json", action="store_true")


def _users_usage(args: argparse.Namespace) -> int:
    raise CliError(
        "Gebruik 'pzmdo users add', 'list', 'roles', 'attach', 'detach' of 'deactivate'."
    )


def cmd_init(args: argparse.Namespace) -> int:
    from pzmdo.services import unlock, users

    file_only(
        args, "Een server richt de beheerder in met 'pzmdo server init' (zie docs/server.md)."
    )
    path = db_path(args)
    first = password("Nieuw wachtwoord: ")
    also = [users.parse_role(r) for r in args.also_role]
    result = unlock.init_database(
        path,
        practice_name=args.practice,
        admin_login=args.admin,
        admin_name=args.name or args.admin,
        password=first,
        also_roles=also,
    )
    result.context.close()
    print(f"Database aangemaakt: {path}")
    print(f"Beheerder: {args.admin.lower()}")
    print(f"Herstelsleutel: {result.recovery_key}")
    print(
        "Bewaar deze herstelsleutel op papier op een veilige plek; hij wordt niet opnieuw getoond."
    )
    return 0


def cmd_users_add(args: argparse.Namespace) -> int:
    from pzmdo.services import users

    role = users.parse_role(args.role)
    with unlocked(args) as ctx:
        new_password = password_for_new_user()
        info = users.add_user(
            ctx,
            login=args.login,
            name=args.name,
            role=role,
            password=new_password,
            big_registered=args.big,
            also_roles=[users.parse_role(r) for r in args.also_role],
        )
    print(f"Gebruiker {info.login} ({info.role_label}) toegevoegd.")
    return 0


def password_for_new_user() -> str:
    import os

    value = os.environ.get("PZMDO_NEW_PASSWORD")
    if value is None:
        raise CliError("Geef het wachtwoord van de nieuwe gebruiker in PZMDO_NEW_PASSWORD.")
    return value


def cmd_users_roles(args: argparse.Namespace) -> int:
    from pzmdo.services import users

    roles = [users.parse_role(r) for r in args.roles]
    with unlocked(args) as ctx:
        info = users.set_roles(ctx, args.login, roles)
    print(f"Gebruiker {info.login} heeft nu de rollen: {info.role_label}.")
    return 0


def cmd_users_list(args: argparse.Namespace) -> int:
    from pzmdo.services import users

    with unlocked(args) as ctx:
        rows = users.list_users(ctx)
    if args.json:
        print_json([r.__dict__ for r in rows])
    else:
        for r in rows:
            state = "actief" if r.active else "gedeactiveerd"
            print(f"{r.login:20} {r.name:30} {r.role_label:28} {state}")
    return 0


def cmd_users_deactivate(args: argparse.Namespace) -> int:
    from pzmdo.services import users

    with unlocked(args) as ctx:
        rotation = users.deactivate_user(ctx, args.login)
    print(f"Gebruiker {args.login} is gedeactiveerd.")
    if rotation is not None:
        print("De sleutel van de database is vervangen; oude sleutelvakken werken niet meer.")
        print_rotation(rotation)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from pzmdo.services import backup

    file_only(args, BACKUP_ON_SERVER)
    with unlocked(args) as ctx:
        out = backup.backup(ctx, Path(args.out))
    print(f"Back-up geschreven: {out}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from pzmdo.services import backup

    file_only(args, BACKUP_ON_SERVER)
    path = db_path(args)
    # Checks the password and that this user is a beheerder (live database, else backup).
    key = backup.key_for_restore(path, Path(args.file), login(args), password())
    backup.restore(path, Path(args.file), key)
    # Record the restore in the restored database's own trail.
    with unlocked(args) as ctx, ctx.unit() as s:
        ctx.audit(s, AuditAction.RESTORE, detail={"bestand": str(args.file)})
    print(f"Back-up teruggezet: {args.file} -> {path}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from pzmdo.services import audit_log
    from pzmdo.services.about import written_by
    from pzmdo.store import migrate

    with unlocked(args) as ctx:
        problems = ctx.db.integrity_check()
        current = migrate.current_revisions(ctx.db)
        chain = audit_log.check_chain(ctx)
        writer = written_by(ctx.db)
    head = migrate.head_revisions()
    print(f"Schemaversie: {migrate.describe(current)} (nieuwste: {migrate.describe(head)})")
    print(f"Geschreven door: {writer}")
    if problems:
        print("Integriteit: NIET in orde")
        for p in problems[:20]:
            print(f"  {p}")
        raise CliError("De database is niet in orde. Zet een back-up terug.")
    print("Integriteit: in orde")
    if not chain.intact:
        print(f"Audittrail: NIET in orde ({chain.events} gebeurtenissen gecontroleerd)")
        print(f"  Eerste verbroken schakel: {chain.reason} (rij-id {chain.broken_event_id}).")
        raise CliError(
            f"De audittrail is na het vastleggen gewijzigd (schakel {chain.broken_seq}). "
            "Vergelijk met de kop in back-ups en pdf's en meld dit bij de "
            "privacyfunctionaris."
        )
    print(f"Audittrail: in orde ({chain.events} gebeurtenissen, kop {chain.head})")
    if current != head:
        raise CliError("Het schema is niet bijgewerkt; open de database één keer met pzmdo.")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    from pzmdo.services import audit_log

    flt = audit_log.AuditFilter(
        patient_id=args.patient,
        user_login=args.by,
        action=args.action,
        since=args.since,
        until=args.until,
    )
    with unlocked(args) as ctx:
        if args.csv:
            count = audit_log.export_audit(ctx, flt, Path(args.csv))
            print(f"{count} gebeurtenissen geschreven naar {args.csv}.")
            return 0
        entries = audit_log.list_audit(ctx, flt=flt)
    if args.json:
        print_json([e.as_json() for e in entries])
    else:
        for e in entries:
            who = f"{e.patient_name} ({e.patient_id})" if e.patient_id else ""
            print(
                f"{e.seq:>6} {e.at.astimezone():%Y-%m-%d %H:%M:%S} {e.user_name:24.24} "
                f"{e.action_label:32.32} {who}"
            )
    return 0


def _register_demo(sub: Any) -> None:
    p = add_subcommand(
        sub, "demo", "voeg fictieve demogegevens toe (gemarkeerd als fictief)", cmd_demo
    )
    p.add_argument("--patients", type=count, default=40, metavar="N")
    p.add_argument("--seed", type=count, default=1, metavar="S")
    p.add_argument(
        "--region",
        action="store_true",
        help="een regio: meer praktijken, twee kernteams en een PaTz-groep",
    )


def cmd_demo(args: argparse.Namespace) -> int:
    from pzmdo.services.demo import add_demo_patients

    if args.patients < 0:
        raise CliError("Het aantal patiënten kan niet negatief zijn.")
    with unlocked(args) as ctx:
        result = add_demo_patients(ctx, args.patients, args.seed, region=args.region)
    print(f"{result.patients} fictieve patiënten toegevoegd.")
    return 0
