"""The customer's side of a turn: their real questions, whether a reply addresses one, an unfinished line."""

from __future__ import annotations

import re

from .findings import TurnAnalysis
from .lexicon import signals, solving
from .matching import has
from .prefilter import FLAGS
from .sentences import split_sentences as sentences
from .words import content, proper_nouns, questions, shared_words


def customer_questions(text: str, language: str) -> list[str]:
    """The customer's real questions in a turn: not rhetorical, and about something."""
    sig = signals(language)
    out = []
    for q in questions(text):
        if has(sig["rhetorical"], q) or has(solving(language).get("insult_question", []), q):
            continue
        if content(q, language) or has(sig["action_question"], q):
            out.append(q)
    return out


_GREETING = re.compile(r"^\s*(hi|hello|hey|hej|hallå|hei|moi|terve)\b[^,.!?]{0,20}[,.!]\s*", FLAGS)
_WHY = re.compile(r"\b(why|how come|varför|hur kommer det sig|miksi|minkä takia)\b", FLAGS)
BECAUSE = re.compile(r"\b(because|since|so that|we need (it|this|that)|in order to|eftersom|för att|vi behöver|koska|jotta|tarvitsemme)\b", FLAGS)
_NUMERIC_Q = re.compile(r"\b(how (much|long|many|soon)|when|what time|cost|price|hur (mycket|länge|många)|när|vad kostar|paljonko|kuinka (paljon|kauan)|milloin|mitä .{0,20}maksaa)\b", FLAGS)


def addresses(question: str, reply: str, language: str, reply_analysis: TurnAnalysis | None = None,
              new_offers: bool = False, known: frozenset[str] | set[str] = frozenset()) -> bool:
    """Does `reply` (a trainee turn) address the customer's `question`?

    A shared content word in a statement (not in a question back), a yes/no answer to a
    yes/no question, an offer or next step for "what are you going to do", a figure for
    "how much / when", or an honest "I don't know, I'll check".
    """
    sig = signals(language)
    q_words = set(content(question, language))
    # A name already in the conversation ("Nimbus") proves nothing when echoed; a new one ("Lotus Notes") does.
    proper = proper_nouns(question) & set(known)
    if q_words - proper:
        q_words -= proper
    # Statements only, and not ones that merely say the question back ("So you're asking whether …").
    statements = " ".join(s for s in sentences(reply) if not s.endswith("?") and not has(sig["reflection_lead"], s))
    if q_words and shared_words(set(content(statements, language)), q_words, language):
        return True
    if has(sig["yes_no_question"], question) and has(sig["answer_start"], _GREETING.sub("", reply, count=1)):
        return True
    if _WHY.search(question) and BECAUSE.search(statements):
        return True
    a = reply_analysis
    if a is not None and a.dont_know:
        return True
    # A step, a fix or a commitment answers the problem even in other words ("How do I …?" "Go to Settings …").
    if a is not None and (a.steps or a.commitment or (a.cause and _WHY.search(question))):
        return True
    if has(sig["dont_know"], reply) or has(sig["unknown"], reply):
        return True  # an honest "I don't know" answers; inventing would not
    if has(sig["action_question"], question) and (new_offers or has(sig["solution"], reply)):
        return True
    if _NUMERIC_Q.search(question) and re.search(r"\d", statements):
        return True
    return False


_UNFINISHED = re.compile(r"(\.\.\.|…|—|–|-|,|\b(and|but|so|because|och|men|för att|ja|mutta|koska))\s*$", FLAGS)


def looks_unfinished(text: str) -> bool:
    return bool(_UNFINISHED.search(text.strip()))
