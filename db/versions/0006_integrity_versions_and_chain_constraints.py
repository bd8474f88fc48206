"""integrity: optimistic versions and constraints that make impossible states unstorable

Patient, meeting and consultation get a version number (checked and raised by every
UPDATE) plus who saved last; a marking is open until the patient leaves the marked phase
and only one may be open per patient; urgency changes are numbered per patient, one link
per place in the chain.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 03:57:15.899044
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import pzmdo.store.models.base as pzmdo_types

revision: str = "0006"
# On the consultations branch (its table changes); the register's (0002a) and the
# meetings' (0004) tables must exist too. A branch of its own off 0001 cannot depend on
# revisions that themselves descend from 0001 (Alembic loses track of the heads).
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = ("0002a", "0004")

VERSIONED = ("patient", "meeting", "consultation")


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.Integer(), server_default="1", nullable=False)
            )
            batch_op.add_column(sa.Column("changed_by", sa.String(length=80), nullable=True))
            batch_op.add_column(sa.Column("changed_at", pzmdo_types.UTCDateTime(), nullable=True))

    with op.batch_alter_table("marking", schema=None) as batch_op:
        batch_op.add_column(sa.Column("closed_on", sa.Date(), nullable=True))
    # Markings of patients who left the marked phase are closed; of several open markings
    # of one patient (written by the race this revision ends) only the newest stays open.
    op.execute(
        "UPDATE marking SET closed_on = (SELECT p.status_since FROM patient p "
        "WHERE p.id = marking.patient_id) WHERE patient_id IN (SELECT id FROM patient "
        "WHERE status IN ('afgemeld', 'overleden'))"
    )
    op.execute(
        "UPDATE marking SET closed_on = marked_on WHERE closed_on IS NULL AND id < "
        "(SELECT max(m.id) FROM marking m WHERE m.patient_id = marking.patient_id "
        "AND m.closed_on IS NULL)"
    )
    with op.batch_alter_table("marking", schema=None) as batch_op:
        batch_op.create_index(
            "uq_marking_open_patient",
            ["patient_id"],
            unique=True,
            sqlite_where=sa.text("closed_on IS NULL"),
            postgresql_where=sa.text("closed_on IS NULL"),
        )

    with op.batch_alter_table("urgency_change", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), server_default="1", nullable=False))
    op.execute(
        "UPDATE urgency_change SET seq = (SELECT count(*) FROM urgency_change u "
        "WHERE u.patient_id = urgency_change.patient_id AND u.id <= urgency_change.id)"
    )
    with op.batch_alter_table("urgency_change", schema=None) as batch_op:
        batch_op.create_unique_constraint(
            batch_op.f("uq_urgency_change_patient_id"), ["patient_id", "seq"]
        )


def downgrade() -> None:
    with op.batch_alter_table("urgency_change", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_urgency_change_patient_id"), type_="unique")
        batch_op.drop_column("seq")
    with op.batch_alter_table("marking", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_marking_open_patient",
            sqlite_where=sa.text("closed_on IS NULL"),
            postgresql_where=sa.text("closed_on IS NULL"),
        )
        batch_op.drop_column("closed_on")
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("changed_at")
            batch_op.drop_column("changed_by")
            batch_op.drop_column("version")
