"""xAPI statements: valid against the vendored 1.0.3 statement schema, with the skills and the reason;
`roleplay export xapi` from the command line; sending to a stand-in LRS on 127.0.0.1."""

from __future__ import annotations

import base64
import copy
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from roleplay import assignments, cli, lrs, xapi
from roleplay.accounts import Accounts
from roleplay.store import Store
from roleplay.web.context import Context
from tests.fakes import canned
from tests.test_app_api import PERSONAS, copy_library
from tests.test_assignments import card


@pytest.fixture
def seeded(db_url, tmp_path):
    """ann: one graded attempt at an assignment (failed on a blocker), one graded free session, one unfinished."""
    store, accounts = Store(db_url), Accounts(db_url)
    accounts.add("ann", "password1", ["trainee"])
    ctx = Context(store, copy_library(tmp_path / "personas"), canned(), accounts=accounts,
                  data=tmp_path / "d", speech=False)
    aid = assignments.create(store, assignments.AssignmentSpec(persona_id="late-delivery", trainees=["ann"],
                                                               pass_overall=50, pass_skills={"empathy": 60}),
                             "tess", ["late-delivery"], ["ann"])
    ann = accounts.get("ann")
    live = ctx.start_assignment(ann, aid, "chat")
    live.session.reply_text("I'm sorry. I'll send you a free replacement today.")
    live.session.end()
    store.save_scorecard(live.session.id, card(85, ["promised a free replacement"], empathy=70))
    free = ctx.start(ann, "receipt-help", "chat")
    free.session.end()
    store.save_scorecard(free.session.id, card(72, empathy=65))
    ctx.start(ann, "late-delivery", "chat")
    return ctx, aid, live.session.id, free.session.id


def by_verb(statements, sid):
    return {s["verb"]["display"]["en-US"]: s for s in statements if s["context"]["extensions"].values()
            and s["context"]["extensions"][f"{xapi.DEFAULT_HOMEPAGE}/xapi/extensions/session"] == sid}


def test_statements_carry_the_score_the_skills_and_the_reason(seeded):
    ctx, aid, attempt, free = seeded
    rows = ctx.store.list_sessions(trainee="ann")
    statements = xapi.for_sessions(ctx.store, rows, persona_names={"late-delivery": "Sam Carter"})
    assert len(statements) == 3 + 3 + 1  # attempted+completed+graded twice, attempted once
    for s in statements:
        xapi.validate(s)
    a = by_verb(statements, attempt)
    assert set(a) == {"attempted", "completed", "failed"}  # a blocker fails it whatever the score
    failed = a["failed"]
    assert failed["verb"]["id"] == "http://adlnet.gov/expapi/verbs/failed"
    assert failed["result"]["score"] == {"scaled": 0.85, "raw": 85.0, "min": 0, "max": 100}
    assert failed["result"]["success"] is False
    ext = failed["result"]["extensions"]
    base = f"{xapi.DEFAULT_HOMEPAGE}/xapi/extensions"
    assert ext[f"{base}/skills"]["empathy"] == 70 and ext[f"{base}/blockers"] == ["promised a free replacement"]
    assert ext[f"{base}/reason"] == "blocker: promised a free replacement"
    assert failed["context"]["contextActivities"]["parent"][0]["id"] == f"{xapi.DEFAULT_HOMEPAGE}/assignments/{aid}"
    assert failed["object"]["definition"]["name"] == {"en": "Sam Carter"}
    assert a["completed"]["result"]["completion"] is True
    f = by_verb(statements, free)
    assert f["passed"]["result"]["success"] is True and "contextActivities" not in f["passed"]["context"]
    again = xapi.for_sessions(ctx.store, rows)
    assert [s["id"] for s in again] == [s["id"] for s in statements]  # re-sent, an LRS keeps one of each


def test_the_schema_refuses_what_xapi_does_not_allow(seeded):
    ctx, _, attempt, _ = seeded
    good = xapi.statements(ctx.store.get(attempt))[-1]

    def broken(change):
        s = copy.deepcopy(good)
        change(s)
        return s

    cases = {
        "two identifiers for one agent": lambda s: s["actor"].update(mbox="mailto:ann@example.com"),
        "scaled score above 1": lambda s: s["result"]["score"].update(scaled=1.5),
        "raw score outside min and max": lambda s: s["result"]["score"].update(raw=130),
        "a verb id that is no IRI": lambda s: s["verb"].update(id="failed"),
        "no verb": lambda s: s.pop("verb"),
        "an unknown property": lambda s: s.update(grade="A"),
        "a timestamp without a zone": lambda s: s.update(timestamp="2026-12-01T10:00:00"),
        "an extension key that is no IRI": lambda s: s["result"]["extensions"].update(skills={}),
        "a registration that is no UUID": lambda s: s["context"].update(registration="abc"),
    }
    for name, change in cases.items():
        with pytest.raises(xapi.InvalidStatement):
            xapi.validate(broken(change))
            pytest.fail(name)


class StandInLrs:
    """An LRS on 127.0.0.1 that keeps what it is sent (or answers `status` to every POST)."""

    def __init__(self, status: int = 200):
        received, headers = [], []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                headers.append(self.headers)  # looked up case-insensitively
                if status != 200:
                    self.send_response(status)
                    self.end_headers()
                    self.wfile.write(b"statement rejected")
                    return
                batch = json.loads(body)
                received.extend(batch)
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(json.dumps([s["id"] for s in batch]).encode())

            def log_message(self, *a):
                pass

        self.received, self.headers = received, headers
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/xapi/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def test_export_from_the_command_line_and_send_to_a_stand_in_lrs(seeded, tmp_path, db_url, capsys, monkeypatch):
    ctx, _, attempt, free = seeded
    out = tmp_path / "statements.json"
    argv = ["--db", db_url, "--personas", str(PERSONAS), "export", "xapi", "--since", "2020-01-01", "--out", str(out)]
    assert cli.main(argv) == 0
    written = json.loads(out.read_text(encoding="utf-8"))
    assert len(written) == 7 and all(xapi.validate(s) is None for s in written)
    assert "7 statements from 3 sessions" in capsys.readouterr().out
    assert cli.main([*argv[:-2], "--until", "2020-12-31", "--out", str(out)]) == 0
    assert json.loads(out.read_text()) == []
    assert cli.main(["--db", db_url, "export", "xapi", "--session", "nope", "--out", str(out)]) == 2
    assert "no session nope" in capsys.readouterr().err

    stand_in = StandInLrs()
    try:
        lrs.save(ctx.accounts, lrs.LrsSettings(endpoint=stand_in.url, username="key", password="s3cret-pass"))
        assert cli.main([*argv[:-2], "--session", free, "--out", str(out), "--send"]) == 0
        assert [s["verb"]["display"]["en-US"] for s in stand_in.received] == ["attempted", "completed", "passed"]
        h = stand_in.headers[0]
        assert h["X-Experience-API-Version"] == "1.0.3"
        assert h["Authorization"] == "Basic " + base64.b64encode(b"key:s3cret-pass").decode()
        monkeypatch.setattr(lrs, "BATCH", 2)  # several requests: every statement still arrives once
        statements = xapi.for_sessions(ctx.store, ctx.store.list_sessions(trainee="ann"))
        assert lrs.send(statements, lrs.settings(ctx.accounts)) == 7
        assert len(stand_in.received) == 3 + 7 and len(stand_in.headers) == 1 + 4
    finally:
        stand_in.close()

    refusing = StandInLrs(status=400)
    try:
        lrs.save(ctx.accounts, lrs.LrsSettings(endpoint=refusing.url, username="key", password="s3cret-pass"))
        assert cli.main([*argv, "--send"]) == 2
        err = capsys.readouterr().err
        assert f"127.0.0.1:{refusing.server.server_port} refused the statements: HTTP 400" in err
        assert "s3cret" not in err
    finally:
        refusing.close()
    with pytest.raises(lrs.LrsError, match="could not be reached") as e:  # the server is gone now
        lrs.send(written, lrs.settings(ctx.accounts), timeout=5)
    assert "s3cret" not in str(e.value)
    with pytest.raises(ValueError, match="give an http"):
        lrs.LrsSettings(endpoint="ftp://lrs")
