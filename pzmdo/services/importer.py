"""Importing an existing palliative register from CSV or Excel (.xlsx).

Three steps, nothing stored until the last one:

1. :func:`read_tables` reads the file in memory (:mod:`pzmdo.services.import_read`): one
   table per worksheet.
2. :func:`plan_import` / :func:`plan_sheets` map columns to fields
   (:mod:`pzmdo.services.import_map`), read every row and sort it into *import*, *skip*
   (already in the register, or the same patient earlier in the file) or *reject* (only
   when an identity field is missing or wrong: name, birth date, BSN, HIS number). Every
   other field that cannot be read is left empty with a warning; a full name is split with
   the Dutch rules of :mod:`pzmdo.domain.names`; a free-text diagnosis is kept verbatim and
   given a category only when a keyword clearly names one.
3. :func:`apply_import` stores all planned rows in one transaction.

Re-importing the same file adds nothing: a row matches an existing patient on BSN, else
on HIS number + date of birth, else on name + date of birth.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.dates import format_date, parse_date
from pzmdo.domain.enums import Discipline, PatientStatus, Sex
from pzmdo.domain.errors import PzmdoError, ValidationError
from pzmdo.domain.names import NameParts, split_family, split_name
from pzmdo.domain.permissions import Action
from pzmdo.domain.register import (
    SURPRISE_QUESTION_VERSION,
    UrgencyLevel,
    check_death_date,
    check_marking_date,
    condition_from_text,
    find_urgency,
)
from pzmdo.domain.text import clean_line, clean_text, fold, search_key
from pzmdo.services.context import AppContext
from pzmdo.services.guard import require
from pzmdo.services.import_map import (
    FIELDS,
    check_corrections,
    check_mapping,
    corrected_mapping,
    describe_mapping,
    parse_corrections,
    suggest_mapping,
)
from pzmdo.services.import_read import SourceTable, read_table, read_tables
from pzmdo.services.practices import practice_for_new_patient
from pzmdo.services.register import (
    MAX_NOTES,
    PatientInput,
    index_new_patients,
    urgency_levels_for,
    validate_patient_input,
)
from pzmdo.services.scope import require_practice_in_scope
from pzmdo.store.files import write_atomic
from pzmdo.store.models import Patient, Person
from pzmdo.store.models.register import Death, Marking, StatusEvent, UrgencyChange

__all__ = [
    "FIELDS",
    "ImportPlan",
    "ImportResult",
    "SourceTable",
    "apply_import",
    "describe_mapping",
    "export_report",
    "import_file",
    "parse_corrections",
    "parse_mapping_option",
    "plan_import",
    "plan_sheets",
    "read_table",
    "read_tables",
    "suggest_mapping",
]

parse_mapping_option = parse_corrections  # the CLI's --map

#: Outcomes of a row, as the report and its CSV name them.
IMPORT, SKIP, REJECT, WARN = "importeren", "overgeslagen", "afgekeurd", "let op"


@dataclass(frozen=True)
class RejectedRow:
    row_number: int
    reason: str  # Dutch
    sheet: str = ""
    name_text: str = ""  # the full name as written, so the preview can correct it
    name_parts: tuple[str, str, str] = ("", "", "")  # its split (or the user's correction)


@dataclass(frozen=True)
class SkippedRow:
    row_number: int
    reason: str  # Dutch: already in the register, or the row it duplicates
    sheet: str = ""
    duplicate_of: int | None = None  # the earlier row in the file, if that is the reason


@dataclass(frozen=True)
class RowWarning:
    row_number: int
    text: str  # Dutch
    sheet: str = ""


@dataclass(frozen=True)
class PlannedRow:
    row_number: int
    patient: PatientInput
    status: str
    marked_on: date | None
    died_on: date | None
    urgency: str | None
    sheet: str = ""
    name_text: str = ""  # the full name as written, when the file had one name column
    name_doubt: str = ""  # why the split of name_text is a guess ('' when sure)


@dataclass(frozen=True)
class RowOutcome:
    sheet: str
    row_number: int
    outcome: str  # IMPORT, SKIP, REJECT or WARN
    text: str


@dataclass(frozen=True)
class ImportPlan:
    rows: tuple[PlannedRow, ...]
    rejected: tuple[RejectedRow, ...]
    skipped: tuple[SkippedRow, ...] = ()
    row_warnings: tuple[RowWarning, ...] = ()
    notes: tuple[str, ...] = ()  # about the file or a sheet (an empty sheet, ...)
    multi_sheet: bool = False
    practice_id: int | None = None  # the practice the rows join (None: the user's only one)
    # A worksheet per practice (PaTz groups keep one per GP): (sheet, practice id) pairs.
    sheet_practices: tuple[tuple[str, int], ...] = ()

    @property
    def existing(self) -> tuple[int, ...]:
        """Row numbers skipped because the patient is already in the register."""
        return tuple(r.row_number for r in self.skipped if r.duplicate_of is None)

    @property
    def warnings(self) -> tuple[str, ...]:
        return tuple(f"{self.where(w.sheet, w.row_number)}: {w.text}" for w in self.row_warnings)

    def where(self, sheet: str, row_number: int) -> str:
        return f"Blad '{sheet}', rij {row_number}" if self.multi_sheet else f"Rij {row_number}"

    def outcomes(self) -> list[RowOutcome]:
        """Every row with its outcome and reason, in file order (warnings after their row)."""
        order = {w: i for i, w in enumerate(dict.fromkeys(self._sheets()))}
        out = [RowOutcome(r.sheet, r.row_number, IMPORT, _imported_text(r)) for r in self.rows]
        out += [RowOutcome(r.sheet, r.row_number, SKIP, r.reason) for r in self.skipped]
        out += [RowOutcome(r.sheet, r.row_number, REJECT, r.reason) for r in self.rejected]
        out += [RowOutcome(w.sheet, w.row_number, WARN, w.text) for w in self.row_warnings]
        rank = {IMPORT: 0, SKIP: 0, REJECT: 0, WARN: 1}
        return sorted(out, key=lambda o: (order.get(o.sheet, 0), o.row_number, rank[o.outcome]))

    def _sheets(self) -> list[str]:
        rows: list[PlannedRow | SkippedRow | RejectedRow] = [*self.rows, *self.skipped]
        return [r.sheet for r in sorted([*rows, *self.rejected], key=lambda r: r.row_number)]

    def report(self) -> list[str]:
        """The report in Dutch: three counts, then one line per row that needs attention."""
        lines = [
            f"{len(self.rows)} rij(en) kunnen worden geïmporteerd.",
            f"{len(self.skipped)} rij(en) overgeslagen (al in het register of dubbel in het "
            "bestand).",
            f"{len(self.rejected)} rij(en) afgekeurd.",
            *self.notes,
        ]
        lines += [
            f"{self.where(o.sheet, o.row_number)}: {o.outcome} - {o.text}"
            for o in self.outcomes()
            if o.outcome != IMPORT
        ]
        return lines


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped_existing: int
    rejected: int
    patient_ids: tuple[int, ...] = field(default=())


def _imported_text(row: PlannedRow) -> str:
    p = row.patient
    name = " ".join(x for x in (p.given_name, p.name_prefix or "", p.family_name) if x)
    return f"{name}, geboren {format_date(p.birth_date)}"


# -- planning -----------------------------------------------------------------------------------

#: (sheet, row number) -> (voornaam, tussenvoegsel, achternaam) as the user corrected it.
NameCorrections = Mapping[tuple[str, int], tuple[str, str, str]]


def plan_import(
    ctx: AppContext,
    table: SourceTable,
    mapping: Mapping[str, str] | None = None,
    *,
    names: NameCorrections | None = None,
    practice_id: int | None = None,
) -> ImportPlan:
    """Plan one table with a complete mapping (default: the automatic one); store nothing.
    The rows will join ``practice_id``."""
    require(ctx, Action.IMPORT)
    require_practice_in_scope(ctx, practice_id)
    plan = _plan(ctx, [(table, mapping if mapping is not None else suggest_mapping(table.columns))],
                 names or {}, multi=False)  # fmt: skip
    return replace(plan, practice_id=practice_id)


def plan_sheets(
    ctx: AppContext,
    tables: Sequence[SourceTable],
    mappings: Mapping[str, Mapping[str, str]] | None = None,
    *,
    skip: Sequence[str] = (),
    names: NameCorrections | None = None,
    practice_id: int | None = None,
    sheet_practices: Mapping[str, int] | None = None,
) -> ImportPlan:
    """Plan every worksheet (each with its own mapping, default automatic) except those in
    ``skip`` and empty ones; a duplicate on a later sheet is skipped like one on the same
    sheet. The rows will join ``practice_id``, a sheet in ``sheet_practices`` its own
    practice. Store nothing."""
    require(ctx, Action.IMPORT)
    require_practice_in_scope(ctx, practice_id)
    per_sheet = tuple(sorted((sheet_practices or {}).items()))
    for _sheet, sheet_practice in per_sheet:
        require_practice_in_scope(ctx, sheet_practice)
    unknown = sorted({sh for sh, _ in per_sheet} - {t.sheet for t in tables})
    if unknown:
        raise ValidationError(
            f"Het bestand heeft geen werkblad '{unknown[0][:40]}'. Controleer de naam van het "
            "werkblad bij de keuze van de praktijk."
        )
    mappings = mappings or {}
    chosen: list[tuple[SourceTable, Mapping[str, str]]] = []
    notes: list[str] = []
    for table in tables:
        if table.empty:
            notes.append(f"Werkblad '{table.sheet}' is leeg en wordt overgeslagen.")
        elif table.sheet in skip:
            notes.append(f"Werkblad '{table.sheet}' wordt op verzoek overgeslagen.")
        else:
            mapping = mappings.get(table.sheet)
            chosen.append(
                (table, mapping if mapping is not None else suggest_mapping(table.columns))
            )
    if not chosen:
        raise ValidationError(
            "Er is geen werkblad om te importeren: alle werkbladen zijn leeg of overgeslagen."
        )
    plan = _plan(ctx, chosen, names or {}, multi=len(tables) > 1)
    return replace(plan, notes=tuple(notes), practice_id=practice_id, sheet_practices=per_sheet)


class _Row:
    """Reads one row's fields; optional fields that cannot be read become warnings."""

    def __init__(self, values: tuple[str, ...], index: Mapping[str, int]) -> None:
        self.values, self.index = values, index
        self.warnings: list[str] = []

    def get(self, key: str) -> str:
        return self.values[self.index[key]].strip() if key in self.index else ""

    def optional(self, key: str, what: str, limit: int = 200) -> str | None:
        text = self.get(key)
        try:
            return clean_text(text, what, limit=limit, one_line=limit <= 200) or None
        except ValidationError as exc:
            self.warnings.append(f"{_first_lower(exc.message)} Het veld is leeg gelaten.")
            return None

    def date(self, key: str, what: str) -> date | None:
        text = self.get(key)
        if not text:
            return None
        try:
            return parse_date(text, what)
        except ValidationError as exc:
            self.warnings.append(f"{_first_lower(exc.message)} Het veld is leeg gelaten.")
            return None


def _first_lower(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else "Onbekende fout."


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


def _plan(
    ctx: AppContext,
    tables: Sequence[tuple[SourceTable, Mapping[str, str]]],
    names: NameCorrections,
    *,
    multi: bool,
) -> ImportPlan:
    indexes = [(table, check_mapping(table, mapping)) for table, mapping in tables]
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
        for bsn, his, birth, name in s.execute(
            select(Patient.bsn, Patient.his_number, Patient.birth_date, Patient.search_name)
        ):
            if bsn:
                existing.add(("bsn", bsn))
            if his:
                existing.add(("his", his, birth))
            existing.add(("name", name, birth))

    planned: list[PlannedRow] = []
    rejected: list[RejectedRow] = []
    skipped: list[SkippedRow] = []
    warnings: list[RowWarning] = []
    seen: dict[MatchKey, tuple[str, int]] = {}
    for table, index in indexes:
        sheet = table.sheet
        for number, values in zip(table.row_numbers, table.rows, strict=True):
            row = _Row(values, index)
            try:
                planned_row = _read_row(row, sheet, number, names, gps, levels, today)
            except PzmdoError as exc:
                text = row.get("full_name")
                corrected = names.get((sheet, number))
                split = split_name(text)
                parts = corrected or (split.given_name, split.name_prefix, split.family_name)
                rejected.append(RejectedRow(number, _sentence(exc.message), sheet, text, parts))
                continue
            key = _match_key(planned_row.patient)
            if key in existing:
                skipped.append(SkippedRow(number, "Staat al in het register.", sheet))
                continue
            if key in seen:
                first_sheet, first = seen[key]
                place = f"rij {first}" + (
                    f" van werkblad '{first_sheet}'" if multi and first_sheet != sheet else ""
                )
                skipped.append(
                    SkippedRow(
                        number, f"Dezelfde patiënt als {place} van het bestand.", sheet, first
                    )
                )
                continue
            seen[key] = (sheet, number)
            planned.append(planned_row)
            warnings += [RowWarning(number, w, sheet) for w in row.warnings]
    return ImportPlan(tuple(planned), tuple(rejected), tuple(skipped), tuple(warnings), (), multi)


def _name(row: _Row, sheet: str, number: int, names: NameCorrections) -> tuple[NameParts, str]:
    """The name parts of a row and the full name as written ('' for separate columns)."""
    if "full_name" not in row.index:
        prefix, family = row.get("name_prefix"), row.get("family_name")
        if not prefix:  # 'van den Berg' or 'Berg, van den' in the achternaam column
            prefix, family = split_family(family)
        return NameParts(row.get("given_name"), prefix, family), ""
    text = row.get("full_name")
    corrected = names.get((sheet, number))
    if corrected is not None:
        return NameParts(*(part.strip() for part in corrected)), text
    parts = split_name(text)
    if parts.doubt:
        shown = " | ".join((parts.given_name, parts.name_prefix or "-", parts.family_name))
        row.warnings.append(
            f"naam '{text}' gelezen als {shown} (voornaam | tussenvoegsel | achternaam); "
            f"{_first_lower(parts.doubt)} Controleer de naam."
        )
    return parts, text


def _read_row(
    row: _Row,
    sheet: str,
    number: int,
    names: NameCorrections,
    gps: Mapping[str, int],
    levels: tuple[UrgencyLevel, ...],
    today: date,
) -> PlannedRow:
    """One row read into a planned patient; identity problems raise, the rest warns."""
    parts, name_text = _name(row, sheet, number, names)
    if name_text and not parts.given_name and parts.family_name:
        raise ValidationError(
            f"in de naam '{name_text}' staat geen voornaam of voorletter. Vul de voornaam "
            "aan in het bestand of in het voorbeeld."
        )
    birth_text = row.get("birth_date")
    if not birth_text:
        raise ValidationError("de geboortedatum ontbreekt.")
    birth = parse_date(birth_text, "De geboortedatum")
    his = clean_line(row.get("his_number"), "het HIS-nummer", limit=40) or None

    sex = row.get("sex")
    if sex:
        try:
            sex = Sex.from_text(sex).value
        except ValueError:
            row.warnings.append(f"geslacht '{sex}' is onbekend; opgeslagen als onbekend.")
            sex = ""
    gp_id = None
    if row.get("gp"):
        wanted = fold(row.get("gp"))
        gp_id = gps.get(wanted) or next(
            (pid for name, pid in gps.items() if wanted and wanted in name), None
        )
        if gp_id is None:
            row.warnings.append(
                f"huisarts '{row.get('gp')}' staat niet in de lijst van zorgverleners; de "
                "patiënt wordt zonder huisarts geïmporteerd."
            )
    condition, diagnosis = _condition(row)
    patient = validate_patient_input(
        PatientInput(
            given_name=parts.given_name,
            family_name=parts.family_name,
            name_prefix=parts.name_prefix or None,
            birth_date=birth,
            sex=sex or "onbekend",
            bsn=row.get("bsn") or None,
            his_number=his,
            phone=row.optional("phone", "het telefoonnummer", limit=40),
            gp_person_id=gp_id,
            condition=condition,
            condition_note=diagnosis,
            notes=row.optional("notes", "de opmerking", limit=MAX_NOTES),
        ),
        today,
    )
    status, marked_on, died_on = _register_state(row, birth, today)
    urgency = None
    if row.get("urgency"):
        try:
            urgency = find_urgency(row.get("urgency"), levels).code
        except ValidationError as exc:
            row.warnings.append(f"{_first_lower(exc.message)} De urgentie is leeg gelaten.")
    return PlannedRow(
        number, patient, status.value, marked_on, died_on, urgency, sheet, name_text, parts.doubt
    )


def _condition(row: _Row) -> tuple[str | None, str | None]:
    """Category and verbatim diagnosis text. A category column holding free text, or a
    diagnosis column alone, gets a category only when a keyword clearly names one."""
    category = row.optional("condition", "de aandoening", limit=2000)
    diagnosis = row.optional("diagnosis", "de diagnose", limit=2000)
    # A category column is the authority where the file has one (empty stays empty).
    source = category if "condition" in row.index else diagnosis
    if not source:
        return None, diagnosis
    reading = condition_from_text(source)
    if reading.doubt:
        row.warnings.append(reading.doubt)
    found = reading.condition
    plain = found is not None and fold(source) in (found.value, fold(found.label))
    if diagnosis is None and category and not plain:
        diagnosis = category  # free text in the category column: keep it verbatim
    return (found.value if found else None), diagnosis


def _register_state(
    row: _Row, birth: date, today: date
) -> tuple[PatientStatus, date | None, date | None]:
    """Status, marking and death date; conflicts become warnings, the dates win."""
    marked_on = row.date("marked_on", "De markeringsdatum")
    died_on = row.date("died_on", "De overlijdensdatum")
    if marked_on:
        try:
            check_marking_date(marked_on, birth, today)
        except ValidationError as exc:
            row.warnings.append(f"{_first_lower(exc.message)} De markering is leeg gelaten.")
            marked_on = None
    if died_on:
        try:
            check_death_date(died_on, None, birth, today)
        except ValidationError as exc:
            row.warnings.append(f"{_first_lower(exc.message)} Het overlijden is leeg gelaten.")
            died_on = None
    if died_on and marked_on and died_on < marked_on:
        row.warnings.append(
            f"de overlijdensdatum ({format_date(died_on)}) ligt vóór de markeringsdatum "
            f"({format_date(marked_on)}); de markeringsdatum is leeg gelaten."
        )
        marked_on = None
    derived = (
        PatientStatus.OVERLEDEN
        if died_on
        else PatientStatus.GEMARKEERD
        if marked_on
        else PatientStatus.GESIGNALEERD
    )
    status = derived
    text = row.get("status")
    if text:
        try:
            status = PatientStatus.from_text(text)
        except ValueError:
            row.warnings.append(f"status '{text}' is onbekend; gelezen als '{derived.label}'.")
    if status is PatientStatus.OVERLEDEN and died_on is None:
        status = PatientStatus.GEMARKEERD if marked_on else PatientStatus.GESIGNALEERD
        row.warnings.append(
            f"status overleden zonder (geldige) overlijdensdatum; geïmporteerd als "
            f"'{status.label}'. Registreer het overlijden in de patiëntkaart."
        )
    if died_on is not None and status is not PatientStatus.OVERLEDEN:
        row.warnings.append(
            f"er staat een overlijdensdatum bij, maar de status is '{status.label}'; "
            "geïmporteerd als overleden."
        )
        status = PatientStatus.OVERLEDEN
    return status, marked_on, died_on


# -- storing -----------------------------------------------------------------------------------


def _store_row(s: Session, ctx: AppContext, row: PlannedRow, practice_id: int | None) -> int:
    """One planned row as a patient with its status event, marking, death and colour."""
    data = row.patient
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
        condition_note=data.condition_note,
        notes=data.notes,
        status=row.status,
        status_since=row.died_on or row.marked_on or date.today(),
        marked_on=row.marked_on,
        urgency=row.urgency,
        urgency_since=date.today() if row.urgency else None,
    )
    s.add(p)
    s.flush()
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
                closed_on=p.status_since if row.status in ("afgemeld", "overleden") else None,
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
    return p.id


def apply_import(ctx: AppContext, plan: ImportPlan) -> ImportResult:
    """Store every planned row in one transaction (all or nothing).

    Rows that meanwhile exist (matched again inside the transaction) are skipped.
    """
    require(ctx, Action.IMPORT)
    require_practice_in_scope(ctx, plan.practice_id)
    for _sheet, sheet_practice in plan.sheet_practices:
        require_practice_in_scope(ctx, sheet_practice)
    added: list[int] = []
    skipped = len(plan.skipped)
    with ctx.unit() as s:
        by_sheet = {sheet: practice_for_new_patient(s, ctx, p) for sheet, p in plan.sheet_practices}
        practice_id = (
            practice_for_new_patient(s, ctx, plan.practice_id)
            if len(by_sheet) < len({r.sheet for r in plan.rows} | set(by_sheet))
            else None
        )
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
            if row.patient.bsn and row.patient.bsn in taken:
                skipped += 1
                continue
            added.append(_store_row(s, ctx, row, by_sheet.get(row.sheet, practice_id)))
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


def read_file(path: Path) -> tuple[SourceTable, ...]:
    """The tables of a file on disk; a Dutch error when it is missing or unreadable."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"Het bestand {path} bestaat niet. Controleer de naam.") from None
    except OSError:
        raise ValidationError(f"Het bestand {path} kan niet worden gelezen.") from None
    return read_tables(data, path.name)


def import_file(
    ctx: AppContext,
    path: Path,
    corrections: Mapping[str, str | None] | None = None,
    *,
    dry_run: bool = False,
    skip_sheets: Sequence[str] = (),
    practice_id: int | None = None,
    sheet_practices: Mapping[str, int] | None = None,
) -> tuple[ImportPlan, ImportResult | None]:
    """Read, plan every sheet (automatic mapping + ``corrections``) and (unless
    ``dry_run``) store into ``practice_id``. For the CLI."""
    require(ctx, Action.IMPORT)
    tables = read_file(path)
    mappings = file_mappings(tables, corrections or {})
    plan = plan_sheets(
        ctx, tables, mappings, skip=skip_sheets, practice_id=practice_id,
        sheet_practices=sheet_practices,
    )  # fmt: skip
    if dry_run:
        return plan, None
    return plan, apply_import(ctx, plan)


def file_mappings(
    tables: Sequence[SourceTable], corrections: Mapping[str, str | None]
) -> dict[str, dict[str, str]]:
    """Sheet -> the automatic mapping with the corrections applied."""
    check_corrections(tables, corrections)
    return {t.sheet: corrected_mapping(t.columns, corrections) for t in tables if not t.empty}


def export_report(ctx: AppContext, plan: ImportPlan, path: Path) -> Path:
    """The report, one line per row (blad, rij, uitkomst, toelichting), as a private CSV
    (0600, ';'-separated, UTF-8 with BOM for Excel)."""
    require(ctx, Action.IMPORT)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["blad", "rij", "uitkomst", "toelichting"])
    for o in plan.outcomes():
        writer.writerow([o.sheet, o.row_number, o.outcome, o.text])
    path = Path(path)
    try:
        write_atomic(path, ("\ufeff" + out.getvalue()).encode("utf-8"))
    except OSError:
        raise ValidationError(
            f"Het verslag kan niet worden opgeslagen in {path.parent}. Kies een andere map."
        ) from None
    return path
