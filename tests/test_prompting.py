"""Prompts grow by appending: each request is the previous one plus what was said since.

That is what lets the model server's prompt cache skip everything but the trainee's
newest line, and it must hold after a session is resumed on another process too.
"""

from __future__ import annotations

import pytest

from roleplay.library import Library
from roleplay.session import PracticeSession
from roleplay.store import Store
from tests.fakes import ScriptedModel

LINES = ["I ordered it two weeks ago.", "Nobody told me a thing about it.", "So what happens now?"]
# Neither empathy nor a question on a hidden fact's topic: those have the customer tell the fact as
# written, with no model request.
TRAINEE = ["Okay. Is the parcel with you now?", "I see. Did anyone contact you?",
           "You are right to ask. Let me check the parcel for you now."]


@pytest.fixture
def persona():
    return Library().get("late-delivery")


def _run(store, persona, client, resume_after: int | None = None):
    s = PracticeSession.start(store, persona, client, seed=1)
    for k, line in enumerate(TRAINEE):
        if resume_after is not None and k == resume_after:
            s = PracticeSession.resume(store, s.id, persona, client)
        s.reply_text(line)
    return s


def test_each_completion_prompt_extends_the_previous_one_with_the_customers_own_words(tmp_path, persona):
    client = ScriptedModel(list(LINES))
    _run(Store(f"sqlite:///{tmp_path / 'p.db'}"), persona, client)
    prompts = client.prompts
    assert len(prompts) == 3
    for before, said, after in zip(prompts, LINES, prompts[1:]):
        assert after.startswith(before + " " + said + "\n"), (before[-200:], after[-300:])
    assert prompts[-1].count("[") == 3  # every customer line keeps the stage direction it answered


def test_a_resumed_session_asks_exactly_what_an_uninterrupted_one_would(tmp_path, persona):
    straight, resumed = ScriptedModel(list(LINES)), ScriptedModel(list(LINES))
    _run(Store(f"sqlite:///{tmp_path / 'a.db'}"), persona, straight)
    _run(Store(f"sqlite:///{tmp_path / 'b.db'}"), persona, resumed, resume_after=2)
    assert resumed.prompts == straight.prompts


def test_chat_messages_replay_the_earlier_stage_directions_word_for_word(tmp_path, persona):
    client = ScriptedModel(list(LINES))
    client.style = "chat"
    _run(Store(f"sqlite:///{tmp_path / 'c.db'}"), persona, client)
    for before, said, after in zip(client.prompts, LINES, client.prompts[1:]):
        assert after[:len(before)] == before  # the "Now: …" message sent then is replayed as it was
        assert after[len(before)] == {"role": "assistant", "content": said}


@pytest.mark.model
def test_warming_with_the_trainees_words_leaves_the_real_model_almost_nothing_to_read(tmp_path, persona):
    from roleplay.llm import ModelClient, ModelConfig

    client = ModelClient(ModelConfig(model="smollm2-135m", base_url=None))
    s = PracticeSession.start(Store(f"sqlite:///{tmp_path / 'w.db'}"), persona, client, seed=3)
    cold = s.reply_text(TRAINEE[0])
    s.warm(TRAINEE[1])
    warm = s.reply_text(TRAINEE[1])
    assert cold.prompt_tokens > 20  # the trainee's line, the stage direction, the customer's name
    assert warm.prompt_tokens <= warm.attempts  # all of that was read while the trainee spoke: a token a try


def test_the_reply_waits_for_a_warm_under_way_instead_of_racing_it(tmp_path, persona):
    import threading
    import time

    order = []

    class SlowWarm(ScriptedModel):
        def warm(self, prompt):
            order.append("warm starts")
            time.sleep(0.5)
            order.append("warm ends")

        def stream_completion(self, prompt, **kw):
            order.append("reply asked")
            yield from super().stream_completion(prompt, **kw)

    s = PracticeSession.start(Store(f"sqlite:///{tmp_path / 'r.db'}"), persona, SlowWarm(list(LINES)), seed=1)
    warming = threading.Thread(target=s.warm, args=(TRAINEE[0],))
    warming.start()
    time.sleep(0.1)
    s.warm(TRAINEE[0])  # a second warm while one runs is skipped, not queued
    s.reply_text(TRAINEE[0])
    warming.join()
    assert order == ["warm starts", "warm ends", "reply asked"]
    s.warm("anything")  # after the reply, warming works again (the lock was released)
    assert order[-2:] == ["warm starts", "warm ends"]


def test_warming_up_reads_the_session_so_far_before_the_first_turn(tmp_path, persona):
    import time

    class SlowWarm(ScriptedModel):
        def warm(self, prompt):
            time.sleep(0.3)
            super().warm(prompt)

    client = SlowWarm(list(LINES))
    s = PracticeSession.start(Store(f"sqlite:///{tmp_path / 'u.db'}"), persona, client, seed=1)
    s.warm_up()
    s.reply_text(TRAINEE[0])  # waits for the warm-up rather than racing it
    assert len(client.warmed) == 1
    opening = client.warmed[0].rsplit("\n[", 1)[0]  # the scene and the opening line, before the direction
    assert persona.opening(1) in opening and client.prompts[0].startswith(opening + "\nAgent: ")


def test_a_line_the_model_never_wrote_is_read_into_its_cache_while_it_plays(tmp_path, persona):
    import time

    client = ScriptedModel(["Fine. What will you do?"])
    s = PracticeSession.start(Store(f"sqlite:///{tmp_path / 'a.db'}"), persona, client, seed=1)
    line = s.reply_text("Hello, this is support. I'm sorry about the wait, what happened?")
    assert line.source == "authored" and client.prompts == []  # the state has them tell a fact, as written
    for _ in range(50):  # warmed in the background
        if client.warmed:
            break
        time.sleep(0.02)
    assert len(client.warmed) == 1 and line.text in client.warmed[0]
    s.reply_text("I see. Let me look at what I can do.")
    read = client.warmed[0].rsplit("\n[", 1)[0]  # everything up to the authored line, before the direction
    assert read.endswith(line.text) and client.prompts[0].startswith(read + "\nAgent: ")
