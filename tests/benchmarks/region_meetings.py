"""Five years of meetings of the region's kernteams and PaTz groups (region_builder)."""

from __future__ import annotations

from datetime import date, timedelta
from datetime import time as clock
from typing import Any

from pzmdo.domain.agenda import AgendaReason, reason_code
from pzmdo.domain.audit import AuditAction
from pzmdo.domain.enums import PatientStatus
from pzmdo.domain.meetings import ItemStatus, MeetingStatus
from pzmdo.services import meetings_demo
from pzmdo.store.models.meetings import (
    Meeting,
    MeetingAction,
    MeetingAgendaItem,
    MeetingAttendance,
    MeetingChecklist,
    MeetingDecision,
    MeetingNomination,
    MeetingNote,
)
from tests.benchmarks.region_builder import YEARS, Builder, Life


def add_meetings(b: Builder, lives: list[Life]) -> None:
    rng, today = b.rng, b.today
    by_practice: dict[int, list[Life]] = {}
    for life in lives:
        if life.marked_on is not None:
            by_practice.setdefault(life.practice, []).append(life)
    for team in b.teams:
        pool = [life for pr in team["practices"] for life in by_practice.get(pr, [])]
        pool.sort(key=lambda life: life.marked_on)  # type: ignore[arg-type, return-value]
        people = team["people"]
        day = today - timedelta(days=YEARS * 365) + timedelta(days=rng.randint(0, 27))
        while day < today - timedelta(days=3):
            _closed_meeting(b, team, day, pool, people)
            day += timedelta(weeks=team["cadence"])
        planned = today + timedelta(weeks=1)
        mid = b._add(
            Meeting,
            team_id=team["id"],
            held_on=planned,
            start_time=clock(12, 30),
            place="Vergaderruimte gezondheidscentrum (fictief)",
            chair_person_id=people[0],
            scribe_person_id=people[3 % len(people)],
            status=MeetingStatus.GEPLAND.value,
            version=1,
            created_at=b._at(today),
        )
        b._audit(today, AuditAction.MEETING_PLANNED, entity="meeting", entity_id=mid)
        active = [life for life in pool if life.ended_on is None]
        for life in rng.sample(active, min(2, len(active))):
            b._add(
                MeetingNomination,
                patient_id=life.pid,
                nominated_by_person_id=people[3 % len(people)],
                note="Zorgen van de wijkverpleging over de thuissituatie (fictief)",
                team_id=team["id"],
                nominated_on=today,
                created_at=b._at(today),
            )
            b._audit(today, AuditAction.MEETING_NOMINATION, patient_id=life.pid)


def _closed_meeting(
    b: Builder, team: dict[str, Any], day: date, pool: list[Life], people: list[int]
) -> None:
    rng = b.rng
    chair, scribe = people[0], people[3 % len(people)]
    mid = b._add(
        Meeting,
        team_id=team["id"],
        held_on=day,
        start_time=clock(12, 30),
        place="Vergaderruimte gezondheidscentrum (fictief)",
        chair_person_id=chair,
        scribe_person_id=scribe,
        status=MeetingStatus.AFGEROND.value,
        proposal_built_at=b._at(day - timedelta(days=7)),
        started_at=b._at(day, 12),
        closed_at=b._at(day, 14),
        closed_by=b.login,
        version=5,
        changed_by=b.login,
        changed_at=b._at(day, 14),
        created_at=b._at(day - timedelta(days=14)),
    )
    b._audit(day - timedelta(days=14), AuditAction.MEETING_PLANNED, entity="meeting", entity_id=mid)
    b._audit(
        day - timedelta(days=7),
        AuditAction.MEETING_AGENDA_PROPOSED,
        entity="meeting",
        entity_id=mid,
    )
    candidates = [
        life
        for life in pool
        if life.marked_on <= day  # type: ignore[operator]
        and (life.ended_on is None or life.ended_on >= day - timedelta(days=42))
    ]
    chosen = rng.sample(candidates, min(len(candidates), rng.randint(8, 14)))
    position = 0
    for n, life in enumerate(chosen):
        position += 1
        deceased = (
            life.ended_on is not None
            and life.ended_on < day
            and life.status is PatientStatus.OVERLEDEN
        )
        if life.ended_on is not None and life.ended_on < day and not deceased:
            continue
        reason = (
            AgendaReason.DECEASED
            if deceased
            else (
                AgendaReason.NEWLY_MARKED_OR_SIGNALLED
                if not life.discussed
                else AgendaReason.PERIODIC_REVIEW_OR_NEVER_DISCUSSED
            )
        )
        status = (
            ItemStatus.BESPROKEN
            if n < len(chosen) - 2
            else rng.choice(
                (ItemStatus.NIET_TOEGEKOMEN, ItemStatus.VERWIJDERD, ItemStatus.BESPROKEN)
            )
        )
        iid = b._add(
            MeetingAgendaItem,
            meeting_id=mid,
            position=position,
            patient_id=life.pid,
            reason=reason_code(reason),
            reasons=reason_code(reason),
            detail="",
            status=status.value,
            seconds_spent=rng.randint(240, 720) if status is ItemStatus.BESPROKEN else 0,
            discussed_at=b._at(day, 13) if status is ItemStatus.BESPROKEN else None,
            removed_reason="Vorige keer al besproken (fictief)"
            if status is ItemStatus.VERWIJDERD
            else None,
            created_at=b._at(day - timedelta(days=7)),
        )
        b._audit(
            day - timedelta(days=7),
            AuditAction.MEETING_ITEM_ACCEPTED,
            patient_id=life.pid,
            entity="meeting_agenda_item",
            entity_id=iid,
        )
        if status is not ItemStatus.BESPROKEN:
            continue
        notes = rng.choice(meetings_demo.NOTES)
        for dimension, text in notes.items():
            b._add(MeetingNote, item_id=iid, dimension=dimension, text=text)
        for code in (
            "vptz",
            "mantelzorg",
            "geestelijk_verzorger",
            "specialist_pz",
            "team_aanspreekpunt",
        ):
            b._add(MeetingChecklist, item_id=iid, code=code, answer=rng.choice(("ja", "nee", "ja")))
        b._audit(
            day,
            AuditAction.MEETING_DISCUSSION,
            patient_id=life.pid,
            entity="meeting_agenda_item",
            entity_id=iid,
        )
        did = b._add(
            MeetingDecision,
            meeting_id=mid,
            item_id=iid,
            patient_id=life.pid,
            text=rng.choice(meetings_demo.DECISIONS),
            created_at=b._at(day, 13),
            created_by=b.login,
        )
        b._audit(
            day,
            AuditAction.MEETING_DECISION,
            patient_id=life.pid,
            entity="meeting_decision",
            entity_id=did,
        )
        if rng.random() < 0.5:
            what, _ = rng.choice(meetings_demo.ACTIONS)
            due = day + timedelta(days=14)
            done = day + timedelta(days=rng.randint(1, 20))
            done = done if done < b.today - timedelta(days=2) else None
            aid = b._add(
                MeetingAction,
                patient_id=life.pid,
                meeting_id=mid,
                item_id=iid,
                what=what,
                owner_person_id=rng.choice(people),
                due=due,
                done_on=done,
                done_note="Gedaan (fictief)" if done else None,
                created_at=b._at(day, 13),
                created_by=b.login,
            )
            b._audit(
                day,
                AuditAction.MEETING_ACTION_ADDED,
                patient_id=life.pid,
                entity="meeting_action",
                entity_id=aid,
            )
            if done:
                b._audit(
                    done,
                    AuditAction.MEETING_ACTION_DONE,
                    patient_id=life.pid,
                    entity="meeting_action",
                    entity_id=aid,
                )
        life.discussed.append(day)
        b._audit(
            day,
            AuditAction.MEETING_PATIENT_DISCUSSED,
            patient_id=life.pid,
            entity="meeting",
            entity_id=mid,
            detail={"datum": day.isoformat()},
        )
    if rng.random() < 0.3:
        position += 1
        b._add(
            MeetingAgendaItem,
            meeting_id=mid,
            position=position,
            patient_id=None,
            reason=reason_code(AgendaReason.THEME),
            reasons=reason_code(AgendaReason.THEME),
            detail="",
            title="Nabespreking: wat leren we van de laatste overlijdens? (fictief)",
            status=ItemStatus.BESPROKEN.value,
            seconds_spent=600,
            discussed_at=b._at(day, 13),
            created_at=b._at(day - timedelta(days=7)),
        )
    b._audit(day, AuditAction.MEETING_STARTED, entity="meeting", entity_id=mid)
    for p in people:
        b._add(
            MeetingAttendance,
            meeting_id=mid,
            person_id=p,
            role=b.discipline[p],
            function="voorzitter" if p == chair else "notulist" if p == scribe else "deelnemer",
            present=rng.random() < 0.85,
        )
    b._audit(day, AuditAction.MEETING_ATTENDANCE, entity="meeting", entity_id=mid)
    b._audit(
        day,
        AuditAction.MEETING_CLOSED,
        entity="meeting",
        entity_id=mid,
        detail={"besproken": position, "doorgeschoven": 0, "triade_compleet": True},
    )


# -- denormalised register columns, the search index, the audit chain -----------------------
