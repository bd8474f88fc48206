"""``pzmdo practice``, ``pzmdo team`` and ``pzmdo users attach`` on a real database (issue 14)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.cli import run_pzmdo


def _ok(*args: str, db: Path) -> str:
    done = run_pzmdo(*args, db=db, extra_env={"PZMDO_NEW_PASSWORD": "wijk-wachtwoord-1"})
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_practices_teams_and_attachments_from_the_command_line(ctx, db_path: Path):
    ctx.close()
    added = json.loads(
        _ok(
            "practice",
            "add",
            "Gezondheidscentrum Noord (fictief)",
            "--agb",
            "01051234",
            "--city",
            "Assen",
            "--hap",
            "HAP Assen (fictief)",
            "--hap-phone",
            "0592 123456",
            "--json",
            db=db_path,
        )  # fmt: skip
    )
    assert added["agb_code"] == "01051234" and added["hap_name"] == "HAP Assen (fictief)"
    listed = _ok("practice", "list", db=db_path)
    assert "Gezondheidscentrum Noord (fictief), Assen" in listed
    team = json.loads(
        _ok(
            "team",
            "add",
            "PaTz Noord (fictief)",
            "--kind",
            "patz",
            "--practice",
            "01051234",
            "--practice",
            "Huisartsenpraktijk De Test (fictief)",
            "--json",
            db=db_path,
        )  # fmt: skip
    )
    assert team["kind"] == "patz" and len(team["practices"]) == 2
    members = _ok(
        "team", "members", "PaTz Noord (fictief)", "--add", "1", "--role", "voorzitter",
        db=db_path,
    )  # fmt: skip
    assert "Voorzitter" in members and "1 leden" in members
    _ok(
        "users", "add", "wijk", "--name", "Wies Wijk (fictief)", "--role", "wijkverpleegkundige",
        db=db_path,
    )  # fmt: skip
    attached = _ok(
        "users", "attach", "wijk", "--practice", str(added["id"]), "--team", str(team["id"]),
        db=db_path,
    )  # fmt: skip
    assert attached.strip() == (
        "wijk: praktijken Gezondheidscentrum Noord (fictief); teams PaTz Noord (fictief)."
    )
    detached = _ok("users", "detach", "wijk", "--team", "PaTz Noord (fictief)", db=db_path)
    assert "teams geen" in detached


def test_practice_errors_are_one_dutch_line(ctx, db_path: Path):
    ctx.close()
    for args, expected in (
        (("practice", "add", "X (fictief)", "--agb", "12"), "AGB-code van de praktijk"),
        (("team", "members", "Bestaat niet"), "Er is geen overlegteam 'Bestaat niet'"),
        (("users", "attach", "beheer", "--practice", "Nergens"), "Er is geen praktijk 'Nergens'"),
    ):
        done = run_pzmdo(*args, db=db_path)
        assert done.returncode == 1
        assert done.stderr.count("\n") == 1 and expected in done.stderr, done.stderr


def test_practice_and_team_select_in_patient_list_import_and_meetings(ctx, db_path: Path):
    from datetime import date, timedelta

    from pzmdo.services.demo import add_demo_patients

    add_demo_patients(ctx, 20, seed=6, region=True)
    ctx.close()
    linde = "Huisartsenpraktijk De Linde (fictief)"
    rows = json.loads(_ok("patient", "list", "--practice", linde, "--json", db=db_path))
    assert rows and {r["practice"] for r in rows} == {linde}
    team_rows = json.loads(
        _ok("patient", "list", "--team", "Kernteam Emmen-Zuid (fictief)", "--json", db=db_path)
    )
    assert team_rows and linde not in {r["practice"] for r in team_rows}
    csv = db_path.parent / "linde.csv"
    csv.write_text("voornaam;achternaam;geboortedatum\nIda;Import (fictief);01-02-1941\n")
    _ok("import", str(csv), "--practice", "01059001", "--yes", db=db_path)
    rows = json.loads(_ok("patient", "list", "--practice", linde, "--json", db=db_path))
    assert "Ida Import (fictief)" in {r["name"] for r in rows}
    day = (date.today() + timedelta(days=30)).strftime("%d-%m-%Y")
    patz = "PaTz-groep Assen-Emmen (fictief)"
    new = json.loads(_ok("meeting", "new", "--date", day, "--team", patz, "--json", db=db_path))
    assert new["team"] == patz
    agenda = json.loads(_ok("meeting", "agenda", "--team", patz, "--json", db=db_path))
    assert agenda["meeting"]["id"] == new["id"]
    listed = json.loads(_ok("meeting", "list", "--team", patz, "--json", db=db_path))
    assert [m["id"] for m in listed] == [new["id"]]
