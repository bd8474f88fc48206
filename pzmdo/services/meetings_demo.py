"""Fictional meeting data: team settings, a closed meeting four weeks ago, a planned one.

Run by ``pzmdo demo`` after the other areas' demo data (see services/demo.py). Everything
goes through the meetings service, so the audit trail shows it like real use.
"""

from __future__ import annotations

import random
from datetime import date, time, timedelta

from sqlalchemy import select

from pzmdo.domain.enums import Discipline
from pzmdo.domain.meetings import DEFAULT_REVIEW_INTERVAL_WEEKS, TeamKind, default_cadence_weeks
from pzmdo.services import meetings as m
from pzmdo.services.context import AppContext
from pzmdo.services.demo import ensure_demo_team
from pzmdo.services.guard import demo_context
from pzmdo.store.models import Patient, Person
from pzmdo.store.models.meetings import Meeting

NOTES = [
    {
        "fysiek": "Pijn beter onder controle met fentanylpleister; wel obstipatie. (fictief)",
        "psychisch": "Somber in de ochtend, wil er met de huisarts over praten. (fictief)",
        "sociaal": "Dochter komt dagelijks; partner is moe. (fictief)",
        "zingeving": "Wil thuis sterven; heeft afscheid genomen van de kerkgemeenschap. (fictief)",
    },
    {
        "fysiek": "Toenemend benauwd bij inspanning; zuurstof thuis besproken. (fictief)",
        "sociaal": "Woont alleen; buurvrouw doet boodschappen. (fictief)",
        "zingeving": "Vraagt zich af wat nog zin heeft. (fictief)",
    },
    {
        "fysiek": "Eet slecht, gewicht 4 kg afgenomen in twee maanden. (fictief)",
        "psychisch": "Angstig voor benauwdheid in de nacht. (fictief)",
        "sociaal": "Mantelzorger (zoon) werkt fulltime, overbelasting dreigt. (fictief)",
    },
]
DECISIONS = [
    "Huisarts blijft centrale zorgverlener; wijkverpleging is eerste aanspreekpunt. (fictief)",
    "Proactief zorgplan bijwerken na gesprek over behandelgrenzen. (fictief)",
    "Specialist palliatieve zorg consulteren over de benauwdheid. (fictief)",
]
ACTIONS = [
    ("Gesprek met mantelzorger over belasting plannen (fictief)", Discipline.WIJKVERPLEEGKUNDIGE),
    ("VPTZ-inzet bespreken met patiënt en naasten (fictief)", Discipline.POH),
    ("Medicatie bij benauwdheid voorschrijven en thuis klaarleggen (fictief)", Discipline.HUISARTS),
]


def add_demo(ctx: AppContext, seed: int = 1) -> None:
    """Add the demo meetings once (nothing happens when meetings exist already)."""
    ctx = demo_context(ctx)
    with ctx.read() as s:
        if s.scalar(select(Meeting.id).limit(1)) is not None:
            return
    rng = random.Random(seed)
    team_ids = ensure_demo_team(ctx)
    with ctx.read() as s:
        people = {p.id: p for p in s.scalars(select(Person).where(Person.id.in_(team_ids)))}
    by_discipline: dict[str, int] = {}
    for pid in team_ids:
        by_discipline.setdefault(people[pid].discipline, pid)
    m.save_team(
        ctx,
        name="Kernteam Gezondheidscentrum Voorbeeld (fictief)",
        kind="kernteam",
        cadence_weeks=default_cadence_weeks(TeamKind.KERNTEAM),
        review_interval_weeks=DEFAULT_REVIEW_INTERVAL_WEEKS,
        minutes_per_patient=8,
        default_place="Vergaderruimte gezondheidscentrum (fictief)",
        default_time=time(12, 30),
        members=[(pid, people[pid].discipline != Discipline.APOTHEKER.value) for pid in team_ids],
    )
    today = date.today()
    chair = by_discipline.get(Discipline.HUISARTS.value)
    scribe = by_discipline.get(Discipline.POH.value)
    _past_meeting(
        ctx, rng, today - timedelta(weeks=4), team_ids, people, by_discipline, chair, scribe
    )
    m.plan_meeting(
        ctx,
        today + timedelta(weeks=1),
        chair_person_id=chair,
        scribe_person_id=scribe,
        theme="Scholing: signaleren met de surprise question (fictief)",
    )
    with ctx.read() as s:
        candidates = list(
            s.scalars(
                select(Patient.id)
                .where(Patient.is_fictional.is_(True), Patient.last_discussed_on.is_(None))
                .order_by(Patient.id.desc())
                .limit(1)
            )
        )
    for pid in candidates:
        m.nominate(ctx, pid, "Zorgen van de wijkverpleging over de thuissituatie (fictief)")


def _past_meeting(
    ctx: AppContext,
    rng: random.Random,
    day: date,
    team_ids: list[int],
    people: dict[int, Person],
    by_discipline: dict[str, int],
    chair: int | None,
    scribe: int | None,
) -> None:
    """A closed meeting four weeks ago: five patients and the theme discussed, decisions,
    actions (the first one done since)."""
    past = m.plan_meeting(
        ctx,
        day,
        chair_person_id=chair,
        scribe_person_id=scribe,
        theme="Nabespreking: wat leren we van de laatste overlijdens? (fictief)",
        today=day,
    )
    proposal = m.propose_agenda(ctx, past.id, today=day)
    patients = [i for i in proposal if i.patient_id is not None][:5]
    themes = [i for i in proposal if i.patient_id is None and i.reason == "theme"]
    m.accept_items(ctx, [i.id for i in patients + themes])
    m.start_meeting(ctx, past.id)
    m.set_attendance(
        ctx,
        past.id,
        [
            (
                pid,
                people[pid].discipline,
                "voorzitter" if pid == chair else "notulist" if pid == scribe else "deelnemer",
                people[pid].discipline != Discipline.GEESTELIJK_VERZORGER.value,
            )
            for pid in team_ids
            if people[pid].discipline != Discipline.APOTHEKER.value
        ],
    )
    for n, item in enumerate(patients[:3]):
        _discuss(ctx, rng, n, item, past.id, day, by_discipline)
    for item in themes:
        m.save_discussion(
            ctx,
            item.id,
            notes={"zingeving": "Ervaringen gedeeld; afspraak: nabespreking vast agendapunt."},
            discussed=True,
        )
    m.close_meeting(ctx, past.id)
    # The first action was done in time; the others stay open for the next agenda.
    first_action = m.meeting_record(ctx, past.id).actions[0]
    m.complete_action(
        ctx, first_action.id, "Gesprek gevoerd (fictief)", today=day + timedelta(days=5)
    )


def _discuss(
    ctx: AppContext,
    rng: random.Random,
    n: int,
    item: m.AgendaItemInfo,
    meeting_id: int,
    day: date,
    by_discipline: dict[str, int],
) -> None:
    """The n-th patient's discussion: notes, checklist, a decision and an action."""
    m.save_discussion(
        ctx,
        item.id,
        notes=NOTES[n],
        checklist={
            "vptz": "ja",
            "mantelzorg": "ja",
            "geestelijk_verzorger": rng.choice(["ja", "nee"]),
            "specialist_pz": "ja" if n == 2 else "nee",
            "team_aanspreekpunt": "ja",
        },
        seconds_spent=rng.randint(240, 720),
    )
    m.add_decision(ctx, item.id, DECISIONS[n])
    what, discipline = ACTIONS[n]
    m._add_action(
        ctx,
        item.patient_id,
        what,
        by_discipline.get(discipline.value),
        day + timedelta(days=7 * (n + 1)),
        meeting_id,
        day,
    )
