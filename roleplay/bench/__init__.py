"""`roleplay bench`: how fast the practice loop is, measured on the embedded defaults.

Every figure is a distribution (p50 and p95) over repeated real work: the real
persona engine, the real model, real faster-whisper and the real voices (Piper, espeak-ng).  The
load test drives the same session code path against a stand-in model server
that answers after a fixed 200 ms, so it measures the app, not the model.  The stand-in is a
test tool (tests/standin.py), not part of the package: the load test runs from a source checkout.

Each part is its own module: stats (distributions, the machine), practice (scripted sessions, typed
turns), voice (spoken turns), parts (speech and model speeds), load (the load test); this one runs
them all and prints the report.
"""

from __future__ import annotations

import json
import os
import resource
import tempfile
import time
from pathlib import Path

from .. import weights
from ..library import Library
from ..llm import ModelClient, ModelConfig
from ..model import CustomerModel, build_model
from ..store import Store
from .load import bench_load
from .parts import bench_model, bench_speech
from .practice import bench_text
from .stats import dist, machine
from .voice import bench_voice


def bench_grading(client: CustomerModel | None, judge_n: int) -> dict:
    from evaluators import bench as ebench
    from evaluators import grade
    from evaluators.calibration import load_set

    from evaluators.batch import jobs_default

    out = {"grade_per_s": round(ebench.grade_throughput(500), 1),
           "grade_per_s_all_cores": round(ebench.grade_throughput(1000, jobs=jobs_default()), 1)}
    if client is not None and judge_n:
        lib = Library()
        seconds = []
        for _, t, _ in load_set()[:judge_n]:
            started = time.perf_counter()
            grade(t, lib.personas.get(t.persona) if t.persona else None, judge=client)
            seconds.append(time.perf_counter() - started)
        out["judge_s_per_transcript"] = dist(seconds)
    return out


def run(quick: bool = False, config: ModelConfig | None = None) -> dict:
    config = config or ModelConfig.from_env()
    started = time.perf_counter()
    report: dict = {"machine": machine(config)}
    report.update(bench_load(levels=(10, 50) if quick else (10, 50, 100)))
    t = time.perf_counter()
    client = ModelClient(config)
    from ..speech import stt, tts

    stt.warm()
    with tempfile.TemporaryDirectory() as tmp:
        tts.synthesize("Warm up.", Path(tmp) / "warm.wav")
        report["load_models_s"] = round(time.perf_counter() - t, 2)
        os.environ.setdefault("ROLEPLAY_DATA", tmp)
        store = Store(f"sqlite:///{tmp}/bench.db")
        report.update(bench_speech(Path(tmp), reps=3 if quick else 10))
        report.update(bench_model(client, reps=2 if quick else 3))
        report.update(bench_text(client, store, turns=4 if quick else 12))
        report.update(bench_voice(client, store, turns=4 if quick else 60, folder=Path(tmp)))
        report.update(bench_grading(client, judge_n=1 if quick else 3))
    report["rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    report["bench_s"] = round(time.perf_counter() - started, 1)
    report["weights"] = weights.CATALOGUE[config.model].description if config.model in weights.CATALOGUE else config.model
    return report


def table(r: dict) -> str:
    m = r["machine"]
    rows = [f"machine: {m['cores']} cores, {m['cpu']}; LLM {m['llm']} ({m['llm_threads']} threads), "
            f"STT {m['stt']} ({m['stt_threads']} threads), TTS {m['tts']}",
            f"voice: the trainee hears the customer out, then the recording is fed in real time and ends "
            f"{r.get('voice_pause_s')} s after the last word; "
            f"load: stand-in answers after {r.get('load_stand_in_delay_s')} s, trainees pause "
            f"{'-'.join(str(x) for x in r.get('load_think_s', []))} s between turns", "",
            f"{'figure':38} {'p50':>9} {'p95':>9} {'n':>5}"]

    def row(name, d, unit=""):
        rows.append(f"{name:38} {d['p50']!s:>9} {d['p95']!s:>9} {d['n']:>5} {unit}")

    for key in ("voice_turn_s", "voice_first_content_s", "text_turn_first_token_s", "text_turn_first_sentence_s",
                "text_turn_total_s", "tts_s_per_sentence", "model_read_tok_s", "model_write_tok_s"):
        if key in r:
            row(key, r[key])
    for part, d in r.get("voice_parts", {}).items():
        row(f"  voice: {part}", d)
    if "voice_filler_turns" in r:
        rows.append(f"  (the customer's line began with a filler in {r['voice_filler_turns']} of "
                    f"{r['voice_turn_s']['n']} voice turns)")
    for t in r.get("voice_slow_turns", []):
        rows.append(f"  slow voice turn {t['turn_s']} s ({t['persona']}, {t['line_words']} words): {t['cause']}")
    for clip, d in r.get("stt_rtf", {}).items():
        row(f"stt_rtf ({clip} clip, {d['audio_s']} s)", d)
    if "judge_s_per_transcript" in r:
        row("judge_s_per_transcript", r["judge_s_per_transcript"])
    rows.append(f"{'grade_per_s':38} {r.get('grade_per_s')!s:>9}")
    rows.append(f"{'grade_per_s_all_cores':38} {r.get('grade_per_s_all_cores')!s:>9}")
    for n, d in r.get("load", {}).items():
        rows.append(f"{'load ' + n + ' trainees: overhead_s':38} {d['overhead_s']['p50']!s:>9} "
                    f"{d['overhead_s']['p95']!s:>9} {d['turns']:>5} errors {d['errors']}, lost {d['turns_lost']}, "
                    f"{d['cpu_ms_per_turn']} ms CPU a turn")
    rows.append(f"{'rss_mb':38} {r['rss_mb']:>9}")
    rows.append(f"{'load_models_s':38} {r.get('load_models_s')!s:>9}")
    rows.append(f"bench took {r['bench_s']} s")
    return "\n".join(rows)


def main(args) -> int:
    if args.customer:
        from .. import customer_bench

        if not args.json:
            print(customer_bench.HEAD, flush=True)
        for r in customer_bench.run(build_model(), sessions=args.sessions, compare=args.compare):
            print(json.dumps(r, ensure_ascii=False) if args.json else customer_bench.row(r), flush=True)
        return 0
    report = run(quick=args.quick)
    print(json.dumps(report) if args.json else table(report))
    return 0
