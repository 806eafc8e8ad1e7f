"""POST /predict/{gate} with many rows, and the limits on a request body."""

from __future__ import annotations

import asyncio
import json
import socket

import pytest
from api_client import JSON, asgi_scope, assert_error, trained_client

import gatelab.api as api
from gatelab.api import MAX_BODY_BYTES, create_app


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """An app with AND, NOT and XOR trained once for the module: its tests only read from it."""
    return trained_client(tmp_path_factory.mktemp("batch"))


# ----- many rows ------------------------------------------------------------------------------
def test_batch_predict(trained):
    rows = [[0, 0], [0, 1], [1, 0], [1, 1]]
    response = trained.post("/predict/xor", json={"inputs": rows})
    assert response.json() == {"gate": "XOR", "results": [0, 1, 1, 0]}
    assert trained.post("/predict/Not", json={"inputs": [[1], [0]]}).json()["results"] == [0, 1]


def test_batch_predict_takes_up_to_1024_rows(trained):
    rows = [[1, 1]] * 1024
    assert trained.post("/predict/and", json={"inputs": rows}).json()["results"] == [1] * 1024
    assert_error(trained.post("/predict/and", json={"inputs": [*rows, [1, 1]]}), 422, "1024")


@pytest.mark.parametrize(
    "body",
    [
        {"inputs": []},
        {"inputs": [[1, 2]]},
        {"inputs": [[True, 1]]},
        {"inputs": [["1", 1]]},
        {"inputs": [[1, 1, 1]]},
        {"inputs": [[1]]},
        {"inputs": [1, 1]},
        {"rows": [[1, 1]]},
        [[1, 1]],
    ],
)
def test_batch_predict_bad_body_is_422(trained, body):
    assert_error(trained.post("/predict/and", json=body), 422)


@pytest.mark.parametrize(
    "text",
    [
        '{"inputs": [[NaN, 1]]}',
        '{"inputs": [[Infinity, 1]]}',
        '{"inputs": [[1e999, 1]]}',
        '{"inputs": [[0.5, 1]]}',
        '{"inputs": [[-1, 0]]}',
        '{"inputs": [[1180591620717411303424, 1]]}',
        '{"inputs": [[1, 1]], "inputs": 5}',
        '{"inputs": [[null, 1]]}',
        '{"inputs": {"0": [1, 1]}}',
        '{"inputs": "[[1, 1]]"}',
        "null",
        "",
        "\ufeff{}",
    ],
)
def test_odd_batch_bodies_are_422(trained, text):
    response = trained.post("/predict/and", content=text.encode(), headers=JSON)
    assert_error(response, 422)


def test_many_problems_are_summed_up_not_all_repeated(trained):
    response = trained.post("/predict/and", json={"inputs": [[2, 2]] * 100})
    detail = assert_error(response, 422, "body.inputs.0.0", "and 197 more")
    assert len(detail) < 300
    assert len(response.json()["errors"]) == api.MAX_LISTED_PROBLEMS


# ----- body limits ----------------------------------------------------------------------------
def test_1024_rows_fit_the_body_limit_even_pretty_printed(trained):
    text = json.dumps({"inputs": [[1, 1]] * 1024}, indent=4)
    assert len(text) < MAX_BODY_BYTES
    response = trained.post("/predict/and", content=text, headers=JSON)
    assert response.json()["results"] == [1] * 1024


def test_a_body_over_the_limit_is_413_saying_the_limits(trained):
    huge = b'{"inputs": [' + b"[1, 1], " * (50 * 1024 * 1024 // 8) + b"[1, 1]]}"  # 50 MB
    response = trained.post("/predict/and", content=huge, headers=JSON)
    assert_error(response, 413, "64 KiB", "1024 rows")
    assert response.headers["connection"] == "close"
    assert_error(trained.post("/train/and", content=huge, headers=JSON), 413)


def call_asgi(app, headers: list[tuple[bytes, bytes]], chunk: bytes) -> tuple[int, dict, int]:
    """POST /predict/and straight to the ASGI app; the client streams `chunk` forever.

    Returns (status, JSON body, how many chunks the app asked for).
    """
    scope = asgi_scope("POST", "/predict/and", [(b"content-type", b"application/json"), *headers])
    asked = 0
    sent: list[dict] = []

    async def receive() -> dict:
        nonlocal asked
        asked += 1
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: dict) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    body = b"".join(message.get("body", b"") for message in sent[1:])
    return sent[0]["status"], json.loads(body), asked


def test_a_huge_declared_body_is_refused_before_reading_any_of_it(tmp_path):
    app = create_app(tmp_path)
    status, body, asked = call_asgi(app, [(b"content-length", b"1000000000")], b"[" * 65536)
    assert (status, asked) == (413, 0)  # answered from the header alone
    assert "64 KiB" in body["detail"]


def test_a_streamed_body_is_cut_off_once_it_passes_the_limit(tmp_path):
    app = create_app(tmp_path)
    chunk = b" " * 16384
    status, body, asked = call_asgi(app, [(b"transfer-encoding", b"chunked")], chunk)
    assert status == 413
    assert asked == MAX_BODY_BYTES // len(chunk) + 1  # the client would send forever
    assert "64 KiB" in body["detail"]


def test_a_body_longer_than_it_declared_is_cut_off_too(tmp_path):
    app = create_app(tmp_path)
    status, _, asked = call_asgi(app, [(b"content-length", b"10")], b" " * 16384)
    assert (status, asked) == (413, MAX_BODY_BYTES // 16384 + 1)


def _read_response(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection."""
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


def test_a_real_server_refuses_huge_bodies_without_waiting_for_them(tmp_path):
    from gatelab.server import start_server

    head = b"POST /predict/and HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
    with start_server(create_app(tmp_path), port=0) as server:
        # 1 GB announced, not one byte sent: the answer comes anyway, at once.
        with socket.create_connection((server.host, server.port), timeout=10) as sock:
            sock.sendall(head + b"Content-Length: 1000000000\r\n\r\n")
            answer = _read_response(sock)
        assert answer.startswith(b"HTTP/1.1 413")
        assert b"64 KiB" in answer
        # A streamed body that passes the limit and never ends: refused all the same.
        with socket.create_connection((server.host, server.port), timeout=10) as sock:
            sock.sendall(head + b"Transfer-Encoding: chunked\r\n\r\n")
            for _ in range(5):  # 80 KiB, and no final empty chunk
                sock.sendall(b"4000\r\n" + b" " * 16384 + b"\r\n")
            answer = _read_response(sock)
        assert answer.startswith(b"HTTP/1.1 413")
