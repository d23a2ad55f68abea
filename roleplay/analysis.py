"""Turn analysis: what one trainee turn does, judged from the words and the conversation so far.

The simulated customer's state moves on these findings (findings.TurnAnalysis), and the
evaluators grade on the same findings, so the customer reacts to exactly what gets graded.
Every finding carries the verbatim quote it rests on (evidence for the scorecard).  This
module assembles them; its parts each do one job: matching.py and prefilter.py run the
lexicon's patterns, words.py compares words, cues.py reads the customer's side,
policy_check.py holds offers and claims against the policy sheet, given.py the details
the customer already gave.

Speed matters (the evaluators batch-grade hundreds of transcripts a second): a pattern
only runs on a text that holds one of the literal words it needs, and sentence splits
and content words are cached per text.
"""

from __future__ import annotations

import re

from . import prefilter
from .cues import addresses, because, customer_questions, looks_unfinished
from .findings import Match, TurnAnalysis
from .given import generic_facts, given_values
from .lexicon import any_language, capitals, signals, solving
from .matching import find, has, rx
from .persona import Persona
from .policy_check import policy_hits, unlisted_figures
from .sentences import sentence_of
from .sentences import split_sentences as sentences
from .transcript import Turn
from .words import WORD, content, questions, shared_words


_ASKS: dict[tuple[int, str], tuple[Persona | None, list[str]]] = {}


def _fact_asks(persona: Persona | None, language: str) -> list[str]:
    """Every way of asking for a detail (the persona's and the language's), one list per persona: one pattern
    group, so the pre-filter runs only the asks a question can match."""
    key = (id(persona), language)
    got = _ASKS.get(key)
    if got is None or got[0] is not persona:
        if len(_ASKS) > 1000:
            _ASKS.clear()
        asks = [p for f in (persona.knows if persona is not None else ()) for p in f.ask]
        got = _ASKS[key] = (persona, asks + [p for _, _, ps, _ in generic_facts(language) for p in ps])
    return got[1]


def _prepare(language: str, persona: Persona | None) -> None:
    """Register every pattern group of a language and a persona at once, so the anchor scan is built once."""
    prefilter.prepare(id(persona) if persona is not None else hash(language), persona or language,
                      _groups(language, persona))


def _groups(language: str, persona: Persona | None):
    """Every pattern group of a language and a persona (a generator: read only when they are not registered yet)."""
    yield from signals(language).values()
    yield from solving(language).values()
    yield from (asks for _, _, asks, _ in generic_facts(language))
    yield _fact_asks(persona, language)
    if persona is not None:
        yield from (item.patterns for item in (*persona.policy.allowed, *persona.policy.forbidden,
                                               *persona.temperament.triggers))
        yield from (f.ask for f in persona.knows)


_CAPS = r"\b[CAPITALS]{3,}(?:\s+[CAPITALS]{2,})+\b"
_BANGS = re.compile(r"[^.!?]{0,40}!{2,}")
_ACRONYMS = {"FAQ", "PDF", "CSV", "CRM", "VPN", "USB"}


def _shouting(text: str) -> list[Match]:
    out = [Match(quote=c) for c in capitals(_CAPS).findall(text) if not set(c.split()) <= _ACRONYMS]
    if "!!" in text:
        out += [Match(quote=m.group(0).strip()) for m in _BANGS.finditer(text)]
    return out


def _is_request(text: str, quote: str) -> bool:
    sentence = next((s for s in sentences(text) if quote.lower() in s.lower()), "")
    return sentence.endswith("?") or bool(any_language("request", r"\b(WORDS)\b").search(sentence))


# The signals read straight off a trainee's turn (lexicon.signals), each a list of its matches.
_SIGNALS = ("apology", "ownership", "rudeness", "calm_down", "dismissal", "blame", "threat", "pressure", "dont_know",
            "solution", "injection", "stock_listening", "argue", "overclaim", "belittling", "sarcasm")


def analyse_turn(
    turns: list[Turn],
    index: int,
    persona: Persona | None = None,
    language: str = "en",
    earlier: list[TurnAnalysis] | None = None,
) -> TurnAnalysis:
    """Analyse turns[index] (a trainee turn) in the light of the turns before it."""
    _prepare(language, persona)
    text = turns[index].text
    sig = signals(language)
    before = turns[:index]
    last_customer = next((t.text for t in reversed(before) if t.speaker == "customer"), "")
    a = TurnAnalysis(index=index, words=len(WORD.findall(text)), shouting=_shouting(text),
                     reason=[Match(quote=sentence_of(text, m.start())) for m in because().finditer(text)][:1],
                     **{name: find(sig[name], text) for name in _SIGNALS})

    # Empathy counts once per wording: repeating the same stock line is not listening.
    empathy = find(sig["empathy"], text)
    used = {m.quote.lower() for e in (earlier or []) for m in e.empathy}
    a.empathy = [m for m in empathy if m.quote.lower() not in used]
    a.stock_empathy = bool(empathy) and not a.empathy

    asked = questions(text)
    # "What's your order number?" is a request for a detail, not an open question.
    fact_asks = _fact_asks(persona, language)
    a.open_questions = [Match(quote=q) for q in asked
                        if has(sig["open_question"], q) and not has(fact_asks, q)
                        and not has(sig["argue"], q) and not has(sig["rudeness"], q)]  # "What do you want me to do?"
    a.closed_questions = [Match(quote=q) for q in asked if all(q != o.quote for o in a.open_questions)]
    _solving(a, turns, index, language, earlier or [])

    own_words = content(text, language)
    customer_words = content(last_customer, language)
    a.echoed = shared_words(own_words, customer_words, language)
    earlier_words: set[str] = set()
    seen_last = False
    for t in reversed(before):
        if t.speaker != "customer":
            continue
        if not seen_last:
            seen_last = True
            continue
        earlier_words |= content(t.text, language)
    a.echoed_earlier = [w for w in shared_words(own_words, earlier_words, language) if w not in a.echoed]
    leads = find(sig["reflection_lead"], text)
    if (leads and (a.echoed or a.echoed_earlier)) or len(a.echoed) >= 3:
        if leads:
            pos = text.lower().find(leads[0].quote.lower())
        else:
            pos = max(0, text.lower().find(a.echoed[0]))
        a.reflection = [Match(quote=sentence_of(text, max(pos, 0)))]

    a.cut_off = bool(last_customer) and looks_unfinished(last_customer)

    if persona is not None:
        offered_before = {o.item for e in (earlier or []) for o in e.offers}
        a.offers, declined = policy_hits(persona.policy.allowed, text, language)
        # An offer made earlier, now said not to be possible: the customer remembers.
        a.withdrawn = [m for m in declined if m.item in offered_before]
        a.breaches, a.refusals = policy_hits(persona.policy.forbidden, text, language)
        customer_text = " ".join(t.text for t in before if t.speaker == "customer")
        a.unlisted = unlisted_figures(text, persona, customer_text, language, {b.quote for b in a.breaches})
        for trig in persona.temperament.triggers:
            a.triggers.extend(find(trig.patterns, text, note=str(trig.delta))[:1])
    else:
        offered_before = set()
    # An offer (even one outside the policy: that is honesty's business) answers "what will you do about it".
    new_offers = any(o.item not in offered_before for o in a.offers) or bool(a.breaches)

    cq = customer_questions(last_customer, language)
    if cq:
        a.questions = list(cq)
        a.customer_question = cq[-1]
        lc = max((i for i, t in enumerate(before) if t.speaker == "customer"), default=0)
        known: set[str] = set()
        for t in before[:lc]:
            known |= content(t.text, language)
        a.unanswered = [q for q in cq if not addresses(q, text, language, a, new_offers, known)]
        a.answered = not a.unanswered

    # Details the customer already gave: asking for them again is not listening; saying them back is.
    given = given_values(before, persona, language)
    low = text.lower()
    asked_sentences: set[str] = set()
    for fid, (what, value, asks) in given.items():
        if value.lower() in low:
            i = low.find(value.lower())
            a.confirmed.append(Match(quote=sentence_of(text, i), item=fid, note=what))
            continue
        for m in find(asks, text, item=fid, note=what)[:1]:
            sentence = next((s for s in sentences(text) if m.quote.lower() in s.lower()), "")
            if sentence in asked_sentences or not _is_request(text, m.quote):
                continue
            asked_sentences.add(sentence)
            a.asked_again.append(Match(quote=m.quote, item=fid, note=f"{what} ({value})"))

    if persona is not None:
        a.asked_for = [f.id for f in persona.knows if f.id not in given and has(f.ask, text)]
        revealed = {f for e in (earlier or []) for f in e.unlocked}
        by_empathy = bool(a.empathy)  # real empathy earns one fact, an open question on a topic earns its fact
        for fact in persona.hidden_facts:
            if fact.id in revealed:
                continue
            topical = any(rx(p).search(q.quote) for p in fact.topics for q in a.open_questions)
            if topical and fact.unlock in ("open_question", "either"):
                a.unlocked.append(fact.id)
            elif by_empathy and fact.unlock in ("empathy", "either"):
                a.unlocked.append(fact.id)
                by_empathy = False

    engaged = (len(a.echoed) >= 2 or a.substantive or bool(a.closed_questions) or bool(a.confirmed)
               or bool(a.breaches))
    a.stock_only = bool(a.stock_listening or a.stock_empathy or a.empathy or a.courtesy) and not engaged
    return a


def _similar(x: str, y: str, language: str) -> bool:
    """Nearly the same reply: the same text, or nine tenths of the same content words."""
    if abs(len(x) - len(y)) > 0.3 * max(len(x), len(y)):  # cheap: replies of very different length differ
        return False
    if " ".join(x.lower().split()) == " ".join(y.lower().split()):
        return True
    a, b = content(x, language), content(y, language)
    return len(a) >= 3 and len(a & b) / len(a | b) >= 0.9


def _solving(a: TurnAnalysis, turns: list[Turn], index: int, language: str, earlier: list[TurnAnalysis]) -> None:
    """Steps, causes, commitments (what + when), deferrals without a when, stock courtesy, requests for personal
    details (not clarifying questions), and replies sent again."""
    sv = solving(language)
    text = turns[index].text
    for name in ("steps", "cause", "courtesy", "details_request"):
        setattr(a, name, find(sv.get(name, []), text))
    when, sig = sv.get("when", []), signals(language)
    # "this offer ends today, sign now" has a when too: a deadline pushed on the customer is not a commitment
    will = any_language("will", r"\b(WORDS)\b")
    a.commitment = [Match(quote=s) for s in (sentences(text) if has(when, text) else ())
                    if has(when, s) and (will.search(s) or has(sig["ownership"], s)) and not has(sig["pressure"], s)]
    a.deferral = [] if a.commitment else find(sv.get("deferral", []), text)
    if a.details_request:
        asks = {q.lower() for q in sentences(text) if has(sv["details_request"], q)}
        a.closed_questions = [m for m in a.closed_questions if m.quote.lower() not in asks]
        a.open_questions = [m for m in a.open_questions if m.quote.lower() not in asks]
    courteous = {sentence_of(text, text.lower().find(m.quote.lower())) for m in a.courtesy}
    a.empathy = [m for m in a.empathy if sentence_of(text, text.lower().find(m.quote.lower())) not in courteous]
    a.repeats = next((e.index for e in earlier if _similar(turns[e.index].text, text, language)), None)


def analyse_transcript(turns: list[Turn], persona: Persona | None = None, language: str = "en") -> list[TurnAnalysis]:
    """Analyse every trainee turn in order (each sees the analyses before it)."""
    out: list[TurnAnalysis] = []
    for i, t in enumerate(turns):
        if t.speaker == "trainee" and t.text.strip():
            out.append(analyse_turn(turns, i, persona, language, out))
    return out
