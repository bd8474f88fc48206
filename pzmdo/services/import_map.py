"""Which column of a register file holds which field: automatic first, then corrections.

The automatic mapping reads the header names (:func:`suggest_mapping`). A user corrects
single fields with Dutch keys, never by restating the whole mapping: ``urgentie=Kleur``
points a field at a column, ``-diagnose`` leaves a field out (:func:`parse_corrections`,
:func:`corrected_mapping`). One column never feeds two fields.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pzmdo.domain.errors import ValidationError
from pzmdo.domain.text import fold
from pzmdo.services.import_read import SourceTable


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str  # Dutch
    synonyms: tuple[str, ...]
    required: bool = False


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec(
        "full_name",
        "Naam (volledig)",
        ("naam", "naampatient", "patientnaam", "volledigenaam", "patient", "naamvolledig"),
    ),
    FieldSpec("family_name", "Achternaam", ("achternaam", "familienaam", "geslachtsnaam"), True),
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
    FieldSpec("gp", "Huisarts", ("huisarts", "arts", "eigenhuisarts", "naamhuisarts")),
    FieldSpec("urgency", "Urgentie (kleur)", ("urgentie", "kleur", "urgentiekleur")),
    FieldSpec(
        "condition",
        "Aandoening",
        ("aandoening", "categorie", "aandoeningcategorie", "ziektecategorie", "groep"),
    ),
    FieldSpec(
        "diagnosis",
        "Diagnose",
        ("diagnose", "ziekte", "hoofddiagnose", "diagnosen", "ziektebeeld", "diagnosetekst"),
    ),
    FieldSpec("phone", "Telefoon", ("telefoon", "tel", "telefoonnummer")),
    FieldSpec("notes", "Opmerking", ("opmerking", "opmerkingen", "notitie", "notities")),
)
FIELD_KEYS = tuple(f.key for f in FIELDS)
LABELS = {f.key: f.label for f in FIELDS}
#: The fields that name the patient; a full name replaces the three separate ones.
SEPARATE_NAME = ("family_name", "name_prefix", "given_name")

#: A correction: field key -> column, or None to leave the field out.
Corrections = Mapping[str, str | None]


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
    if "full_name" in mapping and any(k in mapping for k in ("family_name", "given_name")):
        del mapping["full_name"]  # separate name columns win over a "Naam" column
    return mapping


def field_key(text: str) -> str:
    """The field a Dutch key names: 'urgentie', 'Urgentie (kleur)', 'diagnose', 'naam'."""
    wanted = _norm(text)
    for spec in FIELDS:
        if wanted in (_norm(spec.label), _norm(spec.key), *spec.synonyms):
            return spec.key
    choices = ", ".join(sorted({_norm(f.label.split(" ")[0]) for f in FIELDS}))
    raise ValidationError(f"Onbekend veld '{text}'. Kies uit: {choices}.")


def parse_corrections(text: str) -> dict[str, str | None]:
    """``veld=Kolom,-veld`` (CLI ``--map``): Dutch field names, corrections only."""
    corrections: dict[str, str | None] = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        if part.startswith("-") and "=" not in part:
            corrections[field_key(part[1:])] = None
            continue
        if "=" not in part:
            raise ValidationError(
                f"Ongeldige koppeling '{part}'. Schrijf veld=kolom of -veld, bijvoorbeeld "
                "urgentie=Kleur,-diagnose."
            )
        key, column = (x.strip() for x in part.split("=", 1))
        corrections[field_key(key)] = column or None
    return corrections


def _column(columns: Sequence[str], wanted: str) -> str | None:
    """The column named ``wanted``, exactly or ignoring case and accents."""
    if wanted in columns:
        return wanted
    return next((c for c in columns if fold(c) == fold(wanted)), None)


def corrected_mapping(columns: Sequence[str], corrections: Corrections) -> dict[str, str]:
    """The automatic mapping with ``corrections`` applied; a column moved to a corrected
    field leaves the field it was automatically given. Columns not in ``columns`` are
    skipped (a workbook's sheets differ), see :func:`check_corrections`."""
    mapping = suggest_mapping(columns)
    for key, wanted in corrections.items():
        mapping.pop(key, None)
        if wanted is None:
            continue
        column = _column(columns, wanted)
        if column is None:
            continue
        for other in [k for k, c in mapping.items() if c == column]:
            del mapping[other]
        mapping[key] = column
        if key == "full_name":
            for name_key in SEPARATE_NAME:
                if name_key not in corrections:
                    mapping.pop(name_key, None)
        elif key in ("family_name", "given_name") and "full_name" not in corrections:
            mapping.pop("full_name", None)
    return mapping


def check_corrections(tables: Sequence[SourceTable], corrections: Corrections) -> None:
    """Every column a correction names is in at least one table."""
    for key, wanted in corrections.items():
        if wanted and not any(_column(t.columns, wanted) for t in tables):
            raise ValidationError(
                f"De kolom '{wanted}' (voor {LABELS[key].lower()}) staat niet in het bestand. "
                "Kies een kolom uit de kopregel."
            )


def check_mapping(table: SourceTable, mapping: Mapping[str, str]) -> dict[str, int]:
    """Field key -> column index; a Dutch error when the mapping cannot work."""
    index: dict[str, int] = {}
    by_column: dict[str, str] = {}
    where = f" van werkblad '{table.sheet}'" if table.sheet else ""
    for key, column in mapping.items():
        if key not in FIELD_KEYS:
            raise ValidationError(f"Onbekend veld '{key}' in de koppeling.")
        if not column:
            continue
        if column not in table.columns:
            raise ValidationError(
                f"De kolom '{column}' staat niet in het bestand{where}. Kies een kolom uit "
                "de kopregel."
            )
        if column in by_column:
            raise ValidationError(
                f"De kolom '{column}'{where} is gekoppeld aan {LABELS[by_column[column]]} én "
                f"aan {LABELS[key]}. Koppel elke kolom aan één veld (een volledige naam: "
                "koppel die aan 'Naam (volledig)')."
            )
        by_column[column] = key
        index[key] = table.columns.index(column)
    if "full_name" in index and any(k in index for k in SEPARATE_NAME):
        raise ValidationError(
            f"De naam{where} is zowel als volledige naam als in losse velden gekoppeld. Kies "
            "één van beide."
        )
    required = [f for f in FIELDS if f.required]
    if "full_name" in index:
        required = [f for f in required if f.key not in SEPARATE_NAME]
    missing = [f.label for f in required if f.key not in index]
    if missing:
        raise ValidationError(
            f"Koppel eerst deze verplichte velden{where} aan een kolom: "
            + ", ".join(missing)
            + " (of de volledige naam aan 'Naam (volledig)')."
        )
    return index


def describe_mapping(table: SourceTable, mapping: Mapping[str, str]) -> list[str]:
    """The mapping in force, in Dutch, one line per field; unused columns last."""
    lines = [f"{LABELS[k]:18} <- {mapping[k]}" for k in FIELD_KEYS if mapping.get(k)]
    unused = [c for c in table.columns if c not in mapping.values()]
    if unused:
        lines.append("Niet gebruikt: " + ", ".join(unused))
    return lines
