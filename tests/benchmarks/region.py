"""A region-size benchmark database: 100,000 fictional patients in 50 practices.

``cached_region()`` builds it once and keeps it in ``~/.cache/pzmdo-bench/`` (0700 folder,
0600 files; ``PZMDO_BENCH_CACHE`` moves it), keyed by ``GENERATOR_VERSION``, the size, the
seed and the schema (the migration heads): a benchmark run copies the cached file instead of spending minutes building.
Raise ``GENERATOR_VERSION`` whenever the generated data changes shape.

The rows are what the services write (same columns, same denormalised register fields,
the same audit events with an intact hash chain), but they are written with bulk inserts
in one transaction: 100,000 service calls would take hours. tests/integrity/
test_region_builder.py checks a small build with the integrity check and the services.

Shape (per 100,000 patients): 50 practices of 2,000; every patient is in the register
(signalled); about 20 % are marked now (gemarkeerd or stervensfase), about 22 % died over
the last five years, 8 % were deregistered. 25 kernteams (two practices each) and PaTz
groups meet every 4 / 8 weeks for five years; each has one meeting planned next week.
Care teams, naasten, PZP conversations, care plans with versions and consultations for
the marked patients. Everything is fictional and says so.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tests.benchmarks.region_builder import PATIENTS_PER_PRACTICE, Builder

GENERATOR_VERSION = 3
LOGIN, PASSWORD = "bench", "bench-wachtwoord"
GP_LOGIN = "huisarts1"  # attached to the first practice only
MAX_AGE_DAYS = 7  # "today"-relative data (the planned meetings) goes stale after a week


def cache_dir() -> Path:
    return Path(os.environ.get("PZMDO_BENCH_CACHE", "~/.cache/pzmdo-bench")).expanduser()


@dataclass(frozen=True)
class Region:
    path: Path  # the database; its key slots lie beside it (``<path>.keys``)
    patients: int
    practices: int
    built_on: date
    build_seconds: float


def cached_region(patients: int = 100_000, seed: int = 1, *, rebuild: bool = False) -> Region:
    """The cached region database, built when missing, stale or of an older generator."""
    from pzmdo.store import migrate

    # A new migration on main changes the schema the services expect: build again.
    schema = "+".join(sorted(migrate.head_revisions()))
    folder = cache_dir() / f"region-v{GENERATOR_VERSION}-{patients}-s{seed}-{schema}"
    meta_file = folder / "region.json"
    if not rebuild and meta_file.exists():
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        built_on = date.fromisoformat(meta["built_on"])
        if (date.today() - built_on).days <= MAX_AGE_DAYS:
            return Region(
                folder / "region.db", patients, meta["practices"], built_on, meta["build_seconds"]
            )
    from pzmdo.store.files import private_dir

    private_dir(cache_dir())
    staging = cache_dir() / f".building-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    private_dir(staging)
    try:
        region = build(staging / "region.db", patients, seed)
        meta = {
            "generator": GENERATOR_VERSION,
            "patients": patients,
            "seed": seed,
            "practices": region.practices,
            "built_on": region.built_on.isoformat(),
            "build_seconds": region.build_seconds,
        }
        fd = os.open(staging / "region.json", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(meta, fh)
        for old in cache_dir().glob(f"region-v*-{patients}-s{seed}*"):  # 0.7 GB each
            shutil.rmtree(old, ignore_errors=True)
        os.replace(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return Region(
        folder / "region.db", patients, region.practices, region.built_on, region.build_seconds
    )


def open_copy(region: Region, target: Path) -> Path:
    """Copy the cached database (and its key slots) to ``target`` for one run to change."""
    from pzmdo.store.files import copy_private
    from pzmdo.store.paths import keyslot_path

    copy_private(region.path, target)
    copy_private(keyslot_path(region.path), keyslot_path(target))
    return target


def build(
    path: Path,
    patients: int,
    seed: int = 1,
    *,
    practices: int | None = None,
    today: date | None = None,
) -> Region:
    """Create ``path`` (a new encrypted database) with a fictional region of ``patients``
    in ``practices`` practices (default: one per 2,000 patients)."""
    from pzmdo.domain.permissions import Role
    from pzmdo.services import unlock

    started = time.perf_counter()
    result = unlock.init_database(
        path,
        practice_name="Huisartsenpraktijk Veenstad 1 (fictief)",
        admin_login=LOGIN,
        admin_name="Bench Beheerder (fictief)",
        password=PASSWORD,
        also_roles=(Role.HUISARTS,),
    )
    ctx = result.context
    try:
        count = practices or max(1, round(patients / PATIENTS_PER_PRACTICE))
        builder = Builder(ctx, random.Random(seed), patients, count, seed, today or date.today())
        builder.run()
        from pzmdo.services import users

        # A GP of the first practice, for searches within one practice's scope.
        users.add_user(
            ctx,
            login=GP_LOGIN,
            name="Huisarts Praktijk 1 (fictief)",
            role=Role.HUISARTS,
            password=PASSWORD,
            person_id=builder.gps[builder.practices[0]][0],
        )
        from pzmdo.services import attachments

        attachments.attach_user(ctx, GP_LOGIN, practice_ids=[builder.practices[0]])
    finally:
        ctx.close()
    return Region(
        path, patients, builder.practice_count, builder.today, time.perf_counter() - started
    )
