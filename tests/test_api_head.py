"""HEAD on every GET route: the GET's status and headers, and no body (RFC 9110, 9.3.2)."""

from __future__ import annotations

import asyncio
import socket
import warnings

import httpx
import pytest
from api_client import asgi_scope

from gatelab.api import create_app
from gatelab.server import start_server

with warnings.catch_warnings():  # starlette's notice about a future test client, not our code
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

# Every GET route of the gate API, the docs included, with a path that answers 200 once AND and
# NOT are trained, and some that answer an error.
ANSWERED = [
    "/",
    "/health",
    "/gates",
    "/models",
    "/models/AND",
    "/predict/AND/1/1",
    "/predict/and/0/1",
    "/predict/NOT/0",
    "/docs",
    "/docs/oauth2-redirect",
    "/redoc",
    "/openapi.json",
    "/docs-assets/redoc.standalone.js",
    "/docs-assets/swagger-ui.css",
]
REFUSED = ["/predict/XAND/1/1", "/predict/AND/2/1", "/predict/NOT/1/1", "/models/OR", "/nope"]
# Headers that may differ between two answers to the same question.
CHANGING = {"date", "etag", "last-modified"}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    client = TestClient(create_app(tmp_path_factory.mktemp("models")))
    for gate in ("AND", "NOT"):
        assert client.post(f"/train/{gate}").status_code == 200
    return client


def same_headers(head: httpx.Response, get: httpx.Response) -> bool:
    """Whether the two answers carry the same headers, but for the ones that change anyway."""

    def kept(response: httpx.Response) -> list[tuple[str, str]]:
        return sorted((k, v) for k, v in response.headers.items() if k not in CHANGING)

    return kept(head) == kept(get)


def test_every_get_route_is_listed_here(client):
    """A new GET route must be added above, so its HEAD is checked too."""
    get_paths = {
        route.path for route in client.app.routes if "GET" in getattr(route, "methods", ())
    }
    listed = {path.replace("and/0/1", "AND/1/1") for path in ANSWERED}
    templates = {
        "/predict/{gate}/{a}/{b}": "/predict/AND/1/1",
        "/predict/{gate}/{x}": "/predict/NOT/0",
        "/models/{gate}": "/models/AND",
    }
    assert {templates.get(path, path) for path in get_paths} <= listed


@pytest.mark.parametrize("path", ANSWERED + REFUSED)
def test_head_answers_as_get_without_a_body(client, path):
    get = client.get(path)
    head = client.head(path)
    assert head.status_code == get.status_code
    assert same_headers(head, get), (head.headers, get.headers)
    assert head.content == b""
    assert (get.status_code == 200) == (path in ANSWERED)


def test_head_on_a_post_only_route_is_405_with_allow(client):
    head = client.head("/train/AND")
    assert head.status_code == 405 and head.headers["allow"] == "POST"
    assert head.content == b""


def test_the_app_itself_sends_no_body_for_head(client):
    """Not left to the server: the ASGI messages for HEAD carry no bytes at all."""
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = asgi_scope("HEAD", "/gates", [])
    asyncio.run(client.app(scope, receive, send))
    start = next(message for message in sent if message["type"] == "http.response.start")
    length = dict(start["headers"])[b"content-length"]
    assert start["status"] == 200 and int(length) == len(client.get("/gates").content)
    assert b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body") == b""


def test_head_is_not_a_documented_operation(client):
    """HEAD comes with every GET; /docs lists each route once."""
    paths = client.get("/openapi.json").json()["paths"]
    assert all("head" not in operations for operations in paths.values())


def test_head_over_http_keeps_the_connection_usable(tmp_path):
    """curl -I, then a GET on the same connection: no stray body bytes in between."""
    with start_server(create_app(tmp_path), port=0) as server:
        assert httpx.post(f"{server.url}/train/and").status_code == 200
        expected = httpx.get(f"{server.url}/predict/and/1/1").content
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
            request = "{} /predict/and/1/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            sock.sendall(request.format("HEAD").encode() + request.format("GET").encode())
            received = b""
            while not received.endswith(expected):
                chunk = sock.recv(65536)
                assert chunk, received
                received += chunk
    head, get = received.split(b"HTTP/1.1 ")[1:]
    assert head.startswith(b"200 OK") and head.endswith(b"\r\n\r\n")  # headers, then nothing
    assert f"content-length: {len(expected)}".encode() in head.lower()
    assert get.startswith(b"200 OK") and get.endswith(expected)
