"""The bench's load test, small: real sessions, real SQLite, the stand-in server in its own process."""

import pytest

from roleplay import bench
from roleplay.bench import load as bench_load, parts, voice


def test_the_load_test_counts_every_turn_and_measures_the_app_alone():
    r = bench_load.bench_load(levels=(3,), turns=2, delay_s=0.05, think_s=(0.0, 0.1))
    load = r["load"]["3"]
    assert load["errors"] == 0 and load["turns_lost"] == 0 and load["turns"] == 6
    assert load["requests_per_turn"] >= 1 and load["cpu_ms_per_turn"] > 0
    assert 0 <= load["overhead_s"]["p50"] <= load["overhead_s"]["p95"]
    report = {"machine": {"cores": 2, "cpu": "x", "llm": "m", "llm_threads": 2, "stt": "s", "stt_threads": 2,
                          "tts": "t"}, "rss_mb": 1.0, "bench_s": 1.0, **r}
    assert "load 3 trainees: overhead_s" in bench.table(report) and "0.05 s" in bench.table(report)


@pytest.mark.model
def test_the_model_profile_reads_the_servers_own_timings():
    from roleplay.llm import ModelClient, ModelConfig

    r = parts.bench_model(ModelClient(ModelConfig(model="smollm2-135m", base_url=None)), reps=2)
    assert r["model_read_tok_s"]["n"] == 2 and r["model_read_tok_s"]["p50"] > 0 and r["model_write_tok_s"]["p50"] > 0


@pytest.mark.model
@pytest.mark.speech
def test_the_voice_bench_runs_real_turns_end_to_end(tmp_path, monkeypatch):
    from roleplay.llm import ModelClient, ModelConfig
    from roleplay.store import Store

    monkeypatch.setenv("ROLEPLAY_DATA", str(tmp_path))
    monkeypatch.setattr(voice, "SLOW_TURN_S", 0.0)  # every turn is "slow": each gets its cause
    store = Store(f"sqlite:///{tmp_path / 'b.db'}")
    r = voice.bench_voice(ModelClient(ModelConfig(model="smollm2-135m", base_url=None)), store, turns=2,
                          folder=tmp_path)
    assert r["voice_turn_s"]["n"] == 2 and r["voice_turn_s"]["p50"] > 0
    assert {row.channel for row in store.list_sessions()} == {"voice"}  # calls, as the app starts them
    # A model line in a call starts with a filler said at once; the line's words come later.
    assert 0 <= r["voice_filler_turns"] <= 2
    assert r["voice_first_content_s"]["p95"] >= r["voice_turn_s"]["p95"]
    assert (r["voice_first_content_s"] == r["voice_turn_s"]) == (r["voice_filler_turns"] == 0)
    assert r["voice_parts"]["transcription_s"]["n"] == 2
    assert [t["line_words"] > 20 for t in r["voice_slow_turns"]] == [False, True]  # a short line, then a long one
    assert all(t["cause"] in t["parts_s"] for t in r["voice_slow_turns"])
    assert "slow voice turn" in bench.table({"machine": bench.machine(ModelConfig()), "rss_mb": 1, "bench_s": 1, **r})
