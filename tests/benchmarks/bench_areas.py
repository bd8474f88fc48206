"""Feature-area measurements on the benchmark database (see run.py)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from pzmdo.services import documents, meetings, register
from pzmdo.services.context import AppContext
from pzmdo.services.register import RegisterQuery


def _timed(fn, *args, **kwargs):  # noqa: ANN001, ANN202
    t = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - t


def run(ctx: AppContext, measure) -> None:  # noqa: ANN001
    for text in ("jan", "de vr", "a", "01-01-1950"):
        _, seconds = _timed(register.search_patients, ctx, text)
        measure(f"register: search {text!r} (top 20)", seconds, 0.1)
    ids, seconds = _timed(register.register_ids, ctx, RegisterQuery(status=None))
    measure(f"register: id list of all {len(ids)} rows, sorted by name", seconds, 1.0)
    _, seconds = _timed(register.register_rows, ctx, ids[:200])
    measure("register: fetch a block of 200 rows", seconds, 0.1)
    upcoming = [m for m in meetings.list_meetings(ctx) if not m.read_only]
    if upcoming:
        _, seconds = _timed(meetings.propose_agenda, ctx, upcoming[0].id)
        measure("meetings: agenda proposal", seconds, 2.0)
        with tempfile.TemporaryDirectory() as tmp:
            _, seconds = _timed(documents.produce, ctx, "agenda", Path(tmp) / "a.pdf", meeting_id=upcoming[0].id)
            measure("documents: agenda PDF", seconds, 2.0)
    with tempfile.TemporaryDirectory() as tmp:
        patient = ids[len(ids) // 2]
        _, seconds = _timed(documents.produce, ctx, "careplan", Path(tmp) / "z.pdf", patient_id=patient)
        measure("documents: care plan PDF (first, incl. font loading)", seconds, 3.0)
        _, seconds = _timed(documents.produce, ctx, "emergency", Path(tmp) / "s.pdf", patient_id=patient)
        measure("documents: emergency page PDF", seconds, 1.0)
