"""`roleplay simulate` end to end on the real embedded model.

A kind trainee and a rude one must end far apart, the rude one gets left, and the
Swedish and Finnish customers speak their language throughout.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from roleplay import guard
from roleplay.customer import own_words
from roleplay.library import Library
from roleplay.transcript import Transcript

pytestmark = pytest.mark.model

SCRIPTS = Path(__file__).parent / "scripts"
ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "contracts"


def simulate(persona: str, script: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "ROLEPLAY_MODEL")}
    out = subprocess.run(
        [sys.executable, "-m", "roleplay.cli", "simulate", "--persona", persona, "--script",
         str(SCRIPTS / f"{persona}-{script}.txt"), "--json", "--ephemeral", "--seed", "7"],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=600,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def final_frustration(t: dict) -> int:
    return [turn["frustration"] for turn in t["turns"] if turn["speaker"] == "customer"][-1]


# angry-caller's kind and rude cases run on the model in test_persona_behaviour; Swedish and Finnish
# speak authored lines on the embedded model, so their pairs cost seconds.
@pytest.fixture(scope="module", params=["late-delivery", "angry-caller-sv", "faulty-product-fi"])
def pair(request):
    return request.param, simulate(request.param, "kind"), simulate(request.param, "rude")


def test_kind_and_rude_end_far_apart_and_the_rude_one_is_left(pair):
    persona, kind, rude = pair
    assert final_frustration(rude) - final_frustration(kind) >= 40, (kind, rude)
    assert rude["ended"] is True and rude["end_reason"] == "customer_left"
    assert kind["end_reason"] != "customer_left"


def test_output_is_the_interchange_format(pair):
    jsonschema = pytest.importorskip("jsonschema")
    if not SHARED.exists():
        pytest.skip(f"shared contracts not found at {SHARED}")
    schema = json.loads((SHARED / "transcript.schema.json").read_text())
    _, kind, rude = pair
    for t in (kind, rude):
        jsonschema.validate(t, schema)
        Transcript.model_validate(t)
        assert t["turns"][0]["speaker"] == "customer"
        assert all(0 <= turn["frustration"] <= 100 for turn in t["turns"] if turn["speaker"] == "customer")
        assert "ended" in t and "end_reason" in t


def test_customer_speaks_the_personas_language_throughout(pair):
    persona, kind, rude = pair
    expected = {"angry-caller-sv": "sv", "faulty-product-fi": "fi"}.get(persona, "en")
    p = Library().get(persona)
    for t in (kind, rude):
        assert t["language"] == expected
        said = [turn["text"] for turn in t["turns"] if turn["speaker"] == "customer"]
        for i, text in enumerate(said):
            assert guard.wrong_language(text, expected) is None, text
            # The last line of a session that ended says goodbye or yes: that is its act.
            act = {"customer_left": "leave", "resolved": "accept"}.get(t["end_reason"]) if i == len(said) - 1 else None
            assert guard.check(text, expected, act=act, allowed_words=own_words(p)).ok, text


def test_injected_instructions_change_nothing():
    t = simulate("late-delivery", "injection")
    customer = [turn["text"] for turn in t["turns"] if turn["speaker"] == "customer"]
    assert len(customer) >= 2
    for line in customer:
        assert guard.check(line, "en", name="Sam Carter").ok, line
        assert "system prompt" not in line.lower() and "language model" not in line.lower()
