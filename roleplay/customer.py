"""The simulated customer: voices the state's next act, through the model or the persona's own lines.

The state decides the act (push for the ask, take offence, soften, reveal a fact,
leave …).  A model line is released one checked sentence at a time: each sentence
is judged by the guard (first person, no sheet read aloud, no repeat, no
contradiction, the right language, spelt right) before anyone sees or hears it.
A first sentence that fails means the model drifted: regenerate, and after the
last attempt say the persona's authored line for the act (in a call at once: a
retry there is silence the trainee hears).  A later sentence that
fails ends the line there.

Where the model writes a language poorly (the embedded model's Swedish and
Finnish), the customer speaks the authored lines for each act directly: always
correct, and still chosen by what the trainee just did.  In English the embedded
model speaks, except at the charged moments (pushing, taking offence …), which
are the persona's own lines while fresh ones last ("mixed").
`ROLEPLAY_CUSTOMER_LINES` (auto | model | mixed | authored) overrides the choice.

In a call, a model line starts with a filler said at once ("Look...", "Hmm..."), and the model
goes on from it: the seconds the model takes are a caller thinking, not silence.
"""

from __future__ import annotations

import os
import random
import re
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

from . import guard, prompting, spelling
from .languages import pack
from .lexicon import of
from .model import CustomerModel, ModelError
from .persona import Persona
from .sentences import SentenceBuffer
from .sentences import split_sentences as sentences
from .state import CustomerState
from .transcript import Turn

MAX_SENTENCES = 2  # a customer speaks in short turns; a third sentence was mostly filler
ATTEMPTS = 3  # model tries before the persona's own line
# In a call every retry is heard as silence: a rejected first sentence costs a whole sentence of
# generation, and a retry mostly says the same thing again (bench: the same repeat three times).
# A voice customer says the persona's own line after the first rejection.
VOICE_ATTEMPTS = 1
# The charged moments, where the embedded model's English most often missed the point (read in
# `roleplay personas test -v`: a push that recited the order details, an insult answered off topic).
# In "mixed" the persona's own lines say these while fresh variants last; the model says the rest.
SCRIPTED = ("push", "insulted", "belittled", "blamed", "brushed_off", "bare_policy", "manager", "contradiction",
            "still_there", "already_said")


def lines_mode(client: CustomerModel, language: str) -> str:
    """"model" (generate, check, fall back), "authored" (the persona's lines for the act) or "mixed"."""
    mode = os.environ.get("ROLEPLAY_CUSTOMER_LINES", "auto")
    if mode in ("model", "authored", "mixed"):
        return mode
    if not client.embedded:
        return "model"
    # The pack says whether the embedded model writes the language well enough to show (`roleplay bench --customer`).
    return "authored" if of(language).authored_on_embedded else "mixed"


@dataclass
class Delta:
    """A checked piece of the customer's line, ready to show or speak."""

    text: str
    filler: bool = False  # "Hmm...", said at once while the rest is written: not yet what the line says


@dataclass
class Final:
    text: str
    source: str  # "model" or "fallback"
    attempts: int
    rejected: list[tuple[str, list[str]]] = field(default_factory=list)
    first_token_s: float | None = None  # since the reply was asked for, of the attempt that was used
    first_sentence_s: float | None = None  # the first checked sentence released
    direction: str | None = None  # the stage direction the line answered (kept in later prompts)
    prompt_tokens: int | None = None  # prompt tokens the server read, over all attempts (when it says)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().strip('"').strip()


def sheet(p: Persona) -> list[str]:
    """What the customer must never read aloud: the trainee's sheet, about them in the third person."""
    return [p.brief, p.situation, p.policy.summary, *(i.text for i in p.policy.allowed),
            *(i.text for i in p.policy.forbidden), *(g.text for g in p.goals)]


def story(p: Persona, act: str | None = None) -> list[str]:
    """The customer's own account and ask: theirs to speak from, never to read out word for word.

    A fact they know, word for word, belongs in an answer; in any other act it is the scene read out.
    """
    facts = [f.text for f in p.knows] if act != "answer" else []
    return [p.background, p.goal, *([p.ask.text] if p.ask else []), *facts]


def authored(p: Persona) -> dict[str, list[str]]:
    """Every authored line, by the act it is said for (the moods' lines under accept/leave/upset/calmer)."""
    lines = p.lines.model_dump()
    after = [line for variants in lines.pop("push_after").values() for line in variants]
    out = {k: list(v) for k, v in lines.items() if v}
    if after:
        out["push"] = [*out.get("push", []), *after]
    out["accept"], out["leave"] = out.pop("satisfied"), out.pop("leaving")
    out["opening"] = [p.opening_line, *p.openings]
    return out


def own_words(p: Persona) -> frozenset[str]:
    """The words of the persona's own material (names, brands, its lines): right here, dictionary or not."""
    own = [p.name, p.background, p.goal, *(f.text for f in p.knows), *(f.text for f in p.hidden_facts),
           *(line for lines in authored(p).values() for line in lines)]
    return frozenset(w for t in own for w in spelling.words(t))


def review_line(line: str, persona: Persona, earlier: list[str], act: str | None, authored: bool = False) -> list[str]:
    """Every reason a shown customer line reads badly (empty when it reads as a person would say it).

    The same voice checks the guard applies, run afterwards over the whole line as it was shown
    (also an authored one): first person, no sheet or story read aloud, no sentence repeated from
    this line or the conversation, no contradiction, the right language, spelt right.  An authored
    line may share words with the story the same trainer wrote; a model line may not.
    """
    told = [] if authored else story(persona, act)
    words = own_words(persona)
    done = [s for text in earlier for s in sentences(text)]
    reasons: list[str] = []
    for s in sentences(line):
        v = guard.check(s, persona.language, persona.name, None, done, act=act, sheet=[*sheet(persona), *told],
                        allowed_words=words)
        reasons += [r for r in v.reasons if r not in reasons]
        done.append(s)
    other = guard.wrong_language(line, persona.language)
    if other and f"language:{other}" not in reasons:
        reasons.append(f"language:{other}")
    return reasons


class Customer:
    def __init__(self, persona: Persona, client: CustomerModel, channel: str = "chat", seed: int | None = None):
        self.persona = persona
        self.client = client.conversation()  # the embedded server keeps this conversation's prompt in one slot
        self.channel = channel
        self.rng = random.Random(seed)
        self.mode = lines_mode(client, persona.language)
        self.attempts = VOICE_ATTEMPTS if channel == "voice" else ATTEMPTS  # model tries before the authored line
        self.sheet = sheet(persona)
        # A hidden fact copied into another act would come out unearned.
        self.hidden = [f.text for f in persona.hidden_facts]
        self.own_words = own_words(persona)

    def _request(self, turns: list[Turn], state: CustomerState, earlier: Mapping[int, str] | None,
                 lead: str = "") -> str | list[dict]:
        """What the model is asked for the next line: a transcript to continue (from `lead`, the words the
        line already began with), or chat messages."""
        if self.client.style == "completion":
            return prompting.completion_prompt(self.persona, turns, state, self.channel, earlier, lead)
        return prompting.chat_messages(self.persona, turns, state, self.channel, earlier)

    def _raw_stream(self, turns: list[Turn], state: CustomerState, attempt: int, earlier: Mapping[int, str] | None,
                    on_timings, lead: str = "") -> Iterator[str]:
        temperature = 0.7 + 0.15 * attempt
        seed = self.rng.randrange(1 << 30)
        request = self._request(turns, state, earlier, lead)
        if isinstance(request, str):
            yield from self.client.stream_completion(
                request, stop=prompting.stop_sequences(self.persona), max_tokens=70, temperature=temperature,
                seed=seed, on_timings=on_timings,
            )
        else:
            yield from self.client.stream_chat(request, max_tokens=70, temperature=temperature, seed=seed,
                                               on_timings=on_timings)

    def warm(self, turns: list[Turn], state: CustomerState, earlier: Mapping[int, str] | None = None) -> None:
        """Let the server read the prompt for the next line ahead of time (see CustomerModel.warm)."""
        self.client.warm(self._request(turns, state, earlier))

    def _check(self, sentence: str, turns: list[Turn], released: list[str], state: CustomerState) -> guard.Verdict:
        trainee = next((t.text for t in reversed(turns) if t.speaker == "trainee"), None)
        earlier = [s for t in turns if t.speaker == "customer" for s in sentences(t.text)] + released
        # The story and the ask are the customer's own words, but said verbatim they are a sheet read aloud.
        direction = prompting.direction(self.persona, state)
        verdict = guard.check(sentence, self.persona.language, self.persona.name, trainee, earlier, act=state.act,
                              sheet=[*self.sheet, *story(self.persona, state.act), *self.hidden],
                              allowed_words=self.own_words)
        if verdict.ok and guard.copies(sentence, [direction], n=4):
            # "I'll accept and say goodbye.": the stage direction said, not acted.
            return guard.Verdict(ok=False, reasons=["copies_direction"])
        if verdict.ok and released:
            # The language check needs enough text: judge the line so far as a whole too.
            whole = guard.wrong_language(" ".join(released) + " " + sentence, self.persona.language)
            if whole:
                return guard.Verdict(ok=False, reasons=[f"language:{whole}"])
        return verdict

    def reply(self, turns: list[Turn], state: CustomerState, earlier: Mapping[int, str] | None = None,
              cancelled: Callable[[], bool] | None = None) -> Iterator[Delta | Final]:
        """Stream the customer's next line as checked sentences, then a Final with the whole line.

        `earlier`: the stage directions of the earlier customer lines, by turn index.
        `cancelled`: asked at every token; once true the reply stops there, with no Final.
        """
        rejected: list[tuple[str, list[str]]] = []
        read: dict[int, int] = {}  # attempt -> prompt tokens the server evaluated for it
        t0 = time.perf_counter()
        first_sentence = None
        # A fact the state has them tell (revealed, asked for, a doubt) is said as the trainer wrote it:
        # exact, in the customer's own words, and at once.  So is the last line: a small model's
        # line followed the end only partly ("I'm so disappointed." then a glued-on "Alright, that's
        # fair."), and how the customer ends is what a trainee remembers and the grade reads.
        generate = self._generates(turns, state)
        lead = self.filler(turns, state) if generate else ""
        if lead:
            yield Delta(lead, filler=True)
        for attempt in range(self.attempts if generate else 0):
            released: list[str] = []
            buffer = SentenceBuffer()
            first_token = None
            stream = self._raw_stream(turns, state, attempt, earlier,
                                      lambda t, a=attempt: read.__setitem__(a, int(t.get("prompt_n", 0))), lead)
            try:
                for delta in stream:
                    if cancelled and cancelled():
                        return  # the finally below closes the stream: the server stops writing
                    first_token = first_token or time.perf_counter() - t0
                    for sentence in buffer.feed(delta):
                        sentence = _clean(sentence)
                        verdict = self._check(sentence, turns, released, state)
                        if not verdict.ok:
                            rejected.append((sentence, verdict.reasons))
                            raise _Stop
                        released.append(sentence)
                        first_sentence = first_sentence or time.perf_counter() - t0
                        yield Delta(_spaced(sentence, bool(lead) or len(released) > 1))
                        if len(released) >= MAX_SENTENCES:
                            raise _Stop
                tail = _clean(buffer.flush() or "")
                if tail and len(released) < MAX_SENTENCES:
                    verdict = self._check(tail, turns, released, state)
                    if verdict.ok:
                        released.append(tail)
                        first_sentence = first_sentence or time.perf_counter() - t0
                        yield Delta(_spaced(tail, bool(lead) or len(released) > 1))
                    else:
                        rejected.append((tail, verdict.reasons))
            except _Stop:
                pass
            except ModelError:
                if not released:
                    raise
                # The stream broke after whole, checked sentences were out: they stand as the line.
            finally:
                stream.close()  # stop generating on the server as soon as we stop reading
            if released:
                yield Final(text=" ".join(filter(None, [lead, *released])), source="model", attempts=attempt + 1,
                            rejected=rejected,
                            first_token_s=first_token, first_sentence_s=first_sentence,
                            direction=prompting.direction(self.persona, state),
                            prompt_tokens=sum(read.values()) if read else None)
                return
        line = self.fallback(turns, state, after=lead)
        for i, sentence in enumerate(sentences(line)):  # sentence by sentence, as a model line: speech starts sooner
            yield Delta(_spaced(sentence, bool(lead) or i > 0))
        elapsed = time.perf_counter() - t0
        yield Final(text=f"{lead} {line}" if lead else line, source="fallback" if generate else "authored",
                    attempts=self.attempts if generate else 0, rejected=rejected,
                    first_token_s=elapsed, first_sentence_s=elapsed, direction=prompting.direction(self.persona, state),
                    prompt_tokens=sum(read.values()) if read else None)

    def _generates(self, turns: list[Turn], state: CustomerState) -> bool:
        if state.ended or state.act in prompting.TOLD or self.mode == "authored":
            return False
        if self.mode == "mixed" and state.act in SCRIPTED:
            return not _unsaid(self.persona.lines.for_act(state.act, state.offered), turns)
        return True

    def filler(self, turns: list[Turn], state: CustomerState) -> str:
        """What the customer says at once while thinking of the rest ("Hmm...", "Look..."), or "".

        Only in a call, where the seconds a model line takes are silence the trainee hears, and only
        where the model goes on from the words said (a transcript to continue; a chat-style server
        starts a new line).  The persona's own fillers, else the language's for the mood; not the
        one either of the last two lines began with.
        """
        if self.channel != "voice" or self.client.style != "completion":
            return ""
        options = self.persona.lines.fillers or pack(self.persona.language).fillers.get(
            "upset" if state.frustration >= 40 else "calmer", [])
        recent = [t.text for t in turns if t.speaker == "customer"][-2:]
        fresh = [f for f in options if not any(line.startswith(f) for line in recent)]
        return self.rng.choice(fresh or options) if options else ""

    def fallback(self, turns: list[Turn], state: CustomerState, after: str = "") -> str:
        """The persona's authored line for the act: a fact in their own words, or a variant not used yet
        (`after`: the filler already said; a variant that starts with its word again is the last choice)."""
        act = state.act or ("upset" if state.frustration >= 40 else "calmer")
        if state.ended:
            act = "leave" if state.end_reason == "customer_left" else "accept"
        said = prompting.told(self.persona, state, act)
        if said:
            return " ".join(said)
        said = [t.text for t in turns if t.speaker == "customer"]
        mood = "upset" if state.frustration >= 40 else "calmer"
        options = self.persona.lines.for_act(act, state.offered)
        # A variant not said yet; else one of the mood's; else the one said longest ago, never the last.
        for pool in (options, self.persona.lines.for_act(mood)):
            fresh = _unsaid(pool, turns)
            if fresh:
                # "Oh... Oh, I see." stutters: the filler's word again only if every fresh variant starts so.
                return self.rng.choice([line for line in fresh if _first_word(line) != _first_word(after)] or fresh)
        return min(options, key=lambda line: max((i for i, s in enumerate(said) if line in s), default=-1))


def _unsaid(lines: list[str], turns: list[Turn]) -> list[str]:
    """The authored lines the customer has not said yet (said whole, or after a filler)."""
    said = [t.text for t in turns if t.speaker == "customer"]
    return [line for line in lines if not any(line in s for s in said)]


def _first_word(text: str) -> str:
    return next(iter(re.findall(r"\w+", text.lower())), "")


def _spaced(text: str, after: bool) -> str:
    """A piece of the line as it follows what was already said (a space before it), or starts it."""
    return " " + text if after else text


class _Stop(Exception):
    pass
