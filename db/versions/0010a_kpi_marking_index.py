"""covering index on marking for the quality figures

Revision ID: 0010a
Revises: 0009
Create Date: 2026-11-30 07:45:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010a"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The first marking per patient and "marked in the period" read from the index alone
    # (pzmdo.services.kpi); 0009 joins every head, so marking.closed_on (0006) exists here.
    op.create_index(
        "ix_marking_patient_marked", "marking", ["patient_id", "marked_on", "closed_on"]
    )


def downgrade() -> None:
    op.drop_index("ix_marking_patient_marked", table_name="marking")
