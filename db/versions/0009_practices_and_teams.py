"""several practices and meeting teams, user attachments, patient moves

Practices get their details (AGB code, address, HAP); every patient belongs to a practice;
teams name their practices; users are attached to practices and teams. An existing
single-practice register keeps its practice and team: every patient (without one) goes to
the first practice, every team covers the existing practices and every user is attached to
every existing practice and team, so nobody loses sight of anything.

This revision joins the area branches into one head; later revisions follow it.

Revision ID: 0009
Revises: 0003a, 0006, 0007, 0008, 0010
Create Date: 2026-11-30
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import pzmdo.store.models.base as pzmdo_types

revision: str = "0009"
down_revision: str | tuple[str, ...] | None = ("0003a", "0006", "0007", "0008", "0010")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _attach_everyone() -> None:
    """Keep what an existing register showed: its practice(s) and team(s), seen by all."""
    bind = op.get_bind()
    if (
        bind.execute(sa.text("SELECT count(*) FROM patient")).scalar()
        and not bind.execute(sa.text("SELECT count(*) FROM practice")).scalar()
    ):
        bind.execute(
            sa.text("INSERT INTO practice (name, created_at) VALUES ('Praktijk', :now)"),
            {"now": datetime.now(UTC).replace(tzinfo=None)},
        )
    first = bind.execute(sa.text("SELECT min(id) FROM practice")).scalar()
    if first is not None:
        bind.execute(
            sa.text("UPDATE patient SET practice_id = :p WHERE practice_id IS NULL"), {"p": first}
        )
    bind.execute(
        sa.text(
            "INSERT INTO meeting_team_practice (team_id, practice_id) "
            "SELECT t.id, p.id FROM meeting_team t CROSS JOIN practice p"
        )
    )
    bind.execute(
        sa.text(
            "INSERT INTO user_practice (user_id, practice_id) "
            "SELECT u.id, p.id FROM app_user u CROSS JOIN practice p"
        )
    )
    bind.execute(
        sa.text(
            "INSERT INTO user_team (user_id, team_id) "
            "SELECT u.id, t.id FROM app_user u CROSS JOIN meeting_team t"
        )
    )


def upgrade() -> None:
    op.create_table(
        "meeting_team_practice",
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practice.id"],
            name=op.f("fk_meeting_team_practice_practice_id_practice"),
        ),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["meeting_team.id"],
            name=op.f("fk_meeting_team_practice_team_id_meeting_team"),
        ),
        sa.PrimaryKeyConstraint("team_id", "practice_id", name=op.f("pk_meeting_team_practice")),
    )
    op.create_table(
        "patient_practice_move",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.Column("from_practice_id", sa.Integer(), nullable=False),
        sa.Column("to_practice_id", sa.Integer(), nullable=False),
        sa.Column("moved_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("created_at", pzmdo_types.UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(
            ["from_practice_id"],
            ["practice.id"],
            name=op.f("fk_patient_practice_move_from_practice_id_practice"),
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patient.id"], name=op.f("fk_patient_practice_move_patient_id_patient")
        ),
        sa.ForeignKeyConstraint(
            ["to_practice_id"],
            ["practice.id"],
            name=op.f("fk_patient_practice_move_to_practice_id_practice"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient_practice_move")),
    )
    with op.batch_alter_table("patient_practice_move", schema=None) as batch_op:
        batch_op.create_index(
            "ix_patient_practice_move_patient", ["patient_id", "moved_on"], unique=False
        )

    op.create_table(
        "user_practice",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["practice_id"], ["practice.id"], name=op.f("fk_user_practice_practice_id_practice")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_user_practice_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("user_id", "practice_id", name=op.f("pk_user_practice")),
    )
    op.create_table(
        "user_team",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"], ["meeting_team.id"], name=op.f("fk_user_team_team_id_meeting_team")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_user_team_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("user_id", "team_id", name=op.f("pk_user_team")),
    )
    with op.batch_alter_table("meeting_nomination", schema=None) as batch_op:
        batch_op.add_column(sa.Column("team_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_meeting_nomination_team_id_meeting_team"),
            "meeting_team",
            ["team_id"],
            ["id"],
        )

    with op.batch_alter_table("meeting_team_member", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("role", sa.String(length=20), nullable=False, server_default="lid")
        )

    # Plain ALTER TABLE only: rebuilding practice or patient (a batch "recreate") drops a
    # parent table whose rows are referenced, which SQLite refuses with foreign keys on.
    with op.batch_alter_table("practice", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("agb_code", sa.String(length=8), nullable=True))
        batch_op.add_column(sa.Column("address", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("postcode", sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column("city", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("phone", sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column("hap_name", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("hap_phone", sa.String(length=40), nullable=True))
        batch_op.add_column(
            sa.Column("active", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.create_index("uq_practice_agb_code", ["agb_code"], unique=True)
    _attach_everyone()
    with op.batch_alter_table("patient", schema=None, recreate="never") as batch_op:
        batch_op.create_index("ix_patient_practice_status", ["practice_id", "status"], unique=False)
    _practice_required(True)


def _practice_required(on: bool) -> None:
    """Every patient belongs to a practice. SQLite cannot add NOT NULL to a referenced table
    in place, so triggers refuse a patient without one; PostgreSQL alters the column."""
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.alter_column("patient", "practice_id", existing_type=sa.Integer(), nullable=not on)
        return
    for verb in ("INSERT", "UPDATE"):
        name = f"patient_practice_required_{verb.lower()}"
        if on:
            op.execute(
                f"CREATE TRIGGER {name} BEFORE {verb} ON patient WHEN NEW.practice_id IS NULL "
                "BEGIN SELECT RAISE(ABORT, 'a patient belongs to a practice'); END"
            )
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")


def downgrade() -> None:
    _practice_required(False)
    with op.batch_alter_table("patient", schema=None, recreate="never") as batch_op:
        batch_op.drop_index("ix_patient_practice_status")
    with op.batch_alter_table("practice", schema=None) as batch_op:
        batch_op.drop_index("uq_practice_agb_code")
    with op.batch_alter_table("practice", schema=None, recreate="never") as batch_op:
        for column in ("active", "hap_phone", "hap_name", "phone", "city", "postcode"):
            batch_op.drop_column(column)
        batch_op.drop_column("address")
        batch_op.drop_column("agb_code")

    with op.batch_alter_table("meeting_team_member", schema=None) as batch_op:
        batch_op.drop_column("role")

    with op.batch_alter_table("meeting_nomination", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_meeting_nomination_team_id_meeting_team"), type_="foreignkey"
        )
        batch_op.drop_column("team_id")

    op.drop_table("user_team")
    op.drop_table("user_practice")
    with op.batch_alter_table("patient_practice_move", schema=None) as batch_op:
        batch_op.drop_index("ix_patient_practice_move_patient")

    op.drop_table("patient_practice_move")
    op.drop_table("meeting_team_practice")
