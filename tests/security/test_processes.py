"""Key-slot file under concurrency (issue 10 item 5), with real processes on a real file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pzmdo.services import unlock
from pzmdo.store.keys import KeySlotFile
from tests.conftest import ADMIN, PASSWORD
from tests.security.helpers import audit_logins, sqlcipher_opens
from tests.support.cli import run_pzmdo

pytestmark = pytest.mark.file_only  # the key-slot file under concurrent processes


def _pzmdo(db: Path, *args: str, user: str = ADMIN, password: str = PASSWORD, **env: str):
    full = dict(os.environ, PZMDO_DB=str(db), PZMDO_USER=user, PZMDO_PASSWORD=password, **env)
    return subprocess.Popen(
        [sys.executable, "-m", "pzmdo", *args],
        env=full,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )


def _init(db: Path) -> str:
    made = run_pzmdo("init", "--admin", ADMIN, "--practice", "Praktijk (fictief)", db=db)
    assert made.returncode == 0, made.stderr
    return made.stdout.split("Herstelsleutel: ")[1].splitlines()[0]


def test_two_parallel_users_add_both_survive_and_log_in(tmp_path: Path):
    db = tmp_path / "pzmdo.db"
    _init(db)
    procs = [
        _pzmdo(
            db,
            "users",
            "add",
            login,
            "--name",
            f"{login} (fictief)",
            "--role",
            "poh",
            PZMDO_NEW_PASSWORD=f"{login}-wachtwoord",
        )
        for login in ("poh.een", "poh.twee")
    ]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    assert [rc for rc, _ in results] == [0, 0], results
    assert set(KeySlotFile.load(db).users) == {ADMIN, "poh.een", "poh.twee"}
    for login in ("poh.een", "poh.twee"):
        ctx = unlock.unlock_with_password(db, login, f"{login}-wachtwoord")
        assert ctx.user.login == login
        ctx.close()


def test_parallel_failures_are_all_counted_and_a_parallel_unlock_stays_clean(tmp_path: Path):
    db = tmp_path / "pzmdo.db"
    _init(db)
    wrong = [_pzmdo(db, "users", "list", password="verkeerd-wachtwoord") for _ in range(5)]
    right = [_pzmdo(db, "users", "list") for _ in range(2)]
    wrong_out = [(p.wait(timeout=180), p.stderr.read()) for p in wrong]
    right_out = [(p.wait(timeout=180), p.stderr.read()) for p in right]
    assert all(rc == 1 and "klopt niet" in err for rc, err in wrong_out), wrong_out
    assert all(rc == 0 for rc, _ in right_out), right_out
    for _rc, err in wrong_out + right_out:
        assert "beschadigd" not in err and "Traceback" not in err
    ctx = unlock.unlock_with_password(db, ADMIN, PASSWORD)
    # Each failure audited exactly once, whichever unlock took it.
    assert audit_logins(ctx, "unlock_failed") == [ADMIN] * 5
    ctx.close()


def test_cli_deactivate_rotates_and_recover_rebuilds(tmp_path: Path):
    db = tmp_path / "pzmdo.db"
    first_recovery = _init(db)
    added = run_pzmdo(
        "users",
        "add",
        "poh1",
        "--name",
        "P (fictief)",
        "--role",
        "poh",
        db=db,
        extra_env={"PZMDO_NEW_PASSWORD": "poh1-wachtwoord"},
    )
    assert added.returncode == 0, added.stderr
    gone = run_pzmdo("users", "deactivate", "poh1", db=db)
    assert gone.returncode == 0, gone.stderr
    second_recovery = gone.stdout.split("Herstelsleutel: ")[1].splitlines()[0]
    assert not sqlcipher_opens(db, first_recovery)
    assert sqlcipher_opens(db, second_recovery)
    # The key file is lost; the recovery key and a beheerder rebuild it.
    (tmp_path / "pzmdo.db.keys").unlink()
    lost = run_pzmdo("check", db=db)
    assert lost.returncode == 1 and "herstelsleutel" in lost.stderr
    recovered = run_pzmdo(
        "recover",
        db=db,
        password=None,
        extra_env={
            "PZMDO_RECOVERY_KEY": second_recovery,
            "PZMDO_NEW_PASSWORD": "nieuw-beheer-wachtwoord",
        },
    )
    assert recovered.returncode == 0, recovered.stderr
    third_recovery = recovered.stdout.split("Herstelsleutel: ")[1].splitlines()[0]
    assert not sqlcipher_opens(db, second_recovery)
    assert sqlcipher_opens(db, third_recovery)
    assert run_pzmdo("check", db=db, password="nieuw-beheer-wachtwoord").returncode == 0
    # The old recovery key no longer opens it through pzmdo either.
    again = run_pzmdo(
        "recover",
        db=db,
        password=None,
        extra_env={"PZMDO_RECOVERY_KEY": second_recovery, "PZMDO_NEW_PASSWORD": "x-wachtwoord"},
    )
    assert again.returncode == 1 and "Traceback" not in again.stderr


HOLDER = """
import sys, time
from pzmdo.services import unlock
ctx = unlock.unlock_with_password(sys.argv[1], "beheer", "geheim-wachtwoord")
print("open", flush=True)
sys.stdin.readline()
ctx.close()
"""


def test_rotation_refused_while_another_process_has_the_database_open(tmp_path: Path):
    db = tmp_path / "pzmdo.db"
    first = _init(db)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        refused = run_pzmdo("rotate", db=db)
        assert refused.returncode == 1
        assert "andere werkplek" in refused.stderr and "Traceback" not in refused.stderr
        assert sqlcipher_opens(db, first)  # nothing changed
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=60)
    rotated = run_pzmdo("rotate", db=db)
    assert rotated.returncode == 0, rotated.stderr
    assert not sqlcipher_opens(db, first)
