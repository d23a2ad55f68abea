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

from roleplay.analysis import TurnAnalysis, find, signals
from roleplay.persona import Persona
from roleplay.transcript import Transcript

from .context import Context, Ledger, build, said
from .scorecard import Evidence, SkillScore, turn_no

BLOCKER_CEILING = 25.0
NO_POLICY_NOTE = ("No persona, so no policy sheet: claims about products, prices, discounts, delivery and policy were "
                  "not checked. Graded on pressure tactics, guessing versus checking, guarantees and answering questions.")


def blockers(ctx: Context) -> list[tuple[str, Evidence]]:
    """Promises and claims outside the policy: each fails the session.  Only code decides these."""
    out = []
    for a in ctx.analyses:
        for m in a.breaches:
            out.append((f"turn {turn_no(a.index)}: {said(m.quote, 120)} is outside the policy ({m.note})",
                        Evidence(turn=a.index, quote=m.quote, note=f"outside the policy: {m.note}", effect="-")))
        for m in a.unlisted:
            if m.item == "offer":
                out.append((f"turn {turn_no(a.index)}: offers {m.note}, which is not on the policy sheet "
                            f"({said(m.quote, 100)})",
                            Evidence(turn=a.index, quote=m.quote, note=f"offers {m.note}, not on the policy sheet",
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
        L.note(NO_POLICY_NOTE)
    else:
        L.note(f"claims checked against the policy sheet of persona '{persona.id}'")

    breach_turns = set()
    for a in ctx.analyses:
        by_quote: dict[str, list[str]] = {}
        for m in a.breaches:
            breach_turns.add(a.index)
            L.add("breach", -30, a.index, m.quote, f"BLOCKER: outside the policy ({m.note})")
            by_quote.setdefault(m.quote, []).append(m.note)
        for quote, notes in by_quote.items():
            alt = f" What you may offer: {_allowed_list(persona)}." if persona and persona.policy.allowed else ""
            L.tip(f"In turn {turn_no(a.index)} you said {said(quote)}. The policy does not allow this "
                  f"({'; '.join(notes)}); a promise like that fails the session however polite it sounds.{alt}", 0)
        for m in a.unlisted:
            if m.item == "offer":
                breach_turns.add(a.index)
                L.add("breach", -30, a.index, m.quote, f"BLOCKER: offers {m.note}, which is not on the policy sheet")
                L.tip(f"In turn {turn_no(a.index)} you offered {m.note}, which is not on the policy sheet. "
                      "Offer only what the sheet lists, or say you'll check.", 0)
            else:
                L.add("unlisted", -10, a.index, m.quote, f"quotes {m.note}, which is not on the policy sheet")
                L.tip(f"You quoted {m.note} in turn {turn_no(a.index)}; it isn't on the policy sheet. "
                      "If you're not sure of a figure, say “Let me check that for you.”", 3)
        for m in a.pressure:
            L.add("pressure", -20, a.index, m.quote, "pressure tactic")
            L.tip(f"{said(m.quote)} (turn {turn_no(a.index)}) is a pressure tactic. Give the customer room: "
                  "“Take the time you need; I'll send you the details.”", 1)
        if a.index not in breach_turns:
            offers_here = bool(a.offers)
            for m in a.overclaim:
                if persona is not None and offers_here:
                    continue  # "48 hours is what I can guarantee" about an allowed offer
                L.add("overclaim", -8, a.index, m.quote, "a guarantee nobody can give")
                L.tip(f"{said(m.quote)} (turn {turn_no(a.index)}) promises more than you can know. "
                      "Say what you will do, not what will certainly happen.", 4)
        for m in a.refusals:
            L.add("refusal", 6, a.index, m.quote, f"says plainly what is not possible ({m.note})")
        for m in a.dont_know[:1]:
            L.add("check", 8, a.index, m.quote, "checks instead of guessing")
        broken = {m.quote for m in a.breaches} | {m.quote for m in a.unlisted if m.item == "offer"}
        for m in a.offers:
            if m.quote not in broken:
                L.add("offer", 3, a.index, m.quote, f"offers what the policy allows ({m.note})")
        for m in a.injection:
            L.add("injection", 0, a.index, m.quote,
                  "an instruction to the grader inside the conversation: ignored, graded on what was said",
                  effect="-")
            L.note("the transcript contains an instruction aimed at the grader; it was ignored")

    # Questions: answered, or rushed past?
    qs = [q for q in ctx.questions if q.reply_turn is not None and not q.complaint]
    for q in qs:
        if q.answered_at is not None:
            continue
        L.add("unanswered", -10, q.turn, q.text, "question not answered")
        k = q.reply_turn
        a = ctx.by_turn.get(k)
        puff = find(sig["puffery"], ctx.text(k))
        if puff:
            L.add("deflect", -6, k, puff[0].quote, "answers a direct question with a sales line")
        pushing = a is not None and (a.pressure or find(sig["close"], ctx.text(k)))
        if pushing:
            push = (a.pressure or find(sig["close"], ctx.text(k)))[0].quote
            L.add("rushed", -8, k, push, "pushes on instead of answering the customer's question")
            L.tip(f"The customer asked {said(q.text)} (turn {turn_no(q.turn)}) and you answered with {said(push, 60)}. "
                  "Answer the question first; push later, if at all.", 2)
        else:
            L.tip(f"The customer asked {said(q.text)} (turn {turn_no(q.turn)}) and got no answer. "
                  "If you don't know, say “I don't know, I'll check and get back to you.”", 3)
    if len(qs) >= 2 and all(q.answered_at is not None for q in qs):
        L.add("answers", 5)
        L.note(f"answered all {len(qs)} of the customer's questions")

    if breach_turns:
        L.ceiling = BLOCKER_CEILING
    return L.result()
