"""The grader against people: STC-3 rated helpdesk dialogues (../shared/data/stc3-dev.json).

CI grades a fixed sample and fails if ρ(overall, mean E) drops more than TOLERANCE below the
figure the README states for that sample.  The full figures: `python -m evaluators.calibration
--stc3 ../shared/data/stc3-dev.json`.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from evaluators import stc3

ROOT = Path(__file__).resolve().parents[1]
TOLERANCE = 0.03
# The README's line, e.g. "CI sample (400 dialogues, seed 0): ρ(overall, mean E) = 0.52"
STATED = re.compile(r"CI\s+sample\s+\((\d+)\s+dialogues,\s+seed\s+(\d+)\):\s+ρ\(overall,\s+mean\s+E\)\s+=\s+(\d\.\d+)")


@pytest.fixture(scope="module")
def dialogues():
    if not stc3.DEFAULT_PATH.exists():
        pytest.skip(f"the STC-3 dev set is not at {stc3.DEFAULT_PATH} (../shared is missing)")
    return stc3.load(stc3.DEFAULT_PATH)


def test_overall_agrees_with_people_as_the_readme_says(dialogues):
    m = STATED.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert m, "the README's Grading section should state the CI sample's ρ"
    n, seed, stated = int(m[1]), int(m[2]), float(m[3])
    r = stc3.measure(stc3.sample(dialogues, n, seed), fit=False)
    got = r["rho"]["overall"]["E"]
    assert got >= stated - TOLERANCE, f"ρ(overall, mean E) on the CI sample is {got:.3f}; the README states {stated}"


def test_transcripts_follow_the_data_readme(dialogues):
    t = dialogues[0].transcript
    assert t.turns[0].speaker == "customer" and t.persona is None
    assert {x.speaker for x in t.turns} <= {"customer", "trainee"}
    assert all(len(d.ratings["E"]) == 19 for d in dialogues[:20])


def test_spearman_uses_average_ranks_for_ties():
    assert stc3.spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert stc3.spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    # ties: ranks (1.5, 1.5, 3, 4) against (1, 2, 3, 4)
    assert stc3.spearman([5, 5, 6, 7], [1, 2, 3, 4]) == pytest.approx(0.9486833, abs=1e-6)


def test_fitted_weights_are_convex_and_find_the_signal():
    rng = np.random.default_rng(1)
    y = rng.normal(size=300)
    x = np.column_stack([rng.normal(size=300), y + 0.1 * rng.normal(size=300), rng.normal(size=300)])
    w = stc3.fit_weights(x, y, step=0.1, floor=0.05)
    assert w.sum() == pytest.approx(1.0) and (w >= 0.05 - 1e-9).all()
    assert int(np.argmax(w)) == 1
    assert stc3.cross_validated(x, y, step=0.1)["mean_fold"] > 0.8


def test_human_ceiling_is_perfect_when_raters_agree():
    t = stc3.to_transcript([{"sender": "customer", "utterances": ["It stopped working."]}])
    ds = [stc3.Dialogue(id=str(i), transcript=t, ratings={s: [i % 5 - 2] * 19 for s in stc3.SCALES})
          for i in range(10)]
    c = stc3.human_ceiling(ds, "E", splits=3)
    assert c["one_vs_rest"] == pytest.approx(1.0) and c["split_half"] == pytest.approx(1.0)


def test_the_judge_is_measured_beside_the_code_alone_on_the_same_dialogues(dialogues):
    from tests.test_judge import answer, fake_judge
    few = stc3.sample(dialogues, 12)
    judge = fake_judge(answer(score=90))
    r = stc3.measure(few, fit=False, judge=judge)
    assert r["judge"] == {"model": "fake-judge-1", "fell_back": 0} and len(judge.prompts) == 12
    assert r["without_judge"] == stc3.measure(few, fit=False)["rho"]["overall"]
    assert "the code alone" in stc3.render(r) and "fake-judge-1" in stc3.render(r)
