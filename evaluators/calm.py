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

from roleplay.findings import TurnAnalysis
from roleplay.lexicon import signals
from roleplay.matching import find
from roleplay.persona import Persona
from roleplay.transcript import Transcript

from .context import Context, Ledger, build
from .scorecard import SkillScore, turn_no

HOSTILE_ONE_CEILING = 55.0
HOSTILE_MORE_CEILING = 35.0

# field, points (the words: tip.calm.<field> and ev.calm.<field>)
_NEGATIVE = (("rudeness", -25), ("calm_down", -20), ("threat", -25), ("shouting", -15), ("blame", -15),
             ("dismissal", -12), ("argue", -10))


def score(transcript: Transcript, analyses: list[TurnAnalysis], persona: Persona | None = None,
          ctx: Context | None = None) -> SkillScore:
    ctx = ctx or build(transcript, persona, transcript.language, analyses)
    tension = bool(ctx.tension)
    L = Ledger(ctx, base=60)
    if not tension:
        L.note(ctx.say("note.calm.no_tension"))
    hostile_acts = 0
    slips = 0
    for a in ctx.analyses:
        for field, pts in _NEGATIVE:
            for m in getattr(a, field)[:1]:
                L.add(field, pts, a.index, m.quote, ctx.say(f"ev.calm.{field}"))
                L.tip(ctx.say(f"tip.calm.{field}", quote=ctx.said(m.quote), turn=turn_no(a.index)),
                      1 if pts <= -20 else 2)
                slips += 1
                if field in ("rudeness", "calm_down", "threat", "shouting"):
                    hostile_acts += 1

    acknowledged = owned = steered = False
    apology = signals(ctx.language)["apology"]
    for a in ctx.analyses:
        j = ctx.prev_customer(a.index)
        felt = any(t < a.index for t in ctx.tension) or (j is not None and len(a.echoed) >= 2)
        if a.empathy and not (a.hostile or a.blame) and felt and not a.stock_only:
            if not acknowledged:
                L.add("acknowledge", 18, a.index, a.empathy[0].quote, ctx.say("ev.calm.acknowledge"))
                acknowledged = True
            elif a.substantive and "acknowledge2" not in L.points:
                L.add("acknowledge2", 4, a.index, a.empathy[0].quote, ctx.say("ev.calm.acknowledge2"))
        if a.ownership and not owned and not (a.hostile or a.blame):
            L.add("ownership", 12, a.index, a.ownership[0].quote, ctx.say("ev.calm.ownership"))
            owned = True
        if not steered:
            steer = a.solution or [o for o in a.offers if not find(apology, o.quote)] or a.dont_know
            if steer:
                L.add("steer", 10, a.index, steer[0].quote, ctx.say("ev.calm.steer"))
                steered = True
    apologised = next((a for a in ctx.analyses if a.apology and not a.hostile and a.acts), None)
    if not acknowledged and apologised is not None:
        L.add("apology", 4, apologised.index, apologised.apology[0].quote, ctx.say("ev.apologises"))
    if tension and not acknowledged:
        j = next(iter(ctx.tension))
        L.add("no_ack", -10)
        L.tip(ctx.say("tip.calm.no_ack", said=ctx.said(ctx.text(j), 70), turn=turn_no(j)), 3)
    if ctx.hostile_customer and slips == 0 and acknowledged:
        j = ctx.hostile_customer[0]
        k = ctx.next_trainee(j)
        if k is not None:
            L.add("composure", 10, k, ctx.text(k),
                  ctx.say("ev.calm.composure", turn=turn_no(j)))
        else:
            L.add("composure", 10)
    if not owned and ctx.analyses and tension:
        L.tip(ctx.say("tip.calm.ownership"), 6)
    if hostile_acts >= 2:
        L.ceiling = HOSTILE_MORE_CEILING
    elif hostile_acts == 1:
        L.ceiling = HOSTILE_ONE_CEILING
    return L.result()
