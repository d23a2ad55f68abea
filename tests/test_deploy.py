"""Several app processes on one database, as docs/deploy.md runs them: two real `roleplay serve`
processes, a session started on one and continued, ended and graded on the other, then the first
killed with SIGKILL — nothing that was shown is lost.  On PostgreSQL and on SQLite.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from gradio_client import Client

from roleplay.store import Store
from tests.pg import free_port
from tests.standin import StandIn

ROOT = Path(__file__).resolve().parents[1]
ROLEPLAY = ROOT / ".venv" / "bin" / "roleplay"


def serve(db_url: str, model_url: str, tmp: Path, name: str) -> tuple[subprocess.Popen, str]:
    """Start `roleplay serve` (single-user) on a free port; returns the process and its URL once it answers."""
    port = free_port()
    env = {**os.environ, "OPENAI_BASE_URL": model_url, "ROLEPLAY_DATA": str(tmp / "data"),
           "ROLEPLAY_PERSONAS": str(ROOT / "personas"), "GRADIO_ANALYTICS_ENABLED": "False"}
    for inherited in ("ROLEPLAY_DB_URL", "ROLEPLAY_SINGLE_USER", "GRADIO_SERVER_NAME", "GRADIO_SERVER_PORT"):
        env.pop(inherited, None)
    log = open(tmp / f"{name}.log", "w")
    proc = subprocess.Popen([str(ROLEPLAY), "--db", db_url, "serve", "--single-user", "--host", "127.0.0.1",
                             "--port", str(port)], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"{name} exited early:\n{(tmp / f'{name}.log').read_text()[-3000:]}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise AssertionError(f"{name} did not answer within 90 s:\n{(tmp / f'{name}.log').read_text()[-3000:]}")


@pytest.fixture
def two_apps(db_url, tmp_path):
    """Processes A and B on one new database (they also race to create its schema)."""
    standin = StandIn(delay_s=0.01)
    model_url = standin.start()
    with ThreadPoolExecutor(2) as pool:
        started = [pool.submit(serve, db_url, model_url, tmp_path, name) for name in ("A", "B")]
        apps = [f.result() for f in started]
    yield apps
    for proc, _ in apps:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(30)
    standin.stop()


def test_a_session_moves_between_processes_and_survives_one_being_killed(two_apps, db_url):
    (proc_a, url_a), (_, url_b) = two_apps
    a, b = Client(url_a, verbose=False), Client(url_b, verbose=False)
    started = a.predict("late-delivery", "chat", api_name="/start_session")
    sid = started["session_id"]
    shown = [started["customer"], "I'm so sorry about the party. What happened?"]
    shown.append(a.predict(sid, shown[-1], api_name="/say")["customer"])
    shown.append("I can refund the shipping today. Would that help?")  # B picks the session up from the database
    shown.append(b.predict(sid, shown[-1], api_name="/say")["customer"])
    shown.append("Let me check where the parcel is now.")  # back on A, which must catch up with B's turns
    shown.append(a.predict(sid, shown[-1], api_name="/say")["customer"])
    card = b.predict(sid, api_name="/end_session")
    assert 0 <= card["overall"] <= 100

    os.kill(proc_a.pid, signal.SIGKILL)
    proc_a.wait(10)
    on_b = b.predict(sid, api_name="/get_session")
    assert [t["text"] for t in on_b["turns"]] == shown
    assert on_b["ended"] and on_b["scorecard"]["overall"] == card["overall"]
    stored = Store(db_url).transcript(sid)
    assert [t.text for t in stored.turns] == shown
    assert [t.speaker for t in stored.turns] == ["customer"] + ["trainee", "customer"] * 3


def test_a_process_catches_up_with_turns_another_process_took(store, tmp_path):
    """Without sticky sessions, A's copy in memory must not answer from before B's turn."""
    from roleplay.accounts import LOCAL
    from roleplay.library import Library
    from roleplay.web.context import Context
    from tests.fakes import ScriptedModel

    client_a, client_b = ScriptedModel(["Two weeks ago.", "Fine, check it."]), ScriptedModel(["Nobody called me."])
    a = Context(store, Library(), client_a, single_user=True, data=tmp_path, speech=False)
    b = Context(store, Library(), client_b, single_user=True, data=tmp_path, speech=False)
    sid = a.start(LOCAL, "late-delivery", "chat").session.id
    a.live_for(LOCAL, sid).session.reply_text("Is the parcel with you now?")
    b.live_for(LOCAL, sid).session.reply_text("Did anyone contact you about the delay?")
    live = a.live_for(LOCAL, sid)
    live.session.reply_text("Let me check where the parcel is.")
    assert "Did anyone contact you about the delay?" in client_a.prompts[-1] and "Nobody called me." in client_a.prompts[-1]
    assert [t.text for t in store.transcript(sid).turns][-2:] == ["Let me check where the parcel is.", "Fine, check it."]
