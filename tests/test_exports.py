"""Exports of a graded session: interchange JSON (schema-valid), scores CSV, printable HTML report."""

import csv
import io
import json
from pathlib import Path

import pytest

from evaluators import grade
from roleplay.library import Library
from roleplay.session import PracticeSession
from roleplay.transcript import parse as parse_transcript
from roleplay.web import exports, render, scorecard, transcript
from tests.fakes import ScriptedModel

SCHEMAS = Path(__file__).resolve().parents[2] / "shared" / "contracts"
NASTY = 'I\'m sorry <script>alert("x")</script> about that. What happened?'


@pytest.fixture(scope="module")
def persona():
    return Library().get("late-delivery")


@pytest.fixture
def row(store, persona):
    s = PracticeSession.start(store, persona, ScriptedModel(["It was for his birthday. What will you do?"]),
                              trainee="=cmd|' /C calc'!A0")
    s.reply_text(NASTY)
    s.end()
    store.save_scorecard(s.id, grade(s.transcript(), persona).to_json())
    return store.get(s.id)


def test_json_is_the_interchange_transcript_with_extras(row):
    text = exports.session_json(row)
    data = json.loads(text)
    t = parse_transcript(text)  # reads back as a transcript
    assert [x.speaker for x in t.turns] == ["customer", "trainee", "customer"]
    assert data["turns"][1]["text"] == NASTY
    assert data["session"] == row.id and data["scorecard"]["overall"] == row.overall
    schema_file = SCHEMAS / "transcript.schema.json"
    if schema_file.exists():
        import jsonschema

        jsonschema.validate(data, json.loads(schema_file.read_text()))
        jsonschema.validate(data["scorecard"], json.loads((SCHEMAS / "scorecard.schema.json").read_text()))


def test_csv_has_one_row_of_scores_and_no_formulas(row):
    rows = list(csv.DictReader(io.StringIO(exports.scores_csv([row]))))
    assert len(rows) == 1
    r = rows[0]
    assert r["session"] == row.id and float(r["overall"]) == pytest.approx(row.overall, abs=0.1)
    for skill in ("listening", "honesty", "calm"):
        assert 0 <= float(r[skill]) <= 100
    assert r["trainee"].startswith("'=")  # a spreadsheet shows it as text instead of running it
    assert r["passed"] in ("yes", "no")


def test_html_report_is_printable_and_escaped(row):
    page = exports.report_html(row, "Sam Carter", 90, 35)
    assert page.startswith("<!doctype html>") and "@media print" in page
    assert "<script" not in page.lower()
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert 'id="turn-1"' in page and "Scorecard" in page
    assert "http://" not in page and "https://" not in page  # nothing fetched from outside


def test_write_exports(tmp_path, row):
    files = exports.write_exports(row, "Sam Carter", tmp_path / "out")
    assert {p.suffix for p in files.values()} == {".json", ".csv", ".html"}
    assert all(p.parent == tmp_path / "out" and p.stat().st_size > 0 for p in files.values())
    assert "/" not in files["json"].name.replace(str(tmp_path), "") and ".." not in files["json"].name


def test_transcript_marks_evidence_and_escapes():
    class T:
        def __init__(self, speaker, text, frustration=None):
            self.speaker, self.text, self.frustration, self.start, self.end = speaker, text, frustration, None, None

    card = {"skills": {"calm": {"score": 50, "evidence": [
        {"turn": 1, "quote": "<b>sorry</b>", "note": "apologises <i>", "effect": "+"}]}}}
    out = transcript.transcript([T("customer", "hi", 50), T("trainee", "I am <b>sorry</b>")], "Sam", card)
    assert '<mark class="ev-plus">&lt;b&gt;sorry&lt;/b&gt;</mark>' in out
    assert "apologises &lt;i&gt;" in out and "<b>sorry" not in out


def test_every_panel_escapes_what_users_persona_files_and_the_model_wrote():
    """The templates autoescape: markup in any text field is shown, never run or rendered."""
    from types import SimpleNamespace as NS

    from roleplay.library import Library, Problem

    hostile = '<img src=x onerror=alert(1)> "quoted" [link](javascript:alert(1))'
    p = Library().get("late-delivery")
    p = p.model_copy(update={"name": hostile, "situation": hostile, "brief": hostile})
    turn = NS(speaker="trainee", text=hostile, frustration=None, start=None, end=None)
    card = {"overall": 40, "passed": False, "skills": {"calm": {"score": 40, "tips": [hostile], "evidence": [
        {"turn": 0, "quote": hostile, "note": hostile, "effect": "-"}]}}, "blockers": [hostile]}
    pieces = [render.persona_cards([p]), render.brief(p, hostile), render.status(hostile),
              scorecard.scorecard(card, title=hostile), transcript.transcript([turn], hostile, card),
              transcript.mini_conversation([turn], hostile), render.problems([Problem(hostile, hostile, 1)]),
              render.header(hostile, hostile, False)]
    for html in pieces:
        assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_chat_turns_are_shown_as_text_not_markdown(tmp_path):
    import gradio as gr

    from roleplay.library import Library
    from roleplay.store import Store
    from roleplay.web.context import Context
    from roleplay.web.practice import PracticeTab, chat_messages

    tab = PracticeTab(Context(Store(f"sqlite:///{tmp_path / 'rp.db'}"), Library(), None, single_user=True,
                              data=tmp_path, speech=False))
    with gr.Blocks():
        tab.build()
    assert tab.chat.render_markdown is False  # [link](…) and ![image](…) stay as typed
    [msg] = chat_messages([], pending_user="<b>hi</b>\n![x](http://e/x.png)")
    assert msg["content"] == "&lt;b&gt;hi&lt;/b&gt;<br>![x](http://e/x.png)"  # as typed, lines kept
