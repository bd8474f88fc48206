"""Alembic environment. The connection is always handed in by pzmdo.store.migrate
(``config.attributes["connection"]``): no URL or key is ever written to a config file."""

from alembic import context

from pzmdo.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise SystemExit("Run migrations through 'pzmdo' (pzmdo.store.migrate), not bare alembic.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    user_module_prefix="pzmdo_types.",
)
with context.begin_transaction():
    context.run_migrations()
