"""The model client reads streamed answers itself: every way a stream can go wrong is a clear ModelError.

Each case is a tiny HTTP server on 127.0.0.1 that answers with exactly the bytes under test.
"""

from __future__ import annotations

import socket
import threading
import time

import pytest

from roleplay.llm import ModelClient, ModelConfig
from roleplay.model import ModelError

SECRET = "sk-test-do-not-print"


def _event(text: str, finish: str | None = None, index: int = 0) -> bytes:
    return (b'data: {"choices":[{"index":%d,"text":"%s","finish_reason":%s}]}\n\n'
            % (index, text.encode(), b"null" if finish is None else b'"%s"' % finish.encode()))


def _serve(answer: bytes, then_sleep: float = 0.0) -> str:
    """A server that answers every request with `answer`, then waits `then_sleep` before hanging up."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()

    def loop():
        while True:
            conn, _ = srv.accept()
            conn.recv(65536)
            conn.sendall(answer)
            time.sleep(then_sleep)
            conn.shutdown(socket.SHUT_WR)  # a clean end of the stream, not a reset
            time.sleep(0.2)
            conn.close()

    threading.Thread(target=loop, daemon=True).start()
    return f"http://127.0.0.1:{srv.getsockname()[1]}/v1"


def _client(url: str) -> ModelClient:
    return ModelClient(ModelConfig(base_url=url, model="m", api_key=SECRET, timeout=1.0, prompt_style="completion"))


SSE = b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n"


def test_a_whole_stream_yields_its_deltas_in_order():
    url = _serve(SSE + b": keep-alive comment\n\n" + _event("Hello") + _event(" there", index=1)
                 + _event(" you.") + _event("", "stop") + b"data: [DONE]\n\n")
    assert list(_client(url).stream_completion("x", stop=[])) == ["Hello", " you."]  # other choices ignored


@pytest.mark.parametrize("answer, then_sleep, says", [
    (SSE + _event("Hello"), 3.0, "stopped answering for 1 s mid-reply"),
    (SSE + _event("Hello"), 0.0, "cut the reply off mid-stream"),
    (SSE + b"data: {not json\n\n", 0.0, "not JSON"),
    (SSE + b'data: {"error": {"message": "out of memory"}}\n\n', 0.0, "out of memory"),
    (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\n\r\n<html", 0.0,
     "did not answer with a stream"),
])
def test_a_broken_stream_is_a_model_error_naming_the_server(answer, then_sleep, says):
    url = _serve(answer, then_sleep)
    got = []
    with pytest.raises(ModelError) as err:
        for delta in _client(url).stream_completion("x", stop=[]):
            got.append(delta)
    assert says in str(err.value)
    assert "127.0.0.1" in str(err.value) and SECRET not in str(err.value)
    assert got in ([], ["Hello"])  # what had arrived was passed on before the failure
