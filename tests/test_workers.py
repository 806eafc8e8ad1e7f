"""`gatelab serve --workers N`: N processes over one model directory serve the same models."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

from gatelab.gates import get_gate
from gatelab.perceptron import train_gate
from gatelab.server import ServerProcess, start_server_process
from gatelab.store import ModelStore

# The promise: a change made through any worker is served by all of them within one
# second. Each worker checks the model file at most every half second; waiting a little over a
# second before asking checks that promise without timing anything.
PROPAGATION = 1.1
ASKS = 200


def worker_pids(server: ServerProcess) -> list[int]:
    """The uvicorn worker processes under the server (multiprocessing's helper excluded)."""
    pid = server.process.pid
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [
        int(child)
        for child in children
        if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes()
    ]


def ask_many(url: str, gate: str, times: int = ASKS) -> Counter:
    """Ask the gate `times` times, cycling through its truth table, each on a new connection.

    Returns a Counter of outcomes: "right", "wrong" or the HTTP status of a failed request.
    A new connection per request lets the kernel hand requests to every worker, where one
    kept-alive connection would talk to a single worker all along.
    """
    table = get_gate(gate)
    outcomes: Counter = Counter()
    with httpx.Client(base_url=url, headers={"Connection": "close"}, timeout=30) as http:
        for number in range(times):
            row = [int(bit) for bit in table.inputs[number % len(table.inputs)]]
            target = int(table.targets[number % len(table.inputs)])
            response = http.get(f"/predict/{gate}/{'/'.join(map(str, row))}")
            if response.status_code != 200:
                outcomes[response.status_code] += 1
            else:
                outcomes["right" if response.json()["result"] == target else "wrong"] += 1
    return outcomes


@pytest.fixture
def two_workers(tmp_path):
    """`gatelab serve --workers 2` on loopback over an empty model directory."""
    with start_server_process(tmp_path, workers=2) as server:
        yield server


def test_two_workers_agree_after_train_delete_and_retrain(two_workers, tmp_path):
    url = two_workers.url
    assert len(worker_pids(two_workers)) == 2
    with httpx.Client(base_url=url, timeout=30) as http:
        trained = http.post("/train/and", json={"seed": 1})
        assert trained.status_code == 200, trained.text
        time.sleep(PROPAGATION)
        assert ask_many(url, "and") == {"right": ASKS}

        assert http.delete("/models/and").json() == {"deleted": "AND"}
        time.sleep(PROPAGATION)
        # Every worker had the model in memory a moment ago; now all of them say it is gone.
        assert ask_many(url, "and") == {404: ASKS}

        assert http.post("/train/and", json={"seed": 2}).status_code == 200
        time.sleep(PROPAGATION)
        assert ask_many(url, "and") == {"right": ASKS}

    # A model written by another program on the same directory (as `gatelab train` does).
    ModelStore(tmp_path).save("NAND", train_gate("NAND", seed=4))
    time.sleep(PROPAGATION)
    assert ask_many(url, "nand", times=40) == {"right": 40}
