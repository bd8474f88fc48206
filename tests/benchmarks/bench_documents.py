"""PDFs at region size beside ReportLab rendering empty pages (what the library costs).

The care-plan PDF of a patient with a plan of several versions; the batch of care plans
for a meeting with 30 patients on its agenda (added by hand to a planned meeting).
"""

from __future__ import annotations

import io

from sqlalchemy import func, select

from pzmdo.services import documents, meetings
from pzmdo.store.models.careplan import CarePlanVersion
from pzmdo.store.models.meetings import Meeting
from tests.benchmarks.pairs import Bench


def empty_pages(n: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for _ in range(n):
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def run(env, bench: Bench) -> None:  # noqa: ANN001
    ctx = env.ctx
    with ctx.read() as s:
        with_plans = list(s.scalars(
            select(CarePlanVersion.patient_id).group_by(CarePlanVersion.patient_id)
            .having(func.max(CarePlanVersion.version) >= 2)
            .order_by(CarePlanVersion.patient_id.desc()).limit(30)))  # fmt: skip
        meeting_id = s.scalars(
            select(Meeting.id).where(Meeting.status == "gepland").order_by(Meeting.id.desc())
        ).first()
    patient = with_plans[0]
    out = env.scratch / "plan.pdf"
    bench.pair("documents: care-plan PDF",
               lambda: documents.produce(ctx, "careplan", out, patient_id=patient),
               "ReportLab: an empty page", lambda: empty_pages(1), target=0.3)  # fmt: skip
    for pid in with_plans:
        meetings.add_patient(ctx, meeting_id, pid)
    batch = env.scratch / "batch.pdf"
    bench.pair(f"documents: care plans of {len(with_plans)} patients (meeting batch)",
               lambda: documents.produce(ctx, "batch", batch, meeting_id=meeting_id),
               "ReportLab: 30 empty pages", lambda: empty_pages(30), target=3.0)  # fmt: skip
