"""``pzmdo meeting`` through the real command line on a real encrypted database."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from tests.support.cli import run_pzmdo


def test_meeting_list_new_agenda(ctx, db_path: Path):
    from pzmdo.services.demo import add_demo_patients

    add_demo_patients(ctx, 20, seed=5)
    ctx.close()

    listed = run_pzmdo("meeting", "list", "--json", db=db_path)
    assert listed.returncode == 0, listed.stderr
    demo_meetings = json.loads(listed.stdout)
    assert {m["status"] for m in demo_meetings} == {"gepland", "afgerond"}

    day = date.today() + timedelta(days=40)
    new = run_pzmdo(
        "meeting",
        "new",
        "--date",
        day.strftime("%d-%m-%Y"),
        "--time",
        "12:30",
        "--json",
        db=db_path,
    )
    assert new.returncode == 0, new.stderr
    meeting = json.loads(new.stdout)
    assert meeting["date"] == day.isoformat() and meeting["status"] == "gepland"

    agenda = run_pzmdo("meeting", "agenda", "--meeting", str(meeting["id"]), "--json", db=db_path)
    assert agenda.returncode == 0, agenda.stderr
    data = json.loads(agenda.stdout)
    items = data["items"]
    assert items, "the proposal is built on first use"
    for item in items:
        assert {"patient_id", "reason", "position"} <= set(item)
    positions = [i["position"] for i in items]
    assert positions == sorted(positions)
    reasons = {i["reason"] for i in items}
    # the demo's open actions come back on the next agenda
    assert "open_consultation_or_overdue_action" in reasons

    text = run_pzmdo("meeting", "agenda", "--meeting", str(meeting["id"]), db=db_path)
    assert text.returncode == 0
    assert "Voorgesteld" in text.stdout and "patiënt" in text.stdout

    actions = run_pzmdo("meeting", "actions", "--json", db=db_path)
    assert actions.returncode == 0 and json.loads(actions.stdout)


def test_meeting_errors_are_one_dutch_line(ctx, db_path: Path):
    ctx.close()
    bad = run_pzmdo("meeting", "new", "--date", "31-02-2026", db=db_path)
    assert bad.returncode == 1
    assert bad.stderr.strip().startswith(
        "pzmdo: De datum van het overleg '31-02-2026' bestaat niet"
    )
    assert "Traceback" not in bad.stderr
    missing = run_pzmdo("meeting", "agenda", "--meeting", "999", db=db_path)
    assert missing.returncode == 1
    assert "Overleg 999 bestaat niet" in missing.stderr
    ok = run_pzmdo("meeting", "new", "--date", date.today().isoformat(), db=db_path)
    assert ok.returncode == 0
    twice = run_pzmdo("meeting", "new", "--date", date.today().isoformat(), db=db_path)
    assert twice.returncode == 1 and "al een overleg" in twice.stderr
    empty = run_pzmdo("meeting", "list", db=db_path)
    assert empty.returncode == 0 and "Gepland" in empty.stdout
