"""Make the upgrade-safety fixture: a database at the schema of the first release (0.1.0),
with fictional data in every area, for tests/migrations/test_upgrade.py.

    .venv/bin/python tools/make_upgrade_fixture.py

Creates a database with today's code and demo data, then downgrades every migration branch to
where it stood in release 0.1.0 (branches added later are removed). The result is committed
as tests/fixtures/upgrade/pzmdo-0.1.0.db (+ .keys); regenerate only for a new release line.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"

from alembic import command  # noqa: E402
from alembic.script import ScriptDirectory  # noqa: E402

from pzmdo.services import unlock  # noqa: E402
from pzmdo.services.demo import add_demo_patients  # noqa: E402
from pzmdo.store import migrate  # noqa: E402

# Each branch's head in release 0.1.0; branches not listed did not exist yet.
RELEASE_HEADS = {"register": "0002", "care": "0003", "meetings": "0004", "consultations": "0005"}
LOGIN, PASSWORD = "beheer", "geheim-wachtwoord"
OUT = ROOT / "tests" / "fixtures" / "upgrade"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "pzmdo-0.1.0.db"
        ctx = unlock.init_database(
            db,
            practice_name="Huisartsenpraktijk Oude Versie (fictief)",
            admin_login=LOGIN,
            admin_name="Bea Beheer (fictief)",
            password=PASSWORD,
        ).context
        add_demo_patients(ctx, 12, seed=19)
        cfg = migrate.config()
        script = ScriptDirectory.from_config(cfg)
        kept = {
            rev.revision
            for head in RELEASE_HEADS.values()
            for rev in script.iterate_revisions(head, "base")
        }
        while newer := [h for h in migrate.current_revisions(ctx.db) if h not in kept]:
            with ctx.db.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                (label,) = sorted(script.get_revision(newer[0]).branch_labels)[:1]
                command.downgrade(cfg, f"{label}@-1")  # one step down that branch
        print("schema now:", migrate.describe(migrate.current_revisions(ctx.db)))
        with ctx.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        ctx.close()
        OUT.mkdir(parents=True, exist_ok=True)
        for name in (db.name, db.name + ".keys"):
            shutil.copy2(Path(tmp) / name, OUT / name)
        print("written:", *(p.name for p in sorted(OUT.iterdir())))


if __name__ == "__main__":
    main()
