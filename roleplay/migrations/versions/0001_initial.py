"""The schema as create_all made it before migrations: sessions, turns, users, app_settings.

A database from those days has some or all of these tables (the store and the accounts each created
their own) and no alembic_version: the tables it has are adopted as they are, the missing ones created,
and the database is then at this revision.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _tables() -> dict[str, tuple[list, list[str]]]:
    """Each table's columns and constraints, and its indexed columns."""
    return {
        "sessions": ([
            sa.Column("id", sa.String(length=36), nullable=False),
            sa.Column("trainee", sa.String(length=120), nullable=False),
            sa.Column("persona_id", sa.String(length=64), nullable=True),
            sa.Column("channel", sa.String(length=8), nullable=False),
            sa.Column("language", sa.String(length=8), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("ended", sa.Boolean(), nullable=False),
            sa.Column("end_reason", sa.String(length=20), nullable=True),
            sa.Column("state", sa.JSON(), nullable=True),
            sa.Column("scorecard", sa.JSON(), nullable=True),
            sa.Column("overall", sa.Float(), nullable=True),
            sa.PrimaryKeyConstraint("id"),
        ], ["created_at", "overall", "persona_id", "trainee"]),
        "turns": ([
            sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
            sa.Column("session_id", sa.String(length=36), nullable=False),
            sa.Column("idx", sa.Integer(), nullable=False),
            sa.Column("speaker", sa.String(length=10), nullable=False),
            sa.Column("text", sa.Text(), nullable=False),
            sa.Column("start", sa.Float(), nullable=True),
            sa.Column("end", sa.Float(), nullable=True),
            sa.Column("frustration", sa.Integer(), nullable=True),
            sa.Column("audio", sa.String(length=500), nullable=True),
            sa.Column("meta", sa.JSON(), nullable=True),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.ForeignKeyConstraint(["session_id"], ["sessions.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("id"),
        ], ["session_id"]),
        "users": ([
            sa.Column("username", sa.String(length=64), nullable=False),
            sa.Column("password_hash", sa.String(length=200), nullable=False),
            sa.Column("roles", sa.String(length=100), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint("username"),
        ], []),
        "app_settings": ([
            sa.Column("key", sa.String(length=64), nullable=False),
            sa.Column("value", sa.String(length=500), nullable=False),
            sa.PrimaryKeyConstraint("key"),
        ], []),
    }


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    for name, (columns, indexed) in _tables().items():
        if name in existing:
            continue
        op.create_table(name, *columns)
        for column in indexed:
            op.create_index(f"ix_{name}_{column}", name, [column])


def downgrade() -> None:
    for name in reversed(list(_tables())):
        op.drop_table(name)
