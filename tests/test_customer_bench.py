"""`roleplay bench --customer`: the figures it prints, from real sessions (authored lines: no model)."""

from roleplay import customer_bench
from tests.fakes import ScriptedModel


def test_a_language_played_with_authored_lines_reads_clean_and_is_sampled():
    r = customer_bench.play(ScriptedModel([]), "sv", 3, "authored")
    assert r["lines"] >= 3 and r["authored"] == r["lines"] and r["pass_rate"] == 1.0 and not r["failures"]
    assert 1 <= len(r["sample"]) <= 5 and len(set(r["sample"])) == len(r["sample"])


def test_a_bad_model_line_that_reaches_the_screen_is_counted_with_its_reason(monkeypatch):
    # The guard lets a line through that the review (run on the whole shown line) still catches.
    monkeypatch.setattr("roleplay.customer.Customer._check", lambda self, *a, **k: __import__(
        "roleplay.guard", fromlist=["Verdict"]).Verdict(ok=True, reasons=[]))
    r = customer_bench.play(ScriptedModel(["I am upset here. I am upset here."] * 10), "en", 1, "model")
    assert r["pass_rate"] < 1.0 and any("repeats_itself" in f["problems"] for f in r["failures"])
    assert "en" in customer_bench.table([r]) and "failed (" in customer_bench.table([r])
