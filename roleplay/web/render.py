"""HTML for the app's panels: persona cards, the frustration meter, scorecards, transcripts, charts.

Pure functions from core objects to HTML strings.  The panels that show text from a
user, a persona file or the model are Jinja2 templates (templates/parts.html) with
autoescaping, so no markup from them ever reaches the page; charts are inline SVG
drawn here (numbers, and titles through `esc`), so the app needs no plotting
library and works offline.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from datetime import datetime

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from ..persona import Persona
from ..state import mood_of
from . import theme

_templates = Environment(loader=PackageLoader("roleplay.web", "templates"), autoescape=True)
_parts = _templates.get_template("parts.html").module  # one macro per panel


def page(template: str, **values) -> str:
    """A whole page from templates/ (values autoescaped; pass Markup for HTML built here)."""
    return _templates.get_template(template).render(**values)

LANGUAGE_NAMES = {"en": "English", "sv": "Svenska", "fi": "Suomi"}
SKILL_ORDER = ("listening", "honesty", "calm", "empathy", "resolution")
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
    from pathlib import Path

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


def channel_chips(channel: str) -> str:
    return str(_parts.channel_chips(channel, {k: Markup(_ICON[k]) for k in ("chat", "voice")}))


def difficulty_badge(difficulty: str) -> str:
    return str(_parts.difficulty_badge(difficulty))


# header -----------------------------------------------------------------------------------------

def header(user_name: str, roles_label: str, single_user: bool) -> str:
    return str(_parts.header(user_name, roles_label, single_user, Markup(_ICON["logo"])))


# persona cards and brief ------------------------------------------------------------------------------

def persona_cards(personas: Iterable[Persona], selected: str | None = None, empty: str = "No personas yet.") -> str:
    cards = [{"p": p, "selected": p.id == selected, "badge": Markup(difficulty_badge(p.difficulty.value)),
              "kind": "Sales" if p.kind == "sales" else "Service",
              "chips": Markup(language_chip(p.language) + channel_chips(p.channel.value))} for p in personas]
    return str(_parts.persona_cards(cards, empty))


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


def brief(p: Persona | None, note: str = "") -> str:
    """What the trainee may read before starting: the brief and the policy sheet (nothing hidden)."""
    if p is None:
        return str(_parts.brief(None, "", "", [], ""))
    meta = Markup(difficulty_badge(p.difficulty.value) + language_chip(p.language) + channel_chips(p.channel.value))
    return str(_parts.brief(p, note, meta, _paragraphs(p.brief), Markup(policy_sheet(p.policy.summary))))


def chat_head(p: Persona, channel: str) -> str:
    hint = ("Speak when you are ready; the customer answers aloud." if channel == "voice"
            else "The customer reads and answers your messages.")
    return str(_parts.chat_head(p.name, hint))


def side_panel(p: Persona, channel: str) -> str:
    return str(_parts.side_panel(p, Markup(difficulty_badge(p.difficulty.value)), Markup(language_chip(p.language)),
                                 Markup(_ICON[channel]), channel))


# frustration meter ---------------------------------------------------------------------------------

def meter(frustration: int | None, leave_at: int = 90, hidden: bool = False) -> str:
    if hidden:
        return str(_parts.hidden_meter(Markup(_ICON["lock"])))
    if frustration is None:
        return ""
    f = max(0, min(100, int(frustration)))
    return str(_parts.meter(f, mood_colour(f), mood_of(f), leave_at))


def status(message: str, kind: str = "info") -> str:
    return str(_parts.status(message, kind))


# speech player -------------------------------------------------------------------------------------

def speech_queue(urls: Sequence[str], turn: int | None = None, done: bool = True) -> str:
    """The sentences of the customer's current line to play, in order; `done` once the line is complete."""
    return str(_parts.speech_queue(urls, turn, done))


# Plays each sentence's audio once, in order, as the server adds them (window.rpSpeech for tests).
SPEECH_JS = """
const S = window.rpSpeech = window.rpSpeech || {played: [], queue: [], seen: new Set(), audio: null, busy: false};
const label = () => element.querySelector('.rp-speaking-label');
const box = () => element.querySelector('.rp-speaking');
function next() {
  if (S.busy || !S.queue.length) {
    if (!S.busy && box()) { box().classList.remove('on'); label().textContent = ''; }
    return;
  }
  const src = S.queue.shift();
  S.busy = true;
  const a = S.audio = new Audio(src);
  if (box()) { box().classList.add('on'); label().textContent = 'Customer speaking…'; }
  const done = () => { S.busy = false; next(); };
  a.addEventListener('ended', done);
  a.addEventListener('error', () => { S.errors = (S.errors || 0) + 1; done(); });
  a.play().then(() => S.played.push(src)).catch((e) => { S.blocked = String(e); done(); });
}
function scan() {
  element.querySelectorAll('[data-src]').forEach(el => {
    const src = el.dataset.src;
    if (src && !S.seen.has(src)) { S.seen.add(src); S.queue.push(src); }
  });
  next();
}
scan();
watch('value', scan);
"""


# scorecard -----------------------------------------------------------------------------------------

def _ring(score: float) -> str:
    r, c = 44, 2 * 3.14159 * 44
    filled = c * max(0.0, min(100.0, score)) / 100
    colour = score_colour(score)
    return (
        f'<div class="rp-ring"><svg viewBox="0 0 104 104" width="104" height="104">'
        f'<circle cx="52" cy="52" r="{r}" fill="none" stroke="#edf1f5" stroke-width="10"/>'
        f'<circle cx="52" cy="52" r="{r}" fill="none" stroke="{colour}" stroke-width="10" stroke-linecap="round" '
        f'stroke-dasharray="{filled:.1f} {c:.1f}" transform="rotate(-90 52 52)"/></svg>'
        f'<span>{score:.0f}<small>overall</small></span></div>'
    )


def skill_bars(skills: dict) -> str:
    rows = []
    for name in _ordered(skills):
        score = float(skills[name].get("score", 0))
        rows.append(
            f'<span class="lbl">{esc(name)}</span><div class="trk"><div class="bar" style="width:{score:.0f}%;'
            f'background:{score_colour(score)}"></div><div class="pass-line" style="left:{PASS_MARK}%"></div></div>'
            f'<span class="val">{score:.0f}</span>'
        )
    return f'<div class="rp-bars-chart" role="img" aria-label="scores per skill">{"".join(rows)}</div>'


def _ordered(skills: dict) -> list[str]:
    return [s for s in SKILL_ORDER if s in skills] + sorted(s for s in skills if s not in SKILL_ORDER)


def scorecard(card: dict | None, prefix: str = "turn", title: str = "", end_reason: str | None = None) -> str:
    if not card:
        return str(_parts.scorecard(None))
    overall = float(card.get("overall", 0))
    reason = {"customer_left": "The customer left the conversation.",
              "resolved": "The customer was satisfied and ended the conversation.",
              "trainee_ended": "You ended the session."}.get(end_reason or "", "")
    grader = card.get("grader") or ""
    skills = card.get("skills", {})
    view = {
        "overall": overall, "passed": bool(card.get("passed")), "title": title or "Your scorecard",
        "ring": Markup(_ring(overall)), "bars": Markup(skill_bars(skills)),
        "sub": [x for x in (reason, card.get("band") or "", f"graded: {grader}" if grader else "") if x],
        "blockers": card.get("blockers") or [],
        "blocker_evidence": [_evidence(e, prefix) for e in card.get("blocker_evidence") or []],
        "skills": [{"name": name, "score": float(skills[name].get("score", 0)),
                    "colour": score_colour(float(skills[name].get("score", 0))),
                    "evidence": [_evidence(e, prefix) for e in skills[name].get("evidence", [])],
                    "tips": skills[name].get("tips", [])} for name in _ordered(skills)],
    }
    return str(_parts.scorecard(view))


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
               prefix: str = "turn", trainee_name: str = "Trainee") -> str:
    """Turns with their numbers, evidence marked, notes, per-turn audio and the customer's frustration."""
    ev = evidence_by_turn(card)
    audio = audio or {}
    rows = []
    for i, t in enumerate(turns):
        customer = t.speaker == "customer"
        frustration = t.frustration if customer else None
        rows.append({
            "i": i, "prefix": prefix, "speaker": t.speaker, "who": customer_name if customer else trainee_name,
            "frustration": frustration, "colour": mood_colour(frustration) if frustration is not None else "",
            "times": f"{t.start:.1f}–{t.end:.1f} s" if t.start is not None and t.end is not None else "",
            "pieces": _highlight(t.text, [(e.get("quote", ""), e.get("effect", "+")) for _, e in ev.get(i, [])]),
            "audio": audio.get(i), "notes": ev.get(i, []),
        })
    return str(_parts.transcript(rows))


def mini_conversation(turns: Sequence, customer_name: str) -> str:
    return str(_parts.mini_conversation(turns, customer_name, mood_colour))


# charts ----------------------------------------------------------------------------------------------

def frustration_curve(points: Sequence[tuple[int, int]], leave_at: int | None = None,
                      satisfied_at: int | None = None, title: str = "Frustration over the conversation") -> str:
    """points: (turn index, frustration) of the customer's turns."""
    if not points:
        return f'<div class="rp-chart"><h4>{esc(title)}</h4><div class="rp-empty">No turns yet.</div></div>'
    w, h, l, r, t, b = 560, 200, 34, 12, 10, 26
    xs = [p[0] for p in points]
    x0, x1 = min(xs), max(max(xs), min(xs) + 1)

    def X(v):
        return l + (v - x0) / (x1 - x0) * (w - l - r)

    def Y(v):
        return t + (100 - v) / 100 * (h - t - b)

    grid = "".join(f'<line x1="{l}" x2="{w - r}" y1="{Y(v):.1f}" y2="{Y(v):.1f}" stroke="#edf1f5"/>'
                   f'<text x="{l - 6}" y="{Y(v) + 4:.1f}" font-size="10" text-anchor="end" fill="#8a97a5">{v}</text>'
                   for v in (0, 25, 50, 75, 100))
    lines = ""
    if leave_at is not None:
        lines += (f'<line x1="{l}" x2="{w - r}" y1="{Y(leave_at):.1f}" y2="{Y(leave_at):.1f}" stroke="{theme.BAD}" '
                  f'stroke-dasharray="4 4" opacity=".7"/><text x="{w - r}" y="{Y(leave_at) - 4:.1f}" font-size="10" '
                  f'text-anchor="end" fill="{theme.BAD}">leaves</text>')
    if satisfied_at is not None:
        lines += (f'<line x1="{l}" x2="{w - r}" y1="{Y(satisfied_at):.1f}" y2="{Y(satisfied_at):.1f}" '
                  f'stroke="{theme.GOOD}" stroke-dasharray="4 4" opacity=".7"/><text x="{w - r}" '
                  f'y="{Y(satisfied_at) + 12:.1f}" font-size="10" text-anchor="end" fill="{theme.GOOD}">'
                  'satisfied</text>')
    path = " ".join(f'{"M" if i == 0 else "L"}{X(x):.1f},{Y(y):.1f}' for i, (x, y) in enumerate(points))
    area = path + f" L{X(points[-1][0]):.1f},{Y(0):.1f} L{X(points[0][0]):.1f},{Y(0):.1f} Z"
    dots = "".join(f'<circle cx="{X(x):.1f}" cy="{Y(y):.1f}" r="4" fill="{mood_colour(y)}" stroke="#fff" '
                   f'stroke-width="1.5"><title>turn {x + 1}: {y}</title></circle>' for x, y in points)
    ticks = "".join(f'<text x="{X(x):.1f}" y="{h - 8}" font-size="10" text-anchor="middle" fill="#8a97a5">{x + 1}'
                    '</text>' for x, _ in points)
    svg = (f'<svg viewBox="0 0 {w} {h}" role="img" aria-label="frustration curve">{grid}{lines}'
           f'<path d="{area}" fill="{theme.PRIMARY}" opacity=".07"/>'
           f'<path d="{path}" fill="none" stroke="{theme.PRIMARY}" stroke-width="2.2"/>{dots}{ticks}</svg>')
    return f'<div class="rp-chart"><h4>{esc(title)}</h4>{svg}</div>'


def timeline(turns: Sequence, customer_name: str) -> str:
    """Who spoke when (voice sessions): one lane per side, overlaps in red."""
    timed = [(i, t) for i, t in enumerate(turns) if t.start is not None and t.end is not None]
    if not timed:
        return ('<div class="rp-chart"><h4>Talk time</h4><div class="rp-empty">No timings recorded for this '
                'session.</div></div>')
    w, h, l, r = 560, 118, 84, 12
    end = max(t.end for _, t in timed) or 1.0
    lanes = {"customer": 18, "trainee": 58}

    def X(v):
        return l + v / end * (w - l - r)

    bars, overlaps = [], []
    talk = {"customer": 0.0, "trainee": 0.0}
    for i, t in timed:
        talk[t.speaker] += t.end - t.start
        colour = "#7c8b9a" if t.speaker == "customer" else theme.PRIMARY
        bars.append(f'<rect x="{X(t.start):.1f}" y="{lanes[t.speaker]}" width="{max(X(t.end) - X(t.start), 2):.1f}" '
                    f'height="24" rx="4" fill="{colour}"><title>turn {i + 1}: {t.start:.1f}–{t.end:.1f} s</title>'
                    '</rect>')
    for (i, a), (j, b_) in zip(timed, timed[1:]):
        if a.speaker != b_.speaker and b_.start < a.end:
            o0, o1 = b_.start, min(a.end, b_.end)
            overlaps.append(f'<rect class="overlap" x="{X(o0):.1f}" y="14" width="{max(X(o1) - X(o0), 2):.1f}" '
                            f'height="72" fill="{theme.BAD}" opacity=".28"><title>overlap at turn {j + 1}: '
                            f'{o1 - o0:.1f} s</title></rect>')
    step = max(1, round(end / 6))
    ticks = "".join(f'<text x="{X(s):.1f}" y="{h - 6}" font-size="10" text-anchor="middle" fill="#8a97a5">{s}s'
                    '</text>' for s in range(0, int(end) + 1, step))
    labels = (f'<text x="{l - 8}" y="{lanes["customer"] + 16}" font-size="11" text-anchor="end" fill="#3b4a5a">'
              f'{esc(customer_name[:12])}</text><text x="{l - 8}" y="{lanes["trainee"] + 16}" font-size="11" '
              'text-anchor="end" fill="#3b4a5a">Trainee</text>')
    total = talk["customer"] + talk["trainee"] or 1.0
    share = talk["trainee"] / total * 100
    svg = (f'<svg viewBox="0 0 {w} {h}" role="img" aria-label="talk-time timeline">{labels}'
           f'{"".join(bars)}{"".join(overlaps)}{ticks}</svg>')
    legend = (f'<div class="rp-legend"><span><i style="background:#7c8b9a"></i>{esc(customer_name)} '
              f'{talk["customer"]:.0f} s</span><span><i style="background:{theme.PRIMARY}"></i>Trainee '
              f'{talk["trainee"]:.0f} s ({share:.0f}% of talk)</span>'
              f'<span><i style="background:{theme.BAD};opacity:.4"></i>Overlap ({len(overlaps)})</span></div>')
    return f'<div class="rp-chart" data-overlaps="{len(overlaps)}"><h4>Talk time</h4>{svg}{legend}</div>'


def progress_chart(series: dict[str, list[tuple[datetime, float]]], title: str) -> str:
    """Scores over time, one line per skill."""
    points = [p for s in series.values() for p in s]
    if not points:
        return f'<div class="rp-chart"><h4>{esc(title)}</h4><div class="rp-empty">No graded sessions yet.</div></div>'
    w, h, l, r, t, b = 640, 240, 34, 14, 12, 28
    times = sorted({p[0] for p in points})
    index = {d: i for i, d in enumerate(times)}
    n = max(len(times) - 1, 1)

    def X(d):
        return l + index[d] / n * (w - l - r) if len(times) > 1 else (l + w - r) / 2

    def Y(v):
        return t + (100 - v) / 100 * (h - t - b)

    grid = "".join(f'<line x1="{l}" x2="{w - r}" y1="{Y(v):.1f}" y2="{Y(v):.1f}" stroke="#edf1f5"/>'
                   f'<text x="{l - 6}" y="{Y(v) + 4:.1f}" font-size="10" text-anchor="end" fill="#8a97a5">{v}</text>'
                   for v in (0, 25, 50, 75, 100))
    paths, legend = [], []
    for name in _ordered(series):
        pts = sorted(series[name])
        if not pts:
            continue
        colour = theme.SKILL_COLOURS.get(name, "#1c2a3a" if name == "overall" else "#888")
        width = 3 if name == "overall" else 2
        d = " ".join(f'{"M" if i == 0 else "L"}{X(x):.1f},{Y(y):.1f}' for i, (x, y) in enumerate(pts))
        dash = ' stroke-dasharray="6 3"' if name == "overall" else ""
        paths.append(f'<path d="{d}" fill="none" stroke="{colour}" stroke-width="{width}"{dash}/>')
        paths.extend(f'<circle cx="{X(x):.1f}" cy="{Y(y):.1f}" r="3" fill="{colour}"><title>{esc(name)} '
                     f'{y:.0f} ({x:%Y-%m-%d})</title></circle>' for x, y in pts)
        legend.append(f'<span><i style="background:{colour}"></i>{esc(name.capitalize())}</span>')
    every = max(1, len(times) // 6)
    ticks = "".join(f'<text x="{X(d):.1f}" y="{h - 8}" font-size="10" text-anchor="middle" fill="#8a97a5">'
                    f'{d:%b %d}</text>' for i, d in enumerate(times) if i % every == 0)
    svg = f'<svg viewBox="0 0 {w} {h}" role="img" aria-label="progress">{grid}{"".join(paths)}{ticks}</svg>'
    return f'<div class="rp-chart"><h4>{esc(title)}</h4>{svg}<div class="rp-legend">{"".join(legend)}</div></div>'


# persona editor -------------------------------------------------------------------------------------

def problems(items: Sequence, ok_message: str = "") -> str:
    return str(_parts.problems(items, ok_message))


def replay_header(row, persona_name: str) -> str:
    when = row.created_at.strftime("%Y-%m-%d %H:%M") if row.created_at else ""
    score = Markup(f'<span class="rp-bigscore" style="color:{score_colour(row.overall)}">{row.overall:.0f}</span>'
                   if row.overall is not None else '<span class="rp-chip">not graded</span>')
    state = {"customer_left": "customer left", "resolved": "resolved", "trainee_ended": "ended by trainee"}.get(
        row.end_reason or "", "in progress" if not row.ended else "ended")
    return str(_parts.replay_header(row, persona_name, when, LANGUAGE_NAMES.get(row.language, row.language), state,
                                    score))
