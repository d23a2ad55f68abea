"""What every skill module needs to know about one conversation, worked out once.

`Context` holds the transcript, the persona (or None), the language, the turn
analyses (run once by the grader), and a reading of the customer's side: their
questions and whether they got answered, signs of tension, complaints about not
being heard, hidden needs, how the conversation ended, and voice timing.

`Ledger` is how a skill module scores: a base, then points for what the
trainee did, each with its evidence (a verbatim quote from one turn) and, for
what went wrong, a tip; the words come from the session language's pack
(`Context.say`).  Points of one kind are capped, so doing one thing many
times cannot carry a score.  Credit fills up to 100 at most; penalties are
taken off after that, so a strong conversation cannot bank credit to hide a
mistake.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from roleplay.cues import addresses, customer_questions
from roleplay.findings import TurnAnalysis
from roleplay.lexicon import any_language, capitals, signals
from roleplay.matching import find, has
from roleplay.sentences import sentence_of
from roleplay.sentences import split_sentences as sentences
from roleplay.words import content_words, shared_words
from roleplay import languages
from roleplay.persona import Persona
from roleplay.transcript import Transcript

from .scorecard import Evidence, SkillScore
from .timing import VoiceMetrics, voice_metrics

MAX_QUOTE = 220


def clip(text: str, fragment: str = "", limit: int = MAX_QUOTE) -> str:
    """A verbatim piece of `text` of at most `limit` characters, around `fragment` when given."""
    text_s = text.strip()
    if fragment and fragment in text:
        start = text.index(fragment)
        if len(fragment) > 160:
            first = sentence_of(text, start + len(fragment) - len(fragment.lstrip()))
            if first in fragment and len(first) <= limit:
                return first
            return fragment[:limit].rsplit(" ", 1)[0] or fragment[:limit]
        sent = sentence_of(text, start)
        if fragment in sent and len(sent) <= limit:
            return sent
        if len(fragment) >= limit // 3:
            return fragment
        a = max(0, start - (limit - len(fragment)) // 2)
        b = min(len(text), a + limit)
        piece = text[a:b]
        if a > 0 and " " in piece:
            piece = piece.split(" ", 1)[1]
        if b < len(text) and " " in piece:
            piece = piece.rsplit(" ", 1)[0]
        return piece.strip() if fragment in piece else fragment
    if len(text_s) <= limit:
        return text_s
    first = sentence_of(text, len(text) - len(text.lstrip()))
    if len(first) <= limit:
        return first
    return text_s[:limit].rsplit(" ", 1)[0]


@dataclass
class Question:
    turn: int  # the customer turn
    text: str  # the question, verbatim
    answered_at: int | None = None  # the trainee turn that addressed it
    reply_turn: int | None = None  # the trainee turn right after it
    repeated: bool = False  # the customer had to ask it again
    complaint: bool = False  # "Surely…?", "That's it?": a complaint in question form, not a request for information


@dataclass
class Context:
    transcript: Transcript
    persona: Persona | None
    language: str
    analyses: list[TurnAnalysis]
    by_turn: dict[int, TurnAnalysis] = field(default_factory=dict)
    questions: list[Question] = field(default_factory=list)
    tension: dict[int, list[str]] = field(default_factory=dict)  # customer turn -> cues
    hostile_customer: list[int] = field(default_factory=list)  # swearing, shouting, anger
    not_heard: list[tuple[int, str]] = field(default_factory=list)  # customer turn, quote
    asks: dict[int, tuple[str, ...]] = field(default_factory=dict)  # customer turn -> its real questions (cues)
    hidden: list[dict] = field(default_factory=list)
    ending: str | None = None  # "accepted", "undecided", "resigned", "left" or None
    ending_turn: int | None = None
    ending_quote: str = ""
    voice: VoiceMetrics | None = None
    _next: list | None = None

    @property
    def turns(self):
        return self.transcript.turns

    def text(self, i: int) -> str:
        return self.transcript.turns[i].text

    def prev_customer(self, i: int) -> int | None:
        for j in range(i - 1, -1, -1):
            if self.turns[j].speaker == "customer":
                return j
        return None

    def next_trainee(self, i: int) -> int | None:
        """The first analysed trainee turn after turn i (worked out once for all i)."""
        if self._next is None:
            nxt: list[int | None] = [None] * (len(self.turns) + 1)
            for j in range(len(self.turns) - 1, -1, -1):
                nxt[j] = j if j in self.by_turn else nxt[j + 1]
            self._next = nxt
        return self._next[i + 1] if i + 1 < len(self._next) else None

    def say(self, key: str, /, **values) -> str:
        """A text for the trainee in the session's language (roleplay.languages, `tips`)."""
        return languages.say(self.language, key, **values)

    def said(self, quote: str, limit: int = 90) -> str:
        """A quote for a tip: short, in the language's quotation marks."""
        q = " ".join(quote.split())
        if len(q) > limit:
            q = q[:limit].rsplit(" ", 1)[0] + " …"
        return self.say("quote", text=q)

    @property
    def first_name(self) -> str:
        return self.persona.name.split()[0] if self.persona else ""


_CAPS_WORD = r"\b(?!VPN\b|PDF\b|CSV\b|CRM\b|FAQ\b)[CAPITALS]{4,}\b"


def best_sentence(text: str, words: set[str], language: str) -> str:
    """The sentence of `text` (verbatim) that shares most of `words`."""
    best, score = "", -1
    for s in sentences(text):
        n = len(shared_words(content_words(s, language), words, language))
        if n > score:
            best, score = s, n
    return best or text


def build(transcript: Transcript, persona: Persona | None, language: str, analyses: list[TurnAnalysis]) -> Context:
    ctx = Context(transcript, persona, language, analyses, by_turn={a.index: a for a in analyses})
    sig = signals(language)
    turns = transcript.turns
    greeting = any_language("greeting", r"^\s*(WORDS)\b")
    hostile = any_language("hostile", r"\b(WORDS)\b|!{2,}")
    shouting = capitals(_CAPS_WORD)

    # The customer's side: tension, complaints about not being heard, questions.
    for j, t in enumerate(turns):
        if t.speaker != "customer":
            continue
        cues = [m.quote for m in find(sig["tension"], t.text)]
        if "!" in t.text and any(x.endswith("!") and not has(sig["accepting"], x) and not greeting.match(x)
                                 for x in sentences(t.text)):
            cues.append("!")
        if cues:
            ctx.tension[j] = cues
        if hostile.search(t.text) or shouting.search(t.text):
            ctx.hostile_customer.append(j)
        for m in find(sig["not_heard"], t.text)[:1]:
            ctx.not_heard.append((j, m.quote))
        ctx.asks[j] = customer_questions(t.text, language)  # cached: the turn analysis read them too
        for q in ctx.asks[j]:
            ctx.questions.append(Question(turn=j, text=q, complaint=has(sig["complaint_question"], q)))

    # Words of the conversation up to each turn (for "is this name new?"), built once.
    asked_at = {q.turn for q in ctx.questions}
    seen_upto: dict[int, frozenset[str]] = {}
    acc: set[str] = set()
    for j, t in enumerate(turns):
        if j in asked_at:
            seen_upto[j] = frozenset(acc)
        acc |= content_words(t.text, language)

    # Was each question addressed by the next trainee turn, or the one after it?
    for q in ctx.questions:
        first = ctx.next_trainee(q.turn)
        q.reply_turn = first
        cand = first
        offered = set()
        for a in analyses:
            if first is not None and a.index < first:
                offered.update(o.item for o in a.offers)
        for _ in range(2):
            if cand is None:
                break
            a = ctx.by_turn[cand]
            if cand == first and ctx.prev_customer(cand) == q.turn:
                # the turn analysis has already checked this reply against the customer turn just before it
                answered = q.text not in a.unanswered
            else:
                new = any(o.item not in offered for o in a.offers) or bool(a.breaches)
                answered = addresses(q.text, ctx.text(cand), language, a, new, seen_upto[q.turn])
            if answered:
                q.answered_at = cand
                break
            offered.update(o.item for o in a.offers)
            # only look one turn further if the customer did not move on to a new question in between
            nxt = ctx.next_trainee(cand)
            between = [j for j in range(cand + 1, nxt or len(turns)) if turns[j].speaker == "customer"]
            if any(ctx.asks[j] for j in between):
                qw = content_words(q.text, language)
                if any(shared_words(content_words(turns[j].text, language), qw, language) for j in between):
                    q.repeated = True
                break
            cand = nxt

    # Hidden needs (persona): when the customer let one out, and whether the trainee took it up.
    if persona is not None:
        unlocked = {f for a in analyses for f in a.unlocked}
        for fact in persona.hidden_facts:
            fw = content_words(fact.text, language)
            revealed = None
            for j, t in enumerate(turns):
                if t.speaker == "customer" and j > 0:
                    shared = shared_words(content_words(t.text, language), fw, language)
                    if len(shared) >= 3 or (len(shared) >= 2 and len(shared) / len(fw) >= 0.2):
                        revealed = j
                        break
            taken = None
            if revealed is not None:
                cw = content_words(turns[revealed].text, language)
                for k in range(revealed + 1, min(len(turns), revealed + 4)):
                    a = ctx.by_turn.get(k)
                    if a is None:
                        continue
                    # A promise the policy forbids tells them what they want to hear: it takes up nothing.
                    false = {b.quote for b in a.breaches}
                    honest = " ".join(s for s in sentences(turns[k].text) if s.strip() not in false)
                    echo = shared_words(content_words(honest, language), cw, language)
                    if len(echo) >= 2 or (echo and (a.reflection or a.empathy)):
                        taken = k
                        break
            # the sentence that took it up: the quote listening and empathy both give as evidence
            quote = best_sentence(turns[taken].text, cw, language) if taken is not None else ""
            ctx.hidden.append({"id": fact.id, "text": fact.text, "revealed": revealed, "taken_up": taken,
                               "quote": quote, "earned": fact.id in unlocked})

    # How it ended: the customer's last words.
    last_c = next((j for j in range(len(turns) - 1, -1, -1) if turns[j].speaker == "customer"), None)
    if last_c is not None and last_c > 0:
        lt = turns[last_c].text
        for kind, group in (("left", "leaving"), ("undecided", "undecided"), ("resigned", "resigned"),
                            ("accepted", "accepting")):
            m = find(sig[group], lt)
            if m:
                ctx.ending, ctx.ending_turn, ctx.ending_quote = kind, last_c, m[0].quote
                break
        if transcript.end_reason == "customer_left":
            ctx.ending, ctx.ending_turn, ctx.ending_quote = "left", last_c, ctx.ending_quote or clip(lt)
        elif transcript.end_reason == "resolved" and ctx.ending != "accepted":
            ctx.ending, ctx.ending_turn, ctx.ending_quote = "accepted", last_c, ctx.ending_quote or clip(lt)

    ctx.voice = voice_metrics(transcript)
    return ctx


class Ledger:
    """Points with evidence.  `add` records one finding; `result` turns them into a SkillScore."""

    def __init__(self, ctx: Context, base: float, note: str = ""):
        self.ctx = ctx
        self.base = base
        self.points: dict[str, float] = {}
        self.caps: dict[str, tuple[float, float]] = {}
        self.evidence: list[Evidence] = []
        self.tips: list[tuple[int, str]] = []  # (priority, tip)
        self.notes: list[str] = [note] if note else []
        self.ceiling = 100.0
        self.floor = 0.0
        self._seen: set[tuple] = set()

    def cap(self, key: str, lo: float, hi: float) -> None:
        self.caps[key] = (lo, hi)

    def add(self, key: str, points: float, turn: int | None = None, quote: str = "", note: str = "",
            tip: str | None = None, priority: int = 5, effect: str | None = None) -> None:
        self.points[key] = self.points.get(key, 0.0) + points
        if turn is not None and quote and note:
            text = self.ctx.text(turn)
            q = clip(text, quote)
            if q and q in text:
                eff = effect or ("+" if points >= 0 else "-")
                k = (turn, q, note)
                if k not in self._seen:
                    self._seen.add(k)
                    self.evidence.append(Evidence(turn=turn, quote=q, note=note, effect=eff))
        if tip:
            self.tip(tip, priority)

    def tip(self, text: str, priority: int = 5) -> None:
        if all(t != text for _, t in self.tips):
            self.tips.append((priority, text))

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def total(self) -> float:
        """base + credit (at most 100 together), then every penalty bites in full, then the ceiling."""
        plus = minus = 0.0
        for key, pts in self.points.items():
            lo, hi = self.caps.get(key, (-1000.0, 1000.0))
            v = max(lo, min(hi, pts))
            if v >= 0:
                plus += v
            else:
                minus += v
        s = min(100.0, self.base + plus) + minus
        return max(self.floor, min(self.ceiling, s, 100.0))

    def result(self, metrics: dict | None = None, max_tips: int = 4) -> SkillScore:
        score = round(max(0.0, min(100.0, self.total())), 1)
        tips = [t for _, t in sorted(self.tips, key=lambda x: x[0])][:max_tips]
        ev = sorted(self.evidence, key=lambda e: (e.turn, e.effect))
        return SkillScore(score=score, evidence=ev, tips=tips, notes=self.notes, metrics=metrics)
