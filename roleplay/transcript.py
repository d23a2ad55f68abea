"""The interchange transcript (../shared/contracts/transcript.schema.json) as pydantic models."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

Speaker = Literal["customer", "trainee"]


class Turn(BaseModel):
    # Readers ignore keys they do not know (the contract allows extras), but keep them on re-export.
    model_config = ConfigDict(extra="allow")

    speaker: Speaker
    text: str
    start: float | None = Field(None, ge=0)
    end: float | None = Field(None, ge=0)
    frustration: int | None = Field(None, ge=0, le=100, description="customer's state after this turn")

    @model_validator(mode="after")
    def _times(self) -> "Turn":
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class Transcript(BaseModel):
    model_config = ConfigDict(extra="allow")

    persona: str | None = None
    channel: Literal["chat", "voice"] = "chat"
    language: str = "en"
    turns: list[Turn] = Field(min_length=1)
    ended: bool | None = None
    end_reason: Literal["customer_left", "resolved", "trainee_ended"] | None = None

    @model_validator(mode="after")
    def _order(self) -> "Transcript":
        last = None
        for i, t in enumerate(self.turns):
            if t.start is None:
                continue
            if last is not None and t.start < last:
                raise ValueError(f"turns[{i}].start ({t.start}) goes back in time (previous turn started at {last})")
            last = t.start
        return self

    def to_json(self, **extra) -> dict:
        data = self.model_dump(mode="json", exclude_none=True)
        # The contract's ended/end_reason are meaningful when null ("script ran out"), keep them.
        if self.ended is not None:
            data["ended"] = self.ended
            data["end_reason"] = self.end_reason
        data.update(extra)
        return data


class TranscriptError(ValueError):
    pass


def load(path: str | Path) -> Transcript:
    """Read an interchange transcript, raising TranscriptError with a readable reason."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise TranscriptError(f"{path}: cannot read: {getattr(e, 'strerror', None) or e}") from None
    return parse(raw, str(path))


def parse(raw: str, source: str = "<text>") -> Transcript:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise TranscriptError(f"{source}: not JSON (line {e.lineno}, column {e.colno}: {e.msg})") from None
    if not isinstance(data, dict):
        raise TranscriptError(f"{source}: expected a JSON object with \"turns\", got {type(data).__name__}")
    try:
        return Transcript.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "transcript"
        more = f" (and {len(e.errors()) - 1} more)" if len(e.errors()) > 1 else ""
        raise TranscriptError(f"{source}: {where}: {first['msg'].removeprefix('Value error, ')}{more}") from None
