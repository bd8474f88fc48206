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


def add_common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="PAD", help="databasebestand (standaard: PZMDO_DB of de gebruikersmap)"
    )
    parser.add_argument("--user", metavar="NAAM", help="gebruikersnaam (standaard: PZMDO_USER)")


def add_subcommand(sub: Any, name: str, help_text: str, func: Any) -> argparse.ArgumentParser:
    """A sub-command parser that also accepts --db/--user after the command name."""
    parser = sub.add_parser(name, help=help_text, description=help_text)
    parser.add_argument("--db", metavar="PAD", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    parser.add_argument("--user", metavar="NAAM", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    parser.set_defaults(func=func)
    return parser


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db).expanduser() if getattr(args, "db", None) else default_db_path()


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
    """Unlock with the user's password; close (and flush) afterwards."""
    from pzmdo.services.unlock import unlock_with_password

    ctx = unlock_with_password(db_path(args), login(args), password())
    try:
        yield ctx
    finally:
        ctx.close()


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
