"""Schema creation and upgrades through Alembic (scripts in ``db/``, installed as package data).

Feature areas have their own migration branches off ``0001``; the schema is current
when the database stands at every head.
"""

from __future__ import annotations

from typing import Any

from pzmdo._data import migrations_dir
from pzmdo.store.database import Database


def config() -> Any:
    from alembic.config import Config  # imported lazily: start-up time

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revisions() -> tuple[str, ...]:
    from alembic.script import ScriptDirectory

    return tuple(sorted(ScriptDirectory.from_config(config()).get_heads()))


def unknown_revisions(revisions: tuple[str, ...]) -> tuple[str, ...]:
    """Revisions this program does not have: the database was written by a newer pzmdo."""
    from alembic.script import ScriptDirectory

    known = {rev.revision for rev in ScriptDirectory.from_config(config()).walk_revisions()}
    return tuple(r for r in revisions if r not in known)


def current_revisions(db: Database) -> tuple[str, ...]:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return tuple(sorted(MigrationContext.configure(conn).get_current_heads()))


def describe(revisions: tuple[str, ...]) -> str:
    return "+".join(revisions) if revisions else "leeg"


def needs_upgrade(db: Database) -> bool:
    return current_revisions(db) != head_revisions()


def upgrade(db: Database, target: str = "heads") -> None:
    from alembic import command

    cfg = config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
