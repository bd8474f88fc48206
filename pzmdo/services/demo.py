"""Fictional demo data (every patient flagged *fictief*)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, cast

from sqlalchemy import Table, select

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.enums import Discipline, Sex
from pzmdo.domain.text import search_key
from pzmdo.services.context import AppContext
from pzmdo.services.guard import demo_context
from pzmdo.store.models import Patient, Person, Practice

DEMO_TEAM = [
    ("Dr. A. Jansen (fictief)", Discipline.HUISARTS, True),
    ("Dr. M. de Vries (fictief)", Discipline.HUISARTS, True),
    ("S. Bakker, POH (fictief)", Discipline.POH, False),
    ("L. Visser, wijkverpleegkundige (fictief)", Discipline.WIJKVERPLEEGKUNDIGE, True),
    ("Dr. R. Smit, specialist PZ (fictief)", Discipline.SPECIALIST_PZ, True),
    ("J. Mulder, geestelijk verzorger (fictief)", Discipline.GEESTELIJK_VERZORGER, False),
    ("Apotheek De Linde (fictief)", Discipline.APOTHEKER, True),
]


@dataclass(frozen=True)
class DemoResult:
    persons: int
    patients: int


def ensure_demo_team(ctx: AppContext) -> list[int]:
    """The fictional care providers (added once)."""
    ctx = demo_context(ctx)
    with ctx.unit() as s:
        existing = {p.name: p.id for p in s.scalars(select(Person))}
        ids = []
        for name, discipline, big in DEMO_TEAM:
            if name in existing:
                ids.append(existing[name])
                continue
            person = Person(
                name=name,
                discipline=discipline.value,
                big_registered=big,
                organisation="Gezondheidscentrum Voorbeeld (fictief)",
                phone="0592-000000",
                phone_out_of_hours="0900-0000000",
            )
            s.add(person)
            s.flush()
            ids.append(person.id)
        ctx.audit(s, AuditAction.DEMO_TEAM)
    return ids


def _name_pools(seed: int) -> tuple[list[str], list[str], list[str]]:
    """Fictional Dutch names drawn once from Faker (nl_NL); rows sample from these pools,
    which keeps ``pzmdo demo --patients 100000`` fast."""
    from faker import Faker

    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    male = sorted({fake.first_name_male() for _ in range(400)})
    female = sorted({fake.first_name_female() for _ in range(400)})
    family = sorted({fake.last_name() for _ in range(1500)})
    return male, female, family


def _split_prefix(family: str) -> tuple[str | None, str]:
    parts = family.split(" ")
    if len(parts) > 1 and parts[0].islower():
        words = [p for p in parts if p.islower()]
        return " ".join(words), " ".join(p for p in parts if not p.islower())
    return None, family


BATCH = 5_000


def add_demo_patients(
    ctx: AppContext,
    count: int = 40,
    seed: int = 1,
    areas: tuple[str, ...] | None = None,
    *,
    region: bool = False,
) -> DemoResult:
    """Add ``count`` fictional patients in one transaction (bulk inserts), then each feature
    area's demo data (``areas``: a subset of ALL_AREAS; default all). With ``region`` the
    register becomes a region first (practices, kernteams, a PaTz group; practices_demo)
    and the patients are spread over its practices."""
    ctx = demo_context(ctx)
    from sqlalchemy import func, insert

    spread: tuple[int, ...] = ()
    if region:
        from pzmdo.services.practices_demo import ensure_region  # it builds on this module

        spread = ensure_region(ctx).practice_ids
    rng = random.Random(seed)
    male, female, families = _name_pools(seed)
    team = ensure_demo_team(ctx)
    gps = team[:2]
    today = date.today()
    with ctx.unit() as s:
        practice_id = s.scalars(select(Practice.id)).first()
        start = s.scalar(select(func.count()).select_from(Patient)) or 0
        last_id = s.scalar(select(func.max(Patient.id))) or 0
        rows: list[dict[str, Any]] = []
        for i in range(count):
            sex = rng.choice([Sex.MAN, Sex.VROUW])
            given = rng.choice(male if sex is Sex.MAN else female)
            prefix, family = _split_prefix(rng.choice(families))
            rows.append(
                {
                    "practice_id": spread[i % len(spread)] if spread else practice_id,
                    "given_name": given,
                    "name_prefix": prefix,
                    "family_name": family,
                    "search_name": search_key(given, prefix, family),
                    "birth_date": today - timedelta(days=rng.randint(55 * 365, 98 * 365)),
                    "sex": sex.value,
                    "his_number": f"FICTIEF-{seed:03d}-{start + i + 1:06d}",
                    "gp_person_id": rng.choice(gps),
                    "is_fictional": True,
                    "notes": "Fictieve demopatiënt",
                    "status_since": today,
                }
            )
            if len(rows) >= BATCH:
                s.connection().execute(insert(cast(Table, Patient.__table__)), rows)
                rows = []
        if rows:
            s.connection().execute(insert(cast(Table, Patient.__table__)), rows)
        from pzmdo.services.register import index_new_patients

        index_new_patients(s, last_id)
        ctx.audit(s, AuditAction.DEMO, detail={"patienten": count, "seed": seed})
    ctx.changes.publish("patient")
    run_area_demos(ctx, seed, ALL_AREAS if areas is None else areas)
    return DemoResult(len(team), count)


ALL_AREAS = ("register", "care", "consultations", "meetings")


def run_area_demos(ctx: AppContext, seed: int, areas: tuple[str, ...] = ALL_AREAS) -> None:
    """Each feature area adds its own fictional data; later areas build on earlier ones."""
    ctx = demo_context(ctx)
    from pzmdo.services import care_demo, consultations_demo, meetings_demo, register_demo

    modules = {
        "register": register_demo,
        "care": care_demo,
        "consultations": consultations_demo,
        "meetings": meetings_demo,
    }
    for name in ALL_AREAS:
        if name in areas:
            modules[name].add_demo(ctx, seed)
