"""Empathy: the customer feels understood as a person, not processed as a ticket.

Score (0-100) = base + what was done well − what went wrong.

Base 45 whatever the customer's mood (their starting mood is not the trainee's
doing); when there is little to acknowledge a note says empathy matters less.

Plus: the first genuine acknowledgement of a feeling the customer actually
showed, or tied to what they said (+25); it is personal,
tied to what this customer said (+12); a second, different acknowledgement in a
later turn that also does something (+6); an apology in a turn that does something
about the problem (+6 without any acknowledgement, +4 with); what lies behind the request taken up (+8); the
customer's name used (+3).

Minus: repeated or formulaic acknowledgements with nothing behind them (−8 each,
max −24), so "I understand how frustrating" over and over cannot carry the
score; a customer turn full of feeling answered with no acknowledgement at all
(−6 each, max −18); a customer who showed feelings and never had them
acknowledged (−8); stock courtesy standing in for help ("sorry for the
inconvenience", "thank you for your understanding", "we will improve our service"
in a turn that does nothing about the problem, −6 each, max −12: people rate it
below saying nothing); rudeness, "calm down", threats, blame (−15 each); dismissal (−10).
"""

from __future__ import annotations

import re

from roleplay.findings import TurnAnalysis
from roleplay.words import content_words, shared_words
from roleplay.persona import Persona
from roleplay.transcript import Transcript

from .context import Context, Ledger, build
from .scorecard import SkillScore, turn_no


def score(transcript: Transcript, analyses: list[TurnAnalysis], persona: Persona | None = None,
          ctx: Context | None = None) -> SkillScore:
    ctx = ctx or build(transcript, persona, transcript.language, analyses)
    need = bool(ctx.tension)
    L = Ledger(ctx, base=45)
    if not need:
        L.note(ctx.say("note.empathy.little"))
    L.cap("formulaic", -24, 0)
    L.cap("ignored_feeling", -18, 0)
    L.cap("courtesy", -12, 0)
    lang = ctx.language

    first = None
    personal = False
    for a in ctx.analyses:
        if a.hostile or a.blame or not (a.empathy or a.apology):  # nothing below to credit
            continue
        j = ctx.prev_customer(a.index)
        cw = content_words(ctx.text(j), lang) if j is not None else set()
        echoes = len(shared_words(content_words(ctx.text(a.index), lang), cw, lang)) >= 2 or bool(a.reflection)
        felt = any(t < a.index for t in ctx.tension)
        if a.empathy and first is None and (felt or echoes) and not a.stock_only:
            first = a
            L.add("acknowledge", 25, a.index, a.empathy[0].quote, ctx.say("ev.empathy.acknowledge"))
        elif a.empathy and a.substantive and not a.stock_only and "again" not in L.points:
            L.add("again", 6, a.index, a.empathy[0].quote, ctx.say("ev.empathy.again"))
        if (a.empathy or a.apology) and not personal and not a.stock_only:
            if echoes:
                personal = True
                L.add("personal", 12, a.index, (a.empathy or a.apology)[0].quote,
                      ctx.say("ev.empathy.personal"))
    apology = next((a for a in ctx.analyses if a.apology and not a.hostile and a.acts), None)
    if apology is not None:
        L.add("apology", 6 if first is None else 4, apology.index, apology.apology[0].quote, ctx.say("ev.apologises"))

    # Formulaic: the same or a stock acknowledgement again with nothing behind it.
    for a in ctx.analyses:
        if a is first:
            continue
        if (a.stock_empathy or (a.stock_only and a.stock_listening)
                or (a.empathy and (a.stock_only or not any(t < a.index for t in ctx.tension)))):
            quote = (a.empathy or a.stock_listening or [None])[0]
            q = quote.quote if quote else ctx.text(a.index)
            L.add("formulaic", -8, a.index, q, ctx.say("ev.empathy.formulaic"))
            L.tip(ctx.say("tip.empathy.formulaic", quote=ctx.said(q), turn=turn_no(a.index)), 2)

    for a in ctx.analyses:
        m = (a.courtesy or a.apology)[:1]
        if m and not a.acts:
            L.add("courtesy", -6, a.index, m[0].quote, ctx.say("ev.empathy.courtesy"))
            L.tip(ctx.say("tip.empathy.courtesy", quote=ctx.said(m[0].quote), turn=turn_no(a.index)), 2)

    # Feelings the customer showed that got no acknowledgement.
    for j, cues in ctx.tension.items():
        k = ctx.next_trainee(j)
        if k is None:
            continue
        a = ctx.by_turn[k]
        strong = len(cues) >= 2 or j in ctx.hostile_customer
        if strong and not (a.empathy or a.apology or a.reflection) and not a.stock_empathy:
            L.add("ignored_feeling", -6, j, ctx.text(j), ctx.say("ev.empathy.ignored_feeling"))
            L.tip(ctx.say("tip.empathy.ignored_feeling", said=ctx.said(ctx.text(j), 80), turn=turn_no(j)), 3)

    for h in ctx.hidden:
        if h["taken_up"] is not None:
            L.add("hidden", 8, h["taken_up"], h["quote"], ctx.say("ev.empathy.hidden"))
            break

    if persona is not None:
        names = {n for n in persona.name.split() if len(n) > 2}
        patterns = {n: re.compile(rf"\b{re.escape(n)}\b") for n in names}  # compiled once, not per turn
        for a in ctx.analyses:
            hit = next((n for n, rx in patterns.items() if rx.search(ctx.text(a.index))), None)
            if hit:
                L.add("name", 3, a.index, hit, ctx.say("ev.empathy.name"))
                break

    for a in ctx.analyses:
        for field, pts in (("rudeness", -15), ("calm_down", -15), ("threat", -15), ("blame", -15), ("dismissal", -10)):
            for m in getattr(a, field)[:1]:
                L.add(field, pts, a.index, m.quote, ctx.say("ev.empathy.against"))
    if first is None and need:
        L.add("never", -8)
        L.tip(ctx.say("tip.empathy.never"), 1)
    return L.result()
