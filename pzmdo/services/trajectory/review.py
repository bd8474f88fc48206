"""The structured nabespreking (after-death review, PaTz practice) and the list of
knelpunten and leerpunten per team and period for the network coordinator.

Recording the review closes the "nabespreking" follow-up task in the same transaction, so
the agenda stops proposing the deceased patient. The list and its export carry no patient
data: team, month of the review, kind and the point's text only.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.careplan import content_from_data
from pzmdo.domain.errors import PzmdoError, ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.register import FollowUpKind, PlaceOfDeath
from pzmdo.domain.text import clean_text
from pzmdo.domain.trajectory import Answer, clean_points, place_matches_wish
from pzmdo.services import register
from pzmdo.services.context import AppContext, check_version
from pzmdo.services.guard import require
from pzmdo.services.kpi_export import _target
from pzmdo.services.lookup import load_meeting
from pzmdo.services.scope import (
    patient_id_clause,
    require_patient_in_scope,
    require_team_in_scope,
    scope_of,
)
from pzmdo.services.trajectory.helpers import _code, _patient, _today
from pzmdo.services.trajectory.results import (
    LessonRow,
    LessonsSummary,
    ReviewFacts,
    ReviewInfo,
    ReviewInput,
)
from pzmdo.store.files import write_atomic
from pzmdo.store.models.careplan import CarePlanVersion
from pzmdo.store.models.meetings import MeetingTeam
from pzmdo.store.models.register import Death
from pzmdo.store.models.trajectory import AfterDeathReview

LESSONS_HEADER = ("team", "maand", "soort", "punt")


def _facts(s: Session, patient_id: int) -> ReviewFacts:
    _patient(s, patient_id)
    death = s.scalars(select(Death).where(Death.patient_id == patient_id)).first()
    if death is None:
        raise ValidationError(
            "Een nabespreking is er alleen na het overlijden; leg eerst het overlijden vast."
        )
    latest = s.scalars(
        select(CarePlanVersion)
        .where(CarePlanVersion.patient_id == patient_id)
        .order_by(CarePlanVersion.version.desc())
        .limit(1)
    ).first()
    wish = content_from_data(json.loads(latest.content)).place_of_death if latest else None
    return ReviewFacts(
        patient_id=patient_id,
        died_on=death.died_on,
        place_of_death=death.place,
        place_label=PlaceOfDeath(death.place).label,
        wished_place=wish,
        wished_label=PlaceOfDeath(wish).label if wish else PlaceOfDeath.ONBEKEND.label,
        place_as_wished=place_matches_wish(death.place, wish).value,
    )


def review_facts(ctx: AppContext, patient_id: int) -> ReviewFacts:
    """The death and the wished place, for the review form to start from."""
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    with ctx.read() as s:
        return _facts(s, patient_id)


def _split(text: str) -> tuple[str, ...]:
    return tuple(line for line in text.split("\n") if line)


def _info(s: Session, r: AfterDeathReview) -> ReviewInfo:
    team = s.get(MeetingTeam, r.team_id) if r.team_id else None
    return ReviewInfo(
        id=r.id,
        patient_id=r.patient_id,
        team_id=r.team_id,
        team_name=team.name if team else "",
        meeting_id=r.meeting_id,
        reviewed_on=r.reviewed_on,
        death_expected=r.death_expected,
        place_of_death=r.place_of_death,
        wished_place=r.wished_place,
        place_as_wished=r.place_as_wished,
        plan_known_hap=r.plan_known_hap,
        plan_known_ambulance=r.plan_known_ambulance,
        went_well=r.went_well or "",
        knelpunten=_split(r.knelpunten),
        leerpunten=_split(r.leerpunten),
        recorded_by=r.recorded_by,
        version=r.version,
    )


def record_review(
    ctx: AppContext,
    patient_id: int,
    data: ReviewInput,
    *,
    expected_version: int | None = None,
) -> ReviewInfo:
    """Record (or correct) the nabespreking; closes the nabespreking task."""
    require(ctx, Action.AFTER_DEATH_REVIEW)
    require_patient_in_scope(ctx, patient_id)
    expected = _code(data.death_expected, Answer, "of het overlijden verwacht was")
    hap = _code(data.plan_known_hap, Answer, "of het zorgplan bekend was bij de huisartsenpost")
    ambulance = _code(
        data.plan_known_ambulance, Answer, "of het zorgplan bekend was bij de ambulance"
    )
    went_well = clean_text(data.went_well, "wat goed ging", limit=2000)
    knel = clean_points(data.knelpunten, "knelpunten")
    leer = clean_points(data.leerpunten, "leerpunten")
    today = _today()
    day = data.reviewed_on or today
    if day > today:
        raise ValidationError(
            "De nabespreking kan niet in de toekomst liggen. Controleer de datum."
        )
    with ctx.unit() as s:
        facts = _facts(s, patient_id)
        if day < facts.died_on:
            raise ValidationError(
                "De nabespreking kan niet vóór het overlijden liggen. Controleer de datum."
            )
        team_id = None
        if data.meeting_id is not None:
            team_id = load_meeting(s, data.meeting_id).team_id
        row = s.scalars(
            select(AfterDeathReview).where(AfterDeathReview.patient_id == patient_id)
        ).first()
        new = row is None
        if row is None:
            row = AfterDeathReview(patient_id=patient_id)
            s.add(row)
        else:
            check_version(row, expected_version, "Deze nabespreking")
        row.team_id = team_id if team_id is not None else row.team_id
        row.meeting_id = data.meeting_id if data.meeting_id is not None else row.meeting_id
        row.reviewed_on = day
        row.death_expected = expected
        row.place_of_death = facts.place_of_death
        row.wished_place = facts.wished_place
        row.place_as_wished = facts.place_as_wished
        row.plan_known_hap = hap
        row.plan_known_ambulance = ambulance
        row.went_well = went_well or None
        row.knelpunten = "\n".join(knel)
        row.leerpunten = "\n".join(leer)
        row.recorded_by = ctx.user.name
        s.flush()
        ctx.audit(
            s,
            AuditAction.AFTER_DEATH_REVIEW if new else AuditAction.AFTER_DEATH_REVIEW_CHANGED,
            patient_id=patient_id,
            entity="after_death_review",
            entity_id=row.id,
            detail={"knelpunten": len(knel), "leerpunten": len(leer), "overleg": data.meeting_id},
        )
        register._complete_tasks(
            s, ctx, [patient_id], FollowUpKind.NABESPREKING.value, "Nabespreking vastgelegd"
        )
        info = _info(s, row)
    ctx.changes.publish("patient", patient_id)
    if data.meeting_id is not None:
        ctx.changes.publish("meeting", data.meeting_id)
    return info


def get_review(ctx: AppContext, patient_id: int) -> ReviewInfo | None:
    require(ctx, Action.VIEW_RECORD)
    require_patient_in_scope(ctx, patient_id)
    with ctx.read() as s:
        _patient(s, patient_id)
        row = s.scalars(
            select(AfterDeathReview).where(AfterDeathReview.patient_id == patient_id)
        ).first()
        return _info(s, row) if row else None


def lessons(ctx: AppContext, start: date, end: date, team_id: int | None = None) -> LessonsSummary:
    """Knelpunten and leerpunten of the reviews held in [start, end], per team; no patient data.
    Only reviews of patients in the user's scope: the free text may still name someone."""
    require(ctx, Action.KPI_AGGREGATE)
    require_team_in_scope(ctx, team_id)
    if end < start:
        raise ValidationError("De einddatum ligt vóór de begindatum. Kies een geldige periode.")
    with ctx.read() as s:
        q = (
            select(AfterDeathReview, MeetingTeam.name)
            .outerjoin(MeetingTeam, MeetingTeam.id == AfterDeathReview.team_id)
            .where(AfterDeathReview.reviewed_on >= start, AfterDeathReview.reviewed_on <= end)
            .where(patient_id_clause(scope_of(s, ctx), AfterDeathReview.patient_id))
            .order_by(MeetingTeam.name, AfterDeathReview.reviewed_on, AfterDeathReview.id)
        )
        if team_id is not None:
            q = q.where(AfterDeathReview.team_id == team_id)
        rows: list[LessonRow] = []
        count = as_wished = hap = 0
        for r, team_name in s.execute(q):
            count += 1
            as_wished += r.place_as_wished == Answer.JA.value
            hap += r.plan_known_hap == Answer.JA.value
            team = team_name or "zonder team"
            month = r.reviewed_on.strftime("%Y-%m")
            rows += [LessonRow(team, month, "knelpunt", t) for t in _split(r.knelpunten)]
            rows += [LessonRow(team, month, "leerpunt", t) for t in _split(r.leerpunten)]
    rows.sort(key=lambda x: (x.team_name, x.kind, x.month, x.text))
    return LessonsSummary(rows, count, as_wished, hap)


def lessons_csv(summary: LessonsSummary) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(LESSONS_HEADER)
    for r in summary.rows:
        writer.writerow([r.team_name, r.month, r.kind, r.text])
    return buffer.getvalue()


def export_lessons(
    ctx: AppContext, out: Path, start: date, end: date, team_id: int | None = None
) -> Path:
    """Write the list as CSV (semicolons); audited together with the file."""
    require(ctx, Action.KPI_AGGREGATE)
    path = _target(out, "csv")
    summary = lessons(ctx, start, end, team_id)
    data = lessons_csv(summary).encode("utf-8-sig")
    written = False
    try:
        with ctx.unit() as s:
            ctx.audit(
                s,
                AuditAction.LESSONS_EXPORT,
                entity="knelpunten",
                detail={"van": start, "tot": end, "team": team_id, "punten": len(summary.rows)},
            )
            try:
                write_atomic(path, data)
            except OSError as exc:
                raise PzmdoError(
                    f"De lijst kon niet worden opgeslagen als '{path.name}' ({exc.strerror}). "
                    "Kies een andere map."
                ) from None
            written = True
    except BaseException:
        if written:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    return path
