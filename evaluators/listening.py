"""Listening: does the trainee take in what the customer says, and show it?

Score (0-100) = min(100, 35 + 35 × engagement + credit) − penalties.

engagement: the share of customer turns with something in them (a question, a
complaint about not being heard, feeling, or more than a few words of content)
whose reply takes it up: a reflection said on purpose ("So you …"), an answer
to their question, a detail confirmed, an open question inviting more, their
words taken up in a question or an offer, or the request taken on with a step,
an offer or a next step (not a sales push past it).  Words merely in common
with the customer's, stock phrases ("I hear you, I understand") with nothing
behind them and a reply sent again do not count, so a trainee who repeats them
while ignoring the customer starts at 35 and then loses points.

Credit (capped): open questions (+6, +4, +2), reflections said on purpose (+6 each, max 12), a
hidden need picked up (+5 each, max 10) or drawn out with an open question (+2
each, max 4), clarifying questions (+2 each, max 4), a detail confirmed (+2),
every question answered (+4), patient voice timing (+4).

Penalties (capped): asking for something the customer already gave (−12 each,
max −24), a question left unanswered (−8 each, max −24), the customer having to
say "like I said" (−5 each, unless already counted as asked-again), stock-only
turns (−5 each, max −15), a hidden need the customer mentioned and nobody took
up (−4 each, max −8), replying to an unfinished chat message (−6); voice:
talking over the customer (−8 each, max −32), a talk ratio above 60% (−1.25 per
point, max −25), a monologue over 40 s (−0.6 per second, max −25), dead air over
5 s (−3 each, max −9).  An offer wrapped in hostility ("Calm down. Fine, I'll…")
does not count as taking the customer's request on.
"""

from __future__ import annotations

import re

from roleplay.findings import TurnAnalysis
from roleplay.lexicon import signals
from roleplay.matching import find, has
from roleplay.words import content_words
from roleplay.interruption import MONOLOGUE_OK_S  # one length: graded here, and a calm customer cuts in there
from roleplay.persona import Persona
from roleplay.transcript import Transcript

from .context import Context, Ledger, build, clip
from .scorecard import SkillScore, turn_no
from .timing import TALK_RATIO_OK

_VALUE = re.compile(r"\((.*)\)$")
# closed questions that offer or check in rather than clarify: no credit as questions
_NOT_CLARIFYING = re.compile(
    r"\b(shall i|would you like me|anything else|would that (help|work)|does that work)\b"
    r"|\b(okay|ok|alright|right|okej|va|eller hur|vai|eikö|okei)\?$", re.I)


def _given_at(ctx: Context, value: str, before: int) -> int | None:
    low = value.lower()
    for j in range(before):
        if ctx.turns[j].speaker == "customer" and low in ctx.text(j).lower():
            return j
    return None


def _said_back(a: TurnAnalysis, sig: dict) -> bool:
    """Said back on purpose ("So you …", "It sounds like …"): words merely in common are not listening, and
    people do not reward them (STC-3: ρ 0.00 with the raters)."""
    return bool(a.reflection) and has(sig["reflection_lead"], a.reflection[0].quote)


def score(transcript: Transcript, analyses: list[TurnAnalysis], persona: Persona | None = None,
          ctx: Context | None = None) -> SkillScore:
    ctx = ctx or build(transcript, persona, transcript.language, analyses)
    L = Ledger(ctx, base=35)
    for key, lo, hi in (("open", 0, 12), ("closed", 0, 4), ("reflect", 0, 12), ("hidden", 0, 10), ("explore", 0, 4),
                        ("confirm", 0, 2), ("asked_again", -24, 0), ("unanswered", -24, 0), ("not_heard", -10, 0),
                        ("stock", -15, 0), ("missed_need", -8, 0), ("overlap", -32, 0), ("gaps", -9, 0),
                        ("cut_off", -12, 0)):
        L.cap(key, lo, hi)
    lang = ctx.language
    sig = signals(lang)

    # Engagement: each customer turn with something in it, and the reply to it.
    opportunities = engaged = 0
    ignored: list[tuple[int, int]] = []
    for j, turn in enumerate(ctx.turns):
        if turn.speaker != "customer":
            continue
        k = ctx.next_trainee(j)
        if k is None:
            continue
        asks = ctx.asks[j]
        short = len(turn.text.split()) <= 8
        complained = any(x == j for x, _ in ctx.not_heard)
        if not asks and not complained and j not in ctx.tension and (
                len(content_words(turn.text, lang)) < 3 or short and has(sig["accepting"], turn.text)
                or len(turn.text.split()) <= 6):
            continue  # "Fine. Book it.", "priya.nair@example.com": nothing to take up
        a = ctx.by_turn[k]
        opportunities += 1
        answered = any(q.turn == j and q.answered_at == k for q in ctx.questions)
        asked = {m.quote.lower() for m in a.asked_again}
        real_closed = [m for m in a.closed_questions if not any(x in m.quote.lower() for x in asked)]
        takes_up = bool(a.echoed) and bool(real_closed or a.offers or a.breaches)
        pushy = bool(a.pressure or find(sig["close"], ctx.text(k)))
        invites = bool(a.open_questions) and not a.asked_again and not pushy
        pending = any(q.turn == j and q.answered_at != k and not q.complaint for q in ctx.questions)
        # takes the request on (not a sales push past it)
        acts = bool(a.solution or a.offers or a.ownership or a.dont_know or a.steps or a.commitment) and not (pending or pushy or a.hostile)
        reflects = _said_back(a, sig) and not pushy
        ok = (takes_up or answered or invites or acts or reflects or bool(a.confirmed)) and not a.stock_only and a.repeats is None
        if ok:
            engaged += 1
        else:
            ignored.append((k, j))
    rate = engaged / opportunities if opportunities else 0.5  # nothing to take up: neither credit nor blame
    L.add("engagement", 35 * rate)
    L.note(ctx.say("note.listening.took_up", engaged=engaged, opportunities=opportunities))
    for k, j in ignored[:3]:
        L.add("ignored", 0, j, ctx.text(j), ctx.say("ev.listening.ignored", turn=turn_no(k)), effect="-")
        L.tip(ctx.say("tip.listening.ignored", turn=turn_no(k), reply=ctx.said(ctx.text(k), 60),
                      said=ctx.said(ctx.text(j), 70), said_turn=turn_no(j)), 3)

    # Questions: open ones, clarifying ones.
    opens = 0
    for a in ctx.analyses:
        asked = {m.quote.lower() for m in a.asked_again}
        for m in a.open_questions:
            if any(x in m.quote.lower() for x in asked):
                continue
            opens += 1
            L.add("open", {1: 6, 2: 4}.get(opens, 2), a.index, m.quote, ctx.say("ev.listening.open"))
        for m in a.closed_questions:
            if any(x in m.quote.lower() for x in asked) or _NOT_CLARIFYING.search(m.quote):
                continue
            L.add("closed", 2, a.index, m.quote, ctx.say("ev.listening.closed"))
    if opens == 0 and ctx.analyses:
        L.tip(ctx.say("tip.listening.no_open"), 6)

    # Reflections and confirmed details.
    for a in ctx.analyses:
        if _said_back(a, sig) and not a.stock_only and not a.pressure and not a.hostile:
            L.add("reflect", 6, a.index, a.reflection[0].quote, ctx.say("ev.listening.reflect"))
        for m in a.confirmed[:1]:
            L.add("confirm", 2, a.index, m.quote, ctx.say("ev.listening.confirm", what=m.note))
    if not any(a.reflection for a in ctx.analyses) and ctx.analyses:
        j = max(((len(content_words(ctx.text(i), lang)), i) for i, t in enumerate(ctx.turns)
                 if t.speaker == "customer"), default=(0, None))[1]
        L.tip(ctx.say("tip.listening.no_reflection_after", turn=turn_no(j), said=ctx.said(ctx.text(j), 60))
              if j is not None else ctx.say("tip.listening.no_reflection"), 5)

    # Hidden needs.
    for h in ctx.hidden:
        if h["taken_up"] is not None:
            L.add("hidden", 5, h["taken_up"], h["quote"], ctx.say("ev.listening.hidden"))
        elif h["revealed"] is not None:
            j = h["revealed"]
            L.add("missed_need", -4, j, ctx.text(j), ctx.say("ev.listening.missed_need"))
            L.tip(ctx.say("tip.listening.missed_need", turn=turn_no(j), said=ctx.said(ctx.text(j), 80)), 4)
    for a in ctx.analyses:
        if a.unlocked and a.open_questions:
            L.add("explore", 2, a.index, a.open_questions[0].quote, ctx.say("ev.listening.explore"))

    # Asked again for what the customer already gave.
    for a in ctx.analyses:
        for m in a.asked_again:
            value = (_VALUE.search(m.note) or [None, ""])[1]
            what = _VALUE.sub("", m.note).strip()
            j = _given_at(ctx, value, a.index) if value else None
            where = (ctx.say("where.first") if j == 0 else ctx.say("where.turn", turn=turn_no(j)) if j is not None
                     else ctx.say("where.earlier"))
            L.add("asked_again", -12, a.index, m.quote, ctx.say("ev.listening.asked_again", what=what, where=where))
            L.tip(ctx.say("tip.listening.asked_again", what=what, turn=turn_no(a.index), where=where,
                          value=f" ({value})" if value else ""), 1)

    # Questions the customer asked.
    qs = ctx.questions
    for q in qs:
        if q.answered_at is None and q.reply_turn is not None:
            L.add("unanswered", -8, q.turn, q.text, ctx.say("ev.unanswered"))
            L.tip(ctx.say("tip.listening.unanswered", said=ctx.said(q.text), turn=turn_no(q.turn)), 2)
            if q.repeated:
                L.add("unanswered", -2)
    if qs and all(q.answered_at is not None for q in qs if q.reply_turn is not None):
        L.add("answers", 4)
        L.note(ctx.say("note.listening.answered_one") if len(qs) == 1
               else ctx.say("note.listening.answered_many", n=len(qs)))
    for j, quote in ctx.not_heard:
        k = next((i for i in range(j - 1, -1, -1) if i in ctx.by_turn), None)
        counted = k is not None and bool(ctx.by_turn[k].asked_again)  # already costs points as "asked again"
        L.add("not_heard", 0 if counted else -5, j, quote, ctx.say("ev.listening.not_heard"), effect="-")

    # Stock phrases with nothing behind them.
    for a in ctx.analyses:
        if a.stock_only:
            m = (a.stock_listening or a.empathy or [None])[0]
            quote = m.quote if m else clip(ctx.text(a.index))
            L.add("stock", -5, a.index, quote, ctx.say("ev.listening.stock"))
            L.tip(ctx.say("tip.listening.stock", quote=ctx.said(quote), turn=turn_no(a.index)), 3)
        if a.cut_off and ctx.transcript.channel != "voice":
            j = ctx.prev_customer(a.index)
            L.add("cut_off", -6, j, ctx.text(j), ctx.say("ev.listening.cut_off"))

    # Voice timing.
    v = ctx.voice
    metrics = None
    if v is not None:
        metrics = v.as_dict()
        for k, secs in v.overlaps:
            L.add("overlap", -8, k, clip(ctx.text(k), ctx.text(k)[:60]) if len(ctx.text(k)) > 60 else ctx.text(k),
                  ctx.say("ev.listening.overlap", secs=secs))
        if v.overlaps:
            k, secs = v.overlaps[0]
            L.tip(ctx.say("tip.listening.overlap_one" if len(v.overlaps) == 1 else "tip.listening.overlap_many",
                          n=len(v.overlaps), turn=turn_no(k), secs=secs), 2)
        if v.talk_ratio > TALK_RATIO_OK:
            L.add("talk_ratio", -min(25.0, (v.talk_ratio - TALK_RATIO_OK) * 125))
            L.note(ctx.say("note.listening.talk_ratio", ratio=v.talk_ratio))
            L.tip(ctx.say("tip.listening.talk_ratio", ratio=v.talk_ratio), 3)
        if v.longest_monologue_s > MONOLOGUE_OK_S and v.longest_monologue_turn is not None:
            k = v.longest_monologue_turn
            L.add("monologue", -min(25.0, (v.longest_monologue_s - MONOLOGUE_OK_S) * 0.6), k, ctx.text(k)[:120],
                  ctx.say("ev.listening.monologue", secs=v.longest_monologue_s))
            L.tip(ctx.say("tip.listening.monologue", secs=v.longest_monologue_s, turn=turn_no(k)), 3)
        for k, secs in v.long_gaps:
            L.add("gaps", -3, k, ctx.text(k)[:80], ctx.say("ev.listening.gap", secs=secs))
        if not v.overlaps and v.talk_ratio <= 0.5 and v.longest_monologue_s <= MONOLOGUE_OK_S:
            L.add("patient", 4)
            L.note(ctx.say("note.listening.patient"))
    return L.result(metrics=metrics)
