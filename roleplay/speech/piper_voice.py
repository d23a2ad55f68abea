"""Neural voices: Piper (VITS on onnxruntime), for the languages and sexes a voice is installed for.

Joe (en_US-joe-medium, male, pinned by hash in weights.py) comes with set-up.  Operators add
others by path, keyed like the server voices (language, or language-sex):

    ROLEPLAY_PIPER_VOICES=en-female=/voices/en_US-amy-medium.onnx,sv-male=/voices/sv_SE-nst-medium.onnx

each beside its .onnx.json.  A persona gets a voice of its own language and sex, else one of its
language given with no sex; never one of the other sex (espeak-ng, next in line, can do the sex).
"""

from __future__ import annotations

import functools
import wave
from collections.abc import Mapping
from pathlib import Path

from roleplay import weights

from .base import TTSError
from .servers import parse_voices

# language-sex -> pinned weights of a voice that set-up installs
BUILT_IN = {"en-male": "piper-joe"}


@functools.lru_cache(maxsize=8)
def _load(model: Path):
    from piper import PiperVoice  # imported here: only a process that speaks through Piper loads it

    return PiperVoice.load(model, config_path=model.with_name(model.name + ".json"))


class Piper:
    def __init__(self, voices: Mapping[str, Path | str]):
        # key -> a model path, or the name of built-in weights (assembled and verified on first use)
        self.voices = dict(voices)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Piper:
        voices: dict[str, Path | str] = {k: name for k, name in BUILT_IN.items() if weights.installed(name)}
        for key, path in parse_voices(env.get("ROLEPLAY_PIPER_VOICES", ""), "ROLEPLAY_PIPER_VOICES").items():
            model = Path(path).expanduser()
            if model.suffix != ".onnx" or not model.is_file():
                raise ValueError(f"ROLEPLAY_PIPER_VOICES: {key}={path} is not a Piper voice file (.onnx)")
            if not model.with_name(model.name + ".json").is_file():
                raise ValueError(f"ROLEPLAY_PIPER_VOICES: {path} needs its config beside it, {model.name}.json")
            voices[key] = model
        return cls(voices)

    def _key(self, language: str, sex: str | None) -> str | None:
        keys = (f"{language}-{sex}", language) if sex else (language, *(k for k in self.voices
                                                                         if k.startswith(language + "-")))
        return next((k for k in keys if k in self.voices), None)

    def has_voice(self, language: str, sex: str | None) -> bool:
        return self._key(language, sex) is not None

    def model(self, language: str, sex: str | None) -> Path:
        """The .onnx file that speaks for this language and sex."""
        found = self.voices[self._key(language, sex)]
        return found if isinstance(found, Path) else weights.ensure(found) / weights.CATALOGUE[found].target

    def speak(self, text: str, out: Path, language: str, sex: str | None) -> None:
        try:
            voice = _load(self.model(language, sex))
            with wave.open(str(out), "wb") as w:
                voice.synthesize_wav(text, w)
        except (OSError, ValueError, RuntimeError) as e:  # onnxruntime's failures are RuntimeErrors
            raise TTSError(f"the Piper voice for {language} could not speak: {e}") from e
