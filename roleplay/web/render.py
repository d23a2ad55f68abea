"""HTML for the app's panels: persona cards, the frustration meter, scorecards, transcripts, charts.

Pure functions from core objects to HTML strings, in the interface's language `lang`
(web/i18n.py: the packs' `ui` words), through Jinja2 templates with autoescaping
(templates/parts.html for panels, charts.html for charts), so no markup from a user,
a persona file or the model ever reaches the page.  Charts are inline SVG whose
coordinates are worked out here, so the app needs no plotting library and works offline.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from ..persona import Persona
from ..skills import ORDER as SKILL_ORDER  # the skill registry
from ..state import mood_of
from . import theme
from .i18n import words

_templates = Environment(loader=PackageLoader("roleplay.web", "templates"), autoescape=True)
_parts = _templates.get_template("parts.html").module  # one macro per panel
_charts = _templates.get_template("charts.html").module


def page(template: str, **values) -> str:
    """A whole page from templates/ (values autoescaped; pass Markup for HTML built here)."""
    return _templates.get_template(template).render(**values)

LANGUAGE_NAMES = {"en": "English", "sv": "Svenska", "fi": "Suomi"}
try:
    from evaluators import PASS_MARK  # where the bars draw their line; the grader decides pass/fail
except ImportError:  # pragma: no cover
    PASS_MARK = 60

_ICON = {
    "chat": '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" '
            'stroke-linejoin="round"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1.1-4.4A8 8 0 1 1 21 12z"/></svg>',
    "voice": '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" '
             'stroke-linejoin="round"><rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5 11a7 7 0 0 0 14 0'
             '"/><path d="M12 18v3"/></svg>',
    "logo": '<svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="#fff" stroke-width="2" '
            'stroke-linecap="round" stroke-linejoin="round"><path d="M4 5h11a3 3 0 0 1 3 3v5a3 3 0 0 1-3 3H9l-4 3v-3'
            'H4z"/><path d="M18 9h1a2 2 0 0 1 2 2v4a2 2 0 0 1-2 2h-1v2l-3-2"/></svg>',
    "lock": '<svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2">'
            '<rect x="5" y="11" width="14" height="9" rx="2"/><path d="M8 11V8a4 4 0 0 1 8 0v3"/></svg>',
}


AVATARS = {
    # the customer: a person; the trainee: a headset (contact-centre agent)
    "customer": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="20" '
                'fill="#e3e8ee"/><circle cx="20" cy="16" r="6.5" fill="#7c8b9a"/><path d="M8.5 33c1.8-6 6.2-9 11.5-9'
                's9.7 3 11.5 9" fill="#7c8b9a"/></svg>',
    "trainee": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><circle cx="20" cy="20" r="20" '
               'fill="#1f6f8b"/><path d="M11 21v-2a9 9 0 0 1 18 0v2" fill="none" stroke="#fff" stroke-width="2.4" '
               'stroke-linecap="round"/><rect x="9" y="20" width="5" height="7" rx="2" fill="#fff"/><rect x="26" '
               'y="20" width="5" height="7" rx="2" fill="#fff"/><path d="M28.5 27c0 3-3 4.5-6.5 4.5" fill="none" '
               'stroke="#fff" stroke-width="2" stroke-linecap="round"/></svg>',
}


def avatar_files(folder) -> tuple[str, str]:
    """(trainee, customer) avatar images for gr.Chatbot, written once into `folder`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for who in ("trainee", "customer"):
        path = folder / f"avatar-{who}.svg"
        if not path.exists():
            path.write_text(AVATARS[who], encoding="utf-8")
        out.append(str(path))
    return out[0], out[1]


def esc(text: object) -> str:
    """Text escaped for HTML outside the templates (the chat's messages)."""
    return html.escape("" if text is None else str(text), quote=True)


# One colour per mood, so the meter's bands are the customer state's own (roleplay.state.mood_of).
MOOD_COLOURS = {"furious": "#c0392b", "angry": "#e0662f", "annoyed": "#d9a021", "uneasy": "#8dbb3e",
                "calm": "#2e9b63"}


def mood_colour(frustration: int) -> str:
    return MOOD_COLOURS[mood_of(frustration)]


def score_colour(score: float) -> str:
    if score >= 70:
        return theme.GOOD
    if score >= 50:
        return theme.WARN
    return theme.BAD


def language_chip(language: str) -> str:
    code = language if language in LANGUAGE_NAMES else "en"
    return str(_parts.language_chip(code, LANGUAGE_NAMES.get(language, language)))


def channel_chips(channel: str, lang: str = "en") -> str:
    return str(_parts.channel_chips(channel, {k: Markup(_ICON[k]) for k in ("chat", "voice")}, words(lang)))


def difficulty_badge(difficulty: str, lang: str = "en") -> str:
    return str(_parts.difficulty_badge(difficulty, words(lang)(f"difficulty.{difficulty}")))


# header -----------------------------------------------------------------------------------------

def header(user_name: str, roles_label: str, single_user: bool, lang: str = "en") -> str:
    return str(_parts.header(user_name, roles_label, single_user, Markup(_ICON["logo"]), words(lang)))


# persona cards and brief ------------------------------------------------------------------------------

def persona_cards(personas: Iterable[Persona], selected: str | None = None, lang: str = "en") -> str:
    w = words(lang)
    cards = [{"p": p, "selected": p.id == selected, "badge": Markup(difficulty_badge(p.difficulty.value, lang)),
              "kind": w("card.sales" if p.kind == "sales" else "card.service"),
              "chips": Markup(language_chip(p.language) + channel_chips(p.channel.value, lang))} for p in personas]
    return str(_parts.persona_cards(cards, w("card.none")))


# js for gr.HTML(js_on_load=...): a click on a card sends its persona id to the server.
CARDS_JS = """
element.addEventListener('click', (e) => {
  const card = e.target.closest('[data-persona]');
  if (!card) return;
  element.querySelectorAll('.rp-card.selected').forEach(c => c.classList.remove('selected'));
  card.classList.add('selected');
  trigger('click', {persona: card.dataset.persona});
});
element.addEventListener('keydown', (e) => {
  if (e.key !== 'Enter' && e.key !== ' ') return;
  const card = e.target.closest('[data-persona]');
  if (card) { e.preventDefault(); card.click(); }
});
"""


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def policy_sheet(summary: str) -> str:
    lines = [ln.strip() for ln in summary.strip().splitlines() if ln.strip()]
    bulleted = len(lines) > 1 and all(ln[:1] in "-*•" for ln in lines)
    bullets = [ln.lstrip("-*• ").strip() for ln in lines] if bulleted else []
    return str(_parts.policy_sheet(bullets, _paragraphs(summary)))


def brief(p: Persona | None, note: str = "", lang: str = "en") -> str:
    """What the trainee may read before starting: the brief and the policy sheet (nothing hidden)."""
    if p is None:
        return str(_parts.brief(None, "", "", [], "", words(lang)))
    meta = Markup(difficulty_badge(p.difficulty.value, lang) + language_chip(p.language)
                  + channel_chips(p.channel.value, lang))
    return str(_parts.brief(p, note, meta, _paragraphs(p.brief), Markup(policy_sheet(p.policy.summary)), words(lang)))


def chat_head(p: Persona, channel: str, lang: str = "en") -> str:
    w = words(lang)
    return str(_parts.chat_head(w("chat.with", name=p.name), w(f"chat.hint.{channel}")))


def side_panel(p: Persona, channel: str, lang: str = "en") -> str:
    return str(_parts.side_panel(p, Markup(difficulty_badge(p.difficulty.value, lang)),
                                 Markup(language_chip(p.language)), Markup(_ICON[channel]),
                                 words(lang)(f"channel.{channel}")))


# frustration meter ---------------------------------------------------------------------------------

def meter(frustration: int | None, leave_at: int = 90, hidden: bool = False, lang: str = "en") -> str:
    w = words(lang)
    if hidden:
        return str(_parts.hidden_meter(Markup(_ICON["lock"]), w))
    if frustration is None:
        return ""
    f = max(0, min(100, int(frustration)))
    return str(_parts.meter(f, mood_colour(f), w(f"mood.{mood_of(f)}"), leave_at, w))


def status(message: str, kind: str = "info") -> str:
    return str(_parts.status(message, kind))


# speech player -------------------------------------------------------------------------------------

def speech_queue(urls: Sequence[str], turn: int | None = None, done: bool = True) -> str:
    """The sentences of the customer's current line to play, in order; `done` once the line is complete."""
    return str(_parts.speech_queue(urls, turn, done))


# Plays each sentence's audio once, in order, as the server adds them (window.rpSpeech for tests).
# Barge-in: while the trainee records (listen() / deaf(), called from the microphone's start and stop),
# their microphone's level is watched; speech over the customer (60 ms above the floor) stops the
# customer's audio at once, drops the line's sentences still to come, and tells the server where it
# stopped (a 'click' with {cut}: which sentence, how far into it, how much of the line was heard).
SPEECH_JS = """
const S = window.rpSpeech = window.rpSpeech || {played: [], queue: [], seen: new Set(), audio: null, busy: false,
                                                cuts: [], recording: false};
const label = () => element.querySelector('.rp-speaking-label');
const box = () => element.querySelector('.rp-speaking');
const LEVEL = 0.02, HOLD_MS = 60;
function next() {
  if (S.busy || !S.queue.length) {
    if (!S.busy && box()) { box().classList.remove('on'); label().textContent = ''; }
    return;
  }
  const item = S.queue.shift();
  if (item.turn !== S.turn) { S.turn = item.turn; S.heard = 0; }
  S.busy = true;
  const a = S.audio = new Audio(item.src);
  S.current = item;
  if (box()) { box().classList.add('on'); label().textContent = 'Customer speaking…'; }
  const done = () => { if (S.audio !== a) return; S.busy = false; S.heard += a.duration || 0; next(); };
  a.addEventListener('ended', done);
  a.addEventListener('error', () => { S.errors = (S.errors || 0) + 1; done(); });
  a.play().then(() => S.played.push(item.src)).catch((e) => { S.blocked = String(e); done(); });
}
function scan() {
  const turn = box() ? box().dataset.turn : '';
  element.querySelectorAll('[data-src]').forEach((el, part) => {
    const src = el.dataset.src;
    if (!src || S.seen.has(src)) return;
    S.seen.add(src);
    if (turn !== S.cutTurn) S.queue.push({src, turn, part});  // a line spoken over says no more
  });
  next();
}
function bargeIn(onset) {
  const a = S.audio, item = S.current;
  a.pause();
  const stopped = performance.now();
  S.queue = S.queue.filter(q => q.turn !== item.turn);
  S.cutTurn = item.turn;
  S.busy = false;
  const cut = {turn: Number(item.turn), part: item.part, at_s: a.currentTime,
               part_s: a.duration || a.currentTime || 0.001, heard_s: S.heard + a.currentTime};
  S.cuts.push({...cut, onset, stopped});
  trigger('click', {cut});
  next();
}
S.listen = async () => {
  S.recording = true;
  if (S.mic) return;
  try {
    S.mic = await navigator.mediaDevices.getUserMedia({audio: {echoCancellation: true}});
  } catch (e) { S.micError = String(e); return; }
  const ctx = new AudioContext();
  ctx.resume();
  const meter = ctx.createAnalyser();
  meter.fftSize = 512;
  ctx.createMediaStreamSource(S.mic).connect(meter);
  const buf = new Float32Array(meter.fftSize);
  let loudSince = null;
  S.watch = setInterval(() => {
    if (!S.recording || !S.busy || !S.audio || S.audio.paused) { loudSince = null; return; }
    meter.getFloatTimeDomainData(buf);
    let sum = 0;
    for (const x of buf) sum += x * x;
    if (Math.sqrt(sum / buf.length) < LEVEL) { loudSince = null; return; }
    const now = performance.now();
    if (loudSince === null) loudSince = now;
    if (now - loudSince >= HOLD_MS) { loudSince = null; bargeIn(now - HOLD_MS); }
  }, 10);
  S.closeMic = () => { clearInterval(S.watch); S.mic.getTracks().forEach(t => t.stop()); ctx.close(); S.mic = null; };
};
S.deaf = () => { S.recording = false; if (S.mic && S.closeMic) S.closeMic(); };
scan();
watch('value', scan);
"""


# scorecard -----------------------------------------------------------------------------------------

def _ring(score: float, lang: str = "en") -> str:
    r, c = 44, 2 * 3.14159 * 44
    filled = c * max(0.0, min(100.0, score)) / 100
    return str(_charts.ring(r, f"{c:.1f}", f"{filled:.1f}", score_colour(score), f"{score:.0f}",
                            words(lang)("score.overall")))


def skill_name(name: str, lang: str = "en") -> str:
    """A skill's name in the interface's language (its id where the pack has no word for it)."""
    return words(lang).get(f"skill.{name}", name)


def skill_bars(skills: dict, lang: str = "en") -> str:
    rows = [{"name": skill_name(name, lang), "width": f"{float(skills[name].get('score', 0)):.0f}",
             "colour": score_colour(float(skills[name].get("score", 0)))} for name in _ordered(skills)]
    return str(_charts.skill_bars(rows, PASS_MARK))


def _ordered(skills: dict) -> list[str]:
    return [s for s in SKILL_ORDER if s in skills] + sorted(s for s in skills if s not in SKILL_ORDER)


def scorecard(card: dict | None, prefix: str = "turn", title: str = "", end_reason: str | None = None,
              lang: str = "en") -> str:
    """The scorecard's own words in the interface's language; its tips, notes and blockers stay in the
    session's (the grader wrote them so)."""
    w = words(lang)
    if not card:
        return str(_parts.scorecard(None, w))
    overall = float(card.get("overall", 0))
    reason = w(f"end.{end_reason}") if end_reason in ("customer_left", "resolved", "trainee_ended") else ""
    grader = card.get("grader") or ""
    band = card.get("band") or ""
    skills = card.get("skills", {})
    view = {
        "overall": overall, "passed": bool(card.get("passed")), "title": title or w("score.title"),
        "ring": Markup(_ring(overall, lang)), "bars": Markup(skill_bars(skills, lang)),
        "sub": [x for x in (reason, w.get(f"band.{band}", band), w("score.graded", grader=grader) if grader else "",
                            *_versions(card, w)) if x],
        "blockers": card.get("blockers") or [],
        "blocker_evidence": [_evidence(e, prefix) for e in card.get("blocker_evidence") or []],
        "skills": [{"id": name, "name": skill_name(name, lang), "score": float(skills[name].get("score", 0)),
                    "colour": score_colour(float(skills[name].get("score", 0))),
                    "evidence": [_evidence(e, prefix) for e in skills[name].get("evidence", [])],
                    "tips": skills[name].get("tips", [])} for name in _ordered(skills)],
    }
    return str(_parts.scorecard(view, w))


def _versions(card: dict, w) -> list[str]:
    """Said on the card when it was not graded by the sheet and rubric the trainee practised with."""
    out = []
    if card.get("persona_version") == "library":
        out.append(w("score.library_version"))
    practised = card.get("practised_rubric_version")
    if practised and practised != card.get("rubric_version"):
        out.append(w("score.rubric", rubric=card.get("rubric_version"), practised=practised))
    return out


def _evidence(e: dict, prefix: str) -> dict:
    return {"plus": e.get("effect") == "+", "turn": int(e.get("turn", 0)), "prefix": prefix,
            "quote": e.get("quote", ""), "note": e.get("note", "")}


def evidence_by_turn(card: dict | None) -> dict[int, list[tuple[str, dict]]]:
    out: dict[int, list[tuple[str, dict]]] = {}
    if not card:
        return out
    for name, s in card.get("skills", {}).items():
        for e in s.get("evidence", []):
            out.setdefault(int(e.get("turn", -1)), []).append((name, e))
    for e in card.get("blocker_evidence") or []:
        out.setdefault(int(e.get("turn", -1)), []).append(("blocker", e))
    return out


# transcript ----------------------------------------------------------------------------------------

def _highlight(text: str, marks: list[tuple[str, str]]) -> list[tuple[str, str | None]]:
    """`text` in pieces, each quoted piece with its effect; marks are (quote, '+'|'-')."""
    spans: list[tuple[int, int, str]] = []
    for quote, effect in marks:
        quote = (quote or "").strip()
        if not quote:
            continue
        at = text.find(quote)
        if at < 0:
            at = text.lower().find(quote.lower())
        if at < 0:
            continue
        end = at + len(quote)
        if any(not (end <= a or at >= b) for a, b, _ in spans):
            continue  # overlapping quotes: the first one is marked
        spans.append((at, end, effect))
    out, pos = [], 0
    for a, b, effect in sorted(spans):
        out += [(text[pos:a], None), (text[a:b], effect)]
        pos = b
    out.append((text[pos:], None))
    return out


def transcript(turns: Sequence, customer_name: str, card: dict | None = None, audio: dict[int, str] | None = None,
               prefix: str = "turn", trainee_name: str | None = None, why: dict[int, list[str]] | None = None,
               comments: dict[int, list[dict]] | None = None, lang: str = "en") -> str:
    """Turns with their numbers, evidence marked, notes, per-turn audio and the customer's frustration;
    `why`: what moved the customer, by turn (opened on a click); `comments`: evaluators' and replies."""
    w = words(lang)
    ev = evidence_by_turn(card)
    audio = audio or {}
    trainee_name = trainee_name or w("transcript.trainee")
    rows = []
    for i, t in enumerate(turns):
        customer = t.speaker == "customer"
        frustration = t.frustration if customer else None
        rows.append({
            "i": i, "prefix": prefix, "speaker": t.speaker, "who": customer_name if customer else trainee_name,
            "frustration": frustration, "colour": mood_colour(frustration) if frustration is not None else "",
            "times": f"{t.start:.1f}–{t.end:.1f} s" if t.start is not None and t.end is not None else "",
            "pieces": _highlight(t.text, [(e.get("quote", ""), e.get("effect", "+")) for _, e in ev.get(i, [])]),
            "audio": audio.get(i), "notes": [(skill_name(n, lang), e) for n, e in ev.get(i, [])],
            "why": (why or {}).get(i, []),
            "comments": (comments or {}).get(i, []),
        })
    return str(_parts.transcript(rows, w))


def expect_results(results: Sequence) -> str:
    """A persona's behaviour tests, case by case: what was checked, and the conversation."""
    return str(_parts.expect_results([r.model_dump() for r in results]))


def mini_conversation(turns: Sequence, customer_name: str) -> str:
    return str(_parts.mini_conversation(turns, customer_name, mood_colour))


# charts ----------------------------------------------------------------------------------------------

def _grid(l: int, right: int, Y) -> dict:
    """The horizontal lines at 0, 25, 50, 75 and 100 of a chart scored 0-100."""
    values = (0, 25, 50, 75, 100)
    return {"l": l, "right": right, "rows": [(v, f"{Y(v):.1f}") for v in values],
            "label_y": [f"{Y(v) + 4:.1f}" for v in values]}


def frustration_curve(points: Sequence[tuple[int, int]], leave_at: int | None = None,
                      satisfied_at: int | None = None, lang: str = "en") -> str:
    """points: (turn index, frustration) of the customer's turns."""
    say = words(lang)  # (w is the chart's width below)
    title = say("chart.frustration")
    if not points:
        return str(_charts.empty_chart(title, say("chart.no_turns")))
    w, h, l, r, t, b = 560, 200, 34, 12, 10, 26
    xs = [p[0] for p in points]
    x0, x1 = min(xs), max(max(xs), min(xs) + 1)

    def X(v):
        return l + (v - x0) / (x1 - x0) * (w - l - r)

    def Y(v):
        return t + (100 - v) / 100 * (h - t - b)

    marks = [{"y": f"{Y(at):.1f}", "label_y": f"{Y(at) + dy:.1f}", "colour": colour, "label": label}
             for at, colour, label, dy in ((leave_at, theme.BAD, say("chart.leaves"), -4),
                                           (satisfied_at, theme.GOOD, say("chart.satisfied"), 12))
             if at is not None]
    path = " ".join(f'{"M" if i == 0 else "L"}{X(x):.1f},{Y(y):.1f}' for i, (x, y) in enumerate(points))
    area = path + f" L{X(points[-1][0]):.1f},{Y(0):.1f} L{X(points[0][0]):.1f},{Y(0):.1f} Z"
    return str(_charts.frustration_curve({
        "title": title, "w_turn": say("chart.turn"), "w": w, "h": h, "grid": _grid(l, w - r, Y), "marks": marks, "primary": theme.PRIMARY,
        "path": path, "area": area,
        "dots": [{"x": f"{X(x):.1f}", "y": f"{Y(y):.1f}", "colour": mood_colour(y), "turn": x + 1, "value": y}
                 for x, y in points],
        "ticks": [{"x": f"{X(x):.1f}", "label": x + 1} for x, _ in points],
    }))


def timeline(turns: Sequence, customer_name: str, lang: str = "en") -> str:
    """Who spoke when (voice sessions): one lane per side, overlaps in red."""
    say = words(lang)  # (w is the chart's width below)
    timed = [(i, t) for i, t in enumerate(turns) if t.start is not None and t.end is not None]
    if not timed:
        return str(_charts.empty_chart(say("chart.talk_time"), say("chart.no_timings")))
    w, h, l, r = 560, 118, 84, 12
    end = max(t.end for _, t in timed) or 1.0
    lanes = {"customer": 18, "trainee": 58}

    def X(v):
        return l + v / end * (w - l - r)

    bars, overlaps = [], []
    talk = {"customer": 0.0, "trainee": 0.0}
    for i, t in timed:
        talk[t.speaker] += t.end - t.start
        bars.append({"x": f"{X(t.start):.1f}", "y": lanes[t.speaker], "width": f"{max(X(t.end) - X(t.start), 2):.1f}",
                     "colour": "#7c8b9a" if t.speaker == "customer" else theme.PRIMARY, "turn": i + 1,
                     "span": f"{t.start:.1f}–{t.end:.1f}"})
    for (i, a), (j, b_) in zip(timed, timed[1:]):
        if a.speaker != b_.speaker and b_.start < a.end:
            o0, o1 = b_.start, min(a.end, b_.end)
            overlaps.append({"x": f"{X(o0):.1f}", "width": f"{max(X(o1) - X(o0), 2):.1f}", "turn": j + 1,
                             "seconds": f"{o1 - o0:.1f}"})
    step = max(1, round(end / 6))
    total = talk["customer"] + talk["trainee"] or 1.0
    return str(_charts.timeline({
        "words": say, "w": w, "h": h, "l": l, "customer_y": lanes["customer"] + 16, "trainee_y": lanes["trainee"] + 16,
        "customer": customer_name, "customer_short": customer_name[:12], "bars": bars, "overlaps": overlaps,
        "ticks": [{"x": f"{X(s):.1f}", "label": s} for s in range(0, int(end) + 1, step)],
        "customer_s": f"{talk['customer']:.0f}", "trainee_s": f"{talk['trainee']:.0f}",
        "share": f"{talk['trainee'] / total * 100:.0f}", "primary": theme.PRIMARY, "bad": theme.BAD,
    }))


def progress_chart(series: dict[str, list[tuple[datetime, float]]], title: str, lang: str = "en") -> str:
    """Scores over time, one line per skill."""
    points = [p for s in series.values() for p in s]
    if not points:
        return str(_charts.empty_chart(title, words(lang)("chart.no_graded")))
    w, h, l, r, t, b = 640, 240, 34, 14, 12, 28
    times = sorted({p[0] for p in points})
    index = {d: i for i, d in enumerate(times)}
    n = max(len(times) - 1, 1)

    def X(d):
        return l + index[d] / n * (w - l - r) if len(times) > 1 else (l + w - r) / 2

    def Y(v):
        return t + (100 - v) / 100 * (h - t - b)

    lines = []
    for name in _ordered(series):
        pts = sorted(series[name])
        if not pts:
            continue
        lines.append({
            "name": words(lang)("score.overall") if name == "overall" else skill_name(name, lang), "colour": theme.SKILL_COLOURS.get(name, "#1c2a3a" if name == "overall" else "#888"),
            "width": 3 if name == "overall" else 2, "dashed": name == "overall",
            "d": " ".join(f'{"M" if i == 0 else "L"}{X(x):.1f},{Y(y):.1f}' for i, (x, y) in enumerate(pts)),
            "points": [{"x": f"{X(x):.1f}", "y": f"{Y(y):.1f}", "label": f"{y:.0f} ({x:%Y-%m-%d})"} for x, y in pts],
        })
    every = max(1, len(times) // 6)
    return str(_charts.progress_chart({
        "title": title, "w": w, "h": h, "grid": _grid(l, w - r, Y), "lines": lines,
        "ticks": [{"x": f"{X(d):.1f}", "label": f"{d:%b %d}"} for i, d in enumerate(times) if i % every == 0],
    }))


# persona editor -------------------------------------------------------------------------------------

def library_errors(errors: Sequence) -> str:
    """The persona files skipped as invalid, with their problems."""
    return str(_parts.library_errors([(Path(e.source).name, [str(p) for p in e.problems]) for e in errors]))


def empty(message: str) -> str:
    return str(_parts.empty(message))


def problems(items: Sequence, ok_message: str = "", lang: str = "en") -> str:
    return str(_parts.problems(items, ok_message, words(lang)))


def replay_header(row, persona_name: str, lang: str = "en") -> str:
    w = words(lang)
    when = row.created_at.strftime("%Y-%m-%d %H:%M") if row.created_at else ""
    score = Markup(f'<span class="rp-bigscore" style="color:{score_colour(row.overall)}">{row.overall:.0f}</span>'
                   if row.overall is not None else f'<span class="rp-chip">{esc(w("score.not_graded"))}</span>')
    state = row.end_reason if row.end_reason in ("customer_left", "resolved", "trainee_ended") else \
        "ended" if row.ended else "in_progress"
    return str(_parts.replay_header(row, persona_name, when, LANGUAGE_NAMES.get(row.language, row.language),
                                    w(f"state.{state}"), score, w))
