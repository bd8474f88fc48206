"""Helpers for the register tests (issue 3): a GP user and fictional patients."""

from __future__ import annotations

from datetime import date

from pzmdo.domain.enums import Role
from pzmdo.services.context import AppContext, CurrentUser
from pzmdo.services.register import PatientInput, create_patient
from pzmdo.services.users import add_user
from tests.conftest import PASSWORD


def gp_context(ctx: AppContext, login: str = "dokter") -> AppContext:
    """The same database, now used by a huisarts (a second real user with a key slot)."""
    info = add_user(
        ctx,
        login=login,
        name="Dr. H. Huisman (fictief)",
        role=Role.HUISARTS,
        password=PASSWORD,
        big_registered=True,
    )
    user = CurrentUser(info.id, info.login, info.name, info.role, info.person_id)
    return AppContext(ctx.db, user, ctx.keyslots, ctx.changes)


def patient(
    given: str = "Ella",
    family: str = "Berg (fictief)",
    birth: date = date(1940, 5, 17),
    **kwargs: object,
) -> PatientInput:
    return PatientInput(given_name=given, family_name=family, birth_date=birth, **kwargs)  # type: ignore[arg-type]


def add_patient(ctx: AppContext, **kwargs: object) -> int:
    return create_patient(ctx, patient(**kwargs))  # type: ignore[arg-type]
