"""``pzmdo kpi``: JSON with one key per figure, the region's CSV, denominators; real process."""

from __future__ import annotations

import json

from pzmdo.domain.enums import Role
from tests.services.kpi_world import build
from tests.support.cli import run_pzmdo
from tests.support.roles import with_roles


def test_kpi_json_csv_and_denominator(ctx, db_path, tmp_path):  # noqa: ANN001
    build(ctx)
    with_roles(ctx, Role.COORDINATOR)
    ctx.close()
    period = ("--from", "01-01-2026", "--to", "30-06-2026")
    done = run_pzmdo(
        "kpi-noemer", "--practice", "1", *period, "--kind", "niet_onverwacht_overleden",
        "--count", "8", db=db_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Vastgelegd" in done.stdout and "2026-H1: 8" in done.stdout
    done = run_pzmdo("kpi", *period, "--json", db=db_path)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    for key in ("K1", "K2", "K3", "K5", "K6", "K7", "K8", "K9", "K12", "K13", "CZ"):
        assert {"value", "numerator", "denominator", "definition", "source"} <= set(data[key])
    assert all(set(v) >= {"value", "numerator", "denominator", "definition", "source"}
               for v in data.values())  # fmt: skip
    assert (data["K1"]["value"], data["K1"]["numerator"], data["K1"]["denominator"]) == (25.0, 1, 4)
    assert data["K1"]["onderdelen"]["K1.extern"]["value"] == 12.5
    assert data["K1"]["source"].startswith("003_88991e6425fd5733.txt:L609")
    out = tmp_path / "regio.csv"
    done = run_pzmdo("kpi", *period, "--team", "1", "--csv", str(out), db=db_path)
    assert done.returncode == 0, done.stderr
    assert "<5" in out.read_text(encoding="utf-8-sig")
    done = run_pzmdo("kpi", "--from", "30-06-2026", "--to", "01-01-2026", db=db_path)
    assert done.returncode == 1
    assert done.stderr.startswith("pzmdo: De periode eindigt") and "Traceback" not in done.stderr
