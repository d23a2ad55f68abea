"""What one trainee turn does, as findings with the verbatim quote each rests on.

The simulated customer's state moves on these findings and the evaluators grade on the same
ones, so the customer reacts to exactly what gets graded (analysis.py fills them in).
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class Match(BaseModel):
    quote: str  # verbatim from the turn
    item: str = ""  # policy item / fact id where relevant
    note: str = ""


class TurnAnalysis(BaseModel):
    index: int
    words: int = 0
    empathy: list[Match] = Field(default_factory=list)
    stock_empathy: bool = False  # the same acknowledgement used before: it no longer counts
    apology: list[Match] = Field(default_factory=list)
    ownership: list[Match] = Field(default_factory=list)
    open_questions: list[Match] = Field(default_factory=list)
    closed_questions: list[Match] = Field(default_factory=list)
    reflection: list[Match] = Field(default_factory=list)  # says back the customer's substance
    stock_listening: list[Match] = Field(default_factory=list)  # "I hear you" with nothing behind it
    echoed: list[str] = Field(default_factory=list)  # customer content words taken up
    asked_again: list[Match] = Field(default_factory=list)  # asked for a fact the customer already gave
    asked_for: list[str] = Field(default_factory=list)  # facts of the persona asked for, not yet given
    withdrawn: list[Match] = Field(default_factory=list)  # an earlier offer now declined: a contradiction
    customer_question: str | None = None  # the question the customer had just asked
    answered: bool | None = None  # None when the customer had asked nothing
    rudeness: list[Match] = Field(default_factory=list)
    calm_down: list[Match] = Field(default_factory=list)
    dismissal: list[Match] = Field(default_factory=list)
    blame: list[Match] = Field(default_factory=list)
    threat: list[Match] = Field(default_factory=list)
    shouting: list[Match] = Field(default_factory=list)
    pressure: list[Match] = Field(default_factory=list)
    belittling: list[Match] = Field(default_factory=list)  # making light of the customer's loss
    sarcasm: list[Match] = Field(default_factory=list)
    reason: list[Match] = Field(default_factory=list)  # a because-clause: the why behind a no
    dont_know: list[Match] = Field(default_factory=list)
    solution: list[Match] = Field(default_factory=list)
    offers: list[Match] = Field(default_factory=list)  # allowed policy items offered
    breaches: list[Match] = Field(default_factory=list)  # forbidden items promised or claimed
    triggers: list[Match] = Field(default_factory=list)  # persona-specific; note holds the delta
    unlocked: list[str] = Field(default_factory=list)  # hidden facts earned this turn
    injection: list[Match] = Field(default_factory=list)
    # Added for the evaluators (the customer's state does not use them).
    argue: list[Match] = Field(default_factory=list)  # contradicting, defending, "as I said"
    overclaim: list[Match] = Field(default_factory=list)  # "I guarantee", "definitely", "never again"
    refusals: list[Match] = Field(default_factory=list)  # a forbidden item named and clearly declined: an honest no
    unlisted: list[Match] = Field(default_factory=list)  # a price or percentage the policy sheet does not give
    questions: list[str] = Field(default_factory=list)  # the customer's real questions this turn answers to
    unanswered: list[str] = Field(default_factory=list)  # of those, the ones this turn does not address
    confirmed: list[Match] = Field(default_factory=list)  # a detail the customer gave, said back to confirm it
    echoed_earlier: list[str] = Field(default_factory=list)  # content words from earlier customer turns taken up
    cut_off: bool = False  # the customer's last message looked unfinished when this turn came
    stock_only: bool = False  # stock phrases and nothing else for the customer
    # Solving (lexicon.SOLVING): what the turn does about the problem, and the stock lines that stand in for it.
    steps: list[Match] = Field(default_factory=list)  # a step the customer can take, or a fix already made
    cause: list[Match] = Field(default_factory=list)  # why it happened
    commitment: list[Match] = Field(default_factory=list)  # a sentence with a what and a when
    deferral: list[Match] = Field(default_factory=list)  # "passed on, please wait" with no when
    courtesy: list[Match] = Field(default_factory=list)  # "sorry for the inconvenience", "thanks for your support"
    details_request: list[Match] = Field(default_factory=list)  # personal details or a private message asked for
    repeats: int | None = None  # the earlier trainee turn this one says again, nearly word for word

    @property
    def hostile(self) -> bool:
        return bool(self.rudeness or self.calm_down or self.threat or self.shouting or self.belittling
                    or self.sarcasm)

    @property
    def substantive(self) -> bool:
        """Gives the customer something: an answer, an offer, a real question, their own words back, a next step."""
        return bool(
            self.reflection or self.open_questions or self.offers or self.solution or self.ownership
            or self.dont_know or self.answered or self.steps or self.commitment
        )

    @property
    def acts(self) -> bool:
        """Does something about the problem (a step, a fix, a commitment, an offer, an answer, a real question)?
        An apology or a thank-you only counts alongside one of these."""
        return bool(self.substantive or self.cause or self.closed_questions) and self.repeats is None
