"""roles table (several roles per user) and the audit trail's hash chain

Existing single roles move into ``app_user_role``; existing audit events are numbered and
chained in id order (the chain starts here: what was altered before cannot be detected).

Revision ID: 0008
Revises: 0001
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import pzmdo.store.models.base as pzmdo_types
from pzmdo.store.audit_chain import GENESIS, link_hash

revision: str = "0008"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = ("access",)
depends_on: str | Sequence[str] | None = None

_SQLITE_TRIGGERS = ("UPDATE", "DELETE")


def _audit_table() -> sa.Table:
    return sa.table(
        "audit_event",
        sa.column("id", sa.Integer),
        sa.column("seq", sa.Integer),
        sa.column("prev_hash", sa.String),
        sa.column("hash", sa.String),
        sa.column("at", pzmdo_types.UTCDateTime),
        sa.column("user_id", sa.Integer),
        sa.column("user_login", sa.String),
        sa.column("action", sa.String),
        sa.column("patient_id", sa.Integer),
        sa.column("entity", sa.String),
        sa.column("entity_id", sa.Integer),
        sa.column("detail", sa.Text),
    )


def _append_only(on: bool) -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for verb in _SQLITE_TRIGGERS:
            if on:
                op.execute(
                    f"CREATE TRIGGER audit_event_no_{verb.lower()} BEFORE {verb} ON audit_event "
                    "BEGIN SELECT RAISE(ABORT, 'audit trail is append-only'); END"
                )
            else:
                op.execute(f"DROP TRIGGER IF EXISTS audit_event_no_{verb.lower()}")
    elif (
        dialect == "postgresql"
        and op.get_bind()
        .execute(sa.text("SELECT 1 FROM pg_trigger WHERE tgname = 'audit_event_append_only'"))
        .first()
    ):
        # 0003a (another branch) may run before or after this revision.
        state = "ENABLE" if on else "DISABLE"
        op.execute(f"ALTER TABLE audit_event {state} TRIGGER audit_event_append_only")


def upgrade() -> None:
    bind = op.get_bind()
    old_roles = bind.execute(sa.text("SELECT id, role FROM app_user")).fetchall()
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.drop_column("role")
    op.create_table(
        "app_user_role",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_app_user_role_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("user_id", "role", name=op.f("pk_app_user_role")),
    )
    if old_roles:
        op.bulk_insert(
            sa.table("app_user_role", sa.column("user_id", sa.Integer), sa.column("role")),
            [{"user_id": r.id, "role": r.role} for r in old_roles],
        )

    _append_only(False)
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    audit = _audit_table()
    prev = GENESIS
    rows = bind.execute(sa.select(audit).order_by(audit.c.id)).fetchall()
    for seq, row in enumerate(rows, start=1):
        event = _Event(row, seq)
        digest = link_hash(prev, event)  # type: ignore[arg-type]
        bind.execute(
            audit.update().where(audit.c.id == row.id).values(seq=seq, prev_hash=prev, hash=digest)
        )
        prev = digest
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.alter_column("seq", existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column("prev_hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_audit_event_seq"), ["seq"])
        batch_op.create_index("ix_audit_event_user_at", ["user_id", "at"], unique=False)
    _append_only(True)


class _Event:
    """A stored row seen as an event for hashing (the chain's canonical form)."""

    def __init__(self, row: sa.Row, seq: int) -> None:
        for name in (
            "at",
            "user_id",
            "user_login",
            "action",
            "patient_id",
            "entity",
            "entity_id",
            "detail",
        ):
            setattr(self, name, getattr(row, name))
        self.seq = seq


def downgrade() -> None:
    _append_only(False)
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_event_user_at")
        batch_op.drop_constraint(batch_op.f("uq_audit_event_seq"), type_="unique")
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("seq")
    _append_only(True)
    bind = op.get_bind()
    roles = bind.execute(sa.text("SELECT user_id, role FROM app_user_role")).fetchall()
    op.drop_table("app_user_role")
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("role", sa.String(length=40), nullable=True))
    for user_id, role in roles:
        bind.execute(
            sa.text("UPDATE app_user SET role = :r WHERE id = :u AND role IS NULL"),
            {"r": role, "u": user_id},
        )
