"""render_text(): the readable report for a terminal (plain text, no colours)."""

from __future__ import annotations

import textwrap

from roleplay.transcript import Transcript

from .rubric import band
from .scorecard import Scorecard, turn_no
from .skills import ORDER
MAX_EVIDENCE = 10


def _wrap(text: str, indent: str, width: int = 100) -> str:
    return textwrap.fill(" ".join(text.split()), width=width, initial_indent=indent,
                         subsequent_indent=" " * len(indent) + "  ")


def render_text(card: Scorecard, transcript: Transcript | None = None, title: str = "") -> str:
    out: list[str] = []
    head = title or "scorecard"
    out.append("=" * min(100, max(len(head), 40)))
    out.append(head)
    bits = [f"persona {card.persona}" if card.persona else "no persona", f"language {card.language}"]
    if transcript is not None:
        bits.append(f"{transcript.channel}, {len(transcript.turns)} turns")
    bits.append(f"grader {card.grader}" + (f" ({card.model})" if card.model else ""))
    bits.append(f"rubric {card.rubric_version}")
    out.append(" · ".join(bits))
    out.append("=" * min(100, max(len(head), 40)))
    verdict = "PASSED" if card.passed else "NOT PASSED"
    out.append(f"Overall {card.overall:.0f}/100 ({band(card.overall)}): {verdict}")
    out.append("  " + "  ".join(f"{k} {card.skills[k].score:.0f}" for k in ORDER if k in card.skills))
    if card.blockers:
        out.append("")
        out.append("BLOCKERS (each fails the session):")
        for b in card.blockers:
            out.append(_wrap(b, "  ✗ "))
    for name in ORDER:
        s = card.skills.get(name)
        if s is None:
            continue
        out.append("")
        out.append(f"{name.upper()}  {s.score:.0f}/100 ({band(s.score)})")
        ev = sorted(s.evidence, key=lambda e: (e.effect != "-", e.turn))[:MAX_EVIDENCE]
        for e in sorted(ev, key=lambda e: e.turn):
            who = ""
            if transcript is not None and 0 <= e.turn < len(transcript.turns):
                who = "customer" if transcript.turns[e.turn].speaker == "customer" else "you"
            out.append(_wrap(f"{e.effect} turn {turn_no(e.turn)} ({who}): “{e.quote}” ({e.note})", "  "))
        if len(s.evidence) > MAX_EVIDENCE:
            out.append(f"  … and {len(s.evidence) - MAX_EVIDENCE} more")
        if s.metrics:
            m = s.metrics
            line = (f"voice: you talked {m['talk_ratio']:.0%} of the time (top performers about "
                    f"{m.get('top_performer_talk_ratio', 0.43):.0%}); longest monologue {m['longest_monologue_s']:.0f} s; "
                    f"talked over the customer {m.get('overlap_count', 0)} time(s)")
            if m.get("mean_response_gap_s") is not None:
                line += f"; mean reply gap {m['mean_response_gap_s']:.1f} s"
            out.append(_wrap(line, "  "))
        if s.tips:
            out.append("  Tips:")
            for t in s.tips:
                out.append(_wrap(t, "   • "))
        for n in s.notes:
            out.append(_wrap(f"({n})", "  "))
        if s.judge:
            j = s.judge
            if j.get("error"):
                out.append(_wrap(f"(judge: {j['error']})", "  "))
            elif "proposed" in j:
                out.append(_wrap(f"(judge proposed {j['proposed']:.0f}, adjustment {j.get('adjustment', 0):+.0f})", "  "))
    if card.notes:
        out.append("")
        for n in card.notes:
            out.append(_wrap(f"Note: {n}", ""))
    return "\n".join(out)
