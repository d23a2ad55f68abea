"""How well human and AI grades agree, per skill, over sessions graded by both.

Mean difference (human − AI: positive, the humans are kinder), Spearman's ρ (do they rank the
sessions alike; None with fewer than two sessions or no spread) and the share within 10 points.
A skill is flagged when fewer than half its sessions are within 10 points.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from pydantic import BaseModel

CLOSE = 10.0


class Pair(BaseModel):
    session: str
    skill: str
    human: float
    ai: float


class SkillAgreement(BaseModel):
    skill: str
    n: int
    mean_difference: float
    spearman: float | None
    within_10: float
    flagged: bool
    sessions: list[str]  # the sessions behind the figures, most disagreeing first


def _ranks(values: list[float]) -> list[float]:
    """1-based ranks, ties sharing their mean rank."""
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(xs: list[float], ys: list[float]) -> float | None:
    if len(xs) < 2:
        return None
    rx, ry = _ranks(xs), _ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    sxy = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    sxx, syy = sum((a - mx) ** 2 for a in rx), sum((b - my) ** 2 for b in ry)
    return None if not sxx or not syy else round(sxy / (sxx * syy) ** 0.5, 4)


def agreement(pairs: Iterable[Pair]) -> list[SkillAgreement]:
    by: dict[str, list[Pair]] = {}
    for p in pairs:
        by.setdefault(p.skill, []).append(p)
    out = []
    for skill, ps in sorted(by.items()):
        diffs = [p.human - p.ai for p in ps]
        within = sum(abs(d) <= CLOSE for d in diffs) / len(ps)
        worst = sorted(ps, key=lambda p: -abs(p.human - p.ai))
        out.append(SkillAgreement(skill=skill, n=len(ps), mean_difference=round(sum(diffs) / len(ps), 2),
                                  spearman=spearman([p.human for p in ps], [p.ai for p in ps]),
                                  within_10=round(within, 4), flagged=within < 0.5,
                                  sessions=[p.session for p in worst]))
    return out


def pairs_from(human: dict[str, dict[str, float]], ai: dict[str, dict[str, float]]) -> list[Pair]:
    """Pairs for every session and skill both graded (session -> skill -> score on each side)."""
    return [Pair(session=s, skill=k, human=v, ai=ai[s][k])
            for s, scores in human.items() if s in ai for k, v in scores.items() if k in ai[s]]


def read_human_csv(text: str) -> dict[str, dict[str, float]]:
    """A `session` column, then one column per skill (blank: not graded)."""
    rows = csv.DictReader(io.StringIO(text))
    if not rows.fieldnames or "session" not in rows.fieldnames:
        raise ValueError("the human grades file needs a 'session' column, then one column per skill")
    return {r["session"].strip(): {k: float(v) for k, v in r.items() if k != "session" and v and v.strip()}
            for r in rows}


def to_csv(rows: list[SkillAgreement]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["skill", "sessions", "mean_difference", "spearman", "within_10", "flagged"])
    for r in rows:
        w.writerow([r.skill, r.n, r.mean_difference, "" if r.spearman is None else r.spearman, r.within_10,
                    "yes" if r.flagged else ""])
    return buf.getvalue()
