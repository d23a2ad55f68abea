"""Resolution: does the conversation end with the customer's problem moved forward, within the rules?

Score (0-100) = min(100, 25 + credit) − penalties.

Credit: with a persona that has goals, 40 × the share of the customer's goals
met by offers the policy allows (an allowed item inside a promise the policy
forbids does not count); without one, 25 for a concrete solution, step or fix.
Taking ownership of a next step (+10); a commitment with a what and a when
("I've booked a technician for tomorrow between 9 and 12", +10); the cause
explained alongside the fix (+10); "I'll check and get back to you" (+5); the
customer accepts at the end (+15).

Penalties: the customer gives up or leaves (−15); the customer ends resigned
("I guess not", −5); dismissing without an alternative (−12 each, max −24);
promises outside the policy, which cannot be kept (−10 each, max −20), and then
the customer's acceptance earns nothing; passing it on with no what and no
when ("forwarded to the relevant department, please wait patiently", −10 each,
max −20); asking for personal details or a private message in a turn that
does nothing else yet (−6 each, max −12); sending the same reply again (−10
each, max −20).  People who rated real helpdesk dialogues punish all three.
"""

from __future__ import annotations

from roleplay.analysis import TurnAnalysis
from roleplay.persona import Persona
from roleplay.transcript import Transcript

from .context import Context, Ledger, build, said
from .scorecard import SkillScore, turn_no


def score(transcript: Transcript, analyses: list[TurnAnalysis], persona: Persona | None = None,
          ctx: Context | None = None) -> SkillScore:
    ctx = ctx or build(transcript, persona, transcript.language, analyses)
    goals = persona.goals if persona is not None else []
    L = Ledger(ctx, base=25)
    L.cap("dismissal", -24, 0)
    L.cap("breach", -20, 0)
    for key in ("deferral", "repeat"):
        L.cap(key, -20, 0)
    L.cap("details", -12, 0)
    breached = any(a.breaches or any(m.item == "offer" for m in a.unlisted) for a in ctx.analyses)

    offered: dict[str, tuple[int, str]] = {}
    for a in ctx.analyses:
        bad = {m.quote for m in a.breaches} | {m.quote for m in a.unlisted if m.item == "offer"}
        for m in a.offers:
            if m.quote not in bad:
                offered.setdefault(m.item, (a.index, m.quote))
    if goals:
        met = [g for g in goals if any(i in offered for i in g.met_by)]
        L.add("goals", 40 * len(met) / len(goals))
        for g in met:
            i = next(i for i in g.met_by if i in offered)
            turn, quote = offered[i]
            L.add("goal_ev", 0, turn, quote, f"meets the customer's goal: {g.text}", effect="+")
        for g in goals:
            if g not in met:
                options = [p.text for p in persona.policy.allowed if p.id in g.met_by]
                L.tip(f"The customer's need “{g.text}” was not met. The policy lets you offer: {'; '.join(options)}.", 2)
        L.note(f"{len(met)} of {len(goals)} customer goals met with offers the policy allows")
    else:
        steer = next(((a, (a.steps or a.commitment or a.solution or a.offers or a.ownership or a.dont_know)[0])
                      for a in ctx.analyses
                      if (a.steps or a.commitment or a.solution or a.offers or a.ownership or a.dont_know)
                      and not a.breaches and not a.hostile),
                     None)
        if steer:
            a, m = steer
            L.add("solution", 25, a.index, m.quote, "offers a concrete solution or next step")
        else:
            L.tip("Offer something concrete: a next step, an option, or what you will do and when.", 2)

    own = next((a for a in ctx.analyses if a.ownership and not a.hostile and not a.breaches), None)
    if own is not None:
        L.add("ownership", 10, own.index, own.ownership[0].quote, "commits to a next step")
    commit = next((a for a in ctx.analyses if a.commitment and not a.hostile and not a.breaches), None)
    if commit is not None:
        L.add("commitment", 10, commit.index, commit.commitment[0].quote, "commits to what happens and when")
    fix = next((a for a in ctx.analyses if a.cause and (a.steps or a.solution or a.offers or a.commitment)), None)
    if fix is not None:
        L.add("cause", 10, fix.index, fix.cause[0].quote, "explains the cause alongside the fix")
    asked = [q for q in ctx.questions if q.reply_turn is not None and not q.complaint]
    if asked and all(q.answered_at is not None for q in asked):
        q = asked[-1]
        L.add("answered", 10, q.answered_at, ctx.text(q.answered_at), "answers what the customer asked")
    check = next((a for a in ctx.analyses if a.dont_know), None)
    if check is not None:
        L.add("check", 5, check.index, check.dont_know[0].quote, "will find out and come back")

    for a in ctx.analyses:
        for m in a.dismissal[:1]:
            if not (a.solution or a.offers):
                L.add("dismissal", -12, a.index, m.quote, "closes the door without an alternative")
                L.tip(f"{said(m.quote)} (turn {turn_no(a.index)}) leaves the customer with nothing. "
                      "Follow a “no” with what you can do.", 1)
        for m in a.breaches[:1]:
            L.add("breach", -10, a.index, m.quote, "a promise outside the policy cannot be kept")
        for m in a.deferral[:1]:
            L.add("deferral", -10, a.index, m.quote, "passes it on with no what and no when")
            L.tip(f"{said(m.quote)} (turn {turn_no(a.index)}) leaves the customer waiting for nothing in particular. "
                  "Say what will happen and when: “A technician will call you before 6 pm today.”", 2)
        for m in a.details_request[:1]:
            if not a.acts:
                L.add("details", -6, a.index, m.quote, "asks for personal details before giving anything")
                L.tip(f"In turn {turn_no(a.index)} you asked for details ({said(m.quote, 60)}) and gave nothing yet. "
                      "Help with what you can first, then ask only for what you need.", 3)
        if a.repeats is not None:
            L.add("repeat", -10, a.index, ctx.text(a.index), f"the same reply as turn {turn_no(a.repeats)}")
            L.tip(f"Turn {turn_no(a.index)} repeats turn {turn_no(a.repeats)}. If the first answer did not help, "
                  "try something else or say what you will find out.", 1)

    if ctx.ending == "accepted":
        if breached:
            L.note("the customer accepted a promise the policy does not allow: that is not a resolution")
        else:
            L.add("accepted", 15, ctx.ending_turn, ctx.ending_quote, "the customer accepts the outcome")
    elif ctx.ending == "left":
        L.add("left", -15, ctx.ending_turn, ctx.ending_quote, "the customer leaves unresolved")
        L.tip(f"The conversation ended with {said(ctx.ending_quote)} (turn {turn_no(ctx.ending_turn)}). "
              "Before it gets there, summarise what you can do and check it works for them.", 1)
    elif ctx.ending == "resigned":
        L.add("resigned", -5, ctx.ending_turn, ctx.ending_quote, "the customer ends resigned rather than satisfied")
        L.tip(f"The customer ended with {said(ctx.ending_quote)} (turn {turn_no(ctx.ending_turn)}): "
              "they went along with it but weren't satisfied. Check before closing: “Does that work for you?”", 3)
    elif ctx.ending == "undecided":
        L.note("the customer has not decided yet")
    return L.result()
