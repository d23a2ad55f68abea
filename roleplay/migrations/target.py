"""The tables the models declare: what the migrations must produce (Alembic's target metadata)."""

from __future__ import annotations

from sqlalchemy import MetaData

from ..accounts import UserRow
from ..assignments import AssignmentRow  # its tables join the store's metadata
from ..store import SessionRow


def metadata() -> list[MetaData]:
    assert AssignmentRow.metadata is SessionRow.metadata
    return [SessionRow.metadata, UserRow.metadata]
