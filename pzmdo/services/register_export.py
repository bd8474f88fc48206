"""Exporting the user's register selection to CSV or Excel (.xlsx), with chosen columns —
for the PaTz Portal, the HIS or a spreadsheet.

The column names are the importer's field labels, so an export re-imports into another
pzmdo without mapping by hand. The file holds patient data: it is written 0600 through
``store.files``, the export is audited (how many, which columns, which format — never who),
and :data:`PATIENT_DATA_WARNING` is what every screen shows before and after.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.dates import format_date
from pzmdo.domain.enums import PatientStatus, Sex
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.register import Condition, UrgencyLevel
from pzmdo.domain.text import fold
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.register import RegisterQuery, register_ids, urgency_levels_for
from pzmdo.store.files import write_atomic
from pzmdo.store.models import Patient, Person
from pzmdo.store.models.register import Death

PATIENT_DATA_WARNING = (
    "Let op: dit bestand bevat patiëntgegevens (namen, geboortedatums en BSN's). Bewaar het "
    "alleen op een beveiligde plek, deel het alleen via een beveiligde verbinding en verwijder "
    "het als het niet meer nodig is."
)

Cell = str | date | None


@dataclass(frozen=True)
class _Lookups:
    names: dict[int, str]  # person id -> name
    levels: dict[str, UrgencyLevel]
    deaths: dict[int, date]  # patient id -> date of death


@dataclass(frozen=True)
class ExportColumn:
    key: str
    label: str  # Dutch; the importer's label where the importer reads the column back
    value: Callable[[Patient, _Lookups], Cell]


def _label(enum: type, code: str | None) -> str | None:
    if not code:
        return None
    try:
        return str(enum(code).label)
    except ValueError:
        return code


COLUMNS: tuple[ExportColumn, ...] = (
    ExportColumn("family_name", "Achternaam", lambda p, _: p.family_name),
    ExportColumn("name_prefix", "Tussenvoegsel", lambda p, _: p.name_prefix),
    ExportColumn("given_name", "Voornaam", lambda p, _: p.given_name),
    ExportColumn("birth_date", "Geboortedatum", lambda p, _: p.birth_date),
    ExportColumn("sex", "Geslacht", lambda p, _: _label(Sex, p.sex)),
    ExportColumn("bsn", "BSN", lambda p, _: p.bsn),
    ExportColumn("his_number", "HIS-nummer", lambda p, _: p.his_number),
    ExportColumn("status", "Status", lambda p, _: _label(PatientStatus, p.status)),
    ExportColumn("marked_on", "Markeringsdatum", lambda p, _: p.marked_on),
    ExportColumn("died_on", "Overlijdensdatum", lambda p, x: x.deaths.get(p.id)),
    ExportColumn("gp", "Huisarts", lambda p, x: x.names.get(p.gp_person_id or 0)),
    ExportColumn(
        "urgency",
        "Urgentie (kleur)",
        lambda p, x: x.levels[p.urgency].label if p.urgency in x.levels else p.urgency,
    ),
    ExportColumn("condition", "Aandoening", lambda p, _: _label(Condition, p.condition)),
    ExportColumn("diagnosis", "Diagnose", lambda p, _: p.condition_note),
    ExportColumn("phone", "Telefoon", lambda p, _: p.phone),
    ExportColumn(
        "central_caregiver",
        "Centrale zorgverlener",
        lambda p, x: x.names.get(p.central_caregiver_id or 0),
    ),
    ExportColumn("last_discussed_on", "Laatst besproken", lambda p, _: p.last_discussed_on),
    ExportColumn("next_review_on", "Volgende evaluatie", lambda p, _: p.next_review_on),
    ExportColumn("notes", "Opmerking", lambda p, _: p.notes),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
#: What an export holds unless the user chooses: everything but the free notes.
DEFAULT_COLUMNS = tuple(k for k in COLUMN_KEYS if k != "notes")
FORMATS = ("csv", "xlsx")


@dataclass(frozen=True)
class ExportResult:
    path: Path
    count: int
    columns: tuple[str, ...]
    warning: str = PATIENT_DATA_WARNING


def parse_columns(text: str) -> tuple[str, ...]:
    """'achternaam,voornaam,geboortedatum' (keys or Dutch labels) -> column keys."""

    def norm(text: str) -> str:
        return "".join(ch for ch in fold(text) if ch.isalnum())

    by_name: dict[str, str] = {}
    for c in COLUMNS:
        for name in (c.key, c.label, c.label.split(" ")[0]):
            by_name.setdefault(norm(name), c.key)
    keys = []
    for w in (w.strip() for w in text.split(",")):
        if not w:
            continue
        key = by_name.get(norm(w))
        if key is None:
            choices = ", ".join(c.label.lower() for c in COLUMNS)
            raise ValidationError(f"Onbekende kolom '{w}'. Kies uit: {choices}.")
        keys.append(key)
    if not keys:
        raise ValidationError("Kies minstens één kolom om te exporteren.")
    return tuple(dict.fromkeys(keys))


def format_of(path: Path) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValidationError(
            f"Het register kan alleen als .csv of .xlsx worden geëxporteerd, niet als "
            f"'{Path(path).suffix or Path(path).name}'. Kies een naam die op .csv of .xlsx eindigt."
        )
    return suffix


def export_register(
    ctx: AppContext,
    query: RegisterQuery,
    path: Path,
    columns: Sequence[str] = DEFAULT_COLUMNS,
) -> ExportResult:
    """Write the register rows of ``query`` (in display order) with ``columns`` to ``path``
    (.csv: ';'-separated UTF-8 with BOM, as Dutch Excel opens it; .xlsx: real date cells)."""
    require(ctx, Action.REGISTER_EXPORT)
    path = Path(path)
    fmt = format_of(path)
    chosen = [c for key in columns for c in COLUMNS if c.key == key]
    if not chosen or len(chosen) != len(columns):
        raise ValidationError("Kies minstens één kolom om te exporteren (uit de lijst).")
    ids = register_ids(ctx, query)
    levels = {lv.code: lv for lv in urgency_levels_for(ctx)}
    with ctx.read() as s:
        names = {pid: name for pid, name in s.execute(select(Person.id, Person.name))}
        by_id: dict[int, Patient] = {}
        deaths: dict[int, date] = {}
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            by_id |= {p.id: p for p in s.scalars(select(Patient).where(Patient.id.in_(part)))}
            deaths |= {
                pid: day
                for pid, day in s.execute(
                    select(Death.patient_id, Death.died_on).where(Death.patient_id.in_(part))
                )
            }
        lookups = _Lookups(names, levels, deaths)
        rows = [[c.value(by_id[i], lookups) for c in chosen] for i in ids if i in by_id]
    header = [c.label for c in chosen]
    data = _xlsx(header, rows) if fmt == "xlsx" else _csv(header, rows)
    try:
        write_atomic(path, data)
    except OSError:
        raise ValidationError(
            f"Het bestand kan niet worden opgeslagen in {path.parent}. Kies een map waarin u "
            "mag schrijven."
        ) from None
    with ctx.unit() as s:
        ctx.audit(
            s,
            AuditAction.REGISTER_EXPORT,
            entity="patient",
            detail={"aantal": len(rows), "formaat": fmt, "kolommen": [c.key for c in chosen]},
        )
    return ExportResult(path, len(rows), tuple(c.key for c in chosen))


def _text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return format_date(value)
    return value


def _csv(header: list[str], rows: list[list[Cell]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([_text(v) for v in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _xlsx(header: list[str], rows: list[list[Cell]]) -> bytes:
    from openpyxl import Workbook  # only when an Excel file is asked for (start-up time)

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Register"
    ws.append(header)
    for row in rows:
        ws.append(row)
    for cells in ws.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, date):
                cell.number_format = "DD-MM-YYYY"
            elif isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula stays text
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
