"""What the test_api_* files share: a test client for the gate API and checks of its error shape."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

from gatelab.api import ErrorBody, create_app

with warnings.catch_warnings():  # starlette's notice about a future test client, not our code
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

JSON = {"content-type": "application/json"}
# One gate of each kind: a two-input perceptron, a one-input perceptron, and an MLP.
TRAINED_GATES = ("AND", "NOT", "XOR")


def new_client(model_dir: Path | None = None) -> TestClient:
    """A test client for a fresh app; a server error comes back as a 500, not an exception."""
    return TestClient(create_app(model_dir), raise_server_exceptions=False)


def trained_client(model_dir: Path) -> TestClient:
    """A test client whose app has trained AND, NOT and XOR."""
    client = new_client(model_dir)
    for gate in TRAINED_GATES:
        assert client.post(f"/train/{gate}").status_code == 200
    return client


def assert_client_error(response) -> None:
    """A 4xx whose body is the documented ErrorBody."""
    request = f"{response.request.method} {str(response.request.url)[:80]}"
    assert 400 <= response.status_code < 500, (request, response.status_code, response.text)
    ErrorBody.model_validate_json(response.content, strict=True)


def assert_error(response, status: int, *words: str) -> str:
    """The response has this status, an ErrorBody ({"detail": ...}), and mentions every word."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    ErrorBody.model_validate_json(response.content, strict=True)  # the one documented shape
    detail = json.dumps(response.json()["detail"])
    for word in words:
        assert word in detail, detail
    return detail


def asgi_scope(method: str, path: str, headers: list[tuple[bytes, bytes]]) -> dict:
    """The ASGI scope of one HTTP request, for calling an app directly with headers or bodies
    that httpx would never send."""
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"testserver"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 80),
    }
