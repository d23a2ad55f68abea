"""`roleplay bench --customer`: does the customer read as a person, per language?

Plays many seeded sessions per language on the configured model (each persona's
own expect scripts, in turn) and reviews every customer line shown with
`customer.review_line`: first person, no sheet read aloud, no repeated sentence,
no self-contradiction and, for Swedish and Finnish, the language and spelling.
Each language is played the way it speaks on this model (on the embedded one:
English mixed, Swedish and Finnish authored) and, for comparison, with every line
the model's (checked, authored line on failure), so the figure shows which reads
better.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from contextlib import contextmanager

from .customer import lines_mode, review_line
from .languages import found
from .library import Library
from .model import CustomerModel
from .session import PracticeSession
from .store import Store


@contextmanager
def _lines(mode: str):
    before = os.environ.get("ROLEPLAY_CUSTOMER_LINES")
    os.environ["ROLEPLAY_CUSTOMER_LINES"] = mode
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("ROLEPLAY_CUSTOMER_LINES", None)
        else:
            os.environ["ROLEPLAY_CUSTOMER_LINES"] = before


def play(client: CustomerModel, language: str, sessions: int, mode: str, library: Library | None = None) -> dict:
    """Figures for `sessions` seeded sessions in one language with one way of speaking."""
    personas = [p for p in (library or Library()) if p.language == language and p.expect]
    if not personas:
        raise ValueError(f"no persona in '{language}' has expect cases to play")
    store = Store("sqlite://")
    lines = passed = authored = 0
    failures: list[dict] = []
    shown: list[str] = []
    with _lines(mode):
        for i in range(sessions):
            persona = personas[i % len(personas)]
            case = persona.expect[(i // len(personas)) % len(persona.expect)]
            s = PracticeSession.start(store, persona, client, trainee="bench", seed=1000 + i,
                                      difficulty=case.difficulty)
            for text in case.script:
                if s.ended:
                    break
                earlier = [t.text for t in s.turns if t.speaker == "customer"]
                line = s.reply_text(text)
                problems = review_line(line.text, persona, earlier, s.state.act, authored=line.source != "model")
                lines += 1
                passed += not problems
                authored += line.source != "model"
                shown.append(line.text)
                if problems:
                    failures.append({"persona": persona.id, "line": line.text, "problems": problems})
    return {"language": language, "mode": mode, "sessions": sessions, "lines": lines,
            "pass_rate": round(passed / lines, 4) if lines else None, "authored": authored,
            "failures": failures, "sample": random.Random(language).sample(sorted(set(shown)), min(5, len(set(shown))))}


def run(client: CustomerModel, sessions: int = 20, compare: int = 5, library: Library | None = None) -> Iterator[dict]:
    """Each language as it plays on this model (on the embedded one: English mixed, Swedish and
    Finnish authored), `sessions` times; then `compare` sessions of each where every line is the
    model's, the way they would play on a model that writes them well (slow here: many are asked again).

    Yields each language's figures as they are done (a run takes half an hour on two busy cores);
    the personas are read once, so files edited meanwhile do not change the run halfway.
    """
    library = library or Library()
    modes = {lang: lines_mode(client, lang) for lang in found.codes()}
    for lang, mode in modes.items():
        yield play(client, lang, sessions, mode, library)
    for lang, mode in modes.items():
        if compare and mode != "model":
            yield play(client, lang, compare, "model", library)


HEAD = f"{'language':8} {'lines from':10} {'sessions':>8} {'lines':>6} {'pass':>7} {'authored':>9}"


def row(r: dict) -> str:
    """One language's figures, its five random lines and its first failures."""
    rate = f"{100 * r['pass_rate']:.1f}%" if r["pass_rate"] is not None else "-"
    rows = [f"{r['language']:8} {r['mode']:10} {r['sessions']:>8} {r['lines']:>6} {rate:>7} {r['authored']:>9}",
            "  five random lines:", *(f"  - {line}" for line in r["sample"])]
    rows += [f"  failed ({', '.join(f['problems'])}): {f['line']}" for f in r["failures"][:5]]
    return "\n".join(rows)


def table(results: list[dict]) -> str:
    return "\n".join([HEAD, *(row(r) for r in results)])
