"""Turn analysis: what one trainee turn does, judged from the words and the conversation so far.

The simulated customer's state moves on these findings, and the evaluators grade
on the same findings, so the customer reacts to exactly what gets graded.  Every
finding carries the verbatim quote it rests on (evidence for the scorecard).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, Field

from .lexicon import SIGNALS, STOPWORDS
from .persona import Persona
from .transcript import Turn


class Match(BaseModel):
    quote: str  # verbatim from the turn
    item: str = ""  # policy item / fact id where relevant
    note: str = ""


class TurnAnalysis(BaseModel):
    index: int
    words: int = 0
    empathy: list[Match] = Field(default_factory=list)
    stock_empathy: bool = False  # the same acknowledgement used before: it no longer counts
    apology: list[Match] = Field(default_factory=list)
    ownership: list[Match] = Field(default_factory=list)
    open_questions: list[Match] = Field(default_factory=list)
    closed_questions: list[Match] = Field(default_factory=list)
    reflection: list[Match] = Field(default_factory=list)  # says back the customer's substance
    stock_listening: list[Match] = Field(default_factory=list)  # "I hear you" with nothing behind it
    echoed: list[str] = Field(default_factory=list)  # customer content words taken up
    asked_again: list[Match] = Field(default_factory=list)  # asked for a fact the customer already gave
    customer_question: str | None = None  # the question the customer had just asked
    answered: bool | None = None  # None when the customer had asked nothing
    rudeness: list[Match] = Field(default_factory=list)
    calm_down: list[Match] = Field(default_factory=list)
    dismissal: list[Match] = Field(default_factory=list)
    blame: list[Match] = Field(default_factory=list)
    threat: list[Match] = Field(default_factory=list)
    shouting: list[Match] = Field(default_factory=list)
    pressure: list[Match] = Field(default_factory=list)
    dont_know: list[Match] = Field(default_factory=list)
    solution: list[Match] = Field(default_factory=list)
    offers: list[Match] = Field(default_factory=list)  # allowed policy items offered
    breaches: list[Match] = Field(default_factory=list)  # forbidden items promised or claimed
    triggers: list[Match] = Field(default_factory=list)  # persona-specific; note holds the delta
    unlocked: list[str] = Field(default_factory=list)  # hidden facts earned this turn
    injection: list[Match] = Field(default_factory=list)

    @property
    def hostile(self) -> bool:
        return bool(self.rudeness or self.calm_down or self.threat or self.shouting)

    @property
    def substantive(self) -> bool:
        """Gives the customer something: an answer, an offer, a real question, their own words back, a next step."""
        return bool(
            self.reflection or self.open_questions or self.offers or self.solution or self.ownership
            or self.dont_know or self.answered
        )


_FLAGS = re.IGNORECASE | re.UNICODE


@lru_cache(maxsize=4096)
def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, _FLAGS)


def signals(language: str) -> dict[str, list[str]]:
    return SIGNALS.get(language, SIGNALS["en"])


def find(patterns: list[str], text: str, item: str = "", note: str = "") -> list[Match]:
    out, seen = [], set()
    for p in patterns:
        for m in _rx(p).finditer(text):
            quote = m.group(0).strip(" ,")
            if quote and quote.lower() not in seen:
                seen.add(quote.lower())
                out.append(Match(quote=quote, item=item, note=note))
    return out


# A sentence ends at . ! ? followed by space or the end, so "$6.90" and "e.g.x" stay whole.
_SENTENCE = re.compile(r".+?(?:[.!?…]+(?=\s|$)|\n|$)", re.UNICODE | re.DOTALL)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.group(0).strip()]


def sentences(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in sentence_spans(text)]


def _sentence_at(text: str, pos: int) -> tuple[int, int]:
    return next(((a, b) for a, b in sentence_spans(text) if a <= pos < b), (0, len(text)))


def _negated(text: str, start: int, language: str) -> bool:
    """Is the match at `start` negated within its sentence ("I can't give you a gift card")?"""
    a, _ = _sentence_at(text, start)
    before = re.split(r"[;,]\s*(?:but|men|mutta)\b", text[a:start])[-1][-60:]
    # "not only … but", "no problem" are not refusals.
    before = re.sub(r"\b(not only|no problem|no worries|no doubt)\b", "", before, flags=_FLAGS)
    return any(_rx(p).search(before) for p in signals(language)["negation"])


def find_policy(items, text: str, language: str) -> list[Match]:
    out = []
    for item in items:
        for p in item.patterns:
            m = next((m for m in _rx(p).finditer(text) if not _negated(text, m.start(), language)), None)
            if m:
                out.append(Match(quote=_clause_quote(text, m), item=item.id, note=item.text))
                break
    return out


def _clause_quote(text: str, m: re.Match) -> str:
    """The sentence around a match, so evidence reads as the trainee's words, not a fragment."""
    a, b = _sentence_at(text, m.start())
    return text[a:b].strip()


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)


def content_words(text: str, language: str) -> set[str]:
    stop = STOPWORDS.get(language, STOPWORDS["en"])
    return {w for w in (t.lower() for t in _WORD.findall(text)) if (len(w) >= 3 or w.isdigit()) and w not in stop}


def _stem(word: str) -> str:
    # Crude but language-neutral: inflected forms share their first five letters (Swedish, Finnish too).
    return word if word.isdigit() else word[:5]


def shared_words(a: set[str], b: set[str]) -> list[str]:
    stems_b = {_stem(w) for w in b}
    return sorted(w for w in a if _stem(w) in stems_b)


def _questions(text: str) -> list[str]:
    return [s for s in sentences(text) if s.endswith("?")]


def _shouting(text: str) -> list[Match]:
    caps = re.findall(r"\b[A-ZÅÄÖ]{3,}(?:\s+[A-ZÅÄÖ]{2,})+\b", text)
    out = [Match(quote=c) for c in caps if c not in ("FAQ", "PDF", "CSV", "CRM")]
    out += [Match(quote=m.group(0)) for m in re.finditer(r"[^.!?]{0,40}!{2,}", text)]
    return out


_REQUEST = re.compile(r"\b(can|could|may|need|give|provide|tell|confirm|what|which|kan|behöver|ge|vad|voisitko|tarvitsen|mikä)\b", _FLAGS)


def _is_request(text: str, quote: str) -> bool:
    sentence = next((s for s in sentences(text) if quote.lower() in s.lower()), "")
    return sentence.endswith("?") or bool(_REQUEST.search(sentence))


def given_facts(persona: Persona | None, turns: list[Turn]) -> set[str]:
    """Facts whose value has appeared in the conversation so far."""
    if persona is None:
        return set()
    said = " ".join(t.text for t in turns).lower()
    return {f.id for f in persona.knows if f.value and f.value.lower() in said}


def analyse_turn(
    turns: list[Turn],
    index: int,
    persona: Persona | None = None,
    language: str = "en",
    earlier: list[TurnAnalysis] | None = None,
) -> TurnAnalysis:
    """Analyse turns[index] (a trainee turn) in the light of the turns before it."""
    text = turns[index].text
    sig = signals(language)
    before = turns[:index]
    last_customer = next((t.text for t in reversed(before) if t.speaker == "customer"), "")
    a = TurnAnalysis(index=index, words=len(_WORD.findall(text)))
    for name in ("apology", "ownership", "rudeness", "calm_down", "dismissal", "blame", "threat", "pressure",
                 "dont_know", "solution", "injection", "stock_listening"):
        setattr(a, name, find(sig[name], text))
    a.shouting = _shouting(text)

    # Empathy counts once per wording: repeating the same stock line is not listening.
    empathy = find(sig["empathy"], text)
    used = {m.quote.lower() for e in (earlier or []) for m in e.empathy}
    a.empathy = [m for m in empathy if m.quote.lower() not in used]
    a.stock_empathy = bool(empathy) and not a.empathy

    questions = _questions(text)
    opens = find(sig["open_question"], text)
    a.open_questions = [Match(quote=q) for q in questions if any(o.quote in q or q in o.quote for o in opens)]
    a.closed_questions = [Match(quote=q) for q in questions if all(q != o.quote for o in a.open_questions)]

    customer_words = content_words(last_customer, language)
    a.echoed = shared_words(content_words(text, language), customer_words)
    leads = find(sig["reflection_lead"], text)
    if (leads and a.echoed) or len(a.echoed) >= 3:
        a.reflection = leads or [Match(quote=_clause_quote(text, re.search(re.escape(a.echoed[0]), text, _FLAGS)))]

    cq = _questions(last_customer)
    if cq:
        a.customer_question = cq[-1]
        q_words = content_words(" ".join(cq), language)
        a.answered = bool(
            shared_words(content_words(text, language), q_words)
            or a.dont_know
            or re.search(r"^\s*(yes|no|yeah|nope|sure|of course|absolutely|ja|nej|kyllä|ei)\b", text, _FLAGS)
            or (re.search(r"\d", text) and re.search(r"\b(how much|how long|when|cost|price|vad kostar|hur länge|när|paljonko|milloin|kauanko)\b", " ".join(cq), _FLAGS))
        )

    if persona is not None:
        given = given_facts(persona, before)
        for fact in persona.knows:
            if fact.id in given:
                a.asked_again.extend(m for m in find(fact.ask, text, item=fact.id, note=fact.text)[:1] if _is_request(text, m.quote))
        a.offers = find_policy(persona.policy.allowed, text, language)
        a.breaches = find_policy(persona.policy.forbidden, text, language)
        for trig in persona.temperament.triggers:
            a.triggers.extend(find(trig.patterns, text, note=str(trig.delta))[:1])
        revealed = {f for e in (earlier or []) for f in e.unlocked}
        by_empathy = bool(a.empathy)  # real empathy earns one fact, an open question on a topic earns its fact
        for fact in persona.hidden_facts:
            if fact.id in revealed:
                continue
            topical = any(_rx(p).search(q.quote) for p in fact.topics for q in a.open_questions)
            if topical and fact.unlock in ("open_question", "either"):
                a.unlocked.append(fact.id)
            elif by_empathy and fact.unlock in ("empathy", "either"):
                a.unlocked.append(fact.id)
                by_empathy = False
    return a


def analyse_transcript(turns: list[Turn], persona: Persona | None = None, language: str = "en") -> list[TurnAnalysis]:
    """Analyse every trainee turn in order (each sees the analyses before it)."""
    out: list[TurnAnalysis] = []
    for i, t in enumerate(turns):
        if t.speaker == "trainee" and t.text.strip():
            out.append(analyse_turn(turns, i, persona, language, out))
    return out
