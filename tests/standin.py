"""A stand-in OpenAI-compatible server on 127.0.0.1, for load tests and fault injection.

It answers every completion with a fixed customer line (or the next of several) after a fixed delay, so
a benchmark measures the app rather than the model, and it can be told to fail
a share of its answers (HTTP 500, stall past the client's timeout, cut the
stream mid-reply, send garbage) to test that nothing is lost when a real
server misbehaves.

It also serves /v1/audio/transcriptions and /v1/audio/speech with the real
embedded faster-whisper and espeak-ng, under the same faults (a cut answer is
half its body), so the remote speech path is tested end to end over HTTP.
It is a test tool: real deployments use a real speech server.
"""

from __future__ import annotations

import json
import random
import tempfile
import threading
import time
from dataclasses import dataclass, field
from email import policy
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

LINE = "I still want to know what you will do about it. Can you tell me?"


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients hang up on stalled or cut answers by design


def _form(content_type: str, body: bytes) -> dict[str, bytes]:
    """The fields of a multipart/form-data body by name (the email parser reads the same MIME format)."""
    message = BytesParser(policy=policy.HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    return {part.get_param("name", header="content-disposition"): part.get_payload(decode=True)
            for part in message.iter_parts()}


@dataclass
class Faults:
    fail: float = 0.0  # share answered with HTTP 500
    stall: float = 0.0  # share that sleeps `stall_s` before answering
    truncate: float = 0.0  # share whose stream stops mid-reply
    garbage: float = 0.0  # share that sends invalid JSON
    stall_s: float = 30.0


@dataclass
class StandIn:
    delay_s: float = 0.2
    line: str = LINE
    lines: list[str] | None = None  # answered in turn instead of `line`: a real customer does not repeat
    faults: Faults = field(default_factory=Faults)
    seed: int = 0
    verbose: bool = True  # False: transcriptions carry their text only, as some servers answer
    requests: int = 0
    injected: dict = field(default_factory=dict)

    def __post_init__(self):
        self._rng = random.Random(self.seed)
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None

    def _pick(self) -> str | None:
        with self._lock:
            self.requests += 1
            r = self._rng.random()
            edge = 0.0
            for name in ("fail", "stall", "truncate", "garbage"):
                edge += getattr(self.faults, name)
                if r < edge:
                    self.injected[name] = self.injected.get(name, 0) + 1
                    return name
        return None

    def start(self) -> str:
        """Serve in a background thread; returns the base URL (…/v1)."""
        standin = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet: the tests read results, not logs
                pass

            def do_GET(self):
                body = json.dumps({"object": "list", "data": [{"id": "stand-in", "object": "model"}]}).encode()
                self._send(200, body)

            def _send(self, code: int, body: bytes, ctype: str = "application/json"):
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                fault = standin._pick()
                time.sleep(standin.delay_s)
                if fault == "stall":
                    time.sleep(standin.faults.stall_s)
                if fault == "fail":
                    return self._send(500, b'{"error": {"message": "stand-in failure"}}')
                if fault == "garbage":
                    return self._send(200, b"{not json")
                if "/audio/" in self.path:
                    return self._audio(body, cut=fault == "truncate")
                request = json.loads(body or b"{}")
                chat = self.path.endswith("/chat/completions")
                words = (standin.lines[standin.requests % len(standin.lines)] if standin.lines
                         else standin.line).split(" ")
                pieces = [w if i == 0 else " " + w for i, w in enumerate(words)]
                if fault == "truncate":
                    pieces = pieces[: max(1, len(pieces) // 3)]

                def chunk(text: str, finish: str | None = None) -> dict:
                    choice = ({"index": 0, "delta": {"content": text}, "finish_reason": finish} if chat
                              else {"index": 0, "text": text, "finish_reason": finish})
                    return {"id": "x", "object": "chat.completion.chunk" if chat else "text_completion",
                            "created": 0, "model": "stand-in", "choices": [choice]}

                if not request.get("stream"):
                    text = "".join(pieces)
                    msg = ({"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
                           if chat else {"index": 0, "text": text, "finish_reason": "stop"})
                    body = {"id": "x", "object": "chat.completion" if chat else "text_completion", "created": 0,
                            "model": "stand-in", "choices": [msg],
                            "usage": {"prompt_tokens": 1, "completion_tokens": len(pieces), "total_tokens": 1}}
                    return self._send(200, json.dumps(body).encode())
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                for p in pieces:
                    self.wfile.write(f"data: {json.dumps(chunk(p))}\n\n".encode())
                if fault == "truncate":
                    self.close_connection = True
                    return  # cut off: no finish, no [DONE]
                self.wfile.write(f"data: {json.dumps(chunk('', 'stop'))}\n\ndata: [DONE]\n\n".encode())
                self.close_connection = True

            def _audio(self, body: bytes, cut: bool):
                try:
                    if self.path.endswith("/audio/transcriptions"):
                        form = _form(self.headers.get("Content-Type", ""), body)
                        reply, ctype = json.dumps(standin._transcribe(form)).encode(), "application/json"
                    else:
                        reply, ctype = standin._speak(json.loads(body or b"{}")), "audio/wav"
                except ValueError as e:  # unreadable audio, unknown language or voice: the client's mistake
                    return self._send(400, json.dumps({"error": {"message": str(e)}}).encode())
                except Exception as e:  # the engine failed: say so rather than drop the connection
                    return self._send(500, json.dumps({"error": {"message": f"stand-in engine failed: {e}"}}).encode())
                self._send(200, reply[: len(reply) // 2] if cut else reply, ctype)

        self._server = _QuietServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    # The audio endpoints run the embedded engines (embedded=True: this process may itself be
    # configured to use this very server).  Imported on first use: completions need neither.

    def _transcribe(self, form: dict[str, bytes]) -> dict:
        from roleplay.speech import stt

        with tempfile.TemporaryDirectory() as tmp:
            upload = Path(tmp) / "upload"
            upload.write_bytes(form.get("file", b""))
            heard = stt.transcribe(upload, (form.get("language") or b"en").decode(), embedded=True)
        if not self.verbose:
            return {"text": heard.text}
        segments = [{"id": i, **s.model_dump()} for i, s in enumerate(heard.segments)]
        return {"task": "transcribe", "language": heard.language, "duration": heard.duration_s,
                "text": heard.text, "segments": segments}

    def _speak(self, request: dict) -> bytes:
        """Voices are the embedded ones (Piper, else espeak-ng) by language and maybe sex: "en", "sv-female"."""
        from roleplay.speech import tts

        language, _, sex = str(request.get("voice", "")).rpartition("-")
        if sex not in ("female", "male"):
            language, sex = str(request.get("voice", "")), None
        if not language:
            raise ValueError(f"unknown voice {request.get('voice')!r}; try en, sv-female or fi-male")
        with tempfile.TemporaryDirectory() as tmp:
            return tts.synthesize(str(request.get("input", "")), Path(tmp) / "speech.wav", language=language,
                                  sex=sex, embedded=True).read_bytes()

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()
