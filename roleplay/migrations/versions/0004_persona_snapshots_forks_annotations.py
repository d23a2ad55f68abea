"""Sessions keep the persona they were practised with (and the rubric version), may be forks of another
session, and carry annotations: human grades, turn comments and replies, hints used.

Plain ALTER TABLE ADD COLUMN (as in 0003): batch mode on SQLite would copy and drop the sessions table,
and the drop would cascade to every turn.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("sessions", sa.Column("persona", sa.JSON(), nullable=True))
    op.add_column("sessions", sa.Column("rubric_version", sa.String(length=40), nullable=True))
    op.add_column("sessions", sa.Column("parent_id", sa.String(length=36), nullable=True))
    op.add_column("sessions", sa.Column("fork_at", sa.Integer(), nullable=True))
    op.create_index("ix_sessions_parent_id", "sessions", ["parent_id"])
    op.create_table(
        "annotations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("turn", sa.Integer(), nullable=True),
        sa.Column("author", sa.String(length=120), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.Column("reply_to", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_annotations_session_id", "annotations", ["session_id"])


def downgrade() -> None:
    op.drop_index("ix_annotations_session_id", table_name="annotations")
    op.drop_table("annotations")
    op.drop_index("ix_sessions_parent_id", table_name="sessions")
    for column in ("fork_at", "parent_id", "rubric_version", "persona"):
        op.drop_column("sessions", column)
