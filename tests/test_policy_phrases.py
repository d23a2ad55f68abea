"""Plain-language policy items: a trainer's examples become matchers (roleplay/policy_phrases.py).

Each test states what a trainer writes and what a trainee says; the matcher must meet the words by
their stems in any order, tell amounts apart as numbers, leave negation to the analysis, and the
persona check must report examples that two items match.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from roleplay.policy_check import find_policy
from roleplay.library import parse
from roleplay.persona import PolicyItem
from roleplay.policy_phrases import Amount, matches, overlaps, tokens

from tests.persona_text import HEAD

ROOT = Path(__file__).resolve().parents[1]


def item(*examples: str, unless: tuple[str, ...] = (), id: str = "x") -> PolicyItem:
    return PolicyItem(id=id, text="an item", examples=list(examples), unless=list(unless))


@pytest.mark.parametrize("said", [
    "I can refund the shipping.",
    "We'll refund your shipping today.",
    "You'll get a refund of the shipping cost.",  # another person, another form, words between
    "The shipping is refunded.",  # another order
    "I've refunded the shipping.",
])
def test_an_example_meets_other_persons_forms_and_orders(said):
    assert matches(item("I can refund the shipping"), said, "en")


@pytest.mark.parametrize("said", [
    "I can refund the return label.",  # one word of two
    "Refunds take a while. Shipping is free.",  # the words in two sentences
    "I can refund it once our courier has checked the parcel and its shipping label.",  # too far apart
])
def test_an_example_needs_all_its_words_close_together(said):
    assert not matches(item("I can refund the shipping"), said, "en")


def test_amounts_are_compared_as_numbers():
    credit = item("I'll credit $45")
    assert matches(credit, "I'll credit 45 dollars to your account.", "en")
    assert matches(credit, "I'll credit $45.00.", "en")
    assert not matches(credit, "I'll credit $50.", "en")
    assert not matches(credit, "I'll credit 45 days.", "en")  # a number of another unit
    days = item("it arrives in 3-5 days")
    assert matches(days, "It arrives in 4 days.", "en")  # inside the range
    assert matches(days, "It arrives in three to five days.", "en")
    assert not matches(days, "It arrives in 7 days.", "en")  # a different number of days is a different claim


def test_bounds_take_every_amount_inside_them():
    more = item("I'll credit more than one month")
    assert matches(more, "I'll credit three months.", "en")
    assert matches(more, "I'll credit you several months.", "en")
    assert not matches(more, "I'll credit one month.", "en")
    within = item("a technician within 48 hours")
    assert matches(within, "A technician will be with you within 24 hours.", "en")
    assert not matches(within, "A technician comes in 72 hours.", "en")


def test_amount_tokens_read_symbols_words_ranges_and_bounds():
    (a,) = [t.amount for t in tokens("€6,90", "en") if t.amount]
    assert a == Amount(6.9, 6.9, "money")
    (b,) = [t.amount for t in tokens("forty-five percent", "en") if t.amount]
    assert b == Amount(45, 45, "percent")
    (c,) = [t.amount for t in tokens("$1,800", "en") if t.amount]
    assert c.low == 1800
    (d,) = [t.amount for t in tokens("48 tunnin sisällä", "fi") if t.amount]
    assert (d.low, d.high, d.unit) == (0, 48, "hour")
    assert [t.amount for t in tokens("one of the codes", "en") if t.amount] == []  # "one" alone is a word


def test_negation_is_left_to_the_analysis():
    items = [item("I'll refund the shipping", id="shipping")]
    assert find_policy(items, "I'll refund the shipping today.", "en")
    assert find_policy(items, "I can't refund the shipping.", "en") == []
    assert find_policy(items, "The shipping can't be refunded.", "en") == []  # the negation inside the match
    # The example's own "never" is part of the claim; a "can't" before it still declines it.
    never = [item("this will never happen again", id="never")]
    assert find_policy(never, "This will never happen again, I promise.", "en")
    assert find_policy(never, "I can't promise this will never happen again.", "en") == []


def test_unless_leaves_out_a_clause_that_says_something_else():
    free = item("saat uuden koneen", unless=("alennus",))
    assert matches(free, "Saat uuden koneen ilmaiseksi.", "fi")
    assert not matches(free, "Saat uuden koneen 20 % alennuksella.", "fi")


def test_swedish_and_finnish_stems_and_compounds():
    assert matches(item("en tekniker"), "Jag bokar ett teknikerbesök.", "sv")  # a compound of the word
    assert matches(item("jag krediterar månadsavgiften"), "Vi har krediterat din månadsavgift.", "sv")
    assert matches(item("mer än en månadsavgift"), "Du får tre månadsavgifter tillbaka.", "sv")  # a unit in a compound
    assert not matches(item("jag krediterar mer än en månad"), "Jag krediterar en månad.", "sv")
    assert matches(item("jag krediterar mer än en månad"), "Jag krediterar tre månader.", "sv")
    assert matches(item("30 % alennus korjauksesta"), "Saat korjauksesta 30 prosentin alennuksen.", "fi")
    assert not matches(item("30 % alennus korjauksesta"), "Saat korjauksesta 50 %:n alennuksen.", "fi")
    assert not matches(item("vikadiagnoosi"), "Se on käyttäjän vika.", "fi")  # the first half of a compound


MINIMAL = HEAD + textwrap.dedent("""\
    policy:
      summary: The sheet.
      allowed:
        - id: shipping
          text: Refund the shipping
          examples: ["I'll refund the shipping", "a 10% voucher"]
        - id: voucher
          text: A voucher
          examples: ["a 10% voucher for your next order"]
      forbidden:
        - id: refund
          text: Any other refund
          examples: ["I'll refund the order", "I'll refund the shipping and the order"]
    temperament:
      start_frustration: 50
    lines:
      upset: [Grr.]
      calmer: [Okay.]
      leaving: [Bye.]
      satisfied: [Thanks.]
    """)


def test_validate_reports_examples_two_items_match():
    warnings = [w for w in parse(MINIMAL).warnings() if w.startswith("policy")]
    assert not [w for w in warnings if "catches" in w]  # no allowed example is caught here
    assert any(w.startswith("policy.forbidden.refund: allowed item 'shipping' also matches "
                            "\"I'll refund the shipping and the order\"") for w in warnings)
    assert any(w.startswith("policy.allowed.voucher: allowed item 'shipping' also matches "
                            "'a 10% voucher for your next order'") for w in warnings)


def test_validate_reports_an_allowed_example_a_forbidden_item_catches(tmp_path):
    text = MINIMAL.replace('examples: ["I\'ll refund the order", "I\'ll refund the shipping and the order"]',
                           'examples: ["I\'ll refund the order", "a refund"]')
    path = tmp_path / "tester.yaml"
    path.write_text(text)
    out = subprocess.run([sys.executable, "-m", "roleplay.cli", "personas", "validate", str(path)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0 and f"{path}: ok" in out.stdout
    assert (f"{path}: warning: policy.allowed.shipping: the forbidden item 'refund' catches "
            "\"I'll refund the shipping\"") in out.stderr


def test_overlaps_is_quiet_when_items_are_apart():
    apart = [item("I'll refund the shipping", id="a")], [item("a gift card", id="b")]
    assert overlaps(*apart, "en") == []


def test_starter_personas_write_policy_in_plain_words():
    from roleplay.library import Library

    for p in Library(ROOT / "personas"):
        for i in p.policy.allowed + p.policy.forbidden:
            assert i.examples and not i.patterns, f"{p.id}.{i.id}"
        assert not [w for w in p.warnings() if "catches" in w], p.id  # no allowed offer fails a session


def test_the_item_screen_keeps_every_item_an_example_matches_over_the_calibration_turns():
    """Brute force: every example of every persona's policy items, matched with no screen at all, on every trainee
    turn of the calibration set in the persona's language; an item with a match must be among `live`'s (else an
    offer or a breach would silently go unseen)."""
    from evaluators.calibration import load_set
    from roleplay.library import Library
    from roleplay.policy_phrases import compile_example, live, match

    library = Library()
    texts: dict[str, set[str]] = {}
    for _, transcript, _ in load_set():
        texts.setdefault(transcript.language, set()).update(t.text for t in transcript.turns if t.speaker == "trainee")
    matched, missed = 0, []
    for persona in library.personas.values():
        for items in (persona.policy.allowed, persona.policy.forbidden):
            for text in texts.get(persona.language, ()):
                kept = live(items, text, persona.language)
                for n, it in enumerate(items):
                    if any(match(compile_example(e, persona.language), text, persona.language) for e in it.examples):
                        matched += 1
                        if n not in kept:
                            missed.append((persona.id, it.id, text))
    assert matched > 100 and not missed[:5]
