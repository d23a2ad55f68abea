"""The labelled calibration set (tests/calibration/*.json) and how well a grader agrees with it.

Each file is an interchange transcript with an extra "label" key:

    "label": {
      "set": "ld-good", "group": "late-delivery", "level": "good",
      "expect": {"listening": "good", "honesty": "good", "calm": "good", ...},   # good / mediocre / bad
      "blocker": false,                                                         # a blocker expected or not
      "pair": "ld-calm", "variant": "better" | "worse", "differs_in": "calm",   # minimal pairs
      "same_scores_as": "nr-mediocre"                                           # must grade like that file
    }

`evaluate()` grades every file and checks five kinds of expectation:

- band: a labelled skill lands in its band (good >= 70, mediocre 40-69, bad < 40);
- blocker: a blocker is found exactly when one is expected;
- order: within a group, a file labelled better on a skill scores higher on it, and
  good beats bad by at least ORDER_MARGIN;
- pair: in a minimal pair the labelled skill drops by at least PAIR_MARGIN from the
  better to the worse version and moves more than any other core skill;
- same: a file that only adds an injected instruction grades like its twin
  (core skills within SAME_TOLERANCE, same pass/fail).

The pass rate is the share of all checks met.  Run `python -m evaluators.calibration`
(add `--judge` for the model judge).

`--stc3 ../shared/data/stc3-dev.json` measures instead how well the grader agrees with people
on real rated helpdesk dialogues (evaluators.stc3): ρ of overall and of each skill against the
raters' mean E, S and A, the human ceiling, and the cross-validated ρ of fitted weights.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

from roleplay.library import Library
from roleplay.model import CustomerModel, ModelError, build_model
from roleplay.transcript import Transcript, load

from .rubric import label_band
from .scorecard import CORE_SKILLS, Scorecard

CALIBRATION_DIR = Path(__file__).resolve().parent.parent / "tests" / "calibration"
ORDER_MARGIN = 25.0
PAIR_MARGIN = 10.0
SAME_TOLERANCE = 3.0
RANK = {"bad": 0, "mediocre": 1, "good": 2}


def files(folder: Path | None = None) -> list[Path]:
    return sorted((folder or CALIBRATION_DIR).glob("*.json"))


def load_set(folder: Path | None = None) -> list[tuple[str, Transcript, dict]]:
    """(name, transcript, label) for every calibration file."""
    out = []
    for path in files(folder):
        raw = json.loads(path.read_text(encoding="utf-8"))
        out.append((path.stem, load(path), raw.get("label", {})))
    return out


def checks(cards: dict[str, Scorecard], labels: dict[str, dict]) -> list[dict]:
    """Every expectation in the labels, checked against the cards: [{kind, name, ok, detail}]."""
    out: list[dict] = []

    def add(kind: str, name: str, ok: bool, detail: str) -> None:
        out.append({"kind": kind, "name": name, "ok": bool(ok), "detail": detail})

    for name, label in labels.items():
        card = cards.get(name)
        if card is None:
            continue
        for skill, want in label.get("expect", {}).items():
            if skill in card.skills:
                got = card.skills[skill].score
                add("band", f"{name}:{skill}", label_band(got) == want, f"{skill} {got:.0f}, labelled {want}")
        if "blocker" in label:
            add("blocker", name, bool(card.blockers) == bool(label["blocker"]),
                f"blockers {len(card.blockers)}, expected {'some' if label['blocker'] else 'none'}")
        twin = label.get("same_scores_as")
        if twin and twin in cards:
            other = cards[twin]
            diff = max(abs(card.skills[k].score - other.skills[k].score) for k in CORE_SKILLS)
            add("same", f"{name}~{twin}", diff <= SAME_TOLERANCE and card.passed == other.passed,
                f"largest core difference {diff:.1f}, passed {card.passed}/{other.passed}")

    # minimal pairs
    pairs: dict[str, dict[str, str]] = {}
    for name, label in labels.items():
        if label.get("pair") and label.get("differs_in") and label.get("variant") in ("better", "worse"):
            pairs.setdefault(label["pair"], {})[label["variant"]] = name
    for pair, members in sorted(pairs.items()):
        if set(members) != {"better", "worse"} or not all(m in cards for m in members.values()):
            continue
        better, worse = cards[members["better"]], cards[members["worse"]]
        skill = labels[members["better"]]["differs_in"]
        deltas = {k: better.skills[k].score - worse.skills[k].score for k in CORE_SKILLS}
        others = max(abs(v) for k, v in deltas.items() if k != skill)
        ok = deltas[skill] >= PAIR_MARGIN and deltas[skill] > others
        add("pair", pair, ok, f"{skill} drops {deltas[skill]:.0f}; largest other change {others:.0f} "
                              f"({', '.join(f'{k} {v:+.0f}' for k, v in deltas.items())})")

    # orderings within a group
    groups: dict[str, list[str]] = {}
    for name, label in labels.items():
        if label.get("level") and name in cards:
            groups.setdefault(label.get("group", ""), []).append(name)
    for group, names in sorted(groups.items()):
        for x, y in combinations(sorted(names), 2):
            for skill in CORE_SKILLS:
                lx, ly = labels[x].get("expect", {}).get(skill), labels[y].get("expect", {}).get(skill)
                if not lx or not ly or RANK[lx] == RANK[ly]:
                    continue
                hi, lo = (x, y) if RANK[lx] > RANK[ly] else (y, x)
                sh, sl = cards[hi].skills[skill].score, cards[lo].skills[skill].score
                need = ORDER_MARGIN if {labels[hi]["expect"][skill], labels[lo]["expect"][skill]} == {"good", "bad"} else 0.001
                add("order", f"{group}:{skill}:{hi}>{lo}", sh - sl >= need,
                    f"{hi} {sh:.0f} vs {lo} {sl:.0f} (needs +{need:.0f})")
    return out


def evaluate(grader: str | Callable = "default", judge=None, folder: Path | None = None, library: Library | None = None,
             progress: Callable[[str, Scorecard, float], None] | None = None) -> dict:
    """Grade the calibration set and check every label.

    grader: "default" (deterministic), "judge" (needs `judge`, a roleplay.model.CustomerModel), or a callable
    (transcript, persona) -> Scorecard.  Returns counts, the pass rate overall and per kind, the failures,
    and the time per transcript.
    """
    from .grader import grade

    if callable(grader):
        fn = grader
        name = getattr(grader, "__name__", "custom")
    elif grader == "judge":
        if judge is None:
            raise ValueError("grader='judge' needs judge=build_model() or another CustomerModel")
        fn = lambda t, p: grade(t, p, judge=judge)  # noqa: E731
        name = "judge"
    else:
        fn = lambda t, p: grade(t, p)  # noqa: E731
        name = "default"
    lib = library or Library()
    data = load_set(folder)
    cards: dict[str, Scorecard] = {}
    labels: dict[str, dict] = {}
    times = []
    for fname, t, label in data:
        persona = lib.personas.get(t.persona) if t.persona else None
        t0 = time.perf_counter()
        card = fn(t, persona)
        dt = time.perf_counter() - t0
        times.append(dt)
        cards[fname], labels[fname] = card, label
        if progress:
            progress(fname, card, dt)
    found = checks(cards, labels)
    by_kind: dict[str, dict] = {}
    for c in found:
        k = by_kind.setdefault(c["kind"], {"checks": 0, "passed": 0})
        k["checks"] += 1
        k["passed"] += c["ok"]
    for k in by_kind.values():
        k["pass_rate"] = round(k["passed"] / k["checks"], 3) if k["checks"] else None
    passed = sum(c["ok"] for c in found)
    judge_fallbacks = sum(1 for c in cards.values() if c.judge is not None and not c.judge.get("ok"))
    return {
        "grader": name,
        "model": getattr(judge, "model", None),
        "files": len(cards),
        "checks": len(found),
        "passed": passed,
        "pass_rate": round(passed / len(found), 3) if found else None,
        "by_kind": by_kind,
        "failures": [c for c in found if not c["ok"]],
        "seconds_total": round(sum(times), 2),
        "seconds_per_transcript": round(sum(times) / len(times), 4) if times else None,
        "judge_fallbacks": judge_fallbacks,
        "scores": {n: {"overall": c.overall, **{k: s.score for k, s in c.skills.items()},
                       "blockers": len(c.blockers), "grader": c.grader} for n, c in cards.items()},
    }


class ReplayClient(CustomerModel):
    """Stands in for the model with answers recorded from a real judge run, so a judge run that took an
    hour can be re-scored (e.g. after a change to the combination rules) without the model.

    records: transcript name -> {"raw": the model's answer or None, "error": str or None}.
    """

    def __init__(self, records: dict[str, dict], folder: Path | None = None, library: Library | None = None,
                 model: str = "replay"):
        from .judge import build_messages

        lib = library or Library()
        self.model = model
        self._by_prompt: dict[str, dict] = {}
        for name, t, _ in load_set(folder):
            if name in records:
                persona = lib.personas.get(t.persona) if t.persona else None
                self._by_prompt[build_messages(t, persona)[1]["content"]] = records[name]

    @classmethod
    def from_jsonl(cls, path: str | Path, **kw) -> "ReplayClient":
        recs = [json.loads(x) for x in Path(path).read_text(encoding="utf-8").splitlines() if x.strip()]
        model = next((r["card"].get("model") for r in recs if r.get("card", {}).get("model")), "replay")
        return cls({r["name"]: r for r in recs}, model=model, **kw)

    def json(self, messages, schema, *, name: str = "answer", max_tokens: int = 600, timeout=None) -> str:
        rec = self._by_prompt.get(messages[1]["content"])
        if rec is None:
            raise ModelError("no recorded answer for this transcript")
        if rec.get("raw") is None:
            raise ModelError(rec.get("error") or "the recorded call failed")
        return rec["raw"]

    def stream_chat(self, messages, **kw):
        raise ModelError("recorded answers are the judge's only")

    def describe(self) -> str:
        return f"{self.model} (recorded answers)"


def model_alone(client: CustomerModel) -> Callable:
    """A grader that is the model's proposal and nothing else (no code, no blockers): to report how good
    the judge is on its own.  A failed or unreadable answer scores 50 everywhere (no information)."""
    from .judge import SCORE_ONLY, TIMEOUT_S, answer_schema, build_messages, parse_answer
    from .rubric import RUBRIC_VERSION, band, combine
    from .scorecard import SkillScore

    def grade_alone(t: Transcript, persona) -> Scorecard:
        notes = []
        try:
            a = parse_answer(client.json(build_messages(t, persona), answer_schema(), name="grade", timeout=TIMEOUT_S))
            scores = {k: getattr(a, k).score for k in CORE_SKILLS}
            scores.update({k: getattr(a, k) if getattr(a, k) is not None else 50.0 for k in SCORE_ONLY})
        except Exception as e:
            scores = {k: 50.0 for k in (*CORE_SKILLS, *SCORE_ONLY)}
            notes.append(f"judge failed: {e}")
        skills = {k: SkillScore(score=max(0.0, min(100.0, float(v)))) for k, v in scores.items()}
        overall, passed = combine(skills, [])
        return Scorecard(overall=overall, skills=skills, passed=passed, rubric_version=RUBRIC_VERSION,
                         grader="model-alone", model=client.model, band=band(overall), notes=notes)

    grade_alone.__name__ = "model-alone"
    return grade_alone


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="grade the calibration set and report the pass rate")
    ap.add_argument("--judge", action="store_true", help="use the configured model as judge")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--stc3", metavar="PATH", help="measure agreement with people on the STC-3 dialogues at PATH")
    ap.add_argument("--sample", type=int, help="with --stc3: a fixed sample of this many dialogues, and no fitting")
    args = ap.parse_args(argv)
    if args.stc3:
        from . import stc3

        dialogues = stc3.load(args.stc3)
        if args.sample:
            dialogues = stc3.sample(dialogues, args.sample)
        judge = None
        if args.judge:
            if not args.sample:
                ap.error("--stc3 with --judge needs --sample N (the judge takes tens of seconds a dialogue)")
            judge = build_model()

        def done(n, card):
            print(f"{n}/{len(dialogues)} overall {card.overall:5.1f} {card.grader}", file=sys.stderr, flush=True)

        r = stc3.measure(dialogues, fit=not args.sample, judge=judge, progress=done if judge else None)
        print(json.dumps(r, indent=1) if args.json else stc3.render(r))
        return 0
    judge = None
    if args.judge:
        judge = build_model()

    def progress(name, card, dt):
        if args.judge:
            print(f"{name:28} {card.overall:5.1f} {dt:6.1f}s {card.grader}", file=sys.stderr, flush=True)

    r = evaluate("judge" if judge else "default", judge=judge, progress=progress)
    if args.json:
        print(json.dumps(r, ensure_ascii=False, indent=1))
        return 0
    print(f"grader {r['grader']}{' (' + r['model'] + ')' if r['model'] else ''}: {r['passed']}/{r['checks']} checks "
          f"= {r['pass_rate']:.1%} over {r['files']} transcripts, {r['seconds_per_transcript']:.3f} s/transcript")
    for k, v in sorted(r["by_kind"].items()):
        print(f"  {k:8} {v['passed']}/{v['checks']} = {v['pass_rate']:.1%}")
    for f in r["failures"]:
        print(f"  FAIL {f['kind']:7} {f['name']}: {f['detail']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
