"""Issue 2 acceptance through the real command line."""

from __future__ import annotations

import re
import sqlite3
import subprocess
from pathlib import Path

import sqlcipher3

from tests.conftest import ADMIN, PASSWORD
from tests.support.cli import run_pzmdo

RECOVERY_LINE = re.compile(r"^Herstelsleutel: ((?:[0-9A-F]{4} ){15}[0-9A-F]{4})$", re.M)


def _init(db: Path) -> str:
    result = run_pzmdo(
        "init", "--admin", ADMIN, "--practice", "Praktijk Zonnebloem (fictief)", db=db
    )
    assert result.returncode == 0, result.stderr
    match = RECOVERY_LINE.search(result.stdout)
    assert match, result.stdout
    return match.group(1)


def _strings(path: Path, min_len: int = 4) -> str:
    data = path.read_bytes()
    return "\n".join(m.decode("ascii") for m in re.findall(rb"[\x20-\x7e]{%d,}" % min_len, data))


def test_database_has_no_plaintext_and_opens_with_recovery_key(tmp_path: Path):
    db = tmp_path / "pzmdo.db"
    recovery = _init(db)
    demo = run_pzmdo("demo", "--patients", "25", "--seed", "3", db=db)
    assert demo.returncode == 0, demo.stderr
    listing = run_pzmdo("audit", "--json", db=db)
    assert listing.returncode == 0

    # Fold the WAL back so the main file holds everything, then look at every file.
    check = run_pzmdo("check", db=db)
    assert check.returncode == 0, check.stderr
    for path in [db, *tmp_path.glob("pzmdo.db-*")]:
        text = _strings(path)
        for needle in (
            "patient",
            "audit_event",
            "CREATE TABLE",
            "FICTIEF",
            "fictief",
            "Zonnebloem",
            "SQLite format",
        ):
            assert needle not in text, f"{needle!r} readable in {path.name}"

    # Plain SQLite sees noise.
    plain = sqlite3.connect(db)
    try:
        try:
            plain.execute("SELECT name FROM sqlite_master").fetchall()
            readable = True
        except sqlite3.DatabaseError:
            readable = False
    finally:
        plain.close()
    assert not readable

    # The recovery key alone, as a raw SQLCipher 4 key with default settings, opens it.
    raw_hex = recovery.replace(" ", "")
    conn = sqlcipher3.connect(str(db))
    conn.execute(f"PRAGMA key = \"x'{raw_hex}'\"")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    count = conn.execute("SELECT count(*) FROM patient").fetchone()[0]
    conn.close()
    assert {"patient", "audit_event", "app_user", "person"} <= tables
    assert count == 25


def test_wrong_password_exit_1_dutch_and_file_unchanged(tmp_path: Path):
    db = tmp_path / "pzmdo.db"
    _init(db)
    assert run_pzmdo("check", db=db).returncode == 0
    before = {
        p.name: p.read_bytes()
        for p in tmp_path.glob("pzmdo.db*")
        if p.is_file() and not p.name.endswith((".keys", ".lock"))
    }
    result = run_pzmdo("check", db=db, password="verkeerd-wachtwoord")
    assert result.returncode == 1
    assert result.stderr.startswith("pzmdo: Gebruikersnaam of wachtwoord klopt niet.")
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    after = {
        p.name: p.read_bytes()
        for p in tmp_path.glob("pzmdo.db*")
        if p.is_file() and not p.name.endswith((".keys", ".lock"))
    }
    assert after == before


def test_usage_error_exit_2_and_unknown_db_exit_1(tmp_path: Path):
    assert run_pzmdo("bestaat-niet", db=tmp_path / "x.db").returncode == 2
    missing = run_pzmdo("check", db=tmp_path / "x.db")
    assert missing.returncode == 1
    assert "pzmdo init" in missing.stderr


def test_users_add_list_and_password_from_env(tmp_path: Path):
    db = tmp_path / "pzmdo.db"
    _init(db)
    added = run_pzmdo(
        "users",
        "add",
        "dr.jansen",
        "--name",
        "Dr. A. Jansen (fictief)",
        "--role",
        "huisarts",
        "--big",
        db=db,
        extra_env={"PZMDO_NEW_PASSWORD": "huisarts-geheim"},
    )
    assert added.returncode == 0, added.stderr
    listed = run_pzmdo(
        "users", "list", "--json", db=db, user="dr.jansen", password="huisarts-geheim"
    )
    assert listed.returncode == 0, listed.stderr
    assert '"role": "huisarts"' in listed.stdout and '"login": "beheer"' in listed.stdout
    # A huisarts may not add users.
    refused = run_pzmdo(
        "users",
        "add",
        "x.y",
        "--name",
        "X",
        "--role",
        "poh",
        db=db,
        user="dr.jansen",
        password="huisarts-geheim",
        extra_env={"PZMDO_NEW_PASSWORD": "nog-een-geheim"},
    )
    assert refused.returncode == 1 and "beheerder" in refused.stderr


def test_no_password_and_no_terminal_is_a_clear_error(tmp_path: Path):
    db = tmp_path / "pzmdo.db"
    _init(db)
    result = run_pzmdo("check", db=db, password=None)
    assert result.returncode == 1
    assert "PZMDO_PASSWORD" in result.stderr


def test_gui_without_display_says_so_in_dutch(tmp_path: Path):
    result = subprocess.run(
        [str(Path(__import__("sys").executable)), "-m", "pzmdo", "--db", str(tmp_path / "p.db")],
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1
    assert "geen beeldscherm" in result.stderr
    assert "Traceback" not in result.stderr
    assert PASSWORD not in result.stderr


def test_corrupt_database_gets_a_dutch_message_and_restore_works(tmp_path: Path):
    db = tmp_path / "pzmdo.db"
    _init(db)
    assert run_pzmdo("demo", "--patients", "5", db=db).returncode == 0
    assert run_pzmdo("backup", "--out", str(tmp_path / "kopie.db"), db=db).returncode == 0
    assert run_pzmdo("check", db=db).returncode == 0  # folds the WAL into the file
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"pzmdo.db{suffix}").unlink(missing_ok=True)
    data = bytearray(db.read_bytes())
    data[0:4096] = bytes(4096)  # the first page (and its key check) destroyed
    db.write_bytes(bytes(data))
    broken = run_pzmdo("check", db=db)
    assert broken.returncode == 1
    assert "beschadigd" in broken.stderr and "back-up" in broken.stderr
    assert "Traceback" not in broken.stderr
    restored = run_pzmdo("restore", str(tmp_path / "kopie.db"), db=db)
    assert restored.returncode == 0, restored.stderr
    assert run_pzmdo("check", db=db).returncode == 0
