"""The scorecard as HTML: the overall ring, a bar per skill, the evidence and the tips.

Its own words are in the interface's language `lang`; its tips, notes and blockers stay in the
session's (the grader wrote them so).
"""

from __future__ import annotations

from markupsafe import Markup

from ..skills import ORDER as SKILL_ORDER  # the skill registry
from .i18n import words
from .markup import PASS_MARK, chart_parts, parts, score_colour

END_REASONS = ("customer_left", "resolved", "trainee_ended")  # the ends the card and the replay name


def _ring(score: float, lang: str = "en") -> str:
    r, c = 44, 2 * 3.14159 * 44
    filled = c * max(0.0, min(100.0, score)) / 100
    return str(chart_parts.ring(r, f"{c:.1f}", f"{filled:.1f}", score_colour(score), f"{score:.0f}",
                           words(lang)("score.overall")))


def skill_name(name: str, lang: str = "en") -> str:
    """A skill's name in the interface's language (its id where the pack has no word for it)."""
    return words(lang).get(f"skill.{name}", name)


def skill_bars(skills: dict, lang: str = "en") -> str:
    rows = [{"name": skill_name(name, lang), "width": f"{float(skills[name].get('score', 0)):.0f}",
             "colour": score_colour(float(skills[name].get("score", 0)))} for name in ordered(skills)]
    return str(chart_parts.skill_bars(rows, PASS_MARK))


def ordered(skills) -> list[str]:
    """Skill ids in the registry's order, any others after them by name."""
    return [s for s in SKILL_ORDER if s in skills] + sorted(s for s in skills if s not in SKILL_ORDER)


def scorecard(card: dict | None, prefix: str = "turn", title: str = "", end_reason: str | None = None,
              lang: str = "en") -> str:
    """The scorecard's own words in the interface's language; its tips, notes and blockers stay in the
    session's (the grader wrote them so)."""
    w = words(lang)
    if not card:
        return str(parts.scorecard(None, w))
    overall = float(card.get("overall", 0))
    reason = w(f"end.{end_reason}") if end_reason in END_REASONS else ""
    grader = card.get("grader") or ""
    band = card.get("band") or ""
    skills = card.get("skills", {})
    view = {
        "overall": overall, "passed": bool(card.get("passed")), "title": title or w("score.title"),
        "ring": Markup(_ring(overall, lang)), "bars": Markup(skill_bars(skills, lang)),
        "sub": [x for x in (reason, w.get(f"band.{band}", band), w("score.graded", grader=grader) if grader else "",
                            *_versions(card, w)) if x],
        "blockers": card.get("blockers") or [],
        "blocker_evidence": [_evidence(e, prefix) for e in card.get("blocker_evidence") or []],
        "skills": [{"id": name, "name": skill_name(name, lang), "score": float(skills[name].get("score", 0)),
                    "colour": score_colour(float(skills[name].get("score", 0))),
                    "evidence": [_evidence(e, prefix) for e in skills[name].get("evidence", [])],
                    "tips": skills[name].get("tips", [])} for name in ordered(skills)],
    }
    return str(parts.scorecard(view, w))


def _versions(card: dict, w) -> list[str]:
    """Said on the card when it was not graded by the sheet and rubric the trainee practised with."""
    out = []
    if card.get("persona_version") == "library":
        out.append(w("score.library_version"))
    practised = card.get("practised_rubric_version")
    if practised and practised != card.get("rubric_version"):
        out.append(w("score.rubric", rubric=card.get("rubric_version"), practised=practised))
    return out


def _evidence(e: dict, prefix: str) -> dict:
    return {"plus": e.get("effect") == "+", "turn": int(e.get("turn", 0)), "prefix": prefix,
            "quote": e.get("quote", ""), "note": e.get("note", "")}


def evidence_by_turn(card: dict | None) -> dict[int, list[tuple[str, dict]]]:
    out: dict[int, list[tuple[str, dict]]] = {}
    if not card:
        return out
    for name, s in card.get("skills", {}).items():
        for e in s.get("evidence", []):
            out.setdefault(int(e.get("turn", -1)), []).append((name, e))
    for e in card.get("blocker_evidence") or []:
        out.setdefault(int(e.get("turn", -1)), []).append(("blocker", e))
    return out
