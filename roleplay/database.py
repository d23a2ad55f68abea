"""The database's engines: one pooled engine per URL and process, and failures put in words.

Migrating it to the newest schema on open is `migrations.open_database`, which the store and the
accounts call; this module knows no tables.

SQLite (a file, WAL mode) by default; PostgreSQL is only another URL, e.g.
`ROLEPLAY_DB_URL=postgresql+psycopg://roleplay:PASSWORD@db.internal:5432/roleplay`.
The store and the accounts share the engine, so a process holds one connection pool per database.
"""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone

from sqlalchemy import DateTime, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.types import TypeDecorator

from .paths import data_dir

# Per process; Gradio runs handlers on up to 40 threads, but each holds a connection only while it reads or writes.
POOL_SIZE = 5
MAX_OVERFLOW = 10
CONNECT_TIMEOUT_S = 10


class DatabaseError(RuntimeError):
    """The database cannot be opened or used; the message names it (never its password) and why."""


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC on every database: SQLite keeps no offset, PostgreSQL answers in its session's zone.

    A naive datetime given to a query (e.g. a date filter) is taken as UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        return _utc(value)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        return _utc(value)


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def default_url() -> str:
    url = os.environ.get("ROLEPLAY_DB_URL")
    if url:
        return url
    data = data_dir()
    data.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{data / 'roleplay.db'}"


def parse_url(url: str) -> URL:
    """The URL as SQLAlchemy takes it; plain postgresql:// and postgres:// mean psycopg 3 (the driver we ship)."""
    try:
        parsed = make_url(url)
    except sa_exc.ArgumentError:
        raise DatabaseError(f"not a database URL: {url!r} (e.g. sqlite:///path/roleplay.db or "
                            "postgresql+psycopg://user:password@host:5432/dbname)") from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def safe_url(url: str | URL) -> str:
    """The URL for messages and logs: the password is replaced by ***."""
    try:
        return (url if isinstance(url, URL) else make_url(url)).render_as_string(hide_password=True)
    except sa_exc.ArgumentError:
        return "<unreadable database URL>"


def _pool_setting(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit():
        raise DatabaseError(f"{name} must be a whole number of connections, not {raw!r}")
    return int(raw)


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # let SQLAlchemy's "begin" below decide how transactions start
        cur = dbapi_conn.cursor()
        # WAL lets readers (review) run beside a writer (practice); synchronous=NORMAL is durable across app crashes.
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        # Writers take the lock up front: a deferred transaction that reads and then writes can fail
        # at once with "database is locked" when two sessions write together; IMMEDIATE waits its turn.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("writer") else "BEGIN")


def for_writing(engine: Engine) -> Engine:
    """The engine for transactions that write: on SQLite they take the write lock when they begin.

    On PostgreSQL this changes nothing; row locks (SELECT … FOR UPDATE) serialise what must be serial.
    """
    return engine.execution_options(writer=True)


def _create(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        _sqlite_pragmas(engine)
        return engine
    connect_args = {"connect_timeout": CONNECT_TIMEOUT_S} if url.get_backend_name() == "postgresql" else {}
    # pre_ping: a connection left over from before a database restart is replaced instead of failing a turn.
    return create_engine(url, pool_size=_pool_setting("ROLEPLAY_DB_POOL_SIZE", POOL_SIZE),
                         max_overflow=_pool_setting("ROLEPLAY_DB_MAX_OVERFLOW", MAX_OVERFLOW),
                         pool_pre_ping=True, connect_args=connect_args)


_engines: weakref.WeakValueDictionary[str, Engine] = weakref.WeakValueDictionary()
_engines_lock = threading.Lock()


def engine_for(url: str) -> Engine:
    """This process's engine for the URL (created on first use; not migrated: see `migrations.open_database`)."""
    parsed = parse_url(url)
    key = parsed.render_as_string(hide_password=False)
    if parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:"):
        with reporting(parsed):
            return _create(parsed)  # each in-memory database is its own: never shared
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None:
            with reporting(parsed):
                engine = _engines[key] = _create(parsed)
        return engine


@contextmanager
def reporting(url: URL) -> Iterator[None]:
    """Turn a failure to reach or set up the database into a DatabaseError that says where and why."""
    where = safe_url(url)
    try:
        yield
    except ImportError as e:
        raise DatabaseError(f"the driver for {where} is not installed ({e.name or e}); "
                            "PostgreSQL URLs use postgresql+psycopg://") from None
    except sa_exc.ArgumentError as e:
        raise DatabaseError(f"cannot use the database URL {where}: {e}") from None
    except sa_exc.DBAPIError as e:
        raise DatabaseError(f"cannot open the database {where}: {_reason(e, url)}") from None


def _reason(error: sa_exc.DBAPIError, url: URL) -> str:
    lines = [ln.strip() for ln in str(error.orig).splitlines() if ln.strip()]
    reason = "; ".join(lines[:2]) or type(error.orig).__name__
    return reason.replace(url.password, "***") if url.password else reason
