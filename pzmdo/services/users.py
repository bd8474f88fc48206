"""Users and roles; the care-provider directory entries behind them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select

from pzmdo.domain.enums import Discipline, Role
from pzmdo.domain.errors import NotFoundError, PermissionDenied, ValidationError
from pzmdo.domain.text import clean_line
from pzmdo.services import custody
from pzmdo.services.context import AppContext
from pzmdo.services.unlock import validate_login, validate_new_password
from pzmdo.store.keys import KeySlotFile
from pzmdo.store.models import AppUser, Person

# A user's role maps to the directory discipline of the person created for them.
_DISCIPLINE_FOR_ROLE = {
    Role.HUISARTS: Discipline.HUISARTS,
    Role.POH: Discipline.POH,
    Role.WIJKVERPLEEGKUNDIGE: Discipline.WIJKVERPLEEGKUNDIGE,
    Role.SPECIALIST_PZ: Discipline.SPECIALIST_PZ,
    Role.COORDINATOR: Discipline.COORDINATOR,
    Role.BEHEERDER: Discipline.COORDINATOR,
    Role.OVERIG: Discipline.OVERIG,
}


@dataclass(frozen=True)
class UserInfo:
    id: int
    login: str
    name: str
    role: str
    role_label: str
    active: bool
    person_id: int


def _info(u: AppUser) -> UserInfo:
    return UserInfo(u.id, u.login, u.person.name, u.role, Role(u.role).label, u.active, u.person_id)


def require_admin(ctx: AppContext) -> None:
    if ctx.user.role != Role.BEHEERDER.value:
        raise PermissionDenied("Alleen een beheerder mag gebruikers beheren.")


def parse_role(text: str) -> Role:
    try:
        return Role.from_text(text)  # type: ignore[return-value]
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise ValidationError(f"Onbekende rol '{text}'. Kies uit: {choices}.") from None


def add_user(
    ctx: AppContext,
    *,
    login: str,
    name: str,
    role: Role,
    password: str,
    person_id: int | None = None,
    big_registered: bool = False,
) -> UserInfo:
    """Add a user (and, unless given, their directory entry) and give them a key slot."""
    require_admin(ctx)
    login = validate_login(login)
    validate_new_password(password)
    if ctx.db.path is None or ctx.db.data_key is None:
        raise ValidationError(
            "Gebruikers met een wachtwoord bestaan alleen bij een lokale database."
        )
    # Lock order: .keys file, then the transaction; both commit or neither (custody.py).
    with KeySlotFile.update(ctx.db.path) as slots, ctx.unit() as s:
        if s.scalars(select(AppUser).where(AppUser.login == login)).first():
            raise ValidationError(f"De gebruikersnaam '{login}' bestaat al.")
        if person_id is None:
            if not name.strip():
                raise ValidationError("Vul de naam van de gebruiker in.")
            same = s.scalars(
                select(Person).where(func.lower(Person.name) == name.strip().lower())
            ).first()
            if same is not None:  # one person, one directory entry
                raise ValidationError(
                    f"'{same.name}' staat al in de zorgverlenerslijst. Kies die bij "
                    "'Bestaande zorgverlener', zodat er geen dubbele zorgverlener ontstaat."
                )
            person = Person(
                name=clean_line(name, "de naam van de gebruiker", limit=200),
                discipline=_DISCIPLINE_FOR_ROLE[role].value,
                big_registered=big_registered,
            )
            s.add(person)
            s.flush()
        else:
            person = s.get(Person, person_id)
            if person is None:
                raise NotFoundError(f"Zorgverlener {person_id} bestaat niet.")
        user = AppUser(login=login, person_id=person.id, role=role.value)
        s.add(user)
        s.flush()
        custody.give_new_keys(ctx, s, slots, user, password)
        ctx.audit(s, "user_add", entity="app_user", entity_id=user.id, detail={"rol": role.value})
        info = UserInfo(user.id, login, person.name, role.value, role.label, True, person.id)
    return info


def list_users(ctx: AppContext) -> list[UserInfo]:
    with ctx.read() as s:
        return [_info(u) for u in s.scalars(select(AppUser).order_by(AppUser.login))]


def deactivate_user(
    ctx: AppContext, login: str, progress: custody.Progress | None = None
) -> custody.RotationResult | None:
    """Deactivate, then rotate the data key so the user's old slots (also in backups'
    ``.keys``) no longer open the live database. Returns the new recovery key."""
    require_admin(ctx)
    if login.lower() == ctx.user.login:
        raise ValidationError("U kunt uzelf niet deactiveren.")
    if ctx.db.path is None:
        _deactivate(ctx, login)  # a shared server: access ends with the account
        return None
    with custody.alone(ctx):
        _deactivate(ctx, login)
        with KeySlotFile.update(ctx.db.path) as slots:
            slots.remove(login)
        return custody.rotate_while_alone(ctx, progress, reason="deactivering")


def _deactivate(ctx: AppContext, login: str) -> None:
    with ctx.unit() as s:
        user = s.scalars(select(AppUser).where(AppUser.login == login.lower())).first()
        if user is None:
            raise NotFoundError(f"Gebruiker '{login}' bestaat niet.")
        user.active = False
        user.deactivated_at = datetime.now(UTC)
        ctx.audit(s, "user_deactivate", entity="app_user", entity_id=user.id)


def change_password(ctx: AppContext, new_password: str) -> None:
    """Re-wrap only the current user's slot."""
    validate_new_password(new_password)
    custody.change_own_password(ctx, new_password)


def reset_password(ctx: AppContext, login: str, new_password: str) -> None:
    """A beheerder sets a new password for another user (new keys for them)."""
    require_admin(ctx)
    validate_new_password(new_password)
    custody.reset_password(ctx, login, new_password)
