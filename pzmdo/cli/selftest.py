"""``pzmdo selftest``: open every page and patient tab offscreen (checks an installation)."""

from __future__ import annotations

import argparse
import os
from typing import Any

from pzmdo.cli.common import CliError, add_subcommand, record_id, unlocked


def register(sub: Any) -> None:
    p = add_subcommand(
        sub,
        "selftest",
        "open elk scherm en elk patiënttabblad onzichtbaar (controle van de installatie)",
        cmd_selftest,
    )
    p.add_argument("--patient", type=record_id, metavar="ID", help="open ook dit patiëntdossier")


def cmd_selftest(args: argparse.Namespace) -> int:
    # No window appears: Qt draws offscreen unless a platform was chosen explicitly.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from pzmdo.gui.selftest import check_screens
    from pzmdo.services.patients import open_patient_record

    with unlocked(args) as ctx:
        if args.patient is not None:
            open_patient_record(ctx, args.patient)  # an unknown id: one clear line, no screens
        problems, opened = check_screens(ctx, args.patient)
    if problems:
        raise CliError(
            f"Zelftest: {len(problems)} probleem/problemen in {opened} schermen: "
            + "; ".join(problems)
            + ". Installeer pzmdo opnieuw of meld dit bij de beheerder."
        )
    print(f"Zelftest geslaagd: {opened} schermen geopend zonder problemen.")
    return 0
