"""Workstation processes for the shared-server tests:
``python -m tests.support.server_workers TASK URL LOGIN ARGS...``.

Each worker is a client of its own (engine, connections, change bus) and prints JSON lines.
The last argument may be ``hold``: the save's transaction stays open (``{"ready": true}``)
until stdin closes; or ``wait``: the form is read first (``{"ready": true}``), the save
starts when a line arrives on stdin (the user pressing Save later).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import replace
from datetime import date
from typing import Any

from pzmdo.domain.careplan import CarePlanContent
from pzmdo.domain.errors import PzmdoError
from pzmdo.services import careplan, register
from pzmdo.services.context import AppContext
from tests.support.server import open_client


def _say(**data: Any) -> None:
    print(json.dumps(data), flush=True)


def _save(ctx: AppContext, mode: str, save: Callable[[], object]) -> None:
    """Run ``save``; ``hold``: inside a unit kept open until stdin closes; ``wait``: once a
    line arrives on stdin."""
    hold = mode == "hold"
    if mode == "wait":
        _say(ready=True)
        sys.stdin.readline()
    try:
        with ctx.unit() if hold else nullcontext():
            save()
            if hold:
                _say(ready=True)
                sys.stdin.read()
        _say(done=True)
    except PzmdoError as exc:
        _say(refused=str(exc))


def _marks(ctx: AppContext) -> None:
    """Per line on stdin (a number): mark a new fictional patient; report its id and the
    wall-clock moment the marking was committed."""
    for line in sys.stdin:
        n = int(line)
        pid = register.mark_patient(
            ctx,
            register.MarkingInput(
                "nee",
                new_patient=register.PatientInput(
                    given_name=f"Samen{n}",
                    family_name="Werkplek (fictief)",
                    birth_date=date(1938, 3, 1 + n % 28),
                    is_fictional=True,
                ),
            ),
        )
        _say(id=pid, committed=time.time())


def main(argv: list[str]) -> int:
    task, url, login, *rest = argv
    mode = rest[-1] if rest[-1:] in (["hold"], ["wait"]) else ""
    ctx = open_client(url, login)
    try:
        if task == "careplan":
            pid, expected, text = int(rest[0]), int(rest[1]), rest[2]
            content = CarePlanContent(other_agreements=text)
            _save(
                ctx, mode, lambda: careplan.save_plan(ctx, pid, content, expected_version=expected)
            )
        elif task == "patient":
            pid, expected, city = int(rest[0]), int(rest[1]), rest[2]
            data = replace(register.get_patient(ctx, pid).data, city=city)
            _save(
                ctx,
                mode,
                lambda: register.update_patient(ctx, pid, data, expected_version=expected),
            )
        elif task == "marks":
            _marks(ctx)
        else:
            raise SystemExit(f"unknown task {task}")
    finally:
        ctx.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
