"""Evaluators: grade a practice transcript on listening, honesty, calm, empathy, resolution and outcome.

    from evaluators import grade, render_text
    card = grade(transcript, persona)            # deterministic, offline, fast
    card = grade(transcript, persona, judge=mc)  # plus a language model as judge (a roleplay.model.CustomerModel)
    card.to_json()                               # follows ../shared/contracts/scorecard.schema.json

One module per skill, listed with its weight in the registry `roleplay.skills`; voice timing in
`timing`, the bands and pass rules in `rubric`, the judge in `judge`, the report in `report`,
agreement with people on rated helpdesk dialogues in `stc3`.
"""

from .grader import MODULES, grade
from .report import render_text
from .rubric import PASS_MARK, RUBRIC_VERSION, WEIGHTS, combine
from .scorecard import Evidence, Scorecard, SkillScore

__all__ = ["grade", "render_text", "Scorecard", "SkillScore", "Evidence", "WEIGHTS", "RUBRIC_VERSION", "PASS_MARK",
           "MODULES", "combine"]
