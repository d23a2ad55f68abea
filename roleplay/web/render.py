"""HTML for the app's panels: the header, persona cards and brief, the chat's side panel, the
frustration meter, status lines and the persona editor's problems.

Pure functions from core objects to HTML strings, in the interface's language `lang`
(web/i18n.py: the packs' `ui` words), through the autoescaped templates of web/markup.py.  The
scorecard, transcripts, charts, chips and the speech player are modules of their own beside this one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from markupsafe import Markup

from ..persona import Persona
from ..state import mood_of
from .chips import channel_chips, difficulty_badge, language_chip
from .i18n import words
from .markup import ICON, mood_colour, parts


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


# header -----------------------------------------------------------------------------------------

def header(user_name: str, roles_label: str, single_user: bool, lang: str = "en") -> str:
    return str(parts.header(user_name, roles_label, single_user, Markup(ICON["logo"]), words(lang)))


# persona cards and brief ------------------------------------------------------------------------------

def persona_cards(personas: Iterable[Persona], selected: str | None = None, lang: str = "en") -> str:
    w = words(lang)
    cards = [{"p": p, "selected": p.id == selected, "badge": Markup(difficulty_badge(p.difficulty.value, lang)),
              "kind": w("card.sales" if p.kind == "sales" else "card.service"),
              "chips": Markup(language_chip(p.language) + channel_chips(p.channel.value, lang))} for p in personas]
    return str(parts.persona_cards(cards, w("card.none")))


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
    return str(parts.policy_sheet(bullets, _paragraphs(summary)))


def brief(p: Persona | None, note: str = "", lang: str = "en") -> str:
    """What the trainee may read before starting: the brief and the policy sheet (nothing hidden)."""
    if p is None:
        return str(parts.brief(None, "", "", [], "", words(lang)))
    meta = Markup(difficulty_badge(p.difficulty.value, lang) + language_chip(p.language)
                  + channel_chips(p.channel.value, lang))
    return str(parts.brief(p, note, meta, _paragraphs(p.brief), Markup(policy_sheet(p.policy.summary)), words(lang)))


def chat_head(p: Persona, channel: str, lang: str = "en") -> str:
    w = words(lang)
    return str(parts.chat_head(w("chat.with", name=p.name), w(f"chat.hint.{channel}")))


def side_panel(p: Persona, channel: str, lang: str = "en") -> str:
    return str(parts.side_panel(p, Markup(difficulty_badge(p.difficulty.value, lang)),
                                 Markup(language_chip(p.language)), Markup(ICON[channel]),
                                 words(lang)(f"channel.{channel}")))


# frustration meter ---------------------------------------------------------------------------------

def meter(frustration: int | None, leave_at: int = 90, hidden: bool = False, lang: str = "en") -> str:
    w = words(lang)
    if hidden:
        return str(parts.hidden_meter(Markup(ICON["lock"]), w))
    if frustration is None:
        return ""
    f = max(0, min(100, int(frustration)))
    return str(parts.meter(f, mood_colour(f), w(f"mood.{mood_of(f)}"), leave_at, w))


def status(message: str, kind: str = "info") -> str:
    return str(parts.status(message, kind))


# persona editor -------------------------------------------------------------------------------------

def library_errors(errors: Sequence, lang: str = "en") -> str:
    """The persona files skipped as invalid, with their problems."""
    return str(parts.library_errors([(Path(e.source).name, [str(p) for p in e.problems]) for e in errors],
                                    words(lang)))


def empty(message: str) -> str:
    return str(parts.empty(message))


def problems(items: Sequence, ok_message: str = "", lang: str = "en") -> str:
    return str(parts.problems(items, ok_message, words(lang)))
