"""Users and roles for the web app, with argon2-hashed passwords.

Roles:
  trainee    practises; sees only their own sessions (enforced on the server)
  trainer    everything a trainee can, plus personas and all sessions
  evaluator  all sessions, and (re-)grading

Users live in the same database as the sessions (a `users` table beside them),
so one `ROLEPLAY_DB_URL` (or `--db`) covers both.  `roleplay users add|list|remove`
manages them; `add_commands(subparsers)` hooks those into the main CLI.

Trainees belong to groups (a `user_groups` table: `roleplay users add … --group`, or trainers in the
app's Team tab); assignments go to people or whole groups.

Single-user mode (`ROLEPLAY_SINGLE_USER=1` or `roleplay serve --single-user`)
needs no accounts at all: the one user is "local", with every role.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import ForeignKey, String, delete, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

from .database import UTCDateTime, default_url, for_writing
from .migrations import open_database

ROLES = ("trainee", "trainer", "evaluator")
LOCAL_USER = "local"
USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
GROUP_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$")
MIN_PASSWORD = 8
# A few wrong passwords in a row lock the name out for a while: slows guessing, not a real user.
MAX_FAILURES = 5
LOCKOUT_S = 60.0
MAX_TRACKED = 10_000  # names with recent failed attempts remembered (every name tried is one)

_hasher = PasswordHasher()
# Verifying against this when the user does not exist keeps the time the same as for a real one.
_DUMMY_HASH = _hasher.hash("not a real password, only for timing")


class AccountError(ValueError):
    """A user cannot be added or changed; the message says why."""


class _Base(DeclarativeBase):
    pass


class UserRow(_Base):
    __tablename__ = "users"

    username: Mapped[str] = mapped_column(String(64), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    roles: Mapped[str] = mapped_column(String(100))  # comma-separated, from ROLES
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=lambda: datetime.now(timezone.utc))


class GroupMemberRow(_Base):
    """A user's membership of a group (a group exists while it has members)."""

    __tablename__ = "user_groups"

    username: Mapped[str] = mapped_column(ForeignKey("users.username", ondelete="CASCADE"), primary_key=True)
    group_name: Mapped[str] = mapped_column(String(64), primary_key=True, index=True)


class SettingRow(_Base):
    """App-wide settings trainers change in the web app (e.g. exam mode)."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(500))


@dataclass(frozen=True)
class User:
    name: str
    roles: frozenset[str]

    def has(self, role: str) -> bool:
        return role in self.roles

    @property
    def sees_all_sessions(self) -> bool:
        return bool(self.roles & {"trainer", "evaluator"})

    @property
    def can_edit_personas(self) -> bool:
        return "trainer" in self.roles

    @property
    def can_grade(self) -> bool:
        return "evaluator" in self.roles

    @property
    def label(self) -> str:
        order = [r for r in ROLES if r in self.roles]
        return ", ".join(order) or "no role"


LOCAL = User(LOCAL_USER, frozenset(ROLES))


def single_user_mode() -> bool:
    return os.environ.get("ROLEPLAY_SINGLE_USER", "").strip().lower() in ("1", "true", "yes", "on")


def check_group(name: str) -> str:
    name = (name or "").strip()
    if not GROUP_NAME.match(name):
        raise AccountError(f"a group name is 1-64 letters, digits, spaces or . _ - (starting with a letter or digit), "
                           f"not {name!r}")
    return name


def check_roles(roles) -> list[str]:
    roles = [r.strip().lower() for r in roles if r and r.strip()]
    if not roles:
        raise AccountError(f"give at least one role ({', '.join(ROLES)})")
    unknown = [r for r in roles if r not in ROLES]
    if unknown:
        raise AccountError(f"unknown role {', '.join(unknown)}; roles are {', '.join(ROLES)}")
    return [r for r in ROLES if r in roles]


class Accounts:
    def __init__(self, url: str | None = None):
        self.url = url or default_url()
        self.engine = open_database(self.url)  # the store's engine when the URL is the same
        self._db = sessionmaker(self.engine, expire_on_commit=False)
        self._writes = sessionmaker(for_writing(self.engine), expire_on_commit=False)
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    # users ------------------------------------------------------------------------------------

    def add(self, username: str, password: str, roles, replace: bool = False, groups=()) -> User:
        username = (username or "").strip()
        if not USERNAME.match(username):
            raise AccountError("a user name is 1-64 letters, digits or . _ @ - (starting with a letter or digit)")
        if username == LOCAL_USER:
            raise AccountError(f"'{LOCAL_USER}' is reserved for single-user mode")
        if len(password or "") < MIN_PASSWORD:
            raise AccountError(f"the password must be at least {MIN_PASSWORD} characters")
        roles = check_roles(roles)
        groups = sorted({check_group(g) for g in groups or ()})
        with self._writes.begin() as db:
            row = db.get(UserRow, username)
            if row is not None and not replace:
                raise AccountError(f"user '{username}' already exists (use --replace to change the password or roles)")
            if row is None:
                row = UserRow(username=username, password_hash="", roles="")
                db.add(row)
            row.password_hash = _hasher.hash(password)
            row.roles = ",".join(roles)
            db.flush()  # the user row first: memberships refer to it
            for g in groups:
                db.merge(GroupMemberRow(username=username, group_name=g))
        return User(username, frozenset(roles))

    def remove(self, username: str) -> bool:
        with self._writes.begin() as db:
            row = db.get(UserRow, username)
            if row is None:
                return False
            db.execute(delete(GroupMemberRow).where(GroupMemberRow.username == username))
            db.delete(row)
        return True

    # groups -----------------------------------------------------------------------------------

    def join(self, username: str, group: str) -> None:
        group = check_group(group)
        with self._writes.begin() as db:
            if db.get(UserRow, username) is None:
                raise AccountError(f"no user '{username}'")
            db.merge(GroupMemberRow(username=username, group_name=group))

    def leave(self, username: str, group: str) -> bool:
        with self._writes.begin() as db:
            gone = db.execute(delete(GroupMemberRow).where(GroupMemberRow.username == username,
                                                           GroupMemberRow.group_name == (group or "").strip()))
            return gone.rowcount > 0

    def groups(self) -> dict[str, list[str]]:
        """Every group with its members, by name."""
        out: dict[str, list[str]] = {}
        with self._db() as db:
            for r in db.scalars(select(GroupMemberRow).order_by(GroupMemberRow.group_name, GroupMemberRow.username)):
                out.setdefault(r.group_name, []).append(r.username)
        return out

    def groups_of(self, username: str) -> list[str]:
        with self._db() as db:
            return list(db.scalars(select(GroupMemberRow.group_name).where(GroupMemberRow.username == username)
                                   .order_by(GroupMemberRow.group_name)))

    def get(self, username: str) -> User | None:
        with self._db() as db:
            row = db.get(UserRow, username)
            return None if row is None else User(row.username, frozenset(r for r in row.roles.split(",") if r))

    def list(self) -> list[User]:
        with self._db() as db:
            rows = db.scalars(select(UserRow).order_by(UserRow.username))
            return [User(r.username, frozenset(x for x in r.roles.split(",") if x)) for r in rows]

    def __len__(self) -> int:
        return len(self.list())

    def verify(self, username: str, password: str) -> bool:
        """True when the password is right; also the `auth=` callable of the web app."""
        username = (username or "").strip()
        if not self._attempt(username):
            return False
        with self._db() as db:
            row = db.get(UserRow, username) if username else None
            stored = row.password_hash if row is not None else None
        try:
            _hasher.verify(stored or _DUMMY_HASH, password or "")
            ok = stored is not None
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            ok = False
        if not ok:
            return False  # already counted by _attempt
        with self._lock:
            self._failures.pop(username, None)
        if _hasher.check_needs_rehash(stored):
            with self._writes.begin() as db:
                db.get(UserRow, username).password_hash = _hasher.hash(password)
        return True

    def _attempt(self, username: str) -> bool:
        """Count an attempt for `username` as failed until it succeeds; False when the name is locked out.

        Checked and counted under one lock, so parallel guesses cannot all pass the check first.  The
        table forgets attempts older than LOCKOUT_S, and holds at most MAX_TRACKED names (the oldest go).
        """
        with self._lock:
            now = time.monotonic()
            recent = [t for t in self._failures.pop(username, []) if now - t < LOCKOUT_S]
            if len(recent) >= MAX_FAILURES:
                self._failures[username] = recent
                return False
            self._failures[username] = [*recent, now]  # newest last: the dict is oldest-first
            while len(self._failures) > MAX_TRACKED:
                del self._failures[next(iter(self._failures))]
            return True

    # settings ---------------------------------------------------------------------------------

    def setting(self, key: str, default: str = "") -> str:
        with self._db() as db:
            row = db.get(SettingRow, key)
            return default if row is None else row.value

    def set_setting(self, key: str, value: str) -> None:
        with self._writes.begin() as db:
            row = db.get(SettingRow, key)
            if row is None:
                db.add(SettingRow(key=key, value=value))
            else:
                row.value = value


# command line -----------------------------------------------------------------------------------

def _fail(message: object) -> int:
    print(f"roleplay: {message}", file=sys.stderr)
    return 2


def _accounts(args) -> Accounts:
    return Accounts(getattr(args, "db", None))


def _read_password(args) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise AccountError("no terminal to ask for the password; pipe it in with --password-stdin")
    first = getpass.getpass(f"password for {args.username}: ")
    if first != getpass.getpass("again: "):
        raise AccountError("the two passwords differ")
    return first


def users_add(args) -> int:
    try:
        password = _read_password(args)
        user = _accounts(args).add(args.username, password, args.role, replace=args.replace, groups=args.group or ())
    except AccountError as e:
        return _fail(e)
    groups = f" (groups: {', '.join(sorted(set(args.group)))})" if args.group else ""
    print(f"{user.name}: {user.label}{groups}")
    return 0


def users_list(args) -> int:
    accounts = _accounts(args)
    users = accounts.list()
    if not users:
        print("no users yet: add one with `roleplay users add NAME --role trainer`", file=sys.stderr)
    member_of: dict[str, list[str]] = {}
    for group, names in accounts.groups().items():
        for name in names:
            member_of.setdefault(name, []).append(group)
    for u in users:
        groups = f"  groups: {', '.join(member_of[u.name])}" if u.name in member_of else ""
        print(f"{u.name:24} {u.label}{groups}")
    return 0


def users_remove(args) -> int:
    if not _accounts(args).remove(args.username):
        return _fail(f"no user '{args.username}'")
    print(f"removed {args.username}")
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Add `users add|list|remove`; each sets func=handler(args) -> exit code."""
    p = subparsers.add_parser("users", help="web app sign-in: add, list, remove users")
    sub = p.add_subparsers(dest="users_action", required=True)
    x = sub.add_parser("add", help="add a user (asks for the password)")
    x.add_argument("username")
    x.add_argument("--role", action="append", choices=ROLES, required=True,
                   help="trainee, trainer or evaluator; repeat for several")
    x.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    x.add_argument("--replace", action="store_true", help="change the password and roles of an existing user")
    x.add_argument("--group", action="append", help="a group the user belongs to (repeat for several)")
    x.set_defaults(func=users_add)
    x = sub.add_parser("list", help="list users and their roles")
    x.set_defaults(func=users_list)
    x = sub.add_parser("remove", help="remove a user (their sessions stay)")
    x.add_argument("username")
    x.set_defaults(func=users_remove)
