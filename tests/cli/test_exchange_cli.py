"""Issue 16 on the command line, run as the real ``pzmdo`` command: a messy register
imported with corrections, the mapping shown, the report written; patients added, shown
and updated; the directory listed and extended; marking with ``--by`` from a script."""

from __future__ import annotations

import csv
import json
import os
import stat

from tests.cli.test_register_cli import run
from tests.services.test_import_messy import MESSY
from tests.support.register_helpers import gp_context


def test_messy_import_with_show_map_corrections_and_report(ctx, db_path, tmp_path):
    ctx.close()
    path = tmp_path / "register.csv"
    path.write_bytes(("\r\n".join(MESSY) + "\r\n").encode("utf-8"))
    r = run(db_path, "import", str(path), "--dry-run", "--show-map")
    assert r.returncode == 0, r.stderr
    assert "Naam (volledig)    <- Naam patiënt" in r.stdout
    assert "Urgentie (kleur)   <- Kleur" in r.stdout
    assert "7 rij(en) kunnen worden geïmporteerd." in r.stdout
    assert "Rij 9: overgeslagen - Dezelfde patiënt als rij 3 van het bestand." in r.stdout
    assert "Rij 10: afgekeurd - " in r.stdout

    report = tmp_path / "verslag.csv"
    r = run(
        db_path, "import", str(path), "--yes", "--map=-kleur,-telefoon", "--report", str(report)
    )
    assert r.returncode == 0, r.stderr
    assert "7 patiënt(en) geïmporteerd, 1 overgeslagen, 2 afgekeurd." in r.stdout
    assert stat.S_IMODE(os.stat(report).st_mode) == 0o600
    lines = list(csv.reader(report.read_text("utf-8-sig").splitlines(), delimiter=";"))
    assert len([row for row in lines if row[2] == "importeren"]) == 7
    r = run(db_path, "patient", "list", "--json")
    rows = json.loads(r.stdout)
    assert "Geertruida Zoë van den Berg (fictief)" in {p["name"] for p in rows}
    assert all(p["urgency"] is None for p in rows)  # -kleur: the colour column left out

    out = tmp_path / "export.xlsx"
    r = run(db_path, "patient", "export", "-o", str(out), "--columns", "achternaam,voornaam,"
            "tussenvoegsel,geboortedatum,diagnose", "--json")  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["count"] == 7 and "patiëntgegevens" in r.stderr
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    r = run(db_path, "patient", "export", "-o", str(tmp_path / "x.csv"), "--status", "paars")
    assert r.returncode == 1 and "Onbekende status 'paars'" in r.stderr

    r = run(db_path, "import", str(path), "--yes")  # the same file again: nothing new
    assert r.returncode == 0 and "Er is niets te importeren." in r.stdout
    assert "0 rij(en) kunnen worden geïmporteerd." in r.stdout
    r = run(db_path, "import", str(path), "--map", "kleurtje=Kleur")
    assert r.returncode == 1 and r.stderr.startswith("pzmdo: Onbekend veld 'kleurtje'")


def test_patient_add_show_update_directory_and_mark_by(ctx, db_path):
    gp_context(ctx)
    ctx.close()
    r = run(
        db_path, "directory", "add", "--name", "Dr. P. Smit (fictief)", "--discipline", "huisarts",
        "--phone", "010-1234567", "--json",
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    smit = json.loads(r.stdout)["id"]
    r = run(db_path, "directory", "list", "--discipline", "huisarts", "--json")
    listed = {p["name"]: p for p in json.loads(r.stdout)}
    assert listed["Dr. P. Smit (fictief)"]["phone"] == "010-1234567"
    r = run(db_path, "directory", "list")
    assert r.returncode == 0 and "Dr. P. Smit (fictief)" in r.stdout

    r = run(
        db_path, "patient", "add", "--name", "J.H. van der Berg-de Groot (fictief)",
        "--birth", "03-02-1941", "--diagnosis", "longcarcinoom", "--condition", "oncologie",
        "--gp", str(smit), "--fictional", "--json",
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    added = json.loads(r.stdout)
    pid = added["id"]
    assert (added["given_name"], added["name_prefix"], added["family_name"]) == (
        "J.H.", "van der", "Berg-de Groot (fictief)",
    )  # fmt: skip
    r = run(db_path, "patient", "update", str(pid), "--phone", "06-12345678")
    assert r.returncode == 0 and f"Patiënt {pid} is bijgewerkt" in r.stdout
    r = run(db_path, "patient", "show", str(pid))
    assert r.returncode == 0, r.stderr
    assert "Geboren:                03-02-1941" in r.stdout
    assert "Telefoon:               06-12345678" in r.stdout
    assert "Huisarts:               Dr. P. Smit (fictief)" in r.stdout
    assert "Diagnose:               longcarcinoom" in r.stdout

    r = run(db_path, "mark", "--patient", str(pid), "--surprise", "nee", "--by", str(smit),
            user="dokter")  # fmt: skip
    assert r.returncode == 0, r.stderr
    r = run(db_path, "patient", "show", str(pid), "--json")
    assert json.loads(r.stdout)["status"] == "gemarkeerd"

    r = run(db_path, "patient", "show", "99999")
    assert r.returncode == 1 and "bestaat niet" in r.stderr
    r = run(db_path, "patient", "add", "--name", "Jansen (fictief)", "--birth", "01-01-1950")
    assert r.returncode == 1 and "voornaam" in r.stderr.lower()
    r = run(db_path, "patient", "update", str(pid))
    assert r.returncode == 1 and "niets te wijzigen" in r.stderr


def test_every_list_command_offers_json():
    import argparse

    from pzmdo.cli import build_parser

    def walk(parser: argparse.ArgumentParser, path: tuple[str, ...]):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    yield (*path, name), child
                    yield from walk(child, (*path, name))

    lists = [
        (path, child)
        for path, child in walk(build_parser(), ())
        if path[-1] in ("list", "teams", "actions", "show")
    ]
    assert {("patient", "list"), ("directory", "list"), ("patient", "show")} <= {
        p for p, _ in lists
    }
    for path, child in lists:
        assert "--json" in child._option_string_actions, " ".join(path)
