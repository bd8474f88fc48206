"""``pzmdo consult`` through the real command line on a real encrypted database."""

from __future__ import annotations

import json
from pathlib import Path

from pzmdo.domain.enums import Role
from pzmdo.services.consultations_demo import add_demo
from pzmdo.services.context import AppContext
from tests.services.test_consultations import add_patient
from tests.support.cli import run_pzmdo
from tests.support.roles import with_roles


def test_consult_cli_lifecycle_and_list(ctx: AppContext, db_path: Path):
    patient = add_patient(ctx)
    with_roles(ctx, Role.SPECIALIST_PZ)  # a GP who is also kaderarts: requests and advises
    ctx.close()

    r = run_pzmdo(
        "consult", "team-add", "STOP Noord (fictief)", "--type", "stop",
        "--phone", "0592-000101", "--phone-anw", "0592-000199", db=db_path,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "toegevoegd" in r.stdout

    r = run_pzmdo(
        "consult", "request", "--patient", str(patient), "--team", "1",
        "--question", "Onrust in de nacht (fictief)", "--mode", "telefonisch",
        "--complexity", "complex", "--dimension", "psychisch",
        "--at", "2025-11-22 10:00", db=db_path,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "ANW" in r.stdout and "0592-000199" in r.stdout

    r = run_pzmdo("consult", "list", "--open", "--json", db=db_path)
    assert r.returncode == 0, r.stderr
    [row] = json.loads(r.stdout)
    assert row["status"] == "aangevraagd" and row["overdue"] is True
    assert row["time_window"] == "anw" and row["requested_at"].startswith("2025-11-22T10:00")

    # An illegal step: one Dutch line, exit code 1, nothing changed.
    r = run_pzmdo("consult", "close", "1", db=db_path)
    assert r.returncode == 1
    assert r.stderr.startswith("pzmdo: ") and "kan niet direct naar 'afgesloten'" in r.stderr
    assert "Traceback" not in r.stderr

    r = run_pzmdo(
        "consult", "advice", "1", "--text", "Start midazolam (fictief)",
        "--at", "2025-11-24 09:00", "--close", db=db_path,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert "afgesloten" in r.stdout

    r = run_pzmdo("consult", "list", "--open", db=db_path)
    assert r.returncode == 0 and "Geen consultaties" in r.stdout
    r = run_pzmdo("consult", "list", db=db_path)
    assert "Afgesloten" in r.stdout and "0,4 werkdagen" in r.stdout  # Sat 10:00 → Mon 09:00

    r = run_pzmdo("consult", "request", "--patient", str(patient), "--team", "1",
                  "--question", "x", "--mode", "per post", "--complexity", "laag", db=db_path)  # fmt: skip
    assert r.returncode == 1 and "Onbekende vorm van consultatie" in r.stderr


def test_consult_cli_demo_list(ctx: AppContext, db_path: Path):
    from pzmdo.services.demo import add_demo_patients

    add_demo_patients(ctx, 8, seed=2)  # runs consultations_demo.add_demo as an area demo
    ctx.close()
    r = run_pzmdo("consult", "list", "--json", db=db_path)
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert {row["status"] for row in rows} == {
        "aangevraagd", "in_behandeling", "advies_gegeven", "afgesloten", "geannuleerd",
    }  # fmt: skip
    assert all("(fictief)" in row["team_name"] for row in rows)
    r = run_pzmdo("consult", "teams", db=db_path)
    assert "STOP Zuidwest-Drenthe (fictief)" in r.stdout and "PACT" in r.stdout
    assert add_demo  # imported to make sure the module loads without Qt
