"""A turn's index is unique within its session.

The store appends under a lock (BEGIN IMMEDIATE on SQLite, a row lock on PostgreSQL); the constraint
makes a lost lock an error instead of two turns at one place. Its index also serves every lookup by
session, so the plain session_id index goes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("turns") as batch:
        batch.drop_index("ix_turns_session_id")
        batch.create_unique_constraint("uq_turns_session_id_idx", ["session_id", "idx"])


def downgrade() -> None:
    with op.batch_alter_table("turns") as batch:
        batch.drop_constraint("uq_turns_session_id_idx", type_="unique")
        batch.create_index("ix_turns_session_id", ["session_id"])
