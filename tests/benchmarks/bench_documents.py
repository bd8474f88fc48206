"""PDFs at region size beside ReportLab rendering empty pages (what the library costs).

The care-plan PDF of a patient with a plan of several versions; the batch of care plans
for a meeting with 30 patients on its agenda (added by hand to a planned meeting) beside
ReportLab laying out the same plans (the data read beforehand).
"""

from __future__ import annotations

import io

from sqlalchemy import func, select

from pzmdo.reports import batch as report_batch
from pzmdo.services import documents, meetings
from pzmdo.services.documents.patient_content import _careplans_data
from pzmdo.services.documents.rendering import _meta
from pzmdo.services.meetings.agenda_builder import team_practice_ids
from pzmdo.store.models import Patient
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
        # The newest planned meeting and 30 patients with a care plan of several versions
        # from its team's practices (a meeting discusses only its own practices' patients).
        meeting_id, team_id = s.execute(
            select(Meeting.id, Meeting.team_id).where(Meeting.status == "gepland")
            .order_by(Meeting.id.desc())).first()  # fmt: skip
        in_team = select(Patient.id).where(
            Patient.practice_id.in_(team_practice_ids(s, team_id)))  # fmt: skip
        with_plans = list(s.scalars(
            select(CarePlanVersion.patient_id).where(CarePlanVersion.patient_id.in_(in_team))
            .group_by(CarePlanVersion.patient_id)
            .having(func.max(CarePlanVersion.version) >= 2)
            .order_by(CarePlanVersion.patient_id.desc()).limit(30)))  # fmt: skip
    patient = with_plans[0]
    out = env.scratch / "plan.pdf"
    bench.pair("documents: care-plan PDF",
               lambda: documents.produce(ctx, "careplan", out, patient_id=patient),
               "ReportLab: an empty page", lambda: empty_pages(1), target=0.3)  # fmt: skip
    for pid in with_plans:
        meetings.add_patient(ctx, meeting_id, pid)
    batch = env.scratch / "batch.pdf"
    # The baseline lays out the same 30 care plans from data read beforehand: ReportLab's
    # own cost for these ~90 pages, the floor under the batch (issue 20).
    meeting, patient_ids = documents.meeting_data(ctx, meeting_id)
    plans = _careplans_data(ctx, patient_ids)
    meta = _meta(ctx, "batch", "benchmark", meeting_id=meeting_id)
    bench.pair(f"documents: care plans of {len(with_plans)} patients (meeting batch)",
               lambda: documents.produce(ctx, "batch", batch, meeting_id=meeting_id),
               "ReportLab: the same plans laid out", lambda: report_batch.render(meeting, plans, meta),
               target=3.0, runs=min(bench.runs, 3))  # 1-5 s a pair  # fmt: skip
