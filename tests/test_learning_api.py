"""The API of practice that teaches: /fork and /compare (redo a moment), /human_grade and /comment (roles
enforced on the server), /agreement (figures on a fixture with known answers), /hint."""

from __future__ import annotations

import json

import pytest
from gradio_client import Client

from roleplay.agreement import Pair, agreement, pairs_from, read_human_csv
from roleplay.state import CustomerState
from roleplay.store import Store
from tests.fakes import canned
from tests.test_app_api import PASSWORD, USERS, err, launch


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("learning")
    demo, url = launch(tmp, users=USERS, client=canned(["I see. What now?", "Hm. Go on.", "Right."]))
    yield demo, url, tmp
    demo.close()


@pytest.fixture(scope="module")
def clients(app):
    return {name: Client(app[1], auth=(name, PASSWORD), verbose=False) for name in USERS}


@pytest.fixture(scope="module")
def graded(clients):
    """ann's finished, graded session of three trainee turns."""
    ann = clients["ann"]
    sid = ann.predict("late-delivery", "chat", api_name="/start_session")["session_id"]
    for text in ("I'm so sorry, that must have been really disappointing. What happened?",
                 "It's only a toy, no big deal.", "When did you order it?"):
        ann.predict(sid, text, api_name="/say")
    ann.predict(sid, api_name="/end_session")
    return sid


def _store(app) -> Store:
    return Store(f"sqlite:///{app[2] / 'rp.db'}")


def test_fork_restores_the_customer_exactly_and_goes_on(app, clients, graded):
    ann = clients["ann"]
    store = _store(app)
    parent = store.get(graded)
    f = ann.predict(graded, 3, api_name="/fork")  # redo the second trainee turn ("It's only a toy")
    child = store.get(f["session_id"])
    assert child.parent_id == graded and child.fork_at == 3 and f["turns"] == 3
    assert child.state == parent.turns[2].meta["state"] and f["seed"] == parent.state["seed"]
    assert f["frustration"] == CustomerState.model_validate(child.state).frustration
    r = ann.predict(f["session_id"], "That sounds awful for Leo. What would help most now?", api_name="/say")
    assert r["customer"] and not r["ended"]
    ann.predict(f["session_id"], api_name="/end_session")
    c = ann.predict(f["session_id"], api_name="/compare")
    assert c["at"] == 3 and c["first"]["reply"] == "It's only a toy, no big deal."
    assert c["redo"]["reply"].startswith("That sounds awful") and c["first"]["reaction"] and c["redo"]["reaction"]
    assert any("made light of the loss" in line for line in c["first"]["causes"])
    assert set(c["skills"]) >= {"listening", "empathy"}
    assert all(s["change"] == round(s["after"] - s["before"], 1) for s in c["skills"].values())
    assert ann.predict(graded, api_name="/compare")["redo"]["session"] == f["session_id"]  # from the parent too


def test_fork_roles_and_turns(clients, graded):
    assert "Session not found" in err(lambda: clients["bob"].predict(graded, 1, api_name="/fork"))
    assert "not one of the trainee's turns" in err(lambda: clients["ann"].predict(graded, 2, api_name="/fork"))
    f = clients["tess"].predict(graded, 1, api_name="/fork")  # a trainer may redo it, as their own session
    assert clients["tess"].predict(f["session_id"], "Hello?", api_name="/say")["customer"]
    assert "Session not found" in err(lambda: clients["ann"].predict(f["session_id"], "Hi", api_name="/say"))


def test_human_grades_and_comments_roles_on_the_server(app, clients, graded):
    ann, bob, tess, eve = (clients[n] for n in ("ann", "bob", "tess", "eve"))
    assert "evaluator" in err(lambda: ann.predict(graded, {"listening": 90}, "", api_name="/human_grade"))
    assert "evaluator" in err(lambda: tess.predict(graded, {"listening": 90}, "", api_name="/human_grade"))
    assert "0 to 100" in err(lambda: eve.predict(graded, {"listening": 190}, "", api_name="/human_grade"))
    g = eve.predict(graded, {"listening": 70, "empathy": 40}, "Warm start, then made light of it.",
                    api_name="/human_grade")
    assert g["human_grades"][0]["scores"] == {"listening": 70, "empathy": 40}
    assert "evaluator" in err(lambda: ann.predict(graded, 3, "my note", api_name="/comment"))
    assert "write the comment first" in err(lambda: eve.predict(graded, 3, "  ", api_name="/comment"))
    assert "no turn 99" in err(lambda: eve.predict(graded, 99, "late", api_name="/comment"))
    comments = eve.predict(graded, 3, "This is where it turned.", api_name="/comment")["comments"]
    cid = comments[0]["id"]
    assert "Session not found" in err(lambda: bob.predict(graded, 3, "hi", cid, api_name="/comment"))
    assert "only the trainee" in err(lambda: eve.predict(graded, 3, "again", cid, api_name="/comment"))
    got = ann.predict(graded, 0, "I meant it kindly.", cid, api_name="/comment")["comments"]
    assert [c.get("reply_to") for c in got] == [None, cid] and got[1]["turn"] == 3
    assert "replied to already" in err(lambda: ann.predict(graded, 0, "And another thing.", cid, api_name="/comment"))
    exported = json.loads(ann.predict(graded, "json", api_name="/export_session"))
    assert exported["human_grades"][0]["author"] == "eve" and len(exported["comments"]) == 2
    assert exported["scorecard"]["grader"] == "deterministic"  # the AI's grade is kept beside the human's
    report = ann.predict(graded, "html", api_name="/export_session")
    assert "This is where it turned." in report and "I meant it kindly." in report and "Human grade" in report
    assert "Session not found" in err(lambda: bob.predict(graded, api_name="/get_session"))


def test_regrading_against_the_librarys_version_is_explicit(clients, graded):
    eve = clients["eve"]
    assert eve.predict(graded, False, api_name="/regrade")["persona_version"] == "as practised"
    assert eve.predict(graded, False, True, api_name="/regrade")["persona_version"] == "library"
    assert clients["ann"].predict(graded, api_name="/get_session")["scorecard"]["persona_version"] == "library"


def test_agreement_endpoint(clients, graded):
    assert "trainers and evaluators" in err(lambda: clients["ann"].predict(api_name="/agreement"))
    clients["eve"].predict(graded, {"listening": 70, "empathy": 40}, "", api_name="/human_grade")
    a = clients["tess"].predict(api_name="/agreement")
    skills = {s["skill"]: s for s in a["skills"]}
    assert set(skills) == {"listening", "empathy"} and skills["listening"]["sessions"] == [graded]
    assert a["csv"].startswith("skill,sessions,mean_difference,spearman,within_10,flagged")


def test_agreement_figures_on_known_answers():
    pairs = [Pair(session=s, skill="listening", human=h, ai=a) for s, h, a in
             (("s1", 80, 70), ("s2", 60, 65), ("s3", 40, 20))]
    pairs += [Pair(session=s, skill="honesty", human=h, ai=a) for s, h, a in
              (("s1", 50, 90), ("s2", 70, 70), ("s3", 90, 50))]
    got = {r.skill: r for r in agreement(pairs)}
    assert got["listening"].mean_difference == pytest.approx(8.33, abs=0.01)
    assert got["listening"].spearman == 1.0 and got["listening"].within_10 == pytest.approx(2 / 3, abs=1e-4)
    assert not got["listening"].flagged and got["listening"].sessions[0] == "s3"
    assert got["honesty"].mean_difference == 0 and got["honesty"].spearman == -1.0
    assert got["honesty"].within_10 == pytest.approx(1 / 3, abs=1e-4) and got["honesty"].flagged
    ties = agreement([Pair(session=f"t{i}", skill="calm", human=h, ai=a) for i, (h, a) in
                      enumerate(((50, 10), (50, 20), (80, 30)))])[0]
    assert ties.spearman == pytest.approx(0.866, abs=0.001)  # tied human ranks share 1.5
    assert pairs_from(read_human_csv("session,listening,calm\ns1,80,\ns9,10,10\n"),
                      {"s1": {"listening": 70, "calm": 50}}) == [Pair(session="s1", skill="listening", human=80, ai=70)]


def test_hints_are_recorded_and_off_in_exam_mode(app, clients):
    ann = clients["ann"]
    sid = ann.predict("late-delivery", "chat", api_name="/start_session")["session_id"]
    first = ann.predict(sid, api_name="/hint")["hint"]
    assert first and "sorry" not in first.lower()  # a pointer, not the words to say
    ann.predict(sid, "Okay.", api_name="/say")
    assert "feel" in ann.predict(sid, api_name="/hint")["hint"]  # no feeling named yet
    assert "Session not found" in err(lambda: clients["bob"].predict(sid, api_name="/hint"))
    hints = json.loads(ann.predict(sid, "json", api_name="/export_session"))["hints"]
    assert [h["turn"] for h in hints] == [1, 3] and hints[1]["text"].startswith("They have not heard")
    clients["tess"].predict(True, api_name="/set_exam_mode")
    try:
        assert "exam mode" in err(lambda: ann.predict(sid, api_name="/hint"))
    finally:
        clients["tess"].predict(False, api_name="/set_exam_mode")
