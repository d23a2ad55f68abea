"""`roleplay bench`: how fast the practice loop is, measured on the embedded defaults.

Every figure is a distribution (p50 and p95) over repeated real work: the real
persona engine, the real model, real faster-whisper and the real voices (Piper, espeak-ng).  The
load test drives the same session code path against a stand-in model server
that answers after a fixed 200 ms, so it measures the app, not the model.  The stand-in is a
test tool (tests/standin.py), not part of the package: the load test runs from a source checkout.
"""

from __future__ import annotations

import importlib.util
import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from . import prompting, weights
from . import state as st
from .library import Library
from .llm import ModelClient, ModelConfig
from .model import CustomerModel, build_model
from .session import CustomerLine, PracticeSession
from .store import Store

# Trainee lines for the timed sessions: ordinary, varied, not ending the conversation early.
LINES = [
    "I'm sorry to hear that. Can you tell me what happened?",
    "I understand. When did you place the order?",
    "Thank you for explaining. What would help you most right now?",
    "I see. Let me look at what I can do.",
    "That makes sense. Was anything else wrong with the parcel?",
    "Okay. How did you find out it would be late?",
    "Right. Did anyone from our team contact you before?",
    "Alright, I'm listening. What else should I know?",
]
# Long trainee turns for the voice bench (about 8 to 10 s spoken): the tail is in them as much as in short ones.
LONG_LINES = [
    "I'm really sorry about this, it sounds like a very frustrating week. Let me check the order and the "
    "delivery notes, and then I'll tell you exactly what happened and what I can do.",
    "Thank you for your patience. I can see why you are upset, and I want to get this right for you, so can "
    "you tell me a little more about what you expected and what happened instead?",
    "Okay, I have the details here now. Before I suggest anything, is there anything else about the order "
    "or the way we handled it that I should know about?",
]
# Voice sessions cycle through these (men and women: both voices, Piper and espeak-ng, are measured).
VOICE_PERSONAS = ("late-delivery", "angry-caller", "confused-newbie", "hesitant-buyer")
SLOW_TURN_S = 2.5  # a voice turn slower than this is listed with its cause


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    s = sorted(values)
    return round(s[min(len(s) - 1, int(round(q * (len(s) - 1))))], 4)


def dist(values: list[float]) -> dict:
    return {"p50": pct(values, 0.5), "p95": pct(values, 0.95), "n": len(values),
            "mean": round(statistics.fmean(values), 4) if values else None}


def machine(config: ModelConfig) -> dict:
    cpu = "unknown"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"cores": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "llm": config.model, "llm_threads": config.threads,
            "stt": "whisper-base int8 (faster-whisper)", "stt_threads": int(os.environ.get("ROLEPLAY_STT_THREADS") or 2),
            "tts": os.environ.get("ROLEPLAY_TTS") or "piper (Joe, English men), espeak-ng for the rest"}


def _sessions(store: Store, client: CustomerModel, persona_ids: tuple[str, ...], turns: int, on_line,
              lines: list[str] = LINES) -> None:
    """Run practice sessions of `turns` trainee turns in all, a session per persona in turn, starting
    the next whenever a customer ends one or its lines run out."""
    library = Library()
    done = sessions = 0
    while done < turns:
        persona = library.get(persona_ids[sessions % len(persona_ids)])
        sessions += 1
        s = PracticeSession.start(store, persona, client, trainee="bench", seed=done)
        s.warm_up()  # as the app does; the first turn below waits for it
        for line in lines:
            if s.ended or done >= turns:
                break
            on_line(s, line)
            done += 1


def bench_text(client: CustomerModel, store: Store, turns: int) -> dict:
    """Typed turns as the app takes them: while the trainee types, the app warms the prompt with
    what is written so far; here that is the line less its last two words (about the last second
    of typing), and the clock starts when the whole line is sent."""
    first_token, first_sentence, total = [], [], []

    def on_line(s, line):
        s.warm(line.rsplit(" ", 2)[0])
        t = time.perf_counter()
        end = [e for e in s.say(line) if isinstance(e, CustomerLine)][-1]
        total.append(time.perf_counter() - t)
        first_token.append(end.first_token_s or 0.0)
        first_sentence.append(end.first_sentence_s or 0.0)

    _sessions(store, client, ("late-delivery",), turns, on_line)
    return {"text_turn_first_token_s": dist(first_token), "text_turn_first_sentence_s": dist(first_sentence),
            "text_turn_total_s": dist(total)}


def _speech_clips(folder: Path) -> dict[str, Path]:
    from .speech import tts

    clips = {}
    for i, line in enumerate(LINES + LONG_LINES):
        clips[line] = tts.synthesize(line, folder / f"line{i}.wav", language="en")
    return clips


def bench_voice(client: CustomerModel, store: Store, turns: int, folder: Path, pause_s: float = 0.5) -> dict:
    """Spoken turns as the app takes them: the microphone's chunks are transcribed while they arrive.

    The trainee first hears the customer out: they start speaking when the customer's line
    has finished playing (the opening too).  Each trainee line (short ones and long ones, in
    turn) is then fed in real time, in chunks as the app's microphone sends them, then `pause_s`
    of quiet (the moment between the last word and letting go of the button).  The clock starts
    when the recording ends.  Sessions cycle through VOICE_PERSONAS.

    voice_turn_s is the wait for the customer's first audio; voice_first_content_s the wait for
    their first audio that is not a backchannel ("mm", "okay") — the same while the customer
    makes none.  Each turn over SLOW_TURN_S is listed with the part that took longest.
    """
    from .speech import stt, tts
    from .speech.live import CHUNK_S, LiveTranscript
    from .voice import Heard, Spoken, voice_turn

    clips = {line: stt.to_samples(str(path)) for line, path in _speech_clips(folder).items()}
    chunk = int(CHUNK_S * stt.SAMPLE_RATE)
    turn_s, stt_s, token_s, sentence_s, prompt_n, slow = [], [], [], [], [], []
    playing: dict[str, float] = {}  # session -> when the customer's latest line stops playing

    def on_line(s, line):
        if s.id not in playing:  # the opening line, spoken as the app speaks it
            opening = tts.synthesize(s.turns[0].text, folder / "opening.wav", language=s.persona.language,
                                     sex=s.persona.sex)
            playing[s.id] = time.perf_counter() + tts.wav_duration(opening)
        time.sleep(max(0.0, playing[s.id] - time.perf_counter()))
        live = LiveTranscript(s.persona.language, on_text=s.anticipate)
        audio = np.concatenate([clips[line], np.zeros(int(pause_s * stt.SAMPLE_RATE), dtype=np.float32)])
        for i in range(0, len(audio), chunk):
            live.feed(audio[i:i + chunk])
            time.sleep(CHUNK_S)
        ended = time.perf_counter()
        heard = live.finish()
        first_audio = None
        for e in voice_turn(s, live.samples(), heard=heard, ended=ended):
            if isinstance(e, Heard):
                stt_s.append(heard.elapsed_s)
            elif isinstance(e, Spoken) and first_audio is None:
                first_audio = e.ready_s
            elif isinstance(e, CustomerLine):
                whole = s.store.get(s.id).turns[e.index].audio
                playing[s.id] = ended + (first_audio or 0.0) + (tts.wav_duration(whole) if whole else 0.0)
                token_s.append(e.first_token_s or 0.0)
                sentence_s.append(e.first_sentence_s or 0.0)
                if e.prompt_tokens is not None:
                    prompt_n.append(float(e.prompt_tokens))
                if first_audio is not None and first_audio > SLOW_TURN_S:
                    slow.append(_slow_turn(s.persona.id, line, first_audio, heard.elapsed_s, e))
        turn_s.append(first_audio)

    # Short, long, short, long: eight turns a session, so 60 turns meet every persona at least twice.
    lines = [line for pair in zip(LINES[:4], LONG_LINES * 2) for line in pair]
    _sessions(store, client, VOICE_PERSONAS, turns, on_line, lines)
    return {"voice_turn_s": dist(turn_s), "voice_first_content_s": dist(turn_s), "voice_pause_s": pause_s,
            "voice_slow_turns": slow, "voice_parts": {
                "transcription_s": dist(stt_s), "first_token_s": dist(token_s),
                "first_sentence_s": dist(sentence_s), "prompt_tokens_evaluated": dist(prompt_n)}}


def _slow_turn(persona: str, line: str, turn_s: float, transcription_s: float, reply: CustomerLine) -> dict:
    """A slow voice turn and its cause: the part that took longest (guard retries named as such).

    The model's part is its first checked sentence counted from when the reply was asked for; a
    reply started at the pause and taken over has none to report, and what it still took falls
    under "the rest" with speaking the sentence.
    """
    first_sentence = reply.first_sentence_s or 0.0
    model = "the customer's first sentence (model)" + (f", {reply.attempts} tries (guard)" if reply.attempts > 1 else "")
    parts = {"transcription after the recording ended": transcription_s, model: first_sentence,
             "the rest (a reply started at the pause, speaking the sentence)":
                 max(0.0, turn_s - transcription_s - first_sentence)}
    return {"persona": persona, "line_words": len(line.split()), "turn_s": round(turn_s, 2),
            "cause": max(parts, key=parts.get), "parts_s": {k: round(v, 2) for k, v in parts.items()}}


def bench_speech(folder: Path, reps: int) -> dict:
    from .speech import stt, tts

    short = "I would like to know when my order will arrive."
    long = ("I ordered a wooden train set two weeks ago and it still has not arrived. The website said two to four "
            "business days. My son's party was on Saturday and I had to give him a photo instead of the present.")
    rtf = {}
    for name, text in (("3s", short), ("10s", long)):
        clip = tts.synthesize(text, folder / f"clip{name}.wav", language="en")
        values = []
        for _ in range(reps):
            t = stt.transcribe(str(clip), language="en")
            values.append(t.elapsed_s / t.duration_s)
        rtf[name] = dist(values) | {"audio_s": round(tts.wav_duration(clip), 2)}
    tts_s = []
    for i in range(reps):
        t = time.perf_counter()
        tts.synthesize(LINES[i % len(LINES)], folder / "tts.wav", language="en")
        tts_s.append(time.perf_counter() - t)
    return {"stt_rtf": rtf, "tts_s_per_sentence": dist(tts_s)}


def bench_model(client: CustomerModel, reps: int) -> dict:
    """The model server's own speed, from the timings it reports: how fast it reads a prompt it has
    not seen (a new session's scene and opening) and how fast it writes.  These bound the voice loop."""
    persona = Library().get("late-delivery")
    read, write = [], []
    for i in range(reps):
        timings: dict = {}
        # A different first line each time: nothing of it is in the server's cache.
        prompt = f"Take {i}.\n" + prompting.completion_prompt(persona, [], st.initial(persona), "voice")
        for _ in client.stream_completion(prompt, stop=[], max_tokens=40, temperature=0.0, seed=i,
                                          on_timings=timings.update):
            pass
        if "prompt_per_second" in timings:
            read.append(timings["prompt_per_second"])
            write.append(timings["predicted_per_second"])
    return {"model_read_tok_s": dist(read), "model_write_tok_s": dist(write)} if read else {}


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


# What the stand-in customer says, in turn: a server repeating one line would trip the
# guard's repeat check and turn every reply into three requests.
STAND_IN_LINES = [
    "I ordered it two weeks ago and it still has not come.", "Nobody told me anything about a delay.",
    "The tracking page has said the same thing for days.", "I needed it for my son's birthday on Saturday.",
    "So what are you going to do about it now?", "I paid extra for fast delivery, you know.",
    "Can you at least tell me where the parcel is?", "This is the second time this has happened to me.",
]


def _stand_in_class():
    """StandIn from tests/standin.py, beside the package in a source checkout (it is not installed with it)."""
    path = Path(__file__).resolve().parents[1] / "tests" / "standin.py"
    if not path.is_file():
        raise RuntimeError(f"the load test needs the stand-in server of a source checkout; {path} is missing")
    spec = importlib.util.spec_from_file_location("roleplay_bench_standin", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # a dataclass looks its module up while it is built
    spec.loader.exec_module(module)
    return module.StandIn


def _serve_stand_in(delay_s: float, urls, stop) -> None:
    standin = _stand_in_class()(delay_s=delay_s, lines=STAND_IN_LINES)
    urls.put(standin.start())
    stop.wait()
    standin.stop()


def bench_load(levels: tuple[int, ...] = (10, 50, 100), turns: int = 5, delay_s: float = 0.2,
               think_s: tuple[float, float] = (1.0, 3.0)) -> dict:
    """N concurrent trainees through the session path against a stand-in server with a fixed delay.

    The stand-in runs in its own process, so its work does not count as the app's.  Each
    trainee pauses `think_s` (uniform) before answering the customer, far quicker than
    people read and type or speak, which spreads the turns out as real sessions do.
    Overhead is a turn's wall time less the stand-in's delay for each request it made.
    """
    import multiprocessing as mp
    import random

    ctx = mp.get_context("spawn")
    urls, stop = ctx.Queue(), ctx.Event()
    server = ctx.Process(target=_serve_stand_in, args=(delay_s, urls, stop), daemon=True)
    server.start()
    url = urls.get(timeout=60)
    persona = Library().get("late-delivery")
    results = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:  # loaded once, as the app does at start: not counted
            client = ModelClient(ModelConfig(base_url=url, model="stand-in", timeout=30))
            PracticeSession.start(Store(f"sqlite:///{tmp}/warm.db"), persona, client).reply_text("Hello there.")
        for n in levels:
            with tempfile.TemporaryDirectory() as tmp:
                store = Store(f"sqlite:///{tmp}/load.db")
                client = ModelClient(ModelConfig(base_url=url, model="stand-in", timeout=30))
                overhead, errors, requests, lock = [], [], [], threading.Lock()

                def trainee(i: int) -> str:
                    pause = random.Random(i)
                    s = PracticeSession.start(store, persona, client, trainee=f"t{i}", seed=i)
                    for k in range(turns):
                        time.sleep(pause.uniform(*think_s))
                        t = time.perf_counter()
                        try:
                            line = s.reply_text(f"Trainee {i} says line {k}: what happened with the order?")
                        except Exception as e:  # counted, never hidden
                            with lock:
                                errors.append(f"{type(e).__name__}: {e}")
                            continue
                        with lock:
                            overhead.append(time.perf_counter() - t - delay_s * line.attempts)
                            requests.append(line.attempts)
                    return s.id

                cpu = time.process_time()  # this process only: the stand-in runs in its own
                with ThreadPoolExecutor(max_workers=n) as pool:
                    ids = list(pool.map(trainee, range(n)))
                cpu = time.process_time() - cpu
                expected = 1 + 2 * turns
                lost = sum(max(0, expected - len(store.get(i).turns)) for i in ids)
                results[str(n)] = {"overhead_s": dist(overhead), "errors": len(errors), "turns_lost": lost,
                                   "turns": len(overhead),
                                   "cpu_ms_per_turn": round(1000 * cpu / max(1, len(overhead)), 1),
                                   "requests_per_turn": round(statistics.fmean(requests), 2)
                                   if requests else None, "error_kinds": sorted(set(errors))[:5]}
    finally:
        stop.set()
        server.join(timeout=10)
    return {"load": results, "load_stand_in_delay_s": delay_s, "load_think_s": list(think_s)}


def run(quick: bool = False, config: ModelConfig | None = None) -> dict:
    config = config or ModelConfig.from_env()
    started = time.perf_counter()
    report: dict = {"machine": machine(config)}
    report.update(bench_load(levels=(10, 50) if quick else (10, 50, 100)))
    t = time.perf_counter()
    client = ModelClient(config)
    from .speech import stt, tts

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


TARGETS = [
    ("voice_turn_s", "p50", 1.5), ("voice_turn_s", "p95", 2.5), ("text_turn_first_token_s", "p50", 1.0),
]


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
        from . import customer_bench

        if not args.json:
            print(customer_bench.HEAD, flush=True)
        for r in customer_bench.run(build_model(), sessions=args.sessions, compare=args.compare):
            print(json.dumps(r, ensure_ascii=False) if args.json else customer_bench.row(r), flush=True)
        return 0
    report = run(quick=args.quick)
    print(json.dumps(report) if args.json else table(report))
    return 0
