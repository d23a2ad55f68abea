"""Storage fixtures: every test that takes `db_url` or `store` runs on SQLite and on PostgreSQL.

PostgreSQL comes from tests/pg.py (ROLEPLAY_TEST_PG_URL, or a private throwaway cluster when the
server is installed).  Without one the PostgreSQL cases skip and say why — unless ROLEPLAY_REQUIRE_PG=1
(CI sets it), where a missing or unreachable PostgreSQL fails them.
"""

from __future__ import annotations

import os

import pytest

from roleplay.store import Store
from tests import pg

DATABASES = [pytest.param("sqlite"), pytest.param("postgresql", marks=pytest.mark.postgresql)]


def pytest_configure(config):
    config.addinivalue_line("markers", "postgresql: runs against a real PostgreSQL server (see tests/pg.py)")


@pytest.fixture(scope="session")
def pg_server():
    """The PostgreSQL server for this run, or the reason there is none (started on first use)."""
    try:
        server = pg.Server.start()
    except pg.Unavailable as e:
        yield e
        return
    yield server
    server.stop()


def postgresql_database(request) -> str:
    """A new empty database on the test server, dropped when the test ends (or skip/fail: see above)."""
    server = request.getfixturevalue("pg_server")
    if isinstance(server, pg.Unavailable):
        if os.environ.get("ROLEPLAY_REQUIRE_PG") == "1":
            pytest.fail(f"ROLEPLAY_REQUIRE_PG=1 but {server}", pytrace=False)
        pytest.skip(str(server))
    url = server.create_database()
    request.addfinalizer(lambda: server.drop_database(url))
    return url


@pytest.fixture(params=DATABASES)
def db_url(request, tmp_path) -> str:
    """A fresh, empty database: a SQLite file, or a PostgreSQL database of its own."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'rp.db'}"
    return postgresql_database(request)


@pytest.fixture
def store(db_url) -> Store:
    return Store(db_url)


@pytest.fixture
def pg_url(request) -> str:
    """A fresh PostgreSQL database, for what only PostgreSQL has (row locks, advisory locks, server restarts)."""
    return postgresql_database(request)
