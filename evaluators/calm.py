"""Calm handling: composure and courtesy under pressure, owning the problem, steering to a solution.

Score (0-100) = base + what was done well − what went wrong, then capped.

Base 60 whatever the customer's mood: an angry customer is the trainee's task,
not their fault, so it neither costs nor earns credit by itself (a lower base for
tense conversations made the score track the customer instead of the trainee).

Credit: names and acknowledges the feeling (+18 the first time, +4 once more in
a later turn with substance; an apology that comes with an action, alone +4); takes responsibility (+12);
steers toward a solution (+10); keeps calm and acknowledges while the customer
swears or shouts, with no slip at all (+10).

Penalties (each kind counted once per turn): rudeness or mockery (−25), "calm
down" (−20), threats (−25), shouting in capitals or "!!!" (−15), blaming the
customer or colleagues (−15), dismissing ("nothing I can do", "it's in the
terms", −12), arguing back (−10); never acknowledging the feeling when the
customer is upset, an apology alone is not naming it (−10).  One hostile act (rudeness, calm down, threat, shouting)
caps the score at 55, two or more at 35.
"""

from __future__ import annotations

from roleplay.analysis import TurnAnalysis, find, signals
from roleplay.persona import Persona
from roleplay.transcript import Transcript

from .context import Context, Ledger, build, said
from .scorecard import SkillScore, turn_no

HOSTILE_ONE_CEILING = 55.0
HOSTILE_MORE_CEILING = 35.0

_NEGATIVE = (
    # field, points, note, tip (q: the quote, t: the turn number people see)
    ("rudeness", -25, "rude or mocking", "{q} (turn {t}) is rude. Whatever the customer says, keep to facts and "
                                         "what you can do."),
    ("calm_down", -20, "tells the customer to calm down",
     "Don't tell the customer to calm down ({q}, turn {t}). Name the feeling instead: "
     "“I can hear how angry you are, and you've every reason to be.”"),
    ("threat", -25, "threatens the customer", "{q} (turn {t}) is a threat. Never threaten to end the call or close "
                                              "the account; say what you will do to help."),
    ("shouting", -15, "shouting (capitals or !!!)", "Avoid capitals and “!!!” ({q}, turn {t}): in writing they read "
                                                    "as shouting."),
    ("blame", -15, "blames the customer or a colleague",
     "{q} (turn {t}) puts the blame on someone else. Take ownership: “That's on us, and I'm going to fix it.”"),
    ("dismissal", -12, "dismisses the problem",
     "{q} (turn {t}) closes the door on the customer. Say what you *can* do instead."),
    ("argue", -10, "argues back or gets defensive",
     "Don't argue back ({q}, turn {t}). Acknowledge what they said and move to what you can do."),
)


def score(transcript: Transcript, analyses: list[TurnAnalysis], persona: Persona | None = None,
          ctx: Context | None = None) -> SkillScore:
    ctx = ctx or build(transcript, persona, transcript.language, analyses)
    tension = bool(ctx.tension)
    L = Ledger(ctx, base=60)
    if not tension:
        L.note("the customer showed no tension, so there was little to handle")
    hostile_acts = 0
    slips = 0
    for a in ctx.analyses:
        for field, pts, note, tip in _NEGATIVE:
            for m in getattr(a, field)[:1]:
                L.add(field, pts, a.index, m.quote, note)
                L.tip(tip.format(q=said(m.quote), t=turn_no(a.index)), 1 if pts <= -20 else 2)
                slips += 1
                if field in ("rudeness", "calm_down", "threat", "shouting"):
                    hostile_acts += 1

    acknowledged = owned = steered = False
    for a in ctx.analyses:
        j = ctx.prev_customer(a.index)
        felt = any(t < a.index for t in ctx.tension) or (j is not None and len(a.echoed) >= 2)
        if a.empathy and not (a.hostile or a.blame) and felt and not a.stock_only:
            if not acknowledged:
                L.add("acknowledge", 18, a.index, a.empathy[0].quote, "names and acknowledges the feeling")
                acknowledged = True
            elif a.substantive and "acknowledge2" not in L.points:
                L.add("acknowledge2", 4, a.index, a.empathy[0].quote, "acknowledges the feeling again, with substance")
        if a.ownership and not owned and not (a.hostile or a.blame):
            L.add("ownership", 12, a.index, a.ownership[0].quote, "takes responsibility")
            owned = True
        steer = a.solution or [o for o in a.offers if not find(signals(ctx.language)["apology"], o.quote)] or a.dont_know
        if steer and not steered:
            L.add("steer", 10, a.index, steer[0].quote, "steers toward a solution")
            steered = True
    apologised = next((a for a in ctx.analyses if a.apology and not a.hostile and a.acts), None)
    if not acknowledged and apologised is not None:
        L.add("apology", 4, apologised.index, apologised.apology[0].quote, "apologises")
    if tension and not acknowledged:
        j = next(iter(ctx.tension))
        L.add("no_ack", -10)
        L.tip(f"The customer was upset ({said(ctx.text(j), 70)}, turn {turn_no(j)}) and you never acknowledged it. "
              "Name the feeling before you solve: “That's really frustrating, I'm sorry.”", 3)
    if ctx.hostile_customer and slips == 0 and acknowledged:
        j = ctx.hostile_customer[0]
        k = ctx.next_trainee(j)
        if k is not None:
            L.add("composure", 10, k, ctx.text(k),
                  f"stays calm and courteous while the customer is hostile (turn {turn_no(j)})")
        else:
            L.add("composure", 10)
    if not owned and ctx.analyses and tension:
        L.tip("Take ownership of the problem: “I'm going to sort this out for you.”", 6)
    if hostile_acts >= 2:
        L.ceiling = HOSTILE_MORE_CEILING
    elif hostile_acts == 1:
        L.ceiling = HOSTILE_ONE_CEILING
    return L.result()
