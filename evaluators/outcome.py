"""Outcome: how the customer ended up, read from their last words after the trainee had replied.

In a practice session the customer's reaction is produced by what the trainee did, so it is
fair evidence of the trainee's work; the customer's starting mood is not, and earns or costs
nothing here.  Among people rating real helpdesk dialogues (STC-3) it is the strongest signal
they share: thanks or "it works now" (ρ ≈ 0.40 with effectiveness) against ending on a
question, a complaint or "same reply again" (ρ ≈ −0.26).

Score (0-100) = 50, then by the customer's last turn after a trainee reply (one verdict,
the first that applies): they leave (−40); they say it is solved or praise the help, even
with a grumble alongside ("It's solved. Thank you! But next time …", +40); they end
complaining, angry, not heard, or saying it still does not work (−30); they end still
asking, unless they settle it themselves ("…? Okay. Yes, please do that.") or the
trainee's reply answers it (−20); they end resigned ("I guess", −15); they end satisfied: thanks, "OK", accepting what
was offered (+40).  No reaction after the trainee's first
reply: 50, and a note says so.
"""

from __future__ import annotations

from roleplay.findings import Match, TurnAnalysis
from roleplay.lexicon import signals, solving
from roleplay.matching import find
from roleplay.persona import Persona
from roleplay.transcript import Transcript

from .context import Context, Ledger, build, clip
from .scorecard import SkillScore, turn_no


def _last_reaction(ctx: Context) -> int | None:
    """The customer's last turn that came after a trainee turn (their reaction), or None."""
    first_reply = min(ctx.by_turn, default=None)
    last = next((j for j in range(len(ctx.turns) - 1, -1, -1) if ctx.turns[j].speaker == "customer"), None)
    return last if first_reply is not None and last is not None and last > first_reply else None


def score(transcript: Transcript, analyses: list[TurnAnalysis], persona: Persona | None = None,
          ctx: Context | None = None) -> SkillScore:
    ctx = ctx or build(transcript, persona, transcript.language, analyses)
    L = Ledger(ctx, base=50)
    j = _last_reaction(ctx)
    if j is None:
        L.note(ctx.say("note.outcome.no_reaction"))
        return L.result()
    text, lang = ctx.text(j), ctx.language
    sv = solving(lang)
    # Their words, not "!" or the facts of the case: "OK, thank you! You are so quick!" is delight, and
    # "So the money isn't lost?" is relief.
    complaint = (find(sv.get("end_negative", []), text) or [Match(quote=m) for k, m in ctx.not_heard if k == j]
                 or ([Match(quote=clip(text))] if j in ctx.hostile_customer else []))
    resolved = find(sv.get("end_resolved", []), text)
    pleased = resolved or find(sv.get("end_positive", []), text) or find(signals(lang)["accepting"], text)
    # A question answered by their own "Okay. Yes, please do that." in the same message is settled.
    settled = max((text.lower().rfind(m.quote.lower()) for m in pleased), default=-1)
    answered = {q.text for q in ctx.questions if q.turn == j and q.answered_at is not None}
    asking = [q for q in ctx.asks[j] if text.rfind(q) > settled and q not in answered]
    ended = {"said": ctx.said(text, 80), "turn": turn_no(j)}
    if ctx.ending == "left" and ctx.ending_turn == j:
        L.add("left", -40, j, ctx.ending_quote or clip(text), ctx.say("ev.left"))
        L.tip(ctx.say("tip.outcome.left", **ended), 1)
    elif resolved:
        L.add("satisfied", 40, j, resolved[0].quote, ctx.say("ev.outcome.solved"))
    elif complaint:
        L.add("complaint", -30, j, complaint[0].quote, ctx.say("ev.outcome.complaint"))
        L.tip(ctx.say("tip.outcome.complaint", **ended), 1)
    elif asking:
        L.add("asking", -20, j, asking[-1], ctx.say("ev.outcome.asking"))
        L.tip(ctx.say("tip.outcome.asking", **ended), 2)
    elif ctx.ending == "resigned" and ctx.ending_turn == j:
        L.add("resigned", -15, j, ctx.ending_quote, ctx.say("ev.resigned"))
        L.tip(ctx.say("tip.outcome.resigned", **ended), 3)
    elif pleased or (ctx.ending == "accepted" and ctx.ending_turn == j):
        L.add("satisfied", 40, j, pleased[0].quote if pleased else clip(text), ctx.say("ev.outcome.satisfied"))
    else:
        L.note(ctx.say("note.outcome.neither"))
    return L.result()
