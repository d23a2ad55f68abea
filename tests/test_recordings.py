"""The microphone's start, chunk and stop events in the orders a busy server runs them, through the
Practice tab's own handlers: every chunk lands once, in the one transcript the turn takes."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from roleplay.accounts import LOCAL
from roleplay.library import Library
from roleplay.store import Store
from roleplay.web.context import Context
from roleplay.web.practice import PracticeTab
from tests.fakes import ScriptedModel


@pytest.fixture
def tab(tmp_path):
    ctx = Context(Store(f"sqlite:///{tmp_path / 'rp.db'}"), Library(), ScriptedModel([]), single_user=True,
                  data=tmp_path, speech=False)
    tab = PracticeTab(ctx)
    tab.taken, tab.cut_in_s = [], []
    tab.err, tab.retry_btn, tab.msg, tab.send_btn = "err", "retry", "msg", "send"  # outputs, unbuilt

    def voice_turn(live, lang, transcript, cut_in_s=None):  # what the turn would transcribe and answer
        tab.taken.append(transcript)
        tab.cut_in_s.append(cut_in_s)
        yield {}

    tab._voice_turn = voice_turn
    tab.sid = ctx.start(LOCAL, "late-delivery", "voice").session.id
    return tab


def chunk(i: int) -> tuple[int, np.ndarray]:
    """Half a second of loud tone, different for each i (no pause: no transcription pass starts)."""
    return 48000, (np.sin(np.arange(24000) / (3 + i)) * 9000).astype(np.int16)


def stop(tab, last, rec) -> list[dict]:
    return list(tab.voice_live(last, rec, tab.sid, None))


def test_a_stop_that_overtakes_the_last_chunk_takes_it_without_waiting(tab):
    tab.listen("r1", tab.sid, None)
    tab.hear(chunk(0), "r1", tab.sid, None)
    stopping = threading.Thread(target=stop, args=(tab, chunk(1), "r1"))
    began = time.perf_counter()
    stopping.start()
    time.sleep(0.2)
    tab.hear(chunk(1), "r1", tab.sid, None)  # the last chunk's own event, after the stop's
    stopping.join()
    assert time.perf_counter() - began < 1.5  # not the 5 s wait for a chunk that went astray
    [heard] = tab.taken
    assert heard.seconds == pytest.approx(1.0) and heard.closed


def test_a_start_that_comes_after_the_first_chunk_keeps_it(tab):
    tab.hear(chunk(0), "r1", tab.sid, None)
    tab.listen("r1", tab.sid, None)
    tab.hear(chunk(1), "r1", tab.sid, None)
    stop(tab, chunk(1), "r1")
    assert tab.taken[0].seconds == pytest.approx(1.0)


def test_a_repeated_last_chunk_and_a_repeated_stop_count_once(tab):
    tab.listen("r1", tab.sid, None)
    tab.hear(chunk(0), "r1", tab.sid, None)
    tab.hear(chunk(1), "r1", tab.sid, None)
    stop(tab, chunk(1), "r1")
    tab.hear(chunk(1), "r1", tab.sid, None)  # a straggler after the end: no stray transcript
    assert "Nothing was recorded" in stop(tab, chunk(1), "r1")[0]["err"]
    assert len(tab.taken) == 1 and tab.taken[0].seconds == pytest.approx(1.0)
    tab.listen("r2", tab.sid, None)  # the next recording starts fresh
    tab.hear(chunk(2), "r2", tab.sid, None)
    stop(tab, chunk(2), "r2")
    assert [t.seconds for t in tab.taken] == pytest.approx([1.0, 0.5])


def test_a_monologue_past_the_customers_limit_is_cut_in_on_once(tab):
    """late-delivery starts at 65 of 92: it cuts in after 21.2 s; the page is told once, the turn knows."""
    tab.listen("r1", tab.sid, None)
    outs = [tab.hear(chunk(i % 5), "r1", tab.sid, None) for i in range(50)]  # 25 s of talk, no pause
    told = [i for i, out in enumerate(outs) if isinstance(out, str)]
    assert told == [42] and 'data-cut-in="r1"' in outs[42]  # at 21.5 s, the first chunk past 21.2 s
    stop(tab, chunk(0), "r1")
    assert tab.cut_in_s == [21.5]
    tab.listen("r2", tab.sid, None)
    assert not any(isinstance(tab.hear(chunk(i), "r2", tab.sid, None), str) for i in range(4))  # a short turn
    stop(tab, chunk(0), "r2")
    assert tab.cut_in_s == [21.5, None]
