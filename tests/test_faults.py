"""Faults a live class meets: the server killed mid-training, bad files in the model directory."""

from __future__ import annotations

import json
import os
import re
import signal
import threading
import time
from collections import Counter

import httpx
import pytest

from gatelab.gates import GATE_NAMES, get_gate
from gatelab.perceptron import train_gate
from gatelab.server import start_server_process
from gatelab.store import ModelStore

# Servers in child processes, killed on purpose: `make test-fast` leaves these out.
pytestmark = pytest.mark.slow

# What the model directory may hold after a crash: finished model files, and the temporary
# files of saves that were cut short (the store never reads those).
MODEL_FILE = re.compile(rf"({'|'.join(GATE_NAMES)})\.(json|safetensors)")
UNFINISHED_SAVE = re.compile(r"\..+\.tmp")


def truth_table_rows(gate: str) -> tuple[list[list[int]], list[int]]:
    """The gate's inputs and targets as plain lists, for JSON bodies and comparisons."""
    table = get_gate(gate)
    return table.inputs.tolist(), table.targets.tolist()


def answers_right(http: httpx.Client, gate: str) -> bool:
    """Whether the server answers the gate's whole truth table right (one batch request)."""
    rows, targets = truth_table_rows(gate)
    response = http.post(f"/predict/{gate}", json={"inputs": rows})
    return response.status_code == 200 and response.json()["results"] == targets


# ----- killed in the middle of training -------------------------------------------------------
def test_sigkill_in_the_middle_of_training_leaves_every_model_loadable(tmp_path):
    server = start_server_process(tmp_path, workers=2)
    stop = threading.Event()
    outcomes: Counter = Counter()
    saved: set[str] = set()
    lock = threading.Lock()

    def student(gates: list[str], seed: int) -> None:
        """Retrain the gates in turn, with a new seed each time, until the server dies."""
        with httpx.Client(base_url=server.url, timeout=60) as http:
            while not stop.is_set():
                gate = gates[seed % len(gates)]
                try:
                    response = http.post(f"/train/{gate}", json={"seed": seed % 100})
                    outcome = response.status_code
                except httpx.ConnectError:  # the server was already gone
                    outcome = "refused"
                except httpx.TransportError:  # the server died while this request was open
                    outcome = "cut off"
                with lock:
                    outcomes[outcome] += 1
                    if outcome == 200:
                        saved.add(gate)
                if not isinstance(outcome, int):
                    return
                seed += 1

    # Two students share AND and XOR, so the same file is also saved from both workers at once.
    plans = [["XOR", "XNOR"], ["AND", "OR"], ["NAND", "NOR", "NOT"], ["AND", "XOR"]]
    threads = [
        threading.Thread(target=student, args=(gates, 10 * n)) for n, gates in enumerate(plans)
    ]
    try:
        for thread in threads:
            thread.start()
        # Kill once every gate (the MLPs too) was saved and retraining is in full swing. The wait
        # ends as soon as that is so; the long limit only matters on a heavily loaded machine.
        deadline = time.monotonic() + 180
        while (outcomes[200] < 25 or len(saved) < len(GATE_NAMES)) and time.monotonic() < deadline:
            time.sleep(0.02)
        server.kill()  # SIGKILL to the server and both workers: no cleanup code runs
    finally:
        stop.set()
        server.kill()
        for thread in threads:
            thread.join(60)
    assert outcomes[200] >= 25
    assert saved == set(GATE_NAMES)
    assert outcomes["cut off"] >= 1  # at least one training request was open at the kill
    assert set(outcomes) <= {200, "cut off", "refused"}

    names = sorted(path.name for path in tmp_path.iterdir())
    assert all(MODEL_FILE.fullmatch(name) or UNFINISHED_SAVE.fullmatch(name) for name in names)
    store = ModelStore(tmp_path)
    stored = [gate for gate in GATE_NAMES if store.exists(gate)]
    assert stored == list(GATE_NAMES)
    for gate in stored:
        model = store.load(gate)  # the old model or the new one, never half a file
        inputs, targets = truth_table_rows(gate)
        assert [int(model.predict(row)) for row in inputs] == targets
        assert store.info(gate)["accuracy"] == 1.0

    # A restarted server serves the same models, and training works again.
    with (
        start_server_process(tmp_path) as restarted,
        httpx.Client(base_url=restarted.url, timeout=60) as http,
    ):
        assert [info["gate"] for info in http.get("/models").json()] == stored
        assert all(answers_right(http, gate) for gate in stored)
        assert http.post("/train/and", json={"seed": 5}).status_code == 200
        assert answers_right(http, "AND")


def test_a_killed_worker_is_replaced_and_the_server_keeps_answering(tmp_path):
    with (
        start_server_process(tmp_path, workers=2) as server,
        httpx.Client(base_url=server.url, timeout=60) as http,
    ):
        assert http.post("/train/or", json={"seed": 2}).status_code == 200
        before = server.worker_pids()
        assert len(before) == 2
        os.kill(before[0], signal.SIGKILL)  # e.g. the out-of-memory killer picked it
        # uvicorn's supervisor notices within about a second and starts a replacement.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            now = server.worker_pids()
            if len(now) == 2 and before[0] not in now:
                break
            time.sleep(0.1)
        assert len(now) == 2 and before[0] not in now and before[1] in now
        # Fresh connections reach both workers (the new one loads OR from the directory).
        with httpx.Client(base_url=server.url, headers={"Connection": "close"}) as fresh:
            answers = [fresh.get(f"/predict/or/{n % 2}/1").json()["result"] for n in range(60)]
        assert answers == [1] * 60


# ----- corrupt or foreign files at start-up ---------------------------------------------------
@pytest.fixture
def messy_model_dir(tmp_path, malicious):
    """A model directory with one good model (NOT) and broken or foreign files for five gates."""
    models = tmp_path / "models"
    code_running_pickle, marker = malicious
    ModelStore(models).save("NOT", train_gate("NOT"))
    (models / "AND.json").write_bytes(b"\x00\xffgarbage from a bad copy")
    (models / "OR.json").write_bytes(code_running_pickle)
    (models / "NAND.json").write_text(json.dumps({"name": "NAND", "weights": [1, 2]}))
    (models / "NOR.json").write_text("")
    (models / "XOR.safetensors").write_bytes(b"\x40\x00\x00\x00\x00\x00\x00\x00{truncated")
    (models / "notes.txt").write_text("the teacher's notes: not a model")
    return models, marker


BROKEN = ("AND", "OR", "NAND", "NOR", "XOR")


def test_a_server_starts_over_broken_files_and_says_how_to_fix_each(messy_model_dir, capfd):
    models, marker = messy_model_dir
    with (
        start_server_process(models) as server,
        httpx.Client(base_url=server.url, timeout=60) as http,
    ):
        startup = capfd.readouterr().err
        for gate in BROKEN:
            assert f"warning: the stored {gate} model cannot be used" in startup
            for response in (http.get(f"/predict/{gate}/1/1"), http.get(f"/models/{gate}")):
                assert response.status_code == 409
                detail = response.json()["detail"]
                assert f"the stored {gate} model cannot be used" in detail
                assert f"POST /train/{gate}" in detail
        assert "pickle" in http.get("/predict/or/1/1").json()["detail"]

        # The good model and the gates' listing keep working.
        assert answers_right(http, "NOT")
        assert http.get("/predict/not/0").json()["result"] == 1
        assert [info["gate"] for info in http.get("/models").json()] == ["NOT"]
        assert http.get("/gates").status_code == 200
        assert http.get("/predict/xnor/1/1").status_code == 404  # never trained

        # Retraining replaces a broken file; deleting removes one.
        assert http.post("/train/and").status_code == 200
        assert answers_right(http, "AND")
        assert http.post("/train/xor", json={"seed": 3}).status_code == 200
        assert answers_right(http, "XOR")
        assert http.delete("/models/nor").status_code == 200
        assert http.get("/predict/nor/1/1").status_code == 404
    assert not marker.exists()  # the pickle was refused, never run
    assert (models / "notes.txt").read_text().startswith("the teacher's notes")
