"""Fictional demo data (every patient flagged *fictief*)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from pzmdo.domain.enums import Discipline, Sex
from pzmdo.domain.text import search_key
from pzmdo.services.context import AppContext
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
        ctx.audit(s, "demo_team")
    return ids


def add_demo_patients(ctx: AppContext, count: int = 40, seed: int = 1) -> DemoResult:
    """Add ``count`` fictional patients in one transaction."""
    from faker import Faker

    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    team = ensure_demo_team(ctx)
    gps = team[:2]
    today = date.today()
    with ctx.unit() as s:
        practice_id = s.scalars(select(Practice.id)).first()
        start = s.query(Patient).count()
        for i in range(count):
            sex = rng.choice([Sex.MAN, Sex.VROUW])
            given = fake.first_name_male() if sex is Sex.MAN else fake.first_name_female()
            family = fake.last_name()
            prefix = None
            if " " in family and family.split(" ")[0].islower():
                prefix, family = family.rsplit(" ", 1)[0], family.rsplit(" ", 1)[1]
            birth = today - timedelta(days=rng.randint(55 * 365, 98 * 365))
            s.add(
                Patient(
                    practice_id=practice_id,
                    given_name=given,
                    name_prefix=prefix,
                    family_name=family,
                    search_name=search_key(given, prefix, family),
                    birth_date=birth,
                    sex=sex.value,
                    his_number=f"FICTIEF-{seed:03d}-{start + i + 1:06d}",
                    gp_person_id=rng.choice(gps),
                    is_fictional=True,
                    notes="Fictieve demopatiënt",
                )
            )
        ctx.audit(s, "demo", detail={"patienten": count, "seed": seed})
    ctx.changes.publish("patient")
    run_area_demos(ctx, seed)
    return DemoResult(len(team), count)


# Each feature area may add its own fictional data through ``add_demo(ctx, seed)``,
# run in this order (later areas build on earlier ones).
AREA_DEMOS = [
    "pzmdo.services.register_demo",
    "pzmdo.services.care_demo",
    "pzmdo.services.consultations_demo",
    "pzmdo.services.meetings_demo",
]


def run_area_demos(ctx: AppContext, seed: int) -> None:
    import importlib

    for name in AREA_DEMOS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.add_demo(ctx, seed)
