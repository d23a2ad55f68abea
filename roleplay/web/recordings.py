"""A live session's microphone recordings, each by the id the browser gave it when recording began.

Gradio delivers a recording as separate events (start, a chunk every half second, stop) that a
busy server may run in any order.  Each event finds its recording by id, so a chunk that overtakes
the start opens it, a start that comes late changes nothing, a chunk that comes after the stop
still counts, and a chunk repeated (or straggling) after the end is ignored rather than starting
a stray transcript of its own.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from ..speech.live import LiveTranscript

KEEP = 4  # recordings remembered per session: enough to recognise a late event of the previous ones


class Recordings:
    def __init__(self, open_transcript: Callable[[], LiveTranscript]):
        self._open = open_transcript
        self._by_id: OrderedDict[str, LiveTranscript] = OrderedDict()
        self._stopped: set[str] = set()
        self._lock = threading.Lock()

    def _get(self, rid: str) -> LiveTranscript:
        """The recording `rid`, opened on its first event (the lock held)."""
        live = self._by_id.get(rid)
        if live is None:
            live = self._by_id[rid] = self._open()
            while len(self._by_id) > KEEP:
                old, _ = self._by_id.popitem(last=False)
                self._stopped.discard(old)
        return live

    def start(self, rid: str) -> None:
        if rid:
            with self._lock:
                self._get(rid)

    def chunk(self, rid: str, chunk) -> float:
        """Feed a chunk of recording `rid`; the seconds recorded so far (0 without an id)."""
        if not rid:
            return 0.0
        with self._lock:
            live = self._get(rid)
        live.feed(chunk)  # outside the lock: a feed may start a transcription pass; ignored once closed
        return live.seconds

    @property
    def recording(self) -> bool:
        """A recording has started and not stopped: the trainee is speaking, not silent."""
        with self._lock:
            return any(rid not in self._stopped for rid in self._by_id)

    def stop(self, rid: str, last_chunk, wait_s: float = 5.0) -> LiveTranscript | None:
        """End recording `rid` with the browser's last chunk; None when there is nothing to take
        (no id, nothing recorded, or this recording was already taken by an earlier stop)."""
        if not rid:
            return None
        with self._lock:
            if rid in self._stopped or (rid not in self._by_id and last_chunk is None):
                return None
            self._stopped.add(rid)
            live = self._get(rid)
        live.feed_last(last_chunk, wait_s)
        return live
