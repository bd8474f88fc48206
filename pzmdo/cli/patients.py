"""``pzmdo patient add|show|update``: a patient's details without the GUI (for scripts)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from pzmdo.cli.common import CliError, add_subcommand, print_json, record_id, unlocked
from pzmdo.domain.dates import format_date, parse_date
from pzmdo.domain.enums import PatientStatus
from pzmdo.domain.names import split_name
from pzmdo.domain.register import Condition

# Option -> PatientInput field, for add and update (text fields).
_TEXT_OPTIONS = {
    "given": "given_name",
    "prefix": "name_prefix",
    "family": "family_name",
    "sex": "sex",
    "bsn": "bsn",
    "his": "his_number",
    "phone": "phone",
    "email": "email",
    "address": "address",
    "postcode": "postcode",
    "city": "city",
    "condition": "condition",
    "diagnosis": "condition_note",
    "notes": "notes",
}


def _details_options(q: argparse.ArgumentParser) -> None:
    q.add_argument(
        "--name",
        metavar="NAAM",
        help='volledige naam, gesplitst zoals bij de import (bv. "J. van der Berg")',
    )
    q.add_argument("--given", metavar="VOORNAAM", help="voornaam of voorletters")
    q.add_argument("--prefix", metavar="TV", help="tussenvoegsel")
    q.add_argument("--family", metavar="ACHTERNAAM", help="achternaam")
    q.add_argument("--birth", metavar="DD-MM-JJJJ", help="geboortedatum")
    q.add_argument("--sex", metavar="GESLACHT", help="man, vrouw, anders of onbekend")
    q.add_argument("--bsn", metavar="BSN")
    q.add_argument("--his", metavar="NUMMER", help="HIS-patiëntnummer")
    q.add_argument("--phone", metavar="TELEFOON")
    q.add_argument("--email", metavar="E-MAIL")
    q.add_argument("--address", metavar="ADRES")
    q.add_argument("--postcode", metavar="POSTCODE")
    q.add_argument("--city", metavar="WOONPLAATS")
    q.add_argument("--gp", type=record_id, metavar="ID", help="huisarts (nummer uit de lijst)")
    q.add_argument("--condition", metavar="CATEGORIE", help="bv. oncologie, hartfalen, copd")
    q.add_argument("--diagnosis", metavar="TEKST", help="diagnose in eigen woorden")
    q.add_argument("--notes", metavar="TEKST", help="notities")
    q.add_argument("--json", action="store_true", help="uitvoer als JSON")


def add_commands(patient_sub: Any) -> None:
    """Adds add/show/update to the ``patient`` group (cli/register.py owns the group)."""
    q = add_subcommand(patient_sub, "add", "voeg een patiënt toe aan het register", cmd_add)
    _details_options(q)
    q.add_argument("--fictional", action="store_true", help="fictieve patiënt (oefenen)")
    q = add_subcommand(patient_sub, "show", "toon de gegevens van één patiënt", cmd_show)
    q.add_argument("patient", type=record_id, metavar="ID", help="patiëntnummer")
    q.add_argument("--json", action="store_true", help="uitvoer als JSON")
    q = add_subcommand(patient_sub, "update", "wijzig gegevens van een patiënt", cmd_update)
    q.add_argument("patient", type=record_id, metavar="ID", help="patiëntnummer")
    _details_options(q)
    q = add_subcommand(
        patient_sub, "export", "exporteer het register naar CSV of Excel (.xlsx)", cmd_export
    )
    q.add_argument("-o", "--out", required=True, metavar="BESTAND", help="eindigt op .csv of .xlsx")
    q.add_argument(
        "--status",
        metavar="STATUS",
        help="actief, gesignaleerd, gemarkeerd, stervensfase, overleden, afgemeld of alle "
        "(standaard: alle)",
    )
    q.add_argument("--search", default="", metavar="TEKST", help="alleen patiënten die passen")
    q.add_argument(
        "--columns",
        metavar="KOLOM,...",
        help="kolommen, bv. achternaam,voornaam,geboortedatum,status (standaard: alle "
        "behalve opmerking)",
    )
    q.add_argument("--json", action="store_true", help="resultaat als JSON")


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    """The PatientInput fields the options set (an empty text clears a field)."""
    values: dict[str, Any] = {}
    if args.name is not None:
        if any(getattr(args, k) is not None for k in ("given", "prefix", "family")):
            raise CliError(
                "Geef de naam met --name óf met --given/--prefix/--family, niet allebei."
            )
        parts = split_name(args.name)
        values |= {
            "given_name": parts.given_name,
            "name_prefix": parts.name_prefix or None,
            "family_name": parts.family_name,
        }
    for option, name in _TEXT_OPTIONS.items():
        value = getattr(args, option)
        if value is not None:
            values[name] = value.strip() or None
    if args.birth is not None:
        values["birth_date"] = parse_date(args.birth, "De geboortedatum")
    if args.gp is not None:
        values["gp_person_id"] = args.gp
    for required in ("given_name", "family_name"):
        if required in values and values[required] is None:
            values[required] = ""
    return values


def cmd_add(args: argparse.Namespace) -> int:
    from pzmdo.services import register as reg

    values = _changes(args)
    if "birth_date" not in values:
        raise CliError("Geef de geboortedatum met --birth DD-MM-JJJJ.")
    if not values.get("family_name"):
        raise CliError("Geef de naam met --name of met --given en --family.")
    data = reg.PatientInput(
        given_name=values.pop("given_name", ""),
        family_name=values.pop("family_name"),
        birth_date=values.pop("birth_date"),
        is_fictional=args.fictional,
        **values,
    )
    with unlocked(args) as ctx:
        pid = reg.create_patient(ctx, data, reason="aangemeld via de opdrachtregel")
        details = reg.get_patient(ctx, pid)
    if args.json:
        print_json(_json(details))
    else:
        print(
            f"Patiënt {pid} is toegevoegd: {details.name}, geboren {format_date(data.birth_date)}."
        )
    return 0


def cmd_update(args: argparse.Namespace) -> int:
    from pzmdo.services import register as reg

    values = _changes(args)
    if not values:
        raise CliError("Er is niets te wijzigen: geef minstens één gegeven, bv. --phone.")
    with unlocked(args) as ctx:
        current = reg.get_patient(ctx, args.patient)
        reg.update_patient(
            ctx, args.patient, replace(current.data, **values), expected_version=current.version
        )
        details = reg.get_patient(ctx, args.patient)
    if args.json:
        print_json(_json(details))
    else:
        print(f"Patiënt {args.patient} is bijgewerkt: {details.name}.")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from pzmdo.services import register as reg

    with unlocked(args) as ctx:
        details = reg.get_patient(ctx, args.patient)
    if args.json:
        print_json(_json(details))
        return 0
    d = details.data
    lines = [
        ("Patiënt", f"{details.id}{' (fictief)' if d.is_fictional else ''}"),
        ("Naam", details.name),
        ("Geboren", f"{format_date(d.birth_date)} ({details.age} jaar)"),
        ("Geslacht", d.sex),
        ("BSN", d.bsn or ""),
        ("HIS-nummer", d.his_number or ""),
        ("Status", f"{details.status_label} sinds {format_date(details.status_since)}"),
        ("Gemarkeerd op", format_date(details.marked_on)),
        ("Urgentie", details.urgency.label if details.urgency else ""),
        ("Huisarts", details.gp_name or ""),
        ("Centrale zorgverlener", details.central_caregiver_name or ""),
        ("Aandoening", _condition_label(d.condition)),
        ("Diagnose", d.condition_note or ""),
        ("Telefoon", d.phone or ""),
        ("Laatst besproken", format_date(details.last_discussed_on)),
        ("Volgende evaluatie", format_date(details.next_review_on)),
    ]
    for label, value in lines:
        if value:
            print(f"{label + ':':24}{value}")
    return 0


def _condition_label(code: str | None) -> str:
    return Condition(code).label if code else ""


def _json(details: Any) -> dict[str, Any]:
    data = asdict(details.data)
    data["birth_date"] = details.data.birth_date.isoformat()
    data["populations"] = list(details.data.populations)
    return {
        "id": details.id,
        "name": details.name,
        "age": details.age,
        "status": details.status,
        "status_since": details.status_since.isoformat(),
        "marked_on": details.marked_on.isoformat() if details.marked_on else None,
        "urgency": details.urgency.code if details.urgency else None,
        "gp": details.gp_name,
        "central_caregiver": details.central_caregiver_name,
        "version": details.version,
        **data,
    }


def cmd_export(args: argparse.Namespace) -> int:
    from pzmdo.services import register_export
    from pzmdo.services.register import RegisterQuery

    columns = (
        register_export.parse_columns(args.columns)
        if args.columns
        else register_export.DEFAULT_COLUMNS
    )
    status = None if args.status in (None, "alle") else args.status.strip().lower()
    if status and status != "actief":
        try:
            status = PatientStatus.from_text(status).value
        except ValueError:
            raise CliError(
                f"Onbekende status '{args.status}'. Kies uit: actief, "
                + ", ".join(s.value for s in PatientStatus)
                + " of alle."
            ) from None
    query = RegisterQuery(search=args.search, status=status)
    with unlocked(args) as ctx:
        result = register_export.export_register(ctx, query, Path(args.out), columns)
    if args.json:
        print_json({"file": str(result.path), "count": result.count, "columns": result.columns})
    else:
        print(f"{result.count} patiënt(en) geëxporteerd naar {result.path}.")
    print(f"pzmdo: {result.warning}", file=sys.stderr)
    return 0
