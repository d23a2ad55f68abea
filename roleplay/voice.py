"""The voice loop: recording → transcript → the session's usual path → speech, sentence by sentence.

The customer's reply arrives as checked sentences; each is spoken as soon as it
is complete, while the model goes on generating the next one, so the first
words can play long before the whole line exists.  Both sides' audio is kept
with the session under the data directory.
"""

from __future__ import annotations

import shutil
import time
import wave
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .customer import Delta
from .paths import audio_dir
from .session import CustomerLine, PracticeSession
from .speech import stt, tts
from .speech.base import pcm16_wav


@dataclass
class Heard:
    """The trainee's recording, transcribed and stored as their turn."""

    text: str
    transcription: stt.Transcription
    audio: str


@dataclass
class Spoken:
    """One sentence of the customer's reply, as a wav ready to play."""

    text: str
    path: str
    ready_s: float  # seconds since the trainee's recording was handed over
    filler: bool = False  # "Hmm...", said while the rest of the line is written


def _keep_recording(audio: stt.Audio, dest: Path) -> Path:
    """A copy of the trainee's recording in the session's folder (files are copied, arrays written)."""
    if isinstance(audio, (str, Path)):
        dest = dest.with_suffix(Path(audio).suffix or ".wav")
        shutil.copyfile(audio, dest)
        return dest
    dest.write_bytes(pcm16_wav(stt.to_samples(audio)))  # mono 16 kHz, whatever came in
    return dest


def join_wavs(parts: list[Path], out: Path) -> Path | None:
    """Concatenate wavs of one format (one voice's sentences) into one file for the turn."""
    parts = [p for p in parts if p.exists()]
    if not parts:
        return None
    if len(parts) == 1:
        shutil.copyfile(parts[0], out)
        return out
    with wave.open(str(parts[0])) as first:
        params = first.getparams()
    with wave.open(str(out), "wb") as w:
        w.setparams(params)
        for p in parts:
            with wave.open(str(p)) as r:
                if (r.getnchannels(), r.getsampwidth(), r.getframerate()) != (
                        params.nchannels, params.sampwidth, params.framerate):
                    continue
                w.writeframes(r.readframes(r.getnframes()))
    return out


def voice_turn(session: PracticeSession, audio: stt.Audio, *, at: float | None = None, data: Path | None = None,
               heard: stt.Transcription | None = None, ended: float | None = None, cut_in_s: float | None = None,
               clock=time.perf_counter) -> Iterator[Heard | Delta | Spoken | CustomerLine]:
    """One spoken trainee turn and the customer's spoken answer.

    `at` is when the recording ended, in seconds since the session started (for the
    talk-time timeline); without it turns carry no timings.  Audio goes under `data`
    (default: ROLEPLAY_DATA or ~/.local/share/roleplay).  `heard` is the recording's
    transcription when it was made while recording (speech.live); `ended` is the
    `clock()` time the recording ended, which Spoken.ready_s counts from (default: now).
    `cut_in_s`: the customer cut in after this many seconds of the trainee talking.
    """
    t0 = clock() if ended is None else ended
    live = heard is not None
    heard = heard or stt.transcribe(audio, language=session.persona.language)
    if not heard.text.strip():
        raise stt.AudioError("no speech was heard in the recording; speak a little closer to the microphone and try again")
    folder = audio_dir(session.id, data)
    index = len(session.turns)
    kept = _keep_recording(audio, folder / f"{index:03d}-trainee.wav")
    # A long recording cannot have started before the turn it answers: turns stay in time order.
    previous = max((t.start for t in session.turns if t.start is not None), default=0.0)
    start = None if at is None else max(previous, at - heard.duration_s)
    # How long transcribing took once the recording had ended, and whether it ran while the trainee spoke.
    meta = {"heard": {"after_end_s": heard.elapsed_s, "while_speaking": live},
            **({"cut_in_s": cut_in_s} if cut_in_s is not None else {})}
    events = session.say(heard.text, start=start, end=at, audio=str(kept), meta=meta, cut_in=cut_in_s is not None)
    yield Heard(text=heard.text, transcription=heard, audio=str(kept))
    yield from speak_reply(session, events, folder, at=at, t0=t0, clock=clock)


def speak_reply(session: PracticeSession, events: Iterator[Delta | CustomerLine], folder: Path, *,
                at: float | None, t0: float, clock=time.perf_counter) -> Iterator[Delta | Spoken | CustomerLine]:
    """Pass the core's reply events on, each sentence (Delta) followed by its speech (Spoken).

    The customer's turn gets the sentences joined into one wav, and when it played: from `at`
    (seconds since the session started; None: no timings) plus the wait for the first sentence's
    audio, counted on `clock` from `t0`.  A voice that fails raises: the reply is then not
    stored, and Retry asks for it again.
    """
    parts: list[Path] = []
    first_audio = None
    for event in events:
        if isinstance(event, Delta):
            yield event
            index = len(session.turns)  # the customer turn's, once stored
            path = tts.synthesize(event.text, folder / f"{index:03d}-customer-{len(parts)}.wav",
                                  language=session.persona.language, sex=session.persona.sex)
            parts.append(path)
            ready = clock() - t0
            first_audio = first_audio if first_audio is not None else ready
            yield Spoken(text=event.text, path=str(path), ready_s=ready, filler=event.filler)
        elif isinstance(event, CustomerLine):
            # The sentence files stay: a browser may still be fetching them.
            whole = join_wavs(parts, folder / f"{event.index:03d}-customer.wav")
            if whole is not None:
                # Turns stay in time order: a reply cannot start before the turn it answers.
                previous = max((t.start for t in session.turns[:event.index] if t.start is not None), default=0.0)
                start = None if at is None else round(max(at + (first_audio or 0.0), previous), 2)
                end = None if start is None else round(start + tts.wav_duration(whole), 2)
                session.set_audio(event.index, str(whole), start, end)
            yield event
        else:
            yield event
