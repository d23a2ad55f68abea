"""The customer's side of a turn: their real questions, whether a reply addresses one, an unfinished line."""

from __future__ import annotations

import re
from functools import lru_cache

from .findings import TurnAnalysis
from .lexicon import any_language, signals, solving
from .matching import has
from .sentences import split_sentences as sentences
from .words import content, proper_nouns, questions, shared_words


@lru_cache(maxsize=8192)
def customer_questions(text: str, language: str) -> tuple[str, ...]:
    """The customer's real questions in a turn: not rhetorical, and about something.  Cached: the analysis of the
    trainee's reply and the grade's account of the customer's side both read each customer turn."""
    sig = signals(language)
    out = []
    for q in questions(text):
        if has(sig["rhetorical"], q) or has(solving(language).get("insult_question", []), q):
            continue
        if content(q, language) or has(sig["action_question"], q):
            out.append(q)
    return tuple(out)


def greeting() -> re.Pattern:
    """A greeting that opens a line ("Hi Sam, …"), to be read past."""
    return any_language("greeting", r"^\s*(WORDS)\b[^,.!?]{0,20}[,.!]\s*")


def because() -> re.Pattern:
    return any_language("because", r"\b(WORDS)\b")


def _why() -> re.Pattern:
    return any_language("why", r"\b(WORDS)\b")


def _numeric_question() -> re.Pattern:
    return any_language("numeric_question", r"\b(WORDS)\b")


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
    if has(sig["yes_no_question"], question) and has(sig["answer_start"], greeting().sub("", reply, count=1)):
        return True
    if _why().search(question) and because().search(statements):
        return True
    a = reply_analysis
    if a is not None and a.dont_know:
        return True
    # A step, a fix or a commitment answers the problem even in other words ("How do I …?" "Go to Settings …").
    if a is not None and (a.steps or a.commitment or (a.cause and _why().search(question))):
        return True
    if has(sig["dont_know"], reply) or has(sig["unknown"], reply):
        return True  # an honest "I don't know" answers; inventing would not
    if has(sig["action_question"], question) and (new_offers or has(sig["solution"], reply)):
        return True
    if _numeric_question().search(question) and re.search(r"\d", statements):
        return True
    return False


def looks_unfinished(text: str) -> bool:
    return bool(any_language("unfinished", r"(\.\.\.|…|—|–|-|,|\b(WORDS))\s*$").search(text.strip()))
