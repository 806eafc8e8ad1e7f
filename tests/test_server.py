"""The gate API over real HTTP on loopback: start_server, restarts, a busy port."""

from __future__ import annotations

import asyncio
import re
import socket

import httpx
import pytest

from gatelab._serve import run_app
from gatelab.api import GateService, create_app
from gatelab.network import free_port, listening_socket
from gatelab.server import ServerHandle, ServerStartError, start_server


def refuses_connections(url: str) -> bool:
    try:
        httpx.get(f"{url}/health", timeout=2)
    except httpx.TransportError:
        return True
    return False


def test_models_survive_a_restart_without_retraining(tmp_path, monkeypatch):
    with start_server(create_app(tmp_path), port=0) as server:
        assert isinstance(server, ServerHandle)
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", server.url)
        assert server.port != 0
        with httpx.Client(base_url=server.url, timeout=30) as http:
            assert http.get("/health").json() == {"status": "ok"}
            assert http.post("/train/and").status_code == 200
            assert http.post("/train/xor", json={"seed": 1}).status_code == 200
            trained_at = http.get("/models/and").json()["trained_at"]
    assert not server.running
    assert refuses_connections(server.url)

    def no_training(*args, **kwargs):
        raise AssertionError("the restarted server retrained a model")

    monkeypatch.setattr(GateService, "train", no_training)
    with (
        start_server(create_app(tmp_path), port=0) as server,
        httpx.Client(base_url=server.url, timeout=30) as http,
    ):
        trained = {row["gate"]: row["trained"] for row in http.get("/gates").json()}
        assert trained["AND"] and trained["XOR"] and not trained["OR"]
        assert http.get("/predict/and/1/1").json()["result"] == 1
        rows = [(0, 0), (0, 1), (1, 0), (1, 1)]
        answers = [http.get(f"/predict/xor/{a}/{b}").json()["result"] for a, b in rows]
        assert answers == [0, 1, 1, 0]
        assert http.get("/models/and").json()["trained_at"] == trained_at
        assert http.get("/predict/or/1/1").status_code == 404


def test_errors_over_http_are_json(tmp_path):
    with start_server(create_app(tmp_path), port=0) as server:
        response = httpx.get(f"{server.url}/train/and")
        assert response.status_code == 405
        assert "POST" in response.json()["detail"]
        response = httpx.get(f"{server.url}/predict/and/1/1")
        assert response.status_code == 404
        assert "POST /train/AND" in response.json()["detail"]


def test_a_busy_port_is_a_clear_error_not_a_hang(tmp_path):
    with socket.socket() as other_program:
        other_program.bind(("127.0.0.1", 0))
        other_program.listen()
        port = other_program.getsockname()[1]
        with pytest.raises(ServerStartError, match="port") as caught:
            start_server(create_app(tmp_path), port=port, timeout=5)
        assert isinstance(caught.value, OSError)


def test_a_busy_port_can_fall_back_to_a_free_one(tmp_path):
    with socket.socket() as other_program:
        other_program.bind(("127.0.0.1", 0))
        other_program.listen()
        port = other_program.getsockname()[1]
        with start_server(create_app(tmp_path), port=port, any_port_if_busy=True) as first:
            assert first.port not in (0, port)
            assert httpx.get(f"{first.url}/health").status_code == 200
            # Run again (a notebook cell re-run): the first fallback server is stopped.
            with start_server(create_app(tmp_path), port=port, any_port_if_busy=True) as second:
                assert not first.running
                assert httpx.get(f"{second.url}/health").status_code == 200


def test_starting_again_on_the_same_port_stops_the_previous_server(tmp_path):
    port = free_port()
    first = start_server(create_app(tmp_path), port=port)
    second = start_server(create_app(tmp_path), port=port)  # a notebook cell run twice
    try:
        assert not first.running
        assert second.running
        assert httpx.get(f"{second.url}/health").status_code == 200
    finally:
        second.stop()
    assert refuses_connections(second.url)


def test_stop_twice_is_harmless(tmp_path):
    server = start_server(create_app(tmp_path), port=0)
    server.stop()
    server.stop()
    assert not server.running


def test_accepted_connections_get_tcp_nodelay():
    # Nagle's algorithm on a kept-alive connection delays each response (a delayed ACK);
    # asyncio turns it off only if the listening socket says it is TCP.
    async def nodelay_of_an_accepted_connection() -> int:
        listener = listening_socket("127.0.0.1", 0)
        accepted: asyncio.Future = asyncio.get_running_loop().create_future()

        async def on_connect(reader, writer):
            sock = writer.get_extra_info("socket")
            accepted.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_connect, sock=listener)
        async with server:
            _, writer = await asyncio.open_connection(*listener.getsockname())
            result = await asyncio.wait_for(accepted, 10)
            writer.close()
        return result

    with listening_socket("127.0.0.1", 0) as listener:
        assert listener.proto == socket.IPPROTO_TCP
    assert asyncio.run(nodelay_of_an_accepted_connection()) != 0


def test_run_app_with_workers_hands_uvicorn_a_tcp_socket(monkeypatch):
    seen = {}

    class FakeSupervisor:
        def __init__(self, config, sockets):
            seen["workers"] = config.workers
            seen["protos"] = [sock.proto for sock in sockets]

        def run(self):
            seen["ran"] = True

    monkeypatch.setattr("uvicorn.supervisors.Multiprocess", FakeSupervisor)
    run_app("gatelab.api:app", host="127.0.0.1", port=free_port(), workers=3, log_level="error")
    assert seen == {"workers": 3, "protos": [socket.IPPROTO_TCP], "ran": True}


def test_run_app_with_one_worker_is_plain_uvicorn_run(monkeypatch):
    calls = []
    monkeypatch.setattr("uvicorn.run", lambda *args, **kwargs: calls.append((args, kwargs)))
    run_app("gatelab.api:app", port=9001, log_level="error")
    assert calls == [
        (
            ("gatelab.api:app",),
            {
                "host": "127.0.0.1",
                "port": 9001,
                "workers": 1,
                "reload": False,
                "log_level": "error",
            },
        )
    ]
