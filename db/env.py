"""Alembic environment. The connection is always handed in by pzmdo.store.migrate
(``config.attributes["connection"]``): no URL or key is ever written to a config file."""

from alembic import context

from pzmdo.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise SystemExit("Run migrations through 'pzmdo' (pzmdo.store.migrate), not bare alembic.")

only_tables = config.attributes.get("only_tables")


def include_object(obj, name, type_, reflected, compare_to):  # noqa: ANN001, ANN201
    """With ``only_tables`` set (tools/new_migration.py --only), compare just those tables."""
    if not only_tables:
        return True
    table = obj if type_ == "table" else getattr(obj, "table", None)
    return getattr(table, "name", name) in only_tables


context.configure(
    include_object=include_object,
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    user_module_prefix="pzmdo_types.",
)
with context.begin_transaction():
    if connection.dialect.name == "postgresql":
        # The server's audit stamp belongs to the current schema (migrate.upgrade puts it
        # back at the head): a step up or down must not meet it half-way.
        connection.exec_driver_sql(
            "DO $$ BEGIN IF to_regclass('audit_event') IS NOT NULL THEN "
            "DROP TRIGGER IF EXISTS audit_event_stamp ON audit_event; END IF; END $$"
        )
    context.run_migrations()
