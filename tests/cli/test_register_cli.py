"""The register CLI, run as the real ``pzmdo`` command (issue 3)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from tests.conftest import ADMIN, PASSWORD
from tests.services.test_import import register_csv
from tests.support.register_helpers import add_patient, gp_context


def run(db: Path, *args: str, user: str = ADMIN) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PZMDO_DB=str(db), PZMDO_USER=user, PZMDO_PASSWORD=PASSWORD)
    return subprocess.run(
        [sys.executable, "-m", "pzmdo", *args],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_mark_list_json_and_refusals(ctx, db_path):
    gp = gp_context(ctx)
    pid = add_patient(gp)
    ctx.close()
    r = run(db_path, "mark", "--patient", str(pid), "--surprise", "nee", user="dokter")
    assert r.returncode == 0, r.stderr
    assert "gemarkeerd" in r.stdout
    r = run(db_path, "patient", "list", "--status", "gemarkeerd", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert [(d["id"], d["status"], d["marked_on"]) for d in data] == [
        (pid, "gemarkeerd", date.today().isoformat())
    ]
    assert data[0]["name"] == "Ella Berg (fictief)"
    # A future marking date: refused, one Dutch line, exit 1.
    future = (date.today() + timedelta(days=2)).strftime("%d-%m-%Y")
    r = run(
        db_path, "mark", "--patient", str(pid), "--surprise", "nee", "--date", future, user="dokter"
    )
    assert r.returncode == 1 and r.stderr.startswith("pzmdo: ") and "toekomst" in r.stderr
    assert "Traceback" not in r.stderr
    r = run(db_path, "patient", "list", "--status", "paars")
    assert r.returncode == 1 and "Onbekende status" in r.stderr
    r = run(db_path, "patient", "list")
    assert r.returncode == 0 and "1 patiënt(en)." in r.stdout


def test_import_dry_run_confirm_and_reimport(ctx, db_path, tmp_path):
    ctx.close()
    csv_file = tmp_path / "register.csv"
    csv_file.write_bytes(register_csv())
    r = run(db_path, "import", str(csv_file), "--dry-run")
    assert r.returncode == 0, r.stderr
    assert "10 rij(en) kunnen worden geïmporteerd." in r.stdout and "Rij 12:" in r.stdout
    assert "niets opgeslagen" in r.stdout
    r = run(db_path, "import", str(csv_file))  # no terminal, no --yes: refuses
    assert r.returncode == 1 and "--yes" in r.stderr
    r = run(db_path, "patient", "list", "--json")
    assert json.loads(r.stdout) == []
    r = run(db_path, "import", str(csv_file), "--yes")
    assert r.returncode == 0 and "10 patiënt(en) geïmporteerd" in r.stdout
    r = run(db_path, "import", str(csv_file), "--yes")
    assert r.returncode == 0 and "Er is niets te importeren." in r.stdout
    r = run(db_path, "patient", "list", "--json")
    assert len(json.loads(r.stdout)) == 10
