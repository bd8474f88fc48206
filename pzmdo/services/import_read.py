"""Reading a register file (CSV or .xlsx) into plain tables, in memory.

CSV with ``;``/``,``/tab, UTF-8 with or without BOM, UTF-16 or Windows-1252; an .xlsx
workbook gives one table per worksheet (empty sheets included, marked empty) so each
sheet can be mapped, imported or ignored on its own.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from pzmdo.domain.errors import ValidationError

MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000


@dataclass(frozen=True)
class SourceTable:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_numbers: tuple[int, ...]  # the row as the user sees it in the file (header = 1)
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""  # the worksheet's name ('' for CSV)

    @property
    def empty(self) -> bool:
        return not self.columns


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


def _table(
    raw_rows: list[list[str]], encoding: str, delimiter: str, sheet: str = ""
) -> SourceTable:
    numbered = [
        (n, [c.replace("\x00", "").strip() for c in row]) for n, row in enumerate(raw_rows, start=1)
    ]
    numbered = [(n, row) for n, row in numbered if any(row)]
    if not numbered:
        if sheet:
            return SourceTable((), (), (), encoding, delimiter, sheet)
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
    return SourceTable(tuple(columns), rows, tuple(n for n, _ in body), encoding, delimiter, sheet)


def read_table(data: bytes, filename: str = "bestand.csv") -> SourceTable:
    """The first table with content (CSV: the file; .xlsx: the first non-empty sheet)."""
    return next(t for t in read_tables(data, filename) if not t.empty)


def read_tables(data: bytes, filename: str = "bestand.csv") -> tuple[SourceTable, ...]:
    """Read CSV or .xlsx bytes (one table per worksheet); a Dutch ValidationError when it
    cannot be read or holds nothing at all."""
    if len(data) > MAX_BYTES:
        raise ValidationError(
            "Het bestand is groter dan 50 MB. Splits het bestand en importeer de delen na elkaar."
        )
    if not data.strip():
        raise ValidationError("Het bestand is leeg: er staat geen kopregel en geen patiënt in.")
    suffix = Path(filename).suffix.lower()
    if suffix in (".xlsx", ".xlsm") or data.startswith(b"PK\x03\x04"):
        tables = _read_xlsx(data)
        if all(table.empty for table in tables):
            raise ValidationError(
                "Het Excel-bestand is leeg: geen enkel werkblad heeft een kopregel en patiënten."
            )
        return tables
    if suffix == ".xls":
        raise ValidationError(
            "Oude Excel-bestanden (.xls) kunnen niet worden gelezen. Sla het bestand in Excel "
            "op als .xlsx of als CSV en probeer het opnieuw."
        )
    text, encoding = _decode(data)
    text = text.lstrip("\ufeff")
    dialect = _dialect(text)
    return (_table(_csv_rows(text, dialect), encoding, dialect.delimiter),)


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


def _read_xlsx(data: bytes) -> tuple[SourceTable, ...]:
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
    tables: list[SourceTable] = []
    try:
        for sheet in wb.worksheets:
            try:
                raw = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            except Exception:
                raise ValidationError(
                    f"Het werkblad '{sheet.title}' van het Excel-bestand kan niet worden "
                    "gelezen. Sla het op als CSV en probeer het opnieuw."
                ) from None
            tables.append(_table(raw, "xlsx", "", sheet.title))
    finally:
        wb.close()
    return tuple(tables)
