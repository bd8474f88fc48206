"""Worker processes for the multi-process tests: ``python -m tests.support.workers TASK DB ...``.

Each worker unlocks the real encrypted file itself, waits for the start file (so the
workers really overlap) and prints one JSON line with what it did.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from sqlalchemy import select

from pzmdo.domain.careplan import CarePlanContent
from pzmdo.domain.errors import PzmdoError
from pzmdo.services import careplan, register
from pzmdo.services.unlock import unlock_with_password
from pzmdo.store.models import Patient
from tests.conftest import PASSWORD


def _wait_for(go: Path) -> None:
    deadline = time.monotonic() + 60
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.01)


def main(argv: list[str]) -> int:
    task, db, login, go = argv[0], Path(argv[1]), argv[2], Path(argv[3])
    rest = argv[4:]
    ctx = unlock_with_password(db, login, PASSWORD)
    done, refused = [], []
    try:
        if task == "hold":
            # A session in a read transaction until stdin closes (the "other workstation").
            with ctx.read() as s:
                s.execute(select(Patient.id)).all()
                print(json.dumps({"ready": True}), flush=True)
                sys.stdin.read()
            return 0
        if task == "writehold":
            # Holds SQLite's write lock (an open write unit) until stdin closes.
            with ctx.unit() as s:
                s.execute(select(Patient.id)).all()
                print(json.dumps({"ready": True}), flush=True)
                sys.stdin.read()
            return 0
        _wait_for(go)
        if task == "mark":
            for pid in map(int, rest):
                try:
                    register.mark_patient(ctx, register.MarkingInput("nee", patient_id=pid))
                    done.append(pid)
                except PzmdoError:
                    refused.append(pid)
        elif task == "careplan":
            pid, expected, text = int(rest[0]), int(rest[1]), rest[2]
            try:
                careplan.save_plan(
                    ctx, pid, CarePlanContent(other_agreements=text), expected_version=expected
                )
                done.append(pid)
            except PzmdoError as exc:
                refused.append(str(exc))
        elif task == "addpatients":
            # Adds patients one unit at a time until the stop file (the first argument) exists.
            from tests.support.register_helpers import add_patient

            stop = Path(rest[0])
            while not stop.exists():
                done.append(add_patient(ctx, given=f"Schrijf{len(done)}", family="Bezig (fictief)"))
        elif task == "urgency":
            codes = rest[0].split(",")
            for round_ in range(int(rest[1])):
                for pid in map(int, rest[2:]):
                    try:
                        register.set_urgency(ctx, pid, codes[round_ % len(codes)])
                        done.append(pid)
                    except PzmdoError:
                        refused.append(pid)
    finally:
        ctx.close()
    print(json.dumps({"done": done, "refused": refused}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
