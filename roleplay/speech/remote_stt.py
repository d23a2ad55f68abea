"""Listening on an OpenAI-compatible server (/v1/audio/transcriptions), e.g. speaches or vLLM.

Recordings arrive already read and checked (stt's own length checks run first, so bad audio
never costs a request) and go out as 16 kHz mono wav.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import openai
from pydantic import BaseModel

from . import remote, servers
from .base import SAMPLE_RATE, AudioError, Segment, pcm16_wav


class _Heard(BaseModel):
    """A server's transcription: the text always; segments only from servers that send them."""

    text: str
    segments: list[Segment] | None = None


@dataclass(frozen=True)
class RemoteListener:
    server: servers.SpeechServer

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> RemoteListener:
        return cls(remote.required(servers.stt_server(env), "STT"))

    def warm(self) -> None:
        """Nothing to load here: the server holds the model."""

    def transcribe(self, samples: np.ndarray, language: str, beam_size: int | None) -> list[Segment]:
        """One segment for the whole text if the server sends none; beam_size is the server's own."""
        server = self.server
        try:
            reply = remote.client(server).audio.transcriptions.create(
                model=server.model, file=("recording.wav", pcm16_wav(samples), "audio/wav"),
                language=language, response_format="verbose_json")
            heard = _Heard.model_validate(reply, from_attributes=True)
        except openai.OpenAIError as e:
            raise AudioError(f"could not transcribe the recording: {remote.problem(server, e)}") from None
        except ValueError:  # not JSON (the client raises JSONDecodeError), or JSON that is not a transcription
            raise AudioError(f"could not transcribe the recording: {server.describe()} did not send a "
                             "transcription; is it a speech-to-text server?") from None
        if heard.segments:
            return [s.model_copy(update={"text": s.text.strip()}) for s in heard.segments]
        text = heard.text.strip()
        return [Segment(start=0.0, end=round(len(samples) / SAMPLE_RATE, 3), text=text)] if text else []
