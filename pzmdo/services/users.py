"""Users and roles; the care-provider directory entries behind them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.enums import Discipline, Role
from pzmdo.domain.errors import NotFoundError, ValidationError
from pzmdo.domain.permissions import Action, roles_text
from pzmdo.domain.text import clean_line
from pzmdo.services import custody
from pzmdo.services.attachments import attach_new_user
from pzmdo.services.context import AppContext
from pzmdo.services.guard import deny, require
from pzmdo.services.lookup import load_person
from pzmdo.services.unlock import validate_login, validate_new_password
from pzmdo.store import server_schema
from pzmdo.store.keys import KeySlotFile
from pzmdo.store.models import AppUser, AppUserRole, Person

NOT_SET_UP = (
    "Deze server is nog niet ingericht voor eigen logins. De beheerder van de server moet "
    "eerst 'pzmdo server init' uitvoeren; er is niets gewijzigd."
)

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
    role: str  # the first of ``roles`` in the enum's order
    role_label: str  # every role, as Dutch labels ("Huisarts, Beheerder")
    active: bool
    person_id: int
    roles: tuple[str, ...] = ()


def _info(u: AppUser) -> UserInfo:
    ordered = tuple(r.value for r in Role if r.value in u.roles)
    primary = ordered[0] if ordered else Role.OVERIG.value
    return UserInfo(
        u.id, u.login, u.person.name, primary, roles_text(ordered), u.active, u.person_id, ordered
    )


def parse_role(text: str) -> Role:
    try:
        return Role.from_text(text)
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
    also_roles: Iterable[Role] = (),
) -> UserInfo:
    """Add a user (and, unless given, their directory entry) and give them a key slot."""
    require(ctx, Action.USERS)
    if big_registered and person_id is None:
        require(ctx, Action.DIRECTORY)
    login = validate_login(login)
    validate_new_password(password)
    if not ctx.db.is_sqlite:
        # A server: the person logs in as their own PostgreSQL login (no key slots).
        with ctx.unit() as s:
            managed = server_schema.manages_logins(s.connection())
            if managed and server_schema.login_exists(s.connection(), login):
                raise ValidationError(
                    f"Op deze server bestaat al een account '{login}'. Kies een andere "
                    "gebruikersnaam."
                )
            user = _new_user(s, login, name, role, person_id, big_registered, also_roles)
            if managed:  # else 'pzmdo server init' lists them as users without a login
                server_schema.create_login(s.connection(), login, password)
            ctx.audit(
                s,
                AuditAction.USER_ADD,
                entity="app_user",
                entity_id=user.id,
                detail={"rollen": sorted(user.roles)},
            )
            return _info(user)
    if ctx.db.path is None or ctx.db.data_key is None:
        raise ValidationError(
            "Gebruikers met een wachtwoord bestaan alleen bij een lokale database."
        )
    # Lock order: .keys file, then the transaction; both commit or neither (custody.py).
    with KeySlotFile.update(ctx.db.path) as slots, ctx.unit() as s:
        user = _new_user(s, login, name, role, person_id, big_registered, also_roles)
        custody.give_new_keys(ctx, s, slots, user, password)
        ctx.audit(
            s,
            AuditAction.USER_ADD,
            entity="app_user",
            entity_id=user.id,
            detail={"rollen": sorted(user.roles)},
        )
        info = _info(user)
    return info


def _new_user(
    s: Session,
    login: str,
    name: str,
    role: Role,
    person_id: int | None,
    big_registered: bool,
    also_roles: Iterable[Role],
) -> AppUser:
    """The app_user (and, unless given, their directory entry), attached where obvious."""
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
        person = load_person(s, person_id)
    codes = sorted({role.value, *(r.value for r in also_roles)})
    user = AppUser(login=login, person_id=person.id)
    user.role_rows = [AppUserRole(role=c) for c in codes]
    s.add(user)
    s.flush()
    attach_new_user(s, user.id)
    return user


def list_users(ctx: AppContext) -> list[UserInfo]:
    require(ctx, Action.USERS)
    with ctx.read() as s:
        return [_info(u) for u in s.scalars(select(AppUser).order_by(AppUser.login))]


def deactivate_user(
    ctx: AppContext, login: str, progress: custody.Progress | None = None
) -> custody.RotationResult | None:
    """Deactivate, then rotate the data key so the user's old slots (also in backups'
    ``.keys``) no longer open the live database. Returns the new recovery key."""
    require(ctx, Action.USERS)
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
        s.flush()
        if not ctx.db.is_sqlite and server_schema.manages_logins(s.connection()):
            # The login loses its groups and may no longer log in.
            server_schema.sync_login(s.connection(), user.login)
        ctx.audit(s, AuditAction.USER_DEACTIVATE, entity="app_user", entity_id=user.id)


def change_password(ctx: AppContext, new_password: str) -> None:
    """Re-wrap only the current user's slot."""
    require(ctx, Action.SESSION)
    validate_new_password(new_password)
    if not ctx.db.is_sqlite:
        _server_password(ctx, ctx.user.login, new_password, AuditAction.PASSWORD_CHANGE)
        return
    custody.change_own_password(ctx, new_password)


def set_roles(ctx: AppContext, login: str, roles: Iterable[Role]) -> UserInfo:
    """Give a user exactly ``roles``. Nobody changes their own roles (separation of duties),
    and the last active beheerder keeps that role."""
    require(ctx, Action.USERS)
    login = validate_login(login)
    if login == ctx.user.login:
        deny(
            ctx,
            Action.USERS,
            "U kunt uw eigen rollen niet wijzigen; vraag een andere beheerder om dat te doen.",
        )
    codes = sorted({Role(r).value for r in roles})
    if not codes:
        raise ValidationError("Kies ten minste één rol.")
    with ctx.unit() as s:
        user = s.scalars(select(AppUser).where(AppUser.login == login.strip().lower())).first()
        if user is None:
            raise NotFoundError(f"Gebruiker '{login}' bestaat niet.")
        before = sorted(user.roles)
        if Role.BEHEERDER.value in before and Role.BEHEERDER.value not in codes:
            others = s.scalars(
                select(AppUser)
                .join(AppUserRole)
                .where(
                    AppUserRole.role == Role.BEHEERDER.value,
                    AppUser.active.is_(True),
                    AppUser.id != user.id,
                )
            ).first()
            if others is None:
                raise ValidationError(
                    "Dit is de laatste actieve beheerder; geef eerst iemand anders die rol."
                )
        user.role_rows = [AppUserRole(role=c) for c in codes]
        s.flush()
        if not ctx.db.is_sqlite and server_schema.manages_logins(s.connection()):
            # The server's groups follow, in the same transaction.
            server_schema.sync_login(s.connection(), user.login)
        ctx.audit(
            s,
            AuditAction.ROLES_CHANGE,
            entity="app_user",
            entity_id=user.id,
            detail={"voor": before, "na": codes},
        )
        s.refresh(user)
        return _info(user)


def reset_password(ctx: AppContext, login: str, new_password: str) -> None:
    """A beheerder sets a new password for another user (new keys for them)."""
    require(ctx, Action.USERS)
    validate_new_password(new_password)
    if not ctx.db.is_sqlite:
        _server_password(ctx, validate_login(login), new_password, AuditAction.PASSWORD_RESET)
        return
    custody.reset_password(ctx, login, new_password)


def _server_password(ctx: AppContext, login: str, password: str, action: AuditAction) -> None:
    """On a server a password is the login's own (SCRAM, set on the server)."""
    with ctx.unit() as s:
        user = s.scalars(select(AppUser).where(AppUser.login == login)).first()
        if user is None or not user.active:
            raise NotFoundError(f"Gebruiker '{login}' bestaat niet of is gedeactiveerd.")
        if not server_schema.manages_logins(s.connection()):
            raise ValidationError(NOT_SET_UP)
        server_schema.set_password(s.connection(), login, password)
        ctx.audit(s, action, entity="app_user", entity_id=user.id)
