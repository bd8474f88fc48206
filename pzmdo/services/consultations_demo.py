"""Fictional consultation teams and consultations for the demo database.

Phone numbers are deliberately not dialable (a Dutch subscriber number never starts with 0).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.enums import Discipline
from pzmdo.services import consultations as svc
from pzmdo.services.context import AppContext
from pzmdo.services.guard import demo_context
from pzmdo.store.models import Patient, Person

TEAMS: list[dict[str, Any]] = [
    {
        "name": "STOP Zuidwest-Drenthe (fictief)",
        "team_type": "stop",
        "subregion": "Zuidwest-Drenthe",
        "phone_office": "0592-000101",
        "phone_anw": "0592-000199",
        "members": [
            ("Dr. E. Hoekstra, specialist PZ (fictief)", Discipline.SPECIALIST_PZ),
            (
                "I. Kuipers, verpleegkundig specialist PZ (fictief)",
                Discipline.VERPLEEGKUNDIG_SPECIALIST,
            ),
        ],
    },
    {
        "name": "PACT Ziekenhuis Voorbeeld (fictief)",
        "team_type": "pact",
        "subregion": None,
        "phone_office": "088-0000101",
        "phone_anw": "088-0000199",
        "members": [
            ("Dr. T. Dijkstra, internist PZ (fictief)", Discipline.MEDISCH_SPECIALIST),
        ],
    },
]

QUESTIONS = [
    (
        "Doorbraakpijn ondanks fentanylpleister; welke aanpassing? (fictief)",
        "telefonisch",
        "middel",
        ["fysiek"],
    ),
    (
        "Toenemende angst en onrust 's nachts; partner raakt uitgeput. (fictief)",
        "bedside",
        "complex",
        ["psychisch", "sociaal"],
    ),
    (
        "Wens tot stoppen met sondevoeding; ethische afweging. (fictief)",
        "mdo_patz",
        "complex",
        ["ethisch", "zingeving"],
    ),
    (
        "Benauwdheid bij hartfalen; medicatie in de laatste fase. (fictief)",
        "telefonisch",
        "laag",
        ["fysiek"],
    ),
    (
        "Regie tijdelijk overnemen bij complexe thuissituatie. (fictief)",
        "tijdelijke_regie",
        "complex",
        ["sociaal", "communicatie"],
    ),
]

ADVICE = (
    "- Verhoog de dosering in overleg met de apotheek (fictief)\n"
    "- Bespreek de draagkracht van de partner in het volgende MDO (fictief)\n"
    "- Evalueer over een week telefonisch (fictief)"
)


def _ensure_person(ctx: AppContext, name: str, discipline: Discipline) -> int:
    with ctx.unit() as s:
        found = s.scalars(select(Person).where(Person.name == name)).first()
        if found is not None:
            return found.id
        person = Person(
            name=name,
            discipline=discipline.value,
            organisation="Consultatieteam (fictief)",
            phone="0592-000100",
            big_registered=True,
        )
        s.add(person)
        s.flush()
        ctx.audit(s, AuditAction.DEMO_PERSON, entity="person", entity_id=person.id)
        return person.id


def add_demo(ctx: AppContext, seed: int) -> None:
    ctx = demo_context(ctx)
    rng = random.Random(seed * 7919 + 6)
    existing = {t.name: t.id for t in svc.list_teams(ctx, active_only=False)}
    team_ids = []
    for team in TEAMS:
        members = [_ensure_person(ctx, n, d) for n, d in team["members"]]
        team_id = existing.get(team["name"])
        if team_id is None:
            team_id = svc.save_team(
                ctx,
                None,
                name=team["name"],
                team_type=team["team_type"],
                subregion=team["subregion"],
                phone_office=team["phone_office"],
                phone_anw=team["phone_anw"],
                member_ids=members,
            )
        team_ids.append((team_id, members))
    with ctx.read() as s:
        patients = list(
            s.scalars(
                select(Patient.id)
                .where(Patient.is_fictional.is_(True), Patient.status != "overleden")
                .order_by(Patient.id)
            )
        )
    if not patients:
        return
    chosen = rng.sample(patients, min(len(QUESTIONS), len(patients)))
    now = datetime.now(UTC)
    # (days ago requested, how far along): one overdue request, one in progress, one with
    # advice to discuss, one closed and one cancelled.
    plans = [
        (9, "aangevraagd"),
        (1, "in_behandeling"),
        (6, "advies_gegeven"),
        (20, "afgesloten"),
        (4, "geannuleerd"),
    ]
    for pid, (question, mode, complexity, dims), (days, state) in zip(
        chosen, QUESTIONS, plans, strict=False
    ):
        team_id, members = team_ids[rng.randrange(len(team_ids))]
        requested = now - timedelta(days=days, hours=rng.randint(0, 6))
        cid = svc.request_consultation(
            ctx,
            pid,
            team_id=team_id,
            question=question,
            mode=mode,
            complexity=complexity,
            dimensions=dims,
            requested_at=requested,
        )
        if state == "geannuleerd":
            svc.cancel_consultation(
                ctx,
                cid,
                "Vraag vervallen: patiënt opgenomen (fictief)",
                at=requested + timedelta(hours=3),
            )
            continue
        if state == "aangevraagd":
            continue
        svc.start_consultation(
            ctx, cid, at=requested + timedelta(hours=2), consultant_person_id=members[0]
        )
        if state == "in_behandeling":
            continue
        svc.record_advice(
            ctx, cid, ADVICE, at=requested + timedelta(days=1), close=state == "afgesloten"
        )
