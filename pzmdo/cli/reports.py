"""``pzmdo report``: PDF documents from the command line.

    pzmdo report careplan|emergency|patient --patient ID -o FILE [--password]
    pzmdo report agenda|minutes [--initials] --meeting ID -o FILE [--password]
    pzmdo report batch --meeting ID -o FILE [--password]

With ``--password`` the PDF is protected (AES-256); the password comes from
``PZMDO_PDF_PASSWORD`` or is asked twice on the terminal (never as an argument, so it does
not end up in the shell history or the process list).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from pzmdo.cli.common import CliError, add_subcommand, print_json, record_id, unlocked

PATIENT_KINDS = {
    "careplan": "zorgplan voor zorgverleners",
    "emergency": "spoedoverzicht (één pagina) voor huisartsenpost en ambulance",
    "patient": "overzicht voor patiënt en naasten",
}
MEETING_KINDS = {
    "agenda": "agenda van een overleg",
    "minutes": "verslag en presentielijst van een overleg",
    "batch": "zorgplannen van alle patiënten op de agenda van een overleg",
}


def register(sub: Any) -> None:
    p = add_subcommand(sub, "report", "maak een PDF-document", _usage)
    kinds = p.add_subparsers(dest="report_kind", metavar="SOORT")
    for kind, help_text in {**PATIENT_KINDS, **MEETING_KINDS}.items():
        q = add_subcommand(kinds, kind, help_text, cmd_report)
        if kind in PATIENT_KINDS:
            q.add_argument(
                "--patient", required=True, type=record_id, metavar="ID", help="patiënt-id"
            )
        else:
            q.add_argument(
                "--meeting", required=True, type=record_id, metavar="ID", help="overleg-id"
            )
        if kind in ("agenda", "minutes"):
            q.add_argument(
                "--initials",
                action="store_true",
                help="patiënten alleen met initialen en geboortejaar (voor e-mail)",
            )
        q.add_argument("-o", "--out", required=True, metavar="BESTAND", help="PDF-bestand")
        q.add_argument(
            "--password",
            action="store_true",
            help="beveilig de PDF met een wachtwoord (uit PZMDO_PDF_PASSWORD of gevraagd)",
        )
        q.add_argument("--json", action="store_true", help="toon het resultaat als JSON")
        q.set_defaults(report_kind=kind)


def _usage(args: argparse.Namespace) -> int:
    raise CliError(
        "Kies een documentsoort: pzmdo report careplan|emergency|patient --patient ID -o "
        "BESTAND, of pzmdo report agenda|minutes|batch --meeting ID -o BESTAND."
    )


def _pdf_password() -> str:
    value = os.environ.get("PZMDO_PDF_PASSWORD")
    if value is not None:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(
            "Geen wachtwoord voor de PDF: zet PZMDO_PDF_PASSWORD of start de opdracht in een "
            "terminal."
        )
    first = getpass.getpass("Wachtwoord voor de PDF: ")
    if getpass.getpass("Nogmaals: ") != first:
        raise CliError("De wachtwoorden verschillen. Probeer het opnieuw.")
    return first


def cmd_report(args: argparse.Namespace) -> int:
    from pzmdo.services.documents import produce

    password = _pdf_password() if args.password else None
    with unlocked(args) as ctx:
        info = produce(
            ctx,
            args.report_kind,
            Path(args.out),
            patient_id=getattr(args, "patient", None),
            meeting_id=getattr(args, "meeting", None),
            initials_only=getattr(args, "initials", False),
            password=password,
        )
    if args.json:
        print_json(
            {
                "soort": info.kind,
                "titel": info.title,
                "bestand": str(info.path),
                "paginas": info.pages,
                "bytes": info.size,
                "sha256": info.sha256,
                "patienten": list(info.patient_ids),
                "zorgplanversies": {str(k): v for k, v in info.careplan_versions},
                "overleg": info.meeting_id,
                "beveiligd": info.protected,
            }
        )
        return 0
    pages = "1 pagina" if info.pages == 1 else f"{info.pages} pagina's"
    print(f"{info.title} opgeslagen: {info.path} ({pages}).")
    if info.protected:
        print("De PDF is beveiligd met een wachtwoord (AES-256). Stuur het wachtwoord apart.")
    print(f"SHA-256: {info.sha256}")
    return 0
