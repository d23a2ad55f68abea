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

from roleplay.findings import TurnAnalysis
from roleplay.persona import Persona
from roleplay.transcript import Transcript

from .context import Context, Ledger, build
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
            L.add("goal_ev", 0, turn, quote, ctx.say("ev.resolution.goal", goal=g.text), effect="+")
        for g in goals:
            if g not in met:
                options = [p.text for p in persona.policy.allowed if p.id in g.met_by]
                L.tip(ctx.say("tip.resolution.goal", goal=g.text, options="; ".join(options)), 2)
        L.note(ctx.say("note.resolution.goals", met=len(met), total=len(goals)))
    else:
        steer = next(((a, (a.steps or a.commitment or a.solution or a.offers or a.ownership or a.dont_know)[0])
                      for a in ctx.analyses
                      if (a.steps or a.commitment or a.solution or a.offers or a.ownership or a.dont_know)
                      and not a.breaches and not a.hostile),
                     None)
        if steer:
            a, m = steer
            L.add("solution", 25, a.index, m.quote, ctx.say("ev.resolution.solution"))
        else:
            L.tip(ctx.say("tip.resolution.concrete"), 2)

    own = next((a for a in ctx.analyses if a.ownership and not a.hostile and not a.breaches), None)
    if own is not None:
        L.add("ownership", 10, own.index, own.ownership[0].quote, ctx.say("ev.resolution.ownership"))
    commit = next((a for a in ctx.analyses if a.commitment and not a.hostile and not a.breaches), None)
    if commit is not None:
        L.add("commitment", 10, commit.index, commit.commitment[0].quote, ctx.say("ev.resolution.commitment"))
    fix = next((a for a in ctx.analyses if a.cause and (a.steps or a.solution or a.offers or a.commitment)), None)
    if fix is not None:
        L.add("cause", 10, fix.index, fix.cause[0].quote, ctx.say("ev.resolution.cause"))
    asked = [q for q in ctx.questions if q.reply_turn is not None and not q.complaint]
    if asked and all(q.answered_at is not None for q in asked):
        q = asked[-1]
        L.add("answered", 10, q.answered_at, ctx.text(q.answered_at), ctx.say("ev.resolution.answered"))
    check = next((a for a in ctx.analyses if a.dont_know), None)
    if check is not None:
        L.add("check", 5, check.index, check.dont_know[0].quote, ctx.say("ev.resolution.check"))

    for a in ctx.analyses:
        for m in a.dismissal[:1]:
            if not (a.solution or a.offers):
                L.add("dismissal", -12, a.index, m.quote, ctx.say("ev.resolution.dismissal"))
                L.tip(ctx.say("tip.resolution.dismissal", quote=ctx.said(m.quote), turn=turn_no(a.index)), 1)
        for m in a.breaches[:1]:
            L.add("breach", -10, a.index, m.quote, ctx.say("ev.resolution.breach"))
        for m in a.deferral[:1]:
            L.add("deferral", -10, a.index, m.quote, ctx.say("ev.resolution.deferral"))
            L.tip(ctx.say("tip.resolution.deferral", quote=ctx.said(m.quote), turn=turn_no(a.index)), 2)
        for m in a.details_request[:1]:
            if not a.acts:
                L.add("details", -6, a.index, m.quote, ctx.say("ev.resolution.details"))
                L.tip(ctx.say("tip.resolution.details", turn=turn_no(a.index), quote=ctx.said(m.quote, 60)), 3)
        if a.repeats is not None:
            L.add("repeat", -10, a.index, ctx.text(a.index), ctx.say("ev.resolution.repeat", first=turn_no(a.repeats)))
            L.tip(ctx.say("tip.resolution.repeat", turn=turn_no(a.index), first=turn_no(a.repeats)), 1)

    if ctx.ending == "accepted":
        if breached:
            L.note(ctx.say("note.resolution.accepted_breach"))
        else:
            L.add("accepted", 15, ctx.ending_turn, ctx.ending_quote, ctx.say("ev.resolution.accepted"))
    elif ctx.ending == "left":
        L.add("left", -15, ctx.ending_turn, ctx.ending_quote, ctx.say("ev.left"))
        L.tip(ctx.say("tip.resolution.left", quote=ctx.said(ctx.ending_quote), turn=turn_no(ctx.ending_turn)), 1)
    elif ctx.ending == "resigned":
        L.add("resigned", -5, ctx.ending_turn, ctx.ending_quote, ctx.say("ev.resigned"))
        L.tip(ctx.say("tip.resolution.resigned", quote=ctx.said(ctx.ending_quote), turn=turn_no(ctx.ending_turn)), 3)
    elif ctx.ending == "undecided":
        L.note(ctx.say("note.resolution.undecided"))
    return L.result()
