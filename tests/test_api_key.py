"""A key for every change (issue 16): POST /train and DELETE /models need it, reading does not."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import warnings

import httpx
import pytest

from gatelab.api import ErrorBody, create_app, security
from gatelab.network import free_port
from gatelab.server import start_server, start_server_process

with warnings.catch_warnings():  # starlette's notice about a future test client, not our code
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

KEY = "k3y-for-the-class_0123456789abcdefABCDEF"
WITH_KEY = {"Authorization": f"Bearer {KEY}"}
# Every way a change can come without the right key.
WITHOUT_THE_KEY = {
    "no header": {},
    "a wrong key of the same length": {"Authorization": "Bearer " + "x" * len(KEY)},
    "a shorter key": {"Authorization": f"Bearer {KEY[:-1]}"},
    "a longer key": {"Authorization": f"Bearer {KEY}0"},
    "the key with another scheme": {"Authorization": f"Basic {KEY}"},
    "the key without a scheme": {"Authorization": KEY},
    "Bearer and nothing": {"Authorization": "Bearer"},
    "Bearer and spaces": {"Authorization": "Bearer    "},
    "an empty header": {"Authorization": ""},
    "characters outside ASCII": {"Authorization": "Bearer ké".encode()},
    "the key in another header": {"X-Api-Key": KEY},
}


def files_in(directory) -> dict[str, bytes]:
    """Every file in the model directory, with its bytes."""
    return {path.name: path.read_bytes() for path in sorted(directory.iterdir()) if path.is_file()}


def assert_refused(response) -> None:
    """A 401 ErrorBody that says how to send the key, and does not repeat any key."""
    assert response.status_code == 401, response.text
    ErrorBody.model_validate_json(response.content, strict=True)
    assert response.headers["www-authenticate"] == "Bearer"
    detail = response.json()["detail"]
    assert "Authorization: Bearer <key>" in detail
    assert KEY[:8] not in response.text and "x" * 8 not in response.text


@pytest.fixture
def keyed(tmp_path):
    """(client, model directory) of an app with a key and two trained gates."""
    client = TestClient(create_app(tmp_path, token=KEY), raise_server_exceptions=False)
    for gate in ("and", "xor"):
        assert client.post(f"/train/{gate}", headers=WITH_KEY).status_code == 200
    return client, tmp_path


@pytest.mark.parametrize("headers", WITHOUT_THE_KEY.values(), ids=WITHOUT_THE_KEY.keys())
def test_a_change_without_the_key_is_401_and_touches_nothing(keyed, headers):
    client, model_dir = keyed
    before = files_in(model_dir)
    assert_refused(client.post("/train/and", headers=headers, json={"seed": 5}))
    assert_refused(client.post("/train/or", headers=headers))
    assert_refused(client.delete("/models/and", headers=headers))
    assert_refused(client.delete("/models/xor", headers=headers))
    assert files_in(model_dir) == before  # the stored models, byte for byte
    assert client.get("/predict/and/1/1").json()["result"] == 1


def test_the_401_says_what_was_wrong(keyed):
    client, _ = keyed
    assert "no key was sent" in client.post("/train/and").json()["detail"]
    wrong = client.post("/train/and", headers={"Authorization": "Bearer nope"})
    assert "not this server's key" in wrong.json()["detail"]
    malformed = client.post("/train/and", headers={"Authorization": f"Token {KEY}"})
    assert "is not `Bearer <key>`" in malformed.json()["detail"]


def test_with_the_key_changes_work(keyed):
    client, model_dir = keyed
    trained = client.post("/train/nand", headers=WITH_KEY, json={"seed": 1})
    assert trained.status_code == 200
    assert (model_dir / "NAND.json").exists()
    # The scheme's name is case-insensitive (RFC 7235).
    lower = client.delete("/models/nand", headers={"Authorization": f"bearer {KEY}"})
    assert lower.status_code == 200
    assert not (model_dir / "NAND.json").exists()
    assert client.delete("/models/nand", headers=WITH_KEY).status_code == 404


def test_reading_stays_open(keyed):
    client, _ = keyed
    for path in ("/", "/health", "/gates", "/models", "/models/and", "/predict/and/1/1"):
        assert client.get(path).status_code == 200, path
    assert client.post("/predict/and", json={"inputs": [[1, 1]]}).status_code == 200
    for path in ("/docs", "/redoc", "/openapi.json"):
        response = client.get(path)
        assert response.status_code == 200 and KEY not in response.text, path


def test_the_docs_show_an_authorize_button_for_the_changes(keyed):
    client, _ = keyed
    spec = client.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["key"] == {
        "type": "http",
        "scheme": "bearer",
        "description": spec["components"]["securitySchemes"]["key"]["description"],
    }
    secured = {
        (method, path)
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
        if operation.get("security")
    }
    assert secured == {("post", "/train/{gate}"), ("delete", "/models/{gate}")}
    assert "401" in spec["paths"]["/train/{gate}"]["post"]["responses"]


def test_without_a_key_nothing_changes(tmp_path):
    client = TestClient(create_app(tmp_path))
    assert client.post("/train/and").status_code == 200
    assert client.post("/train/or", headers={"Authorization": "Bearer anything"}).status_code == 200
    assert client.delete("/models/and").status_code == 200


def test_the_key_can_come_from_the_environment(tmp_path, monkeypatch):
    app = create_app(tmp_path)  # as `uvicorn gatelab.api:app` builds it, before the key is set
    monkeypatch.setenv("GATELAB_TOKEN", KEY)
    client = TestClient(app, raise_server_exceptions=False)
    assert_refused(client.post("/train/and"))
    assert client.post("/train/and", headers=WITH_KEY).status_code == 200


def test_a_key_that_cannot_be_sent_is_refused_at_once(tmp_path):
    for bad in ("", "two words", "ключ", "line\nbreak"):
        with pytest.raises(ValueError, match="letters, digits"):
            create_app(tmp_path, token=bad)


def test_start_server_takes_a_key(tmp_path, monkeypatch):
    monkeypatch.setenv("GATELAB_MODEL_DIR", str(tmp_path))
    with start_server(port=0, token=KEY) as server:
        assert server.token == KEY
        assert httpx.post(f"{server.url}/train/and").status_code == 401
        assert httpx.post(f"{server.url}/train/and", headers=WITH_KEY).status_code == 200
    with pytest.raises(ValueError, match="create_app"):
        start_server(create_app(tmp_path), port=0, token=KEY)


@pytest.mark.slow  # a server in a child process
def test_every_worker_of_a_two_worker_server_beyond_loopback_asks_for_the_same_key(
    tmp_path, monkeypatch
):
    """Each request on a new connection, so the kernel hands them to both workers."""
    # Decided as if beyond this computer, served on 127.0.0.1: a test never listens wider.
    monkeypatch.setattr(security, "needs_key", lambda host: True)
    with start_server_process(tmp_path, workers=2) as server:
        assert len(server.worker_pids()) == 2
        key = server.token
        assert key  # generated, since the server counts as beyond loopback
        close = {"Connection": "close"}
        with httpx.Client(base_url=server.url, timeout=30) as http:
            refused = [http.post("/train/and", headers=close).status_code for _ in range(20)]
            assert refused == [401] * 20
            assert list(tmp_path.glob("*.json")) == []
            authorized = {"Authorization": f"Bearer {key}", **close}
            assert http.post("/train/and", headers=authorized).status_code == 200
            deletes = [http.delete("/models/or", headers=authorized).status_code for _ in range(20)]
            assert deletes == [404] * 20  # authorized on every worker; there is no OR model
            wrong = [http.delete("/models/and", headers=close).status_code for _ in range(20)]
            assert wrong == [401] * 20
            assert http.get("/predict/and/1/1", headers=close).json()["result"] == 1


# `gatelab serve` in a child process that counts 127.0.0.1 as beyond this computer, as
# 0.0.0.0 is: the key is generated and printed, and still only loopback is bound.
SERVE_AS_IF_BEYOND_LOOPBACK = (
    "import sys; import gatelab.api.security as security; "
    "security.needs_key = lambda host: True; "
    "from gatelab.cli import main; sys.exit(main(sys.argv[1:]))"
)


@pytest.mark.slow  # a server in a child process
def test_gatelab_serve_prints_a_key_and_never_logs_it(tmp_path):
    """`gatelab serve` beyond loopback, as a teacher runs it: a key printed once, then never."""
    port = free_port()
    command = [sys.executable, "-c", SERVE_AS_IF_BEYOND_LOOPBACK, "serve", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--model-dir", str(tmp_path), "--log-level", "info"]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    try:
        lines = []
        for line in process.stdout:
            lines.append(line)
            if line.startswith("example:"):
                break
        key = re.search(r"^key:\s+(\S+)", "".join(lines), re.MULTILINE).group(1)
        example = lines[-1]
        assert f'-H "Authorization: Bearer {key}"' in example and f":{port}/train/XOR" in example
        url = f"http://127.0.0.1:{port}"
        _wait_for(url)
        assert httpx.post(f"{url}/train/and").status_code == 401
        reversed_key = {"Authorization": f"Bearer {key[::-1]}"}
        assert httpx.post(f"{url}/train/and", headers=reversed_key).status_code == 401
        answer = httpx.post(f"{url}/train/and", headers={"Authorization": f"Bearer {key}"})
        assert answer.status_code == 200 and key not in answer.text
    finally:
        process.terminate()
        rest, _ = process.communicate(timeout=30)
    # Everything after the start-up lines: uvicorn's own log and the access log.
    assert '"POST /train/and HTTP/1.1" 401' in rest and '"POST /train/and HTTP/1.1" 200' in rest
    assert key not in rest and key[::-1] not in rest


def _wait_for(url: str, timeout: float = 30) -> None:
    """Until GET /health answers."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            httpx.get(f"{url}/health", timeout=1)
            return
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
