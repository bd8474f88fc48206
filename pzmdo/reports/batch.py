"""Batch: the care plans of every patient on a meeting's agenda in one PDF.

A cover page lists the patients; each care plan starts on a new page with its own header
and its own "Pagina x van y" (the overall sheet number is printed as well).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from pzmdo.reports.agenda import meeting_header, patient_label
from pzmdo.reports.careplan import careplan_story
from pzmdo.reports.model import CarePlanData, DocumentMeta, MeetingData
from pzmdo.reports.template import (
    CONTENT_WIDTH,
    P,
    SetHeader,
    build_pdf,
    esc,
    fmt_date,
    grid_table,
    make_styles,
    patient_header,
)


def render(meeting: MeetingData, plans: Sequence[CarePlanData], meta: DocumentMeta) -> bytes:
    s = make_styles()
    story: list[Flowable] = [
        P("Zorgplannen voor het overleg", s.title),
        P(f"{esc(meeting.title)} van {fmt_date(meeting.meeting_date)}", s.subtitle),
    ]
    if plans:
        story.append(
            grid_table(
                ["Nr.", "Patiënt", "Zorgplan", "Actueel per"],
                [
                    [
                        str(i),
                        patient_label(plan.patient, False),
                        f"versie {plan.version}" if plan.version is not None else "nog geen",
                        fmt_date(plan.current_as_of),
                    ]
                    for i, plan in enumerate(plans, start=1)
                ],
                [12 * mm, CONTENT_WIDTH - 12 * mm - 60 * mm, 30 * mm, 30 * mm],
                s,
            )
        )
    else:
        story.append(P("Er staan geen patiënten op de agenda van dit overleg.", s.note))
    for plan in plans:
        story.append(PageBreak())
        story.append(SetHeader(patient_header(plan.patient)))
        story += careplan_story(plan, s)
    return build_pdf(story, meta, meeting_header(meeting), batch=True)
