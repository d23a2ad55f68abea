"""Tips, notes, evidence notes, blockers and hints come in the session's language (issue 17).

The words live in the language packs (roleplay.languages, `tips`); English is the reference every
other pack translates.  A Swedish or a Finnish session graded end to end must say nothing in English.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from evaluators import grade, render_text
from evaluators.calibration import load_set
from roleplay import guard, hints, spelling
from roleplay.given import fact_label
from roleplay.language_id import identify
from roleplay.languages import Pack, found, pack, placeholders, say
from roleplay.library import Library
from roleplay.model import ModelError
from roleplay.skills import ORDER as SKILLS
from roleplay.state import initial
from tests.fakes import ScriptedModel

PACKS = sorted(found.codes())
CALIBRATION = Path(__file__).parent / "calibration"
_PLACEHOLDER = re.compile(r"\{[^}]*\}")
_QUOTED = re.compile(r"[“”][^“”]*[“”]|'[^']*'")  # what someone said, and ids: not the pack's words


def test_every_pack_has_every_tip_with_the_placeholders_of_english():
    assert {"en", "sv", "fi"} <= set(PACKS)
    english = pack("en").tips
    for code in PACKS:
        tips = pack(code).tips
        assert set(tips) == set(english), code
        for key, text in english.items():
            assert placeholders(tips[key]) == placeholders(text), (code, key)


@pytest.mark.parametrize("change", ["drop", "rename", "extra"])
def test_a_pack_that_does_not_match_english_is_refused(change):
    from roleplay.languages import sv

    tips = dict(sv.PACK["tips"])
    if change == "drop":
        del tips["tip.calm.no_ack"]
    elif change == "rename":
        tips["tip.calm.no_ack"] = tips["tip.calm.no_ack"].replace("{turn}", "{replik}")
    else:
        tips["tip.calm.nonsense"] = "text"
    with pytest.raises(ValidationError, match="tip.calm"):
        Pack.model_validate({**sv.PACK, "tips": tips}, context={"reference": pack("en")})


@pytest.mark.parametrize("code", ["sv", "fi"])
def test_swedish_and_finnish_texts_pass_the_spell_checker(code):
    if not spelling.available(code):
        pytest.skip(f"no spell checker for {code} here")
    flagged = {key: spelling.unknown_words(_PLACEHOLDER.sub(" ", text), code)
               for key, text in pack(code).tips.items()}
    assert {k: v for k, v in flagged.items() if v} == {}


def _texts(card) -> list[str]:
    """Everything on a card written for the trainee (not the quotes)."""
    out = [*card.notes, *card.blockers, *(e.note for e in card.blocker_evidence)]
    for skill in card.skills.values():
        out += [*skill.tips, *skill.notes, *(e.note for e in skill.evidence)]
    return out


def _english_phrases() -> set[str]:
    """Runs of three words or more from the English texts: none of them may turn up in another language."""
    runs = set()
    for text in pack("en").tips.values():
        for piece in _PLACEHOLDER.split(_QUOTED.sub("{}", text)):
            words = re.findall(r"[A-Za-z']+", piece)
            if len(words) >= 3:
                runs.add(" ".join(words).lower())
    return runs


@pytest.fixture(scope="module")
def cards() -> dict[str, list]:
    """The calibration set graded once, by language: (name, scorecard)."""
    lib, out = Library(), {}
    for folder in (CALIBRATION, CALIBRATION / "holdout"):
        for name, t, _ in load_set(folder):
            card = grade(t, lib.personas.get(t.persona) if t.persona else None)
            out.setdefault(card.language, []).append((name, card))
    return out


@pytest.mark.parametrize("code", ["sv", "fi"])
def test_a_swedish_or_finnish_session_is_graded_in_its_language(code, cards):
    english = _english_phrases()
    graded = cards[code]
    assert len(graded) >= 8  # good, bad, voice, no persona, …
    long_texts = 0
    for name, card in graded:
        for text in [*_texts(card), render_text(card)]:
            own = _QUOTED.sub(" ", text)
            words = " ".join(re.findall(r"[A-Za-z']+", own)).lower()
            assert not [run for run in english if run in words], (name, text)
            assert not re.search(r"\bthe\b", words), (name, text)  # e.g. a detail named by its English id
            assert guard.wrong_language(own, code) is None, (name, text)
            if len(own) >= 60:  # long enough for the identifier to say which language it is
                long_texts += 1
                assert identify(own)[0] == code, (name, text)
    assert long_texts >= 50  # the checks above saw real tips, not empty cards


def test_english_sessions_keep_their_english_texts(cards):
    assert all(guard.wrong_language(_QUOTED.sub(" ", t), "en") is None for _, card in cards["en"] for t in _texts(card))


def test_numbers_take_the_languages_decimal_mark():
    assert "1.4 s" in say("en", "ev.listening.overlap", secs=1.4)
    assert "1,4 s" in say("sv", "ev.listening.overlap", secs=1.4)
    assert "1,4 s" in say("fi", "ev.listening.overlap", secs=1.4)
    assert "turn 12" in say("en", "tip.calm.argue", quote="“x”", turn=12)  # whole numbers as they are


def test_every_skill_has_a_name_in_every_pack():
    for code in PACKS:
        assert all(f"skill.{name}" in pack(code).tips for name in SKILLS), code


def test_the_judges_notes_follow_the_session_language(cards):
    lib = Library()
    silent = ScriptedModel([ModelError("no answer")], repeat=True)  # the card falls back, with a note
    for code in ("sv", "fi"):
        name = cards[code][0][0]
        t = next(t for n, t, _ in load_set(CALIBRATION) if n == name)
        card = grade(t, lib.personas.get(t.persona) if t.persona else None, judge=silent)
        assert say(code, "note.judge.failed", reason="no answer") in card.notes


def test_details_the_customer_gives_are_named_in_the_personas_language():
    for persona in Library().personas.values():
        for fact in persona.knows:
            label = fact_label(fact, persona.language)
            assert (persona.language == "en") == label.startswith("the "), (persona.id, fact.id, label)
            if persona.language != "en" and spelling.available(persona.language):
                assert spelling.unknown_words(label, persona.language) == [], (persona.id, label)


@pytest.mark.parametrize("persona_id, code", [("angry-caller-sv", "sv"), ("faulty-product-fi", "fi"),
                                              ("late-delivery", "en")])
def test_what_now_hints_are_in_the_personas_language(persona_id, code):
    persona = Library().personas[persona_id]
    state = initial(persona, seed=1)
    assert hints.hint(persona, state, None, "Hallo?") == say(code, "hint.first_question")
    assert hints.hint(persona, state, None, "Hallo.") == say(code, "hint.feeling")
    state.heard = True
    assert hints.hint(persona, state, None, "Hallo.") == say(code, "hint.offer")
    if code == "en":
        assert say(code, "hint.feeling") == "They have not heard you name how they feel yet."
