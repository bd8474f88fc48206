"""Importing registers as people write them (issue 16): one name column, free-text diagnoses,
duplicates, empty lines, workbooks with several sheets, Windows-1252 with commas, Excel
date cells. Real files, the real service, a real encrypted database."""

from __future__ import annotations

import csv
import os
import stat
from datetime import date, datetime

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from pzmdo.domain.errors import ValidationError
from pzmdo.services import importer
from pzmdo.store.models import Patient

MESSY = [
    "Naam patiënt;Geb.datum;Diagnose;Kleur;Telefoon",
    "Geertruida Zoë van den Berg (fictief);03-02-1941;hartfalen NYHA IV;geel;",  # 2
    "W. 't Hart (fictief);4-5-1938;longcarcinoom;;",  # 3
    "Aaltje Bakker-Meijer (fictief);17-11-1950;COPD GOLD 4;;",  # 4
    "",  # 5: an empty line
    "J.H. van der Berg-de Groot (fictief);01-01-1930;oncologie (mammacarcinoom);;",  # 6
    "IJsbrand ijzerman (fictief);28-02-1945;ALS;;",  # 7
    "Maria (Ria) Jansen (fictief);09-09-1939;pijn en vermoeidheid;;",  # 8
    "W. 't Hart (fictief);4-5-1938;longcarcinoom;;",  # 9: the same as row 3
    "Jansen (fictief);10-10-1944;;;",  # 10: no voornaam
    "Ingrid van 't Hof (fictief);31-02-1950;;;",  # 11: no such birth date
    "Anna Maria Kok (fictief);13-01-1952;Parkinson;paars;" + "0" * 45,  # 12: doubts
    ";;;;",  # 13: only separators
]

STORED = {
    # row: (given, prefix, family, condition, condition_note, urgency)
    2: ("Geertruida Zoë", "van den", "Berg (fictief)", "hartfalen", "hartfalen NYHA IV", "geel"),
    3: ("W.", "'t", "Hart (fictief)", "oncologie", "longcarcinoom", None),
    4: ("Aaltje", None, "Bakker-Meijer (fictief)", "copd", "COPD GOLD 4", None),
    6: ("J.H.", "van der", "Berg-de Groot (fictief)", "oncologie", "oncologie (mammacarcinoom)", None),
    7: ("IJsbrand", None, "IJzerman (fictief)", "neurologisch", "ALS", None),
    8: ("Maria (Ria)", None, "Jansen (fictief)", None, "pijn en vermoeidheid", None),
    12: ("Anna Maria", None, "Kok (fictief)", "neurologisch", "Parkinson", None),
}  # fmt: skip


def _write(tmp_path, name, lines, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def _stored(ctx):
    with ctx.db.session() as s:
        return {
            (p.given_name, p.name_prefix, p.family_name): p
            for p in s.scalars(select(Patient)).all()
        }


def test_messy_csv_imports_skips_and_rejects_exactly(ctx, tmp_path):
    path = _write(tmp_path, "register.csv", MESSY)
    plan, result = importer.import_file(ctx, path)
    assert [r.row_number for r in plan.rows] == [2, 3, 4, 6, 7, 8, 12]
    assert [(r.row_number, r.duplicate_of) for r in plan.skipped] == [(9, 3)]
    assert "rij 3" in plan.skipped[0].reason
    rejected = {r.row_number: r.reason for r in plan.rejected}
    assert sorted(rejected) == [10, 11]
    assert "geen voornaam" in rejected[10] and "bestaat niet" in rejected[11]
    warned = {w.row_number: w.text for w in plan.row_warnings}
    assert sorted(warned) == [8, 12]
    assert "geen categorie" in warned[8]
    twelve = [w.text for w in plan.row_warnings if w.row_number == 12]
    assert any("dubbele achternaam" in w for w in twelve)  # the split is a guess: said so
    assert any("urgentie" in w.lower() for w in twelve)
    assert any("telefoonnummer" in w for w in twelve)
    report = plan.report()
    assert report[:3] == [
        "7 rij(en) kunnen worden geïmporteerd.",
        "1 rij(en) overgeslagen (al in het register of dubbel in het bestand).",
        "2 rij(en) afgekeurd.",
    ]
    assert result is not None and (result.added, result.skipped_existing, result.rejected) == (
        7, 1, 2,
    )  # fmt: skip

    stored = _stored(ctx)
    assert len(stored) == 7
    for given, prefix, family, condition, note, urgency in STORED.values():
        p = stored[(given, prefix, family)]
        assert (p.condition, p.condition_note, p.urgency) == (condition, note, urgency)
    assert stored[("Anna Maria", None, "Kok (fictief)")].phone is None

    again, result = importer.import_file(ctx, path)
    assert not again.rows and len(again.skipped) == 8 and len(again.rejected) == 2
    assert result is not None and result.added == 0 and len(_stored(ctx)) == 7


def test_corrected_names_from_the_preview_are_stored(ctx, tmp_path):
    table = importer.read_table(("\r\n".join(MESSY[:2] + MESSY[11:12])).encode())
    plan = importer.plan_import(ctx, table, names={("", 3): ("Anna", "", "Maria Kok (fictief)")})
    assert [r.name_doubt for r in plan.rows] == ["", ""]  # corrected: no doubt left
    importer.apply_import(ctx, plan)
    assert ("Anna", None, "Maria Kok (fictief)") in _stored(ctx)


def test_workbook_every_sheet_with_excel_dates(ctx, tmp_path):
    wb = Workbook()
    north = wb.active
    north.title = "Praktijk Noord"
    north.append(["Achternaam", "Tussenvoegsel", "Voornaam", "Geboortedatum", "Diagnose"])
    north.append(["Vries (fictief)", "de", "Jan", datetime(1941, 2, 3), "Dementie"])
    north.append(["Hof (fictief)", "van 't", "Ingrid", datetime(1950, 12, 31), None])
    wb.create_sheet("Leeg")
    south = wb.create_sheet("Praktijk Zuid")
    south.append(["Naam", "Geboren", "Aandoening"])
    south.append(["Ter Horst (fictief), Anna", date(1939, 9, 9), "mammacarcinoom"])
    south.append(["Jan de Vries (fictief)", datetime(1941, 2, 3), None])  # = Noord rij 2
    south.append(["Jan de Vries (fictief)", "03-02-1941", None])  # also the same
    path = tmp_path / "register.xlsx"
    wb.save(path)

    tables = importer.read_tables(path.read_bytes(), path.name)
    assert [(t.sheet, t.empty) for t in tables] == [
        ("Praktijk Noord", False), ("Leeg", True), ("Praktijk Zuid", False),
    ]  # fmt: skip
    plan, result = importer.import_file(ctx, path)
    assert [(r.sheet, r.row_number) for r in plan.rows] == [
        ("Praktijk Noord", 2), ("Praktijk Noord", 3), ("Praktijk Zuid", 2),
    ]  # fmt: skip
    assert [(r.sheet, r.row_number, r.duplicate_of) for r in plan.skipped] == [
        ("Praktijk Zuid", 3, 2), ("Praktijk Zuid", 4, 2),
    ]  # fmt: skip
    assert "werkblad 'Praktijk Noord'" in plan.skipped[0].reason
    assert not plan.rejected
    assert "Werkblad 'Leeg' is leeg en wordt overgeslagen." in plan.report()
    assert "Blad 'Praktijk Zuid', rij 3: overgeslagen" in "\n".join(plan.report())
    assert result is not None and result.added == 3
    stored = _stored(ctx)
    assert stored[("Jan", "de", "Vries (fictief)")].birth_date == date(1941, 2, 3)
    assert stored[("Ingrid", "van 't", "Hof (fictief)")].birth_date == date(1950, 12, 31)
    horst = stored[("Anna", "ter", "Horst (fictief)")]
    assert (horst.birth_date, horst.condition) == (date(1939, 9, 9), "oncologie")


def test_workbook_sheet_skipped_on_request(ctx, tmp_path):
    wb = Workbook()
    wb.active.title = "A"
    wb.active.append(["Naam", "Geboortedatum"])
    wb.active.append(["Piet Kok (fictief)", "01-01-1940"])
    other = wb.create_sheet("Oud")
    other.append(["iets", "anders"])
    other.append(["x", "y"])
    path = tmp_path / "twee.xlsx"
    wb.save(path)
    with pytest.raises(ValidationError, match="werkblad 'Oud'"):
        importer.import_file(ctx, path, dry_run=True)
    plan, _ = importer.import_file(ctx, path, dry_run=True, skip_sheets=["Oud"])
    assert len(plan.rows) == 1 and "Werkblad 'Oud' wordt op verzoek overgeslagen." in plan.notes


def test_windows_1252_with_commas_and_a_full_name(ctx, tmp_path):
    lines = [
        "Naam,Geboortedatum,Diagnose",
        '"Ter Horst (fictief), Anna",01-02-1940,Dementie',
        'Zoë Müller (fictief),02-03-1941,"COPD, GOLD 3"',
    ]
    path = _write(tmp_path, "export.csv", lines, "cp1252")
    plan, result = importer.import_file(ctx, path)
    assert not plan.rejected and not plan.row_warnings
    assert result is not None and result.added == 2
    stored = _stored(ctx)
    assert stored[("Anna", "ter", "Horst (fictief)")].condition == "dementie"
    muller = stored[("Zoë", None, "Müller (fictief)")]
    assert (muller.condition, muller.condition_note) == ("copd", "COPD, GOLD 3")


def test_map_corrects_single_fields_with_dutch_keys(ctx, tmp_path):
    lines = [
        "Naam;Geboortedatum;Diagnose;Kleur;Prioriteit",
        "Piet Kok (fictief);01-01-1940;longcarcinoom;groen;rood",
    ]
    path = _write(tmp_path, "map.csv", lines)
    auto = importer.suggest_mapping(lines[0].split(";"))
    assert auto["full_name"] == "Naam" and auto["urgency"] == "Kleur"
    corrections = importer.parse_corrections("urgentie=prioriteit, -diagnose")
    assert corrections == {"urgency": "prioriteit", "diagnosis": None}
    plan, _ = importer.import_file(ctx, path, corrections)
    row = plan.rows[0]
    assert row.urgency == "rood" and row.patient.condition is None
    assert row.patient.condition_note is None
    with pytest.raises(ValidationError, match="Onbekend veld 'kleurtje'"):
        importer.parse_corrections("kleurtje=Kleur")
    with pytest.raises(ValidationError, match="staat niet in het bestand"):
        importer.import_file(ctx, path, {"urgency": "Bestaat niet"})
    table = importer.read_table(path.read_bytes())
    with pytest.raises(ValidationError, match="één veld"):
        importer.plan_import(
            ctx, table, {"family_name": "Naam", "given_name": "Naam", "birth_date": "Geboortedatum"}
        )


def test_report_csv_is_private_and_lists_every_row(ctx, tmp_path):
    path = _write(tmp_path, "register.csv", MESSY)
    plan, _ = importer.import_file(ctx, path, dry_run=True)
    out = importer.export_report(ctx, plan, tmp_path / "verslag.csv")
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    rows = list(csv.reader(out.read_text("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["blad", "rij", "uitkomst", "toelichting"]
    outcomes = {(r[1], r[2]) for r in rows[1:]}
    assert ("9", "overgeslagen") in outcomes and ("10", "afgekeurd") in outcomes
    assert ("2", "importeren") in outcomes and ("12", "let op") in outcomes


def test_achternaam_column_carrying_the_tussenvoegsel(ctx, tmp_path):
    lines = [
        "Achternaam;Voornaam;Geboortedatum",
        "van den Berg (fictief);Geertje;01-02-1940",
        "Hart (fictief), 't;Wim;02-03-1941",
        "De Smet (fictief);Lieve;03-04-1942",
    ]
    plan, _ = importer.import_file(ctx, _write(tmp_path, "hisexport.csv", lines))
    assert [
        (r.patient.given_name, r.patient.name_prefix, r.patient.family_name) for r in plan.rows
    ] == [
        ("Geertje", "van den", "Berg (fictief)"),
        ("Wim", "'t", "Hart (fictief)"),
        ("Lieve", None, "De Smet (fictief)"),
    ]
