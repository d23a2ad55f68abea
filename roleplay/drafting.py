"""A persona drafted from a trainer's description by the configured model, for the trainer to finish.

The model answers under a JSON schema derived from the persona's own (`persona.json_schema()`, trimmed
to what a draft fills in: the rest keep their defaults), so a server with JSON-schema output (the
embedded llama.cpp, vLLM, OpenAI) returns the persona's shape.  What a small model still gets wrong
(ids that are not slugs, policy examples with nothing to match, regular expressions that do not compile
or could run for ever, goals met by items that do not exist, thresholds in the wrong order, missing
lines) is repaired here, and the
result is checked by the same parser the editor uses.  Nothing is saved: the draft opens in the editor.
"""

from __future__ import annotations

import copy
import json
import re
import unicodedata

import yaml

from .languages import found
from .library import PersonaError, Problem, parse
from .model import CustomerModel
from .patterns import catastrophic
from .persona import json_schema
from .policy_phrases import says_something

MAX_TOKENS = 1200
# A draft is many replies long: on the embedded 1.5B model on two busy cores it took 17 minutes.
TIMEOUT_S = 1800.0
SHORT, LONG = 160, 400  # characters a drafted string may take (a small model otherwise rambles on)
MAX_ITEMS = 2

# What the model writes, per object of the persona schema (by its title), in this order (what matters most
# first: a draft cut short by the token limit keeps it).  Ids, links between items and the rest come
# from the code or keep their defaults: every token costs seconds on a small CPU model.
KEEP = {
    "Persona": ["name", "language", "situation", "brief", "background", "goal", "opening_line", "policy", "ask",
                "goals", "lines", "temperament"],
    "Ask": ["text"],
    "Policy": ["summary", "allowed", "forbidden"],
    "PolicyItem": ["text", "examples"],
    "Goal": ["text"],
    "Temperament": ["start_frustration"],
    "Lines": ["upset", "calmer", "leaving", "satisfied", "push"],
}
# What repair takes from a draft (a stronger model may give more than it was asked for).
FIELDS = ["id", "name", "language", "channel", "difficulty", "sex", "kind", "situation", "brief", "background", "goal",
          "opening_line", "ask", "knows", "hidden_facts", "policy", "goals", "temperament", "lines"]
LINE_ACTS = ["upset", "calmer", "leaving", "satisfied", "push", "heard", "bare_policy"]
LONG_FIELDS = {"brief", "background", "summary"}

PROMPT = """You write customer personas for a practice tool where customer-service trainees talk to a simulated \
customer. From the trainer's description, write one complete persona as JSON.

- background, goal, ask.text and all lines are in the customer's own words \
(first person: "I ordered…"), in the persona's language.
- situation is one line for a card; brief tells the trainee who calls and why; opening_line is the customer's \
first words.
- policy.summary is the policy sheet as short bullet lines. policy.allowed are offers the trainee may make, \
policy.forbidden are promises outside the policy. Each item has plain text and 1-2 examples: how a trainee \
would say it, as a short plain sentence in the persona's language (e.g. "I can waive this month's fee"), \
with any amount written out ("$45", "3-5 days", "more than one month").
- ask is what the customer asks for beyond the policy (the first forbidden item would grant it).
- goals are what the customer would settle for (the first allowed offer meets them).
- temperament.start_frustration: 0 calm to 100 furious; they leave at 90.
- lines: 1-2 short variants each, in the customer's voice.

The trainer's description:
"""

DEFAULT_LINES = {  # placeholders the trainer is told to rewrite (English: the draft's language may differ)
    "upset": ["I'm still not happy about this."],
    "calmer": ["Okay. That helps a bit."],
    "leaving": ["Forget it. I'll take this elsewhere."],
    "satisfied": ["Right, thank you for sorting that out."],
}


class DraftError(RuntimeError):
    """The model gave nothing usable; the message says what to do."""


def _inline(node, defs: dict):
    """The schema with every $ref replaced by its definition (the persona schema has no cycles)."""
    if isinstance(node, dict):
        if "$ref" in node:
            return _inline(copy.deepcopy(defs[node["$ref"].split("/")[-1]]), defs)
        return {k: _inline(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline(v, defs) for v in node]
    return node


def _trim(node: dict, name: str = "") -> dict:
    """Keep the fields a draft fills in, all required; bound strings and lists; no nulls."""
    options = node.get("anyOf")
    if options:  # "X or null": a draft gives X
        node = {**next(o for o in options if o.get("type") != "null"),
                **{k: v for k, v in node.items() if k not in ("anyOf", "default")}}
    node = {k: v for k, v in node.items() if k not in ("default", "examples")}
    if node.get("type") == "object" and "properties" in node:
        keep = KEEP.get(node.get("title", ""), list(node["properties"]))
        node["properties"] = {k: _trim(node["properties"][k], k) for k in keep}
        node["required"] = list(node["properties"])
        node["additionalProperties"] = False
    elif node.get("type") == "array":
        node["items"] = _trim(node.get("items", {}), name)
        node["minItems"], node["maxItems"] = 1, MAX_ITEMS
    elif node.get("type") == "string" and "enum" not in node and "pattern" not in node:
        node["maxLength"] = min(node.get("maxLength", LONG), LONG if name in LONG_FIELDS else SHORT)
    return node


def draft_schema() -> dict:
    full = json_schema()
    return _trim(_inline(full, full.get("$defs", {})), "Persona")


# repair -----------------------------------------------------------------------------------------

def _slug(text: str, sep: str) -> str:
    plain = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()  # café -> cafe
    words = re.findall(r"[a-z0-9]+", plain.lower())
    return sep.join(words)[:40].strip(sep)


def _unique(base: str, taken: set[str], sep: str) -> str:
    name, n = base, 2
    while name in taken:
        name, n = f"{base}{sep}{n}", n + 1
    taken.add(name)
    return name


def _patterns(items, fixes: list[str], where: str) -> list[str]:
    good = []
    for p in items if isinstance(items, list) else []:
        if not isinstance(p, str) or not p.strip():
            continue
        try:
            re.compile(p)
        except re.error:
            fixes.append(f"{where}: dropped a pattern that is not a regular expression ({p!r})")
            continue
        if catastrophic(p):
            fixes.append(f"{where}: dropped a pattern that could run for ever ({p!r})")
            continue
        good.append(p.lower())
    return good


def _items(raw, sep_taken: set[str], fixes: list[str], where: str, need_patterns: str | None = None) -> list[dict]:
    out = []
    for n, item in enumerate(raw if isinstance(raw, list) else []):
        if not isinstance(item, dict) or not str(item.get("text") or "").strip():
            continue
        item = dict(item)
        slug = _slug(str(item.get("id") or ""), "_") or _slug(item["text"][:30], "_") or f"item_{n + 1}"
        item["id"] = _unique(slug, sep_taken, "_")
        if need_patterns:
            item[need_patterns] = _patterns(item.get(need_patterns), fixes, f"{where}.{item['id']}")
        out.append(item)
    return out


def _policy_items(raw, taken: set[str], fixes: list[str], where: str, language: str) -> list[dict]:
    """Policy items with examples the matcher can use (the item's own words where the model gave none);
    regular expressions only if the model wrote some that are safe."""
    out = []
    for item in _items(raw, taken, fixes, where, "patterns"):
        given = item.get("examples")
        said = [str(e).strip() for e in (given if isinstance(given, list) else [given]) if str(e or "").strip()]
        examples = [e for e in said if says_something(e, language)]
        if len(examples) < len(said):
            fixes.append(f"{where}.{item['id']}: dropped examples with nothing to match (only words like 'I', 'can')")
        if not examples:
            examples = [item["text"]]
            fixes.append(f"{where}.{item['id']}: examples made from its text; add how a trainee would say it")
        item["examples"] = examples
        if not item["patterns"]:
            del item["patterns"]
        out.append(item)
    return out


def _int(value, default: int, lo: int, hi: int) -> int:
    try:
        return max(lo, min(hi, int(value)))
    except (TypeError, ValueError):
        return default


def repair(data: dict, taken_ids=()) -> tuple[dict, list[str]]:
    """The draft made into a persona the parser accepts, and what was changed (for the trainer)."""
    fixes: list[str] = []
    d = {k: data[k] for k in FIELDS if k in data and data[k] not in (None, "", [])}
    d["id"] = _unique(_slug(str(d.get("id") or d.get("name") or ""), "-") or "drafted-customer", set(taken_ids), "-")
    if d["id"] != data.get("id"):
        fixes.append(f"id: {d['id']} (unique in the library, letters, digits and -)")
    for key, allowed in (("language", found.codes()), ("channel", ("chat", "voice", "both")),
                         ("difficulty", ("easy", "medium", "hard")), ("sex", ("female", "male")),
                         ("kind", ("service", "sales"))):
        if key in d and d[key] not in allowed:
            fixes.append(f"{key}: {d.pop(key)!r} is not one of {', '.join(allowed)}; left at the default")
    d.setdefault("language", "en")
    for key in ("name", "situation", "brief", "background", "goal", "opening_line"):
        if not isinstance(d.get(key), str) or not d[key].strip():
            d[key] = f"TODO: {key.replace('_', ' ')}"
            fixes.append(f"{key}: missing; write it")
    d["situation"] = d["situation"][:200]
    d["name"] = d["name"][:80]

    policy = d.get("policy") if isinstance(d.get("policy"), dict) else {}
    ids: set[str] = set()
    allowed = _policy_items(policy.get("allowed"), ids, fixes, "policy.allowed", d["language"])
    forbidden = _policy_items(policy.get("forbidden"), ids, fixes, "policy.forbidden", d["language"])
    summary = str(policy.get("summary") or "").strip() or "\n".join(
        [*(f"- You may offer: {i['text']}" for i in allowed), *(f"- You may not: {i['text']}" for i in forbidden)]) \
        or "TODO: the policy sheet"
    d["policy"] = {"summary": summary, "allowed": allowed, "forbidden": forbidden}

    d["knows"] = _items(d.get("knows"), set(), fixes, "knows", "ask")
    for f in d["knows"]:
        if f.get("value") is not None:
            f["value"] = str(f["value"])
    hidden = _items(d.get("hidden_facts"), set(), fixes, "hidden_facts", "topics")
    for h in hidden:
        if h.get("unlock") not in ("open_question", "empathy", "either"):
            h["unlock"] = "either"
    d["hidden_facts"] = hidden

    allowed_ids = [i["id"] for i in allowed]
    goals = []
    for g in _items(d.get("goals"), set(), fixes, "goals"):
        met = [m for m in (g.get("met_by") or []) if m in allowed_ids]
        if not met and allowed_ids:
            met = allowed_ids[:1]
            fixes.append(f"goals.{g['id']}: met by {met[0]}, the first allowed offer; check it")
        if not met:
            fixes.append(f"goals.{g['id']}: dropped (no allowed offer to meet it)")
            continue
        goals.append({**g, "met_by": met})
    d["goals"] = goals

    ask = d.get("ask") if isinstance(d.get("ask"), dict) else None
    if ask and str(ask.get("text") or "").strip():
        item = ask.get("item") if ask.get("item") in {i["id"] for i in forbidden} else None
        if ask.get("item") and item is None:
            fixes.append(f"ask.item: {ask['item']!r} is no forbidden item; removed")
        elif not ask.get("item") and forbidden:
            item = forbidden[0]["id"]
            fixes.append(f"ask.item: {item}, the first forbidden item; check it is what grants the ask")
        d["ask"] = {"text": ask["text"], **({"item": item} if item else {})}
    else:
        d.pop("ask", None)

    t = d.get("temperament") if isinstance(d.get("temperament"), dict) else {}
    leave = _int(t.get("leave_at"), 90, 20, 100)
    start = _int(t.get("start_frustration"), 50, 0, 100)
    satisfied = _int(t.get("satisfied_at"), 30, 0, 100)
    if start >= leave or satisfied >= leave:
        start, satisfied = min(start, leave - 20), min(satisfied, leave - 30)
        fixes.append("temperament: start_frustration and satisfied_at put below leave_at")
    d["temperament"] = {"start_frustration": max(0, start), "leave_at": leave, "satisfied_at": max(0, satisfied),
                        "resistance": _int(t.get("resistance"), 1, 1, 5)}

    lines = d.get("lines") if isinstance(d.get("lines"), dict) else {}
    kept = {k: [str(x) for x in v if str(x).strip()] for k, v in lines.items()
            if k in LINE_ACTS and isinstance(v, list)}
    for mood, default in DEFAULT_LINES.items():
        if not kept.get(mood):
            kept[mood] = default
            fixes.append(f"lines.{mood}: a placeholder; write it in the customer's voice")
    d["lines"] = {k: v for k, v in kept.items() if v}
    return d, fixes


def to_yaml(d: dict, model: str, fixes: list[str]) -> str:
    head = [f"# Drafted by {model} from a description. Nothing is saved yet: read every field,",
            "# make the policy examples say it as your trainees do, add expect: cases, then Save."]
    head += [f"# repaired: {f}" for f in fixes]
    d = {k: d[k] for k in FIELDS if k in d and d[k] != []}  # the usual order; no empty lists
    return "\n".join(head) + "\n" + yaml.safe_dump(d, sort_keys=False, allow_unicode=True, width=100)


def _closers(text: str) -> str | None:
    """What closes `text` as JSON (its open string, arrays and objects), or None where it cannot end."""
    stack, in_string, escaped = [], False, False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "{[":
            stack.append("}" if ch == "{" else "]")
        elif ch in "}]":
            stack.pop()
    if in_string:
        return None
    return "".join(reversed(stack))


def complete(text: str) -> tuple[dict | None, bool]:
    """The JSON object, and whether it was whole; one cut short by the token limit has its last incomplete
    member dropped and is closed."""
    try:
        data = json.loads(text)
        return (data if isinstance(data, dict) else None), True
    except json.JSONDecodeError:
        pass
    cuts = [i for i, ch in enumerate(text) if ch == ","]
    for end in reversed(cuts[-400:]):  # the latest comma where what comes before can be closed
        head = text[:end]
        closers = _closers(head)
        if closers is None:
            continue
        try:
            data = json.loads(head + closers)
        except json.JSONDecodeError:
            continue
        return (data if isinstance(data, dict) else None), False
    return None, False


def draft(client: CustomerModel, description: str, taken_ids=(),
          max_tokens: int = MAX_TOKENS) -> tuple[str, list[Problem]]:
    """(YAML for the editor, problems the parser still finds: none for a draft that repair could fix)."""
    description = (description or "").strip()
    if len(description) < 20:
        raise DraftError("describe the customer in a few sentences first: who they are, what happened, "
                         "what they want, and what the policy allows")
    messages = [{"role": "system", "content": "You answer with JSON only."},
                {"role": "user", "content": PROMPT + description[:4000]}]
    text = client.json(messages, draft_schema(), name="persona", max_tokens=max_tokens, timeout=TIMEOUT_S)
    data, whole = complete(text)
    if not data:
        raise DraftError(f"the model's draft was not a persona ({len(text)} characters of it); try again, "
                         "shorten the description, or use a stronger model server")
    d, fixes = repair(data, taken_ids)
    if not whole:
        fixes.insert(0, "the model stopped before the end: what it had not written is a placeholder or a default")
    yaml_text = to_yaml(d, client.model, fixes)
    try:
        parse(yaml_text, "<draft>")
        return yaml_text, []
    except PersonaError as e:
        return yaml_text, e.problems
