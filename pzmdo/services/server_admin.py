"""A practice's PostgreSQL server: set it up (owner), check its rules, add people (beheerder).

``init_server`` runs as the schema owner (not a pzmdo user): the Alembic upgrade, then the
server's rules (``store.server_schema``: group roles, grants, row-level security, the audit
trigger), and on a new database the first beheerder with their own login. ``check_server``
reads the catalogs and says in Dutch what is missing. ``add_server_user`` is a beheerder's
entry point: the app_user with roles and attachments plus the PostgreSQL login, in one
transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, String, column, select, text
from sqlalchemy import table as sql_table
from sqlalchemy.orm import Session

from pzmdo.domain.audit import AuditAction
from pzmdo.domain.enums import Discipline, Role
from pzmdo.domain.errors import ValidationError
from pzmdo.domain.permissions import Action
from pzmdo.domain.text import clean_line
from pzmdo.services import attachments, users
from pzmdo.services.context import AppContext, CurrentUser, audit
from pzmdo.services.guard import require
from pzmdo.services.unlock import validate_login, validate_new_password
from pzmdo.store import migrate, server, server_schema
from pzmdo.store.database import Database
from pzmdo.store.models import AppUser, AppUserRole, Base, Person, Practice
from pzmdo.store.models.practices import UserPractice

NOT_A_SERVER = (
    "Dit kan alleen op een PostgreSQL-server; een lokaal databasebestand heeft eigen "
    "gebruikers met sleutels (pzmdo users add)."
)


def open_server(url: str, password: str | None = None, login: str | None = None) -> Database:
    """The schema owner's connection, as ``login`` (else the URL's); without ``password``
    libpq may still find one (PGPASSWORD, ~/.pgpass)."""
    parsed = server.parse_url(url)
    if login:
        parsed = server.with_login(parsed, login)
    return Database.open_url(parsed, password=password)


# -- init ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FirstAdmin:
    login: str
    name: str
    password: str
    practice: str
    also_roles: tuple[Role, ...] = ()


@dataclass(frozen=True)
class ServerInit:
    upgraded: bool  # the schema was older (or empty) and has been brought to the head
    schema: str  # the revisions now
    admin: str | None  # the beheerder who got a login now (None: nobody)
    without_login: tuple[str, ...] = ()  # active users of the register with no login yet


def has_users(db: Database) -> bool:
    """Whether the database holds pzmdo users already (then init adds nobody)."""
    if migrate.needs_upgrade(db) and not migrate.current_revisions(db):
        return False
    with db.transaction(write=False) as s:
        return s.scalar(select(AppUser.id).limit(1)) is not None


def init_server(db: Database, first_admin: FirstAdmin | None = None) -> ServerInit:
    """As the schema owner: bring the schema to the head, (re)apply the server's rules and,
    on a database without users, create the first beheerder if ``first_admin`` is given
    (without one it stays empty, for ``pzmdo migrate --to``). On a database that has users
    (moved here with ``pzmdo migrate --to``), ``first_admin`` names an existing beheerder
    who gets a login (the name and practice are not used then). Idempotent."""
    _require_owner(db)
    upgraded = migrate.needs_upgrade(db)
    if upgraded:
        migrate.upgrade(db)
    created = None
    with db.engine.begin() as conn:
        server_schema.apply(conn)
    if not has_users(db):
        if first_admin is not None:  # else it stays empty, ready for 'pzmdo migrate --to'
            created = _first_admin(db, first_admin)
    elif first_admin is not None:
        created = _login_for_beheerder(db, first_admin)
    missing = users_without_login(db)
    return ServerInit(upgraded, migrate.describe(migrate.current_revisions(db)), created, missing)


_PG_ROLES = sql_table("pg_roles")
_ROLNAME = column("rolname", String)


def _require_owner(db: Database) -> None:
    """Only the database's owner, allowed to create roles, sets the server up."""
    with db.engine.connect() as conn:
        owner, createrole = conn.execute(
            text(
                "SELECT pg_has_role(session_user, d.datdba, 'MEMBER'), "
                "r.rolcreaterole OR r.rolsuper FROM pg_database d, pg_roles r "
                "WHERE d.datname = current_database() AND r.rolname = session_user"
            )
        ).one()
    if not owner:
        raise ValidationError(
            "'pzmdo server init' kan alleen de eigenaar van de database uitvoeren (niet een "
            "pzmdo-gebruiker). Gebruik het eigenaarsaccount van de server; er is niets gewijzigd."
        )
    if not createrole:
        raise ValidationError(
            "Het eigenaarsaccount mag geen rollen aanmaken (CREATEROLE ontbreekt). Laat de "
            "serverbeheerder dat recht geven; er is niets gewijzigd."
        )


def users_without_login(db: Database) -> tuple[str, ...]:
    """Active users of the register who cannot log in to this server yet."""
    with db.transaction(write=False) as s:
        found = s.scalars(
            select(AppUser.login)
            .where(AppUser.active, AppUser.login.not_in(select(_ROLNAME).select_from(_PG_ROLES)))
            .order_by(AppUser.login)
        )
        return tuple(found)


def _login_for_beheerder(db: Database, admin: FirstAdmin) -> str:
    """The owner gives an existing beheerder of a moved register their login."""
    login = validate_login(admin.login)
    validate_new_password(admin.password)
    with db.transaction() as s:
        user = s.scalars(select(AppUser).where(AppUser.login == login, AppUser.active)).first()
        if user is None or Role.BEHEERDER.value not in user.roles:
            raise ValidationError(
                f"'{login}' is geen actieve beheerder van deze database. Geef de "
                "gebruikersnaam van een beheerder op (zie 'pzmdo users list' bij het bestand)."
            )
        _give(s, user, admin.password)
        current = CurrentUser(user.id, login, user.person.name, user.roles, user.person_id)
        audit(s, current, AuditAction.USER_ADD, entity="app_user", entity_id=user.id,
              detail={"serverlogin": True})  # fmt: skip
    return login


def _give(s: Session, user: AppUser, password: str) -> None:
    if server_schema.login_exists(s.connection(), user.login):
        raise ValidationError(
            f"'{user.login}' heeft al een login op deze server (of die naam is op de server "
            "al in gebruik). Er is niets gewijzigd."
        )
    server_schema.create_login(s.connection(), user.login, password)


def _first_admin(db: Database, admin: FirstAdmin) -> str:
    login = validate_login(admin.login)
    validate_new_password(admin.password)
    if not admin.practice.strip() or not admin.name.strip():
        raise ValidationError("Vul de naam van de praktijk en van de eerste beheerder in.")
    practice_name = clean_line(admin.practice, "de naam van de praktijk", limit=200)
    name = clean_line(admin.name, "de naam van de eerste beheerder", limit=200)
    with db.transaction() as s:
        if server_schema.login_exists(s.connection(), login):
            raise ValidationError(
                f"Op deze server bestaat al een account '{login}'. Kies een andere "
                "gebruikersnaam voor de beheerder."
            )
        practice = Practice(name=practice_name)
        discipline = (
            Discipline.HUISARTS if Role.HUISARTS in admin.also_roles else Discipline.COORDINATOR
        )
        person = Person(name=name, discipline=discipline.value)
        s.add_all([practice, person])
        s.flush()
        roles = sorted({Role.BEHEERDER.value, *(r.value for r in admin.also_roles)})
        user = AppUser(login=login, person_id=person.id)
        user.role_rows = [AppUserRole(role=r) for r in roles]
        s.add(user)
        s.flush()
        s.add(UserPractice(user_id=user.id, practice_id=practice.id))
        s.flush()
        server_schema.create_login(s.connection(), login, admin.password)
        current = CurrentUser(user.id, login, name, frozenset(roles), person.id)
        audit(s, current, AuditAction.INIT, detail={"practice": practice_name, "server": True})
    return login


# -- check -----------------------------------------------------------------------------------


def check_server(db: Database) -> list[str]:
    """Everything the server's rules need, checked in the catalogs: one Dutch finding per
    problem (an empty list: in order). Any login may run it; the owner sees everything."""
    if migrate.needs_upgrade(db):
        return [
            f"Het schema staat op {migrate.describe(migrate.current_revisions(db))}, dit "
            f"programma verwacht {migrate.describe(migrate.head_revisions())}: voer "
            "'pzmdo server init' uit."
        ]
    with db.engine.connect() as conn:
        return _findings(conn)


def _findings(conn: Connection) -> list[str]:
    found: list[str] = []
    tables = [t.name for t in Base.metadata.sorted_tables]
    roles = {r[0] for r in conn.execute(text("SELECT rolname FROM pg_roles"))}
    for name in (server_schema.APP_GROUP, *server_schema.GROUPS):
        if name not in roles:
            found.append(f"De groepsrol {name} ontbreekt.")
    if found:
        return found + ["Voer 'pzmdo server init' uit om de rollen aan te maken."]
    found += _grant_findings(conn, tables)
    rls: dict[str, bool] = dict(
        conn.execute(
            text(
                "SELECT relname, relrowsecurity FROM pg_class "
                "WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'"
            )
        ).all()
    )
    policies = {
        (r[0], r[1])
        for r in conn.execute(
            text(
                "SELECT tablename, policyname FROM pg_policies WHERE schemaname = current_schema()"
            )
        )
    }
    wanted = [(t, "pzmdo_scope") for t in server_schema.scoped_tables()]
    wanted += [(t, name) for t, name, *_ in server_schema.extra_policies()]
    for table, policy in wanted:
        if not rls.get(table):
            found.append(f"Rijbeveiliging (row-level security) staat uit op de tabel {table}.")
        if (table, policy) not in policies:
            found.append(f"Het beleid {policy} op de tabel {table} ontbreekt.")
    trigger = conn.execute(
        text(
            "SELECT tgenabled FROM pg_trigger WHERE tgname = 'audit_event_stamp' "
            "AND tgrelid = 'audit_event'::regclass"
        )
    ).scalar()
    if trigger != "O":
        found.append(
            "De audittrigger (audit_event_stamp) ontbreekt of staat uit: de server zet dan "
            "niet zelf tijd en gebruiker op elke auditregel."
        )
    functions = {
        r[0]
        for r in conn.execute(
            text(
                "SELECT p.oid::regprocedure::text FROM pg_proc p "
                "WHERE p.pronamespace = current_schema()::regnamespace"
            )
        )
    }
    for function in server_schema.FUNCTIONS:
        if function.replace(",", ", ") not in functions and function not in functions:
            found.append(f"De functie {function} ontbreekt.")
    if conn.execute(
        text("SELECT has_database_privilege('public', current_database(), 'CONNECT')")
    ).scalar():
        found.append("Iedereen (PUBLIC) mag met deze database verbinden.")
    if found:
        found.append("Voer 'pzmdo server init' uit om de regels opnieuw toe te passen.")
    return found


_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE")


def _grant_findings(conn: Connection, tables: Sequence[str]) -> list[str]:
    """Each group's effective privileges compared with what the matrix gives it."""
    actual: dict[tuple[str, str, str], bool] = {}
    for grantee, table, privilege, has in conn.execute(
        text(
            "SELECT g, t, p, has_table_privilege(g, t, p) FROM unnest(CAST(:g AS text[])) g, "
            "unnest(CAST(:t AS text[])) t, unnest(CAST(:p AS text[])) p"
        ),
        {"g": [*server_schema.GROUPS, "public"], "t": list(tables), "p": list(_PRIVILEGES)},
    ):
        actual[(grantee, table, privilege)] = has
    found = []
    for role in Role:
        expected = server_schema.expected_privileges(role, tables)
        for table in tables:
            for privilege in _PRIVILEGES:
                want = privilege in expected.get(table, set())
                has = actual[(server_schema.group(role), table, privilege)]
                if has and not want:
                    found.append(
                        f"De groep {server_schema.group(role)} heeft {privilege} op {table}, "
                        "meer dan de rechtentabel toestaat."
                    )
                elif want and not has:
                    found.append(
                        f"De groep {server_schema.group(role)} mist {privilege} op {table}."
                    )
    for table in tables:
        if any(actual[("public", table, p)] for p in _PRIVILEGES):
            found.append(f"Iedereen (PUBLIC) heeft rechten op de tabel {table}.")
    for privilege in ("UPDATE", "DELETE"):
        if any(actual[(g, "audit_event", privilege)] for g in server_schema.GROUPS):
            found.append(f"Een groep mag {privilege} op de audittrail; die is alleen aanvullen.")
    return found


# -- people ----------------------------------------------------------------------------------


def give_login(ctx: AppContext, login: str, password: str) -> None:
    """A beheerder gives an existing user of the register (moved here from a file) their
    own login, in the groups of the roles they already have."""
    require(ctx, Action.USERS)
    if ctx.db.is_sqlite:
        raise ValidationError(NOT_A_SERVER)
    login = validate_login(login)
    validate_new_password(password)
    with ctx.unit() as s:
        if not server_schema.manages_logins(s.connection()):
            raise ValidationError(users.NOT_SET_UP)
        user = s.scalars(select(AppUser).where(AppUser.login == login, AppUser.active)).first()
        if user is None:
            raise ValidationError(
                f"Er is geen actieve gebruiker '{login}' in dit register. Een nieuwe "
                "gebruiker voegt u toe met een naam en een rol (--name, --role)."
            )
        _give(s, user, password)
        ctx.audit(s, AuditAction.USER_ADD, entity="app_user", entity_id=user.id,
                  detail={"serverlogin": True})  # fmt: skip


def add_server_user(
    ctx: AppContext,
    *,
    login: str,
    name: str,
    roles: Sequence[Role],
    password: str,
    practice_ids: Iterable[int] = (),
    team_ids: Iterable[int] = (),
) -> users.UserInfo:
    """A beheerder adds a person: app_user, roles, practices and teams, and their own
    PostgreSQL login (SCRAM) in the groups of those roles: one transaction."""
    require(ctx, Action.USERS)
    practice_ids, team_ids = list(practice_ids), list(team_ids)
    if practice_ids or team_ids:
        require(ctx, Action.ATTACHMENTS)
    if ctx.db.is_sqlite:
        raise ValidationError(NOT_A_SERVER)
    if not roles:
        raise ValidationError("Kies ten minste één rol.")
    with ctx.unit() as s:
        if not server_schema.manages_logins(s.connection()):
            raise ValidationError(users.NOT_SET_UP)
        info = users.add_user(
            ctx, login=login, name=name, role=roles[0], password=password, also_roles=roles[1:]
        )
        if practice_ids or team_ids:
            attachments.set_attachments(ctx, info.login, practice_ids, team_ids)
    return info
