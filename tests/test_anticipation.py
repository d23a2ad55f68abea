"""A reply started while the trainee still speaks: taken over when the words match, called off otherwise."""

from __future__ import annotations

import time

import pytest

from roleplay.library import Library
from roleplay.model import ModelError
from roleplay.session import PracticeSession
from roleplay.store import Store
from tests.fakes import ScriptedModel

SAID = "Okay. Is the parcel with you now?"  # no fact unlocked: the reply comes from the model


@pytest.fixture
def persona():
    return Library().get("late-delivery")


def _session(tmp_path, persona, client):
    return PracticeSession.start(Store(f"sqlite:///{tmp_path / 'a.db'}"), persona, client, seed=1)


class Slow(ScriptedModel):
    """Streams a word every `pace` seconds and notes when a stream was closed early."""

    def __init__(self, lines, pace=0.05):
        super().__init__(lines)
        self.pace, self.closed_early = pace, 0

    def stream_completion(self, prompt, **kw):
        words = self._words(prompt)
        done = False
        try:
            for w in words:
                time.sleep(self.pace)
                yield w
            done = True
        finally:
            self.closed_early += not done


def test_the_same_words_take_the_reply_over_without_asking_again(tmp_path, persona):
    client = Slow(["Two weeks ago. It was for Leo."])
    s = _session(tmp_path, persona, client)
    s.anticipate(SAID)
    time.sleep(0.5)  # the trainee lets go of the button a moment later
    line = s.reply_text(SAID)
    assert line.text == "Two weeks ago. It was for Leo." and len(client.prompts) == 1
    assert SAID in client.prompts[0]
    assert [t.text for t in s.store.transcript(s.id).turns][1:] == [SAID, line.text]


def test_other_words_call_it_off_and_the_reply_answers_what_was_said(tmp_path, persona):
    client = Slow(["A reply to half a sentence that goes on and on and on and on.", "Two weeks ago."], pace=0.1)
    s = _session(tmp_path, persona, client)
    s.anticipate("Okay. Is the parcel")
    time.sleep(0.3)
    line = s.reply_text(SAID)
    assert line.text == "Two weeks ago." and client.closed_early == 1  # the model stopped writing
    assert SAID in client.prompts[1] and SAID not in client.prompts[0]
    assert [t.text for t in s.store.transcript(s.id).turns][1:] == [SAID, "Two weeks ago."]


def test_a_failed_anticipated_reply_keeps_the_turn_for_a_retry(tmp_path, persona):
    s = _session(tmp_path, persona, ScriptedModel([ModelError("the model server is down"), "Two weeks ago."]))
    s.anticipate(SAID)
    with pytest.raises(ModelError):
        s.reply_text(SAID)
    assert s.awaiting_reply and s.store.transcript(s.id).turns[-1].text == SAID
    assert [e for e in s.retry()][-1].text == "Two weeks ago."


def test_ending_the_session_calls_it_off(tmp_path, persona):
    client = Slow(["One two three four five six seven eight nine ten eleven twelve."], pace=0.1)
    s = _session(tmp_path, persona, client)
    s.anticipate(SAID)
    time.sleep(0.3)
    s.end()
    assert client.closed_early == 1 and s.ended
    assert [t.speaker for t in s.store.transcript(s.id).turns] == ["customer"]  # nothing stored by it


def test_newer_words_do_not_wait_for_the_model_to_stop_reading_the_older_ones(tmp_path, persona):
    # The transcriber's thread starts the next reply; the recording's end waits for that thread, so a
    # model still reading the last prompt (seconds, on a small CPU) must not hold it up.
    class SlowToRead(Slow):
        def stream_completion(self, prompt, **kw):
            time.sleep(1.0)  # the prompt, read before the first word
            yield from super().stream_completion(prompt, **kw)

    client = SlowToRead(["A reply to half a sentence.", "Two weeks ago."])
    s = _session(tmp_path, persona, client)
    s.anticipate("Okay. Is the parcel")
    time.sleep(0.2)
    started = time.perf_counter()
    s.anticipate(SAID)
    assert time.perf_counter() - started < 0.5
    line = s.reply_text(SAID)
    assert line.text == "Two weeks ago." and client.closed_early == 1
    assert len(client.prompts) == 2 and SAID in client.prompts[1] and SAID not in client.prompts[0]


@pytest.mark.model
def test_a_process_that_ends_while_a_reply_is_anticipated_exits_cleanly(tmp_path):
    """The real in-process model server is serving the anticipated reply when the interpreter ends:
    before the reply was called off at exit, that crashed (SIGSEGV) in 5 runs of 6."""
    import subprocess
    import sys

    script = tmp_path / "ends.py"
    script.write_text(
        "import time\n"
        "from roleplay.library import Library\n"
        "from roleplay.llm import ModelClient, ModelConfig\n"
        "from roleplay.session import PracticeSession\n"
        "from roleplay.store import Store\n"
        "client = ModelClient(ModelConfig(model='smollm2-135m', base_url=None))\n"
        "s = PracticeSession.start(Store('sqlite://'), Library().get('late-delivery'), client, channel='voice')\n"
        "s.anticipate(\"I'm sorry about that, let me check the order for you.\")\n"
        "time.sleep(0.3)\n")
    for _ in range(3):
        out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr[-2000:]
