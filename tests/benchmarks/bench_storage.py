"""The encrypted file at region size: SQLCipher beside the same data unencrypted, the
backup beside a file copy, the integrity check beside SQLite's own checks.

The unencrypted twin is made with ``sqlcipher_export`` in the scratch folder (fictional
data; removed with the run) and opened through the same engine set-up minus the key, so
the register query runs the same service code on both files.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import sqlcipher3
from sqlalchemy import create_engine, event
from sqlalchemy.pool import QueuePool

from pzmdo.services import audit_log, backup, register
from pzmdo.services.context import AppContext
from pzmdo.services.register import RegisterQuery
from pzmdo.store import database
from pzmdo.store.database import Database, _connect
from tests.benchmarks.pairs import Bench


def plain_twin(env) -> AppContext:  # noqa: ANN001
    """An unencrypted copy of the working database, opened like the encrypted one."""
    target = env.scratch / "plain.db"
    conn = _connect(env.db, env.ctx.db.data_key)
    try:
        conn.execute(f"ATTACH DATABASE '{target}' AS plain KEY ''")
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()

    def connect():  # noqa: ANN202
        raw = sqlcipher3.connect(str(target), check_same_thread=False)
        raw.isolation_level = None
        return raw

    engine = create_engine("sqlite://", module=sqlcipher3.dbapi2, creator=connect,
                           poolclass=QueuePool, hide_parameters=True)  # fmt: skip
    event.listen(engine, "connect", database._on_connect)
    event.listen(engine, "begin", database._on_begin)
    return AppContext(Database(engine, target, None), env.ctx.user)


def durable_copy(source: Path, target: Path) -> None:
    """A plain copy that is on disk when it returns, as a backup must be."""
    shutil.copyfile(source, target)
    with open(target, "rb") as fh:
        os.fsync(fh.fileno())


def app_check(ctx: AppContext) -> None:
    """What ``pzmdo check`` verifies: SQLite's integrity check, references, audit chain."""
    assert ctx.db.integrity_check() == []
    assert audit_log.check_chain(ctx).intact


def pragma(db: Path, key: bytes, statement: str) -> None:
    conn = _connect(db, key)
    try:
        rows = conn.execute(statement).fetchall()
    finally:
        conn.close()
    assert rows in ([], [("ok",)]) or statement.endswith("(TRUNCATE)"), rows[:3]


def run(env, bench: Bench) -> None:  # noqa: ANN001
    ctx = env.ctx
    plain = plain_twin(env)
    try:
        everyone = RegisterQuery(status=None)
        bench.pair(f"sqlcipher: register id list, all {env.patients} sorted by name",
                   lambda: register.register_ids(ctx, everyone),
                   "same on the unencrypted copy", lambda: register.register_ids(plain, everyone),
                   ratio=1.3, cpu=True)  # fmt: skip
        ids = register.register_ids(ctx, everyone)
        block = ids[len(ids) // 2 : len(ids) // 2 + 200]
        bench.pair("sqlcipher: register rows, a block of 200",
                   lambda: register.register_rows(ctx, block),
                   "same on the unencrypted copy", lambda: register.register_rows(plain, block),
                   ratio=1.3, cpu=True)  # fmt: skip
        from tests.benchmarks import bench_kpi

        bench_kpi.run_pair(env, bench, plain)
    finally:
        plain.close()
    pragma(env.db, ctx.db.data_key, "PRAGMA wal_checkpoint(TRUNCATE)")  # the file is whole
    size = env.db.stat().st_size // 1_000_000
    out, copy = env.scratch / "backup.db", env.scratch / "copy.db"
    bench.pair(f"backup (encrypted, {size} MB, checked, manifest)",
               lambda: backup.backup(ctx, out), "copy of the file (+ fsync)",
               lambda: durable_copy(env.db, copy), ratio=3.0, warmup=False)  # fmt: skip
    for leftover in (out, copy):
        leftover.unlink(missing_ok=True)
    key = ctx.db.data_key
    bench.pair("integrity check (pzmdo check: SQLite, references, audit chain)",
               lambda: app_check(ctx), "PRAGMA quick_check",
               lambda: pragma(env.db, key, "PRAGMA quick_check"), warmup=False,
               runs=min(bench.runs, 3))  # 15-60 s a pair: 3 pairs, a third of the run  # fmt: skip
