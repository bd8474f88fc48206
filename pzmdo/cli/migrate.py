"""``pzmdo migrate``: move the register from a local file to a server, or back.

Services are imported inside the command, so that ``pzmdo --help`` starts fast.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING, Any

from pzmdo.cli.common import add_subcommand, db_path, login, password

if TYPE_CHECKING:
    from pzmdo.services.server_migrate import MigrationResult


def register(sub: Any) -> None:
    p = add_subcommand(
        sub,
        "migrate",
        "verhuis het register: van dit bestand naar een lege server-database (--to) of van "
        "een server naar een nieuw bestand (--from)",
        cmd_migrate,
    )
    way = p.add_mutually_exclusive_group(required=True)
    way.add_argument(
        "--to",
        metavar="URL",
        help="kopieer het bestand (--db) naar deze lege server-database; het bestand blijft "
        "ongewijzigd",
    )
    way.add_argument(
        "--from",
        dest="source",
        metavar="URL",
        help="kopieer deze server-database naar een nieuw bestand (--db)",
    )


def server_password() -> str | None:
    """The server owner's password: PZMDO_SERVER_PASSWORD or typed (never in the URL, where
    other programs see it); None lets the server decide (a Unix socket on the server)."""
    value = os.environ.get("PZMDO_SERVER_PASSWORD")
    if value is not None:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass("Wachtwoord van de eigenaar op de server: ") or None
    return None


def cmd_migrate(args: argparse.Namespace) -> int:
    from pzmdo.services import server_migrate
    from pzmdo.services.unlock import check_server_url

    def progress(table: str, rows: int) -> None:
        print(f"  kopiëren: {table} ({rows} rijen)", flush=True)

    if args.to:
        target = check_server_url(args.to)
        result = server_migrate.migrate_to_server(
            db_path(args),
            login(args),
            password(),
            target,
            server_password=server_password(),
            progress=progress,
        )
        if result.schema_made:
            print("De server-database was nieuw: het schema is eerst aangemaakt.")
        _report(result)
        print(f"Het bestand {result.source} is niet gewijzigd; bewaar het als terugvaloptie.")
        print(
            "Volgende stap: de eigenaar voert 'pzmdo server init --admin GEBRUIKERSNAAM' uit "
            "(regels en rechten, en een login voor die beheerder); daarna geeft de beheerder "
            "de anderen een login met 'pzmdo server add-user GEBRUIKERSNAAM --existing'."
        )
        if result.others_open:
            print(
                f"Let op: het bestand was tijdens het kopiëren ook geopend door "
                f"{result.others_open}. Wat daar na het begin van de kopie is opgeslagen, staat "
                "niet op de server."
            )
        return 0
    result = server_migrate.migrate_from_server(
        check_server_url(args.source),
        db_path(args),
        login(args),
        password("Nieuw wachtwoord voor het bestand: "),
        server_password=server_password(),
        progress=progress,
    )
    _report(result)
    print(f"Beheerder: {login(args).strip().lower()} (met het opgegeven wachtwoord)")
    print(f"Herstelsleutel: {result.recovery_key}")
    print(
        "Bewaar deze herstelsleutel op papier op een veilige plek; hij wordt niet opnieuw getoond."
    )
    if result.without_password:
        print(
            "Deze gebruikers hebben nog geen wachtwoord voor dit bestand: "
            + ", ".join(result.without_password)
            + ". Geef elk een nieuw wachtwoord met 'pzmdo reset-password GEBRUIKERSNAAM'."
        )
    return 0


def _report(result: MigrationResult) -> None:
    print(f"Van:  {result.source}")
    print(f"Naar: {result.target}")
    print(f"{'tabel':28} {'rijen':>9}  controlesom")
    for check in result.tables:
        print(f"{check.table:28} {check.rows:>9}  {check.checksum[:16]} gelijk")
    seconds = f"{result.seconds:.1f}".replace(".", ",")
    print(
        f"Controle: {len(result.tables)} tabellen, {result.rows} rijen: aantallen en "
        f"controlesommen gelijk aan beide kanten; audittrail in orde ({result.audit_events} "
        f"gebeurtenissen, kop {result.chain_head})."
    )
    print(f"Verhuizing geslaagd in {seconds} s.")
