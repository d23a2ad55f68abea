"""Handing stored audio to the browser.

Session audio lives under the data folder, which the web server never serves.
A handler that has checked the user may hear a turn copies its file into
Gradio's upload folder (under a folder named by the file's content hash, so the URL
cannot be guessed) and puts that URL in the page.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import quote

from gradio import processing_utils, utils

log = logging.getLogger("roleplay.web")


def public_url(path: str | Path | None) -> str | None:
    if not path:
        return None
    p = Path(path)
    if not p.is_file():
        return None
    try:
        cached = processing_utils.save_file_to_cache(p, cache_dir=utils.get_upload_folder())
    except OSError as e:
        log.warning("cannot serve %s: %s", p, e)
        return None
    return "/gradio_api/file=" + quote(str(cached), safe="/")


def turn_audio(rows) -> dict[int, str]:
    """Turn index → URL for the stored turns that have audio."""
    out = {}
    for t in rows:
        url = public_url(t.audio)
        if url:
            out[t.idx] = url
    return out
