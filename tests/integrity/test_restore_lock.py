"""Issue 10, observation 3: nothing replaces the database file under an open session.

A real second process holds the database open in a read transaction (the "other
workstation"); ``pzmdo restore`` and the GUI's restore refuse, name it and change nothing;
after it exits the restore works. The holder never has a deleted WAL file open.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pzmdo.domain.errors import DatabaseError
from pzmdo.services import backup, register, unlock
from pzmdo.services.demo import add_demo_patients
from tests.conftest import ADMIN, PASSWORD
from tests.support.cli import run_pzmdo

ROOT = Path(__file__).resolve().parents[2]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _holder(db: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.support.workers", "hold", str(db), ADMIN, "-"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert json.loads(proc.stdout.readline()) == {"ready": True}
    return proc


def _deleted_files(pid: int) -> list[str]:
    fd_dir = Path(f"/proc/{pid}/fd")
    targets = []
    for fd in fd_dir.iterdir():
        try:
            targets.append(os.readlink(fd))
        except OSError:
            continue
    return [t for t in targets if t.endswith("(deleted)")]


def _count(ctx) -> int:
    return len(register.list_patients(ctx))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc (Linux)")
def test_restore_refused_while_another_process_holds_the_database(ctx, db_path, tmp_path):
    add_demo_patients(ctx, 6, seed=5)
    saved = backup.backup(ctx, tmp_path / "kopie.db")
    add_demo_patients(ctx, 4, seed=6)
    assert _count(ctx) == 10
    ctx.close()

    holder = _holder(db_path)
    try:
        before = _digest(db_path)
        # The command line.
        result = run_pzmdo("restore", str(saved), db=db_path)
        assert result.returncode == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in result.stderr
        assert "Terugzetten kan nu niet" in lines[0]
        assert f"proces {holder.pid}" in lines[0] and "pzmdo" in lines[0]
        assert _digest(db_path) == before

        # The GUI's restore (same service the admin page runs): refused, session intact.
        own = unlock.unlock_with_password(db_path, ADMIN, PASSWORD)
        with pytest.raises(DatabaseError) as err:
            backup.restore_in_place(own, saved)
        assert f"proces {holder.pid}" in str(err.value) and "niets gewijzigd" in str(err.value)
        assert _count(own) == 10
        own.close()
        assert _deleted_files(holder.pid) == []
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
    assert holder.returncode == 0

    result = run_pzmdo("restore", str(saved), db=db_path)
    assert result.returncode == 0, result.stderr
    again = unlock.unlock_with_password(db_path, ADMIN, PASSWORD)
    try:
        assert _count(again) == 6
    finally:
        again.close()


def test_restore_in_place_works_when_alone_and_session_sees_the_backup(ctx, db_path, tmp_path):
    add_demo_patients(ctx, 3, seed=8)
    saved = backup.backup(ctx, tmp_path / "kopie.db")
    add_demo_patients(ctx, 2, seed=9)
    restored = backup.restore_in_place(ctx, saved)
    try:
        assert _count(restored) == 3
    finally:
        restored.close()


def test_a_new_session_waits_for_a_restore_and_names_it(ctx, db_path):
    from pzmdo.store.filelock import FileLock

    ctx.close()
    with FileLock(db_path) as lock:
        lock.acquire_exclusive("Terugzetten")
        result = run_pzmdo("check", db=db_path, extra_env={})
    assert result.returncode == 1
    assert "wordt op dit moment vervangen" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_backup_is_checked_read_only_and_restores_from_read_only_media(ctx, db_path, tmp_path):
    add_demo_patients(ctx, 4, seed=3)
    media = tmp_path / "usb"
    saved = backup.backup(ctx, media / "kopie.db")
    ctx.close()
    before = {p.name: _digest(p) for p in media.iterdir()}
    os.chmod(saved, 0o444)
    os.chmod(media, 0o555)
    try:
        assert backup.verify_backup(saved, unlock_key(db_path)) == []
        assert {p.name: _digest(p) for p in media.iterdir()} == before
        backup.restore(db_path, saved, unlock_key(db_path))
    finally:
        os.chmod(media, 0o755)
    assert sorted(p.name for p in media.iterdir()) == sorted(before)


def unlock_key(db_path: Path) -> bytes:
    return backup.key_for_restore(db_path, db_path, ADMIN, PASSWORD)


def test_gui_restore_refuses_names_the_holder_and_keeps_working(
    qtbot, ctx, db_path, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    from pzmdo.gui.admin_page import AdminPage
    from pzmdo.gui.context import GuiContext

    add_demo_patients(ctx, 5, seed=12)
    saved = backup.backup(ctx, tmp_path / "kopie.db")
    add_demo_patients(ctx, 2, seed=13)
    holder = _holder(db_path)
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    )
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _parent, _title, text: shown.append(text))
    )
    try:
        gctx = GuiContext(ctx)
        page = AdminPage(gctx)
        qtbot.addWidget(page)
        before = _digest(db_path)
        page.settings._restore_chosen(str(saved))
        qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
        assert "Terugzetten kan nu niet" in shown[0] and f"proces {holder.pid}" in shown[0]
        assert _digest(db_path) == before
        assert _count(gctx.app) == 7  # the session carries on
        assert _deleted_files(holder.pid) == []
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
    gctx.runner.wait()
