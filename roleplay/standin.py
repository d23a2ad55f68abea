"""A stand-in OpenAI-compatible server on 127.0.0.1, for load tests and fault injection.

It answers every completion with a fixed customer line after a fixed delay, so
a benchmark measures the app rather than the model, and it can be told to fail
a share of its answers (HTTP 500, stall past the client's timeout, cut the
stream mid-reply, send garbage) to test that nothing is lost when a real
server misbehaves.
"""

from __future__ import annotations

import json
import random
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LINE = "I still want to know what you will do about it. Can you tell me?"


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients hang up on stalled or cut answers by design


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
    faults: Faults = field(default_factory=Faults)
    seed: int = 0
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
                request = json.loads(self.rfile.read(length) or b"{}")
                chat = self.path.endswith("/chat/completions")
                fault = standin._pick()
                time.sleep(standin.delay_s)
                if fault == "stall":
                    time.sleep(standin.faults.stall_s)
                if fault == "fail":
                    return self._send(500, b'{"error": {"message": "stand-in failure"}}')
                if fault == "garbage":
                    return self._send(200, b"{not json")
                words = standin.line.split(" ")
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

        self._server = _QuietServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()
