"""Stored models through the API: metadata, delete, damaged files, the cache, safety."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import threading

import pytest
from api_client import assert_error, new_client, trained_client

import gatelab.api as api
from gatelab.api import Deleted, GateService, ModelInfo, TrainSettings, model_info_from
from gatelab.gates import get_gate
from gatelab.perceptron import Perceptron
from gatelab.store import CorruptModel, ModelStore


@pytest.fixture
def client(tmp_path):
    """A fresh app on an empty model directory, for a test that trains or plants files."""
    return new_client(tmp_path)


@pytest.fixture
def trained(tmp_path):
    """An app with AND, NOT and XOR trained, fresh for each test: these tests change it."""
    return trained_client(tmp_path)


# ----- metadata -------------------------------------------------------------------------------
def test_model_metadata(trained):
    info = trained.get("/models/xor").json()
    assert info["gate"] == "XOR"
    assert info["kind"] == "mlp"
    assert info["architecture"] == {"n_inputs": 2, "hidden_size": 8, "activation": "tanh"}
    assert [row["gate"] for row in trained.get("/models").json()] == ["AND", "XOR", "NOT"]


def test_model_metadata_is_typed(trained):
    # Every key the API's training stores is a declared ModelInfo field, with its type.
    declared = set(ModelInfo.model_fields)
    for path in ("/models/and", "/models/xor"):
        response = trained.get(path)
        assert set(response.json()) <= declared, response.json()
        ModelInfo.model_validate_json(response.content, strict=True)
    perceptron, mlp = trained.get("/models/and").json(), trained.get("/models/xor").json()
    # Only the keys the model has: no "architecture": null for a perceptron.
    assert "architecture" not in perceptron and "converged" not in mlp
    assert (perceptron["learning_rate"], perceptron["max_epochs"], perceptron["converged"]) == (
        0.1,
        100,
        True,
    )
    assert (mlp["seed"], mlp["epochs"], mlp["learning_rate"], mlp["max_epochs"]) == (
        0,
        300,
        0.05,
        300,
    )
    for row in trained.get("/models").json():
        ModelInfo.model_validate(row, strict=True)


def test_metadata_saved_from_python_keeps_its_extra_keys(client, tmp_path):
    ModelStore(tmp_path).save(
        "OR", Perceptron(seed=0).fit(get_gate("OR").inputs, get_gate("OR").targets), note="mine"
    )
    info = client.get("/models/or").json()
    assert info["note"] == "mine"
    assert info["seed"] == 0 and "max_epochs" not in info
    assert client.get("/models").json() == [info]


def test_metadata_that_does_not_fit_is_409_never_500(client, tmp_path):
    client.post("/train/and")
    path = tmp_path / "AND.json"
    document = json.loads(path.read_text())
    document["metadata"]["learning_rate"] = "fast"
    path.write_text(json.dumps(document))
    assert_error(client.get("/models/and"), 409, "learning_rate must be a positive number")
    assert client.get("/models").json() == []
    # Whatever slips past the store's checks is still a 409, never a 500.
    with pytest.raises(CorruptModel, match="does not fit"):
        model_info_from({"gate": "AND", "kind": "perceptron", "parameters": "three"})


# ----- deleting and damaged files -------------------------------------------------------------
def test_delete_forgets_the_model(trained):
    assert trained.delete("/models/AND").json() == {"deleted": "AND"}
    Deleted.model_validate_json(trained.delete("/models/xor").content, strict=True)
    assert_error(trained.get("/predict/and/1/1"), 404, "POST /train/AND")
    assert_error(trained.get("/models/and"), 404, "POST /train/AND")
    assert_error(trained.delete("/models/and"), 404, "no stored AND model")
    assert_error(trained.get("/models/xand"), 404, "xand", "AND, OR")


@pytest.mark.parametrize("content", [b"", b"{trunc", pickle.dumps({"weights": [1, 1]})])
def test_unreadable_stored_model_is_409_saying_retrain(client, tmp_path, content):
    (tmp_path / "AND.json").write_bytes(content)
    assert_error(client.get("/predict/and/1/1"), 409, "POST /train/AND")
    assert_error(client.get("/models/and"), 409, "POST /train/AND")
    assert client.post("/train/and").status_code == 200
    assert client.get("/predict/and/1/1").json()["result"] == 1


def test_a_directory_under_a_model_name_is_not_a_model(client, tmp_path):
    (tmp_path / "OR.json").mkdir()
    assert_error(client.get("/predict/or/1/1"), 404, "POST /train/OR")
    assert_error(client.get("/models/or"), 404, "POST /train/OR")
    assert_error(client.delete("/models/or"), 404, "no stored OR model")
    assert {row["gate"]: row["trained"] for row in client.get("/gates").json()}["OR"] is False
    assert client.get("/models").json() == []
    # Saving would have to replace the directory: a 409 naming it, never a 500 or a 503.
    assert_error(client.post("/train/or"), 409, "cannot store the OR model", "OR.json", "directory")
    assert (tmp_path / "OR.json").is_dir()
    (tmp_path / "OR.json").rmdir()
    assert client.post("/train/or").status_code == 200
    assert client.get("/predict/or/1/1").json()["result"] == 1


def test_a_directory_under_the_other_kinds_name_is_left_alone(client, tmp_path):
    (tmp_path / "XOR.json").mkdir()  # XOR is stored as XOR.safetensors
    assert client.post("/train/xor").status_code == 200
    assert client.get("/predict/xor/1/0").json()["result"] == 1
    assert client.delete("/models/xor").json() == {"deleted": "XOR"}
    assert (tmp_path / "XOR.json").is_dir()


def test_stored_model_of_the_wrong_kind_is_409(client, tmp_path):
    client.post("/train/or")
    (tmp_path / "OR.json").rename(tmp_path / "AND.json")
    assert_error(client.get("/predict/and/1/1"), 409, "DELETE /models/AND")


def test_the_serving_path_never_unpickles(client, tmp_path, monkeypatch):
    import pickle as pickle_module

    import torch

    def forbidden(*args, **kwargs):
        raise AssertionError("the serving path must never unpickle")

    for name in ("load", "loads", "Unpickler"):
        monkeypatch.setattr(pickle_module, name, forbidden)
    monkeypatch.setattr(torch, "load", forbidden)
    (tmp_path / "OR.json").write_bytes(pickle.dumps({"weights": [1, 1]}))  # a pickle, planted
    for gate in ("and", "xor", "not"):
        assert client.post(f"/train/{gate}").status_code == 200
    client.app.state.service._models.clear()  # so every answer below loads from disk
    assert client.get("/predict/xor/1/0").json()["result"] == 1
    assert client.get("/predict/and/1/1").json()["result"] == 1
    assert client.post("/predict/not", json={"inputs": [[0], [1]]}).json()["results"] == [1, 0]
    assert_error(client.get("/predict/or/1/1"), 409, "pickle")
    assert [row["gate"] for row in client.get("/models").json()] == ["AND", "XOR", "NOT"]
    assert client.get("/models/xor").status_code == 200
    assert client.delete("/models/xor").status_code == 200


# ----- the cache ------------------------------------------------------------------------------
def test_predictions_come_from_memory_not_disk(trained, monkeypatch):
    service: GateService = trained.app.state.service
    loads = []
    original = ModelStore.load_with_info
    monkeypatch.setattr(
        ModelStore, "load_with_info", lambda self, gate: loads.append(gate) or original(self, gate)
    )
    for _ in range(50):
        assert trained.get("/predict/and/1/1").json()["result"] == 1
    assert loads == []  # trained models went straight into the cache
    service._models.clear()
    for _ in range(50):
        trained.get("/predict/and/1/1")
    assert loads == ["AND"]  # one load, then memory


def test_a_model_changed_by_another_worker_is_picked_up(tmp_path, monkeypatch):
    # Check the file's version on every request.
    monkeypatch.setattr(api.service, "CHECK_INTERVAL", 0.0)
    first = new_client(tmp_path)
    second = new_client(tmp_path)  # another worker on the same directory
    first.post("/train/and")
    assert second.get("/predict/and/0/1").json()["result"] == 0
    # The other worker stores an "AND" model that behaves like OR (a deliberately bad model).
    x_or, y_or = get_gate("OR").inputs, get_gate("OR").targets
    ModelStore(tmp_path).save("AND", Perceptron(seed=0).fit(x_or, y_or))
    assert first.get("/predict/and/0/1").json()["result"] == 1
    assert second.get("/predict/and/0/1").json()["result"] == 1
    second.delete("/models/and")
    assert first.get("/predict/and/0/1").status_code == 404


def test_training_while_predicting_never_exposes_a_half_written_model(tmp_path, monkeypatch):
    monkeypatch.setattr(api.service, "CHECK_INTERVAL", 0.0)  # every prediction re-checks the file
    service = GateService(tmp_path)
    service.train("AND")
    failures: list[object] = []
    stop = threading.Event()

    def ask() -> None:
        while not stop.is_set():
            try:
                answers = service.predict("AND", [(0, 0), (0, 1), (1, 0), (1, 1)])
            except Exception as exc:  # any error here is a failure of the test
                failures.append(exc)
                return
            if answers != [0, 0, 0, 1]:
                failures.append(answers)

    readers = [threading.Thread(target=ask) for _ in range(3)]
    for reader in readers:
        reader.start()
    for seed in range(40):
        service.train("AND", TrainSettings(seed=seed))
    stop.set()
    for reader in readers:
        reader.join()
    assert failures == []


# ----- the model directory --------------------------------------------------------------------
def test_an_unusable_model_directory_is_503_not_500(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    client = new_client(blocker / "models")
    assert_error(client.get("/gates"), 503, "model directory", "GATELAB_MODEL_DIR")
    assert_error(client.post("/train/and"), 503, "model directory")
    assert_error(client.get("/predict/and/1/1"), 503, "model directory")
    assert client.get("/health").status_code == 200


def test_import_is_light_and_creates_no_directory(tmp_path):
    code = "import sys, gatelab.api as api; print('torch' in sys.modules, api.default_model_dir())"
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "XDG_DATA_HOME": str(tmp_path / "data")}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert out.stdout.split() == ["False", str(tmp_path / "data" / "gatelab" / "models")]
    assert not (tmp_path / "data").exists()  # nothing created until a model is used


def test_model_dir_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("GATELAB_MODEL_DIR", str(tmp_path / "mine"))
    assert api.default_model_dir() == tmp_path / "mine"
    client = new_client()
    client.post("/train/nand")
    assert (tmp_path / "mine" / "NAND.json").exists()
