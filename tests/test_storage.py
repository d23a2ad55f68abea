"""The database under the store, on real SQLite and PostgreSQL: migrations, several processes opening
one database at once, old create_all databases adopted, portable types, row locks, clear errors."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, insert, inspect, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import NullPool

from roleplay import cli, migrations
from roleplay.migrations import target
from roleplay.accounts import Accounts
from roleplay.database import DatabaseError, engine_for, parse_url
from roleplay.store import SessionRow, Store, TurnRow
from roleplay.transcript import Turn
from tests.pg import free_port

ROOT = Path(__file__).resolve().parents[1]
TABLES = {"sessions", "turns", "users", "app_settings"}  # revision 0001's


def revision(url: str) -> str | None:
    with engine_for(url).connect() as conn:
        return migrations.current(conn)


def schema_differences(url: str) -> list:
    """What `alembic check` would report: the models against the migrated database."""
    with engine_for(url).connect() as conn:
        return compare_metadata(MigrationContext.configure(conn), target.metadata())


def migrate(url: str, target: str, how=command.upgrade) -> None:
    with engine_for(url).begin() as conn:
        how(migrations.config(conn), target)


def test_a_new_database_is_brought_to_head_and_matches_the_models(db_url):
    Store(db_url)
    assert revision(db_url) == migrations.head() == "0005"
    assert TABLES | {"user_groups", "assignments", "assignment_sessions"} <= set(
        inspect(engine_for(db_url)).get_table_names())
    assert schema_differences(db_url) == []


def test_downgrade_to_nothing_and_up_again(db_url):
    Store(db_url)
    migrate(db_url, "base", command.downgrade)
    assert revision(db_url) is None and not TABLES & set(inspect(engine_for(db_url)).get_table_names())
    migrate(db_url, "head")
    assert revision(db_url) == migrations.head() and schema_differences(db_url) == []


def _legacy(url: str, tables: set[str]) -> None:
    """A database as create_all left it before migrations: revision 0001's tables (some of them), no version."""
    migrate(url, "0001")
    with engine_for(url).begin() as conn:
        for name in ("alembic_version", *(TABLES - tables)):
            conn.execute(text(f"DROP TABLE {name}"))


@pytest.mark.parametrize("tables", [TABLES, {"sessions", "turns"}], ids=["all-tables", "store-only"])
def test_a_database_made_by_create_all_is_adopted_and_upgraded(db_url, tables):
    _legacy(db_url, tables)
    now = datetime.now(timezone.utc)
    with engine_for(db_url).begin() as conn:
        conn.execute(insert(SessionRow.__table__).values(
            id="old", trainee="ann", persona_id="late-delivery", channel="chat", language="en", created_at=now,
            updated_at=now, ended=False))
        conn.execute(insert(TurnRow.__table__).values(session_id="old", idx=0, speaker="customer", text="Hello.",
                                                      created_at=now))
    store = Store(db_url)
    Accounts(db_url).add("bob", "password1", ["trainee"])  # the users table exists either way
    assert revision(db_url) == migrations.head() and schema_differences(db_url) == []
    assert [t.text for t in store.transcript("old").turns] == ["Hello."]
    assert store.add_turn("old", Turn(speaker="trainee", text="Hi.")) == 1


def test_a_turn_index_is_unique_within_its_session(store):
    sid = store.create_session("ann", "late-delivery", "chat", "en")
    store.add_turn(sid, Turn(speaker="customer", text="Hello."))
    with pytest.raises(IntegrityError), store.engine.begin() as conn:
        conn.execute(insert(TurnRow.__table__).values(session_id=sid, idx=0, speaker="trainee", text="again",
                                                      created_at=datetime.now(timezone.utc)))


OPENER = r"""
import sys
from roleplay.accounts import Accounts
from roleplay.store import Store
sys.stdin.readline()  # all processes are ready: open together
Store(sys.argv[1]); Accounts(sys.argv[1])
print("OPENED", flush=True)
"""


def test_several_processes_opening_a_new_database_at_once_migrate_it_once(db_url):
    procs = [subprocess.Popen([sys.executable, "-c", OPENER, db_url], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, cwd=ROOT) for _ in range(4)]
    for p in procs:  # imports done: release them together
        p.stdin.write("go\n")
    for p in procs:
        p.stdin.flush()
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, [err[-2000:] for _, err in results]
    assert all(out.strip() == "OPENED" for out, _ in results)
    with engine_for(db_url).connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [migrations.head()]
    assert schema_differences(db_url) == []


def test_timestamps_are_aware_utc_and_date_filters_work(store):
    sid = store.create_session("ann", "late-delivery", "chat", "en")
    store.add_turn(sid, Turn(speaker="customer", text="Hello."))
    row = store.get(sid)
    for stamp in (row.created_at, row.updated_at, row.turns[0].created_at):
        assert stamp.tzinfo is not None and stamp.utcoffset() == timedelta(0)
        assert abs(datetime.now(timezone.utc) - stamp) < timedelta(minutes=5)
    today = datetime.now(timezone.utc).replace(tzinfo=None, hour=0, minute=0, second=0, microsecond=0)
    assert [r.id for r in store.list_sessions(since=today)] == [sid]  # a naive date is taken as UTC
    assert store.list_sessions(since=today + timedelta(days=1)) == []


def test_text_with_nul_characters_is_stored_the_same_on_both(store):
    sid = store.create_session("ann", "late-delivery", "chat", "en")
    store.add_turn(sid, Turn(speaker="customer", text="Hel\x00lo."), meta={"raw": "a\x00b"})
    row = store.get(sid)
    assert row.turns[0].text == "Hello." and row.turns[0].meta == {"raw": "a\x00b"}


def test_appends_to_one_session_from_many_threads_are_serialised(store):
    """Each append reads the last index and writes the next: the row lock (PostgreSQL) or the write lock
    (SQLite) keeps two threads from taking the same one."""
    sid = store.create_session("ann", "late-delivery", "chat", "en")
    errors = []

    def append(i):
        try:
            for k in range(10):
                store.add_turn(sid, Turn(speaker="trainee", text=f"{i}-{k}"))
        except Exception as e:  # collected: a failure in a thread must fail the test
            errors.append(e)

    threads = [threading.Thread(target=append, args=(i,)) for i in range(8)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert errors == []
    turns = store.get(sid).turns
    assert [t.idx for t in turns] == list(range(80))
    assert sorted(t.text for t in turns) == sorted(f"{i}-{k}" for i in range(8) for k in range(10))


def test_the_store_and_the_accounts_share_one_connection_pool(db_url):
    assert Store(db_url).engine is Accounts(db_url).engine


@pytest.mark.postgresql
def test_connections_cut_by_a_server_restart_are_replaced(pg_url):
    store = Store(pg_url)
    sid = store.create_session("ann", "late-delivery", "chat", "en")
    admin = create_engine(pg_url, poolclass=NullPool)
    with admin.connect() as conn:  # what a restart does to every open connection
        cut = conn.execute(text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                "WHERE datname = current_database() AND pid <> pg_backend_pid()")).scalar()
    admin.dispose()
    assert cut >= 1
    assert store.add_turn(sid, Turn(speaker="customer", text="Still here.")) == 0


def test_an_unreachable_postgresql_is_named_without_its_password(capsys):
    port = free_port()
    url = f"postgresql+psycopg://roleplay:s3cret-pw@127.0.0.1:{port}/roleplay"
    with pytest.raises(DatabaseError) as e:
        Store(url)
    message = str(e.value)
    assert f"roleplay:***@127.0.0.1:{port}/roleplay" in message and "Connection refused" in message
    assert "s3cret-pw" not in message
    assert cli.main(["--db", url, "db", "current"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("roleplay: cannot open the database") and "Traceback" not in err and "s3cret" not in err
    app = subprocess.run([sys.executable, "app.py", "--db", url], cwd=Path(__file__).resolve().parents[1],
                         capture_output=True, text=True, timeout=120)
    assert app.returncode == 1 and app.stderr.startswith("roleplay: cannot open the database"), app.stderr[-2000:]
    assert "Traceback" not in app.stderr and "s3cret" not in app.stderr


@pytest.mark.parametrize("url,says", [
    ("not a url", "not a database URL"),
    ("mysql://u:pw@127.0.0.1/x", "driver for mysql://u:***@127.0.0.1/x is not installed"),
])
def test_unusable_urls_are_explained(url, says):
    with pytest.raises(DatabaseError, match=re.escape(says)):
        Store(url)


def test_plain_postgresql_urls_use_psycopg_3():
    for url in ("postgresql://u:p@db:5432/rp", "postgres://u:p@db:5432/rp"):
        assert parse_url(url).drivername == "postgresql+psycopg"


def test_pool_sizes_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("ROLEPLAY_DB_POOL_SIZE", "3")
    monkeypatch.setenv("ROLEPLAY_DB_MAX_OVERFLOW", "7")
    engine = engine_for("postgresql+psycopg://u:p@pool-test.invalid:5432/rp")  # nothing connects yet
    assert engine.pool.size() == 3 and engine.pool._max_overflow == 7 and engine.pool._pre_ping
    monkeypatch.setenv("ROLEPLAY_DB_POOL_SIZE", "lots")
    with pytest.raises(DatabaseError, match="ROLEPLAY_DB_POOL_SIZE must be a whole number"):
        engine_for("postgresql+psycopg://u:p@pool-test-2.invalid:5432/rp")


def test_db_commands(db_url, capsys):
    assert cli.main(["--db", db_url, "db", "current"]) == 1
    assert "run `roleplay db upgrade`" in capsys.readouterr().out
    assert cli.main(["db", "upgrade", "--db", db_url]) == 0
    assert "at revision 0005 (the newest)" in capsys.readouterr().out
    assert cli.main(["--db", db_url, "db", "current"]) == 0
    assert revision(db_url) == migrations.head()


@pytest.mark.parametrize("require,exit_code,says", [("", 0, "1 skipped"), ("1", 1, "ROLEPLAY_REQUIRE_PG=1 but")])
def test_without_postgresql_its_tests_skip_or_with_require_pg_fail(require, exit_code, says):
    env = {**os.environ, "ROLEPLAY_TEST_PG_URL": f"postgresql://rp:pw@127.0.0.1:{free_port()}/postgres",
           "ROLEPLAY_REQUIRE_PG": require}
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rsE", "-p", "no:cacheprovider",
                        "tests/test_storage.py::test_a_new_database_is_brought_to_head_and_matches_the_models"],
                       cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert r.returncode == exit_code, r.stdout[-3000:]
    assert says in r.stdout and "cannot reach PostgreSQL at postgresql+psycopg://rp:***@127.0.0.1" in r.stdout


def test_marking_test_runs_keeps_every_turn_of_an_existing_database(db_url):
    Store(db_url)
    migrate(db_url, "0002", command.downgrade)
    now = datetime.now(timezone.utc)
    with engine_for(db_url).begin() as conn:
        conn.execute(text("INSERT INTO sessions (id, trainee, persona_id, channel, language, created_at, updated_at, "
                          "ended) VALUES ('old', 'ann', 'late-delivery', 'chat', 'en', :t, :t, false)"), {"t": now})
        conn.execute(text("INSERT INTO turns (session_id, idx, speaker, text, created_at) "
                          "VALUES ('old', 0, 'customer', 'Hello.', :t)"), {"t": now})
    store = Store(db_url)  # migrates to 0005
    assert [t.text for t in store.transcript("old").turns] == ["Hello."]
    assert [r.id for r in store.list_sessions()] == ["old"] and store.list_sessions(test_runs=True) == []


def test_stores_opened_in_several_threads_at_once_all_migrate():
    # Alembic's migration context is module-level: without the in-process lock, threads trip over each other.
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(6) as pool:  # an in-memory database belongs to its thread: look at it there
        assert list(pool.map(lambda _: Store("sqlite://").list_sessions(), range(6))) == [[]] * 6
