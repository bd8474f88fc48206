"""Fictional demo data for the care area: teams, naasten, conversations, care plans.

Called by ``pzmdo demo`` after the patients exist (see services/demo.py). Everything is
fictional; names carry "(fictief)". Written in one transaction per call, for speed.
"""

from __future__ import annotations

import dataclasses
import json
import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pzmdo.domain import careplan as cp
from pzmdo.domain.audit import AuditAction
from pzmdo.domain.careteam import TeamRole
from pzmdo.services.context import AppContext
from pzmdo.services.guard import demo_context
from pzmdo.store.models import Patient, Person
from pzmdo.store.models.careplan import CarePlanVersion
from pzmdo.store.models.careteam import (
    CarerBurdenCheck,
    Naaste,
    PzpConversation,
    TeamMembership,
    VptzEvent,
)

MAX_PATIENTS = 400  # the demo register can be huge (benchmarks); care data for a sample

EXTRA_PERSONS = [
    ("K. de Boer, VPTZ-coördinator (fictief)", "vptz_coordinator", False),
    ("Dr. P. Hendriks, specialist ouderengeneeskunde (fictief)", "specialist_ouderengeneeskunde", True),
    ("T. Kok, maatschappelijk werker (fictief)", "maatschappelijk_werker", False),
]  # fmt: skip

NAASTEN = [
    ("Anna", "dochter"),
    ("Kees", "partner"),
    ("Mieke", "echtgenote"),
    ("Joost", "zoon"),
    ("Fenna", "zus"),
    ("Sjoerd", "broer"),
    ("Ineke", "buur"),
]
WISHES = [
    "Wil zo lang mogelijk thuis blijven, met de hond in de buurt.",
    "Vindt het belangrijk dat de kleinkinderen op bezoek kunnen blijven komen.",
    "Wil helder blijven; liever wat meer pijn dan suf zijn.",
    "Gelovig; wil de dominee erbij als het slechter gaat.",
]
SCENARIOS = [
    ("Toenemende benauwdheid", "Morfine volgens plan; bel de huisartsenpost, niet 112", "Naaste"),
    ("Koorts boven 38,5 °C", "Geen opname; overleg met de eigen huisarts", "Wijkverpleging"),
    ("Onrust of verwardheid 's nachts", "Midazolam volgens afspraak; bel de HAP", "Naaste"),
    ("Valt en kan niet opstaan", "Bel de wijkverpleging; geen SEH-bezoek", "Mantelzorger"),
]
DIMENSIONS = {
    "fysiek": ("Pijn en vermoeidheid", "Comfortabel de dag doorkomen", "Pijnmedicatie evalueren"),
    "psychisch": ("Angst voor benauwdheid", "Minder angst", "Gesprek met POH elke week"),
    "sociaal": ("Partner raakt uitgeput", "Mantelzorg ontlasten", "VPTZ en respijtzorg aanbieden"),
    "zingeving": ("Vragen over afscheid", "Rust vinden", "Geestelijk verzorger betrekken"),
}


def _persons(s: Session) -> dict[str, list[int]]:
    existing = {p.name: p for p in s.scalars(select(Person))}
    for name, discipline, big in EXTRA_PERSONS:
        if name not in existing:
            person = Person(
                name=name,
                discipline=discipline,
                big_registered=big,
                organisation="Zorgnetwerk Voorbeeld (fictief)",
                phone="0592-000001",
                phone_out_of_hours="0900-0000001",
            )
            s.add(person)
            s.flush()
            existing[name] = person
    by_discipline: dict[str, list[int]] = {}
    for p in existing.values():
        if p.active and "(fictief)" in p.name:
            by_discipline.setdefault(p.discipline, []).append(p.id)
    big_ids = [
        p.id for p in existing.values() if p.active and p.big_registered and "(fictief)" in p.name
    ]
    by_discipline["_big"] = sorted(big_ids)
    return by_discipline


def _limit(rng: random.Random, discussed: date) -> cp.TreatmentLimit:
    decision = rng.choice(["ja", "nee", "nee", "onbekend", "ja_beperkt"])
    restriction = "Alleen bij goed te behandelen oorzaak" if decision == "ja_beperkt" else ""
    return cp.TreatmentLimit(decision, restriction, "", discussed)


def _content(
    rng: random.Random, naaste: tuple[str, str], family: str, day: date
) -> cp.CarePlanContent:
    goal = rng.choice([o.code for o in cp.GOAL])
    dims: dict[str, Any] = {
        key: cp.DimensionPlan(*values, who=rng.choice(["POH", "Huisarts", "Wijkverpleging"]))
        for key, values in DIMENSIONS.items()
        if rng.random() < 0.8
    }
    scenarios = tuple(cp.Scenario(*sc) for sc in rng.sample(SCENARIOS, rng.randint(1, 3)))
    given, relation = naaste
    return cp.validate(
        cp.CarePlanContent(
            filled_at=day.isoformat(),
            conducted_by_function="huisarts",
            capable="ja",
            representative_is_first_contact="nee",
            first_contact=cp.Contact(
                name=cp.PersonName(given, "", f"{family} (fictief)"),
                phones=(cp.Phone("06-00000000", "mobiel", None, ""),),
                relation=relation if relation in {o.code for o in cp.RELATION} else "anders",
                relation_other="" if relation in {o.code for o in cp.RELATION} else relation,
            ),
            present_patient=True,
            present_relations=(relation,) if relation in {o.code for o in cp.RELATION} else (),
            goal=goal,
            reanimatie=cp.TreatmentLimit(rng.choice(["nee", "nee", "ja", "onbekend"]), "", "", day),
            beademing=_limit(rng, day),
            ic_opname=_limit(rng, day),
            ziekenhuisopname=_limit(rng, day),
            antibiotica=_limit(rng, day),
            bloedproducten=_limit(rng, day) if rng.random() < 0.6 else cp.TreatmentLimit(),
            icd=rng.choice(["nee", "nee", "nog_onbekend"]),
            wishes=rng.choice(WISHES),
            place_of_death=rng.choice([o.code for o in cp.PLACE_OF_DEATH]),
            euthanasia=rng.choice([o.code for o in cp.EUTHANASIA]),
            organ_donation=rng.choice(["ja", "nee", "nog_onbekend", None]),
            informed_responsibility="ja",
            share_consent="akkoord",
            scenarios=scenarios,
            acute=cp.AcuteAgreements(
                True,
                "Zorgplan ligt thuis in de map; geen ziekenhuisopname gewenst.",
                "Niet reanimeren; bel eerst de huisartsenpost.",
            ),
            **dims,
        )
    )


def add_demo(ctx: AppContext, seed: int) -> int:
    """Care data for fictional patients that have none yet; returns how many got some."""
    ctx = demo_context(ctx)
    rng = random.Random(seed * 7919 + 4)
    today = date.today()
    with ctx.unit() as s:
        persons = _persons(s)
        has_team = select(TeamMembership.patient_id)
        patients = list(
            s.scalars(
                select(Patient)
                .where(Patient.is_fictional.is_(True), Patient.id.not_in(has_team))
                .order_by(Patient.id)
                .limit(MAX_PATIENTS)
            )
        )
        gps = persons.get("huisarts", []) or persons["_big"]
        if not gps:
            return 0
        done = 0
        for patient in patients:
            if rng.random() < 0.2:  # some patients without a care team: the register flags them
                continue
            done += 1
            start = today - timedelta(days=rng.randint(20, 200))
            gp = _demo_team(ctx, s, rng, patient, persons, gps, start)
            naaste, given, relation = _demo_naaste(ctx, s, rng, patient, start)
            if rng.random() < 0.7:
                held = start + timedelta(days=rng.randint(0, 14))
                _demo_conversation(ctx, s, rng, patient.id, gp, naaste.id, held)
                if rng.random() < 0.85:
                    content = _content(rng, (given, relation), patient.family_name, held)
                    _demo_plan(ctx, s, rng, patient.id, content, held)
        ctx.audit(s, AuditAction.DEMO_CARE, detail={"patienten": done, "seed": seed})
    ctx.changes.publish("careteam")
    ctx.changes.publish("careplan")
    ctx.changes.publish("patient")
    return done


def _demo_team(
    ctx: AppContext,
    s: Session,
    rng: random.Random,
    patient: Patient,
    persons: dict[str, list[int]],
    gps: list[int],
    start: date,
) -> int:
    """The care team: the GP as centrale zorgverlener, a POH, a nurse, up to two others;
    returns the GP."""
    others = [
        pid
        for key in ("specialist_pz", "geestelijk_verzorger", "apotheker", "maatschappelijk_werker")
        for pid in persons.get(key, [])
    ]
    gp = patient.gp_person_id if patient.gp_person_id in gps else rng.choice(gps)
    members = [(gp, TeamRole.CENTRALE_ZORGVERLENER, "Eigen huisarts")]
    if pohs := persons.get("poh", []):
        members.append((rng.choice(pohs), TeamRole.EERSTE_AANSPREEKPUNT, "POH is aanspreekpunt"))
    if nurses := persons.get("wijkverpleegkundige", []):
        members.append((rng.choice(nurses), TeamRole.TEAMLID, "Wijkverpleging thuis"))
    for extra in rng.sample(others, min(len(others), rng.randint(0, 2))):
        members.append((extra, TeamRole.TEAMLID, "Betrokken bij de zorg"))
    for person_id, role, reason in members:
        s.add(
            TeamMembership(
                patient_id=patient.id,
                person_id=person_id,
                role=role.value,
                start_on=start,
                start_reason=reason,
                created_by=ctx.user.id,
            )
        )
    patient.central_caregiver_id = gp
    return gp


def _demo_naaste(
    ctx: AppContext, s: Session, rng: random.Random, patient: Patient, start: date
) -> tuple[Naaste, str, str]:
    """The first contact (a mantelzorger), sometimes a burden check and VPTZ; returns the
    naaste with the given name and relation drawn for it."""
    given, relation = rng.choice(NAASTEN)
    naaste = Naaste(
        patient_id=patient.id,
        name=f"{given} {patient.family_name} (fictief)",
        relation=relation,
        phone="06-00000000",
        is_mantelzorger=True,
        is_first_contact=True,
    )
    s.add(naaste)
    s.flush()
    if rng.random() < 0.5:
        outcome = rng.choice(["laag", "verhoogd", "overbelast"])
        s.add(
            CarerBurdenCheck(
                naaste_id=naaste.id,
                checked_on=start + timedelta(days=7),
                instrument="vrije_vraag",
                score=rng.choice(["nog maanden", "nog een paar weken", "bijna niet meer"]),
                outcome=outcome,
                action="Respijtzorg en VPTZ aangeboden" if outcome != "laag" else None,
                created_by=ctx.user.id,
            )
        )
    if rng.random() < 0.3:
        s.add(
            VptzEvent(patient_id=patient.id, status="besproken", event_on=start + timedelta(days=3))
        )
        s.add(
            VptzEvent(
                patient_id=patient.id,
                status=rng.choice(["aangeboden", "aangevraagd", "afgewezen"]),
                event_on=start + timedelta(days=10),
                organisation="VPTZ Regio Voorbeeld (fictief)",
            )
        )
    return naaste, given, relation


def _demo_conversation(
    ctx: AppContext,
    s: Session,
    rng: random.Random,
    patient_id: int,
    gp: int,
    naaste_id: int,
    held: date,
) -> None:
    s.add(
        PzpConversation(
            patient_id=patient_id,
            held_on=held,
            conducted_by_id=gp,
            setting=rng.choice(["huisartsenpraktijk", "thuis"]),
            present_patient=True,
            present_naasten=json.dumps([naaste_id]),
            topics=json.dumps(["waarden", "wensen", "behandelgrenzen"]),
            summary="Eerste gesprek over wat belangrijk is en over behandelgrenzen (fictief).",
            created_by=ctx.user.id,
        )
    )


def _demo_plan(
    ctx: AppContext,
    s: Session,
    rng: random.Random,
    patient_id: int,
    content: cp.CarePlanContent,
    held: date,
) -> None:
    """The care plan from the conversation; sometimes a second version after an MDO."""
    versions = [content]
    if rng.random() < 0.4:
        versions.append(
            dataclasses.replace(
                content, antibiotica=cp.TreatmentLimit("nee", "", "Na MDO aangepast", held)
            )
        )
    for number, version in enumerate(versions, 1):
        if number > 1 and version == versions[number - 2]:
            continue
        s.add(
            CarePlanVersion(
                patient_id=patient_id,
                version=number,
                content=json.dumps(cp.to_data(version), ensure_ascii=False, sort_keys=True),
                effective_on=held + timedelta(days=number - 1),
                created_at=datetime.now(UTC),
                author_user_id=ctx.user.id,
                author_name="Demo (fictief)",
                source="demo",
                note="Fictief demozorgplan",
            )
        )
