"""Sign-in for the web app: Gradio's login page, checked against argon2 hashes in `roleplay.accounts`.

Who may do what is decided on the server, per request, from the signed-in name
(gr.Request.username) and that user's roles: see Context.user / session_for.
"""

from __future__ import annotations

from collections.abc import Callable

from ..accounts import Accounts

LOGIN_MESSAGE = "Sign in with the account your trainer set up for you."


def auth_callable(accounts: Accounts) -> Callable[[str, str], bool]:
    def check(username: str, password: str) -> bool:
        return accounts.verify(username, password)

    return check
