"""A long-running server stays the same size: a few thousand requests of the kinds that used to leave
something behind (a voice session started and a recording begun in it, then abandoned; a Review page
and its export files; a sign-in with a new name), then memory and temporary files are what they were
after the first few hundred."""

from __future__ import annotations

import gc
import itertools
import os

import gradio as gr
import numpy as np
from argon2 import PasswordHasher

from roleplay import accounts
from roleplay.accounts import LOCAL, Accounts
from roleplay.library import Library
from roleplay.store import Store
from roleplay.web import downloads
from roleplay.web.context import Context
from roleplay.web.review import ReviewTab
from tests.fakes import ScriptedModel

REQUESTS = 3500
WARM_UP = 2000  # the bounded caches (texts, patterns, exports) fill first
RECORDING = (48000, (np.sin(np.arange(96000) / 7) * 9000).astype(np.int16))  # 2 s: 128 kB once heard


def resident_bytes() -> int:
    gc.collect()
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_a_few_thousand_requests_leave_memory_and_temp_files_flat(tmp_path, monkeypatch):
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)  # the lockout table is the subject here
    monkeypatch.setattr(accounts, "_hasher", cheap)
    monkeypatch.setattr(accounts, "_DUMMY_HASH", cheap.hash("x"))
    monkeypatch.setattr(accounts, "MAX_TRACKED", 100)
    store = Store(f"sqlite:///{tmp_path / 'rp.db'}")
    acc = Accounts(store.url)
    ctx = Context(store, Library(), ScriptedModel([]), accounts=acc, single_user=True, data=tmp_path, speech=False)
    ctx.live_max = 40
    tab = ReviewTab(ctx)
    with gr.Blocks():  # the handlers answer by component: they need the tab's components
        tab.build()
    sids = []
    names = (f"guess{i}" for i in itertools.count())

    def request(k: int) -> None:
        kind = k % 4
        if kind == 0:
            live = ctx.start(LOCAL, "angry-caller", "voice")
            live.recordings.chunk(f"rec{k}", RECORDING)  # …and the trainee walks away
            sids.append(live.session.id)
        elif kind == 1:
            tab.open(sids[-1], None)  # the replay page writes its three export files
        elif kind == 2:
            tab.search(None, None, None, 0, user=LOCAL)  # and the list its CSV
        else:
            acc.verify(next(names), "wrong password")

    def files() -> int:
        return sum(1 for p in tab.downloads.root.rglob("*") if p.is_file())

    for k in range(WARM_UP):
        request(k)
    files_before, memory_before = files(), resident_bytes()
    for k in range(WARM_UP, REQUESTS):
        request(k)
    grown = resident_bytes() - memory_before
    assert len(ctx._live) <= ctx.live_max and len(acc._failures) <= accounts.MAX_TRACKED
    assert files() <= max(files_before, 3 * downloads.KEEP_EXPORTS)
    # 375 abandoned recordings alone would be 48 MB
    assert grown < 20e6, f"{grown / 1e6:.1f} MB more after {REQUESTS - WARM_UP} requests"
