"""Importing an existing palliative register from CSV or Excel (.xlsx).

Three steps, nothing stored until the last one:

1. :func:`read_table` reads the file in memory (CSV with ``;``/``,``/tab, UTF-8 with or
   without BOM, UTF-16, Windows-1252; or the first sheet of an .xlsx workbook).
2. :func:`plan_import` maps columns to fields (:func:`suggest_mapping` proposes a
   mapping from the headers), validates every row and reports each rejected row with its
   reason, and which rows are already in the register.
3. :func:`apply_import` stores all accepted rows in one transaction.

Re-importing the same file adds nothing: a row matches an existing patient on BSN, else
on HIS number + date of birth, else on name + date of birth.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.dates import parse_date
from pzmdo.domain.enums import Discipline, PatientStatus
from pzmdo.domain.errors import PzmdoError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.register import (
    SURPRISE_QUESTION_VERSION,
    check_death_date,
    check_marking_date,
    find_urgency,
)
from pzmdo.domain.text import fold, search_key
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.practices import practice_for_new_patient
from pzmdo.services.register import (
    PatientInput,
    index_new_patients,
    urgency_levels_for,
    validate_patient_input,
)
from pzmdo.services.scope import require_practice_in_scope
from pzmdo.store.models import Patient, Person
from pzmdo.store.models.register import Death, Marking, StatusEvent, UrgencyChange

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str  # Dutch
    synonyms: tuple[str, ...]
    required: bool = False


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "family_name", "Achternaam", ("achternaam", "familienaam", "geslachtsnaam", "naam"), True
    ),
    FieldSpec("name_prefix", "Tussenvoegsel", ("tussenvoegsel", "tussenvoegsels", "voorvoegsel")),
    FieldSpec("given_name", "Voornaam", ("voornaam", "voornamen", "roepnaam", "voorletters"), True),
    FieldSpec(
        "birth_date",
        "Geboortedatum",
        ("geboortedatum", "gebdatum", "gebdat", "geboren", "geboortedag"),
        True,
    ),
    FieldSpec("sex", "Geslacht", ("geslacht", "sekse", "mv")),
    FieldSpec("bsn", "BSN", ("bsn", "burgerservicenummer")),
    FieldSpec(
        "his_number",
        "HIS-nummer",
        ("hisnummer", "his", "patientnummer", "patnr", "hisnr", "dossiernummer"),
    ),
    FieldSpec("status", "Status", ("status", "fase")),
    FieldSpec(
        "marked_on",
        "Markeringsdatum",
        ("markeringsdatum", "gemarkeerdop", "datummarkering", "markering", "gemarkeerd"),
    ),
    FieldSpec(
        "died_on",
        "Overlijdensdatum",
        ("overlijdensdatum", "overleden", "overledenop", "datumoverlijden"),
    ),
    FieldSpec("gp", "Huisarts", ("huisarts", "arts", "eigenhuisarts")),
    FieldSpec("urgency", "Urgentie (kleur)", ("urgentie", "kleur", "urgentiekleur")),
    FieldSpec("condition", "Aandoening", ("aandoening", "diagnose", "ziekte", "hoofddiagnose")),
    FieldSpec("phone", "Telefoon", ("telefoon", "tel", "telefoonnummer")),
    FieldSpec("notes", "Opmerking", ("opmerking", "opmerkingen", "notitie", "notities")),
)
FIELD_KEYS = tuple(f.key for f in FIELDS)


@dataclass(frozen=True)
class SourceTable:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_numbers: tuple[int, ...]  # the row as the user sees it in the file (header = 1)
    encoding: str = ""
    delimiter: str = ""


@dataclass(frozen=True)
class RejectedRow:
    row_number: int
    reason: str  # Dutch


@dataclass(frozen=True)
class PlannedRow:
    row_number: int
    patient: PatientInput
    status: str
    marked_on: date | None
    died_on: date | None
    urgency: str | None


@dataclass(frozen=True)
class ImportPlan:
    rows: tuple[PlannedRow, ...]
    rejected: tuple[RejectedRow, ...]
    existing: tuple[int, ...]  # row numbers already in the register (skipped)
    warnings: tuple[str, ...] = ()
    practice_id: int | None = None  # the practice the rows join (None: the user's only one)

    def report(self) -> list[str]:
        """The validation report, in Dutch, one line each."""
        lines = [
            f"{len(self.rows)} rij(en) kunnen worden geïmporteerd.",
            f"{len(self.existing)} rij(en) staan al in het register en worden overgeslagen.",
            f"{len(self.rejected)} rij(en) afgekeurd.",
        ]
        lines += [f"Rij {r.row_number}: {r.reason}" for r in self.rejected]
        lines += self.warnings
        return lines


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped_existing: int
    rejected: int
    patient_ids: tuple[int, ...] = field(default=())


# -- reading ------------------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _table(raw_rows: list[list[str]], encoding: str, delimiter: str) -> SourceTable:
    numbered = [
        (n, [c.replace("\x00", "").strip() for c in row]) for n, row in enumerate(raw_rows, start=1)
    ]
    numbered = [(n, row) for n, row in numbered if any(row)]
    if not numbered:
        raise ValidationError("Het bestand is leeg: er staat geen kopregel en geen patiënt in.")
    (_, header), body = numbered[0], numbered[1:]
    columns: list[str] = []
    for i, name in enumerate(header):
        name = name or f"Kolom {i + 1}"
        while name in columns:
            name += " (2)"
        columns.append(name)
    if len(body) > MAX_ROWS:
        raise ValidationError(
            f"Het bestand heeft meer dan {MAX_ROWS} rijen. Splits het bestand en importeer "
            "de delen na elkaar."
        )
    width = len(columns)
    rows = tuple(tuple((row + [""] * width)[:width]) for _, row in body)
    return SourceTable(tuple(columns), rows, tuple(n for n, _ in body), encoding, delimiter)


def read_table(data: bytes, filename: str = "bestand.csv") -> SourceTable:
    """Read CSV or .xlsx bytes; a Dutch ValidationError when it cannot be read."""
    if len(data) > MAX_BYTES:
        raise ValidationError(
            "Het bestand is groter dan 50 MB. Splits het bestand en importeer de delen na elkaar."
        )
    if not data.strip():
        raise ValidationError("Het bestand is leeg: er staat geen kopregel en geen patiënt in.")
    suffix = Path(filename).suffix.lower()
    if suffix in (".xlsx", ".xlsm") or data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data)
    if suffix == ".xls":
        raise ValidationError(
            "Oude Excel-bestanden (.xls) kunnen niet worden gelezen. Sla het bestand in Excel "
            "op als .xlsx of als CSV en probeer het opnieuw."
        )
    text, encoding = _decode(data)
    text = text.lstrip("\ufeff")
    dialect = _dialect(text)
    return _table(_csv_rows(text, dialect), encoding, dialect.delimiter)


def _csv_rows(text: str, dialect: type[csv.Dialect]) -> list[list[str]]:
    """CSV rows; a quote that is never closed is reported with its line, never silently
    merged with the lines after it (no register field spans several lines)."""
    if "\x00" in text:
        raise ValidationError(
            "Het bestand bevat ongeldige tekens (NUL); het is waarschijnlijk geen CSV-bestand. "
            "Sla het opnieuw op als CSV en probeer het opnieuw."
        )
    reader = csv.reader(io.StringIO(text, newline=""), dialect, strict=True)
    rows: list[list[str]] = []
    start = 1
    try:
        for row in reader:
            if any("\n" in field or "\r" in field for field in row):
                raise ValidationError(
                    f'Regel {start} van het CSV-bestand heeft een aanhalingsteken (") dat niet '
                    "wordt afgesloten. Herstel die regel en probeer het opnieuw; er is niets "
                    "ingelezen."
                )
            rows.append(row)
            start = reader.line_num + 1
    except csv.Error:
        raise ValidationError(
            f"Regel {start} van het CSV-bestand kan niet worden gelezen (een aanhalingsteken "
            "staat verkeerd of wordt niet afgesloten). Herstel die regel en probeer het opnieuw; "
            "er is niets ingelezen."
        ) from None
    return rows


DELIMITERS = ";,\t"


def _dialect(text: str) -> type[csv.Dialect]:
    """The CSV dialect as csv.Sniffer sees it, with the Dutch fallbacks: the delimiter the
    header line uses most (commas inside unquoted names must not win; none at all: ';'),
    and always '"' as quote ('t Hooft, d'Ancona are names, not quoted fields)."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in DELIMITERS}
    usual = max(DELIMITERS, key=counts.__getitem__) if any(counts.values()) else ";"
    try:
        sniffed: type[csv.Dialect] = csv.Sniffer().sniff(text[:64_000], delimiters=DELIMITERS)
    except csv.Error:
        sniffed = csv.excel
    delimiter = sniffed.delimiter
    if counts.get(delimiter, 0) < counts[usual] or not counts[usual]:
        delimiter = usual
    return type("SniffedDialect", (sniffed,), {"delimiter": delimiter, "quotechar": '"'})


def _read_xlsx(data: bytes) -> SourceTable:
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, IndexError):
        raise ValidationError(
            "Het Excel-bestand kan niet worden gelezen. Controleer of het een .xlsx-bestand is "
            "(niet beveiligd met een wachtwoord) of sla het op als CSV."
        ) from None
    except Exception:  # openpyxl raises many kinds on damaged files
        raise ValidationError(
            "Het Excel-bestand is beschadigd of geen .xlsx-bestand. Sla het opnieuw op in Excel "
            "of als CSV en probeer het opnieuw."
        ) from None
    try:
        sheet = wb.worksheets[0]
        raw = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    except Exception:
        raise ValidationError(
            "Het eerste werkblad van het Excel-bestand kan niet worden gelezen. Sla het op als "
            "CSV en probeer het opnieuw."
        ) from None
    finally:
        wb.close()
    return _table(raw, "xlsx", "")


# -- mapping ----------------------------------------------------------------------------------


def _norm(header: str) -> str:
    return "".join(ch for ch in fold(header) if ch.isalnum())


def suggest_mapping(columns: Sequence[str]) -> dict[str, str]:
    """Field key -> column name, from the header names (exact synonyms first)."""
    mapping: dict[str, str] = {}
    used: set[str] = set()
    normalised = [(c, _norm(c)) for c in columns]
    for exact in (True, False):
        for spec in FIELDS:
            if spec.key in mapping:
                continue
            for column, norm in normalised:
                if column in used or not norm:
                    continue
                hit = (
                    norm in spec.synonyms
                    if exact
                    else any(norm.startswith(s) for s in spec.synonyms if len(s) > 3)
                )
                if hit:
                    mapping[spec.key] = column
                    used.add(column)
                    break
    return mapping


def check_mapping(table: SourceTable, mapping: dict[str, str]) -> dict[str, int]:
    """Field key -> column index; a Dutch error when a required field is not mapped."""
    index: dict[str, int] = {}
    for key, column in mapping.items():
        if key not in FIELD_KEYS:
            raise ValidationError(f"Onbekend veld '{key}' in de koppeling.")
        if not column:
            continue
        if column not in table.columns:
            raise ValidationError(
                f"De kolom '{column}' staat niet in het bestand. Kies een kolom uit de kopregel."
            )
        index[key] = table.columns.index(column)
    missing = [f.label for f in FIELDS if f.required and f.key not in index]
    if missing:
        raise ValidationError(
            "Koppel eerst deze verplichte velden aan een kolom: " + ", ".join(missing) + "."
        )
    return index


# -- validating -----------------------------------------------------------------------------


def _status_of(text: str) -> PatientStatus:
    try:
        return PatientStatus.from_text(text)
    except ValueError:
        choices = ", ".join(s.value for s in PatientStatus)
        raise ValidationError(f"onbekende status '{text}'; kies uit {choices}.") from None


#: How an imported row is matched to a patient: ("bsn", bsn), ("his", number, birth date)
#: or ("name", search name, birth date).
MatchKey = tuple[object, ...]


def _keys(p: PatientInput) -> list[MatchKey]:
    keys: list[MatchKey] = []
    if p.bsn:
        keys.append(("bsn", p.bsn))
    if p.his_number:
        keys.append(("his", p.his_number, p.birth_date))
    keys.append(("name", search_key(p.given_name, p.name_prefix, p.family_name), p.birth_date))
    return keys


def _match_key(p: PatientInput) -> MatchKey:
    """BSN, else HIS number + birth date, else name + birth date."""
    return _keys(p)[0]


def plan_import(
    ctx: AppContext,
    table: SourceTable,
    mapping: dict[str, str] | None = None,
    *,
    practice_id: int | None = None,
) -> ImportPlan:
    """Validate every row; store nothing. The rows will join ``practice_id``."""
    require(ctx, Action.IMPORT)
    require_practice_in_scope(ctx, practice_id)
    mapping = mapping if mapping is not None else suggest_mapping(table.columns)
    index = check_mapping(table, mapping)
    today = date.today()
    levels = urgency_levels_for(ctx)
    with ctx.read() as s:
        gps = {
            fold(name): pid
            for pid, name in s.execute(
                select(Person.id, Person.name).where(Person.discipline == Discipline.HUISARTS.value)
            )
        }
        existing: set[MatchKey] = set()
        for bsn, his, born, name in s.execute(
            select(Patient.bsn, Patient.his_number, Patient.birth_date, Patient.search_name)
        ):
            if bsn:
                existing.add(("bsn", bsn))
            if his:
                existing.add(("his", his, born))
            existing.add(("name", name, born))

    planned: list[PlannedRow] = []
    rejected: list[RejectedRow] = []
    already: list[int] = []
    warnings: list[str] = []
    seen: dict[MatchKey, int] = {}
    for number, values in zip(table.row_numbers, table.rows, strict=True):

        def get(key: str, values: tuple[str, ...] = values) -> str:
            return values[index[key]].strip() if key in index else ""

        try:
            birth = (
                parse_date(get("birth_date"), "De geboortedatum")
                if get("birth_date")
                else None
            )
            if birth is None:
                raise ValidationError("de geboortedatum ontbreekt.")
            gp_id = None
            if get("gp"):
                wanted = fold(get("gp"))
                gp_id = gps.get(wanted) or next(
                    (pid for name, pid in gps.items() if wanted and wanted in name), None
                )
                if gp_id is None:
                    warnings.append(
                        f"Rij {number}: huisarts '{get('gp')}' staat niet in de lijst van "
                        "zorgverleners; de patiënt wordt zonder huisarts geïmporteerd."
                    )
            patient = validate_patient_input(
                PatientInput(
                    given_name=get("given_name"),
                    family_name=get("family_name"),
                    name_prefix=get("name_prefix") or None,
                    birth_date=birth,
                    sex=get("sex") or "onbekend",
                    bsn=get("bsn") or None,
                    his_number=get("his_number") or None,
                    phone=get("phone") or None,
                    gp_person_id=gp_id,
                    condition=get("condition") or None,
                    notes=get("notes") or None,
                ),
                today,
            )
            marked_on = (
                parse_date(get("marked_on"), "De markeringsdatum")
                if get("marked_on")
                else None
            )
            died_on = (
                parse_date(get("died_on"), "De overlijdensdatum") if get("died_on") else None
            )
            if marked_on:
                check_marking_date(marked_on, birth, today)
            if died_on:
                check_death_date(died_on, marked_on, birth, today)
            if get("status"):
                status = _status_of(get("status"))
            elif died_on:
                status = PatientStatus.OVERLEDEN
            elif marked_on:
                status = PatientStatus.GEMARKEERD
            else:
                status = PatientStatus.GESIGNALEERD
            if status is PatientStatus.OVERLEDEN and died_on is None:
                raise ValidationError("status overleden zonder overlijdensdatum.")
            if died_on is not None and status is not PatientStatus.OVERLEDEN:
                raise ValidationError(
                    f"er staat een overlijdensdatum bij, maar de status is '{status.label}'."
                )
            urgency = find_urgency(get("urgency"), levels).code if get("urgency") else None
        except PzmdoError as exc:
            rejected.append(RejectedRow(number, _sentence(exc.message)))
            continue
        key = _match_key(patient)
        if key in existing:
            already.append(number)
            continue
        if key in seen:
            rejected.append(
                RejectedRow(
                    number, f"Dezelfde patiënt staat al in rij {seen[key]} van het bestand."
                )
            )
            continue
        seen[key] = number
        planned.append(PlannedRow(number, patient, status.value, marked_on, died_on, urgency))
    return ImportPlan(
        tuple(planned), tuple(rejected), tuple(already), tuple(warnings), practice_id
    )


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else "Onbekende fout."


# -- storing -----------------------------------------------------------------------------------


def apply_import(ctx: AppContext, plan: ImportPlan) -> ImportResult:
    """Store every planned row in one transaction (all or nothing).

    Rows that meanwhile exist (matched again inside the transaction) are skipped.
    """
    require(ctx, Action.IMPORT)
    require_practice_in_scope(ctx, plan.practice_id)
    from sqlalchemy import func

    added: list[int] = []
    skipped = len(plan.existing)
    with ctx.unit() as s:
        practice_id = practice_for_new_patient(s, ctx, plan.practice_id)
        last_id = s.scalar(select(func.max(Patient.id))) or 0
        bsns = {r.patient.bsn for r in plan.rows if r.patient.bsn}
        taken = set()
        if bsns:
            bsn_list = sorted(bsns)
            for start in range(0, len(bsn_list), 500):
                taken |= set(
                    s.scalars(
                        select(Patient.bsn).where(Patient.bsn.in_(bsn_list[start : start + 500]))
                    )
                )
        for row in plan.rows:
            data = row.patient
            if data.bsn and data.bsn in taken:
                skipped += 1
                continue
            p = Patient(
                practice_id=practice_id,
                given_name=data.given_name,
                name_prefix=data.name_prefix,
                family_name=data.family_name,
                search_name=search_key(data.given_name, data.name_prefix, data.family_name),
                birth_date=data.birth_date,
                sex=data.sex,
                bsn=data.bsn,
                his_number=data.his_number,
                phone=data.phone,
                gp_person_id=data.gp_person_id,
                condition=data.condition,
                notes=data.notes,
                status=row.status,
                status_since=row.died_on or row.marked_on or date.today(),
                marked_on=row.marked_on,
                urgency=row.urgency,
                urgency_since=date.today() if row.urgency else None,
            )
            s.add(p)
            s.flush()
            added.append(p.id)
            s.add(
                StatusEvent(
                    patient_id=p.id,
                    from_status=None,
                    to_status=row.status,
                    on_date=p.status_since,
                    reason=f"geïmporteerd (rij {row.row_number})",
                    by_user_id=ctx.user.id,
                    by_login=ctx.user.login,
                )
            )
            if row.marked_on:
                s.add(
                    Marking(
                        patient_id=p.id,
                        marked_on=row.marked_on,
                        question_version=SURPRISE_QUESTION_VERSION,
                        surprise_answer=None,
                        marked_by_person_id=None,
                        proposed_by="import",
                        to_agenda=False,
                        by_user_id=ctx.user.id,
                        closed_on=p.status_since
                        if row.status in ("afgemeld", "overleden")
                        else None,
                    )
                )
            if row.died_on:
                s.add(
                    Death(
                        patient_id=p.id,
                        died_on=row.died_on,
                        place="onbekend",
                        not_unexpected=True,
                        by_user_id=ctx.user.id,
                    )
                )
            if row.urgency:
                s.add(
                    UrgencyChange(
                        patient_id=p.id,
                        changed_on=date.today(),
                        code=row.urgency,
                        note="import",
                        by_user_id=ctx.user.id,
                    )
                )
        index_new_patients(s, last_id)
        ctx.audit(
            s,
            AuditAction.IMPORT,
            entity="patient",
            detail={
                "toegevoegd": len(added),
                "overgeslagen": skipped,
                "afgekeurd": len(plan.rejected),
            },
        )
    ctx.changes.publish("patient", *added)
    return ImportResult(len(added), skipped, len(plan.rejected), tuple(added))


def import_file(
    ctx: AppContext,
    path: Path,
    mapping: dict[str, str] | None = None,
    *,
    dry_run: bool = False,
    practice_id: int | None = None,
) -> tuple[ImportPlan, ImportResult | None]:
    """Read, plan and (unless ``dry_run``) store into ``practice_id``. For the CLI."""
    require(ctx, Action.IMPORT)
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"Het bestand {path} bestaat niet. Controleer de naam.") from None
    except OSError:
        raise ValidationError(f"Het bestand {path} kan niet worden gelezen.") from None
    table = read_table(data, path.name)
    plan = plan_import(ctx, table, mapping, practice_id=practice_id)
    if dry_run:
        return plan, None
    return plan, apply_import(ctx, plan)


def parse_mapping_option(text: str) -> dict[str, str]:
    """``veld=Kolom,veld=Kolom`` (CLI ``--map``); field keys or Dutch labels."""
    by_label = {fold(f.label): f.key for f in FIELDS} | {f.key: f.key for f in FIELDS}
    mapping: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        if "=" not in part:
            raise ValidationError(
                f"Ongeldige koppeling '{part}'. Schrijf veld=kolom, bijvoorbeeld "
                "achternaam=Naam,geboortedatum=Geb.datum."
            )
        key, column = (x.strip() for x in part.split("=", 1))
        field_key = by_label.get(fold(key))
        if field_key is None:
            choices = ", ".join(f.key for f in FIELDS)
            raise ValidationError(f"Onbekend veld '{key}'. Kies uit: {choices}.")
        mapping[field_key] = column
    return mapping
