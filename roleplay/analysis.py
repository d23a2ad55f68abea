"""Turn analysis: what one trainee turn does, judged from the words and the conversation so far.

The simulated customer's state moves on these findings, and the evaluators grade
on the same findings, so the customer reacts to exactly what gets graded.  Every
finding carries the verbatim quote it rests on (evidence for the scorecard).

Speed matters (the evaluators batch-grade hundreds of transcripts a second):
a pattern only runs on a text that holds one of the literal words it needs
(worked out once from the parsed pattern), and sentence splits and content
words are cached per text.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from itertools import chain

try:  # the parsed form of a pattern tells which literal words it needs (Python 3.11+)
    import re._constants as _C
    import re._parser as _P
except ImportError:  # pragma: no cover - then every pattern simply runs on every text
    _C = _P = None

from pydantic import BaseModel, Field

from . import policy_phrases
from .lexicon import GENERIC_FACTS, LANGUAGE_HINTS, SIGNALS, SOLVING, STOPWORDS
from .persona import Fact, Persona
from .sentences import sentence_at, sentence_spans
from .sentences import split_sentences as sentences
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
    asked_for: list[str] = Field(default_factory=list)  # facts of the persona asked for, not yet given
    withdrawn: list[Match] = Field(default_factory=list)  # an earlier offer now declined: a contradiction
    customer_question: str | None = None  # the question the customer had just asked
    answered: bool | None = None  # None when the customer had asked nothing
    rudeness: list[Match] = Field(default_factory=list)
    calm_down: list[Match] = Field(default_factory=list)
    dismissal: list[Match] = Field(default_factory=list)
    blame: list[Match] = Field(default_factory=list)
    threat: list[Match] = Field(default_factory=list)
    shouting: list[Match] = Field(default_factory=list)
    pressure: list[Match] = Field(default_factory=list)
    belittling: list[Match] = Field(default_factory=list)  # making light of the customer's loss
    sarcasm: list[Match] = Field(default_factory=list)
    reason: list[Match] = Field(default_factory=list)  # a because-clause: the why behind a no
    dont_know: list[Match] = Field(default_factory=list)
    solution: list[Match] = Field(default_factory=list)
    offers: list[Match] = Field(default_factory=list)  # allowed policy items offered
    breaches: list[Match] = Field(default_factory=list)  # forbidden items promised or claimed
    triggers: list[Match] = Field(default_factory=list)  # persona-specific; note holds the delta
    unlocked: list[str] = Field(default_factory=list)  # hidden facts earned this turn
    injection: list[Match] = Field(default_factory=list)
    # Added for the evaluators (the customer's state does not use them).
    argue: list[Match] = Field(default_factory=list)  # contradicting, defending, "as I said"
    overclaim: list[Match] = Field(default_factory=list)  # "I guarantee", "definitely", "never again"
    refusals: list[Match] = Field(default_factory=list)  # a forbidden item named and clearly declined: an honest no
    unlisted: list[Match] = Field(default_factory=list)  # a price or percentage the policy sheet does not give
    questions: list[str] = Field(default_factory=list)  # the customer's real questions this turn answers to
    unanswered: list[str] = Field(default_factory=list)  # of those, the ones this turn does not address
    confirmed: list[Match] = Field(default_factory=list)  # a detail the customer gave, said back to confirm it
    echoed_earlier: list[str] = Field(default_factory=list)  # content words from earlier customer turns taken up
    cut_off: bool = False  # the customer's last message looked unfinished when this turn came
    stock_only: bool = False  # stock phrases and nothing else for the customer
    # Solving (lexicon.SOLVING): what the turn does about the problem, and the stock lines that stand in for it.
    steps: list[Match] = Field(default_factory=list)  # a step the customer can take, or a fix already made
    cause: list[Match] = Field(default_factory=list)  # why it happened
    commitment: list[Match] = Field(default_factory=list)  # a sentence with a what and a when
    deferral: list[Match] = Field(default_factory=list)  # "passed on, please wait" with no when
    courtesy: list[Match] = Field(default_factory=list)  # "sorry for the inconvenience", "thanks for your support"
    details_request: list[Match] = Field(default_factory=list)  # personal details or a private message asked for
    repeats: int | None = None  # the earlier trainee turn this one says again, nearly word for word

    @property
    def hostile(self) -> bool:
        return bool(self.rudeness or self.calm_down or self.threat or self.shouting or self.belittling
                    or self.sarcasm)

    @property
    def substantive(self) -> bool:
        """Gives the customer something: an answer, an offer, a real question, their own words back, a next step."""
        return bool(
            self.reflection or self.open_questions or self.offers or self.solution or self.ownership
            or self.dont_know or self.answered or self.steps or self.commitment
        )

    @property
    def acts(self) -> bool:
        """Does something about the problem (a step, a fix, a commitment, an offer, an answer, a real question)?
        An apology or a thank-you only counts alongside one of these."""
        return bool(self.substantive or self.cause or self.closed_questions) and self.repeats is None


_FLAGS = re.IGNORECASE | re.UNICODE


@lru_cache(maxsize=4096)
def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, _FLAGS)


def signals(language: str) -> dict[str, list[str]]:
    return SIGNALS.get(language, SIGNALS["en"])


def solving(language: str) -> dict[str, list[str]]:
    """The solving and outcome cues of a language (lexicon.SOLVING); a language without them finds none."""
    return SOLVING.get(language, {})


_PREPARED: dict[int, object] = {}


def _prepare(language: str, persona: Persona | None) -> None:
    """Register every pattern group of a language and a persona at once, so the anchor scan is built once."""
    key = id(persona) if persona is not None else hash(language)
    if _PREPARED.get(key) is (persona or language):
        return
    for patterns in signals(language).values():
        _register(patterns)
    if persona is not None:
        for item in (*persona.policy.allowed, *persona.policy.forbidden, *persona.temperament.triggers):
            _register(item.patterns)
        for f in persona.knows:
            _register(f.ask)
    for _, _, asks, _ in _generic_facts(language):
        _register(asks)
    if len(_PREPARED) > 1000:
        _PREPARED.clear()
    _PREPARED[key] = persona or language


def _required(seq) -> set[str] | None:
    """Strings one of which every match of the parsed pattern `seq` must contain (None: can't tell)."""
    best: set[str] | None = None

    def consider(cand: set[str] | None) -> None:
        nonlocal best
        if cand and (best is None or min(map(len, cand)) > min(map(len, best))):
            best = cand

    run = ""
    for op, av in seq:
        if op is _C.LITERAL:
            run += chr(av).lower()
            continue
        if op is _C.AT:
            continue  # zero-width (\b, ^): the literal run goes on
        consider({run} if run else None)
        run = ""
        if op is _C.SUBPATTERN:
            consider(_required(av[-1]))
        elif op is _C.BRANCH:
            parts = [_required(b) for b in av[1]]
            if all(parts):
                consider(set().union(*parts))
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] >= 1:
            consider(_required(av[2]))
    consider({run} if run else None)
    return best


@lru_cache(maxsize=8192)
def _anchors(pattern: str) -> tuple[str, ...] | None:
    if _P is None:
        return None
    try:
        req = _required(_P.parse(pattern, _FLAGS))
    except Exception:  # an exotic pattern: always run it
        return None
    if not req or min(map(len, req)) < 2:
        return None
    return tuple(sorted(req))


# Every anchor string of every pattern group seen so far, as one trie-shaped regex: one scan of a
# text tells which anchors it holds, and so which patterns can possibly match it.
_TRIE: dict = {}
_GROUPS: dict[tuple[str, ...], tuple[int, list[int]]] = {}
# The current scanner's generation (None when anchors were added since), and the registry's epoch.
_state: dict = {"gen": None, "epoch": 0}
_SCANNERS: dict[int, re.Pattern] = {}  # generation -> scanner (an int key: hashing the pattern itself is slow)
_LOCK = threading.RLock()  # registering patterns and building the scanner (the web app grades in threads)


def _trie_source(node: dict) -> str:
    alts = [re.escape(ch) + _trie_source(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def _add_anchor(anchor: str) -> None:
    node = _TRIE
    for ch in anchor:
        node = node.setdefault(ch, {})
    if "" not in node:
        node[""] = True
        _state["gen"] = None


_ANCHOR_GROUPS: dict[str, list[tuple[int, int]]] = {}  # anchor -> [(group id, pattern index)]


# Pattern groups remembered at once.  Every persona edit brings new ones; past this many the
# registry starts again (groups register again on their next use), so a long-running server
# that sees many edits keeps a bounded scanner.
MAX_GROUPS = 4000


def _forget_patterns() -> None:
    """Drop every registered group and anchor (the lock held); a new epoch tells callers mid-way."""
    _GROUPS.clear()
    _ANCHOR_GROUPS.clear()
    _TRIE.clear()
    _PREFIXES.clear()
    _BY_ID.clear()
    _PREPARED.clear()
    _state["gen"] = None
    _state["epoch"] += 1


def _group(patterns: tuple[str, ...]) -> tuple[int, list[int]]:
    """(group id, unanchored pattern indexes) for a pattern group, registering its anchors."""
    g = _GROUPS.get(patterns)
    if g is not None:
        return g
    with _LOCK:
        g = _GROUPS.get(patterns)
        if g is not None:
            return g
        if len(_GROUPS) >= MAX_GROUPS:
            _forget_patterns()
        gid = len(_GROUPS)
        unanchored: list[int] = []
        for i, p in enumerate(patterns):
            anchors = _anchors(p)
            if anchors is None:
                unanchored.append(i)
                continue
            for a in anchors:
                _ANCHOR_GROUPS.setdefault(a, []).append((gid, i))
                _add_anchor(a)
        g = _GROUPS[patterns] = (gid, unanchored)
    return g


_PREFIXES: dict[str, tuple[str, ...]] = {}  # anchor -> the shorter anchors it starts with


def _prefixes(anchor: str) -> tuple[str, ...]:
    got = _PREFIXES.get(anchor)
    if got is None:
        node, out = _TRIE, []
        for k, ch in enumerate(anchor, 1):
            node = node[ch]
            if "" in node and k < len(anchor):
                out.append(anchor[:k])
        got = _PREFIXES[anchor] = tuple(out)
    return got


def _scanner() -> int:
    """The generation of the one regex over every registered anchor (a trie: each position costs a few steps)."""
    gen = _state["gen"]
    if gen is None:
        with _LOCK:
            gen = _state["gen"]
            if gen is None:
                _PREFIXES.clear()
                gen = max(_SCANNERS, default=0) + 1
                _SCANNERS[gen] = re.compile(f"(?=({_trie_source(_TRIE)}))")
                for old in [g for g in _SCANNERS if g < gen - 3]:
                    del _SCANNERS[old]
                _state["gen"] = gen
    return gen


@lru_cache(maxsize=4096)
def _hits(low: str, gen: int) -> dict[int, set[int]]:
    """For one lower-cased text: group id -> indexes of the patterns whose anchors it holds."""
    found = set(_SCANNERS[gen].findall(low))  # the longest anchor at each position …
    for a in list(found):
        found.update(_prefixes(a))  # … and every shorter anchor it starts with
    out: dict[int, set[int]] = {}
    for a in found:
        for gid, i in _ANCHOR_GROUPS.get(a, ()):
            if gid in out:
                out[gid].add(i)
            else:
                out[gid] = {i}
    return out


_BY_ID: dict[int, tuple] = {}


def _register(patterns) -> tuple:
    g = _BY_ID.get(id(patterns))
    if g is None or g[0] is not patterns:
        with _LOCK:
            if len(_BY_ID) > 20000:
                _BY_ID.clear()
            pt = tuple(patterns)
            g = _BY_ID[id(patterns)] = (patterns, pt, *_group(pt))  # holds the list, so its id stays unique
    return g


def _candidates(patterns, low: str) -> list[str]:
    """The patterns that can match `low` (the lower-cased text): those whose anchor words it holds."""
    while True:  # again if the registry started over meanwhile: group ids then mean other groups
        epoch = _state["epoch"]
        _, pt, gid, unanchored = _register(patterns)
        chosen = _hits(low, _scanner()).get(gid)
        if _state["epoch"] == epoch:
            break
    if not chosen:
        return [pt[i] for i in unanchored]
    if unanchored:
        chosen = chosen.union(unanchored)
    return [pt[i] for i in sorted(chosen)]


def find(patterns: list[str], text: str, item: str = "", note: str = "") -> list[Match]:
    out, seen = [], set()
    for p in _candidates(patterns, text.lower()):
        for m in _rx(p).finditer(text):
            quote = m.group(0).strip(" ,")
            if quote and quote.lower() not in seen:
                seen.add(quote.lower())
                out.append(Match(quote=quote, item=item, note=note))
    return out


def _has(patterns: list[str], text: str) -> bool:
    return any(_rx(p).search(text) for p in _candidates(patterns, text.lower()))


def sentence_of(text: str, pos: int) -> str:
    """The sentence (verbatim) that holds character `pos`."""
    a, b = sentence_at(text, pos)
    return text[a:b]


# A negation only covers its own clause: "for the months you can't use, and switch off auto-renewal"
# offers the switch-off; "I can't refund the full order" declines the refund.
_CLAUSE = re.compile(r"[,;:]\s*|\b(?:and|but|so|however|while|men|och|så|utan|mutta|ja|joten|vaan|kuitenkin)\b", _FLAGS)
_NOT_NEGATION = re.compile(r"\b(not only|no problem|no worries|no doubt|no rush|no commitment|no credit card)\b", _FLAGS)


def _negated(text: str, start: int, language: str) -> bool:
    """Is the match at `start` negated within its clause ("I can't give you a gift card")?"""
    a, _ = sentence_at(text, start)
    clause = _CLAUSE.split(text[a:start])[-1]
    before = " ".join(clause.split()[-8:])
    # "not only … but", "no problem" are not refusals.
    before = _NOT_NEGATION.sub("", before)
    return bool(before) and _has(signals(language)["negation"], before)


_ASKING = re.compile(r"\b(whether|asking if|wondering if|want to know if|undrar om|frågar om|huruvida|kysyt,? (voinko|voiko)|haluat tietää,? (voinko|voiko))\b", _FLAGS)


def _hypothetical(text: str, start: int) -> bool:
    """"So you're asking whether I can refund the shipping": the customer's request said back, not an offer."""
    a, _ = sentence_at(text, start)
    return bool(_ASKING.search(text[a:start]))


def _policy_hits(items, text: str, language: str) -> tuple[list[Match], list[Match]]:
    """(asserted, declined): items whose examples or patterns match, split on whether the sentence negates them."""
    asserted, declined = [], []
    low = text.lower()
    for item in items:
        hit = neg = None
        regex = (m for p in _candidates(item.patterns, low) for m in _rx(p).finditer(text))
        for m in chain(regex, policy_phrases.find(item, text, language)):
            if _hypothetical(text, m.start()):
                continue
            if _negated(text, m.start(), language):
                neg = neg or m
            else:
                hit = m
                break
        if hit:
            asserted.append(Match(quote=_clause_quote(text, hit), item=item.id, note=item.text))
        elif neg:
            declined.append(Match(quote=_clause_quote(text, neg), item=item.id, note=item.text))
    return asserted, declined


def find_policy(items, text: str, language: str) -> list[Match]:
    return _policy_hits(items, text, language)[0]


def _clause_quote(text: str, m: re.Match) -> str:
    """The sentence around a match, so evidence reads as the trainee's words, not a fragment."""
    a, b = sentence_at(text, m.start())
    return text[a:b].strip()


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)


@lru_cache(maxsize=8192)
def _content(text: str, language: str) -> frozenset[str]:
    stop = STOPWORDS.get(language, STOPWORDS["en"])
    return frozenset(w for w in (t.lower().replace("’", "'") for t in _WORD.findall(text))
                     if (len(w) >= 3 or w.isdigit()) and w not in stop)


def content_words(text: str, language: str) -> set[str]:
    return set(_content(text, language))


def _stem(word: str) -> str:
    # Crude but language-neutral: inflected forms share their first five letters (Swedish, Finnish too).
    return word if word.isdigit() else word[:5]


def shared_words(a: set[str], b: set[str]) -> list[str]:
    stems_b = {w if w.isdigit() else w[:5] for w in b}  # _stem, inlined: this runs a lot
    return sorted(w for w in a if (w if w.isdigit() else w[:5]) in stems_b)


def _questions(text: str) -> list[str]:
    return [s for s in sentences(text) if s.endswith("?")]


_CAPS = re.compile(r"\b[A-ZÅÄÖ]{3,}(?:\s+[A-ZÅÄÖ]{2,})+\b")
_BANGS = re.compile(r"[^.!?]{0,40}!{2,}")
_ACRONYMS = {"FAQ", "PDF", "CSV", "CRM", "VPN", "USB"}


def _shouting(text: str) -> list[Match]:
    out = [Match(quote=c) for c in _CAPS.findall(text) if not set(c.split()) <= _ACRONYMS]
    if "!!" in text:
        out += [Match(quote=m.group(0).strip()) for m in _BANGS.finditer(text)]
    return out


_REQUEST = re.compile(r"\b(can|could|may|need|give|provide|tell|confirm|what|which|kan|behöver|ge|vad|vilket|voisitko|tarvitsen|mikä|kerro)\b", _FLAGS)


def _is_request(text: str, quote: str) -> bool:
    sentence = next((s for s in sentences(text) if quote.lower() in s.lower()), "")
    return sentence.endswith("?") or bool(_REQUEST.search(sentence))


def given_facts(persona: Persona | None, turns: list[Turn]) -> set[str]:
    """Facts whose value has appeared in the conversation so far."""
    if persona is None:
        return set()
    said = " ".join(t.text for t in turns).lower()
    return {f.id for f in persona.knows if f.value and f.value.lower() in said}


# ---------------------------------------------------------------- customer side


def detect_language(text: str) -> str:
    """en, sv or fi from function words (for transcripts that do not say); en when unsure."""
    words = [w.lower() for w in _WORD.findall(text)[:400]]
    scores = {lang: sum(w in hints for w in words) for lang, hints in LANGUAGE_HINTS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] > scores["en"] else "en"


def _proper_nouns(text: str) -> set[str]:
    """Capitalised words that do not start a sentence (names, brands): weak evidence of listening."""
    out = set()
    for a, b in sentence_spans(text):
        ws = _WORD.findall(text[a:b])
        out.update(w.lower() for w in ws[1:] if w[:1].isupper() and not w.isupper())
    return out


def customer_questions(text: str, language: str) -> list[str]:
    """The customer's real questions in a turn: not rhetorical, and about something."""
    sig = signals(language)
    out = []
    for q in _questions(text):
        if _has(sig["rhetorical"], q) or _has(solving(language).get("insult_question", []), q):
            continue
        if _content(q, language) or _has(sig["action_question"], q):
            out.append(q)
    return out


_GREETING = re.compile(r"^\s*(hi|hello|hey|hej|hallå|hei|moi|terve)\b[^,.!?]{0,20}[,.!]\s*", _FLAGS)
_WHY = re.compile(r"\b(why|how come|varför|hur kommer det sig|miksi|minkä takia)\b", _FLAGS)
_BECAUSE = re.compile(r"\b(because|since|so that|we need (it|this|that)|in order to|eftersom|för att|vi behöver|koska|jotta|tarvitsemme)\b", _FLAGS)
_NUMERIC_Q = re.compile(r"\b(how (much|long|many|soon)|when|what time|cost|price|hur (mycket|länge|många)|när|vad kostar|paljonko|kuinka (paljon|kauan)|milloin|mitä .{0,20}maksaa)\b", _FLAGS)


def addresses(question: str, reply: str, language: str, reply_analysis: "TurnAnalysis | None" = None,
              new_offers: bool = False, known: frozenset[str] | set[str] = frozenset()) -> bool:
    """Does `reply` (a trainee turn) address the customer's `question`?

    A shared content word in a statement (not in a question back), a yes/no answer to a
    yes/no question, an offer or next step for "what are you going to do", a figure for
    "how much / when", or an honest "I don't know, I'll check".
    """
    sig = signals(language)
    q_words = set(_content(question, language))
    # A name already in the conversation ("Nimbus") proves nothing when echoed; a new one ("Lotus Notes") does.
    proper = _proper_nouns(question) & set(known)
    if q_words - proper:
        q_words -= proper
    # Statements only, and not ones that merely say the question back ("So you're asking whether …").
    statements = " ".join(s for s in sentences(reply) if not s.endswith("?") and not _has(sig["reflection_lead"], s))
    if q_words and shared_words(set(_content(statements, language)), q_words):
        return True
    if _has(sig["yes_no_question"], question) and _has(sig["answer_start"], _GREETING.sub("", reply, count=1)):
        return True
    if _WHY.search(question) and _BECAUSE.search(statements):
        return True
    a = reply_analysis
    if a is not None and a.dont_know:
        return True
    # A step, a fix or a commitment answers the problem even in other words ("How do I …?" "Go to Settings …").
    if a is not None and (a.steps or a.commitment or (a.cause and _WHY.search(question))):
        return True
    if _has(sig["dont_know"], reply) or _has(sig["unknown"], reply):
        return True  # an honest "I don't know" answers; inventing would not
    if _has(sig["action_question"], question) and (new_offers or _has(sig["solution"], reply)):
        return True
    if _NUMERIC_Q.search(question) and re.search(r"\d", statements):
        return True
    return False


_UNFINISHED = re.compile(r"(\.\.\.|…|—|–|-|,|\b(and|but|so|because|och|men|för att|ja|mutta|koska))\s*$", _FLAGS)


def looks_unfinished(text: str) -> bool:
    return bool(_UNFINISHED.search(text.strip()))


# ---------------------------------------------------------------- figures against the policy sheet

_FIGURE = re.compile(
    r"(?:[$€£]\s?(\d+(?:[.,]\d+)?))"
    r"|(?:\b(\d+(?:[.,]\d+)?)\s?(?:%|percent\b|per cent\b|procent\w*|prosent\w*|dollars?\b|bucks\b|kr\b|kronor\b|sek\b|euro\w*|eur\b|€))",
    _FLAGS,
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def _norm_number(s: str) -> str:
    s = s.replace(",", ".")
    if "." in s:
        s = s.rstrip("0").rstrip(".") if re.search(r"\.\d+$", s) else s
    return s


_SHEETS: dict[int, tuple[Persona, frozenset[str]]] = {}


def _sheet_numbers(persona: Persona) -> frozenset[str]:
    """Every figure the trainee could have from the persona card and policy sheet."""
    hit = _SHEETS.get(id(persona))
    if hit is not None and hit[0] is persona:
        return hit[1]
    texts = [persona.policy.summary, persona.brief, persona.background, persona.goal]
    texts += [i.text for i in persona.policy.allowed]
    numbers = frozenset(_norm_number(n) for t in texts for n in _NUMBER.findall(t))
    if len(_SHEETS) > 256:
        _SHEETS.clear()
    _SHEETS[id(persona)] = (persona, numbers)
    return numbers


def _unlisted_figures(text: str, persona: Persona, customer_text: str, language: str, skip: set[str]) -> list[Match]:
    known = _sheet_numbers(persona) | {_norm_number(n) for n in _NUMBER.findall(customer_text)}
    sig = signals(language)
    out = []
    for m in _FIGURE.finditer(text):
        value = _norm_number(m.group(1) or m.group(2))
        if value in known:
            continue
        quote = _clause_quote(text, m)
        if quote in skip or _negated(text, m.start(), language):
            continue
        offer = _has(sig["offer_verb"], quote)
        out.append(Match(quote=quote, item="offer" if offer else "claim", note=m.group(0).strip()))
    return out


# ---------------------------------------------------------------- facts already given


def _generic_facts(language: str):
    return GENERIC_FACTS.get(language, GENERIC_FACTS["en"])


@lru_cache(maxsize=8192)
def _generic_in(text: str, language: str) -> tuple[tuple[str, str], ...]:
    """(fact id, value) for every generic detail (order number, email, …) this one customer turn gives."""
    out = []
    for fid, _, _, value_rx in _generic_facts(language):
        m = _rx(value_rx).search(text)
        if m:
            out.append((fid, next((g for g in m.groups() if g), m.group(0))))
    return tuple(out)


@lru_cache(maxsize=8192)
def _values_in(low: str, values: tuple[str, ...]) -> frozenset[int]:
    return frozenset(i for i, v in enumerate(values) if v and v.lower() in low)


def fact_label(fact: Fact, language: str) -> str:
    """What a known fact is called in the trainee's tips: the persona's label, the generic detail of that id
    in this language ("kundnumret"), else its id in (English) words."""
    generic = {fid: what for fid, what, _, _ in _generic_facts(language)}
    return fact.label or generic.get(fact.id) or "the " + fact.id.replace("_", " ")


def _given_values(before: list[Turn], persona: Persona | None, language: str) -> dict[str, tuple[str, str, list[str]]]:
    """fact id → (what, value, ask patterns) for details the customer has already given.

    Each customer turn is read once (cached), so a long conversation costs no more per turn than a short one."""
    customer = [t.text for t in before if t.speaker == "customer"]
    out: dict[str, tuple[str, str, list[str]]] = {}
    if persona is not None and persona.knows:
        values = tuple(f.value or "" for f in persona.knows)
        hit: set[int] = set()
        for text in customer:
            hit |= _values_in(text.lower(), values)
        for i in sorted(hit):
            f = persona.knows[i]
            out[f.id] = (fact_label(f, language), f.value, f.ask)
    generic = {fid: (what, asks) for fid, what, asks, _ in _generic_facts(language)}
    for text in customer:
        for fid, value in _generic_in(text, language):
            if fid in out:
                continue
            if not any(value.lower() in v[1].lower() or v[1].lower() in value.lower() for v in out.values()):
                what, asks = generic[fid]
                out[fid] = (what, value, asks)
    return out


# ---------------------------------------------------------------- the turn


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
    a = TurnAnalysis(index=index, words=len(_WORD.findall(text)))
    for name in ("apology", "ownership", "rudeness", "calm_down", "dismissal", "blame", "threat", "pressure",
                 "dont_know", "solution", "injection", "stock_listening", "argue", "overclaim", "belittling", "sarcasm"):
        setattr(a, name, find(sig[name], text))
    a.shouting = _shouting(text)
    a.reason = [Match(quote=sentence_of(text, m.start())) for m in _BECAUSE.finditer(text)][:1]

    # Empathy counts once per wording: repeating the same stock line is not listening.
    empathy = find(sig["empathy"], text)
    used = {m.quote.lower() for e in (earlier or []) for m in e.empathy}
    a.empathy = [m for m in empathy if m.quote.lower() not in used]
    a.stock_empathy = bool(empathy) and not a.empathy

    questions = _questions(text)
    # "What's your order number?" is a request for a detail, not an open question.
    fact_asks = [p for f in (persona.knows if persona is not None else ()) for p in f.ask]
    fact_asks += [p for _, _, asks, _ in _generic_facts(language) for p in asks]
    a.open_questions = [Match(quote=q) for q in questions
                        if _has(sig["open_question"], q) and not any(_rx(p).search(q) for p in fact_asks)
                        and not _has(sig["argue"], q) and not _has(sig["rudeness"], q)]  # "What do you want me to do?"
    a.closed_questions = [Match(quote=q) for q in questions if all(q != o.quote for o in a.open_questions)]
    _solving(a, turns, index, language, earlier or [])

    own_words = _content(text, language)
    customer_words = _content(last_customer, language)
    a.echoed = shared_words(set(own_words), set(customer_words))
    earlier_words: set[str] = set()
    seen_last = False
    for t in reversed(before):
        if t.speaker != "customer":
            continue
        if not seen_last:
            seen_last = True
            continue
        earlier_words |= _content(t.text, language)
    a.echoed_earlier = [w for w in shared_words(set(own_words), earlier_words) if w not in a.echoed]
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
        a.offers, declined = _policy_hits(persona.policy.allowed, text, language)
        # An offer made earlier, now said not to be possible: the customer remembers.
        a.withdrawn = [m for m in declined if m.item in offered_before]
        a.breaches, a.refusals = _policy_hits(persona.policy.forbidden, text, language)
        customer_text = " ".join(t.text for t in before if t.speaker == "customer")
        a.unlisted = _unlisted_figures(text, persona, customer_text, language, {b.quote for b in a.breaches})
        for trig in persona.temperament.triggers:
            a.triggers.extend(find(trig.patterns, text, note=str(trig.delta))[:1])
    else:
        offered_before = set()
    # An offer (even one outside the policy: that is honesty's business) answers "what will you do about it".
    new_offers = any(o.item not in offered_before for o in a.offers) or bool(a.breaches)

    cq = customer_questions(last_customer, language)
    if cq:
        a.questions = cq
        a.customer_question = cq[-1]
        lc = max((i for i, t in enumerate(before) if t.speaker == "customer"), default=0)
        known: set[str] = set()
        for t in before[:lc]:
            known |= _content(t.text, language)
        a.unanswered = [q for q in cq if not addresses(q, text, language, a, new_offers, known)]
        a.answered = not a.unanswered

    # Details the customer already gave: asking for them again is not listening; saying them back is.
    given = _given_values(before, persona, language)
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
        a.asked_for = [f.id for f in persona.knows if f.id not in given and _has(f.ask, text)]
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

    engaged = (len(a.echoed) >= 2 or a.substantive or bool(a.closed_questions) or bool(a.confirmed)
               or bool(a.breaches))
    a.stock_only = bool(a.stock_listening or a.stock_empathy or a.empathy or a.courtesy) and not engaged
    return a


_WILL = re.compile(r"\b(will|['’]ll|shall|going to|is scheduled|are scheduled|arrives?|you(?:['’]ll| will) (get|receive))\b",
                   _FLAGS)


def _similar(x: str, y: str, language: str) -> bool:
    """Nearly the same reply: the same text, or nine tenths of the same content words."""
    if abs(len(x) - len(y)) > 0.3 * max(len(x), len(y)):  # cheap: replies of very different length differ
        return False
    if " ".join(x.lower().split()) == " ".join(y.lower().split()):
        return True
    a, b = _content(x, language), _content(y, language)
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
    a.commitment = [Match(quote=s) for s in (sentences(text) if _has(when, text) else ())
                    if _has(when, s) and (_WILL.search(s) or _has(sig["ownership"], s)) and not _has(sig["pressure"], s)]
    a.deferral = [] if a.commitment else find(sv.get("deferral", []), text)
    if a.details_request:
        asks = {q.lower() for q in sentences(text) if _has(sv["details_request"], q)}
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
