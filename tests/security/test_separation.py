"""Finding 4 as an attacker with a normal account would try it, and separation of duties."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pzmdo.domain.enums import Role
from pzmdo.domain.errors import PermissionDenied
from pzmdo.services import audit_log, backup, careteam, directory, register, settings, users
from pzmdo.services.context import AppContext, CurrentUser
from tests.conftest import ADMIN, PASSWORD
from tests.support.cli import run_pzmdo

OTHER = "overig1"
OTHER_PASSWORD = "overig-wachtwoord-1"


def _as(ctx: AppContext, login: str, role: Role) -> AppContext:
    info = users.add_user(
        ctx, login=login, name=f"{login} (fictief)", role=role, password=OTHER_PASSWORD
    )
    user = CurrentUser(info.id, info.login, info.name, info.roles, info.person_id)
    return AppContext(ctx.db, user, ctx.keyslots, ctx.changes)


def _denied(call) -> str:  # noqa: ANN001
    with pytest.raises(PermissionDenied) as err:
        call()
    return str(err.value)


def test_overig_can_no_longer_take_over(ctx: AppContext, tmp_path: Path):
    pid = register.create_patient(
        ctx, register.PatientInput("Doel", "Wit (fictief)", birth_date=date(1940, 1, 1))
    )
    # A server's backups are its beheerder's: the refusal comes first either way.
    made = backup.backup(ctx, tmp_path / "eerder.db") if ctx.db.is_sqlite else tmp_path / "x.db"
    other = _as(ctx, OTHER, Role.OVERIG)
    messages = [
        _denied(lambda: backup.restore_in_place(other, made)),
        _denied(lambda: audit_log.list_audit(other)),
        _denied(lambda: backup.backup(other, tmp_path / "mijn.db")),
        _denied(lambda: settings.set_setting(other, settings.IDLE_LOCK_MINUTES, 100_000)),
        _denied(lambda: users.set_roles(other, OTHER, [Role.HUISARTS])),
        _denied(
            lambda: directory.update_person(
                other,
                other.user.person_id,
                directory.PersonInput(
                    "x", "huisarts", big_registered=True, big_number="12345678901"
                ),
            )
        ),
        _denied(
            lambda: register.mark_patient(
                other, register.MarkingInput(surprise_answer="nee", patient_id=pid)
            )
        ),
        _denied(lambda: careteam.set_central_caregiver(other, pid, other.user.person_id, "zelf")),
    ]
    assert all(m.startswith("U mag") for m in messages), messages
    assert settings.get_setting(ctx, settings.IDLE_LOCK_MINUTES) == 10
    denials = [e for e in audit_log.list_audit(ctx) if e.action == "permission_denied"]
    assert len(denials) == len(messages) and {e.user for e in denials} == {OTHER}


def test_nobody_changes_their_own_roles_or_big_flag(ctx: AppContext):
    # The fixture user is beheerder and huisarts: still not over their own roles or BIG flag.
    message = _denied(lambda: users.set_roles(ctx, ADMIN, [Role.BEHEERDER, Role.SPECIALIST_PZ]))
    assert "eigen rollen" in message
    own = directory.get_person(ctx, ctx.user.person_id)
    message = _denied(
        lambda: directory.update_person(
            ctx, own.id, directory.PersonInput(own.name, "huisarts", big_registered=False)
        )
    )
    assert "eigen BIG-registratie" in message
    # Another beheerder may.
    second = _as(ctx, "beheer2", Role.BEHEERDER)
    info = users.set_roles(second, ADMIN, [Role.BEHEERDER, Role.SPECIALIST_PZ])
    assert set(info.roles) == {"beheerder", "specialist_pz"}
    users.set_roles(second, ADMIN, [Role.BEHEERDER, Role.HUISARTS])


@pytest.mark.file_only  # the CLI opens the file (--server has tests/server)
def test_cli_commands_as_overig_are_refused_in_dutch(ctx: AppContext, db_path: Path, tmp_path):
    made = backup.backup(ctx, tmp_path / "eerder.db")
    _as(ctx, OTHER, Role.OVERIG)
    ctx.close()
    as_other = {"db": db_path, "user": OTHER, "password": OTHER_PASSWORD}
    for args in (
        ("restore", str(made)),
        ("audit",),
        ("backup", "--out", str(tmp_path / "mijn.db")),
        ("users", "roles", OTHER, "huisarts"),
        ("users", "list"),
        ("patient", "list"),
    ):
        result = run_pzmdo(*args, **as_other)
        if args == ("patient", "list"):
            assert result.returncode == 0, result.stderr  # overig may see the register
            continue
        assert result.returncode == 1, (args, result.stdout)
        assert result.stderr.startswith("pzmdo: U ") and "Traceback" not in result.stderr, args
    # The beheerder's own CLI still works, and shows the refusals by name.
    shown = run_pzmdo("audit", "--action", "permission_denied", db=db_path)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.count(f"{OTHER} (fictief)") >= 4
    assert (
        run_pzmdo("audit", "--by", OTHER, db=db_path, user=ADMIN, password=PASSWORD).returncode == 0
    )
