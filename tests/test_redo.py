"""Sessions keep their persona; a moment can be redone (a fork with the customer's state exactly as it
was); why the customer reacted, in the trainee's words."""

import html
import shutil
from pathlib import Path

import pytest
from sqlalchemy import update

from roleplay import state as st
from roleplay import why
from roleplay.fork import CannotFork, fork, state_before
from roleplay.library import Library
from roleplay.session import PracticeSession
from roleplay.store import TurnRow
from roleplay.web import scorecard
from roleplay.web.context import Context
from tests.fakes import ScriptedModel

PERSONAS = Path(__file__).resolve().parents[1] / "personas"
LINES = ["Fine. What are you going to do?", "Right. And then?", "Okay.", "Well.", "Go on.", "Hm."]


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "personas"
    folder.mkdir()
    shutil.copy(PERSONAS / "late-delivery.yaml", folder)
    return Library(folder, check_s=0)


def _played(store, library, lines=("I'm so sorry, that must have been really disappointing. What happened?",
                                   "It's only a toy, no big deal.", "When did you order it?")):
    s = PracticeSession.start(store, library.get("late-delivery"), ScriptedModel(list(LINES)), trainee="ann", seed=7)
    states = []
    for text in lines:
        s.reply_text(text)
        states.append(s.state.model_copy(deep=True))
    return s, states


def test_a_session_keeps_the_persona_it_was_practised_with(store, library):
    s, _ = _played(store, library)
    s.end()
    ctx = Context(store, library, ScriptedModel([]), single_user=True)
    before = ctx.grade(s.id)
    assert before["persona_version"] == "as practised" and before["practised_rubric_version"]
    row = store.get(s.id)
    assert row.persona["id"] == "late-delivery" and row.rubric_version == before["rubric_version"]
    # The trainer rewrites the customer's hidden facts, then deletes the persona altogether.
    path = library.files["late-delivery"]
    path.write_text(path.read_text().replace("The train set was Leo's main present", "It was a gift card"))
    library.reload()
    assert "Leo's main present" in ctx.persona_of(store.get(s.id)).hidden_facts[0].text
    assert "gift card" in ctx.persona_of(store.get(s.id), use_library=True).hidden_facts[0].text
    newer = ctx.grade(s.id, use_library=True)
    assert newer["persona_version"] == "library"
    assert "re-graded against the library's current version" in html.unescape(scorecard.scorecard(newer))
    assert "library's current" not in html.unescape(scorecard.scorecard(before))
    path.unlink()
    library.reload()
    assert ctx.persona("late-delivery") is None
    again = ctx.grade(s.id)
    assert again["skills"] == before["skills"] and again["persona_version"] == "as practised"
    assert ctx.persona_of(store.get(s.id)).id == "late-delivery"  # still replayable


def test_a_fork_restores_the_customers_state_exactly(store, library):
    parent, states = _played(store, library)
    row = store.get(parent.id)
    assert [t.speaker for t in row.turns] == ["customer", "trainee", "customer"] * 1 + ["trainee", "customer"] * 2
    sid = fork(store, row, 3, "ann", library.get("late-delivery"))  # redo the second trainee turn
    child = store.get(sid)
    assert child.parent_id == parent.id and child.fork_at == 3 and child.persona == row.persona
    assert [t.text for t in child.turns] == [t.text for t in row.turns[:3]]
    assert st.CustomerState.model_validate(child.state) == states[0]  # frustration, facts out, offers, seed
    assert child.state["seed"] == 7 and child.state["revealed"] == states[0].revealed
    redo = PracticeSession.resume(store, sid, library.get("late-delivery"), ScriptedModel(["Thank you."]))
    assert redo.state == states[0]
    line = redo.reply_text("That sounds awful, I'm sorry. What would help most now?")
    assert line.text == "Thank you." and len(store.get(sid).turns) == 5
    assert redo.state.frustration < states[1].frustration  # the kinder answer lands better than the rude one


def test_sessions_stored_without_per_turn_states_fork_the_same(store, library):
    parent, states = _played(store, library)
    kept = fork(store, store.get(parent.id), 3, "ann", library.get("late-delivery"))
    with store.engine.begin() as conn:  # as stored before turns kept their state
        for t in store.get(parent.id).turns:
            conn.execute(update(TurnRow).where(TurnRow.id == t.id)
                         .values(meta={k: v for k, v in (t.meta or {}).items() if k != "state"}))
    rebuilt = state_before(store.get(parent.id), 3, library.get("late-delivery"))
    assert rebuilt == st.CustomerState.model_validate(store.get(kept).state)


def test_only_a_trainee_turn_can_be_redone(store, library):
    parent, _ = _played(store, library)
    row = store.get(parent.id)
    for at in (0, 2, 99):
        with pytest.raises(CannotFork):
            fork(store, row, at, "ann", library.get("late-delivery"))


def test_why_the_customer_reacted_in_the_trainees_words(store, library):
    parent, _ = _played(store, library, ("I'm so sorry, that must have been really disappointing. What happened?",
                                         "It's only a toy, no big deal.", "Okay, noted."))
    row = store.get(parent.id)
    persona = library.get("late-delivery")
    told = why.reactions(row.turns, persona)
    assert set(told) <= {2, 4, 6} and 4 in told
    assert any(c.startswith("+") and "made light of the loss" in c for c in told[4].causes), told[4]
    assert any(c.startswith("−") and "acknowledged the feeling" in c for c in told[2].causes), told[2]
    assert any("Leo's main present" in text for text in told[2].revealed)  # "what happened?" earned it
    assert told[4].wants == ["Get something back for the missed birthday"]
    assert told[4].lines()[-1] == "They still want: Get something back for the missed birthday"
    state = st.CustomerState.model_validate(row.state)
    never = why.missed(state, persona)
    assert never and all(n.startswith("You never learned") for n in never)
    assert never == ["You never learned: “I checked your delivery estimate before I ordered. It said two to four "
                     "business days. I ordered two weeks ahead.”"]


def test_why_it_ended():
    persona = Library().get("late-delivery")
    base = st.initial(persona)
    assert why.ending(base, persona) is None
    left = base.model_copy(update={"ended": True, "end_reason": "customer_left", "end_cause": "frustration"})
    assert why.ending(left, persona) == f"They left: their frustration passed {persona.temperament.leave_at}."
    assert "patience after 3" in why.ending(left.model_copy(update={"end_cause": "patience", "trainee_turns": 3}),
                                            persona)
    assert "hung up" in why.ending(left.model_copy(update={"end_cause": "silence"}), persona)
    done = base.model_copy(update={"ended": True, "end_reason": "trainee_ended"})
    assert why.ending(done, persona) == "You ended the conversation."


@pytest.fixture
def practice_tab(store, library):
    """Practice's tab built inside a Blocks (single user, a model with nothing to say)."""
    import gradio as gr

    from roleplay.web.practice import PracticeTab

    tab = PracticeTab(Context(store, library, ScriptedModel([]), single_user=True))
    with gr.Blocks():
        tab.build()
    return tab


@pytest.mark.parametrize("exam", [False, True], ids=["practice", "exam-mode"])
def test_practices_result_explains_unless_exam_mode(store, library, practice_tab, monkeypatch, exam):
    from roleplay.web.context import Live

    tab = practice_tab
    monkeypatch.setenv("ROLEPLAY_EXAM_MODE", "1" if exam else "0")  # read when the result is shown
    s, _ = _played(store, library)
    s.end()
    out = tab._result(Live(session=s, owner="local"), "en")
    card, turns = html.unescape(out[tab.scorecard]), html.unescape(out[tab.result_transcript])
    assert ("<b>Why it ended:</b> You ended the conversation." in card) is not exam
    assert ("made light of the loss" in turns) is not exam
    assert "Your scorecard" in card or "Conversation with" in card  # the grade itself is shown either way


def test_a_silence_tick_with_nothing_to_say_leaves_the_page_as_it_is(store, library, practice_tab):
    """The timer ticks on after grading: a tick that yielded nothing would blank the scorecard."""
    import gradio as gr

    tab = practice_tab
    s, _ = _played(store, library)
    s.end()
    for sid in (s.id, ""):
        (out,) = list(tab.silence(sid, None))
        assert out and all(v == gr.skip() for v in out.values())  # Gradio takes an empty dict for one value


def test_why_speaks_the_sessions_language():
    from roleplay import state as st
    from roleplay import why
    from roleplay.library import Library

    for pid, word in (("angry-caller-sv", "förminskade"), ("faulty-product-fi", "vähättelit")):
        p = Library().get(pid)
        s = st.initial(p).model_copy(update={"last_changes": [st.Change(cause="belittling", delta=15)]})
        assert any(word in line for line in why.reaction(s, p).lines())
        assert "Tätä" in why.missed(s, p)[0] or "aldrig" in why.missed(s, p)[0]
        left = s.model_copy(update={"ended": True, "end_reason": "customer_left", "end_cause": "silence"})
        assert why.ending(left, p) == why.pack(p.language).why["end_silence"]
