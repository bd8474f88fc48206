"""Key custody sub-commands: recover, rotate, password, reset-password.

Services are imported inside each command, so that ``pzmdo --help`` starts fast.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING, Any

from pzmdo.cli.common import (
    KEYS_ON_SERVER,
    PASSWORD_ON_SERVER,
    CliError,
    add_subcommand,
    db_path,
    file_only,
    login,
    unlocked,
)

if TYPE_CHECKING:
    from pzmdo.services.custody import RotationResult

RECOVERY_HINT = (
    "Bewaar deze nieuwe herstelsleutel op papier op een veilige plek; de vorige werkt niet "
    "meer en hij wordt niet opnieuw getoond."
)


def register(sub: Any) -> None:
    p = add_subcommand(
        sub,
        "recover",
        "open met de herstelsleutel, maak een nieuw sleutelbestand en vervang de sleutel",
        cmd_recover,
    )
    p.add_argument(
        "--recovery-key",
        metavar="SLEUTEL",
        help="de herstelsleutel (standaard: PZMDO_RECOVERY_KEY of een vraag)",
    )
    add_subcommand(
        sub, "rotate", "vervang de sleutel van de database (nieuwe herstelsleutel)", cmd_rotate
    )
    add_subcommand(
        sub, "password", "wijzig uw wachtwoord (nieuw wachtwoord: PZMDO_NEW_PASSWORD)", cmd_password
    )
    p = add_subcommand(
        sub,
        "reset-password",
        "geef een gebruiker een nieuw wachtwoord (beheerder; PZMDO_NEW_PASSWORD)",
        cmd_reset_password,
    )
    p.add_argument("login", metavar="GEBRUIKERSNAAM")


def _secret(env: str, prompt: str, missing: str) -> str:
    """From the environment, else typed in a terminal (never echoed)."""
    value = os.environ.get(env)
    if value:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise CliError(missing)


def new_password() -> str:
    return _secret(
        "PZMDO_NEW_PASSWORD",
        "Nieuw wachtwoord: ",
        "Geef het nieuwe wachtwoord in PZMDO_NEW_PASSWORD of start de opdracht in een terminal.",
    )


def print_rotation(result: RotationResult) -> None:
    print(f"Herstelsleutel: {result.recovery_key}")
    print(RECOVERY_HINT)
    if result.without_slot:
        names = ", ".join(result.without_slot)
        print(f"Zonder sleutel (geef een nieuw wachtwoord met 'pzmdo reset-password'): {names}")


def cmd_recover(args: argparse.Namespace) -> int:
    from pzmdo.services import unlock

    file_only(args, KEYS_ON_SERVER)
    key = args.recovery_key or _secret(
        "PZMDO_RECOVERY_KEY",
        "Herstelsleutel: ",
        "Geef de herstelsleutel met --recovery-key of PZMDO_RECOVERY_KEY.",
    )
    result = unlock.recover(db_path(args), key, login(args), new_password())
    result.context.close()
    print("Nieuw sleutelbestand gemaakt; de sleutel van de database is vervangen.")
    print_rotation(result.rotation)
    return 0


def cmd_rotate(args: argparse.Namespace) -> int:
    from pzmdo.services import custody

    file_only(args, KEYS_ON_SERVER)
    with unlocked(args) as ctx:
        result = custody.rotate_data_key(ctx)
    print("De sleutel van de database is vervangen.")
    print_rotation(result)
    return 0


def cmd_password(args: argparse.Namespace) -> int:
    from pzmdo.services import users

    file_only(args, PASSWORD_ON_SERVER)
    value = new_password()
    with unlocked(args) as ctx:
        users.change_password(ctx, value)
    print("Uw wachtwoord is gewijzigd.")
    return 0


def cmd_reset_password(args: argparse.Namespace) -> int:
    from pzmdo.services import users

    file_only(args, PASSWORD_ON_SERVER)
    value = new_password()
    with unlocked(args) as ctx:
        users.reset_password(ctx, args.login, value)
    print(f"Gebruiker {args.login.lower()} heeft een nieuw wachtwoord.")
    return 0
