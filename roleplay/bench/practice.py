"""Practice sessions driven by scripted trainee lines, and the typed turns timed through them."""

from __future__ import annotations

import time

from ..library import Library
from ..model import CustomerModel
from ..session import CustomerLine, PracticeSession
from ..store import Store
from .stats import dist

# Trainee lines for the timed sessions: ordinary, varied, not ending the conversation early.
LINES = [
    "I'm sorry to hear that. Can you tell me what happened?",
    "I understand. When did you place the order?",
    "Thank you for explaining. What would help you most right now?",
    "I see. Let me look at what I can do.",
    "That makes sense. Was anything else wrong with the parcel?",
    "Okay. How did you find out it would be late?",
    "Right. Did anyone from our team contact you before?",
    "Alright, I'm listening. What else should I know?",
]


def drive_sessions(store: Store, client: CustomerModel, persona_ids: tuple[str, ...], turns: int, on_line,
                   lines: list[str] = LINES, channel: str = "chat") -> None:
    """Run practice sessions of `turns` trainee turns in all, a session per persona in turn, starting
    the next whenever a customer ends one or its lines run out."""
    library = Library()
    done = sessions = 0
    while done < turns:
        persona = library.get(persona_ids[sessions % len(persona_ids)])
        sessions += 1
        s = PracticeSession.start(store, persona, client, trainee="bench", channel=channel, seed=done)
        s.warm_up()  # as the app does; the first turn below waits for it
        for line in lines:
            if s.ended or done >= turns:
                break
            on_line(s, line)
            done += 1


def bench_text(client: CustomerModel, store: Store, turns: int) -> dict:
    """Typed turns as the app takes them: while the trainee types, the app warms the prompt with
    what is written so far; here that is the line less its last two words (about the last second
    of typing), and the clock starts when the whole line is sent."""
    first_token, first_sentence, total = [], [], []

    def on_line(s, line):
        s.warm(line.rsplit(" ", 2)[0])
        t = time.perf_counter()
        end = [e for e in s.say(line) if isinstance(e, CustomerLine)][-1]
        total.append(time.perf_counter() - t)
        first_token.append(end.first_token_s or 0.0)
        first_sentence.append(end.first_sentence_s or 0.0)

    drive_sessions(store, client, ("late-delivery",), turns, on_line)
    return {"text_turn_first_token_s": dist(first_token), "text_turn_first_sentence_s": dist(first_sentence),
            "text_turn_total_s": dist(total)}
