"""grade(): the deterministic grader, and the judge on top of it when one is given.

Runs the turn analysis once (`roleplay.analysis.analyse_transcript`, the same
findings the simulated customer reacts to), reads the conversation once
(`context.build`), hands both to each skill module, and combines:

    overall = Σ WEIGHTS[skill] × score   (the weights, and the figures behind them, in roleplay.skills)

passed = no blocker, overall >= 60, listening, honesty and calm each >= 40, and at least one
trainee turn that gives the customer something (an answer, a real question, an offer, a next step).
A blocker (from code only, never from the model) caps overall at 40.
"""

from __future__ import annotations

from roleplay.analysis import analyse_transcript
from roleplay.language_id import transcript_language
from roleplay.languages import say
from roleplay.languages.found import codes
from roleplay.model import CustomerModel
from roleplay.persona import Persona
from roleplay.skills import SKILLS, for_kind
from roleplay.transcript import Transcript

from importlib import import_module

from . import honesty
from .context import Context, build
from .judge import apply_judge
from .rubric import RUBRIC_VERSION, WEIGHTS, band, combine
from .scorecard import Scorecard, SkillScore

MODULES = {s.name: import_module(f"{__package__}.{s.module}") for s in SKILLS}


def resolve_language(transcript: Transcript, persona: Persona | None) -> tuple[str, str | None]:
    """The language to grade in, and a note when it was guessed or is not supported."""
    if persona is not None:
        lang = persona.language
    elif "language" in transcript.model_fields_set:
        lang = transcript.language.split("-")[0].lower()
    else:
        lang = transcript_language(" ".join(t.text for t in transcript.turns))
        if lang != "en":
            return lang, say(lang, "note.grade.guessed", lang=lang)
    if lang not in codes():
        return "en", say("en", "note.grade.unsupported", lang=lang)
    return lang, None


def grade_deterministic(transcript: Transcript, persona: Persona | None = None) -> tuple[Scorecard, Context]:
    lang, lang_note = resolve_language(transcript, persona)
    analyses = analyse_transcript(transcript.turns, persona, lang)
    ctx = build(transcript, persona, lang, analyses)
    names = [s.name for s in for_kind(persona.kind if persona is not None else None)]
    if analyses:
        skills = {name: MODULES[name].score(transcript, analyses, persona, ctx=ctx) for name in names}
    else:  # nothing the trainee said: nothing earns credit
        skills = {name: SkillScore(score=0.0, notes=[say(lang, "note.grade.no_turns_skill")]) for name in names}
    found = honesty.blockers(ctx)
    blockers = [text for text, _ in found]
    overall, passed = combine(skills, blockers)
    notes = []
    if lang_note:
        notes.append(lang_note)
    if persona is None:
        notes.append(say(lang, "note.grade.persona_missing", persona=transcript.persona) if transcript.persona
                     else say(lang, "note.grade.no_persona"))
    if not analyses:
        notes.append(say(lang, "note.grade.no_turns"))
        passed = False
    elif passed and not any(a.substantive for a in analyses):
        passed = False
        notes.append(say(lang, "note.grade.nothing_given"))
    if blockers:
        notes.append(say(lang, "note.grade.blocker"))
    card = Scorecard(
        overall=overall, skills=skills, blockers=blockers, blocker_evidence=[e for _, e in found], passed=passed,
        rubric_version=RUBRIC_VERSION, grader="deterministic", model=None, language=lang,
        persona=persona.id if persona is not None else None, band=band(overall), notes=notes, weights=dict(WEIGHTS),
    )
    return card, ctx


def grade(transcript: Transcript, persona: Persona | None = None, judge: CustomerModel | None = None) -> Scorecard:
    """Grade one transcript.  `judge` is None (deterministic, offline, fast) or a model (roleplay.model)."""
    card, ctx = grade_deterministic(transcript, persona)
    if judge is None:
        return card
    return apply_judge(card, transcript, persona, judge, ctx)
