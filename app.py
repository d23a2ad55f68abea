"""Start the Roleplay web app: `python app.py [--single-user] [--host H] [--port P]` or `roleplay serve`.

Serves on 127.0.0.1:7860 unless GRADIO_SERVER_NAME / GRADIO_SERVER_PORT (or --host / --port) say otherwise.
Everything runs locally: the language model (embedded llama.cpp unless OPENAI_BASE_URL is set), Whisper
and the speech engine are loaded once, before the server opens.

Sign-in: users come from `roleplay users add NAME --role trainee|trainer|evaluator`.
Single-user mode (`--single-user` or ROLEPLAY_SINGLE_USER=1) is for someone practising alone on their own
machine: no sign-in, one local user with every role.  It therefore refuses any address but loopback,
unless --single-user-open-to-everyone-on-the-network says that is really meant.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

log = logging.getLogger("roleplay.web")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="app.py", description="Start the Roleplay web app.")
    add_single_user_options(ap)
    ap.add_argument("--host", default=None, help="default: $GRADIO_SERVER_NAME or 127.0.0.1")
    ap.add_argument("--port", type=int, default=None, help="default: $GRADIO_SERVER_PORT or 7860")
    ap.add_argument("--personas", default=None, help="persona library folder")
    ap.add_argument("--db", default=None, help="database URL")
    ap.add_argument("--no-warmup", action="store_true", help="do not load Whisper and the speech engine at start")
    return ap.parse_args(argv)


OPEN_FLAG = "--single-user-open-to-everyone-on-the-network"


def add_single_user_options(ap: argparse.ArgumentParser) -> None:
    """--single-user, and the loud flag it needs on an address other computers can reach."""
    ap.add_argument("--single-user", action="store_true", help="no sign-in; everything local")
    ap.add_argument(OPEN_FLAG, dest="open_single_user", action="store_true",
                    help="let single-user mode listen on a non-loopback address: every visitor gets every role")


def loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # another host name: it may resolve to anything
        return False


def check_exposure(single: bool, host: str, open_anyway: bool) -> None:
    """Single-user mode gives every visitor every role: only this machine may reach it, unless the
    operator said otherwise with the loud flag."""
    if not single or loopback(host):
        return
    if not open_anyway:
        print(f"roleplay: single-user mode has no sign-in and gives every visitor every role, so it listens "
              f"only on 127.0.0.1, ::1 or localhost, not {host}. Add users and drop --single-user, or, if "
              f"everyone who can reach {host} may do everything, add {OPEN_FLAG}.", file=sys.stderr)
        raise SystemExit(2)
    log.warning("single-user mode on %s: EVERY VISITOR HAS EVERY ROLE (%s)", host, OPEN_FLAG)


def warm_up(client, speech: bool = True) -> None:
    """Load the model, the guard's language identifier, Whisper and the speech engine now, in parallel,
    so the first turn is not slow."""
    def model():
        try:
            prompt = "Customer: Hello.\nAgent:"
            if client.style == "completion":
                for _ in client.stream_completion(prompt, stop=["\n"], max_tokens=1):
                    break
            else:
                for _ in client.stream_chat([{"role": "user", "content": "Hello"}], max_tokens=1):
                    break
        except Exception as e:  # the app still starts; the first turn will report the problem
            log.warning("model warm-up failed: %s", e)

    def whisper():
        try:
            from roleplay.speech import stt

            stt.warm()  # Whisper's model when it listens here; nothing when a server listens
        except Exception as e:
            log.warning("Whisper warm-up failed (voice practice will not work): %s", e)

    def voice():
        try:
            from roleplay.speech import tts

            with tempfile.TemporaryDirectory() as tmp:
                tts.synthesize("Ready.", Path(tmp) / "w.wav")
        except Exception as e:
            log.warning("speech engine warm-up failed (the customer will not speak): %s", e)

    def language_id():
        from roleplay.language_id import identify

        identify("Ready.")  # the language identifier's model loads in about a second

    jobs = [threading.Thread(target=model), threading.Thread(target=language_id)]
    if speech:
        jobs += [threading.Thread(target=whisper), threading.Thread(target=voice)]
    for j in jobs:
        j.start()
    for j in jobs:
        j.join()


def main(args=None) -> None:
    """Entry point for `roleplay serve` (args from its parser) and `python app.py`."""
    if args is None or isinstance(args, list):
        args = parse_args(args)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from roleplay.accounts import Accounts, single_user_mode
    from roleplay.library import Library
    from roleplay.model import build_model
    from roleplay.store import Store
    from roleplay.web import build, launch_options

    single = bool(getattr(args, "single_user", False)) or single_user_mode()
    host = getattr(args, "host", None) or os.environ.get("GRADIO_SERVER_NAME") or "127.0.0.1"
    port = getattr(args, "port", None) or int(os.environ.get("GRADIO_SERVER_PORT") or 7860)
    check_exposure(single, host, bool(getattr(args, "open_single_user", False)))

    started = time.monotonic()
    store = Store(getattr(args, "db", None))
    accounts = Accounts(store.url)
    if not single and not accounts.list():
        print("roleplay: no users yet. Add one with `roleplay users add NAME --role trainer`, "
              "or practise alone with --single-user.", file=sys.stderr)
        raise SystemExit(2)
    library = Library(getattr(args, "personas", None))
    for err in library.errors:
        log.warning("skipped invalid persona file: %s", err)
    client = build_model(base_url=getattr(args, "base_url", None), model=getattr(args, "model", None))
    if not getattr(args, "no_warmup", False):
        warm_up(client)
    log.info("models ready in %.1f s (%s)", time.monotonic() - started, client.describe())
    demo = build(store=store, library=library, client=client, single_user=single, accounts=accounts)
    demo.launch(server_name=host, server_port=port, **launch_options(demo))


if __name__ == "__main__":
    from roleplay.database import DatabaseError

    try:
        main()
    except DatabaseError as e:  # a message naming the database, as `roleplay serve` prints it
        sys.exit(f"roleplay: {e}")
