"""Test runs (`roleplay simulate`, the Personas tab's test runs) are marked, and kept out of practice.

A plain ALTER TABLE, not batch mode: on SQLite batch mode copies the sessions table and drops the old
one, and with foreign keys on that drop would delete every turn (ON DELETE CASCADE).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sessions", sa.Column("test_run", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("sessions", "test_run")  # SQLite 3.35+ drops a column in place
