"""Practice sessions on real SQLite and PostgreSQL: turns stored before shown, guard and fallback, faults keep
the turn."""

import threading

import pytest

from roleplay.customer import Customer, Delta, Final
from roleplay.languages import pack
from roleplay.library import Library
from roleplay.model import ModelError
from roleplay.session import CustomerLine, PracticeSession, SessionEnded
from roleplay.store import Store
from roleplay import state as st
from roleplay.transcript import Turn
from tests.fakes import ScriptedModel


@pytest.fixture(scope="module")
def persona():
    return Library().get("late-delivery")


def test_first_sentence_failing_the_guard_is_regenerated(persona):
    client = ScriptedModel(["Sure, here's Sam's reply: I want a refund.", "I want a refund. Now."])
    events = list(Customer(persona, client).reply([Turn(speaker="customer", text="hi")], st.initial(persona)))
    final = events[-1]
    assert isinstance(final, Final) and final.source == "model" and final.attempts == 2
    assert final.text == "I want a refund. Now."
    assert "talks_about_the_task" in final.rejected[0][1]
    shown = "".join(e.text for e in events if isinstance(e, Delta))
    assert "here's" not in shown and shown == final.text


def test_all_attempts_failing_falls_back_to_the_personas_lines(persona):
    client = ScriptedModel(["How can I help you today?", "As an AI I cannot.", "Agent: sorry."])
    final = list(Customer(persona, client).reply([], st.initial(persona)))[-1]
    assert final.source == "fallback" and final.text in persona.lines.upset
    assert len(final.rejected) == 3


def test_a_later_sentence_failing_ends_the_line_there(persona):
    client = ScriptedModel(["This is unacceptable. How can I help you today? More words."])
    final = list(Customer(persona, client).reply([], st.initial(persona)))[-1]
    assert final.text == "This is unacceptable."


def test_customer_who_leaves_says_goodbye_in_their_own_closing_words(persona):
    s = st.initial(persona).model_copy(update={"ended": True, "end_reason": "customer_left"})
    final = list(Customer(persona, ScriptedModel(["This is a joke."])).reply([], s))[-1]
    assert final.text in persona.lines.leaving


def test_session_stores_every_turn_before_returning_it(store, persona):
    client = ScriptedModel(["Fine. What can you do?"])
    s = PracticeSession.start(store, persona, client, trainee="ann")
    assert [t.speaker for t in store.transcript(s.id).turns] == ["customer"]
    events = s.say("I'm so sorry, that must have been really disappointing. What happened?")
    first = next(events)
    # The trainee's turn is committed before the customer's first word is shown.
    assert isinstance(first, Delta)
    assert [t.speaker for t in store.transcript(s.id).turns] == ["customer", "trainee"]
    line = [e for e in events if isinstance(e, CustomerLine)][0]
    t = store.transcript(s.id)
    assert [x.speaker for x in t.turns] == ["customer", "trainee", "customer"]
    assert t.turns[-1].text == line.text and t.turns[-1].frustration == line.state.frustration


def test_model_failure_keeps_the_turn_and_retry_answers_it(store, persona):
    client = ScriptedModel([ModelError("cannot reach the model server"), "Okay, go on."])
    s = PracticeSession.start(store, persona, client)
    with pytest.raises(ModelError):
        list(s.say("Could you say that again, please?"))
    assert s.awaiting_reply
    assert store.transcript(s.id).turns[-1].text == "Could you say that again, please?"
    with pytest.raises(RuntimeError):
        list(s.say("another line"))  # answer owed first: nothing is silently lost or reordered
    line = [e for e in s.retry() if isinstance(e, CustomerLine)][0]
    assert line.text == "Okay, go on."
    assert [t.speaker for t in store.transcript(s.id).turns] == ["customer", "trainee", "customer"]


def test_resume_after_restart(db_url, persona):
    s = PracticeSession.start(Store(db_url), persona, ScriptedModel(["Right. And?"]))
    s.reply_text("Tell me what happened.")
    again = PracticeSession.resume(Store(db_url), s.id, persona, ScriptedModel([]))
    assert [t.text for t in again.turns] == [t.text for t in s.turns]
    assert again.state == s.state and len(again.analyses) == 1


def test_text_is_cleaned_and_capped(store, persona):
    s = PracticeSession.start(store, persona, ScriptedModel(["Ok."]))
    s.reply_text("  hello\x00\x07 there <script>alert(1)</script> " + "x" * 10_000)
    stored = store.transcript(s.id).turns[1].text
    assert "\x00" not in stored and len(stored) <= 4000 and stored.startswith("hello there <script>")
    with pytest.raises(ValueError):
        list(s.say("   \n "))


def test_ended_session_refuses_more_turns(store, persona):
    s = PracticeSession.start(store, persona, ScriptedModel(["Whatever."]))
    s.reply_text("Shut up, you idiot. Not my problem, calm down.")
    assert s.ended and s.state.end_reason == "customer_left"
    with pytest.raises(SessionEnded):
        list(s.say("hello?"))
    assert store.get(s.id).ended and store.get(s.id).end_reason == "customer_left"


def test_concurrent_sessions_do_not_mix(store, persona):
    sessions = [PracticeSession.start(store, persona, ScriptedModel([f"reply {i}-{k}." for k in range(5)]),
                                      trainee=f"t{i}") for i in range(8)]

    def run(i, s):
        for k in range(5):
            s.reply_text(f"trainee {i} line {k}")

    threads = [threading.Thread(target=run, args=(i, s)) for i, s in enumerate(sessions)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    for i, s in enumerate(sessions):
        texts = [t.text for t in store.transcript(s.id).turns[1:]]
        assert texts == [x for k in range(5) for x in (f"trainee {i} line {k}", f"reply {i}-{k}.")]


@pytest.mark.parametrize("text,expected", [
    ("😡🙏 I'm sorry!! 🚚", "😡🙏 I'm sorry!! 🚚"),
    ("Извините, мы вернём деньги. 申し訳ありません。 عذراً", "Извините, мы вернём деньги. 申し訳ありません。 عذراً"),
    ("<b>bold</b> & <img src=x onerror=alert(1)>", "<b>bold</b> & <img src=x onerror=alert(1)>"),  # escaped when shown
    ("line one\r\nline two\u202e\u200b", "line one\nline two"),  # control and direction-override characters go
    ("x" * 100_000, "x" * 4000),
])
def test_unusual_text_is_kept_safely_and_answered(store, persona, text, expected):
    s = PracticeSession.start(store, persona, ScriptedModel(["Right."]))
    line = s.reply_text(text)
    assert line.text == "Right."
    assert store.transcript(s.id).turns[1].text == expected


def test_a_turn_the_store_refuses_leaves_the_session_as_stored(store, persona):
    s = PracticeSession.start(store, persona, ScriptedModel(["Yes, it came on Tuesday."]), seed=1)
    before = (list(s.turns), s.state, len(s.analyses))

    def refuse(*args, **kwargs):
        raise OSError("disk full")

    s.store.add_turn = refuse
    with pytest.raises(OSError):
        s.reply_text("Is the parcel with you now?")
    assert (s.turns, s.state, len(s.analyses)) == before and not s.awaiting_reply
    del s.store.add_turn  # the store recovers: the same turn goes through
    assert s.reply_text("Is the parcel with you now?").text == "Yes, it came on Tuesday."
    assert [t.text for t in store.transcript(s.id).turns][1:] == ["Is the parcel with you now?", "Yes, it came on Tuesday."]


RESUMED_LINES = ["I'm so sorry, that must be really frustrating. What is your order number?",
                 "I'm so sorry, that must be really frustrating.",
                 "When did you place the order, and what was in it?",
                 "I'm so sorry, that must be really frustrating. Let me check the tracking now."]


@pytest.mark.parametrize("stored", [True, False], ids=["stored-analysis", "replayed"])
def test_a_resumed_session_has_the_live_sessions_analyses_turn_by_turn(tmp_path, persona, stored):
    store = Store(f"sqlite:///{tmp_path / 'rp.db'}")
    s = PracticeSession.start(store, persona, ScriptedModel(["I see. Go on."] * len(RESUMED_LINES)))
    for line in RESUMED_LINES:
        s.reply_text(line)
    if not stored:  # turns stored before their analysis was kept with them: analysed again, in order
        from sqlalchemy import update

        from roleplay.store import TurnRow
        with store.engine.begin() as db:
            db.execute(update(TurnRow).values(meta=None))
    resumed = PracticeSession.resume(store, s.id, persona, ScriptedModel([]))
    assert any(a.stock_empathy for a in s.analyses)  # the repeated line counted once, live
    assert [a.model_dump() for a in resumed.analyses] == [a.model_dump() for a in s.analyses]


@pytest.mark.parametrize("seed", [0, 19])  # a one-word filler ("Ugh...") and a two-word one ("Okay, look...")
def test_a_voice_customer_says_the_personas_line_after_one_rejected_sentence(persona, seed):
    # In a call a retry is silence the trainee hears: one model request, then the authored line.
    client = ScriptedModel(["How can I help you today?", "I want a refund. Now."])
    first, *_, final = Customer(persona, client, channel="voice", seed=seed).reply([], st.initial(persona))
    assert len(client.prompts) == 1
    filler = first.text  # said at once ("Look...", "Oh, look..."), then the persona's line
    assert first.filler and final.text.startswith(filler + " ")
    line = final.text[len(filler) + 1:]
    assert final.source == "fallback" and line in persona.lines.upset and final.attempts == 1
    assert filler in pack("en").fillers["upset"]
    assert "offers_help" in final.rejected[0][1]


def test_a_voice_customer_whose_first_sentence_passes_keeps_the_models_line(persona):
    client = ScriptedModel(["I want a refund. Now."])
    final = list(Customer(persona, client, channel="voice").reply([], st.initial(persona)))[-1]
    filler = client.prompts[0].rsplit(":", 1)[1].strip()  # the prompt ends with it: the model goes on from there
    assert (final.source, final.text, len(client.prompts)) == ("model", f"{filler} I want a refund. Now.", 1)


def test_a_model_line_in_a_call_starts_with_a_filler_said_at_once(persona):
    """The model takes seconds on a small CPU: a caller says "Look..." at once, and the line goes on from it."""
    client = ScriptedModel(["I want a refund. Now."])
    events = list(Customer(persona, client, channel="voice", seed=3).reply([], st.initial(persona)))
    first, *rest, final = events
    assert isinstance(first, Delta) and first.filler and first.text in pack("en").fillers["upset"]
    assert client.prompts[0].endswith(f"({pack('en').moods['angry']}): {first.text}")
    assert not any(e.filler for e in rest)
    assert "".join(e.text for e in [first, *rest]) == final.text == f"{first.text} I want a refund. Now."


def test_a_filler_is_not_the_one_a_recent_line_began_with_and_the_persona_may_name_its_own(persona):
    own = persona.model_copy(update={"lines": persona.lines.model_copy(update={"fillers": ["Oh dear...", "Hmm...", "Well..."]})})
    turns = [Turn(speaker="customer", text="Oh dear... where is it?"), Turn(speaker="trainee", text="Let me see."),
             Turn(speaker="customer", text="Hmm... is it lost?"), Turn(speaker="trainee", text="One moment.")]
    for seed in range(5):
        final = list(Customer(own, ScriptedModel(["I see."]), channel="voice", seed=seed).reply(
            turns, st.initial(own)))[-1]
        assert final.text == "Well... I see."


def test_no_filler_in_a_chat_for_a_chat_style_server_or_before_an_authored_line(persona):
    assert list(Customer(persona, ScriptedModel(["I want a refund."])).reply([], st.initial(persona)))[0] \
        == Delta("I want a refund.")

    class ChatStyle(ScriptedModel):
        style = "chat"  # starts a new line: it cannot go on from words already said

    events = list(Customer(persona, ChatStyle(["I want a refund."]), channel="voice").reply([], st.initial(persona)))
    assert not any(isinstance(e, Delta) and e.filler for e in events)
    ended = st.initial(persona).model_copy(update={"ended": True, "end_reason": "customer_left"})
    events = list(Customer(persona, ScriptedModel([]), channel="voice").reply([], ended))  # said at once: no wait
    assert not any(isinstance(e, Delta) and e.filler for e in events)
    assert events[-1].text in persona.lines.leaving


def test_a_voice_session_asks_the_model_once_for_a_rejected_reply(store, persona):
    client = ScriptedModel(["How can I help you today?", "Agent: sorry.", "I want a refund."])
    s = PracticeSession.start(store, persona, client, channel="voice", seed=1)
    line = s.reply_text("I see. Let me look at what I can do.")
    assert (s.state.act, line.source, line.attempts, len(client.prompts)) == ("upset", "fallback", 1, 1)
    chat = PracticeSession.start(store, persona, ScriptedModel(["How can I help you today?", "I want a refund."]), seed=1)
    assert chat.reply_text("I see. Let me look at what I can do.").attempts == 2  # typed: the model gets another go


def test_an_authored_line_said_after_a_filler_counts_as_said_and_does_not_echo_the_fillers_word(persona):
    """A call's fallback follows a filler: the variant said before (after another filler) is not said again,
    and "Oh... Oh, I see." is avoided while another variant is fresh."""
    lines = persona.lines.model_copy(update={"upset": ["Oh, that is bad.", "Oh, I see now.", "I want it fixed."],
                                             "fillers": ["Oh..."]})
    own = persona.model_copy(update={"lines": lines})
    turns = [Turn(speaker="customer", text="Oh... I want it fixed."), Turn(speaker="trainee", text="Let me check.")]
    state = st.initial(own).model_copy(update={"act": "upset"})
    for seed in range(6):
        client = ScriptedModel(["How can I help you today?"])  # rejected: the authored line follows the filler
        final = list(Customer(own, client, channel="voice", seed=seed).reply(turns, state))[-1]
        assert final.source == "fallback" and final.text in ("Oh... Oh, that is bad.", "Oh... Oh, I see now.")
    customer = Customer(own, ScriptedModel([]), channel="voice")
    assert {customer.fallback([], state, after="Oh...") for _ in range(20)} == {"I want it fixed."}
    assert {customer.fallback([], state, after="Well...") for _ in range(30)} == set(lines.upset)
