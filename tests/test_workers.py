"""`gatelab serve --workers N`: N processes over one model directory serve the same models."""

from __future__ import annotations

import importlib.util
import sys
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

from gatelab import api
from gatelab.api import create_app
from gatelab.gates import get_gate
from gatelab.perceptron import train_gate
from gatelab.server import start_server, start_server_process
from gatelab.store import ModelStore

# Servers with several worker processes: `make test-fast` leaves these out.
pytestmark = pytest.mark.slow

# The promise: a change made through any worker is served by all of them within one
# second. Each worker checks the model file at most every half second; waiting a little over a
# second before asking checks that promise without timing anything.
PROPAGATION = 1.1
ASKS = 200


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
    assert len(two_workers.worker_pids()) == 2
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


# ----- bench/classroom.py, briefly --------------------------------------------------------------
def load_classroom():
    """bench/classroom.py as a module (bench/ is not a package)."""
    path = Path(__file__).resolve().parent.parent / "bench" / "classroom.py"
    spec = importlib.util.spec_from_file_location("classroom", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def test_classroom_bench_passes_on_a_healthy_server(tmp_path, capsys):
    classroom = load_classroom()
    with start_server(create_app(tmp_path), port=0) as server:
        argv = ["--url", server.url, "--students", "3", "--duration", "20", "--rounds", "4"]
        status = classroom.main(argv)
    out = capsys.readouterr().out
    assert status == 0, out
    assert "5xx: 0" in out and "wrong answers: 0" in out
    assert "models trained: 12 " in out


def test_classroom_bench_sends_the_key_of_a_server_that_has_one(tmp_path, capsys):
    classroom = load_classroom()
    with start_server(create_app(tmp_path, token="class-key"), port=0) as server:
        argv = ["--url", server.url, "--students", "2", "--duration", "20", "--rounds", "2"]
        status = classroom.main([*argv, "--token", "class-key"])
    out = capsys.readouterr().out
    assert status == 0, out
    # Look at the statuses line only: the requests line prints a rate that can be 401/s.
    statuses = next(line for line in out.splitlines() if line.startswith("statuses:"))
    assert "models trained: 4 " in out and "401:" not in statuses, out


def test_classroom_bench_fails_on_wrong_answers(tmp_path, capsys, monkeypatch):
    classroom = load_classroom()

    right_table = api.answer_table

    def upside_down(gate, model):
        """A server bug: every answer flipped."""
        return {row: 1 - answer for row, answer in right_table(gate, model).items()}

    monkeypatch.setattr(api.service, "answer_table", upside_down)
    with start_server(create_app(tmp_path), port=0) as server:
        argv = ["--url", server.url, "--students", "2", "--duration", "20", "--rounds", "1"]
        status = classroom.main(argv)
    captured = capsys.readouterr()
    assert status == 1
    assert "wrong answers: " in captured.out and "wrong answers: 0" not in captured.out
    assert "FAILED" in captured.err


def test_classroom_bench_refuses_other_computers(capsys):
    with pytest.raises(SystemExit):
        load_classroom().main(["--url", "http://192.0.2.1:8000"])
    assert "this computer" in capsys.readouterr().err
