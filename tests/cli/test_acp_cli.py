"""The real `pzmdo acp import/export` and `pzmdo careplan show` commands."""

from __future__ import annotations

import json

import pytest

from tests.support.cli import run_pzmdo
from tests.support.shared import shared_path

EXAMPLE = shared_path("standards", "iknl-pzp", "QuestionnaireResponse-HendrikHartman-20201001.json")


@pytest.mark.needs_shared
def test_acp_import_show_export(ctx, db_path, tmp_path):
    ctx.close()
    done = run_pzmdo("acp", "import", str(EXAMPLE), db=db_path)
    assert done.returncode == 0, done.stderr
    assert "Nieuwe patiënt aangemaakt: Hendrik Hartman" in done.stdout
    assert "ingelezen als versie 1" in done.stdout
    pid = int(done.stdout.split("(id ")[1].split(")")[0])

    shown = run_pzmdo("careplan", "show", "--patient", str(pid), db=db_path)
    assert shown.returncode == 0, shown.stderr
    assert "Versie 1 · actueel per 01-10-2020" in shown.stdout
    assert "Reanimatie › besluit: Ja" in shown.stdout
    assert "Gewenste plek van overlijden: Nog onbekend" in shown.stdout
    assert "Datum van invullen: 01-10-2020 " in shown.stdout  # dd-mm-jjjj uu:mm, not ISO
    assert "T16:27" not in shown.stdout and "2020-10-01" not in shown.stdout

    as_json = run_pzmdo("careplan", "show", "--patient", str(pid), "--json", db=db_path)
    data = json.loads(as_json.stdout)
    assert data["versie"] == 1 and data["inhoud"]["icd"] == "ja"

    out = tmp_path / "hendrik.json"
    exported = run_pzmdo("acp", "export", "--patient", str(pid), "-o", str(out), db=db_path)
    assert exported.returncode == 0, exported.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["resourceType"] == "QuestionnaireResponse"

    # the same form again, now with --patient: nothing changed, which is fine for a script
    again = run_pzmdo("acp", "import", str(out), "--patient", str(pid), db=db_path)
    assert again.returncode == 0, again.stderr
    assert "ongewijzigd" in again.stdout and "versie 1" in again.stdout


def test_acp_errors_are_one_dutch_line(ctx, db_path, tmp_path):
    ctx.close()
    missing = run_pzmdo("acp", "import", str(tmp_path / "nee.json"), db=db_path)
    assert missing.returncode == 1 and "bestaat niet" in missing.stderr
    assert "Traceback" not in missing.stderr
    no_plan = run_pzmdo(
        "acp", "export", "--patient", "999", "-o", str(tmp_path / "x.json"), db=db_path
    )
    assert no_plan.returncode == 1 and "bestaat niet" in no_plan.stderr
    assert not (tmp_path / "x.json").exists()
