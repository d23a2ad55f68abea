"""A customer reply started before the trainee's turn is over, in case the turn ends as heard so far.

When the trainee pauses, the voice loop already knows what they said.  The reply
to exactly those words is generated in the background; if the turn then ends
with the same words, its events are handed over (the first sentence is often
ready by then), and otherwise it is called off and the model stops writing.
"""

from __future__ import annotations

import atexit
import queue
import threading
import weakref
from collections.abc import Callable, Iterator

_DONE = object()
_running: weakref.WeakSet = weakref.WeakSet()  # started and not yet finished


@atexit.register
def _call_off_running() -> None:
    """A reply still streaming when the interpreter ends tears the in-process model server down under
    a request it is serving (a crash at exit, 5 runs in 6).  Atexit runs before that teardown."""
    for ahead in list(_running):
        ahead.cancel()


class Anticipation:
    """Runs `reply(cancelled)` (a generator of reply events that stops once `cancelled()`) on a thread,
    keeping its events until taken."""

    def __init__(self, text: str, turns: int, reply: Callable[[Callable[[], bool]], Iterator],
                 hold: threading.Lock):
        self.text = text
        self.turns = turns  # the session's turn count it was started at: it answers only that turn
        self._events: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        # A daemon, so that exit need not wait for a whole reply: _call_off_running stops it first.
        self._thread = threading.Thread(target=self._run, args=(reply, hold), daemon=True, name="anticipation")
        _running.add(self)
        self._thread.start()

    def _run(self, reply: Callable[[Callable[[], bool]], Iterator], hold: threading.Lock) -> None:
        with hold:  # the session's model lock: nothing else of this session asks the model meanwhile
            events = reply(self._stop.is_set)
            try:
                for event in events:
                    self._events.put(event)
            except Exception as e:  # a model that fails is the real reply's failure, raised when taken
                self._events.put(e)
            finally:
                events.close()  # stop generating on the server
                self._events.put(_DONE)
                _running.discard(self)

    def call_off(self) -> None:
        """Call it off without waiting: it stops at the model's next word (still reading the prompt, the
        model has written none yet) and then lets go of the session's model lock."""
        self._stop.set()

    def cancel(self) -> None:
        """Call it off and wait until the model has stopped (so the next request finds the server free)."""
        self.call_off()
        self._thread.join()

    def events(self) -> Iterator:
        """The reply's events, as they were and as they come."""
        while (event := self._events.get()) is not _DONE:
            if isinstance(event, Exception):
                raise event
            yield event
