"""Issue 10, observation 5: errors are classified honestly and never leak.

A busy database names who holds it; one global handler turns any uncaught error (main
thread or another thread) into one Dutch line and logs only type and code location to a
private rotating log.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pzmdo.domain.errors import DatabaseError
from pzmdo.services import errorlog, register
from pzmdo.services.unlock import unlock_with_password
from tests.conftest import ADMIN, PASSWORD
from tests.support.register_helpers import add_patient

ROOT = Path(__file__).resolve().parents[2]


def test_busy_database_names_the_holder_and_saves_nothing(ctx, db_path):
    pid = add_patient(ctx)
    ctx.close()
    holder = subprocess.Popen(
        [sys.executable, "-m", "tests.support.workers", "writehold", str(db_path), ADMIN, "-"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert json.loads(holder.stdout.readline()) == {"ready": True}
        # Unlocking itself writes (the audit of the unlock), so it meets the busy database
        # and gives up after the bounded busy wait.
        with pytest.raises(DatabaseError) as err:
            unlock_with_password(db_path, ADMIN, PASSWORD)
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
    text = str(err.value)
    assert "bezet" in text and f"proces {holder.pid}" in text and "niets opgeslagen" in text
    again = unlock_with_password(db_path, ADMIN, PASSWORD)
    assert register.get_patient(again, pid).id == pid
    again.close()


def test_log_has_type_and_place_never_the_message(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    try:
        raise ValueError("INSERT INTO patient VALUES ('Zoë Hébert (fictief)', '111222333')")
    except ValueError as exc:
        path = errorlog.record(exc)
        line = errorlog.report(exc)
    assert path is not None and path.is_relative_to(tmp_path)
    text = path.read_text(encoding="utf-8")
    assert "builtins.ValueError" in text and "test_errors.py" in text
    assert "Zoë" not in text and "111222333" not in text
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert "niets opgeslagen" in line and "Zoë" not in line


def test_uncaught_errors_in_any_thread_give_one_dutch_line_each(tmp_path):
    script = textwrap.dedent(
        """
        import sys, threading
        from pzmdo.services import errorlog
        errorlog.install(lambda line: print("pzmdo: " + line, file=sys.stderr))
        def work():
            raise KeyError("Zoë Hébert (fictief) 111222333")
        t = threading.Thread(target=work)
        t.start(); t.join()
        raise RecursionError("Zoë Hébert (fictief)")
        """
    )
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 2, done.stderr
    assert all(line.startswith("pzmdo: ") for line in lines)
    assert "te diep genest" in lines[1]
    assert "Traceback" not in done.stderr and "Zoë" not in done.stderr
    log = (tmp_path / "pzmdo" / "logs" / errorlog.LOG_FILE).read_text(encoding="utf-8")
    assert "KeyError" in log and "RecursionError" in log and "Zoë" not in log
