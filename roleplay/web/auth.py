"""Sign-in for the web app: Gradio's login page, checked against argon2 hashes in `roleplay.accounts`.

Who may do what is decided on the server, per request, from the signed-in name
(gr.Request.username) and that user's roles: see Context.user / session_for.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from ..accounts import Accounts
from ..languages import codes
from .i18n import setting, words


def login_message() -> str:
    """The sign-in page's message (HTML) in the browser's language.

    Gradio sends one message for every browser, before anyone is signed in, and shows it as HTML on a
    page its frontend has put in the browser's first language (<html lang>, the rule of web/i18n.py).
    So the message is in every pack's language and a style shows the one that page is in, English
    where it is in none of them; with ROLEPLAY_UI_LANGUAGE it is in that language only."""
    fixed = setting()
    if fixed:
        return str(Markup('<span class="rp-login" lang="{}">{}</span>').format(fixed, words(fixed)("auth.message")))
    others = [c for c in codes() if c != "en"]
    shown = ", ".join(f"html:lang({c}) .rp-login [lang={c}]" for c in others)
    fallback = "html" + "".join(f":not(:lang({c}))" for c in others) + " .rp-login [lang=en]"
    style = f".rp-login [lang] {{ display: none; }} {shown}, {fallback} {{ display: inline; }}" if others else ""
    spans = Markup("").join(Markup('<span lang="{}">{}</span>').format(c, words(c)("auth.message")) for c in codes())
    return str(Markup("<style>{}</style><span class=\"rp-login\">{}</span>").format(Markup(style), spans))


def auth_callable(accounts: Accounts) -> Callable[[str, str], bool]:
    def check(username: str, password: str) -> bool:
        return accounts.verify(username, password)

    return check
