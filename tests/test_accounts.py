"""Users and roles (on SQLite and PostgreSQL): argon2 hashes, role checks, lockout, and the `users` commands."""

import argparse
import io

import pytest

from roleplay import accounts
from roleplay.accounts import LOCAL, AccountError, Accounts


@pytest.fixture
def acc(db_url):
    return Accounts(db_url)


def test_add_verify_and_roles(acc):
    u = acc.add("ann", "correct horse", ["trainee"])
    assert u.name == "ann" and u.roles == {"trainee"}
    assert acc.verify("ann", "correct horse")
    assert not acc.verify("ann", "wrong password")
    assert not acc.verify("nobody", "correct horse")
    got = acc.get("ann")
    assert got.has("trainee") and not got.sees_all_sessions and not got.can_edit_personas and not got.can_grade


def test_passwords_are_stored_as_argon2_hashes(acc):
    acc.add("ann", "correct horse", ["trainee"])
    with acc.engine.connect() as c:
        stored = c.exec_driver_sql("select password_hash from users where username='ann'").scalar()
    assert stored.startswith("$argon2") and "correct horse" not in stored


def test_roles_give_the_right_powers(acc):
    t = acc.add("tess", "password1", ["trainer"])
    e = acc.add("eve", "password1", ["evaluator", "trainee"])
    assert t.sees_all_sessions and t.can_edit_personas and not t.can_grade
    assert e.sees_all_sessions and e.can_grade and not e.can_edit_personas
    assert e.label == "trainee, evaluator"
    assert LOCAL.roles == set(accounts.ROLES)


@pytest.mark.parametrize("name,password,roles,why", [
    ("", "password1", ["trainee"], "user name"),
    ("a b", "password1", ["trainee"], "user name"),
    ("../x", "password1", ["trainee"], "user name"),
    ("local", "password1", ["trainee"], "reserved"),
    ("ann", "short", ["trainee"], "at least"),
    ("ann", "password1", [], "at least one role"),
    ("ann", "password1", ["admin"], "unknown role"),
])
def test_bad_accounts_are_refused(acc, name, password, roles, why):
    with pytest.raises(AccountError, match=why):
        acc.add(name, password, roles)


def test_existing_user_needs_replace(acc):
    acc.add("ann", "password1", ["trainee"])
    with pytest.raises(AccountError, match="already exists"):
        acc.add("ann", "password2", ["trainer"])
    acc.add("ann", "password2", ["trainer"], replace=True)
    assert acc.verify("ann", "password2") and not acc.verify("ann", "password1")
    assert acc.get("ann").roles == {"trainer"}


def test_remove(acc):
    acc.add("ann", "password1", ["trainee"])
    assert acc.remove("ann") and not acc.remove("ann")
    assert acc.get("ann") is None and not acc.verify("ann", "password1")


def test_repeated_failures_lock_the_name_for_a_while(acc, monkeypatch):
    acc.add("ann", "password1", ["trainee"])
    for _ in range(accounts.MAX_FAILURES):
        assert not acc.verify("ann", "guess")
    assert not acc.verify("ann", "password1")  # locked, even with the right password
    monkeypatch.setattr(accounts, "LOCKOUT_S", 0.0)
    assert acc.verify("ann", "password1")


def test_settings_round_trip(acc):
    assert acc.setting("exam_mode", "0") == "0"
    acc.set_setting("exam_mode", "1")
    assert acc.setting("exam_mode") == "1"


def test_single_user_mode_env(monkeypatch):
    monkeypatch.setenv("ROLEPLAY_SINGLE_USER", "1")
    assert accounts.single_user_mode()
    monkeypatch.setenv("ROLEPLAY_SINGLE_USER", "0")
    assert not accounts.single_user_mode()


def _parser():
    ap = argparse.ArgumentParser(prog="roleplay")
    ap.add_argument("--db")
    sub = ap.add_subparsers(dest="command", required=True)
    accounts.add_commands(sub)
    return ap


def test_users_commands(db_url, monkeypatch, capsys):
    ap = _parser()
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-pass\n"))
    args = ap.parse_args(["--db", db_url, "users", "add", "ann", "--role", "trainee", "--role", "evaluator",
                          "--password-stdin"])
    assert args.func(args) == 0
    assert "ann: trainee, evaluator" in capsys.readouterr().out
    assert Accounts(db_url).verify("ann", "s3cret-pass")

    monkeypatch.setattr("sys.stdin", io.StringIO("another-pass\n"))
    args = ap.parse_args(["--db", db_url, "users", "add", "ann", "--role", "trainee", "--password-stdin"])
    assert args.func(args) == 2
    assert "already exists" in capsys.readouterr().err

    args = ap.parse_args(["--db", db_url, "users", "list"])
    assert args.func(args) == 0
    assert "ann" in capsys.readouterr().out

    args = ap.parse_args(["--db", db_url, "users", "remove", "ann"])
    assert args.func(args) == 0
    args = ap.parse_args(["--db", db_url, "users", "remove", "ann"])
    assert args.func(args) == 2
    assert "no user" in capsys.readouterr().err


def test_add_without_a_terminal_asks_for_password_stdin(tmp_path, monkeypatch, capsys):
    ap = _parser()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    args = ap.parse_args(["--db", f"sqlite:///{tmp_path / 'rp.db'}", "users", "add", "ann", "--role", "trainee"])
    assert args.func(args) == 2
    assert "--password-stdin" in capsys.readouterr().err


def test_unknown_role_is_rejected_by_the_parser(capsys):
    with pytest.raises(SystemExit):
        _parser().parse_args(["users", "add", "ann", "--role", "boss"])


def test_parallel_guesses_cannot_all_pass_the_lockout_check(tmp_path, monkeypatch):
    import threading
    import time

    acc = Accounts(f"sqlite:///{tmp_path / 'rp.db'}")
    tried = []

    class SlowHasher:  # a guess takes a while: the others arrive meanwhile
        def verify(self, stored, password):
            tried.append(password)
            time.sleep(0.1)
            raise accounts.VerifyMismatchError()

    monkeypatch.setattr(accounts, "_hasher", SlowHasher())
    guesses = [threading.Thread(target=acc.verify, args=("ann", f"guess{i}")) for i in range(20)]
    for g in guesses:
        g.start()
    for g in guesses:
        g.join()
    assert len(tried) == accounts.MAX_FAILURES
