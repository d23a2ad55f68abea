"""Schema migrations (Alembic), shipped inside the package: no alembic.ini, nothing on disk to configure.

`open_database` (so every Store and Accounts) calls `upgrade` on open; `roleplay db upgrade|current`
does it by hand, e.g. before starting several app processes.  The tables the revisions must produce
are in `target.py` (it imports the models; this module imports none, so the models can import it).

A new revision after changing the models (SQLite or PostgreSQL at the current head):

    from alembic import command
    from roleplay import database, migrations
    with database.engine_for(URL).begin() as conn:
        command.revision(migrations.config(conn), "what changed", autogenerate=True, rev_id="0003")

then read and complete versions/0003_what_changed.py (batch operations, so SQLite can alter tables).
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Alembic reports each set-up step at INFO (from its import on, and on every open); our one line says
# what changed.
logging.getLogger("alembic").setLevel(logging.WARNING)

from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402
from alembic.runtime.migration import MigrationContext  # noqa: E402
from alembic.script import ScriptDirectory  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import Connection, Engine  # noqa: E402

from ..database import engine_for, for_writing, reporting  # noqa: E402

HERE = Path(__file__).resolve().parent
log = logging.getLogger("roleplay.migrations")
# PostgreSQL advisory lock every roleplay process takes to migrate (advisory locks are per database).
LOCK_KEY = 0x526F6C65  # "Role"


def config(connection: Connection | None) -> Config:
    """Alembic's configuration, in code; env.py runs the migrations on `connection`."""
    cfg = Config()
    cfg.set_main_option("script_location", str(HERE))
    cfg.attributes["connection"] = connection
    return cfg


def open_database(url: str) -> Engine:
    """The engine for the URL, with the schema brought to the newest revision (safe from several processes)."""
    engine = engine_for(url)
    with reporting(engine.url):
        upgrade(engine)
    return engine


@functools.cache
def head() -> str:
    return ScriptDirectory.from_config(config(None)).get_current_head()


def current(connection: Connection) -> str | None:
    """The database's revision; None for a database without one (new, or made before migrations)."""
    return MigrationContext.configure(connection).get_current_revision()


# Alembic runs env.py through one module-level context: two threads migrating at once would share it.
_in_process = threading.Lock()


def upgrade(engine: Engine) -> str:
    """Bring the database to head, once even when several processes open it together; returns head."""
    with engine.connect() as conn:
        if current(conn) == head():
            return head()  # the usual case: nothing to do, no lock taken
    with _in_process, _exclusive(engine) as conn:
        # Inside the lock: a process that waited finds the work done and alembic does nothing.
        before = current(conn)
        command.upgrade(config(conn), "head")
    if before != head():
        log.info("database %s migrated from %s to %s", engine.url.render_as_string(hide_password=True),
                 before or "nothing", head())
    return head()


@contextmanager
def _exclusive(engine: Engine) -> Iterator[Connection]:
    """A transaction that only one process at a time holds; the migrations run (and commit) inside it."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
            yield conn
    else:  # SQLite: a writing transaction begins IMMEDIATE, holding the database's write lock
        with for_writing(engine).begin() as conn:
            yield conn
