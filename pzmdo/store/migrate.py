"""Schema creation and upgrades through Alembic (scripts in the repository's ``db/``)."""

from __future__ import annotations

from pathlib import Path

from pzmdo.store.database import Database


def migrations_dir() -> Path:
    here = Path(__file__).resolve()
    for candidate in (here.parents[2] / "db", here.parents[1] / "db"):
        if (candidate / "env.py").exists():
            return candidate
    raise RuntimeError("Alembic scripts (db/) not found next to the pzmdo package")


def _config():  # noqa: ANN202 - alembic imported lazily (start-up time)
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision_or_none() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def head_revision() -> str:
    head = head_revision_or_none()
    assert head is not None, "no migrations"
    return head


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(db: Database) -> bool:
    return current_revision(db) != head_revision()


def upgrade(db: Database, target: str = "head") -> None:
    from alembic import command

    cfg = _config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
