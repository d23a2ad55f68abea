"""The parts on their own: the speech models' speed and the model server's reading and writing speed."""

from __future__ import annotations

import time
from pathlib import Path

from .. import prompting
from .. import state as st
from ..library import Library
from ..model import CustomerModel
from .practice import LINES
from .stats import dist


def bench_speech(folder: Path, reps: int) -> dict:
    from ..speech import stt, tts

    short = "I would like to know when my order will arrive."
    long = ("I ordered a wooden train set two weeks ago and it still has not arrived. The website said two to four "
            "business days. My son's party was on Saturday and I had to give him a photo instead of the present.")
    rtf = {}
    for name, text in (("3s", short), ("10s", long)):
        clip = tts.synthesize(text, folder / f"clip{name}.wav", language="en")
        values = []
        for _ in range(reps):
            t = stt.transcribe(str(clip), language="en")
            values.append(t.elapsed_s / t.duration_s)
        rtf[name] = dist(values) | {"audio_s": round(tts.wav_duration(clip), 2)}
    tts_s = []
    for i in range(reps):
        t = time.perf_counter()
        tts.synthesize(LINES[i % len(LINES)], folder / "tts.wav", language="en")
        tts_s.append(time.perf_counter() - t)
    return {"stt_rtf": rtf, "tts_s_per_sentence": dist(tts_s)}


def bench_model(client: CustomerModel, reps: int) -> dict:
    """The model server's own speed, from the timings it reports: how fast it reads a prompt it has
    not seen (a new session's scene and opening) and how fast it writes.  These bound the voice loop."""
    persona = Library().get("late-delivery")
    read, write = [], []
    for i in range(reps):
        timings: dict = {}
        # A different first line each time: nothing of it is in the server's cache.
        prompt = f"Take {i}.\n" + prompting.completion_prompt(persona, [], st.initial(persona), "voice")
        for _ in client.stream_completion(prompt, stop=[], max_tokens=40, temperature=0.0, seed=i,
                                          on_timings=timings.update):
            pass
        if "prompt_per_second" in timings:
            read.append(timings["prompt_per_second"])
            write.append(timings["predicted_per_second"])
    return {"model_read_tok_s": dist(read), "model_write_tok_s": dist(write)} if read else {}
