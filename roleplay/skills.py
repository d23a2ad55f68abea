"""The skills and the pass rule, in one place: what a practice session is graded on.

Each skill: name, weight in `overall`, grader module (evaluators.<module>), persona kinds, how the
judge sees it.  Adding or reweighting a skill touches this file only: the evaluators (grader,
rubric, scorecard, judge, report), the pass marks of assignments, the xAPI statements and the web
app (roleplay/web/render.py, theme.py) read it.  It lives in the core, below the evaluators, because
the core records and checks against it (the rubric version on every session, pass marks per skill)
and the core imports no evaluator.

The weights are fitted to people.  On the STC-3 dev set (../shared/data/stc3-dev.json: 1,272
real helpdesk dialogues, each rated by 19 people; annotations by the NTCIR-14 STC-3 team,
CC BY 4.0) they are the convex combination, on a 0.05 grid with every weight at least 0.05,
whose Spearman ρ with the raters' mean effectiveness (E) is highest.  Figures (reproduce with
`python -m evaluators.calibration --stc3 ../shared/data/stc3-dev.json`):

    ρ(skill, mean E)     listening 0.25  honesty 0.16  calm 0.15  empathy 0.09
                         resolution 0.37  outcome 0.53
    ρ(overall, mean E)   0.57 with these weights; 5-fold cross-validated (weights fitted on
                         four folds, ρ on the fifth) 0.56 (folds 0.58 0.51 0.58 0.55 0.59).
                         Before: 0.22 with listening 0.30, honesty 0.25, calm 0.25,
                         empathy 0.10, resolution 0.10
    people               one rater vs the other 18: 0.45 (0.04-0.69); split halves: 0.74

Neighbouring weightings on the grid reach within 0.005 of these; a refit after a rule change
may move a 0.05 between listening, calm and outcome without changing the picture.

Resolution and outcome lead because that is what people reward: the problem moved forward
and the customer ending satisfied.  The floor keeps every skill on the scorecard and in
`overall`: honesty needs a policy sheet to show, and that data has none.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Kind = Literal["service", "sales"]


class Skill(BaseModel):
    name: str
    weight: float = Field(ge=0, le=1, description="share of overall")
    module: str = Field(description="the grader: evaluators.<module>.score(transcript, analyses, persona, ctx)")
    kinds: tuple[Kind, ...] = ("service", "sales")  # the persona kinds it is graded for (all without a persona)
    core: bool = False  # must reach SKILL_FLOOR to pass
    judge: Literal["evidence", "score", None] = None  # the model judge: scores with quotes, a bare score, or not asked
    colour: str = "#3d5a80"
    rubric: str = Field(description="what the skill asks, for the model judge")


SKILLS: tuple[Skill, ...] = (
    Skill(name="listening", weight=0.05, module="listening", core=True, judge="evidence", colour="#1f6f8b",
          rubric="lets the customer finish; asks open and clarifying questions (not for personal details that do not "
                 "help); says back what the customer said; picks up what lies behind the request; never asks again for "
                 "something the customer already gave; answers what was actually asked; never sends the same reply "
                 "twice. Stock phrases (\"I hear you\", \"I understand\") without substance earn nothing."),
    Skill(name="honesty", weight=0.05, module="honesty", core=True, judge="evidence", colour="#6a4c93",
          rubric="claims about products, prices, discounts, delivery and policy are true and allowed; nothing is "
                 "promised that the policy does not allow; no pressure tactics (made-up deadlines, \"sign now\"); says "
                 "\"I don't know, I'll check\" instead of inventing; answers the customer's questions instead of rushing "
                 "past."),
    Skill(name="calm", weight=0.10, module="calm", core=True, judge="evidence", colour="#2e8b57",
          rubric="stays calm and polite under hostility; names and acknowledges the feeling; does not argue, blame the "
                 "customer or colleagues, mock, threaten, shout or say \"calm down\"; takes responsibility; steers to a "
                 "solution."),
    Skill(name="empathy", weight=0.05, module="empathy", judge="score", colour="#d17a22",
          rubric="the customer feels understood as a person; acknowledgements are specific, not repeated stock lines; "
                 "an apology counts when it comes with an action, \"sorry for the inconvenience\" instead of one does "
                 "not."),
    Skill(name="resolution", weight=0.30, module="resolution", judge="score", colour="#3d5a80",
          rubric="the customer's problem moves forward within the policy: concrete steps, a cause and a fix, or a "
                 "commitment with a what and a when; not \"passed to the relevant department, please wait\"."),
    Skill(name="outcome", weight=0.45, module="outcome", colour="#8a6d3b",
          rubric="how the customer ends up: thanks or \"it works now\", not a question, a complaint or leaving."),
)

# The rubric's version, recorded on every session and scorecard: raise it when a skill, a weight,
# the pass rule or how a skill is graded changes.
RUBRIC_VERSION = "roleplay-rubric-2.0"
PASS_MARK = 60.0  # overall, to pass
SKILL_FLOOR = 40.0  # every core skill, to pass

BY_NAME: dict[str, Skill] = {s.name: s for s in SKILLS}
ORDER: tuple[str, ...] = tuple(s.name for s in SKILLS)
CORE: tuple[str, ...] = tuple(s.name for s in SKILLS if s.core)
WEIGHTS: dict[str, float] = {s.name: s.weight for s in SKILLS}


def for_kind(kind: str | None) -> tuple[Skill, ...]:
    """The skills graded for a persona kind (every skill when there is no persona)."""
    return tuple(s for s in SKILLS if kind is None or kind in s.kinds)


def judged(how: str) -> tuple[str, ...]:
    """The skills the model judge scores with evidence ("evidence") or as a bare score ("score")."""
    return tuple(s.name for s in SKILLS if s.judge == how)
