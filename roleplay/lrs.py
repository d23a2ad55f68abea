"""Sending xAPI statements to a Learning Record Store (its /statements resource, xAPI 1.0.3).

The endpoint and credentials are app settings a trainer saves in the Team tab (or ROLEPLAY_LRS_URL,
ROLEPLAY_LRS_USER, ROLEPLAY_LRS_PASSWORD); the command line and the app read the same.  Errors name
the LRS by host:port, never the password.
"""

from __future__ import annotations

import base64
import json
import os
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from pydantic import BaseModel, field_validator

from .xapi import VERSION

BATCH = 50  # statements per request: well under what LRSs accept in one POST
KEYS = {"endpoint": "lrs_endpoint", "username": "lrs_username", "password": "lrs_password",
        "homepage": "xapi_homepage"}
ENV = {"endpoint": "ROLEPLAY_LRS_URL", "username": "ROLEPLAY_LRS_USER", "password": "ROLEPLAY_LRS_PASSWORD",
       "homepage": "ROLEPLAY_XAPI_HOMEPAGE"}


class LrsError(RuntimeError):
    """The LRS could not take the statements; the message says which LRS and what happened."""


class LrsSettings(BaseModel):
    endpoint: str = ""  # e.g. https://lrs.example.com/xapi/ ; empty: not configured
    username: str = ""
    password: str = ""
    homepage: str = ""  # the IRL the trainees' accounts live at (xAPI account.homePage)

    @field_validator("endpoint", "homepage")
    @classmethod
    def _url(cls, url: str) -> str:
        url = (url or "").strip()
        if url and (urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname):
            raise ValueError(f"give an http(s) URL, not {url!r}")
        return url

    @property
    def where(self) -> str:
        u = urlsplit(self.endpoint)
        return f"{u.hostname}:{u.port or (443 if u.scheme == 'https' else 80)}"


def settings(accounts) -> LrsSettings:
    """From the app's settings where a trainer saved them, else the environment."""
    values = {k: os.environ.get(ENV[k], "") for k in KEYS}
    if accounts is not None:
        values = {k: accounts.setting(KEYS[k], values[k]) for k in KEYS}
    return LrsSettings(**values)


def save(accounts, new: LrsSettings) -> None:
    for k, key in KEYS.items():
        accounts.set_setting(key, getattr(new, k))


def send(statements: list[dict], s: LrsSettings, timeout: float = 30.0) -> int:
    """POST the statements in batches; returns how many the LRS took (LrsError otherwise)."""
    if not s.endpoint:
        raise LrsError("no Learning Record Store is configured (Team tab → LMS, or ROLEPLAY_LRS_URL)")
    url = s.endpoint.rstrip("/") + "/statements"
    headers = {"Content-Type": "application/json", "X-Experience-API-Version": VERSION}
    if s.username or s.password:
        token = base64.b64encode(f"{s.username}:{s.password}".encode()).decode()
        headers["Authorization"] = f"Basic {token}"
    sent = 0
    for i in range(0, len(statements), BATCH):
        body = json.dumps(statements[i:i + BATCH]).encode()
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
        except urllib.error.HTTPError as e:
            detail = e.read(300).decode("utf-8", "replace").strip()
            raise LrsError(f"the LRS at {s.where} refused the statements: HTTP {e.code}"
                           + (f" ({detail})" if detail else "")) from None
        except (urllib.error.URLError, TimeoutError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise LrsError(f"the LRS at {s.where} could not be reached ({reason}); check its URL in the settings") \
                from None
        sent += len(statements[i:i + BATCH])
    return sent
