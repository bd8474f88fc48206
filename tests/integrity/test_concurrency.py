"""Issue 10, observation 1: read-check-write under the write lock, across real processes.

Two processes on one real encrypted file race for the same records; afterwards every
record shows exactly one outcome and every history chain is intact.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from pzmdo.domain.careplan import CarePlanContent
from pzmdo.services import careplan, register
from pzmdo.services.context import AppContext
from pzmdo.store.models.careplan import CarePlanVersion
from pzmdo.store.models.register import Marking, StatusEvent, UrgencyChange
from tests.support.register_helpers import add_patient, gp_context

ROOT = Path(__file__).resolve().parents[2]


def _race(task: str, db: Path, login: str, go: Path, *args: list[str]) -> list[dict]:
    """Start one worker per argument list, let them go at once, return their reports."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.support.workers", task, str(db), login, str(go), *a],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for a in args
    ]
    go.touch()
    reports = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
        reports.append(json.loads(out.strip().splitlines()[-1]))
    return reports


def _patients(ctx: AppContext, n: int) -> list[int]:
    return [add_patient(ctx, given=f"Pat{i}", family=f"Gelijk{i} (fictief)") for i in range(n)]


def test_two_processes_marking_the_same_20_patients_mark_each_exactly_once(ctx, db_path, tmp_path):
    gp_context(ctx)
    ids = _patients(ctx, 20)
    ctx.close()

    reports = _race(
        "mark", db_path, "dokter", tmp_path / "go", [*map(str, ids)], [*map(str, reversed(ids))]
    )

    assert sorted(reports[0]["done"] + reports[1]["done"]) == ids
    assert sorted(reports[0]["refused"] + reports[1]["refused"]) == ids
    again = _reopen(db_path)
    with again.read() as s:
        for pid in ids:
            assert len(s.scalars(select(Marking).where(Marking.patient_id == pid)).all()) == 1
            marked = s.scalars(
                select(StatusEvent).where(
                    StatusEvent.patient_id == pid, StatusEvent.to_status == "gemarkeerd"
                )
            ).all()
            assert len(marked) == 1
    again.close()


def test_two_care_plan_saves_on_one_version_one_refused_nothing_lost(ctx, db_path, tmp_path):
    pid = add_patient(ctx)
    careplan.save_plan(ctx, pid, CarePlanContent(other_agreements="Basis (fictief)"))
    ctx.close()

    for round_ in range(3):
        go = tmp_path / f"go{round_}"
        reports = _race(
            "careplan",
            db_path,
            "beheer",
            go,
            [str(pid), str(1 + round_), f"Eerste {round_} (fictief)"],
            [str(pid), str(1 + round_), f"Tweede {round_} (fictief)"],
        )
        saved = [r for r in reports if r["done"]]
        refused = [r for r in reports if r["refused"]]
        assert len(saved) == 1 and len(refused) == 1
        assert "intussen gewijzigd" in refused[0]["refused"][0]

    again = _reopen(db_path)
    with again.read() as s:
        versions = s.scalars(
            select(CarePlanVersion.version).where(CarePlanVersion.patient_id == pid)
        ).all()
    assert sorted(versions) == [1, 2, 3, 4]
    again.close()


def test_urgency_history_chain_stays_intact_under_two_writers(ctx, db_path, tmp_path):
    gp = gp_context(ctx)
    ids = _patients(ctx, 6)
    for pid in ids:
        register.mark_patient(gp, register.MarkingInput("nee", patient_id=pid))
    codes = [level.code for level in register.urgency_levels_for(ctx)][:3]
    ctx.close()

    _race(
        "urgency",
        db_path,
        "dokter",
        tmp_path / "go",
        [",".join(codes), "6", *map(str, ids)],
        [",".join(reversed(codes)), "6", *map(str, ids)],
    )

    again = _reopen(db_path)
    last = {}
    with again.read() as s:
        for pid in ids:
            chain = s.scalars(
                select(UrgencyChange)
                .where(UrgencyChange.patient_id == pid)
                .order_by(UrgencyChange.id)
            ).all()
            assert chain
            previous = None
            for change in chain:
                assert change.previous_code == previous
                assert change.code != previous
                previous = change.code
            last[pid] = previous
    for pid in ids:
        assert register.get_patient(again, pid).urgency.code == last[pid]
    again.close()


def _reopen(db_path: Path) -> AppContext:
    from pzmdo.services.unlock import unlock_with_password
    from tests.conftest import ADMIN, PASSWORD

    return unlock_with_password(db_path, ADMIN, PASSWORD)


def test_backups_while_another_process_writes_are_each_consistent(ctx, db_path, tmp_path):
    """Backups taken while a second process keeps adding patients (the fast page copy or,
    when the log is busy, the online copy): each backup passes SQLite's full integrity
    check and the audit chain check, and holds a whole number of committed additions."""
    from pzmdo.services import audit_log, backup
    from pzmdo.store.database import Database
    from pzmdo.store.models import Patient

    gp_context(ctx)
    stop, go = tmp_path / "stop", tmp_path / "go"
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.support.workers", "addpatients", str(db_path), "dokter",
         str(go), str(stop)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    go.touch()
    counts = []
    try:
        deadline = time.monotonic() + 120
        while _count(ctx) < 3:  # the writer has unlocked and is writing
            assert time.monotonic() < deadline and writer.poll() is None
            time.sleep(0.05)
        for n in range(6):
            out = backup.backup(ctx, tmp_path / f"b{n}.db")
            assert backup.verify_backup(out, ctx.db.data_key) == []
            copy = Database.open_file(out, ctx.db.data_key, session_lock=False)
            try:
                copy_ctx = AppContext(copy, ctx.user)
                assert audit_log.check_chain(copy_ctx).intact
                with copy_ctx.read() as s:
                    counts.append(len(s.scalars(select(Patient.id)).all()))
            finally:
                copy.close()
    finally:
        stop.touch()
        out_text, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    added = len(json.loads(out_text.strip().splitlines()[-1])["done"])
    assert counts == sorted(counts)
    assert counts[0] >= 3 and counts[-1] <= added


def _count(ctx: AppContext) -> int:
    from pzmdo.store.models import Patient

    with ctx.read() as s:
        return len(s.scalars(select(Patient.id)).all())
