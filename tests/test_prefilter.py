"""The pattern pre-filter: never skips a pattern that matches, and says so loudly if Python's parser goes away."""

from __future__ import annotations

from roleplay import prefilter
from roleplay.lexicon import signals, solving
from roleplay.library import Library
from roleplay.matching import rx

from evaluators.calibration import load_set


def test_the_private_parser_it_reads_is_there():
    """Without re._parser every pattern runs on every text: right, but several times slower. Fail here
    rather than find out from the benchmark."""
    assert prefilter._P is not None and prefilter._C is not None
    assert prefilter.anchors_of(r"\bsorry (for|about) (that|the wait)\b") == ("sorry ",)
    assert set(prefilter.anchors_of(r"\b(refund|credit) (it|you)\b")) == {"refund", "credit"}


def _groups(library: Library, language: str) -> list[list[str]]:
    groups = [*signals(language).values(), *solving(language).values()]
    for p in library.personas.values():
        if p.language == language:
            groups += [i.patterns for i in (*p.policy.allowed, *p.policy.forbidden, *p.temperament.triggers)]
            groups += [f.ask for f in p.knows] + [h.topics for h in p.hidden_facts]
    return [g for g in groups if g]


def test_it_keeps_every_pattern_that_matches_over_the_calibration_turns():
    """Brute force: run every pattern of a language on every turn of the calibration set in that language;
    any pattern that matches must be among the pre-filter's candidates (else a finding would silently go
    missing)."""
    library = Library()
    texts: dict[str, set[str]] = {}
    for _, transcript, _ in load_set():
        texts.setdefault(transcript.language, set()).update(t.text for t in transcript.turns if t.text.strip())
    compared, missed = 0, []
    for language, some in texts.items():
        for group in _groups(library, language):
            for text in some:
                chosen = set(prefilter.candidates(group, text))
                for p in group:
                    compared += 1
                    if p not in chosen and rx(p).search(text):
                        missed.append((p, text))
    assert compared > 100_000 and not missed[:5]


def test_a_group_registered_later_is_seen_in_a_text_scanned_before():
    """A trainer's edit brings a new group whose anchors are all known already; a line graded before the
    edit must not keep its cached hits for it (the edited persona's offer would go unseen)."""
    text = "i can refund the shipping for you today."
    assert prefilter.candidates([r"\brefund the shipping\b"], text) == [r"\brefund the shipping\b"]
    edited = [r"\brefund (the )?shipping\b", r"\bshipping\b"]
    assert prefilter.candidates(edited, text) == edited


def test_a_pattern_is_not_tried_on_a_text_that_lacks_another_string_it_needs():
    """The anchor (its longest required string) is found, but not every other string the pattern needs: no regex
    runs.  The brute-force test above holds that this never drops a pattern that matches."""
    pattern = r"\bsorry (for|about) the wait\b"
    assert prefilter.anchors_of(pattern) == (" the wait",)
    assert set(prefilter.also_needed(pattern)) == {("sorry ",), ("about", "for")}
    assert prefilter.candidates([pattern], "Thanks for the wait, here it is.") == []
    assert prefilter.candidates([pattern], "So sorry for the wait!") == [pattern]
