"""The load test: N concurrent trainees through the session path, against a stand-in model server.

It measures the app, not the model.  The stand-in is a test tool (tests/standin.py), not part of the
package: the load test runs from a source checkout.
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..library import Library
from ..llm import ModelClient, ModelConfig
from ..session import PracticeSession
from ..store import Store
from .stats import dist

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
    path = Path(__file__).resolve().parents[2] / "tests" / "standin.py"
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
