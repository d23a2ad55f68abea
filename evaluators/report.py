"""render_text(): the readable report for a terminal (plain text, no colours)."""

from __future__ import annotations

import textwrap

from roleplay import languages
from roleplay.skills import ORDER
from roleplay.transcript import Transcript

from .rubric import band
from .scorecard import Scorecard, turn_no
MAX_EVIDENCE = 10


def _wrap(text: str, indent: str, width: int = 100) -> str:
    return textwrap.fill(" ".join(text.split()), width=width, initial_indent=indent,
                         subsequent_indent=" " * len(indent) + "  ")


def render_text(card: Scorecard, transcript: Transcript | None = None, title: str = "") -> str:
    """The report in the card's language (roleplay.languages, `tips`: report.*, skill.*, band.*)."""
    def say(key: str, **values) -> str:
        return languages.say(card.language, key, **values)

    def band_of(score: float) -> str:
        return say("band." + band(score).replace(" ", "_"))

    out: list[str] = []
    head = title or say("report.title")
    out.append("=" * min(100, max(len(head), 40)))
    out.append(head)
    bits = [say("report.persona", persona=card.persona) if card.persona else say("report.no_persona"),
            say("report.language", language=card.language)]
    if transcript is not None:
        bits.append(say("report.channel", channel=say(f"channel.{transcript.channel}"), turns=len(transcript.turns)))
    bits.append(say("report.grader", grader=card.grader) + (f" ({card.model})" if card.model else ""))
    bits.append(say("report.rubric", version=card.rubric_version))
    out.append(" · ".join(bits))
    out.append("=" * min(100, max(len(head), 40)))
    verdict = say("report.passed") if card.passed else say("report.not_passed")
    out.append(say("report.overall", overall=card.overall, band=band_of(card.overall), verdict=verdict))
    out.append("  " + "  ".join(f"{say(f'skill.{k}')} {card.skills[k].score:.0f}" for k in ORDER if k in card.skills))
    if card.blockers:
        out.append("")
        out.append(say("report.blockers"))
        for b in card.blockers:
            out.append(_wrap(b, "  ✗ "))
    for name in ORDER:
        s = card.skills.get(name)
        if s is None:
            continue
        out.append("")
        out.append(f"{say(f'skill.{name}').upper()}  {s.score:.0f}/100 ({band_of(s.score)})")
        ev = sorted(s.evidence, key=lambda e: (e.effect != "-", e.turn))[:MAX_EVIDENCE]
        for e in sorted(ev, key=lambda e: e.turn):
            who = ""
            if transcript is not None and 0 <= e.turn < len(transcript.turns):
                who = say("report.customer") if transcript.turns[e.turn].speaker == "customer" else say("report.you")
            out.append(_wrap(say("report.evidence", effect=e.effect, turn=turn_no(e.turn), who=who,
                                 quote=say("quote", text=e.quote), note=e.note), "  "))
        if len(s.evidence) > MAX_EVIDENCE:
            out.append("  " + say("report.more", n=len(s.evidence) - MAX_EVIDENCE))
        if s.metrics:
            m = s.metrics
            line = say("report.voice", ratio=m["talk_ratio"], top=m.get("top_performer_talk_ratio", 0.43),
                       monologue=m["longest_monologue_s"], overlaps=m.get("overlap_count", 0))
            if m.get("mean_response_gap_s") is not None:
                line += say("report.voice_gap", gap=m["mean_response_gap_s"])
            out.append(_wrap(line, "  "))
        if s.tips:
            out.append("  " + say("report.tips"))
            for t in s.tips:
                out.append(_wrap(t, "   • "))
        for n in s.notes:
            out.append(_wrap(f"({n})", "  "))
        if s.judge:
            j = s.judge
            if j.get("error"):
                out.append(_wrap(say("report.judge_error", error=j["error"]), "  "))
            elif "proposed" in j:
                proposed = say("report.judge_proposed", proposed=j["proposed"], adjustment=j.get("adjustment", 0))
                out.append(_wrap(proposed, "  "))
    if card.notes:
        out.append("")
        for n in card.notes:
            out.append(_wrap(say("report.note", note=n), ""))
    return "\n".join(out)
