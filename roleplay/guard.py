"""The line guard: a customer line is checked before anyone sees or hears it.

Small models drift out of role.  The guard judges what a line *does* (offers
help, asks the agent's questions, apologises for the company, talks about the
reply or the task, speaks another language) rather than matching a handful of
phrases, and says why it failed so the caller can regenerate or fall back.
"""

from __future__ import annotations

import difflib
import re

from pydantic import BaseModel

from . import spelling
from .language_id import identify
from .lexicon import signals
from .matching import rx
from .prefilter import FLAGS


# Each act is a list of patterns per language; "any" applies to every language.
ACTS: dict[str, dict[str, list[str]]] = {
    "offers_help": {
        "en": [
            r"\bhow (can|may|could) (i|we) (help|assist)",
            r"\bwhat can i do for you\b",
            r"\bi(?:'d| would) be (happy|glad|delighted) to (help|assist)",
            r"\bis there anything else (i|we) can\b",
            r"\b(i|we) can (help|assist) you\b",
            r"\blet me (look into|see what i can do|pull up|help you)\b",
            r"\bi(?:'ll| will) (process|escalate|look into|check on|arrange|issue) (that|this|your|a)\b",
            r"\b(i|we) (can|will) (offer|refund|credit|give) you\b",
            r"\bhappy to help\b",
        ],
        "sv": [r"\bhur kan (jag|vi) hjälpa", r"\bvad kan jag göra för (dig|er)\b", r"\bjag hjälper (gärna|dig)\b", r"\blåt mig (kolla|se efter|kontrollera)\b", r"\bfinns det något mer jag kan\b"],
        "fi": [r"\bmiten voin (auttaa|palvella)", r"\bvoinko auttaa\b", r"\bautan (mielelläni|sinua)\b", r"\btarkistan (asian|tilanteen|tilauksesi)\b", r"\bvoinko auttaa muussa\b"],
    },
    "asks_agents_questions": {
        "en": [
            r"\b(could|can|may|would) (you|i) (please )?(provide|have|get|confirm|give me|share|tell me) (me )?(with )?(your|the) (order|account|full name|name|email|phone|number|details|reference|invoice)",
            r"\bwhat(?:'s| is) your (order|account|customer|reference|phone|email|full name)",
            r"\b(could|can) you (please )?(provide|share|give me) (more|some|additional) (details|information)",
            r"\bplease (provide|share|confirm) your\b",
            r"\bhow (can|may) i (be of )?(help|assist|service)",
        ],
        "sv": [r"\b(kan|skulle) du (ge mig|uppge|bekräfta) ditt (ordernummer|kundnummer|namn|personnummer)", r"\bvad är ditt (ordernummer|kundnummer|namn)"],
        "fi": [r"\b(voisitko|voitko) (antaa|kertoa|vahvistaa) (tilausnumerosi|asiakasnumerosi|nimesi)", r"\bmikä on (tilausnumerosi|asiakasnumerosi|nimesi)"],
    },
    "apologises_for_company": {
        "en": [
            r"\b(we|i) (sincerely |truly )?apologi[sz]e for (the|any|this|your)\b",
            r"\bsorry for (the|any) (inconvenience|trouble|delay|confusion)",
            r"\bthank you for (contacting|calling|reaching out|your patience|choosing|bringing this)",
            r"\bon behalf of (the|our) (company|team)\b",
            r"\bour (records|policy|policies) (show|state|say)",
            r"\bour team (will|is|has been)\b",
            r"\bwe value (you|your)\b",
            r"\bwe understand your (frustration|concern)",
        ],
        "sv": [r"\bvi ber om ursäkt för\b", r"\bursäkta besväret\b", r"\btack för att du (kontaktade|ringde)", r"\bvår (kundtjänst|policy|personal)\b", r"\bvi förstår din frustration\b"],
        "fi": [r"\bpahoittelemme (aiheutunutta|viivästystä|häiriötä)", r"\bkiitos yhteydenotostasi\b", r"\bmeidän (asiakaspalvelumme|käytäntömme)\b", r"\bymmärrämme turhautumisesi\b"],
    },
    "talks_about_the_task": {
        "any": [
            r"\bas an? (ai|a\.i\.|language model|assistant|chatbot|virtual assistant)\b",
            r"\b(language model|ai model|large language model|llm|chatbot|openai|qwen)\b",
            r"\bi(?:'m| am) (just )?(an? )?(ai|a\.i\.|bot|assistant|language model|computer program)\b",
            r"\b(role-?play|persona|system prompt|stage direction|in character|the transcript|the dialogue|the scene)\b",
            r"\b(my|these|the above|previous|system) instructions\b",
            r"\bhere(?:'s| is) (a |an |the )?(possible |suggested )?(reply|response|line|answer|continuation)",
            r"^\s*(sure|certainly|of course)[,!.]\s*(here|i can|as)",
            r"\bi can(?:'t|not) (assist|help) with (that|this) request\b",
            r"\b(the customer|the agent|the trainee|the representative)\b",
            r"\b(som en|som) (ai|språkmodell)\b|\bspråkmodell\b|\brollspel\b",
            r"\btekoäly\w*|\bkielimalli\w*|\broolipeli\w*",
            r"\b(kunden|agenten)\b|\b(asiakas|asiakaspalvelija|agentti) (sanoo|vastaa)\b",
        ],
    },
}

# The transcript's label used as a name ("Thank you, Agent."): the model has seen the script, not a person.
_LABEL = re.compile(r"(,\s*Agent\b|\bAgent\s*[,.!?])")
_PREFIX = re.compile(r"^\s*[\"'“]?\s*[A-ZÅÄÖ][\w .'-]{0,30}?\s*(\([^)]{0,30}\))?\s*:\s", re.UNICODE)
_STAGE = re.compile(r"[\[\]{}]|\((?:angr|calm|annoy|furious|upset|sigh|pause|laugh)\w*\)|^\s*\*|\*\w[^*]{0,40}\*", FLAGS)


class Verdict(BaseModel):
    ok: bool
    reasons: list[str]


def wrong_language(text: str, expected: str) -> str | None:
    """The language the line is in, if it clearly is not the expected one (short lines give no verdict)."""
    letters = re.sub(r"[^\w]", "", text)
    if len(letters) < 15:
        return None
    lang, prob = identify(text)
    if lang == expected:
        return None
    # Norwegian and Danish read like Swedish to the identifier; only call it when confident.
    if expected == "sv" and lang in ("no", "da"):
        return None
    return lang if prob >= 0.9 else None


def _said_before(text: str, earlier: list[str]) -> bool:
    """A short sentence of three words or more said again word for word ("Can we get out?" twice)."""
    words = re.findall(r"\w+", text.lower())
    return len(words) >= 3 and any(re.findall(r"\w+", e.lower()) == words for e in earlier)


def _repeats(text: str, earlier: list[str], above: float = 0.8) -> bool:
    """Whether `text` is nearly one of the earlier lines.

    The matcher indexes `text` once, and the cheap upper bounds rule most lines out
    before the full comparison: this runs on every sentence of every reply.
    """
    m = difflib.SequenceMatcher(None, b=text.lower())
    for e in earlier:
        m.set_seq1(e.lower())
        if m.real_quick_ratio() > above and m.quick_ratio() > above and m.ratio() > above:
            return True
    return False


def _ngrams(text: str, n: int = 6) -> set[tuple[str, ...]]:
    ws = re.findall(r"\w+", text.lower())
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)}


def copies(text: str, sources: list[str], n: int = 6) -> bool:
    """Whether `text` takes a run of `n` words verbatim from one of `sources` (a sheet read aloud)."""
    mine = _ngrams(text, n)
    return bool(mine) and any(mine & _ngrams(src, n) for src in sources)


def _cue(kind: str, language: str, text: str) -> bool:
    return any(rx(p).search(text) for p in signals(language).get(kind, []))


# Strong acceptance: what a customer says when they take a deal (not a polite "thanks").
_ACCEPT = {
    "en": [r"\b(that's|that is|sounds) (fair|fine|good|great)\b", r"\bthat works\b", r"\bdeal\b", r"\bi(?:'ll| will) take (it|that)\b"],
    "sv": [r"\bdet (låter|är) (bra|rimligt|schysst|okej)\b", r"\bdet (funkar|fungerar)\b", r"\bjag tar (det|erbjudandet)\b"],
    "fi": [r"\b(kuulostaa|se on) (reilulta|hyvältä|reilu)\b", r"\bhyvä on\b", r"\bsopii\b", r"\botan (sen|tarjouksen)\b"],
}


def stance(line: str, language: str, act: str | None) -> str | None:
    """A line that says two things at once, or ends a conversation the state has not ended."""
    leaving = _cue("leaving", language, line) or _cue("goodbye", language, line)
    accepting = any(rx(p).search(line) for p in _ACCEPT.get(language, _ACCEPT["en"]))
    if act == "accept":
        return "contradicts_itself" if _cue("leaving", language, line) and not _cue("goodbye", language, line) else None
    if leaving and accepting:
        return "contradicts_itself"
    if act == "leave":
        return "contradicts_itself" if accepting else None
    if leaving:
        return "leaves_early"  # only the state ends a conversation
    return None


def check(line: str, language: str = "en", name: str | None = None, trainee_said: str | None = None,
          earlier: list[str] | None = None, *, act: str | None = None, sheet: list[str] | None = None,
          allowed_words: frozenset[str] = frozenset()) -> Verdict:
    """Judge a candidate customer line; `ok` only if no reason was found.

    `earlier` holds the customer's previous sentences (of this line too): saying one again is a
    drift, not a reply.  `act` is what the line should do (a line that leaves when the act is
    not to leave fails); `sheet` holds the texts the customer must never read aloud (the brief,
    the policy, the stage direction); `allowed_words` the names and words of the persona's own
    material that a spell checker may not know.
    """
    reasons: list[str] = []
    text = line.strip()
    if not re.search(r"\w", text):
        return Verdict(ok=False, reasons=["empty"])
    if _PREFIX.match(text) or (name and re.match(rf"^\s*{re.escape(name.split()[0])}\b[^:]{{0,30}}:", text)):
        reasons.append("speaker_prefix")
    if _STAGE.search(text):
        reasons.append("stage_direction")
    if _LABEL.search(text):
        reasons.append("speaker_label")
    for kind, by_lang in ACTS.items():
        patterns = by_lang.get("any", []) + by_lang.get(language, []) + (by_lang.get("en", []) if language != "en" else [])
        if any(rx(p).search(text) for p in patterns):
            reasons.append(kind)
    other = wrong_language(text, language)
    if other:
        reasons.append(f"language:{other}")
    if trainee_said and len(trainee_said) > 20 and trainee_said.strip().lower() in text.lower():
        reasons.append("echoes_agent")
    if name:
        # "Sam is upset because…" is the model narrating the scene instead of speaking in it.
        # The first name or the whole name; a surname alone is often also a firm's name ("Ortega Print").
        names = "|".join(re.escape(n) for n in (name, name.split()[0]))
        for m in re.finditer(rf"\b({names})\b", text):
            if not re.search(r"(\bi'?m|\bi am|this is|my name is|it'?s|här är|jag heter|olen|täällä)\s*$", text[:m.start()], FLAGS):
                reasons.append("narrates_self")
                break
    if (len(text) > 25 and _repeats(text, earlier or [])) or _said_before(text, earlier or []):
        reasons.append("repeats_itself")
    if sheet and copies(text, sheet):
        reasons.append("reads_sheet")
    contradiction = stance(text, language, act)
    if contradiction:
        reasons.append(contradiction)
    bad = spelling.unknown_words(text, language, allowed_words) if language != "en" else None
    if bad:
        reasons.append("misspelt:" + ",".join(bad[:3]))
    return Verdict(ok=not reasons, reasons=reasons)
