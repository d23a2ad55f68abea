"""The web app through its API (gradio_client): sign-in, roles enforced on the server, practice,
grading, review, exports, the persona editor.  A canned in-process model stands in for the LLM
here (the model is not the subject); the browser tests use the real one.
"""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import pytest  # noqa: E402
from gradio_client import Client  # noqa: E402

from roleplay.accounts import Accounts  # noqa: E402
from roleplay.library import Library  # noqa: E402
from roleplay.store import Store  # noqa: E402
from tests.fakes import canned  # noqa: E402

PERSONAS = Path(__file__).resolve().parents[1] / "personas"
PASSWORD = "practice-pass-1"
USERS = {"ann": ["trainee"], "bob": ["trainee"], "tess": ["trainer"], "eve": ["evaluator"]}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_library(dest: Path, ids=("late-delivery", "receipt-help", "angry-caller")) -> Library:
    dest.mkdir(parents=True, exist_ok=True)
    for i in ids:
        (dest / f"{i}.yaml").write_text((PERSONAS / f"{i}.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return Library(dest)


def launch(tmp: Path, client=None, single_user=False, users=None, library=None):
    """Build and start the app on a free port; returns (demo, url)."""
    from roleplay.web import build, launch_options

    store = Store(f"sqlite:///{tmp / 'rp.db'}")
    accounts = Accounts(store.url)
    for name, roles in (users or {}).items():
        accounts.add(name, PASSWORD, roles)
    demo = build(store=store, library=library or copy_library(tmp / "personas"), client=client or canned(),
                 single_user=single_user, accounts=accounts, data=tmp / "data")
    port = free_port()
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True,
                **launch_options(demo))
    return demo, f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("app")
    demo, url = launch(tmp, users=USERS)
    yield demo, url, tmp
    demo.close()


@pytest.fixture(scope="module")
def clients(app):
    _, url, _ = app
    return {name: Client(url, auth=(name, PASSWORD), verbose=False) for name in USERS}


@pytest.fixture(scope="module")
def ann_session(clients):
    """A finished, graded session of ann's."""
    ann = clients["ann"]
    started = ann.predict("late-delivery", "chat", api_name="/start_session")
    r = ann.predict(started["session_id"], "I'm so sorry about the party. What happened?", api_name="/say")
    assert r["customer"]
    card = ann.predict(started["session_id"], api_name="/end_session")
    return started["session_id"], card


def err(fn):
    with pytest.raises(Exception) as e:
        fn()
    return str(e.value)


def test_signed_in_users_and_their_roles(clients):
    assert clients["ann"].predict(api_name="/whoami") == {"user": "ann", "roles": ["trainee"], "single_user": False}
    assert clients["tess"].predict(api_name="/whoami")["roles"] == ["trainer"]


def test_wrong_password_is_refused(app):
    _, url, _ = app
    with pytest.raises(Exception):
        Client(url, auth=("ann", "not the password"), verbose=False)


def test_api_needs_sign_in(app):
    import httpx

    _, url, _ = app
    r = httpx.get(url + "gradio_api/info", timeout=30)
    assert r.status_code in (401, 403)


def test_chat_practice_through_to_the_scorecard(clients, ann_session):
    sid, card = ann_session
    assert set(card["skills"]) >= {"listening", "honesty", "calm"}
    assert 0 <= card["overall"] <= 100 and card["grader"] == "deterministic"
    s = clients["ann"].predict(sid, api_name="/get_session")
    assert s["ended"] and s["end_reason"] == "trainee_ended" and s["scorecard"]["overall"] == card["overall"]
    assert [t["speaker"] for t in s["turns"]] == ["customer", "trainee", "customer"]
    assert err(lambda: clients["ann"].predict(sid, "hello?", api_name="/say"))  # the session is over


def test_a_trainee_cannot_see_someone_elses_session(clients, ann_session):
    sid, _ = ann_session
    bob = clients["bob"]
    for call in (lambda: bob.predict(sid, api_name="/get_session"),
                 lambda: bob.predict(sid, "json", api_name="/export_session"),
                 lambda: bob.predict(sid, "hi", api_name="/say"),
                 lambda: bob.predict(sid, api_name="/end_session")):
        assert "Session not found" in err(call)
    assert all(s["trainee"] == "bob" for s in bob.predict("ann", "", "", 0, api_name="/list_sessions"))
    assert bob.predict("ann", api_name="/progress") == []  # asking for ann's progress gives bob's own
    # Not found looks the same as a session that does not exist:
    assert "Session not found" in err(lambda: bob.predict("no-such-id", api_name="/get_session"))


def test_trainers_and_evaluators_see_all_sessions(clients, ann_session):
    sid, _ = ann_session
    for who in ("tess", "eve"):
        listed = clients[who].predict("ann", "", "", 0, api_name="/list_sessions")
        assert sid in [s["id"] for s in listed]
        assert clients[who].predict(sid, api_name="/get_session")["trainee"] == "ann"


def test_list_filters(clients, ann_session):
    sid, card = ann_session
    tess = clients["tess"]
    assert sid in [s["id"] for s in tess.predict("", "late-delivery", "", 0, api_name="/list_sessions")]
    assert tess.predict("", "receipt-help", "", 0, api_name="/list_sessions") == []
    assert tess.predict("", "", "2999-01-01", 0, api_name="/list_sessions") == []
    above = tess.predict("", "", "", min(card["overall"] + 1, 100), api_name="/list_sessions")
    assert sid not in [s["id"] for s in above]
    assert "YYYY-MM-DD" in err(lambda: tess.predict("", "", "yesterday", 0, api_name="/list_sessions"))


def test_exports(clients, ann_session):
    sid, _ = ann_session
    ann = clients["ann"]
    data = json.loads(ann.predict(sid, "json", api_name="/export_session"))
    assert data["session"] == sid and len(data["turns"]) == 3
    csv_text = ann.predict(sid, "csv", api_name="/export_session")
    assert csv_text.splitlines()[0].startswith("session,trainee,persona") and sid in csv_text
    page = ann.predict(sid, "html", api_name="/export_session")
    assert "<!doctype html>" in page and "<script" not in page.lower()


def test_regrading_is_for_evaluators(clients, ann_session):
    sid, _ = ann_session
    assert "evaluator" in err(lambda: clients["tess"].predict(sid, False, api_name="/regrade"))
    assert "Session not found" in err(lambda: clients["bob"].predict(sid, False, api_name="/regrade"))
    card = clients["eve"].predict(sid, True, api_name="/regrade")  # the canned model is no judge: falls back
    assert card["overall"] >= 0 and any("judge failed" in n for n in card["notes"])


def test_progress(clients, ann_session):
    sid, card = ann_session
    mine = clients["ann"].predict("", api_name="/progress")
    assert [p["session"] for p in mine] == [sid] and "listening" in mine[0]["skills"]
    assert clients["eve"].predict("ann", api_name="/progress")[0]["session"] == sid


def test_persona_editor_validation_and_save(app, clients):
    _, _, tmp = app
    tess = clients["tess"]
    good = (PERSONAS / "late-delivery.yaml").read_text(encoding="utf-8").replace("id: late-delivery",
                                                                                   "id: late-delivery-2")
    bad = good.replace("difficulty: medium", "difficulty: impossible").replace("name: Sam Carter\n", "")
    v = tess.predict(bad, api_name="/validate_persona")
    assert not v["valid"]
    fields = {p["field"]: p["line"] for p in v["problems"]}
    assert "difficulty" in fields and fields["difficulty"] == 5 and "name" in fields
    assert tess.predict(bad, api_name="/save_persona")["saved"] is False
    outside = good.replace("id: late-delivery-2", "id: ../../evil")
    assert tess.predict(outside, api_name="/save_persona")["saved"] is False
    assert not list(tmp.glob("*.yaml")) and not (tmp.parent / "evil.yaml").exists()
    saved = tess.predict(good, api_name="/save_persona")
    assert saved == {"saved": True, "file": "late-delivery-2.yaml"}
    assert (tmp / "personas" / "late-delivery-2.yaml").exists()
    assert "late-delivery-2" in [p["id"] for p in clients["ann"].predict(api_name="/personas")]


def test_only_trainers_edit_personas(clients):
    assert "trainer" in err(lambda: clients["ann"].predict("id: x", api_name="/validate_persona"))
    assert "trainer" in err(lambda: clients["eve"].predict("id: x", api_name="/save_persona"))


def test_practice_rules(clients):
    ann = clients["ann"]
    assert "no persona" in err(lambda: ann.predict("nobody", "chat", api_name="/start_session"))
    assert "chat" in err(lambda: ann.predict("receipt-help", "voice", api_name="/start_session"))
    sid = ann.predict("late-delivery", "chat", api_name="/start_session")["session_id"]
    assert "empty" in err(lambda: ann.predict(sid, "   ", api_name="/say"))


def test_difficulty_and_seed_are_chosen_stored_and_change_the_customer(clients, app):
    ann = clients["ann"]
    easy = ann.predict("late-delivery", "chat", "easy", api_name="/start_session")
    hard = ann.predict("late-delivery", "chat", "hard", api_name="/start_session")
    assert (easy["difficulty"], hard["difficulty"]) == ("easy", "hard")
    assert hard["frustration"] - easy["frustration"] == 20  # -10 easy, +10 hard on the persona's 65
    assert isinstance(hard["seed"], int)
    stored = Store(f"sqlite:///{app[2] / 'rp.db'}").get(hard["session_id"]).state
    assert (stored["difficulty"], stored["seed"]) == ("hard", hard["seed"])
    assert "easy, medium or hard" in err(lambda: ann.predict("late-delivery", "chat", "brutal",
                                                             api_name="/start_session"))


def test_single_user_mode_needs_no_sign_in(tmp_path):
    demo, url = launch(tmp_path, single_user=True)
    try:
        c = Client(url, verbose=False)
        me = c.predict(api_name="/whoami")
        assert me["user"] == "local" and set(me["roles"]) == {"trainee", "trainer", "evaluator"}
        sid = c.predict("late-delivery", "chat", api_name="/start_session")["session_id"]
        assert c.predict(sid, api_name="/end_session")["overall"] >= 0
    finally:
        demo.close()


def _run_app(tmp_path, *args, env_extra=None, wait_for_http=True):
    import subprocess
    import sys
    import time

    import httpx

    port = free_port()
    env = {**os.environ, "GRADIO_SERVER_NAME": "127.0.0.1", "GRADIO_SERVER_PORT": str(port),
           "ROLEPLAY_DB_URL": f"sqlite:///{tmp_path / 'rp.db'}", "ROLEPLAY_DATA": str(tmp_path / "data"),
           "OPENAI_BASE_URL": "http://127.0.0.1:9/v1",  # a stand-in address: nothing here needs the model
           "GRADIO_ANALYTICS_ENABLED": "False", **(env_extra or {})}
    env.pop("ROLEPLAY_SINGLE_USER", None)
    proc = subprocess.Popen([sys.executable, "app.py", "--no-warmup", *args], cwd=Path(__file__).parents[1], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if not wait_for_http:
        return proc, None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"app.py exited early:\n{proc.stdout.read()}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                return proc, f"http://127.0.0.1:{port}/"
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    proc.kill()
    raise AssertionError("app.py did not start within 120 s")


def test_python_app_py_serves_on_the_configured_address(tmp_path):
    proc, url = _run_app(tmp_path, "--single-user")
    try:
        c = Client(url, verbose=False)
        assert c.predict(api_name="/whoami")["user"] == "local"
        assert len(c.predict(api_name="/personas")) >= 3
    finally:
        proc.terminate()
        proc.wait(30)


def test_app_py_without_users_explains_how_to_add_one(tmp_path):
    proc, _ = _run_app(tmp_path, wait_for_http=False)
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == 2 and "roleplay users add" in out and "--single-user" in out


def test_exam_mode_hides_the_meter_from_trainees(app, clients):
    assert "trainer" in err(lambda: clients["ann"].predict(True, api_name="/set_exam_mode"))
    assert clients["tess"].predict(True, api_name="/set_exam_mode") == {"exam_mode": True}
    try:
        started = clients["ann"].predict("late-delivery", "chat", api_name="/start_session")
        assert started["frustration"] is None
        assert clients["ann"].predict(started["session_id"], "Hello, how can I help?", api_name="/say")[
            "frustration"] is None
    finally:
        clients["tess"].predict(False, api_name="/set_exam_mode")
    assert clients["ann"].predict("late-delivery", "chat", api_name="/start_session")["frustration"] >= 0


def test_persona_test_run(clients):
    text = (PERSONAS / "late-delivery.yaml").read_text(encoding="utf-8")
    r = clients["tess"].predict(text, ["I'm sorry about the party. What happened?", "I can refund the $6.90 shipping."],
                                api_name="/test_persona")
    assert r["valid"] and [t["speaker"] for t in r["turns"]] == ["customer", "trainee", "customer", "trainee",
                                                                  "customer"]
    assert all(t["frustration"] is not None for t in r["turns"] if t["speaker"] == "customer")
    bad = clients["tess"].predict("id: x\n", ["hi"], api_name="/test_persona")
    assert not bad["valid"] and bad["problems"]
    assert "trainer" in err(lambda: clients["ann"].predict(text, ["hi"], api_name="/test_persona"))


def test_replies_at_once_per_process_can_be_raised_for_a_model_server(tmp_path, monkeypatch):
    from roleplay.web import build

    def built():
        return build(store=Store(f"sqlite:///{tmp_path / 'c.db'}"), library=copy_library(tmp_path / "p"),
                     client=canned(), single_user=True, data=tmp_path / "data")

    assert built()._queue.default_concurrency_limit == 8
    monkeypatch.setenv("ROLEPLAY_CONCURRENCY", "32")
    assert built()._queue.default_concurrency_limit == 32
    monkeypatch.setenv("ROLEPLAY_CONCURRENCY", "lots")
    with pytest.raises(ValueError, match="ROLEPLAY_CONCURRENCY must be a whole number"):
        built()


def test_say_while_a_reply_is_owed_refuses_the_text_and_empty_text_retries(app, clients):
    from roleplay.transcript import Turn

    demo, _, _ = app
    ann = clients["ann"]
    sid = ann.predict("late-delivery", "chat", api_name="/start_session")["session_id"]
    ctx = demo.rp_context
    ctx.store.add_turn(sid, Turn(speaker="trainee", text="Hello?"))  # as if the model had failed on it
    assert "your text was not sent" in err(lambda: ann.predict(sid, "Are you there?", api_name="/say"))
    assert ann.predict(sid, "", api_name="/say")["customer"]
    said = [t.text for t in ctx.store.transcript(sid).turns if t.speaker == "trainee"]
    assert said == ["Hello?"]


def test_a_persona_test_run_is_kept_apart_from_practice(clients):
    tess, ann = clients["tess"], clients["ann"]
    text = (PERSONAS / "receipt-help.yaml").read_text(encoding="utf-8")
    played = tess.predict(text, ["Hello, how can I help?"], api_name="/test_persona")
    assert played["valid"] and len(played["turns"]) == 3
    runs = tess.predict(persona="receipt-help", test_runs=True, api_name="/list_sessions")
    assert [r["trainee"] for r in runs] == ["tess"]
    assert runs[0]["id"] not in {r["id"] for r in tess.predict(api_name="/list_sessions")}
    assert ann.predict(test_runs=True, api_name="/list_sessions") == []  # for trainers only


def test_review_lists_test_runs_only_when_asked(tmp_path):
    from roleplay.accounts import LOCAL
    from roleplay.session import PracticeSession
    from roleplay.web.context import Context

    store = Store(f"sqlite:///{tmp_path / 'rp.db'}")
    ctx = Context(store, Library(PERSONAS), canned(), single_user=True, data=tmp_path, speech=False)
    practice = ctx.start(LOCAL, "late-delivery", "chat").session.id
    run = PracticeSession.start(store.for_test_runs(), ctx.persona("late-delivery"), canned()).id
    tab = built_review(ctx)
    assert [r[-1] for r in tab.search(None, None, None, 0, user=LOCAL)[tab.table]["data"]] == [practice]
    assert [r[-1] for r in tab.search(None, None, None, 0, True, user=LOCAL)[tab.table]["data"]] == [run]


def built_review(ctx):
    """Review's tab, built: its handlers answer by component."""
    import gradio as gr

    from roleplay.web.review import ReviewTab

    tab = ReviewTab(ctx)
    with gr.Blocks():
        tab.build()
    return tab


def test_review_builds_the_lists_xapi_statements_only_when_asked(tmp_path, monkeypatch):
    import json as _json

    from roleplay import xapi
    from roleplay.accounts import LOCAL
    from roleplay.web.context import Context

    store = Store(f"sqlite:///{tmp_path / 'rp.db'}")
    ctx = Context(store, Library(PERSONAS), canned(), single_user=True, data=tmp_path, speech=False)
    sid = ctx.start(LOCAL, "late-delivery", "chat").session.id
    tab = built_review(ctx)
    built = []
    monkeypatch.setattr(ctx, "xapi_statements", lambda rows: built.append(len(rows)) or xapi.for_sessions(store, rows))
    listed = tab.search(None, None, None, 0, user=LOCAL)
    assert [r[-1] for r in listed[tab.table]["data"]] == [sid] and built == []
    assert listed[tab.list_xapi_make]["visible"] and not listed[tab.list_xapi]["visible"]
    file = tab.statements_for_list(None, None, None, 0)[tab.list_xapi]
    statements = _json.loads(open(file["value"], encoding="utf-8").read())
    assert built == [1] and statements and all(s["context"]["extensions"] for s in statements)
    for s in statements:
        xapi.validate(s)
