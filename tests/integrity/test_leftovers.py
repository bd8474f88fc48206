"""Issue 10, observation 5: temporary files of a killed backup or restore are removed at
the next start; a backup still being written (its temporary file held) is left alone."""

from __future__ import annotations

from pzmdo.services import unlock
from pzmdo.store.filelock import hold_temp
from pzmdo.store.paths import backup_dir
from tests.conftest import ADMIN, PASSWORD


def test_leftovers_of_a_killed_run_are_removed_at_the_next_start(ctx, db_path):
    ctx.close()
    folder = backup_dir(db_path)
    folder.mkdir(exist_ok=True)
    killed = [
        db_path.with_name(db_path.name + ".restore.tmp"),
        folder / "auto-20261130.db.tmp",
        folder / "auto-20261130.db.tmp-journal",
    ]
    for path in killed:
        path.write_bytes(b"half a backup (fictief)")
    running = folder / "kopie.db.tmp"
    held = hold_temp(running)  # another process is writing this backup right now
    try:
        again = unlock.unlock_with_password(db_path, ADMIN, PASSWORD)
        again.close()
        assert [p for p in killed if p.exists()] == []
        assert running.exists()
    finally:
        held.close()
