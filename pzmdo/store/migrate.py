"""Schema creation and upgrades through Alembic (scripts in ``db/``, installed as package data).

Feature areas have their own migration branches off ``0001``; the schema is current
when the database stands at every head.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select

from pzmdo import __version__
from pzmdo._data import migrations_dir
from pzmdo.store import audit_chain
from pzmdo.store.database import READ_ONLY, Database
from pzmdo.store.models import Setting

# The setting that names the pzmdo version (and schema) that created or last upgraded the file.
WRITTEN_BY = "written_by"


def config() -> Any:
    from alembic.config import Config  # imported lazily: start-up time

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revisions() -> tuple[str, ...]:
    """The revisions a current database records: every branch head, except heads that
    another head depends on (Alembic records a dependency as passed, like an ancestor)."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(config())
    heads = set(script.get_heads())
    passed: set[str] = set()
    todo = list(heads)
    while todo:
        rev = script.get_revision(todo.pop())
        for below in rev._all_down_revisions if rev is not None else ():
            if below not in passed:
                passed.add(below)
                todo.append(below)
    return tuple(sorted(heads - passed))


def unknown_revisions(revisions: tuple[str, ...]) -> tuple[str, ...]:
    """Revisions this program does not have: the database was written by a newer pzmdo."""
    from alembic.script import ScriptDirectory

    known = {rev.revision for rev in ScriptDirectory.from_config(config()).walk_revisions()}
    return tuple(r for r in revisions if r not in known)


def current_revisions(db: Database) -> tuple[str, ...]:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect().execution_options(**{READ_ONLY: True}) as conn:
        return tuple(sorted(MigrationContext.configure(conn).get_current_heads()))


def describe(revisions: tuple[str, ...]) -> str:
    return "+".join(revisions) if revisions else "leeg"


def needs_upgrade(db: Database) -> bool:
    return current_revisions(db) != head_revisions()


def upgrade(db: Database, target: str = "heads") -> None:
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    cfg = config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
        if conn.dialect.name == "postgresql" and target == "heads":
            # A server's audit events are stamped by the server (audit_chain.append sends
            # only the content): the trigger belongs to a current schema.
            audit_chain.install_server_trigger(conn)
        # In the migration's transaction: the stamp and the schema change go together.
        record_writer(conn, tuple(sorted(MigrationContext.configure(conn).get_current_heads())))


@dataclass(frozen=True)
class Writer:
    version: str  # pzmdo version
    schema: str  # describe() of the revisions it left
    at: str  # ISO time (UTC)

    def describe(self) -> str:
        return f"pzmdo {self.version} (schema {self.schema}, {self.at[:16].replace('T', ' ')} UTC)"


def record_writer(conn: Connection, revisions: tuple[str, ...]) -> None:
    """Stamp the database: this pzmdo version wrote it at these revisions (on creation, on
    every upgrade, and when a newer program first opens it without a schema change)."""
    value = {
        "version": __version__,
        "schema": describe(revisions),
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    conn.execute(delete(Setting).where(Setting.key == WRITTEN_BY))
    conn.execute(insert(Setting).values(key=WRITTEN_BY, value=json.dumps(value)))


def written_by(db: Database) -> Writer | None:
    """Who last wrote the database; None for a file from before pzmdo recorded it."""
    with db.engine.connect().execution_options(**{READ_ONLY: True}) as conn:
        raw = conn.execute(select(Setting.value).where(Setting.key == WRITTEN_BY)).scalar()
    if raw is None:
        return None
    data = json.loads(raw)
    return Writer(str(data["version"]), str(data["schema"]), str(data["at"]))
