"""Autogenerate an Alembic migration for model changes.

    .venv/bin/python tools/new_migration.py 0002 "register and marking"

Builds a throw-away encrypted database at the current head, compares it with the models
and writes db/versions/<rev>_<slug>.py. Read and tidy the result before committing.
"""

import sys
import tempfile
from pathlib import Path

from alembic import command

from pzmdo.store import migrate
from pzmdo.store.database import Database
from pzmdo.store.keys import new_data_key


def main() -> None:
    rev, message = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open_file(Path(tmp) / "gen.db", new_data_key(), create=True)
        if migrate.head_revision_or_none() is not None:
            migrate.upgrade(db)
        cfg = migrate._config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.revision(cfg, message=message, autogenerate=True, rev_id=rev)
        db.close()


if __name__ == "__main__":
    main()
