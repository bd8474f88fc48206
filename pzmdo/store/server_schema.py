"""The server's own rules on PostgreSQL: group roles, grants, row-level security, logins.

Applied by the schema owner after every Alembic upgrade (``pzmdo server init``); idempotent.

- Group roles ``pzmdo_<role>`` (one per ``Role``, NOLOGIN) carry the table privileges; each
  is a member of ``pzmdo_app`` (what every pzmdo user may: read, write audit events). A
  login (a person) is a member of the groups of its pzmdo roles; only the owner's SECURITY
  DEFINER functions change that, for a beheerder and never for oneself.
- Write privileges come from the permission matrix: ``WRITES`` says which tables each action
  changes; a group may change what its roles' actions change. Nobody but the owner deletes
  where the application never deletes; PUBLIC gets nothing.
- Row-level security on ``patient`` and every table linked to it (a ``patient_id``, or a
  foreign key to such a table, found from the models) and on ``meeting`` (by team): a login
  sees and writes only rows of the practices and teams it is attached to, computed like
  ``pzmdo.services.scope`` (own practices, practices of own teams, every practice for the
  roles with ``Action.ALL_PRACTICES``).
- The audit trail: INSERT only (the server stamps who and when, ``audit_chain``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, Table, text

from pzmdo.domain.enums import Role
from pzmdo.domain.permissions import MATRIX, Action
from pzmdo.store import audit_chain
from pzmdo.store.models import Base

APP_GROUP = "pzmdo_app"


def group(role: Role | str) -> str:
    return f"pzmdo_{Role(role).value}"


GROUPS = tuple(group(r) for r in Role)

# -- who may change what ---------------------------------------------------------------------

# The tables an action inserts into or updates (with what it composes inside its unit).
# Every group reads every table (row-level security limits the patient data) and adds audit
# events; BACKUP and RESTORE are the server's own duty, and demo data does not belong on a
# practice's server (the owner may add it), so those actions change nothing here.
_RECORD = frozenset({"patient", "patient_word", "status_event"})  # a new or renamed patient
WRITES: dict[Action, frozenset[str]] = {
    Action.SIGNAL: _RECORD | {"signal", "meeting_nomination", "follow_up_task"},
    Action.PATIENT_EDIT: _RECORD | {"hospital_mdo", "patient_practice_move", "team_membership"},
    Action.IMPORT: _RECORD | {"marking", "urgency_change", "death", "signal"},
    Action.MARK: _RECORD
    | {"marking", "signal", "urgency_change", "follow_up_task", "hospital_mdo"},
    Action.END_OF_LIFE: _RECORD | {"marking", "death", "stervensfase", "follow_up_task", "signal"},
    Action.CARE_TEAM: frozenset(
        {
            "patient",
            "team_membership",
            "naaste",
            "pzp_conversation",
            "carer_burden_check",
            "vptz_event",
        }
    ),  # fmt: skip
    Action.CAREPLAN_EDIT: frozenset({"care_plan_version", "consultation", "meeting_action"}),
    Action.CAREPLAN_DIMENSIONS: frozenset({"care_plan_version"}),
    Action.CAREPLAN_ADVICE: frozenset({"care_plan_version"}),
    Action.MEETING_PREPARE: frozenset(
        {
            "patient",
            "meeting",
            "meeting_attendance",
            "meeting_agenda_item",
            "meeting_nomination",
            "meeting_team",
            "meeting_team_member",
            "consultation",
            "follow_up_task",
            "setting",
        }
    ),  # fmt: skip
    Action.MEETING_RUN: frozenset(
        {
            "patient",
            "meeting",
            "meeting_attendance",
            "meeting_agenda_item",
            "meeting_note",
            "meeting_checklist",
            "meeting_decision",
            "meeting_action",
            "meeting_nomination",
            "follow_up_task",
        }
    ),  # fmt: skip
    Action.MEETING_CLOSE: frozenset(
        {
            "patient",
            "meeting",
            "meeting_agenda_item",
            "meeting_nomination",
            "meeting_action",
            "follow_up_task",
        }
    ),  # fmt: skip
    Action.MEETING_AMEND: frozenset({"meeting_amendment"}),
    Action.CONSULT_REQUEST: frozenset({"consultation"}),
    Action.CONSULT_ADVICE: frozenset({"consultation"}),
    Action.CONSULT_TEAMS: frozenset({"consult_team", "consult_team_member"}),
    Action.KPI_DENOMINATORS: frozenset({"kpi_denominator"}),
    Action.DIRECTORY: frozenset({"person"}),
    Action.USERS: frozenset(
        {
            "person",
            "app_user",
            "app_user_role",
            "user_practice",
            "user_team",
            "user_key",
            "key_state",
        }
    ),  # fmt: skip
    Action.SETTINGS: frozenset({"setting"}),
    Action.PRACTICES: frozenset({"practice", "patient", "patient_practice_move"}),
    Action.TEAMS: frozenset({"meeting_team", "meeting_team_practice", "meeting_team_member"}),
    Action.ATTACHMENTS: frozenset({"user_practice", "user_team"}),
    Action.TRANSFER: frozenset(
        {"patient", "transfer", "hospice_referral_step", "team_membership", "follow_up_task"}
    ),
    Action.SECOND_LINE: frozenset({"second_line_contact", "follow_up_task"}),
    Action.NAZORG: frozenset({"nazorg_contact", "follow_up_task"}),
    Action.AFTER_DEATH_REVIEW: frozenset({"after_death_review", "follow_up_task"}),
}

# The few rows the application removes (replaced lists, undone entries); nowhere else.
DELETES: dict[Action, frozenset[str]] = {
    Action.SIGNAL: frozenset({"patient_word"}),
    Action.PATIENT_EDIT: frozenset({"patient_word"}),
    Action.IMPORT: frozenset({"patient_word"}),
    Action.MARK: frozenset({"patient_word"}),
    Action.END_OF_LIFE: frozenset({"patient_word"}),
    Action.MEETING_PREPARE: frozenset({"meeting_attendance", "meeting_team_member"}),
    Action.MEETING_RUN: frozenset(
        {"meeting_attendance", "meeting_note", "meeting_decision", "meeting_action"}
    ),
    Action.CONSULT_TEAMS: frozenset({"consult_team_member"}),
    Action.USERS: frozenset({"app_user_role", "user_practice", "user_team", "user_key"}),
    Action.TEAMS: frozenset({"meeting_team_practice", "meeting_team_member"}),
    Action.ATTACHMENTS: frozenset({"user_practice", "user_team"}),
}

AUDIT = "audit_event"
KEY_TABLES = frozenset({"user_key", "key_state"})  # a local file's key custody: beheerder only
# Settings a meeting preparer keeps (the agenda triggers of a team,
# ``services/meetings/triggers._key``); every other setting is the SETTINGS holders'.
SHARED_SETTING_PREFIX = {Action.MEETING_PREPARE: "agenda_triggers."}


def _roles_for(action: Action) -> list[str]:
    return sorted(r.value for r in MATRIX.get(action, frozenset()))


def table_privileges(role: Role) -> dict[str, set[str]]:
    """What the group of ``role`` itself is granted: table -> privileges (without pzmdo_app's)."""
    out: dict[str, set[str]] = {}
    for action, tables in WRITES.items():
        if role in MATRIX.get(action, ()):
            for table in tables:
                out.setdefault(table, set()).update({"INSERT", "UPDATE"})
    for action, tables in DELETES.items():
        if role in MATRIX.get(action, ()):
            for table in tables:
                out.setdefault(table, set()).add("DELETE")
    if role in MATRIX[Action.USERS]:
        for table in KEY_TABLES:
            out.setdefault(table, set()).add("SELECT")
    return out


def app_privileges(tables: Iterable[str]) -> dict[str, set[str]]:
    """What every pzmdo user is granted (through ``pzmdo_app``)."""
    out = {t: {"SELECT"} for t in tables if t not in KEY_TABLES}
    out[AUDIT] = {"SELECT", "INSERT"}
    return out


def expected_privileges(role: Role, tables: Iterable[str]) -> dict[str, set[str]]:
    """A group's effective privileges: its own and those of ``pzmdo_app``."""
    merged = app_privileges(tables)
    for table, privileges in table_privileges(role).items():
        merged.setdefault(table, set()).update(privileges)
    return merged


# -- row-level security ----------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    column: str
    parent: str  # a table under row-level security
    nullable: bool


def _holds(action: Action) -> str:
    """SQL, evaluated once per query: the session's login holds a role allowing ``action``."""
    roles = ",".join(_roles_for(action))
    return f"(SELECT pzmdo_holds('{{{roles}}}'))"


def scoped_tables(tables: Iterable[Table] | None = None) -> dict[str, tuple[Link, ...]]:
    """Every table under row-level security and how it finds its scope: ``patient`` (by
    practice) and ``meeting`` (by team) directly, every other through its links, tried in
    order (the first link that is not NULL decides: patient before meeting, as
    ``scope.require_row_in_scope`` does). The audit trail has its own policies."""
    tables = list(tables if tables is not None else Base.metadata.sorted_tables)
    scoped: dict[str, tuple[Link, ...]] = {"patient": (), "meeting": ()}
    changed = True
    while changed:
        changed = False
        for table in tables:
            if table.name in scoped or table.name == AUDIT:
                continue
            links: list[Link] = []
            columns = sorted(table.columns, key=lambda c: c.name != "patient_id")
            for column in columns:
                parents = {fk.column.table.name for fk in column.foreign_keys}
                parent = "patient" if column.name == "patient_id" else next(iter(parents), None)
                if parent is None or parent == table.name or parent not in scoped:
                    continue
                links.append(Link(column.name, parent, bool(column.nullable)))
                if not column.nullable:
                    break  # always set: later links never decide
            if links:
                scoped[table.name] = tuple(links)
                changed = True
    return scoped


def scope_condition(table: str, links: tuple[Link, ...]) -> str:
    """The USING / WITH CHECK expression of ``table``'s policy."""
    sees_all = _holds(Action.ALL_PRACTICES)
    if table == "patient":
        rule = "practice_id = ANY ((SELECT pzmdo_visible_practices())::integer[])"
    elif table == "meeting":
        rule = "team_id = ANY ((SELECT pzmdo_visible_teams())::integer[])"
    else:
        # A parent's rows are filtered by its own policy: one rule per kind of scope.
        tests = [f"{link.column} IN (SELECT id FROM {link.parent})" for link in links]
        if not links[-1].nullable:  # always set: it decides when the others are NULL
            last, firsts = tests.pop(), list(links[:-1])
        else:
            last, firsts = "true", list(links)
        if not firsts:
            rule = last
        else:
            whens = " ".join(
                f"WHEN {link.column} IS NOT NULL THEN {test}"
                for link, test in zip(firsts, tests, strict=True)
            )
            rule = f"CASE {whens} ELSE {last} END"
    return f"{sees_all} OR {rule}"


def _audit_read_condition() -> str:
    """Who reads which audit events: the audit readers all; a clinician only the document
    history of patients in scope (what ``documents.document_history`` shows)."""
    return (
        f"{_holds(Action.AUDIT_READ)} OR (action = 'document' AND "
        "(patient_id IS NULL OR patient_id IN (SELECT id FROM patient)))"
    )


def _setting_write_condition() -> str:
    parts = [_holds(Action.SETTINGS)]
    for action, prefix in SHARED_SETTING_PREFIX.items():
        parts.append(f"({_holds(action)} AND key LIKE '{prefix}%')")
    return " OR ".join(parts)


# Policies beyond the scope ones: (table, name, command, USING, WITH CHECK).
def extra_policies() -> list[tuple[str, str, str, str | None, str | None]]:
    me = "(SELECT id FROM app_user WHERE login = session_user::text)"
    return [
        (AUDIT, "pzmdo_audit_add", "INSERT", None, "true"),
        (AUDIT, "pzmdo_audit_read", "SELECT", _audit_read_condition(), None),
        ("setting", "pzmdo_setting_read", "SELECT", "true", None),
        ("setting", "pzmdo_setting_write", "ALL", _setting_write_condition(),
         _setting_write_condition()),
        # Nobody changes their own roles (separation of duties), not even by direct SQL.
        ("app_user_role", "pzmdo_role_read", "SELECT", "true", None),
        ("app_user_role", "pzmdo_role_others", "ALL", f"user_id <> {me}", f"user_id <> {me}"),
    ]  # fmt: skip


# -- the functions the policies and the login management use ---------------------------------

_OWNER = "(SELECT relowner FROM pg_class WHERE oid = 'app_user'::regclass)"
_ME = "(SELECT id FROM app_user WHERE login = session_user::text AND active)"


def _functions() -> list[str]:
    definer = "STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp"
    role_codes = ",".join(r.value for r in Role)
    return [
        # Whether the session's login is an active user holding one of ``roles`` here and
        # is a member of that role's group (the server's word, not only a table row).
        f"""CREATE OR REPLACE FUNCTION pzmdo_holds(roles text[]) RETURNS boolean
        LANGUAGE sql {definer} AS $fn$
            SELECT EXISTS (
                SELECT 1 FROM app_user_role r
                WHERE r.user_id = {_ME} AND r.role = ANY (roles)
                  AND pg_has_role(session_user, 'pzmdo_' || r.role, 'MEMBER'))
        $fn$""",
        # Own practices and those of own teams (every practice: the ALL_PRACTICES roles).
        f"""CREATE OR REPLACE FUNCTION pzmdo_visible_practices() RETURNS integer[]
        LANGUAGE sql {definer} AS $fn$
            SELECT CASE WHEN {_holds(Action.ALL_PRACTICES)}
                THEN ARRAY(SELECT id FROM practice)
                ELSE ARRAY(
                    SELECT practice_id FROM user_practice WHERE user_id = {_ME}
                    UNION
                    SELECT tp.practice_id FROM user_team ut
                    JOIN meeting_team_practice tp ON tp.team_id = ut.team_id
                    WHERE ut.user_id = {_ME})
            END
        $fn$""",
        # Own teams and teams whose practices all lie within the visible ones.
        f"""CREATE OR REPLACE FUNCTION pzmdo_visible_teams() RETURNS integer[]
        LANGUAGE sql {definer} AS $fn$
            SELECT CASE WHEN {_holds(Action.ALL_PRACTICES)}
                THEN ARRAY(SELECT id FROM meeting_team)
                ELSE ARRAY(
                    SELECT team_id FROM user_team WHERE user_id = {_ME}
                    UNION
                    SELECT team_id FROM meeting_team_practice GROUP BY team_id
                    HAVING bool_and(practice_id = ANY ((SELECT pzmdo_visible_practices())::integer[])))
            END
        $fn$""",
        # Who may manage logins: the owner, or an active holder of Action.USERS.
        f"""CREATE OR REPLACE FUNCTION pzmdo_may_manage_logins() RETURNS boolean
        LANGUAGE sql {definer} AS $fn$
            SELECT pg_has_role(session_user, {_OWNER}, 'MEMBER') OR {_holds(Action.USERS)}
        $fn$""",
        # Make a login's group memberships (and its right to log in) match its pzmdo
        # roles and whether it is active. Never one's own, never the owner's.
        f"""CREATE OR REPLACE FUNCTION pzmdo_sync_login(target text) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = {{schema}}, pg_temp AS $fn$
        DECLARE
            u record;
            code text;
            wanted boolean;
            member boolean;
        BEGIN
            IF NOT pzmdo_may_manage_logins() THEN
                RAISE EXCEPTION 'only a beheerder manages logins' USING ERRCODE = '42501';
            END IF;
            IF target = session_user::text THEN
                RAISE EXCEPTION 'nobody changes their own roles' USING ERRCODE = '42501';
            END IF;
            SELECT id, active INTO u FROM app_user WHERE login = target;
            IF NOT FOUND OR NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = target) THEN
                RAISE EXCEPTION 'no such pzmdo login' USING ERRCODE = '42704';
            END IF;
            IF (SELECT rolsuper FROM pg_roles WHERE rolname = target)
               OR pg_has_role(target, {_OWNER}, 'MEMBER') THEN
                RAISE EXCEPTION 'not a pzmdo login' USING ERRCODE = '42501';
            END IF;
            FOREACH code IN ARRAY '{{{role_codes}}}'::text[] LOOP
                wanted := u.active AND EXISTS (
                    SELECT 1 FROM app_user_role WHERE user_id = u.id AND role = code);
                member := EXISTS (
                    SELECT 1 FROM pg_auth_members m
                    WHERE m.roleid = ('pzmdo_' || code)::regrole
                      AND m.member = target::regrole);
                IF wanted AND NOT member THEN
                    EXECUTE format('GRANT %I TO %I', 'pzmdo_' || code, target);
                ELSIF member AND NOT wanted THEN
                    EXECUTE format('REVOKE %I FROM %I', 'pzmdo_' || code, target);
                END IF;
            END LOOP;
            IF u.active THEN
                EXECUTE format('ALTER ROLE %I LOGIN', target);
                EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), target);
            ELSE
                EXECUTE format('ALTER ROLE %I NOLOGIN', target);
                EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM %I',
                               current_database(), target);
            END IF;
        END
        $fn$""",
        # A new login for a user just added here, with a SCRAM verifier made by the client
        # (the password itself never reaches the server or its logs).
        """CREATE OR REPLACE FUNCTION pzmdo_create_login(target text, verifier text)
        RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema}, pg_temp AS $fn$
        BEGIN
            IF NOT pzmdo_may_manage_logins() THEN
                RAISE EXCEPTION 'only a beheerder manages logins' USING ERRCODE = '42501';
            END IF;
            IF verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
                RAISE EXCEPTION 'a SCRAM-SHA-256 verifier is required' USING ERRCODE = '22023';
            END IF;
            IF NOT EXISTS (SELECT 1 FROM app_user WHERE login = target) THEN
                RAISE EXCEPTION 'no such pzmdo user' USING ERRCODE = '42704';
            END IF;
            IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = target) THEN
                RAISE EXCEPTION 'the login exists already' USING ERRCODE = '42710';
            END IF;
            EXECUTE format('CREATE ROLE %I LOGIN INHERIT PASSWORD %L', target, verifier);
            PERFORM pzmdo_sync_login(target);
        END
        $fn$""",
    ]


def _password_function() -> str:
    return f"""CREATE OR REPLACE FUNCTION pzmdo_set_password(target text, verifier text)
        RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = {{schema}}, pg_temp AS $fn$
        BEGIN
            -- One's own password, or (a login manager) another pzmdo user's.
            IF target <> session_user::text AND NOT (
                pzmdo_may_manage_logins()
                AND EXISTS (SELECT 1 FROM app_user WHERE login = target)
                AND NOT pg_has_role(target, {_OWNER}, 'MEMBER')) THEN
                RAISE EXCEPTION 'not your password' USING ERRCODE = '42501';
            END IF;
            IF verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
                RAISE EXCEPTION 'a SCRAM-SHA-256 verifier is required' USING ERRCODE = '22023';
            END IF;
            EXECUTE format('ALTER ROLE %I PASSWORD %L', target, verifier);
        END
        $fn$"""


FUNCTIONS = (
    "pzmdo_holds(text[])",
    "pzmdo_visible_practices()",
    "pzmdo_visible_teams()",
    "pzmdo_may_manage_logins()",
    "pzmdo_sync_login(text)",
    "pzmdo_create_login(text,text)",
    "pzmdo_set_password(text,text)",
    "pzmdo_audit_head()",
)
# The functions only login managers call (they check the caller again inside).
MANAGER_FUNCTIONS = ("pzmdo_sync_login(text)", "pzmdo_create_login(text,text)")


# -- applying --------------------------------------------------------------------------------


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def statements(schema: str, database: str, tables: list[str]) -> list[str]:
    """Everything ``apply`` runs, in order (each statement idempotent)."""
    out: list[str] = []
    for name in (APP_GROUP, *GROUPS):
        out.append(
            f"DO $do$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name}') "
            f"THEN CREATE ROLE {name} NOLOGIN; END IF; END $do$"
        )
    out += [f"GRANT {APP_GROUP} TO {g}" for g in GROUPS]
    everyone = ", ".join(("PUBLIC", APP_GROUP, *GROUPS))
    s, db = _q(schema), _q(database)
    out += [
        f"REVOKE CONNECT, TEMPORARY ON DATABASE {db} FROM PUBLIC",
        f"REVOKE CREATE ON SCHEMA {s} FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA {s} TO {APP_GROUP}",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM {everyone}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM {everyone}",
        f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {s} FROM {everyone}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {s} TO {APP_GROUP}",
        f"GRANT SELECT ON alembic_version TO {APP_GROUP}",
    ]
    out += [*_functions(), _password_function()]
    for table, privileges in sorted(app_privileges(tables).items()):
        out.append(f"GRANT {', '.join(sorted(privileges))} ON {table} TO {APP_GROUP}")
    for role in Role:
        for table, privileges in sorted(table_privileges(role).items()):
            if table in tables:
                out.append(f"GRANT {', '.join(sorted(privileges))} ON {table} TO {group(role)}")
    managers = ", ".join(group(r) for r in sorted(MATRIX[Action.USERS]))
    for function in FUNCTIONS:
        granted = managers if function in MANAGER_FUNCTIONS else APP_GROUP
        out.append(f"GRANT EXECUTE ON FUNCTION {function} TO {granted}")
    for table, links in scoped_tables().items():
        condition = scope_condition(table, links)
        out += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS pzmdo_scope ON {table}",
            f"CREATE POLICY pzmdo_scope ON {table} USING ({condition}) WITH CHECK ({condition})",
        ]
    for table, name, command, using, check in extra_policies():
        out += [
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"DROP POLICY IF EXISTS {name} ON {table}",
            f"CREATE POLICY {name} ON {table} FOR {command}"
            + (f" USING ({using})" if using else "")
            + (f" WITH CHECK ({check})" if check else ""),
        ]
    return [statement.replace("{schema}", s) for statement in out]


def apply(conn: Connection) -> None:
    """(Re)apply roles, grants, policies and the audit trigger, in the caller's transaction
    (run by the schema owner, who needs CREATEROLE)."""
    schema, database = conn.execute(text("SELECT current_schema(), current_database()")).one()
    tables = [t.name for t in Base.metadata.sorted_tables]
    audit_chain.install_server_trigger(conn)
    for statement in statements(schema, database, tables):
        run_ddl(conn, statement)


def run_ddl(conn: Connection, statement: str) -> None:
    """Run a statement as written: without parameters the driver reads no placeholders
    (function bodies use ``format('%I')`` and ``LIKE 'x%'``)."""
    with conn.connection.dbapi_connection.cursor() as cursor:  # type: ignore[union-attr]
        cursor.execute(statement)


# -- logins ----------------------------------------------------------------------------------


def scram_verifier(conn: Connection, login: str, password: str) -> str:
    """The SCRAM-SHA-256 verifier of ``password``, computed here by libpq (so neither the
    password nor a reversible form of it travels to the server or into its logs)."""
    raw = conn.connection.dbapi_connection
    pgconn = raw.pgconn  # type: ignore[union-attr]
    verifier: bytes = pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256")
    return verifier.decode()


def manages_logins(conn: Connection) -> bool:
    """Whether ``apply`` has run here (a database only migrated has no login management:
    its users get a login later, ``pzmdo server init`` lists them)."""
    found = conn.execute(text("SELECT to_regprocedure('pzmdo_create_login(text,text)')"))
    return found.scalar() is not None


def login_exists(conn: Connection, login: str) -> bool:
    found = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :l"), {"l": login})
    return found.first() is not None


def create_login(conn: Connection, login: str, password: str) -> None:
    """A LOGIN role for an app_user added in this transaction, with its groups."""
    conn.execute(
        text("SELECT pzmdo_create_login(:l, :v)"),
        {"l": login, "v": scram_verifier(conn, login, password)},
    )


def set_password(conn: Connection, login: str, password: str) -> None:
    """A new password for one's own login, or (a beheerder) for another pzmdo user's."""
    conn.execute(
        text("SELECT pzmdo_set_password(:l, :v)"),
        {"l": login, "v": scram_verifier(conn, login, password)},
    )


def sync_login(conn: Connection, login: str) -> None:
    """Make the login's groups (and its right to log in) match its pzmdo roles now."""
    conn.execute(text("SELECT pzmdo_sync_login(:l)"), {"l": login})


def login_groups(conn: Connection, login: str) -> set[str]:
    """The pzmdo groups ``login`` is a direct member of."""
    rows = conn.execute(
        text(
            "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
            "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :l AND g.rolname LIKE 'pzmdo%'"
        ),
        {"l": login},
    )
    return {r[0] for r in rows}
