"""Importing a register from CSV / Excel (issue 3): report, confirm, idempotent re-import."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from pzmdo.domain.bsn import is_valid_bsn
from pzmdo.domain.errors import PzmdoError, ValidationError
from pzmdo.services import importer
from pzmdo.services.register import search_patients
from pzmdo.store.models import Patient
from pzmdo.store.models.register import StatusEvent

FUTURE = (date.today() + timedelta(days=30)).strftime("%d-%m-%Y")


def valid_bsns(n: int, start: int = 10_000_000) -> list[str]:
    out, base = [], start
    weights = (9, 8, 7, 6, 5, 4, 3, 2)
    while len(out) < n:
        digits = f"{base:08d}"
        check = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
        if check < 10 and is_valid_bsn(digits + str(check)):
            out.append(digits + str(check))
        base += 7
    return out


def register_csv() -> bytes:
    bsn = valid_bsns(6)
    lines = [
        "Achternaam;Tussenvoegsel;Voornaam;Geboortedatum;BSN;HIS-nummer;Status;"
        "Markeringsdatum;Overlijdensdatum;Urgentie;Opmerking",
        f"Aalders (fictief);;Anna;03-02-1941;{bsn[0]};;gemarkeerd;01-03-2025;;geel;",
        f"Bakker (fictief);de;Bram;4-5-1938;{bsn[1]};;;12-06-2025;;;",
        f"Çelik (fictief);;Ömer;17-11-1950;{bsn[2]};;gesignaleerd;;;oranje;tolk nodig",
        f"Dijk (fictief);van;Daan;01-01-1930;{bsn[3]};;overleden;01-01-2025;15-03-2025;;",
        f"Eijk (fictief);;Eva;28-02-1945;{bsn[4]};;Gemarkeerd;02-02-2025;;Rood;",
        "Franssen (fictief);;Frits;09-09-1939;;H-1001;;;;;",
        "Groot (fictief);de;Gerda;10-10-1944;;H-1002;gemarkeerd;05-05-2025;;;",
        "Hoek (fictief);;Hans;11-11-1936;;;;;;;",
        f"Jansen (fictief);;Ilse;1944-12-12;{bsn[5]};;;;;;",
        "Kok (fictief);;Karel;13-01-1952;;H-1003;stervensfase;20-04-2025;;rood;",
        # five invalid rows
        "Lont (fictief);;Lies;14-02-1947;123456789;;;;;;",  # BSN fails the 11-proef
        f"Mol (fictief);;Mark;{FUTURE};;H-2001;;;;;",  # birth in the future
        "Nooij (fictief);;Nina;31-02-1950;;H-2002;;;;;",  # no such date
        ";;Otto;01-01-1950;;H-2003;;;;;",  # no family name
        "Pool (fictief);;Piet;;;H-2004;overleden;01-06-2025;01-05-2025;;",  # no birth date
    ]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")


def _count(ctx) -> int:
    with ctx.db.session() as s:
        return s.scalar(select(func.count()).select_from(Patient))


def test_csv_ten_valid_five_invalid_then_reimport_adds_nothing(ctx):
    table = importer.read_table(register_csv(), "register.csv")
    assert table.delimiter == ";" and table.encoding == "utf-8-sig"
    assert table.columns[0] == "Achternaam"  # the BOM is gone
    mapping = importer.suggest_mapping(table.columns)
    assert mapping["birth_date"] == "Geboortedatum" and mapping["his_number"] == "HIS-nummer"
    plan = importer.plan_import(ctx, table, mapping)
    assert _count(ctx) == 0  # planning stores nothing
    assert len(plan.rows) == 10
    reasons = {r.row_number: r.reason for r in plan.rejected}
    assert sorted(reasons) == [12, 13, 14, 15, 16]
    assert "11-proef" in reasons[12]
    assert "toekomst" in reasons[13]
    assert "bestaat niet" in reasons[14]
    assert "achternaam" in reasons[15]
    assert "geboortedatum ontbreekt" in reasons[16]
    report = plan.report()
    assert report[0].startswith("10 rij(en)") and "Rij 12: " in "\n".join(report)

    result = importer.apply_import(ctx, plan)
    assert result.added == 10 and _count(ctx) == 10
    found = search_patients(ctx, "omer celik")
    assert len(found) == 1 and found[0].status == "gesignaleerd"
    dijk = search_patients(ctx, "daan dijk")[0]
    assert dijk.status == "overleden"

    again = importer.plan_import(ctx, importer.read_table(register_csv(), "register.csv"))
    assert len(again.rows) == 0 and len(again.existing) == 10
    assert importer.apply_import(ctx, again).added == 0
    assert _count(ctx) == 10


def test_xlsx_with_own_mapping(ctx, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Naam patiënt", "Roepnaam", "Geb.", "Nr"])
    ws.append(["Visser (fictief)", "Vera", date(1942, 7, 1), "X-1"])
    ws.append(["Wit (fictief)", "Wim", "02-08-1939", 7])
    path = tmp_path / "register.xlsx"
    wb.save(path)
    mapping = importer.parse_mapping_option(
        "achternaam=Naam patiënt,voornaam=Roepnaam,geboortedatum=Geb.,his_number=Nr"
    )
    plan, result = importer.import_file(ctx, path, mapping, dry_run=True)
    assert result is None and len(plan.rows) == 2 and _count(ctx) == 0
    plan, result = importer.import_file(ctx, path, mapping)
    assert result is not None and result.added == 2
    assert search_patients(ctx, "X-1")[0].birth_date == date(1942, 7, 1)


def test_mapping_and_file_errors_are_dutch(ctx, tmp_path):
    table = importer.read_table(b"kolom1;kolom2\r\na;b\r\n")
    with pytest.raises(ValidationError, match="verplichte velden"):
        importer.plan_import(ctx, table, {})
    with pytest.raises(ValidationError, match="staat niet in het bestand"):
        importer.plan_import(ctx, table, {"family_name": "bestaat-niet"})
    with pytest.raises(ValidationError, match="leeg"):
        importer.read_table(b"   \r\n")
    with pytest.raises(ValidationError, match="Excel"):
        importer.read_table(b"PK\x03\x04 damaged", "x.xlsx")
    with pytest.raises(ValidationError, match="bestaat niet"):
        importer.import_file(ctx, tmp_path / "nope.csv")
    with pytest.raises(ValidationError, match="veld=kolom"):
        importer.parse_mapping_option("achternaam")


def test_windows_1252_and_comma_separated(ctx):
    data = "Achternaam,Voornaam,Geboortedatum\r\nMüller (fictief),Zoë,01-02-1940\r\n".encode(
        "cp1252"
    )
    table = importer.read_table(data)
    assert table.encoding == "cp1252" and table.delimiter == ","
    plan = importer.plan_import(ctx, table)
    importer.apply_import(ctx, plan)
    assert search_patients(ctx, "zoe muller")[0].name == "Zoë Müller (fictief)"


@pytest.mark.parametrize(
    "text, delimiter, names",
    [
        # Semicolons, commas inside unquoted names: the header's delimiter wins.
        (
            "Achternaam;Voornaam;Geboortedatum\r\nJansen, J. (fictief);Jan;01-02-1940\r\n"
            "Hooft, 't (fictief);Tim;02-03-1941\r\n",
            ";",
            ["Jansen, J. (fictief)", "Hooft, 't (fictief)"],
        ),
        # Commas with double-quoted fields holding commas and doubled quotes.
        (
            'Achternaam,Voornaam,Geboortedatum\r\n"Berg, van den (fictief)",Bo,01-02-1940\r\n'
            '"d\'Ancona ""Dé"" (fictief)",Do,03-04-1942\r\n',
            ",",
            ["Berg, van den (fictief)", 'd\'Ancona "Dé" (fictief)'],
        ),
        # Tabs; an apostrophe is part of a name, never a quote.
        (
            "Achternaam\tVoornaam\tGeboortedatum\n't Hart (fictief)\tTeun\t05-06-1943\n"
            "d'Ancona (fictief)\tDirk\t06-07-1944\n",
            "\t",
            ["'t Hart (fictief)", "d'Ancona (fictief)"],
        ),
        # One column: the Dutch default ';' (a comma in a name does not split it).
        (
            "Achternaam\r\nJansen, J. (fictief)\r\nBos (fictief)\r\n",
            ";",
            ["Jansen, J. (fictief)", "Bos (fictief)"],
        ),
    ],
)
def test_csv_dialects_are_sniffed_with_dutch_fallbacks(text, delimiter, names):
    table = importer.read_table(text.encode("utf-8"))
    assert table.delimiter == delimiter
    assert [row[0] for row in table.rows] == names


def test_duplicate_row_in_file_skipped(ctx):
    data = (
        b"Achternaam;Voornaam;Geboortedatum;HIS\r\n"
        b"Aa (fictief);An;01-01-1940;H1\r\n"
        b"Aa (fictief);An;01-01-1940;H1\r\n"
    )
    plan = importer.plan_import(ctx, importer.read_table(data))
    assert len(plan.rows) == 1 and not plan.rejected
    assert plan.skipped[0].duplicate_of == 2 and "rij 2" in plan.skipped[0].reason


HEADER = "Achternaam;Voornaam;Geboortedatum;BSN;Status;Markeringsdatum\r\n"
cell = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            "01-01-1950",
            "31-12-1999",
            "2030-01-01",
            "gemarkeerd",
            "overleden",
            "111222333",
            "123456789",
            "x;y",
            '"',
            "\x00",
            "ë",
        ]
    ),
)
row = st.lists(cell, min_size=0, max_size=8)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(row, max_size=12),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]),
    noise=st.binary(max_size=40),
    use_noise=st.booleans(),
)
def test_importer_never_crashes_and_is_all_or_nothing(ctx, rows, encoding, noise, use_noise):
    text = HEADER + "".join(";".join(r) + "\r\n" for r in rows)
    data = text.encode(encoding, errors="replace")
    if use_noise:
        data = data[: len(data) // 2] + noise + data[len(data) // 2 :]
    before = _count(ctx)
    try:
        table = importer.read_table(data, "random.csv")
        plan = importer.plan_import(ctx, table, importer.suggest_mapping(table.columns))
    except PzmdoError as exc:
        assert exc.message.endswith(".")  # a Dutch sentence, not a crash
        assert _count(ctx) == before
        return
    assert len(plan.rows) + len(plan.rejected) + len(plan.skipped) == len(table.rows)
    try:
        result = importer.apply_import(ctx, plan)
    except PzmdoError:
        assert _count(ctx) == before  # none
        return
    assert _count(ctx) == before + result.added  # all
    assert result.added + (result.skipped_existing - len(plan.skipped)) == len(plan.rows)
    with ctx.db.session() as s:
        events = s.scalar(select(func.count()).select_from(StatusEvent))
    assert events >= _count(ctx)


def test_apply_is_one_transaction(ctx, monkeypatch):
    """A failure halfway (disk full, say) leaves nothing behind."""
    plan = importer.plan_import(ctx, importer.read_table(register_csv()))
    calls = {"n": 0}
    real = importer.Death

    def failing(*args, **kwargs):
        calls["n"] += 1
        raise ValidationError("Schijf vol (gesimuleerd).")

    monkeypatch.setattr(importer, "Death", failing)
    with pytest.raises(ValidationError):
        importer.apply_import(ctx, plan)
    assert calls["n"] == 1 and _count(ctx) == 0
    monkeypatch.setattr(importer, "Death", real)
    assert importer.apply_import(ctx, plan).added == 10
    assert io  # (csv text built in memory only)
