"""Autogenerate an Alembic migration for one feature area's model changes.

    .venv/bin/python tools/new_migration.py 0002 "register and marking" \
        --branch register --only signal,marking,status_event

Builds a throw-away encrypted database at the current heads, compares it with the
models and writes db/versions/<rev>_<slug>.py. ``--only`` limits the comparison to the
named tables, so areas developed side by side do not pick up each other's tables.
New areas branch off 0001 (``--parent``); read and tidy the result before committing.
"""

import argparse
import tempfile
from pathlib import Path

from alembic import command

from pzmdo.store import migrate
from pzmdo.store.database import Database
from pzmdo.store.keys import new_data_key


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("rev")
    parser.add_argument("message")
    parser.add_argument("--only", default="", help="comma-separated table names")
    parser.add_argument(
        "--parent", default=None, help="down_revision (default: 0001 for a new branch)"
    )
    parser.add_argument("--branch", default=None, help="branch label of a new area")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open_file(Path(tmp) / "gen.db", new_data_key(), create=True)
        if migrate.head_revisions():
            migrate.upgrade(db)
        cfg = migrate.config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            if args.only:
                cfg.attributes["only_tables"] = set(args.only.split(","))
            command.revision(
                cfg,
                message=args.message,
                autogenerate=True,
                rev_id=args.rev,
                head=args.parent or ("0001" if migrate.head_revisions() else "base"),
                splice=True,
                branch_label=args.branch,
            )
        db.close()


if __name__ == "__main__":
    main()
