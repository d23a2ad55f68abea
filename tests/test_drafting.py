"""Personas drafted from a description: the schema the model answers under, the repairs, a stand-in server
returning a fixed (flawed) draft through the real client, and the real embedded model."""

from __future__ import annotations

import json
import time

import pytest

from roleplay import drafting
from roleplay.library import parse
from roleplay.llm import ModelClient, ModelConfig
from tests.standin import StandIn

BRIEF = ("A small café owner whose card terminal was double-charged; wants both charges back today; "
         "policy: refunds take 3-5 days, we may waive this month's terminal fee.")

# What a small model gets wrong, all at once.
FLAWED = {
    "id": "Café Owner!", "name": "Nora Berg", "language": "en", "channel": "phone", "difficulty": "medium",
    "sex": "female", "kind": "service", "situation": "Her card terminal charged a customer twice.",
    "brief": "Nora runs a café. Her terminal double-charged a customer and she is upset.",
    "background": "I run a small café. This morning my terminal charged a regular twice.",
    "goal": "I want both charges reversed today.", "opening_line": "Your terminal charged my customer twice!",
    "ask": {"text": "I want the money back today.", "item": "same_day"},
    "knows": [{"id": "Terminal ID", "text": "My terminal is T-4471.", "value": 4471, "ask": ["terminal (id|number)"]}],
    "hidden_facts": [{"id": "regular", "text": "It was my best regular.", "topics": ["who"], "unlock": "sometimes"}],
    "policy": {"summary": "", "allowed": [
        {"id": "waive fee", "text": "Waive this month's terminal fee",
         "examples": ["I'll waive this month's fee", "I can do that"], "patterns": ["waive.{0,20}fee", "(a+)+b"]},
        {"id": "refund", "text": "Refund in 3-5 business days", "examples": [], "patterns": ["[unclosed"]}],
        "forbidden": [{"id": "today", "text": "Promise the refund today", "examples": ["the refund comes today"]}]},
    "goals": [{"id": "money", "text": "Get the money back", "met_by": ["refund_fast"]}],
    "temperament": {"start_frustration": 95, "leave_at": 90, "satisfied_at": 30, "resistance": 9},
    "lines": {"upset": ["This is costing me customers."], "calmer": ["Okay."], "satisfied": ["Thanks."]},
}


def test_the_draft_schema_is_the_personas_trimmed_and_bounded():
    s = drafting.draft_schema()
    assert "$ref" not in json.dumps(s) and "expect" not in s["properties"]
    assert list(s["properties"]) == s["required"] == drafting.KEEP["Persona"] and s["additionalProperties"] is False
    assert list(s["properties"]["temperament"]["properties"]) == ["start_frustration"]
    # policy items are drafted as plain examples, never regular expressions
    assert list(s["properties"]["policy"]["properties"]["allowed"]["items"]["properties"]) == ["text", "examples"]
    assert s["properties"]["policy"]["properties"]["allowed"]["maxItems"] == drafting.MAX_ITEMS
    assert s["properties"]["background"]["maxLength"] == drafting.LONG
    # the persona's own constraints, kept
    assert s["properties"]["language"]["enum"] == ["en", "fi", "sv"]  # the packs found
    assert s["properties"]["temperament"]["properties"]["start_frustration"]["maximum"] == 100


def test_a_flawed_draft_is_repaired_into_a_valid_persona():
    d, fixes = drafting.repair(FLAWED, taken_ids={"cafe-owner"})
    p = parse(drafting.to_yaml(d, "test", fixes))
    assert p.id == "cafe-owner-2" and p.channel.value == "both"
    assert [i.id for i in p.policy.allowed] == ["waive_fee", "refund"]
    assert p.policy.allowed[0].examples == ["I'll waive this month's fee"]  # "I can do that" says nothing
    assert p.policy.allowed[0].patterns == ["waive.{0,20}fee"]  # the runaway pattern dropped
    assert p.policy.allowed[1].examples == ["Refund in 3-5 business days"] and p.policy.allowed[1].patterns == []
    assert p.policy.forbidden[0].examples == ["the refund comes today"]
    assert p.goals[0].met_by == ["waive_fee"] and p.ask.item is None
    assert p.temperament.start_frustration < p.temperament.leave_at and p.temperament.resistance == 5
    assert p.knows[0].id == "terminal_id" and p.knows[0].value == "4471"
    assert p.hidden_facts[0].unlock == "either" and p.lines.leaving
    assert "You may offer: Waive this month's terminal fee" in p.policy.summary
    text = "\n".join(fixes)
    for expected in ("could run for ever", "not a regular expression", "nothing to match", "examples made from its text",
                     "ask.item", "lines.leaving", "temperament", "channel"):
        assert expected in text


def test_a_draft_cut_short_keeps_what_was_written():
    text = json.dumps(FLAWED)
    cut = text[:text.index('"temperament"') + 30]  # inside temperament: the rest never came
    data, whole = drafting.complete(cut)
    assert not whole and data["goals"] == FLAWED["goals"] and "lines" not in data
    assert drafting.complete('{"name": "Nora \\"the\\" Berg", "brief": "I run a caf')[0] == {"name": 'Nora "the" Berg'}
    assert drafting.complete(text) == (FLAWED, True)


def test_a_description_too_short_or_an_answer_that_is_not_a_persona_says_what_to_do():
    with pytest.raises(drafting.DraftError, match="describe the customer"):
        drafting.draft(None, "angry")
    server = StandIn(delay_s=0, line='{"name": "Nora')
    url = server.start()
    try:
        with pytest.raises(drafting.DraftError, match="not a persona"):
            drafting.draft(ModelClient(ModelConfig(base_url=url, model="stand-in")), BRIEF)
    finally:
        server.stop()


def test_a_stand_in_server_draft_comes_back_as_valid_yaml_through_the_real_client():
    server = StandIn(delay_s=0, line=json.dumps(FLAWED))
    url = server.start()
    try:
        text, problems = drafting.draft(ModelClient(ModelConfig(base_url=url, model="stand-in")), BRIEF)
    finally:
        server.stop()
    assert problems == [] and text.startswith("# Drafted by stand-in")
    assert parse(text).name == "Nora Berg"


@pytest.mark.model
def test_the_embedded_model_drafts_a_persona_the_editor_accepts():
    client = ModelClient(ModelConfig(model="smollm2-135m", base_url=None, timeout=1200))
    t0 = time.monotonic()
    # 500 tokens: about four minutes on two busy cores; a draft cut short is completed and repaired
    text, problems = drafting.draft(client, BRIEF, taken_ids={"late-delivery"}, max_tokens=500)
    print(f"drafted in {time.monotonic() - t0:.0f} s:\n{text}")
    assert problems == [], problems  # repaired into a valid persona, however weak its content
    p = parse(text)
    assert p.id != "late-delivery" and p.policy.summary and p.lines.upset
