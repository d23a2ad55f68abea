"""PostgreSQL for the tests: ROLEPLAY_TEST_PG_URL if set, else a private throwaway cluster.

The cluster lives in a temporary folder, listens on a free port on 127.0.0.1 only, runs without fsync
(a test server, not a database to keep), and stops when the test run ends — a watchdog stops it even
when pytest itself is killed.  Root cannot run postgres, so as root the server runs as the `postgres`
user Debian's package creates.  Each test gets a database of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

USER = "roleplay"


class Unavailable(RuntimeError):
    """No PostgreSQL to test against; the message says why and how to get one."""


def _bindir() -> Path | None:
    """The newest installed server's binaries (Debian keeps them off PATH, per major version)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parts[-3]), reverse=True)
    if found:
        return found[0].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A reachable PostgreSQL server where the tests may create and drop databases."""

    def __init__(self, admin_url: str, cluster: "Cluster | None" = None):
        self.admin_url = make_url(admin_url).set(drivername="postgresql+psycopg")
        self.cluster = cluster
        self._admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT", pool_size=1)

    @classmethod
    def start(cls) -> "Server":
        """Connect to ROLEPLAY_TEST_PG_URL, or start a private cluster; raises Unavailable saying why not."""
        given = os.environ.get("ROLEPLAY_TEST_PG_URL")
        cluster = None
        if not given:
            bindir = _bindir()
            if bindir is None:
                raise Unavailable("PostgreSQL is not installed (no initdb found): `./setup --test` installs "
                                  "Debian's postgresql package, or set ROLEPLAY_TEST_PG_URL to a server")
            cluster = Cluster(bindir)
            given = cluster.start()
        server = cls(given, cluster)
        try:
            with server._admin.connect() as c:
                c.execute(text("SELECT 1"))
        except Exception as e:
            server.stop()
            where = server.admin_url.render_as_string(hide_password=True)
            raise Unavailable(f"cannot reach PostgreSQL at {where}: {str(e).splitlines()[0]}") from None
        return server

    def create_database(self) -> str:
        name = f"rp_test_{uuid.uuid4().hex[:12]}"
        with self._admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def drop_database(self, url: str) -> None:
        name = make_url(url).database
        assert re.fullmatch(r"rp_test_[0-9a-f]{12}", name), name
        with self._admin.connect() as c:  # FORCE: connections a test left open (or a killed process) go too
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def stop(self) -> None:
        self._admin.dispose()
        if self.cluster is not None:
            self.cluster.stop()


class Cluster:
    """initdb + pg_ctl in a temporary folder, as the `postgres` user when we are root."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.dir = Path(tempfile.mkdtemp(prefix="roleplay-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self._as = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
            self._as = ["runuser", "-u", "postgres", "--"]
        self._watchdog: subprocess.Popen | None = None

    def _run(self, *args: str) -> None:
        r = subprocess.run([*self._as, str(self.bindir / args[0]), *args[1:]], capture_output=True, text=True,
                           timeout=120)
        if r.returncode != 0:
            log = self.dir / "log"
            tail = log.read_text(errors="replace")[-1500:] if log.exists() else ""
            raise Unavailable(f"{args[0]} failed ({r.returncode}): {(r.stderr or r.stdout).strip()[-1500:]}\n{tail}")

    def start(self) -> str:
        password = secrets.token_urlsafe(12)
        pwfile = self.dir / "pw"
        pwfile.write_text(password + "\n")
        if self._as:
            shutil.chown(pwfile, "postgres", "postgres")
        self._run("initdb", "-D", str(self.data), "-U", USER, f"--pwfile={pwfile}", "--auth=scram-sha-256",
                  "-E", "UTF8", "--locale=C", "--no-sync")
        options = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c max_connections=300 "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.dir / "log"), "-o", options, "-w", "-t", "60",
                  "start")
        self._watchdog = subprocess.Popen(
            ["bash", "-c", f'while kill -0 {os.getpid()} 2>/dev/null; do sleep 2; done; {self._stop_command()}'],
            start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return URL.create("postgresql+psycopg", USER, password, "127.0.0.1", self.port,
                          "postgres").render_as_string(hide_password=False)

    def _stop_command(self) -> str:
        pg_ctl = " ".join([*self._as, str(self.bindir / "pg_ctl")])
        return f"{pg_ctl} -D {self.data} -m immediate -w stop >/dev/null 2>&1; rm -rf {self.dir}"

    def stop(self) -> None:
        if self._watchdog is not None:
            self._watchdog.kill()
            self._watchdog.wait()
        subprocess.run(["bash", "-c", self._stop_command()], timeout=120)
