"""Groups of trainees, and assignments (persona, pass marks, attempts, due date) with the sessions that
are attempts at them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "user_groups",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("group_name", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["username"], ["users.username"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("username", "group_name"),
    )
    op.create_index("ix_user_groups_group_name", "user_groups", ["group_name"])
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("persona_id", sa.String(length=64), nullable=False),
        sa.Column("difficulty", sa.String(length=8), nullable=True),
        sa.Column("trainees", sa.JSON(), nullable=False),
        sa.Column("groups", sa.JSON(), nullable=False),
        sa.Column("pass_overall", sa.Float(), nullable=False),
        sa.Column("pass_skills", sa.JSON(), nullable=False),
        sa.Column("max_attempts", sa.Integer(), nullable=True),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(length=120), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "assignment_sessions",
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["assignment_id"], ["assignments.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("session_id"),
    )
    op.create_index("ix_assignment_sessions_assignment_id", "assignment_sessions", ["assignment_id"])


def downgrade() -> None:
    op.drop_index("ix_assignment_sessions_assignment_id", table_name="assignment_sessions")
    op.drop_table("assignment_sessions")
    op.drop_table("assignments")
    op.drop_index("ix_user_groups_group_name", table_name="user_groups")
    op.drop_table("user_groups")
