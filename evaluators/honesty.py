"""Honesty: what the trainee claims and promises is true and allowed, and the customer is not pushed.

Score (0-100) = 75 + what was done well − what went wrong, then capped.

Plus (capped): saying plainly what is not possible (a forbidden item named and
declined, +6 each, max 12); "I don't know, I'll check" instead of guessing (+8,
max 12); offers the policy allows (+3 each, max 6); every question answered
(two or more, +5).

Minus: a promise or claim the policy forbids, or an offer of a figure that is
not on the policy sheet, is a BLOCKER (the session fails whatever the scores)
and costs 30 (max 60), with honesty capped at 25; a price or percentage that is
not on the sheet (−10, max −20); pressure tactics: made-up deadlines, "sign now",
"you'll regret it" (−20 each, max −40); unsupported guarantees (−8, max −16); a
question left unanswered (−10, max −30), more when the same turn pushes for the
sale (−8) or dodges it with a sales line ("trusted by thousands", −6, max −12).
Complaints in question form ("Surely…?", "That's it?") are listening's business, not honesty's.

Without a persona there is no policy sheet: no policy checks, and a note says so.
Instructions to the grader inside the transcript are noted and change nothing.
"""

from __future__ import annotations

from roleplay.findings import TurnAnalysis
from roleplay.lexicon import signals
from roleplay.matching import find
from roleplay.persona import Persona
from roleplay.transcript import Transcript

from .context import Context, Ledger, build
from .scorecard import Evidence, SkillScore, turn_no

BLOCKER_CEILING = 25.0


def blockers(ctx: Context) -> list[tuple[str, Evidence]]:
    """Promises and claims outside the policy: each fails the session.  Only code decides these."""
    out = []
    for a in ctx.analyses:
        for m in a.breaches:
            out.append((ctx.say("blocker.breach", turn=turn_no(a.index), quote=ctx.said(m.quote, 120), what=m.note),
                        Evidence(turn=a.index, quote=m.quote, note=ctx.say("ev.blocker.breach", what=m.note),
                                 effect="-")))
        for m in a.unlisted:
            if m.item == "offer":
                out.append((ctx.say("blocker.offer", turn=turn_no(a.index), what=m.note, quote=ctx.said(m.quote, 100)),
                            Evidence(turn=a.index, quote=m.quote, note=ctx.say("ev.blocker.offer", what=m.note),
                                     effect="-")))
    return [(t, e) for t, e in out if e.quote in ctx.text(e.turn)]


def _allowed_list(persona: Persona) -> str:
    items = [i.text for i in persona.policy.allowed][:3]
    return "; ".join(items)


def score(transcript: Transcript, analyses: list[TurnAnalysis], persona: Persona | None = None,
          ctx: Context | None = None) -> SkillScore:
    ctx = ctx or build(transcript, persona, transcript.language, analyses)
    L = Ledger(ctx, base=75)
    for key, lo, hi in (("refusal", 0, 12), ("check", 0, 12), ("offer", 0, 6), ("breach", -60, 0),
                        ("unlisted", -20, 0), ("pressure", -40, 0), ("overclaim", -16, 0), ("unanswered", -30, 0),
                        ("rushed", -16, 0), ("deflect", -12, 0)):
        L.cap(key, lo, hi)
    sig = signals(ctx.language)
    if persona is None:
        L.note(ctx.say("note.honesty.no_policy"))
    else:
        L.note(ctx.say("note.honesty.policy", persona=persona.id))

    breach_turns = set()
    for a in ctx.analyses:
        by_quote: dict[str, list[str]] = {}
        for m in a.breaches:
            breach_turns.add(a.index)
            L.add("breach", -30, a.index, m.quote, ctx.say("ev.honesty.breach", what=m.note))
            by_quote.setdefault(m.quote, []).append(m.note)
        for quote, notes in by_quote.items():
            alt = (ctx.say("tip.honesty.may_offer", items=_allowed_list(persona))
                   if persona and persona.policy.allowed else "")
            L.tip(ctx.say("tip.honesty.breach", turn=turn_no(a.index), quote=ctx.said(quote), what="; ".join(notes),
                          alternatives=alt), 0)
        for m in a.unlisted:
            if m.item == "offer":
                breach_turns.add(a.index)
                L.add("breach", -30, a.index, m.quote, ctx.say("ev.honesty.offer_unlisted", what=m.note))
                L.tip(ctx.say("tip.honesty.offer_unlisted", turn=turn_no(a.index), what=m.note), 0)
            else:
                L.add("unlisted", -10, a.index, m.quote, ctx.say("ev.honesty.unlisted", what=m.note))
                L.tip(ctx.say("tip.honesty.unlisted", what=m.note, turn=turn_no(a.index)), 3)
        for m in a.pressure:
            L.add("pressure", -20, a.index, m.quote, ctx.say("ev.honesty.pressure"))
            L.tip(ctx.say("tip.honesty.pressure", quote=ctx.said(m.quote), turn=turn_no(a.index)), 1)
        if a.index not in breach_turns:
            offers_here = bool(a.offers)
            for m in a.overclaim:
                if persona is not None and offers_here:
                    continue  # "48 hours is what I can guarantee" about an allowed offer
                L.add("overclaim", -8, a.index, m.quote, ctx.say("ev.honesty.overclaim"))
                L.tip(ctx.say("tip.honesty.overclaim", quote=ctx.said(m.quote), turn=turn_no(a.index)), 4)
        for m in a.refusals:
            L.add("refusal", 6, a.index, m.quote, ctx.say("ev.honesty.refusal", what=m.note))
        for m in a.dont_know[:1]:
            L.add("check", 8, a.index, m.quote, ctx.say("ev.honesty.check"))
        broken = {m.quote for m in a.breaches} | {m.quote for m in a.unlisted if m.item == "offer"}
        for m in a.offers:
            if m.quote not in broken:
                L.add("offer", 3, a.index, m.quote, ctx.say("ev.honesty.offer", what=m.note))
        for m in a.injection:
            L.add("injection", 0, a.index, m.quote, ctx.say("ev.honesty.injection"), effect="-")
            L.note(ctx.say("note.honesty.injection"))

    # Questions: answered, or rushed past?
    qs = [q for q in ctx.questions if q.reply_turn is not None and not q.complaint]
    for q in qs:
        if q.answered_at is not None:
            continue
        L.add("unanswered", -10, q.turn, q.text, ctx.say("ev.unanswered"))
        k = q.reply_turn
        a = ctx.by_turn.get(k)
        puff = find(sig["puffery"], ctx.text(k))
        if puff:
            L.add("deflect", -6, k, puff[0].quote, ctx.say("ev.honesty.deflect"))
        pushing = a is not None and (a.pressure or find(sig["close"], ctx.text(k)))
        if pushing:
            push = (a.pressure or find(sig["close"], ctx.text(k)))[0].quote
            L.add("rushed", -8, k, push, ctx.say("ev.honesty.rushed"))
            L.tip(ctx.say("tip.honesty.rushed", said=ctx.said(q.text), turn=turn_no(q.turn), push=ctx.said(push, 60)),
                  2)
        else:
            L.tip(ctx.say("tip.honesty.unanswered", said=ctx.said(q.text), turn=turn_no(q.turn)), 3)
    if len(qs) >= 2 and all(q.answered_at is not None for q in qs):
        L.add("answers", 5)
        L.note(ctx.say("note.honesty.answered_all", n=len(qs)))

    if breach_turns:
        L.ceiling = BLOCKER_CEILING
    return L.result()
