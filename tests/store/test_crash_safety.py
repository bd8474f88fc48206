"""A process killed with SIGKILL mid-stream leaves a sound database with every commit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pzmdo.services import unlock
from pzmdo.store.models import Setting
from tests.conftest import ADMIN, PASSWORD
from tests.support.cli import run_pzmdo

pytestmark = pytest.mark.file_only  # SIGKILL mid-write: the file's crash safety

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from pzmdo.domain.audit import AuditAction
    from pzmdo.services.unlock import unlock_with_password
    from pzmdo.store.models import Setting

    ctx = unlock_with_password(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
    i = 0
    while True:
        i += 1
        with ctx.unit() as s:
            s.add(Setting(key=f"crash-{i}", value="x" * 500))
            ctx.audit(s, AuditAction.SETTING, detail={"i": i})
        print(i, flush=True)  # only after the commit returned
    """
)


def test_sigkill_during_writes_keeps_committed_rows(ctx, db_path: Path):
    ctx.close()
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path), ADMIN, PASSWORD],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    committed = []
    assert proc.stdout is not None
    for line in proc.stdout:
        committed.append(int(line))
        if len(committed) >= 150:
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    check = run_pzmdo("check", db=db_path)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "Integriteit: in orde" in check.stdout

    reopened = unlock.unlock_with_password(db_path, ADMIN, PASSWORD)
    try:
        with reopened.db.session() as s:
            keys = {k for (k,) in s.query(Setting.key).filter(Setting.key.like("crash-%"))}
    finally:
        reopened.close()
    missing = [i for i in committed if f"crash-{i}" not in keys]
    assert not missing, f"committed rows lost: {missing[:10]}"
