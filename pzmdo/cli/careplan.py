"""Care-plan sub-commands: exchange with the national ACP form, and showing the plan."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from pzmdo.cli.common import CliError, add_subcommand, print_json, record_id, unlocked


def register(sub: Any) -> None:
    p = add_subcommand(
        sub, "acp", "uitwisselen met het landelijke ACP-formulier (IKNL)", _acp_usage
    )
    acp_sub = p.add_subparsers(dest="acp_command", metavar="OPDRACHT")
    q = add_subcommand(
        acp_sub,
        "import",
        "lees een ACP-formulier (FHIR QuestionnaireResponse) in als nieuwe zorgplanversie",
        cmd_acp_import,
    )
    q.add_argument("file", metavar="BESTAND")
    q.add_argument(
        "--patient",
        type=record_id,
        metavar="ID",
        help="de patiënt; zonder deze optie wordt de patiënt gezocht (of aangemaakt) op naam "
        "en geboortedatum uit het formulier",
    )
    q = add_subcommand(
        acp_sub, "export", "schrijf het zorgplan als landelijk ACP-formulier (FHIR)", cmd_acp_export
    )
    q.add_argument("--patient", type=record_id, required=True, metavar="ID")
    q.add_argument("-o", "--out", required=True, metavar="BESTAND")

    p = add_subcommand(sub, "careplan", "zorgplan bekijken", _careplan_usage)
    plan_sub = p.add_subparsers(dest="careplan_command", metavar="OPDRACHT")
    q = add_subcommand(plan_sub, "show", "toon het actuele zorgplan", cmd_careplan_show)
    q.add_argument("--patient", type=record_id, required=True, metavar="ID")
    q.add_argument("--json", action="store_true")


def _acp_usage(args: argparse.Namespace) -> int:
    raise CliError(
        "Gebruik 'pzmdo acp import BESTAND' of 'pzmdo acp export --patient ID -o BESTAND'."
    )


def _careplan_usage(args: argparse.Namespace) -> int:
    raise CliError("Gebruik 'pzmdo careplan show --patient ID'.")


def cmd_acp_import(args: argparse.Namespace) -> int:
    from pzmdo.services import acp_fhir

    data = acp_fhir.read_file(Path(args.file))
    with unlocked(args) as ctx:
        result = acp_fhir.import_response(ctx, data, args.patient)
    if result.created_patient:
        print(f"Nieuwe patiënt aangemaakt: {result.patient_name} (id {result.patient_id}).")
    if result.unchanged:
        print(
            f"Zorgplan van {result.patient_name} (id {result.patient_id}) ongewijzigd: het "
            f"formulier is gelijk aan versie {result.version}; er is niets opgeslagen."
        )
        return 0
    print(
        f"Zorgplan van {result.patient_name} (id {result.patient_id}) ingelezen als versie "
        f"{result.version}."
    )
    return 0


def cmd_acp_export(args: argparse.Namespace) -> int:
    from pzmdo.services import acp_fhir

    with unlocked(args) as ctx:
        out = acp_fhir.write_export(ctx, args.patient, Path(args.out))
    print(f"ACP-formulier geschreven: {out}")
    return 0


def cmd_careplan_show(args: argparse.Namespace) -> int:
    from pzmdo.domain.careplan import flatten
    from pzmdo.domain.dates import display_iso
    from pzmdo.services import careplan

    with unlocked(args) as ctx:
        plan = careplan.current_plan(ctx, args.patient)
    if plan is None:
        if args.json:
            print_json(None)
            return 0
        print(f"Patiënt {args.patient} heeft nog geen zorgplan.")
        return 0
    if args.json:
        print_json(careplan.plan_as_json(plan))
        return 0
    print(f"Zorgplan patiënt {args.patient} — {plan.header_text()}")
    print(f"Opgeslagen op {plan.created_at.astimezone():%d-%m-%Y %H:%M}")
    for key, value in flatten(plan.content).items():
        lines = display_iso(value).splitlines() or [""]
        print(f"  {key}: {lines[0]}")
        for extra in lines[1:]:
            print(f"      {extra}")
    return 0
