"""Agreement with people: the grader against the STC-3 dev set (../shared/data/stc3-dev.json).

1,272 real customer–helpdesk dialogues, each rated by 19 people on A (accomplishment),
E (effectiveness) and S (satisfaction), −2..2.  The annotations are by the NTCIR-14 STC-3
team (Zeng, Luo, Shang, Li and Sakai, EVIA 2017), CC BY 4.0.

- `load()` turns each dialogue into an interchange transcript as the data README says
  (sender customer → customer, anything else → trainee; text = the utterances joined by
  spaces), graded with no persona.
- `spearman()` with average ranks for ties.
- `human_ceiling()`: one rater against the mean of the others, and two random halves of the
  raters against each other (what a grader can hope to reach).
- `fit_weights()` chooses a convex combination of components by grid search on ρ, and
  `cross_validated()` reports the ρ of that choice on folds it was not fitted on.
"""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path

import numpy as np
from pydantic import BaseModel

from roleplay.transcript import Transcript

SCALES = ("E", "S", "A")
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "shared" / "data" / "stc3-dev.json"


class Dialogue(BaseModel):
    id: str
    transcript: Transcript
    ratings: dict[str, list[int]]  # scale -> one rating per annotator

    def mean(self, scale: str) -> float:
        return float(np.mean(self.ratings[scale]))


def to_transcript(turns: list[dict]) -> Transcript:
    return Transcript.model_validate({"turns": [
        {"speaker": "customer" if t["sender"] == "customer" else "trainee", "text": " ".join(t["utterances"])}
        for t in turns]})


def load(path: str | Path = DEFAULT_PATH) -> list[Dialogue]:
    raw = json.loads(Path(path).read_text(encoding="utf-8"))
    return [Dialogue(id=str(d["id"]), transcript=to_transcript(d["turns"]),
                     ratings={s: [a["quality"][s] for a in d["annotations"]] for s in SCALES}) for d in raw]


def sample(dialogues: list[Dialogue], n: int, seed: int = 0) -> list[Dialogue]:
    """A fixed sample (the same for a given n and seed, whatever the machine)."""
    idx = np.random.default_rng(seed).permutation(len(dialogues))[:n]
    return [dialogues[i] for i in sorted(idx)]


def _ranks(x) -> np.ndarray:
    """Average ranks along the last axis (ties share their mean rank), for a vector or a matrix of rows."""
    x = np.asarray(x, dtype=float)
    rows = np.atleast_2d(x)
    n = rows.shape[1]
    order = np.argsort(rows, axis=1, kind="stable")
    s = np.take_along_axis(rows, order, axis=1)
    idx = np.broadcast_to(np.arange(n), s.shape)
    first = np.ones(s.shape, bool)
    first[:, 1:] = s[:, 1:] != s[:, :-1]
    last = np.ones(s.shape, bool)
    last[:, :-1] = s[:, :-1] != s[:, 1:]
    lo = np.maximum.accumulate(np.where(first, idx, 0), axis=1)
    hi = np.minimum.accumulate(np.where(last, idx, n - 1)[:, ::-1], axis=1)[:, ::-1]
    ranks = np.empty(s.shape)
    np.put_along_axis(ranks, order, (lo + hi) / 2.0, axis=1)
    return ranks.reshape(x.shape)


def spearman(x, y) -> float:
    rx, ry = _ranks(np.asarray(x, float)), _ranks(np.asarray(y, float))
    rx, ry = rx - rx.mean(), ry - ry.mean()
    d = np.sqrt((rx ** 2).sum() * (ry ** 2).sum())
    return float((rx * ry).sum() / d) if d else 0.0


def human_ceiling(dialogues: list[Dialogue], scale: str = "E", splits: int = 50, seed: int = 0) -> dict:
    """How well people agree: each rater vs the mean of the others (mean, min, max), and split halves."""
    r = np.array([d.ratings[scale] for d in dialogues], float)  # dialogues x raters
    n = r.shape[1]
    total = r.sum(axis=1)
    one = [spearman(r[:, k], (total - r[:, k]) / (n - 1)) for k in range(n)]
    rng = np.random.default_rng(seed)
    halves = []
    for _ in range(splits):
        perm = rng.permutation(n)
        halves.append(spearman(r[:, perm[: n // 2]].mean(axis=1), r[:, perm[n // 2:]].mean(axis=1)))
    return {"one_vs_rest": float(np.mean(one)), "one_vs_rest_min": float(min(one)),
            "one_vs_rest_max": float(max(one)), "split_half": float(np.mean(halves))}


def _simplex(k: int, step: float) -> np.ndarray:
    """Every weight vector of k non-negative weights summing to 1, on a grid of `step`."""
    m = round(1 / step)
    out = []
    for bars in combinations(range(m + k - 1), k - 1):
        parts = np.diff([-1, *bars, m + k - 1]) - 1
        out.append(parts / m)
    return np.array(out)


def fit_weights(x: np.ndarray, y: np.ndarray, step: float = 0.05, floor: float = 0.0) -> np.ndarray:
    """The convex weights over the columns of x whose combination ranks like y best (grid search on ρ).

    Every weight is at least `floor`, so a skill people cannot show on this data (honesty needs a
    policy sheet) still counts on the scorecard."""
    k = x.shape[1]
    if floor * k >= 1:
        raise ValueError(f"a floor of {floor} for {k} weights leaves nothing to fit")
    grid = floor + (1 - floor * k) * _simplex(k, step / (1 - floor * k))
    ry = _ranks(y)
    ry = (ry - ry.mean()) / ry.std()
    best, best_rho = grid[0], -2.0
    for chunk in np.array_split(grid, max(1, len(grid) // 2000)):
        pred = chunk @ x.T  # weights x dialogues
        rp = _ranks(pred)
        rp = rp - rp.mean(axis=1, keepdims=True)
        sd = rp.std(axis=1)
        sd[sd == 0] = 1
        rho = (rp @ ry) / (len(y) * sd)
        i = int(np.argmax(rho))
        if rho[i] > best_rho:
            best, best_rho = chunk[i], float(rho[i])
    return best


def cross_validated(x: np.ndarray, y: np.ndarray, folds: int = 5, seed: int = 0, step: float = 0.05,
                    floor: float = 0.0) -> dict:
    """ρ of weights fitted on the other folds, per held-out fold and pooled."""
    idx = np.random.default_rng(seed).permutation(len(y))
    pred = np.empty(len(y))
    per_fold = []
    for f in range(folds):
        test = idx[f::folds]
        train = np.setdiff1d(idx, test)
        w = fit_weights(x[train], y[train], step, floor)
        pred[test] = x[test] @ w
        per_fold.append(spearman(pred[test], y[test]))
    return {"mean_fold": float(np.mean(per_fold)), "folds": per_fold, "pooled": spearman(pred, y)}


WEIGHT_FLOOR = 0.05  # see roleplay.skills: every skill keeps a share of overall


def measure(dialogues: list[Dialogue], fit: bool = True, judge=None, progress=None) -> dict:
    """Grade every dialogue (no persona) and report ρ against the raters, the human ceiling, and
    (with `fit`) the cross-validated ρ of weights fitted on the skills.

    With a `judge` (a model client) the cards are the judge's, and `without_judge` holds ρ of the
    code alone on the same dialogues, for comparison.
    """
    from .grader import grade
    from roleplay.skills import ORDER

    cards = []
    for d in dialogues:
        cards.append(grade(d.transcript, judge=judge))
        if progress:
            progress(len(cards), cards[-1])
    means = {s: np.array([d.mean(s) for d in dialogues]) for s in SCALES}
    names = [k for k in ORDER if all(k in c.skills for c in cards)]
    x = np.array([[c.skills[k].score for k in names] for c in cards])
    rho = {"overall": {s: spearman([c.overall for c in cards], means[s]) for s in SCALES}}
    rho.update({k: {s: spearman(x[:, i], means[s]) for s in SCALES} for i, k in enumerate(names)})
    out = {"dialogues": len(dialogues), "rho": rho, "ceiling": {s: human_ceiling(dialogues, s) for s in SCALES}}
    if judge is not None:
        out["judge"] = {"model": getattr(judge, "model", None),
                        "fell_back": sum(1 for c in cards if c.judge is not None and not c.judge.get("ok"))}
        alone = [grade(d.transcript) for d in dialogues]
        out["without_judge"] = {s: spearman([c.overall for c in alone], means[s]) for s in SCALES}
    if fit:
        out["cross_validated"] = cross_validated(x, means["E"], floor=WEIGHT_FLOOR)
        out["fitted_weights"] = dict(zip(names, fit_weights(x, means["E"], floor=WEIGHT_FLOOR).round(3).tolist()))
    return out


def render(r: dict) -> str:
    lines = [f"STC-3: {r['dialogues']} rated helpdesk dialogues, graded with no persona "
             "(annotations: NTCIR-14 STC-3, CC BY 4.0)", "",
             "Spearman ρ with the raters' mean    E      S      A"]
    for name, by in r["rho"].items():
        lines.append(f"  {name:32} " + " ".join(f"{by[s]:+.3f}" for s in SCALES))
    if "judge" in r:
        lines.insert(0, f"judge: {r['judge']['model']} ({r['judge']['fell_back']} of {r['dialogues']} fell back "
                        "to the code's card)")
        lines.append(f"  {'overall, the code alone':32} " + " ".join(f"{r['without_judge'][s]:+.3f}" for s in SCALES))
    lines += ["", "people (the ceiling)                E      S      A"]
    for key, label in (("one_vs_rest", "one rater vs the other 18"), ("split_half", "two halves of the raters")):
        lines.append(f"  {label:32} " + " ".join(f"{r['ceiling'][s][key]:+.3f}" for s in SCALES))
    if "cross_validated" in r:
        cv = r["cross_validated"]
        lines += ["", f"weights fitted on ρ(·, E), 5-fold cross-validated: ρ {cv['mean_fold']:.3f} (mean of folds), "
                      f"{cv['pooled']:.3f} (pooled); folds " + " ".join(f"{f:.2f}" for f in cv["folds"]),
                  "  fitted on all: " + ", ".join(f"{k} {w:.2f}" for k, w in r["fitted_weights"].items())]
    return "\n".join(lines)
