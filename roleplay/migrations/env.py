"""Alembic's environment: migrations run on the connection that roleplay.migrations.config hands over."""

from alembic import context

from roleplay.migrations import target

connection = context.config.attributes.get("connection")
if connection is None:
    raise SystemExit("run migrations through `roleplay db upgrade` (or roleplay.migrations.upgrade)")
# render_as_batch: SQLite changes a table by copying it; batch operations do that there and plain ALTERs elsewhere.
context.configure(connection=connection, target_metadata=target.metadata(), render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
