"""``pzmdo server init|check|add-user``: a practice's PostgreSQL server (``--server URL``).

``init`` and ``check`` run as the server's schema owner (``--user``/the URL; password from
``PZMDO_PASSWORD``, or libpq's ``PGPASSWORD`` / ``~/.pgpass``); ``add-user`` as a beheerder
who logs in as always (``--user``/``PZMDO_USER``, password from ``PZMDO_PASSWORD``, the
keyring or a prompt). A new person's password comes from
``PZMDO_NEW_PASSWORD`` or is asked twice; it is never stored anywhere by pzmdo.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import Any

from pzmdo.cli.common import CliError, add_subcommand, record_id, server, unlocked


def register(sub: Any) -> None:
    p = add_subcommand(sub, "server", "een PostgreSQL-server van de praktijk beheren", _usage)
    server_sub = p.add_subparsers(dest="server_command", metavar="OPDRACHT")

    q = add_subcommand(
        server_sub, "init", "schema, rollen, rechten en rijbeveiliging aanbrengen (eigenaar)",
        cmd_init,
    )  # fmt: skip
    q.add_argument(
        "--admin", metavar="NAAM",
        help="gebruikersnaam van de eerste beheerder (na een verhuizing: een bestaande "
        "beheerder die een login krijgt); zonder blijft een nieuw register leeg",
    )  # fmt: skip
    q.add_argument("--name", metavar="NAAM", help="volledige naam van de eerste beheerder")
    q.add_argument("--practice", metavar="NAAM", help="naam van de (eerste) praktijk")
    q.add_argument(
        "--also-role", action="append", default=[], metavar="ROL",
        help="nog een rol van de eerste beheerder, bijvoorbeeld huisarts (mag vaker)",
    )  # fmt: skip

    q = add_subcommand(
        server_sub, "check", "controleer rollen, rechten en rijbeveiliging", cmd_check
    )

    q = add_subcommand(
        server_sub, "add-user", "voeg een gebruiker met een eigen login toe (beheerder)",
        cmd_add_user,
    )  # fmt: skip
    q.add_argument("new_login", metavar="GEBRUIKERSNAAM")
    q.add_argument(
        "--existing", action="store_true",
        help="een bestaande gebruiker van het register (na pzmdo migrate) krijgt een login",
    )  # fmt: skip
    q.add_argument("--name", metavar="NAAM")
    q.add_argument(
        "--role", metavar="ROL",
        help="huisarts, poh, wijkverpleegkundige, specialist_pz, coordinator, beheerder, overig",
    )  # fmt: skip
    q.add_argument("--also-role", action="append", default=[], metavar="ROL", help="nog een rol")
    q.add_argument(
        "--practice", action="append", default=[], type=record_id, metavar="ID",
        help="nummer van een praktijk waaraan de gebruiker wordt gekoppeld (mag vaker)",
    )  # fmt: skip
    q.add_argument(
        "--team", action="append", default=[], type=record_id, metavar="ID",
        help="nummer van een overlegteam waaraan de gebruiker wordt gekoppeld (mag vaker)",
    )  # fmt: skip


def _usage(args: argparse.Namespace) -> int:
    raise CliError("Gebruik 'pzmdo server init', 'pzmdo server check' of 'pzmdo server add-user'.")


def _url(args: argparse.Namespace) -> str:
    url = server(args)
    if url is None:
        raise CliError(
            "Geef de server op met --server postgresql://server/database of PZMDO_SERVER."
        )
    return url


def _ask(value: str | None, prompt: str) -> str:
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(f"Geef {prompt.lower()} op (zie 'pzmdo server init --help').")
    return input(f"{prompt}: ").strip()


def new_password() -> str:
    """The new person's password: PZMDO_NEW_PASSWORD, or asked twice in a terminal."""
    env = os.environ.get("PZMDO_NEW_PASSWORD")
    if env is not None:
        return env
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError("Geef het wachtwoord van de nieuwe gebruiker in PZMDO_NEW_PASSWORD.")
    first = getpass.getpass("Wachtwoord van de nieuwe gebruiker: ")
    if getpass.getpass("Nogmaals: ") != first:
        raise CliError("De twee wachtwoorden zijn niet gelijk; er is niets aangemaakt.")
    return first


def cmd_init(args: argparse.Namespace) -> int:
    from pzmdo.services import server_admin, users

    db = server_admin.open_server(
        _url(args), os.environ.get("PZMDO_PASSWORD"), getattr(args, "user", None)
    )
    try:
        first = None
        empty = not server_admin.has_users(db)
        if empty and args.admin:
            first = server_admin.FirstAdmin(
                login=args.admin,
                name=_ask(args.name, "Volledige naam van de eerste beheerder"),
                practice=_ask(args.practice, "Naam van de praktijk"),
                password=new_password(),
                also_roles=tuple(users.parse_role(r) for r in args.also_role),
            )
        elif args.admin:  # a moved register: this beheerder gets a login
            first = server_admin.FirstAdmin(args.admin, "", new_password(), "")
        result = server_admin.init_server(db, first)
        findings = server_admin.check_server(db)
    finally:
        db.close()
    state = "bijgewerkt" if result.upgraded else "was al actueel"
    print(f"Schema {state} ({result.schema}).")
    print("Groepsrollen, rechten, rijbeveiliging en audittrigger zijn aangebracht.")
    if result.admin:
        print(f"Beheerder met login: {result.admin} (logt in met het eigen wachtwoord).")
    elif empty:
        print(
            "Het register is nog leeg. Verhuis een register hierheen met 'pzmdo migrate --to' "
            "en geef daarna de beheerder een login met 'pzmdo server init --admin "
            "GEBRUIKERSNAAM'; of begin hier met een nieuwe eerste beheerder: 'pzmdo server "
            "init --admin GEBRUIKERSNAAM --name NAAM --practice PRAKTIJK'."
        )
    if result.without_login:
        print(
            "Nog zonder login op de server: " + ", ".join(result.without_login) + ". Geef hen "
            "een login met 'pzmdo server add-user GEBRUIKERSNAAM --existing'"
            + (" (of deze opdracht met --admin voor een beheerder)." if not result.admin else ".")
        )
    return _report(findings)


def cmd_check(args: argparse.Namespace) -> int:
    from pzmdo.services import server_admin

    db = server_admin.open_server(
        _url(args), os.environ.get("PZMDO_PASSWORD"), getattr(args, "user", None)
    )
    try:
        findings = server_admin.check_server(db)
    finally:
        db.close()
    return _report(findings)


def _report(findings: list[str]) -> int:
    if not findings:
        print("Server: in orde (rollen, rechten, rijbeveiliging, audittrigger, schema).")
        return 0
    for finding in findings:
        print(f"Probleem: {finding}")
    return 1


def cmd_add_user(args: argparse.Namespace) -> int:
    from pzmdo.services import server_admin, users

    if not args.existing and not (args.name and args.role):
        raise CliError("Geef --name en --role op (of --existing voor een bestaande gebruiker).")
    roles = [users.parse_role(r) for r in (args.role, *args.also_role)] if args.role else []
    _url(args)  # a server command: never the local file
    with unlocked(args) as ctx:
        if args.existing:
            server_admin.give_login(ctx, args.new_login, new_password())
            print(f"Gebruiker {args.new_login.lower()} heeft nu een eigen login.")
            return 0
        info = server_admin.add_server_user(
            ctx, login=args.new_login, name=args.name, roles=roles, password=new_password(),
            practice_ids=args.practice, team_ids=args.team,
        )  # fmt: skip
    print(f"Gebruiker {info.login} ({info.role_label}) toegevoegd met een eigen login.")
    return 0
