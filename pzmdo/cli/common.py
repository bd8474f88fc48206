"""Shared CLI plumbing: the common options, the password, opening the database."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pzmdo.domain.errors import PzmdoError
from pzmdo.store.paths import default_db_path

if TYPE_CHECKING:  # services load only in the commands that need them (fast --help)
    from pzmdo.services.context import AppContext


class CliError(PzmdoError):
    """A user error found by the CLI itself (message in Dutch)."""


MAX_ID = 2**63 - 1  # SQLite's INTEGER range


def record_id(raw: str) -> int:
    """An id argument: a positive whole number in the database's range (else usage error)."""
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{raw[:40]}' is geen geldig nummer") from None
    if not 0 < value <= MAX_ID:
        raise argparse.ArgumentTypeError(f"nummer {raw[:40]} valt buiten het bereik")
    return value


def count(raw: str) -> int:
    """A small count (demo patients, seed): 0 to 1,000,000."""
    try:
        value = int(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{raw[:40]}' is geen geldig getal") from None
    if not 0 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError(f"getal {raw[:40]} valt buiten het bereik 0-1000000")
    return value


SERVER_HELP = (
    "werk op de server van de praktijk, bijvoorbeeld postgresql://db.praktijk.nl/pzmdo"
    "?sslrootcert=ca.crt (standaard: PZMDO_SERVER; anders het lokale bestand)"
)


def add_common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="PAD", help="databasebestand (standaard: PZMDO_DB of de gebruikersmap)"
    )
    parser.add_argument("--server", metavar="URL", help=SERVER_HELP)
    parser.add_argument("--user", metavar="NAAM", help="gebruikersnaam (standaard: PZMDO_USER)")


def add_subcommand(sub: Any, name: str, help_text: str, func: Any) -> argparse.ArgumentParser:
    """A sub-command parser that also accepts --db/--server/--user after the command name."""
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("--db", metavar="PAD", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    parser.add_argument(
        "--server", metavar="URL", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    parser.add_argument("--user", metavar="NAAM", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    parser.set_defaults(func=func)
    return parser


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db).expanduser() if getattr(args, "db", None) else default_db_path()


def server(args: argparse.Namespace) -> str | None:
    """The server to work on (``--server``, else ``PZMDO_SERVER``); None: the local file.
    ``--db`` names a file, so it wins over ``PZMDO_SERVER``."""
    given = getattr(args, "server", None)
    if given and getattr(args, "db", None):
        raise CliError("Kies --db (een bestand) of --server (een server), niet allebei.")
    if not given and not getattr(args, "db", None):
        given = os.environ.get("PZMDO_SERVER") or None
    if not given:
        return None
    from pzmdo.services.unlock import check_server_url

    return check_server_url(given)


def file_only(args: argparse.Namespace, instead: str) -> None:
    """Refuse a command that works on the local file only, saying what to do on a server."""
    if server(args) is not None:
        raise CliError(f"Deze opdracht is er alleen voor een lokaal databasebestand. {instead}")


BACKUP_ON_SERVER = (
    "Back-ups van een server maakt de beheerder van de server (pg_dump of base backups met "
    "WAL-archivering); zie docs/server.md."
)
KEYS_ON_SERVER = (
    "Een server heeft geen databasesleutel van pzmdo: hij versleutelt op zijn eigen schijf en "
    "iedereen logt in met een eigen wachtwoord (zie docs/server.md)."
)
PASSWORD_ON_SERVER = (
    "Op een server is uw wachtwoord dat van uw aanmelding op de server; de beheerder van de "
    "server wijzigt het (zie docs/server.md)."
)


def login(args: argparse.Namespace) -> str:
    name = getattr(args, "user", None) or os.environ.get("PZMDO_USER")
    if not name:
        raise CliError("Geef een gebruiker op met --user of PZMDO_USER.")
    return name


def password(prompt: str = "Wachtwoord: ") -> str:
    env = os.environ.get("PZMDO_PASSWORD")
    if env is not None:
        return env
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError("Geen wachtwoord: zet PZMDO_PASSWORD of start de opdracht in een terminal.")
    return getpass.getpass(prompt)


@contextmanager
def unlocked(args: argparse.Namespace) -> Iterator[AppContext]:
    """Unlock the file, or log in to the server, with the user's password (on a server also
    the one this computer remembers); close (and flush) afterwards."""
    from pzmdo.services import unlock

    url = server(args)
    if url is None:
        ctx = unlock.unlock_with_password(db_path(args), login(args), password())
    elif os.environ.get("PZMDO_PASSWORD") is None and unlock.server_password_remembered(
        url, login(args)
    ):
        ctx = unlock.unlock_on_server_with_keyring(url, login(args))
    else:
        ctx = unlock.unlock_on_server(url, login(args), password("Wachtwoord voor de server: "))
    try:
        yield ctx
    finally:
        ctx.close()


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
