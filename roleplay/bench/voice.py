"""Spoken turns timed as the app takes them: live transcription, the guarded reply, the customer's voice."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from ..model import CustomerModel
from ..session import CustomerLine
from ..store import Store
from .practice import LINES, drive_sessions
from .stats import dist

# Long trainee turns for the voice bench (about 8 to 10 s spoken): the tail is in them as much as in short ones.
LONG_LINES = [
    "I'm really sorry about this, it sounds like a very frustrating week. Let me check the order and the "
    "delivery notes, and then I'll tell you exactly what happened and what I can do.",
    "Thank you for your patience. I can see why you are upset, and I want to get this right for you, so can "
    "you tell me a little more about what you expected and what happened instead?",
    "Okay, I have the details here now. Before I suggest anything, is there anything else about the order "
    "or the way we handled it that I should know about?",
]
# Voice sessions cycle through these (men and women: both voices, Piper and espeak-ng, are measured).
VOICE_PERSONAS = ("late-delivery", "angry-caller", "confused-newbie", "hesitant-buyer")
SLOW_TURN_S = 2.5  # a voice turn slower than this is listed with its cause


def _speech_clips(folder: Path) -> dict[str, Path]:
    from ..speech import tts

    clips = {}
    for i, line in enumerate(LINES + LONG_LINES):
        clips[line] = tts.synthesize(line, folder / f"line{i}.wav", language="en")
    return clips


def bench_voice(client: CustomerModel, store: Store, turns: int, folder: Path, pause_s: float = 0.5) -> dict:
    """Spoken turns as the app takes them: the microphone's chunks are transcribed while they arrive.

    The trainee first hears the customer out: they start speaking when the customer's line
    has finished playing (the opening too).  Each trainee line (short ones and long ones, in
    turn) is then fed in real time, in chunks as the app's microphone sends them, then `pause_s`
    of quiet (the moment between the last word and letting go of the button).  The clock starts
    when the recording ends.  Sessions cycle through VOICE_PERSONAS.

    voice_turn_s is the wait for the customer's first audio; voice_first_content_s the wait for
    their first audio that is not a filler ("Hmm...", said at once while the model writes the rest
    of the line).  Each turn over SLOW_TURN_S is listed with the part that took longest.
    """
    from ..speech import stt, tts
    from ..speech.live import CHUNK_S, LiveTranscript
    from ..voice import Heard, Spoken, voice_turn

    clips = {line: stt.to_samples(str(path)) for line, path in _speech_clips(folder).items()}
    chunk = int(CHUNK_S * stt.SAMPLE_RATE)
    turn_s, content_s, stt_s, token_s, sentence_s, prompt_n, slow = [], [], [], [], [], [], []
    fillers = 0  # turns whose first audio was a filler
    playing: dict[str, float] = {}  # session -> when the customer's latest line stops playing

    def on_line(s, line):
        nonlocal fillers
        if s.id not in playing:  # the opening line, spoken as the app speaks it
            opening = tts.synthesize(s.turns[0].text, folder / "opening.wav", language=s.persona.language,
                                     sex=s.persona.sex)
            playing[s.id] = time.perf_counter() + tts.wav_duration(opening)
        time.sleep(max(0.0, playing[s.id] - time.perf_counter()))
        live = LiveTranscript(s.persona.language, on_text=s.anticipate)
        audio = np.concatenate([clips[line], np.zeros(int(pause_s * stt.SAMPLE_RATE), dtype=np.float32)])
        for i in range(0, len(audio), chunk):
            live.feed(audio[i:i + chunk])
            time.sleep(CHUNK_S)
        ended = time.perf_counter()
        heard = live.finish()
        first_audio = first_content = None
        began_with_filler = False
        for e in voice_turn(s, live.samples(), heard=heard, ended=ended):
            if isinstance(e, Heard):
                stt_s.append(heard.elapsed_s)
            elif isinstance(e, Spoken):
                if first_audio is None:
                    first_audio, began_with_filler = e.ready_s, e.filler
                if first_content is None and not e.filler:
                    first_content = e.ready_s
            elif isinstance(e, CustomerLine):
                whole = s.store.get(s.id).turns[e.index].audio
                playing[s.id] = ended + (first_audio or 0.0) + (tts.wav_duration(whole) if whole else 0.0)
                token_s.append(e.first_token_s or 0.0)
                sentence_s.append(e.first_sentence_s or 0.0)
                if e.prompt_tokens is not None:
                    prompt_n.append(float(e.prompt_tokens))
                if first_audio is not None and first_audio > SLOW_TURN_S:
                    slow.append(_slow_turn(s.persona.id, line, first_audio, heard.elapsed_s, e,
                                           filler=began_with_filler))
        turn_s.append(first_audio)
        fillers += began_with_filler
        content_s.append(first_content)

    # Short, long, short, long: eight turns a session, so 60 turns meet every persona at least twice.
    lines = [line for pair in zip(LINES[:4], LONG_LINES * 2) for line in pair]
    drive_sessions(store, client, VOICE_PERSONAS, turns, on_line, lines, channel="voice")  # calls, as the app starts
    return {"voice_turn_s": dist(turn_s), "voice_first_content_s": dist(content_s), "voice_pause_s": pause_s,
            "voice_slow_turns": slow,
            "voice_filler_turns": fillers, "voice_parts": {
                "transcription_s": dist(stt_s), "first_token_s": dist(token_s),
                "first_sentence_s": dist(sentence_s), "prompt_tokens_evaluated": dist(prompt_n)}}


def _slow_turn(persona: str, line: str, turn_s: float, transcription_s: float, reply: CustomerLine,
               filler: bool = False) -> dict:
    """A slow voice turn and its cause: the part that took longest (guard retries named as such).

    The model's part is its first checked sentence counted from when the reply was asked for; a
    reply started at the pause and taken over has none to report, and what it still took falls
    under "the rest" with speaking the sentence.  A turn that began with a filler did not wait for
    the model's sentence: its wait is transcribing and the rest.
    """
    first_sentence = 0.0 if filler else reply.first_sentence_s or 0.0
    model = "the customer's first sentence (model)" + (f", {reply.attempts} tries (guard)" if reply.attempts > 1 else "")
    parts = {"transcription after the recording ended": transcription_s, model: first_sentence,
             "the rest (a reply started at the pause, speaking the sentence)":
                 max(0.0, turn_s - transcription_s - first_sentence)}
    return {"persona": persona, "line_words": len(line.split()), "turn_s": round(turn_s, 2),
            "cause": max(parts, key=parts.get), "parts_s": {k: round(v, 2) for k, v in parts.items()}}
