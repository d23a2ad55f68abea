"""HTML for the app's panels: persona cards, the frustration meter, scorecards, transcripts, charts.

Pure functions from core objects to HTML strings.  Every piece of text that
comes from a user, a persona file or the model goes through `esc` (no markup
from them ever reaches the page); charts are inline SVG drawn here, so the app
needs no plotting library and works offline.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from datetime import datetime

from evaluators.skills import ORDER as SKILL_ORDER  # the skill registry

from ..persona import Persona
from ..state import mood_of
from . import theme

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


def flag(language: str) -> str:
    code = language if language in LANGUAGE_NAMES else "en"
    return f'<span class="rp-flag rp-flag-{code}" aria-hidden="true"></span>'


def language_chip(language: str) -> str:
    return f'<span class="rp-chip">{flag(language)}{esc(LANGUAGE_NAMES.get(language, language))}</span>'


def channel_chips(channel: str) -> str:
    chips = []
    if channel in ("chat", "both"):
        chips.append(f'<span class="rp-chip">{_ICON["chat"]}Chat</span>')
    if channel in ("voice", "both"):
        chips.append(f'<span class="rp-chip">{_ICON["voice"]}Voice</span>')
    return "".join(chips)


def difficulty_badge(difficulty: str) -> str:
    return f'<span class="rp-badge rp-{esc(difficulty)}">{esc(difficulty.capitalize())}</span>'


# header -----------------------------------------------------------------------------------------

def header(user_name: str, roles_label: str, single_user: bool) -> str:
    initials = esc((user_name[:1] or "?").upper())
    signout = "" if single_user else '<a href="/logout">Sign out</a>'
    who = "Practising on this computer" if single_user else f"{esc(user_name)} · {esc(roles_label)}"
    user = f'<div class="rp-user"><div class="rp-avatar">{initials}</div><span>{who}</span>{signout}</div>'
    if not user_name and not single_user:
        user = '<div class="rp-user"></div>'
    return (
        '<div class="rp-header"><div class="rp-brand">'
        f'<div class="rp-logo">{_ICON["logo"]}</div>'
        '<div><h1>Roleplay Practice Room</h1><p>Customer conversations you can rehearse, replay and improve</p></div>'
        f'</div>{user}</div>'
    )


# persona cards and brief ------------------------------------------------------------------------------

def persona_cards(personas: Iterable[Persona], selected: str | None = None, empty: str = "No personas yet.") -> str:
    cards = []
    for p in personas:
        sel = " selected" if p.id == selected else ""
        cards.append(
            f'<div class="rp-card{sel}" data-persona="{esc(p.id)}" role="button" tabindex="0" '
            f'aria-label="{esc(p.name)}">'
            f'<div class="rp-card-top">{difficulty_badge(p.difficulty.value)}'
            f'<span class="rp-chip">{esc("Sales" if p.kind == "sales" else "Service")}</span></div>'
            f'<h3>{esc(p.name)}</h3><p class="rp-situation">{esc(p.situation)}</p>'
            f'<div class="rp-card-foot">{language_chip(p.language)}{channel_chips(p.channel.value)}</div></div>'
        )
    if not cards:
        return f'<div class="rp-empty">{esc(empty)}</div>'
    return f'<div class="rp-cards">{"".join(cards)}</div>'


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


def _paragraphs(text: str) -> str:
    parts = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(f"<p>{esc(' '.join(p.split()))}</p>" for p in parts)


def policy_sheet(summary: str) -> str:
    lines = [ln.strip() for ln in summary.strip().splitlines() if ln.strip()]
    bullets = [ln.lstrip("-*• ").strip() for ln in lines]
    if len(lines) > 1 and all(ln[:1] in "-*•" for ln in lines):
        body = "<ul>" + "".join(f"<li>{esc(b)}</li>" for b in bullets) + "</ul>"
    else:
        body = _paragraphs(summary)
    return f'<div class="rp-policy">{body}</div>'


def brief(p: Persona | None, note: str = "") -> str:
    """What the trainee may read before starting: the brief and the policy sheet (nothing hidden)."""
    if p is None:
        return ('<div class="rp-brief"><div class="rp-empty">Choose a customer on the left to read the brief '
                'and the policy sheet.</div></div>')
    extra = f'<p class="rp-sub">{esc(note)}</p>' if note else ""
    return (
        f'<div class="rp-brief"><h2>{esc(p.name)}</h2>'
        f'<div class="rp-meta">{difficulty_badge(p.difficulty.value)}{language_chip(p.language)}'
        f'{channel_chips(p.channel.value)}</div>{extra}'
        f'<h4>Situation</h4><p>{esc(p.situation)}</p>'
        f'<h4>Brief</h4>{_paragraphs(p.brief)}'
        f'<h4>Policy sheet</h4>{policy_sheet(p.policy.summary)}</div>'
    )


def chat_head(p: Persona, channel: str) -> str:
    hint = ("Speak when you are ready; the customer answers aloud." if channel == "voice"
            else "The customer reads and answers your messages.")
    return f'<div class="rp-chat-head"><b>Conversation with {esc(p.name)}</b><span>{hint}</span></div>'


def side_panel(p: Persona, channel: str) -> str:
    return (
        f'<div class="rp-side"><h3>{esc(p.name)}</h3><p class="rp-situation">{esc(p.situation)}</p>'
        f'<div class="rp-card-foot" style="margin-top:8px">{difficulty_badge(p.difficulty.value)}'
        f'{language_chip(p.language)}<span class="rp-chip">{_ICON[channel]}{esc(channel.capitalize())}</span>'
        '</div></div>'
    )


# frustration meter ---------------------------------------------------------------------------------

def meter(frustration: int | None, leave_at: int = 90, hidden: bool = False) -> str:
    if hidden:
        return (f'<div class="rp-side rp-hidden-meter">{_ICON["lock"]}'
                '<span>Exam mode: the customer\'s mood is not shown.</span></div>')
    if frustration is None:
        return ""
    f = max(0, min(100, int(frustration)))
    colour = mood_colour(f)
    mood = mood_of(f)
    return (
        f'<div class="rp-side rp-meter" data-frustration="{f}"><div class="rp-meter-head"><span>Frustration '
        f'<b>{f}</b></span><span class="rp-mood" style="background:{colour}22;color:{colour}">'
        f'{esc(mood)}</span></div>'
        f'<div class="rp-meter-track"><div class="rp-meter-fill" style="width:{max(f, 2)}%;background:{colour}"></div>'
        f'<div class="rp-meter-tick" style="left:{leave_at}%" title="leaves at {leave_at}"></div></div>'
        f'<div class="rp-meter-scale"><span>calm</span><span>leaves at {leave_at}</span></div></div>'
    )


def status(message: str, kind: str = "info") -> str:
    return f'<div class="rp-status {kind}">{esc(message)}</div>' if message else ""


# speech player -------------------------------------------------------------------------------------

def speech_queue(urls: Sequence[str], turn: int | None = None, done: bool = True) -> str:
    """The sentences of the customer's current line to play, in order; `done` once the line is complete."""
    items = "".join(f'<span data-src="{esc(u)}"></span>' for u in urls)
    return (f'<div class="rp-speaking" data-turn="{"" if turn is None else turn}" data-done="{int(done)}">'
            '<span class="rp-bars"><i></i><i></i><i></i></span><span class="rp-speaking-label"></span>'
            f'<span hidden>{items}</span></div>')


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


def _turn_link(turn: int, prefix: str) -> str:
    return f'<a class="turn" href="#{prefix}-{turn}" data-turn="{turn}">Turn {turn + 1}</a>'


def scorecard(card: dict | None, prefix: str = "turn", title: str = "", end_reason: str | None = None) -> str:
    if not card:
        return '<div class="rp-score"><div class="rp-empty">Not graded yet.</div></div>'
    overall = float(card.get("overall", 0))
    passed = bool(card.get("passed"))
    badge = (f'<span class="rp-badge {"rp-pass" if passed else "rp-fail"}">{"Passed" if passed else "Not passed"}'
             '</span>')
    reason = {"customer_left": "The customer left the conversation.",
              "resolved": "The customer was satisfied and ended the conversation.",
              "trainee_ended": "You ended the session."}.get(end_reason or "", "")
    band = card.get("band") or ""
    grader = card.get("grader") or ""
    sub = " · ".join(x for x in (esc(reason), esc(band), esc(f"graded: {grader}") if grader else "") if x)
    parts = [f'<div class="rp-score" data-overall="{overall:.0f}">',
             f'<div class="rp-score-head">{_ring(overall)}<div class="rp-verdict">'
             f'<h2>{esc(title or "Your scorecard")} {badge}</h2><p>{sub}</p></div></div>',
             skill_bars(card.get("skills", {}))]
    blockers = card.get("blockers") or []
    if blockers:
        items = "".join(f"<li>{esc(b)}</li>" for b in blockers)
        ev = "".join(_evidence_item(e, prefix) for e in card.get("blocker_evidence") or [])
        parts.append(f'<div class="rp-blockers"><b>Blockers — these fail the session whatever the score</b>'
                     f'<ul>{items}</ul>{f"<ul class=rp-ev>{ev}</ul>" if ev else ""}</div>')
    for name in _ordered(card.get("skills", {})):
        s = card["skills"][name]
        ev = "".join(_evidence_item(e, prefix) for e in s.get("evidence", []))
        tips = "".join(f"<li>{esc(t)}</li>" for t in s.get("tips", []))
        parts.append(
            f'<div class="rp-skill" data-skill="{esc(name)}"><h4><span>{esc(name)}</span>'
            f'<span style="color:{score_colour(float(s.get("score", 0)))}">{float(s.get("score", 0)):.0f}</span></h4>'
            f'{f"<ul class=rp-ev>{ev}</ul>" if ev else ""}{f"<ul class=rp-tips>{tips}</ul>" if tips else ""}</div>'
        )
    parts.append("</div>")
    return "".join(parts)


def _evidence_item(e: dict, prefix: str) -> str:
    plus = e.get("effect") == "+"
    turn = int(e.get("turn", 0))
    return (f'<li><span class="sign {"plus" if plus else "minus"}">{"+" if plus else "−"}</span>'
            f'{_turn_link(turn, prefix)}<span><q>{esc(e.get("quote", ""))}</q>'
            f'<span class="note">{esc(e.get("note", ""))}</span></span></li>')


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

def _highlight(text: str, marks: list[tuple[str, str]]) -> str:
    """Escape `text`, wrapping each quoted piece in <mark>; marks are (quote, '+'|'-')."""
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
        out.append(esc(text[pos:a]))
        out.append(f'<mark class="ev-{"plus" if effect == "+" else "minus"}">{esc(text[a:b])}</mark>')
        pos = b
    out.append(esc(text[pos:]))
    return "".join(out)


def transcript(turns: Sequence, customer_name: str, card: dict | None = None, audio: dict[int, str] | None = None,
               prefix: str = "turn", trainee_name: str = "Trainee") -> str:
    """Turns with their numbers, evidence marked, notes, per-turn audio and the customer's frustration."""
    ev = evidence_by_turn(card)
    audio = audio or {}
    rows = []
    for i, t in enumerate(turns):
        speaker = t.speaker
        marks = [(e.get("quote", ""), e.get("effect", "+")) for _, e in ev.get(i, [])]
        who = customer_name if speaker == "customer" else trainee_name
        extra = []
        if speaker == "customer" and t.frustration is not None:
            c = mood_colour(t.frustration)
            extra.append(f'<span class="rp-fr" style="background:{c}22;color:{c}">frustration {t.frustration}</span>')
        if t.start is not None and t.end is not None:
            extra.append(f'<span>{t.start:.1f}–{t.end:.1f} s</span>')
        notes = "".join(
            f'<li class="{"plus" if e.get("effect") == "+" else "minus"}"><span class="tag">{esc(skill)}'
            f' {"+" if e.get("effect") == "+" else "−"}</span> {esc(e.get("note", ""))}</li>'
            for skill, e in ev.get(i, []))
        player = (f'<audio controls preload="none" src="{esc(audio[i])}" data-turn-audio="{i}"></audio>'
                  if i in audio else "")
        rows.append(
            f'<div class="rp-turn {speaker}" id="{prefix}-{i}" data-turn="{i}"><div class="idx">#{i + 1}</div>'
            f'<div class="rp-bubble"><div class="rp-who"><b>{esc(who)}</b><span>{" ".join(extra)}</span></div>'
            f'<div class="rp-text">{_highlight(t.text, marks)}</div>{player}'
            f'{f"<ul class=rp-notes>{notes}</ul>" if notes else ""}</div></div>'
        )
    return f'<div class="rp-transcript">{"".join(rows)}</div>'


def mini_conversation(turns: Sequence, customer_name: str) -> str:
    rows = []
    for t in turns:
        if t.speaker == "customer":
            fr = f' <span class="rp-fr" style="background:{mood_colour(t.frustration or 0)}22;color:' \
                 f'{mood_colour(t.frustration or 0)}">{t.frustration}</span>' if t.frustration is not None else ""
            rows.append(f'<div class="c"><b>{esc(customer_name)}</b>{esc(t.text)}{fr}</div>')
        else:
            rows.append(f'<div class="t"><b>Trainee</b>{esc(t.text)}</div>')
    return f'<div class="rp-convo">{"".join(rows)}</div>'


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
    if not items:
        return f'<div class="rp-problems ok">{esc(ok_message)}</div>' if ok_message else ""
    rows = "".join(
        f'<tr><td class="ln">{"line " + str(p.line) if p.line else "—"}</td><td class="fd">{esc(p.field or "(file)")}'
        f'</td><td>{esc(p.message)}</td></tr>' for p in items)
    n = len(items)
    return (f'<div class="rp-problems bad"><div class="hd">{n} problem{"s" if n != 1 else ""} to fix before saving'
            f'</div><table>{rows}</table></div>')


def replay_header(row, persona_name: str) -> str:
    when = row.created_at.strftime("%Y-%m-%d %H:%M") if row.created_at else ""
    score = (f'<span class="rp-bigscore" style="color:{score_colour(row.overall)}">{row.overall:.0f}</span>'
             if row.overall is not None else '<span class="rp-chip">not graded</span>')
    state = {"customer_left": "customer left", "resolved": "resolved", "trainee_ended": "ended by trainee"}.get(
        row.end_reason or "", "in progress" if not row.ended else "ended")
    return (f'<div class="rp-replay-head" data-session="{esc(row.id)}"><div><h2>{esc(persona_name)}</h2>'
            f'<div class="meta"><span>Trainee <b>{esc(row.trainee)}</b></span><span>{esc(when)} UTC</span>'
            f'<span>{esc(row.channel)}</span><span>{esc(LANGUAGE_NAMES.get(row.language, row.language))}</span>'
            f'<span>{esc(state)}</span></div></div>{score}</div>')
