"""A practice session: the one path every front end (CLI, web app, tests) drives.

trainee turn → store → turn analysis → customer state → customer's next line
(model, guarded) → store → caller.  A turn is committed before it is returned,
so a crash loses nothing that was shown, and a failed model call keeps the
trainee's turn for a retry.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import ValidationError

from . import snapshot
from . import state as st
from .analysis import analyse_turn
from .findings import TurnAnalysis
from .anticipation import Anticipation
from .customer import Customer, Delta, Final
from .interruption import Cut, split_heard
from .model import CustomerModel
from .persona import Persona
from .skills import RUBRIC_VERSION
from .store import Store, to_turn
from .transcript import Transcript, Turn

MAX_TURN_CHARS = 4000  # a chat message; longer text is cut (and the trainee told) rather than refused


@dataclass
class CustomerLine:
    """The end of a reply: the stored customer turn and the state after it."""

    text: str
    index: int
    state: st.CustomerState
    source: str
    attempts: int = 1  # model requests it took (a line the guard rejects is asked again)
    first_token_s: float | None = None
    first_sentence_s: float | None = None
    prompt_tokens: int | None = None  # prompt tokens the model server read for this line, when it says


class SessionEnded(RuntimeError):
    pass


class ReplyOwed(RuntimeError):
    """The trainee said something while the customer still owes the reply to the last turn: retry first."""


class NothingToRetry(RuntimeError):
    """Retry was asked for, but the customer owes no reply."""


def clean_text(text: str) -> str:
    """Trainee text as stored: control characters removed, whitespace tidied, length capped."""
    text = "".join(ch for ch in text if ch in "\n\t" or ch.isprintable())
    text = "\n".join(line.strip() for line in text.strip().splitlines())
    return text[:MAX_TURN_CHARS]


class PracticeSession:
    def __init__(self, store: Store, session_id: str, persona: Persona, client: CustomerModel,
                 channel: str, turns: list[Turn], state: st.CustomerState, seed: int | None = None):
        self.store = store
        self.id = session_id
        self.persona = persona
        self.channel = channel
        self.turns = turns
        self.state = state
        self.customer = Customer(persona, client, channel, seed=seed)
        self.analyses: list[TurnAnalysis] = []
        self.directions: dict[int, str] = {}  # turn index -> the stage direction that customer line answered
        # Held while warm() has the server read a prompt: the real request waits for it rather than
        # landing, while it runs, on another of the server's slots whose cache holds nothing of ours.
        self._warming = threading.Lock()
        self._anticipation: Anticipation | None = None  # a reply started while the trainee still speaks
        self._cut: Cut | None = None  # the trainee spoke over a customer line not stored (or timed) yet
        self._cut_lock = threading.Lock()  # reported from the browser's thread while the reply streams

    @classmethod
    def start(cls, store: Store, persona: Persona, client: CustomerModel, trainee: str = "local",
              channel: str = "chat", seed: int | None = None, difficulty: str | None = None) -> "PracticeSession":
        """A new session at a difficulty (the persona's own by default); the customer opens.

        The seed (random unless given) picks the opening and the customer's line variants; it is
        stored in the state, so a replay or a resumed session plays the same customer.
        """
        seed = seed if seed is not None else random.randrange(1 << 30)
        difficulty = str(getattr(difficulty, "value", difficulty) or persona.difficulty.value)
        sid = store.create_session(trainee, persona.id, channel, persona.language, persona=snapshot.dump(persona),
                                   rubric_version=RUBRIC_VERSION)
        state = st.initial(persona, difficulty, seed)
        opening = Turn(speaker="customer", text=persona.opening(seed), frustration=state.frustration)
        store.add_turn(sid, opening, state=state.model_dump())
        return cls(store, sid, persona, client, channel, [opening], state, seed)

    @classmethod
    def resume(cls, store: Store, session_id: str, persona: Persona, client: CustomerModel) -> "PracticeSession":
        """Pick a stored session up again (after a restart or on another process)."""
        row = store.get(session_id)
        if row is None:
            raise KeyError(f"no session {session_id}")
        turns = [to_turn(t) for t in row.turns]
        state = st.CustomerState.model_validate(row.state) if row.state else st.initial(persona)
        s = cls(store, session_id, persona, client, row.channel, turns, state, state.seed)
        # Each turn as it was analysed live (stored with it); one stored before, or in an older
        # shape, is analysed again with the turns and analyses before it, as say() did.
        for i, t in enumerate(row.turns):
            if t.speaker != "trainee":
                continue
            try:
                s.analyses.append(TurnAnalysis.model_validate((t.meta or {})["analysis"]))
            except (KeyError, ValidationError):
                s.analyses.append(analyse_turn(turns[:i + 1], i, persona, persona.language, list(s.analyses)))
        s.directions = {t.idx: t.meta["direction"] for t in row.turns if (t.meta or {}).get("direction")}
        return s

    def set_audio(self, index: int, audio: str, start: float | None, end: float | None) -> None:
        """A turn's audio and when it played, in the store and here; a cut reported early applies now."""
        self.store.set_audio(self.id, index, audio, start, end)
        if start is not None and index < len(self.turns):
            self.turns[index].start, self.turns[index].end = start, end
        self.cut_off(None)

    def cut_off(self, cut: Cut | None) -> None:
        """The trainee spoke over a customer line: mark the words they never heard (None: a cut kept for later).

        A cut can arrive before the line is stored or its audio timed (the reply is still streaming):
        it is kept and applied by set_audio.
        """
        with self._cut_lock:
            cut = cut or self._cut
            self._cut = None
            if cut is None:
                return
            turn = self.turns[cut.turn] if cut.turn < len(self.turns) else None
            if turn is not None and turn.speaker != "customer":
                return  # a stale report: that turn is not the customer's
            if turn is None or turn.start is None:
                self._cut = cut
                return
            _, unheard = split_heard(turn.text, cut)
            if not unheard:
                return
            turn.unheard = unheard
            turn.end = round(turn.start + cut.heard_s, 2)
            self.store.mark_unheard(self.id, cut.turn, unheard, turn.end)

    @property
    def ended(self) -> bool:
        return self.state.ended

    @property
    def awaiting_reply(self) -> bool:
        """The last stored turn is the trainee's: the customer still owes an answer (e.g. the model failed)."""
        return bool(self.turns) and self.turns[-1].speaker == "trainee" and not self.ended

    def say(self, text: str, *, start: float | None = None, end: float | None = None,
            audio: str | None = None, meta: dict | None = None, cut_in: bool = False) -> Iterator[Delta | CustomerLine]:
        """The trainee says something; yields the customer's reply as checked deltas, then a CustomerLine.

        `meta` is kept with the stored turn beside its analysis (voice: how it was transcribed).
        `cut_in`: the customer stopped a long monologue here, and their line says so.
        """
        if self.ended:
            raise SessionEnded("this conversation has ended; start a new session")
        text = clean_text(text)
        if not text:
            raise ValueError("say something first: the message is empty")
        if self.awaiting_reply:
            raise ReplyOwed("the customer has not answered your last turn yet; retry it first")
        turn = Turn(speaker="trainee", text=text, start=start, end=end)
        turns, analysis, state = self._after(turn)
        if cut_in:
            state = st.cut_in(state)
        # Stored first: if the store fails, the session in memory is still the one in the store.
        self.store.add_turn(self.id, turn, audio=audio,
                            meta={**(meta or {}), "analysis": analysis.model_dump(exclude_defaults=True)},
                            state=state.model_dump())
        # Before the turn count moves on; a reply started at a pause answered the turn as if not cut in.
        ahead = self._take_anticipation(None if state.act == "cut_in" else text)
        self.turns, self.state = turns, state
        self.analyses.append(analysis)
        yield from self._reply(ahead)

    def _after(self, turn: Turn) -> tuple[list[Turn], TurnAnalysis, st.CustomerState]:
        """The turns, the new turn's analysis and the customer's state once `turn` is said."""
        turns = [*self.turns, turn]
        analysis = analyse_turn(turns, len(turns) - 1, self.persona, self.persona.language, self.analyses)
        return turns, analysis, st.advance(self.state, analysis, self.persona)

    def warm(self, text: str) -> None:
        """Get the customer's reply to `text` ready to start, before the trainee has finished the turn.

        The next state and the prompt are worked out as say() would, but nothing is
        stored: the chat box calls this with what has been typed so far, and when the
        turn is sent the model's cache already holds the prompt.
        """
        text = clean_text(text)
        if not text or self.ended or self.awaiting_reply or not self._warming.acquire(blocking=False):
            return  # one warm at a time; a newer one comes with the next words
        try:
            turns, _, state = self._after(Turn(speaker="trainee", text=text))
            self.customer.warm(turns, state, self.directions)
        finally:
            self._warming.release()

    def warm_up(self) -> None:
        """Have the model read the conversation so far, in the background, while the trainee reads
        the customer's line: a new (or resumed) session's scene is otherwise read on its first turn,
        several seconds on a small CPU."""
        def read() -> None:
            with self._warming:
                self.customer.warm(self.turns, self.state, self.directions)

        if not self.ended:
            # Not a daemon: a process that ends mid-read (a scripted `roleplay simulate`) waits for the read
            # (bounded by the model timeout) instead of tearing the in-process server down under it (a crash).
            threading.Thread(target=read, name="warm-up").start()

    def anticipate(self, text: str) -> None:
        """Start the reply to `text` now, in case the trainee's turn ends with exactly these words.

        The voice loop calls this at each pause with what it has heard.  say() with the
        same text takes the reply over; different words call it off first.  Nothing is
        stored until say().
        """
        text = clean_text(text)
        if not text or self.ended or self.awaiting_reply:
            return
        current = self._anticipation
        if current is not None and current.text == text and current.turns == len(self.turns):
            return
        # Not waited for: this runs on the transcriber's thread, and the recording's end waits for that
        # thread.  The model can still be reading the old prompt for seconds; the new reply waits for it
        # on the session's model lock instead.
        self._take_anticipation(None, wait=False)
        turns, _, state = self._after(Turn(speaker="trainee", text=text))
        self._anticipation = Anticipation(text, len(self.turns),
                                          lambda cancelled: self.customer.reply(turns, state, self.directions, cancelled),
                                          self._warming)

    def _take_anticipation(self, text: str | None, wait: bool = True) -> Anticipation | None:
        """The reply started for `text` at this turn, if there is one; any other is called off
        (`wait`: until the model has stopped)."""
        ahead, self._anticipation = self._anticipation, None
        if ahead is not None and (ahead.text != text or ahead.turns != len(self.turns)):
            if wait:
                ahead.cancel()
            else:
                ahead.call_off()
            return None
        return ahead

    def silence(self) -> Iterator[Delta | CustomerLine]:
        """The trainee has said nothing for a while: the customer asks if anyone is there; the
        second time in a row they hang up.  Nothing of the trainee's is stored."""
        if self.ended:
            raise SessionEnded("this conversation has ended; start a new session")
        if self.awaiting_reply:
            return
        self._take_anticipation(None)
        self.state = st.silence(self.state)  # stored with the customer's line (a hang-up ends the row too)
        yield from self._reply()

    def retry(self) -> Iterator[Delta | CustomerLine]:
        """Ask the customer again for the reply that failed (the trainee's turn is already stored)."""
        if not self.awaiting_reply:
            raise NothingToRetry("nothing to retry: the customer has answered")
        yield from self._reply()

    def _reply(self, ahead: Anticipation | None = None) -> Iterator[Delta | CustomerLine]:
        if ahead is None:
            with self._warming:
                pass  # a warm under way finishes first (its work is this reply's cache)
        final: Final | None = None
        for event in ahead.events() if ahead else self.customer.reply(self.turns, self.state, self.directions):
            if isinstance(event, Final):
                final = event
            else:
                yield event
        assert final is not None
        turn = Turn(speaker="customer", text=final.text, frustration=self.state.frustration)
        meta = {"source": final.source, "attempts": final.attempts, "direction": final.direction,
                "rejected": [{"text": t, "reasons": r} for t, r in final.rejected]}
        index = self.store.add_turn(self.id, turn, meta=meta, state=self.state.model_dump())
        self.turns.append(turn)
        if final.direction:
            self.directions[index] = final.direction
        if final.source != "model":
            # The server's cache holds the model's own lines, but not one it never wrote (the persona's):
            # it reads that line now, while it plays or is read, not after the trainee's next turn.
            self.warm_up()
        yield CustomerLine(text=final.text, index=index, state=self.state, source=final.source,
                           attempts=final.attempts, first_token_s=final.first_token_s,
                           first_sentence_s=final.first_sentence_s, prompt_tokens=final.prompt_tokens)

    def reply_text(self, text: str, **kw) -> CustomerLine:
        """Say something and wait for the whole reply (for scripts and tests)."""
        return [e for e in self.say(text, **kw) if isinstance(e, CustomerLine)][-1]

    def end(self) -> None:
        """The trainee ends the session."""
        self._take_anticipation(None)
        if not self.state.ended:
            self.state = self.state.model_copy(update={"ended": True, "end_reason": "trainee_ended"})
            self.store.finish(self.id, "trainee_ended", self.state.model_dump())

    def transcript(self) -> Transcript:
        return Transcript(persona=self.persona.id, channel=self.channel, language=self.persona.language,
                          turns=self.turns, ended=self.state.ended,
                          end_reason=self.state.end_reason if self.state.ended else None)
