"""Groups, assignments with pass marks, and the team overview, on real SQLite and PostgreSQL."""

from __future__ import annotations

import io
import sys
import threading
from datetime import date, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from roleplay import assignments, cli, overview, passmark
from roleplay.accounts import AccountError, Accounts
from roleplay.store import Store
from roleplay.web.context import Context, Forbidden
from tests.fakes import canned
from tests.test_app_api import copy_library

PW = "password1"


def card(overall, blockers=(), **skills) -> dict:
    base = {"listening": 70, "honesty": 70, "calm": 70, "empathy": 70}
    base.update(skills)
    return {"overall": overall, "blockers": list(blockers), "passed": overall >= 60 and not blockers,
            "skills": {k: {"score": v} for k, v in base.items()}}


def test_blockers_fail_whatever_the_score_then_overall_then_each_skill():
    assert passmark.verdict(card(95), 70).passed
    v = passmark.verdict(card(95, ["promised a full refund"]), 70)
    assert not v.passed and v.reasons == ["blocker: promised a full refund"]
    v = passmark.verdict(card(65, empathy=40), 70, {"empathy": 50, "calm": 60})
    assert v.reasons == ["overall 65 below the pass mark 70", "empathy 40 below its pass mark 50"]
    assert passmark.verdict(card(80), 70, {"resolution": 50}).reasons == ["resolution not graded (pass mark 50)"]


@pytest.fixture
def team(db_url, tmp_path):
    store = Store(db_url)
    accounts = Accounts(db_url)
    accounts.add("ann", PW, ["trainee"], groups=["north"])
    accounts.add("bob", PW, ["trainee"], groups=["south"])
    accounts.add("tess", PW, ["trainer"])
    ctx = Context(store, copy_library(tmp_path / "personas"), canned(), accounts=accounts, data=tmp_path / "d",
                  speech=False)
    return ctx


def _assign(ctx, **kw) -> int:
    spec = assignments.AssignmentSpec(**{"persona_id": "late-delivery", **kw})
    return assignments.create(ctx.store, spec, "tess", [p.id for p in ctx.personas()],
                              [u.name for u in ctx.accounts.list()])


def _attempt(ctx, user, aid, scorecard=None) -> str:
    live = ctx.start_assignment(user, aid, "chat")
    live.session.reply_text("I'm sorry it arrived late. What happened?")
    live.session.end()
    if scorecard is not None:
        ctx.store.save_scorecard(live.session.id, scorecard)
    return live.session.id


def test_groups_from_the_command_line(db_url, monkeypatch, capsys):
    def run(*argv, stdin=""):
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        return cli.main(["--db", db_url, "users", *argv])

    assert run("add", "maria", "--role", "trainee", "--group", "north", "--group", "night shift",
               "--password-stdin", stdin=PW + "\n") == 0
    assert "groups: night shift, north" in capsys.readouterr().out
    assert run("list") == 0 and "groups: night shift, north" in capsys.readouterr().out
    assert run("add", "x", "--role", "trainee", "--group", "=cmd", "--password-stdin", stdin=PW + "\n") == 2
    assert "a group name is" in capsys.readouterr().err
    accounts = Accounts(db_url)
    assert accounts.get("x") is None  # nothing half-added
    assert run("remove", "maria") == 0
    assert accounts.groups() == {}


def test_groups_change_and_go_with_their_members(team):
    acc = team.accounts
    acc.join("tess", "north")
    assert acc.groups() == {"north": ["ann", "tess"], "south": ["bob"]}
    assert acc.leave("tess", "north") and not acc.leave("tess", "north")
    with pytest.raises(AccountError, match="no user 'zed'"):
        acc.join("zed", "north")
    acc.remove("bob")
    assert acc.groups() == {"north": ["ann"]}


@pytest.mark.parametrize("kw, message", [
    ({"trainees": []}, "at least one trainee or group"),
    ({"trainees": ["ann"], "pass_skills": {"charm": 50}}, "unknown skill charm"),
    ({"trainees": ["ann"], "pass_skills": {"empathy": 150}}, "0-100"),
    ({"trainees": ["ann"], "pass_overall": -1}, "greater than or equal to 0"),
    ({"trainees": ["ann"], "max_attempts": 0}, "greater than or equal to 1"),
    ({"trainees": ["ann"], "difficulty": "brutal"}, "'easy', 'medium' or 'hard'"),
    ({"groups": ["=x"]}, "a group name is"),
])
def test_a_bad_assignment_says_why(kw, message):
    with pytest.raises(ValidationError, match=message):
        assignments.AssignmentSpec(persona_id="late-delivery", **kw)


def test_an_assignment_needs_a_real_persona_and_real_trainees(team):
    with pytest.raises(assignments.AssignmentError, match="no persona 'nobody'"):
        _assign(team, persona_id="nobody", trainees=["ann"])
    with pytest.raises(assignments.AssignmentError, match="no user zed"):
        _assign(team, trainees=["ann", "zed"])


def test_attempts_count_toward_an_assignment_until_it_is_passed_or_closed(team):
    ann, bob = team.accounts.get("ann"), team.accounts.get("bob")
    aid = _assign(team, groups=["north"], pass_overall=70, pass_skills={"empathy": 60}, max_attempts=3,
                  difficulty="hard")
    [(row, st)] = team.assignments_for(ann)
    assert (row.id, st.state, st.attempts_left) == (aid, "not started", 3)
    assert team.assignments_for(bob) == []
    with pytest.raises(assignments.AssignmentError, match="not yours"):
        team.start_assignment(bob, aid, "chat")
    team.accounts.join("bob", "north")  # groups are read when asked: bob has it now
    assert [a.id for a, _ in team.assignments_for(bob)] == [aid]

    live = team.start_assignment(ann, aid, "chat")
    assert live.session.state.difficulty == "hard"
    assert team.assignments_for(ann)[0][1].state == "in progress"
    live.session.end()
    team.store.save_scorecard(live.session.id, card(90, ["promised a free replacement"]))
    st = team.assignments_for(ann)[0][1]
    assert (st.state, st.attempts_left, st.best, st.reason) == ("open", 2, 90, "blocker: promised a free replacement")
    _attempt(team, ann, aid, card(75, empathy=50))
    assert team.assignments_for(ann)[0][1].reason == "empathy 50 below its pass mark 60"
    third = _attempt(team, ann, aid, card(72, empathy=65))
    st = team.assignments_for(ann)[0][1]
    assert (st.state, st.attempts, st.best, st.sessions[-1]) == ("passed", 3, 90, third)
    with pytest.raises(assignments.AssignmentError, match="passed this assignment already"):
        team.start_assignment(ann, aid, "chat")
    assert assignments.assignment_of(team.store, third).id == aid


def test_no_attempts_left_or_past_due_fails_it(team):
    ann = team.accounts.get("ann")
    once = _assign(team, trainees=["ann"], pass_overall=80, max_attempts=1)
    _attempt(team, ann, once, card(60))
    st = dict((a.id, s) for a, s in team.assignments_for(ann))[once]
    assert (st.state, st.attempts_left) == ("failed", 0)
    with pytest.raises(assignments.AssignmentError, match="closed: overall 60 below the pass mark 80"):
        team.start_assignment(ann, once, "chat")
    late = _assign(team, trainees=["ann"], due=date.today() - timedelta(days=1))
    st = dict((a.id, s) for a, s in team.assignments_for(ann))[late]
    assert (st.state, st.reason) == ("failed", "the due date passed")
    assert assignments.remove(team.store, late) and not assignments.remove(team.store, late)


def test_two_starts_at_once_win_no_extra_attempt(team):
    """A double click or a second tab: with one attempt allowed, exactly one of eight starts at once gets it."""
    ann = team.accounts.get("ann")
    once = _assign(team, trainees=["ann"], max_attempts=1)
    barrier, results = threading.Barrier(8), []

    def start():
        barrier.wait()
        try:
            results.append(team.start_assignment(ann, once, "chat").session.id)
        except assignments.AssignmentError as e:
            results.append(e)

    threads = [threading.Thread(target=start) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    started = [r for r in results if isinstance(r, str)]
    assert len(started) == 1 and len(results) == 8
    assert [s.id for s in assignments.attempts(team.store, once)[once]] == started


def test_the_overview_shows_latest_or_best_with_a_trend_per_group_and_date(team):
    ann, bob, tess = (team.accounts.get(n) for n in ("ann", "bob", "tess"))
    aid = _assign(team, trainees=["ann", "bob"], pass_overall=70)
    s1 = _attempt(team, ann, aid, card(60, empathy=50))
    s2 = _attempt(team, ann, aid, card(80, empathy=47))
    live = team.start(bob, "late-delivery", "chat")  # practice outside the assignment; the customer leaves
    live.session.state.ended, live.session.state.end_reason = True, "customer_left"
    team.store.finish(live.session.id, "customer_left")
    team.store.save_scorecard(live.session.id, card(30))

    with pytest.raises(Forbidden):
        team.overview(ann, overview.Filters())
    ov = team.overview(tess, overview.Filters())
    assert [r.trainee for r in ov.rows] == ["ann", "bob"]
    a = ov.cell("ann", "overall")
    assert (a.score, a.trend, a.sessions) == (80, "↑", [s2, s1])
    assert (ov.cell("ann", "empathy").score, ov.cell("ann", "empathy").trend) == (47, "→")
    assert ov.rows[0].assignment_summary == "1 passed" and ov.rows[1].assignment_summary == "1 not started"
    assert ov.leavers == [("late-delivery", 1, 3)]
    best = team.overview(tess, overview.Filters(measure="best"))
    assert best.cell("ann", "empathy").score == 50
    north = team.overview(tess, overview.Filters(group="north"))
    assert [r.trainee for r in north.rows] == ["ann"] and north.leavers == []
    tomorrow = datetime.now(timezone.utc).date() + timedelta(days=1)
    later = team.overview(tess, overview.Filters(since=tomorrow))
    assert later.cell("ann", "overall").score is None and overview.table(later)[0][-2] == ""
    with pytest.raises(ValueError, match="no group 'east'"):
        team.overview(tess, overview.Filters(group="east"))
    lines = overview.to_csv(ov).splitlines()
    assert lines[0].startswith("trainee,listening,listening_trend")
    assert lines[1].startswith("ann,") and ",80.0,up,2,1 passed" in lines[1]
