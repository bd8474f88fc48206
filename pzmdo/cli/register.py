"""Register sub-commands: ``patient list``, ``mark``, ``import``."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pzmdo.cli import patients
from pzmdo.cli.common import CliError, add_subcommand, print_json, record_id, unlocked
from pzmdo.cli.practices import practice_id, team_id
from pzmdo.domain.audit import AuditAction
from pzmdo.domain.dates import format_date, parse_date

if TYPE_CHECKING:
    from pzmdo.services.context import AppContext


def register(sub: Any) -> None:
    p = add_subcommand(sub, "patient", "patiënten in het palliatieve register", _patient_usage)
    patient_sub = p.add_subparsers(dest="patient_command", metavar="OPDRACHT")
    q = add_subcommand(patient_sub, "list", "toon het register", cmd_patient_list)
    q.add_argument(
        "--status",
        metavar="STATUS",
        help="actief, gesignaleerd, gemarkeerd, stervensfase, overleden, afgemeld of alle "
        "(standaard: alle)",
    )
    q.add_argument("--practice", metavar="PRAKTIJK", help="alleen deze praktijk")
    q.add_argument("--team", metavar="TEAM", help="alleen de praktijken van dit overlegteam")
    q.add_argument("--json", action="store_true", help="uitvoer als JSON")
    patients.add_commands(patient_sub)

    p = add_subcommand(sub, "mark", "markeer een patiënt (surprise question)", cmd_mark)
    p.add_argument("--patient", required=True, type=record_id, metavar="ID", help="patiëntnummer")
    p.add_argument(
        "--surprise",
        required=True,
        metavar="ANTWOORD",
        help="antwoord op de surprise question: nee, ja of weet_niet",
    )
    p.add_argument("--date", metavar="DD-MM-JJJJ", help="markeringsdatum (standaard: vandaag)")
    p.add_argument(
        "--by",
        type=record_id,
        metavar="ID",
        help="zorgverlener (arts) die markeert; standaard uzelf",
    )
    p.add_argument("--grounds", metavar="TEKST", help="andere gronden")
    p.add_argument("--no-agenda", action="store_true", help="niet agenderen voor het overleg")

    p = add_subcommand(sub, "import", "importeer een register uit CSV of Excel", cmd_import)
    p.add_argument("file", metavar="BESTAND", help="CSV (; of ,) of .xlsx")
    p.add_argument("--dry-run", action="store_true", help="alleen controleren, niets opslaan")
    p.add_argument("--yes", action="store_true", help="opslaan zonder te vragen")
    p.add_argument(
        "--map",
        metavar="VELD=KOLOM,...",
        help="verbeter de automatische koppeling per veld, bv. --map=urgentie=Kleur,-diagnose "
        "(-veld of veld=: dat veld niet importeren)",
    )
    p.add_argument(
        "--show-map", action="store_true", help="toon de koppeling die geldt, per werkblad"
    )
    p.add_argument(
        "--skip-sheet",
        action="append",
        default=[],
        metavar="WERKBLAD",
        help="sla dit werkblad over (mag vaker)",
    )
    p.add_argument(
        "--report", metavar="BESTAND.csv", help="schrijf het verslag per rij naar een CSV-bestand"
    )
    p.add_argument("--practice", metavar="PRAKTIJK", help="importeer in deze praktijk")
    p.add_argument(
        "--sheet-practice",
        action="append",
        default=[],
        metavar="WERKBLAD=PRAKTIJK",
        help="een werkblad in zijn eigen praktijk (mag vaker; een blad per praktijk of huisarts)",
    )


def _patient_usage(args: argparse.Namespace) -> int:
    raise CliError("Gebruik 'pzmdo patient list', 'add', 'show' of 'update'.")


def cmd_patient_list(args: argparse.Namespace) -> int:
    from pzmdo.services import register as reg

    status = args.status
    if status in (None, "alle"):
        status = None
    with unlocked(args) as ctx:
        rows = reg.list_patients(
            ctx,
            status,
            practice_id=practice_id(ctx, args.practice),
            team_id=team_id(ctx, args.team),
        )
        with ctx.unit() as s:
            ctx.audit(s, AuditAction.REGISTER_LIST, detail={"aantal": len(rows)})
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "name": r.name,
                    "birth_date": r.birth_date.isoformat(),
                    "age": r.age,
                    "status": r.status,
                    "marked_on": r.marked_on.isoformat() if r.marked_on else None,
                    "gp": r.gp_name,
                    "central_caregiver": r.central_caregiver_name,
                    "last_discussed_on": r.last_discussed_on.isoformat()
                    if r.last_discussed_on
                    else None,
                    "urgency": r.urgency,
                    "practice": r.practice_name,
                    "fictional": r.is_fictional,
                }
                for r in rows
            ]
        )
        return 0
    if not rows:
        print("Geen patiënten gevonden.")
        return 0
    print(f"{'nr':>6}  {'naam':32} {'geboren':10}  {'status':13} {'gemarkeerd':10}  urgentie")
    for r in rows:
        print(
            f"{r.id:>6}  {r.name[:32]:32} {format_date(r.birth_date):10}  {r.status_label:13} "
            f"{format_date(r.marked_on):10}  {r.urgency_label or ''}"
        )
    print(f"{len(rows)} patiënt(en).")
    return 0


def cmd_mark(args: argparse.Namespace) -> int:
    from pzmdo.services import register as reg

    on = parse_date(args.date, "De markeringsdatum") if args.date else date.today()
    with unlocked(args) as ctx:
        pid = reg.mark_patient(
            ctx,
            reg.MarkingInput(
                surprise_answer=args.surprise,
                marked_on=on,
                patient_id=args.patient,
                marked_by_person_id=args.by,
                other_grounds=args.grounds,
                to_agenda=not args.no_agenda,
            ),
        )
    print(f"Patiënt {pid} is gemarkeerd op {format_date(on)}.")
    return 0


def _sheet_practices(ctx: AppContext, pairs: list[str]) -> dict[str, int]:
    """``--sheet-practice "Dr. Jansen=Praktijk De Linde"`` as sheet name -> practice id."""
    out: dict[str, int] = {}
    for pair in pairs:
        sheet, sep, practice = pair.partition("=")
        if not sep or not sheet.strip() or not practice.strip():
            raise CliError(
                "Schrijf --sheet-practice als WERKBLAD=PRAKTIJK, bijvoorbeeld "
                '"Dr. Jansen=Huisartsenpraktijk De Linde".'
            )
        found = practice_id(ctx, practice.strip())
        assert found is not None
        out[sheet.strip()] = found
    return out


def cmd_import(args: argparse.Namespace) -> int:
    from pzmdo.services import importer

    corrections = importer.parse_corrections(args.map) if args.map else {}
    with unlocked(args) as ctx:
        tables = importer.read_file(Path(args.file))
        mappings = importer.file_mappings(tables, corrections)
        if args.show_map:
            for table in tables:
                if table.sheet:
                    print(f"Werkblad '{table.sheet}':")
                if table.empty:
                    print("  (leeg)")
                    continue
                for line in importer.describe_mapping(table, mappings[table.sheet]):
                    print(f"  {line}")
        plan = importer.plan_sheets(
            ctx,
            tables,
            mappings,
            skip=args.skip_sheet,
            practice_id=practice_id(ctx, args.practice),
            sheet_practices=_sheet_practices(ctx, args.sheet_practice),
        )
        for line in plan.report():
            print(line)
        if args.report:
            importer.export_report(ctx, plan, Path(args.report))
            print(f"Verslag per rij opgeslagen in {args.report} (bevat patiëntgegevens).")
        if args.dry_run:
            print("Proefimport: er is niets opgeslagen.")
            return 0
        if not plan.rows:
            print("Er is niets te importeren.")
            return 0
        if not args.yes:
            if not sys.stdin or not sys.stdin.isatty():
                raise CliError(
                    "Bevestig de import met --yes, of controleer eerst met --dry-run. "
                    "Er is niets opgeslagen."
                )
            answer = input(f"{len(plan.rows)} patiënt(en) importeren? [j/N] ").strip().lower()
            if answer not in ("j", "ja", "y", "yes"):
                print("Afgebroken: er is niets opgeslagen.")
                return 1
        result = importer.apply_import(ctx, plan)
    print(
        f"{result.added} patiënt(en) geïmporteerd, {result.skipped_existing} overgeslagen, "
        f"{result.rejected} afgekeurd."
    )
    return 0
