"""The ``pzmdo`` command: opens the GUI by default; sub-commands for headless use.

Exit codes: 0 success, 1 a user error (one Dutch line on stderr), 2 a usage error.
Every command takes ``--db`` (or ``PZMDO_DB``) and ``--user`` (or ``PZMDO_USER``); the
password comes from ``PZMDO_PASSWORD`` or an interactive prompt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from pzmdo import __version__
from pzmdo.cli import (
    argparse_nl,
    careplan,
    consultations,
    core,
    keys,
    meetings,
    register,
    reports,
    selftest,
)
from pzmdo.cli.common import CliError, add_common_options
from pzmdo.domain.errors import PzmdoError

# Each module adds its sub-commands through ``register(subparsers)``.
COMMAND_MODULES = [core, keys, register, careplan, meetings, consultations, reports, selftest]


class DutchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"pzmdo: onjuist gebruik: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    argparse_nl.install()
    parser = DutchArgumentParser(
        prog="pzmdo",
        description="pzmdo: MDO- en PaTz-register voor palliatieve zorg. Zonder opdracht "
        "opent het programma.",
    )
    parser.add_argument("--version", action="version", version=f"pzmdo {__version__}")
    add_common_options(parser)
    sub = parser.add_subparsers(
        dest="command", metavar="OPDRACHT", parser_class=DutchArgumentParser
    )
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from pzmdo.gui.app import run_gui

        return run_gui(args)
    try:
        return int(args.func(args) or 0)
    except (PzmdoError, CliError) as exc:
        print(f"pzmdo: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("pzmdo: afgebroken.", file=sys.stderr)
        return 1
