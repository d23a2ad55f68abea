"""Conversations as HTML: the transcript with the scorecard's evidence marked, a stored session's
replay header, and the short conversations of a persona's test runs."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from .chips import language_name
from .i18n import words
from .markup import esc, mood_colour, parts, score_colour
from .scorecard import END_REASONS, evidence_by_turn, skill_name


def _highlight(text: str, marks: list[tuple[str, str]]) -> list[tuple[str, str | None]]:
    """`text` in pieces, each quoted piece with its effect; marks are (quote, '+'|'-')."""
    spans: list[tuple[int, int, str]] = []
    for quote, effect in marks:
        quote = (quote or "").strip()
        if not quote:
            continue
        at = text.find(quote)
        if at < 0:
            at = text.lower().find(quote.lower())
        if at < 0:
            continue
        end = at + len(quote)
        if any(not (end <= a or at >= b) for a, b, _ in spans):
            continue  # overlapping quotes: the first one is marked
        spans.append((at, end, effect))
    out, pos = [], 0
    for a, b, effect in sorted(spans):
        out += [(text[pos:a], None), (text[a:b], effect)]
        pos = b
    out.append((text[pos:], None))
    return out


def transcript(turns: Sequence, customer_name: str, card: dict | None = None, audio: dict[int, str] | None = None,
               prefix: str = "turn", trainee_name: str | None = None, why: dict[int, list[str]] | None = None,
               comments: dict[int, list[dict]] | None = None, lang: str = "en") -> str:
    """Turns with their numbers, evidence marked, notes, per-turn audio and the customer's frustration;
    `why`: what moved the customer, by turn (opened on a click); `comments`: evaluators' and replies."""
    w = words(lang)
    ev = evidence_by_turn(card)
    audio = audio or {}
    trainee_name = trainee_name or w("transcript.trainee")
    rows = []
    for i, t in enumerate(turns):
        customer = t.speaker == "customer"
        frustration = t.frustration if customer else None
        rows.append({
            "i": i, "prefix": prefix, "speaker": t.speaker, "who": customer_name if customer else trainee_name,
            "frustration": frustration, "colour": mood_colour(frustration) if frustration is not None else "",
            "times": f"{t.start:.1f}–{t.end:.1f} s" if t.start is not None and t.end is not None else "",
            "pieces": _highlight(t.text, [(e.get("quote", ""), e.get("effect", "+")) for _, e in ev.get(i, [])]),
            "audio": audio.get(i), "notes": [(skill_name(n, lang), e) for n, e in ev.get(i, [])],
            "why": (why or {}).get(i, []),
            "comments": (comments or {}).get(i, []),
        })
    return str(parts.transcript(rows, w))


def replay_header(row, persona_name: str, lang: str = "en") -> str:
    w = words(lang)
    when = row.created_at.strftime("%Y-%m-%d %H:%M") if row.created_at else ""
    score = Markup(f'<span class="rp-bigscore" style="color:{score_colour(row.overall)}">{row.overall:.0f}</span>'
                   if row.overall is not None else f'<span class="rp-chip">{esc(w("score.not_graded"))}</span>')
    state = row.end_reason if row.end_reason in END_REASONS else "ended" if row.ended else "in_progress"
    return str(parts.replay_header(row, persona_name, when, language_name(row.language), w(f"state.{state}"), score,
                                   w))


def expect_results(results: Sequence) -> str:
    """A persona's behaviour tests, case by case: what was checked, and the conversation."""
    return str(parts.expect_results([r.model_dump() for r in results]))


def mini_conversation(turns: Sequence, customer_name: str) -> str:
    return str(parts.mini_conversation(turns, customer_name, mood_colour))
