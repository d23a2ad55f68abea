"""The trainee speaking over the customer: the words they missed are marked, stored, exported and shown to the model."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from pydantic import ValidationError

from roleplay import prompting
from roleplay import state as st
from roleplay.customer import Delta
from roleplay.interruption import Cut, as_heard, cut_in_after_s, split_heard
from roleplay.library import Library
from roleplay.session import CustomerLine, PracticeSession
from roleplay.store import Store
from roleplay.web import exports
from tests.fakes import ScriptedModel

CONTRACT = Path(__file__).resolve().parents[2] / "shared" / "contracts" / "transcript.schema.json"
LINE = "Mr. Jensen promised me a full refund. Where is it?"


@pytest.fixture
def session(tmp_path):
    return PracticeSession.start(Store(f"sqlite:///{tmp_path / 'rp.db'}"), Library().get("late-delivery"),
                                 ScriptedModel([LINE]), seed=1)


def cut(**kw) -> Cut:
    return Cut(**{"turn": 2, "part": 1, "at_s": 0.0, "part_s": 1.0, "heard_s": 3.3, **kw})


@pytest.mark.parametrize("part, at_s, heard, unheard", [
    (0, 0.3, "Mr. Jensen", "promised me a full refund. Where is it?"),
    (1, 0.0, "Mr. Jensen promised me a full refund.", "Where is it?"),
    (1, 0.99, LINE, ""),
    (5, 0.2, LINE, ""),  # a sentence the line does not have (a stale page): nothing marked
])
def test_the_sentence_playing_is_split_by_time(part, at_s, heard, unheard):
    assert split_heard(LINE, cut(part=part, at_s=at_s)) == (heard, unheard)


def test_a_report_that_is_not_a_cut_is_refused():
    for bad in ({"turn": -1}, {"part_s": 0}, {"extra": 1}, {"at_s": "soon"}):
        with pytest.raises(ValidationError):
            cut(**bad)


def reply(session: PracticeSession) -> CustomerLine:
    events = list(session.say("I'm sorry, let me look into it."))
    assert isinstance(events[0], Delta)
    return events[-1]


def test_a_cut_line_is_marked_stored_exported_and_shown_cut_to_the_model(session):
    line = reply(session)
    session.set_audio(line.index, "reply.wav", 10.0, 16.0)
    session.cut_off(cut(turn=line.index))
    row = session.store.get(session.id).turns[line.index]
    assert row.meta["unheard"] == "Where is it?" and row.end == 13.3
    exported = session.store.transcript(session.id).turns[line.index]
    assert exported.text == LINE and exported.model_extra["unheard"] == row.meta["unheard"]
    data = json.loads(exports.session_json(session.store.get(session.id)))  # what Review exports
    assert data["turns"][line.index]["unheard"] == "Where is it?" and data["turns"][line.index]["text"] == LINE
    if CONTRACT.exists():  # still the interchange transcript: extra keys are allowed
        jsonschema.validate(data, json.loads(CONTRACT.read_text()))
    assert as_heard(exported) == "Mr. Jensen promised me a full refund. —"
    resumed = PracticeSession.resume(session.store, session.id, session.persona, ScriptedModel([]))
    assert as_heard(resumed.turns[line.index]) == as_heard(exported)  # kept across a restart
    prompt = prompting.completion_prompt(session.persona, session.turns, session.state, "voice")
    assert "Mr. Jensen promised me a full refund. —" in prompt and "Where is it?" not in prompt


def test_a_cut_reported_while_the_reply_streams_applies_once_its_audio_is_timed(session):
    session.cut_off(cut(turn=2))  # the browser stopped sentence two before the line was stored
    line = reply(session)
    assert "unheard" not in (session.store.get(session.id).turns[line.index].meta or {})
    session.set_audio(line.index, "reply.wav", 10.0, 16.0)
    assert session.store.get(session.id).turns[line.index].meta["unheard"] == "Where is it?"


def test_a_report_about_a_trainee_turn_changes_nothing(session):
    reply(session)
    session.cut_off(cut(turn=1))
    assert "unheard" not in (session.store.get(session.id).turns[1].meta or {})
    assert not session.turns[1].model_extra.get("unheard")


# --- the customer cutting in ----------------------------------------------------------------------


def test_an_angry_customer_cuts_in_sooner_than_a_calm_one_and_never_later_than_the_grade_allows():
    from evaluators import listening

    angry = Library().get("angry-caller")  # leaves at 95
    assert cut_in_after_s(angry, 75) == 20.0  # three quarters of the way to walking out, or more
    assert cut_in_after_s(angry, 0) == listening.MONOLOGUE_OK_S == 40.0  # calm: as long as the grade lets one run
    assert 20.0 < cut_in_after_s(angry, 40) < 40.0


def test_a_cut_in_reply_says_so_unless_it_has_something_more_pressing_to_say(session):
    list(session.say("Let me explain our whole returns process from the start, step by step.", cut_in=True))
    assert session.state.act == "cut_in"
    prompt = prompting.completion_prompt(session.persona, session.turns[:-1], session.state, "voice")
    assert "I can't get a word in. I cut in" in prompt  # the stage direction the line is written to
    assert st.cut_in(session.state.model_copy(update={"act": "insulted"})).act == "insulted"


def test_a_reply_started_at_a_pause_is_called_off_when_the_customer_cuts_in(tmp_path):
    client = ScriptedModel(["Stop there. What will you do?"] * 2)
    s = PracticeSession.start(Store(f"sqlite:///{tmp_path / 'rp.db'}"), Library().get("angry-caller"), client, seed=1)
    said = "Well, the thing about our returns process is that it has several steps."
    s.anticipate(said)
    ahead = s._anticipation
    list(s.say(said, cut_in=True))
    assert ahead._stop.is_set() and s.state.act == "cut_in"  # called off, not taken over
