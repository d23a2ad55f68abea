"""Failures answered clearly: typed exceptions for a turn out of order, a logged error with a short id
for anything unforeseen (never its raw text), a clear answer for a session row that is not there."""

from __future__ import annotations

import logging
import re

import pytest

from roleplay.accounts import LOCAL
from roleplay.database import DatabaseError
from roleplay.library import Library
from roleplay.model import ModelError
from roleplay.session import NothingToRetry, PracticeSession, ReplyOwed
from roleplay.store import Store
from roleplay.web.context import Context
from roleplay.web.events import CardClick
from roleplay.web.practice import PracticeTab
from tests.fakes import ScriptedModel

OUTPUTS = ("chat", "msg", "meter", "speech", "err", "retry_btn", "send_btn", "convo", "result")


@pytest.fixture
def store(tmp_path):
    return Store(f"sqlite:///{tmp_path / 'rp.db'}")


def test_a_turn_out_of_order_raises_its_own_exception(store):
    s = PracticeSession.start(store, Library().get("late-delivery"), ScriptedModel([]))
    with pytest.raises(NothingToRetry):
        list(s.retry())
    with pytest.raises(ModelError):
        s.reply_text("Hello?")  # the script is empty: the model fails, the turn is kept
    with pytest.raises(ReplyOwed, match="retry it first"):
        list(s.say("Are you there?"))


def test_a_missing_session_row_is_a_key_error_naming_it(store):
    with pytest.raises(KeyError, match="no session nope"):
        store.finish("nope", "trainee_ended")
    with pytest.raises(KeyError, match="no session nope"):
        store.save_scorecard("nope", {"overall": 50})


def test_an_unforeseen_failure_is_logged_with_an_id_the_trainee_sees(store, tmp_path, caplog, monkeypatch):
    ctx = Context(store, Library(), ScriptedModel([]), single_user=True, data=tmp_path, speech=False)
    tab = PracticeTab(ctx)
    for name in OUTPUTS:
        setattr(tab, name, name)
    sid = ctx.start(LOCAL, "late-delivery", "chat").session.id

    def broken(*a, **kw):
        raise DatabaseError("cannot reach postgresql://rp:hunter2@db.internal/rp")

    monkeypatch.setattr(store, "add_turn", broken)
    with caplog.at_level(logging.ERROR, logger="roleplay.web"):
        shown = list(tab.send("Hello, how can I help?", sid, None))[-1]["err"]
    ref = re.search(r"error ([0-9a-f]{8})", shown).group(1)
    assert "hunter2" not in shown and "postgresql" not in shown
    [record] = [r for r in caplog.records if ref in r.getMessage()]
    assert record.exc_info and "hunter2" in str(record.exc_info[1])  # the log has the whole story


def test_a_card_click_is_read_through_public_event_data(store, tmp_path):
    tab = PracticeTab(Context(store, Library(), ScriptedModel([]), single_user=True, data=tmp_path))
    assert tab.pick_card(CardClick(None, {"persona": "late-delivery"}))["value"] == "late-delivery"
    assert CardClick(None, {"persona": "nobody"}).persona == "nobody"
    assert CardClick(None, None).persona is None


def test_a_start_that_fails_says_why_beside_the_start_button(store, tmp_path):
    import gradio as gr

    tab = PracticeTab(Context(store, Library(), ScriptedModel([]), single_user=True, data=tmp_path, speech=False))
    with gr.Blocks():
        tab.build()
    out = tab.start_assignment(None, "chat", None)
    assert set(out) <= set(tab.shown_outputs())  # what the start event was wired to update
    assert "Choose an assignment first." in out[tab.start_status]


def test_a_bad_date_in_reviews_filters_is_said_in_the_list_status(store, tmp_path):
    import gradio as gr

    from roleplay.web.review import ReviewTab

    tab = ReviewTab(Context(store, Library(), ScriptedModel([]), single_user=True, data=tmp_path, speech=False))
    with gr.Blocks():
        tab.build()
    out = tab.search(None, None, "31/01/2025", 0, user=LOCAL)
    assert set(out) <= {tab.table, *tab._listed()}  # what the search was wired to update
    assert "YYYY-MM-DD" in out[tab.list_status]["value"]
    assert tab.search(None, None, None, 0, user=LOCAL)[tab.table]["data"] == []
