"""The ``pzmdo`` command: opens the GUI by default; sub-commands for headless use.

Exit codes: 0 success, 1 a user error (one Dutch line on stderr), 2 a usage error.
Every command takes ``--db`` (or ``PZMDO_DB``) and ``--user`` (or ``PZMDO_USER``); the
password comes from ``PZMDO_PASSWORD`` or an interactive prompt.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from pzmdo import __version__
from pzmdo.cli import (
    argparse_nl,
    careplan,
    consultations,
    core,
    directory,
    keys,
    kpi,
    meetings,
    practices,
    register,
    reports,
    selftest,
)
from pzmdo.cli.common import add_common_options
from pzmdo.services import errorlog
from pzmdo.services.files import set_program_name

# Each module adds its sub-commands through ``register(subparsers)``.
COMMAND_MODULES = [
    core, keys, practices, register, directory, careplan, meetings, consultations, reports, kpi,
    selftest,
]  # fmt: skip


class DutchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # One line, like every other error; the usage is one --help away.
        message = message.replace("\n", " ")[:300]
        sys.stderr.write(f"pzmdo: onjuist gebruik: {message} (zie '{self.prog} --help').\n")
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
    """Run one command. Whatever happens, the user sees at most one Dutch line on stderr:
    never a traceback, never data (unexpected errors go, scrubbed, to the error log)."""
    errorlog.install(_say)
    try:
        return _run(argv)
    except SystemExit:
        raise
    except BrokenPipeError:
        # The reader stopped early (``pzmdo users list | head``).
        _detach_stdout()
        _say("De uitvoer is afgebroken: het programma dat de uitvoer las, is gestopt.")
        return 1
    except BaseException as exc:
        _say(errorlog.report(exc))
        return 1


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from pzmdo.gui.app import run_gui

        return run_gui(args)
    set_program_name(f"pzmdo {args.command}")
    code = int(args.func(args) or 0)
    sys.stdout.flush()  # a closed pipe shows here, inside the handler, not at exit
    return code


def _say(line: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        print(f"pzmdo: {line}", file=sys.stderr, flush=True)


def _detach_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
