"""The region on a PostgreSQL 15 server beside the encrypted file, in the same run.

A private cluster (tests/support/postgres.py, on this machine: no network, ``fsync=off``
like the test cluster) gets the region through ``pzmdo migrate --to``'s own copy
(``server_migrate.copy_to_server``, ~2 minutes for 2.2 million rows); the loaded database
is kept as a ``pg_dump`` beside the cached region file (same key: generator, size, seed,
schema), so later runs restore it in ~10 s; then ``pzmdo server init`` (roles, grants,
policies, the audit trigger) as after a real move. The service calls run as the bench beheerder
(who sees every practice) over the cluster's socket as its owner, so the server's row
policies are not in these numbers. Ratio = server / file.
"""

from __future__ import annotations

import os
import subprocess
from datetime import date

from pzmdo.services import kpi, meetings, register, server_migrate
from pzmdo.services.context import AppContext
from pzmdo.services.server_admin import init_server
from pzmdo.store import migrate
from pzmdo.store.database import Database
from tests.benchmarks import region
from tests.benchmarks.bench_meetings import first_kernteam_meeting
from tests.benchmarks.pairs import Bench
from tests.support import postgres


def _tool(pg: postgres.PgCluster, name: str, *args: str) -> None:
    where = ["-h", str(pg.folder), "-p", str(pg.port), "-U", postgres.SUPERUSER]
    subprocess.run([str(postgres.PG_BIN / name), *where, *args], check=True, capture_output=True)


def load(env, pg: postgres.PgCluster, url: str) -> str:  # noqa: ANN001
    """Fill the cluster's ``pzmdo`` database with the cached region; say how."""
    built = region.cached_region(env.patients)
    dump = built.path.parent / "server.dump"
    if dump.exists():
        _tool(pg, "pg_restore", "-j", "2", "-d", "pzmdo", str(dump))
        return "restored from the cached dump"
    target = Database.open_url(url)
    try:
        migrate.upgrade(target)  # what `pzmdo server init` does first
    finally:
        target.close()
    source = Database.open_file(built.path, env.ctx.db.data_key, read_only=True)
    try:
        result = server_migrate.copy_to_server(source, url, by=env.ctx.user)
    finally:
        source.close()
    partial = dump.with_name(f".server.dump.{os.getpid()}")
    _tool(pg, "pg_dump", "-Fc", "-Z", "1", "-f", str(partial), "pzmdo")
    partial.chmod(0o600)
    partial.replace(dump)
    return f"copied by migrate --to in {result.seconds:.0f} s, dump cached"


def run(env, bench: Bench) -> None:  # noqa: ANN001
    if not postgres.available():
        print("    (server: PostgreSQL 15 is not installed; group skipped)", flush=True)
        return
    ctx = env.ctx
    with postgres.cluster() as pg:
        url = pg.url("pzmdo")
        print(f"    (server: {load(env, pg, url)})", flush=True)
        owner = Database.open_url(url)
        try:  # `pzmdo server init` after the move: roles, grants, policies, audit trigger
            init_server(owner)
        finally:
            owner.close()
        # Planner statistics and the visibility map, as autovacuum makes them some minutes
        # after a bulk load (neither the copy nor pg_restore does).
        pg.execute("VACUUM ANALYZE")
        server = AppContext(Database.open_url(url), ctx.user)
        try:
            _pairs(env, bench, server)
        finally:
            server.close()


def _pairs(env, bench: Bench, server: AppContext) -> None:  # noqa: ANN001
    ctx = env.ctx
    for text in ("de vr", "jan"):
        found = [h.id for h in register.search_patients(server, text)]
        assert found == [h.id for h in register.search_patients(ctx, text)], text
        bench.pair(f"server: search keystroke {text!r} (top 20)",
                   lambda text=text: register.search_patients(server, text),
                   "same on the encrypted file", lambda text=text: register.search_patients(ctx, text),
                   target=0.05)  # fmt: skip
    meeting_id = first_kernteam_meeting(ctx)
    bench.pair("server: agenda proposal for one kernteam",
               lambda: meetings.propose_agenda(server, meeting_id),
               "same on the encrypted file", lambda: meetings.propose_agenda(ctx, meeting_id),
               target=0.2)  # fmt: skip
    year = date.today().year - 1
    start, end = date(year, 1, 1), date(year, 12, 31)
    if kpi.compute(server, start, end).measures != kpi.compute(ctx, start, end).measures:
        print("    (server: the KPI figures differ from the file's)", flush=True)
    bench.pair(f"server: KPI figures for {year}, all practices",
               lambda: kpi.compute(server, start, end),
               "same on the encrypted file", lambda: kpi.compute(ctx, start, end),
               target=0.5)  # fmt: skip
