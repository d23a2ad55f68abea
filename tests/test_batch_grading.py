"""Grading many transcripts on every core gives the very cards one process gives, in order."""

import json
import subprocess
import sys
from pathlib import Path

from evaluators import grade
from evaluators.batch import grade_many
from evaluators.bench import grade_throughput
from evaluators.calibration import load_set
from roleplay.library import Library

ROOT = Path(__file__).resolve().parents[1]


def _items():
    lib = Library()
    return [(t, lib.personas.get(t.persona) if t.persona else None) for _, t, _ in load_set()]


def test_worker_processes_grade_exactly_as_one_process_in_the_order_given():
    items = _items() * 2  # enough for two workers
    alone = [grade(t, p).to_json() for t, p in items]
    together = [c.to_json() for c in grade_many(items, jobs=2)]
    assert together == alone


def test_roleplay_grade_on_many_files_keeps_their_order_and_reports_a_bad_one(tmp_path):
    files = sorted((ROOT / "tests" / "calibration").glob("*.json"))[:40]
    bad = tmp_path / "broken.json"
    bad.write_text("{not json")
    out = subprocess.run([sys.executable, "-m", "roleplay.cli", "grade", "--json", "--jobs", "2", *map(str, files),
                          str(bad)], capture_output=True, text=True, cwd=ROOT, timeout=600)
    cards = [json.loads(line) for line in out.stdout.splitlines()]
    assert [c["file"] for c in cards] == [str(f) for f in files]
    assert out.returncode != 0 and "broken.json" in out.stderr


def test_the_bench_measures_one_process_and_worker_processes():
    assert grade_throughput(20) > 0 and grade_throughput(40, jobs=2) > 0
