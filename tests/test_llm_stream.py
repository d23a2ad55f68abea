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


def _recording(answer: bytes) -> tuple[str, list[dict]]:
    """A server answering every request with `answer`, keeping each request's JSON body."""
    import json

    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    bodies: list[dict] = []

    def loop():
        while True:
            conn, _ = srv.accept()
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            head, _, body = data.partition(b"\r\n\r\n")
            length = int(next(line.split(b":")[1] for line in head.split(b"\r\n")
                              if line.lower().startswith(b"content-length")))
            while len(body) < length:
                body += conn.recv(65536)
            bodies.append(json.loads(body))
            conn.sendall(answer)
            conn.shutdown(socket.SHUT_WR)
            time.sleep(0.1)
            conn.close()

    threading.Thread(target=loop, daemon=True).start()
    return f"http://127.0.0.1:{srv.getsockname()[1]}/v1", bodies


STREAM = SSE + _event("Hi.") + _event("", "stop") + b"data: [DONE]\n\n"


def test_each_conversation_keeps_to_its_own_slot_of_the_embedded_server(monkeypatch):
    url, bodies = _recording(STREAM)
    monkeypatch.setattr("roleplay.llm.embedded_base_url", lambda config: url)
    client = ModelClient(ModelConfig(model="m", prompt_style="completion", parallel=2))
    assert client.config.embedded
    first, second, third = client.conversation(), client.conversation(), client.conversation()
    for view in (first, second, first, third):
        assert list(view.stream_completion("x", stop=[], on_timings=lambda t: None)) == ["Hi."]
    assert [b["id_slot"] for b in bodies] == [0, 1, 0, 0]  # the slots in turn; a conversation keeps its own
    assert all(b["timings_per_token"] for b in bodies)
    second.warm("x")  # the prompt read ahead goes where the reply will be asked
    assert bodies[-1]["id_slot"] == 1 and bodies[-1]["max_tokens"] == 1
    list(client.stream_completion("x", stop=[]))
    assert "id_slot" not in bodies[-1]  # not a conversation's (the bench's model profile): any slot


def test_a_remote_server_gets_no_slot_or_other_llama_cpp_field():
    url, bodies = _recording(STREAM)
    view = _client(url).conversation()
    assert list(view.stream_completion("x", stop=[], on_timings=lambda t: None)) == ["Hi."]
    assert not {"id_slot", "timings_per_token"} & set(bodies[0])
