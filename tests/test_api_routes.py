"""The gate API's routes through FastAPI's TestClient: about, training, predicting one row."""

from __future__ import annotations

import pytest
from api_client import JSON, assert_error, new_client, trained_client

import gatelab.api as api
from gatelab.api import About, Health
from gatelab.gates import GATE_NAMES, get_gate


@pytest.fixture
def client(tmp_path):
    """A fresh app on an empty model directory, for a test that trains or plants files."""
    return new_client(tmp_path)


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """An app with AND, NOT and XOR trained once for the module: its tests only read from it."""
    return trained_client(tmp_path_factory.mktemp("routes"))


# ----- about ----------------------------------------------------------------------------------
def test_root_names_the_api_its_gates_and_docs(client):
    body = About.model_validate_json(client.get("/").content, strict=True).model_dump()
    assert body["name"] == "gatelab"
    assert body["version"] == api.__version__
    assert body["gates"] == list(GATE_NAMES)
    assert body["docs"] == "/docs"


def test_health(client):
    assert client.get("/health").json() == {"status": "ok"}
    Health.model_validate_json(client.get("/health").content, strict=True)


def test_gates_lists_arity_model_and_trained_flag(client):
    client.post("/train/and")
    gates = {row["gate"]: row for row in client.get("/gates").json()}
    assert list(gates) == list(GATE_NAMES)
    assert gates["AND"] == {"gate": "AND", "arity": 2, "model": "perceptron", "trained": True}
    assert gates["NOT"]["arity"] == 1
    assert gates["XOR"]["model"] == gates["XNOR"]["model"] == "mlp"
    assert not gates["OR"]["trained"]


# ----- training -------------------------------------------------------------------------------
@pytest.mark.parametrize("gate", GATE_NAMES)
def test_train_every_gate_then_its_truth_table_is_served(client, gate):
    response = client.post(f"/train/{gate.lower()}")
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["gate"] == gate
    assert result["kind"] == ("perceptron" if get_gate(gate).is_linear else "mlp")
    assert result["converged"] is True
    assert result["accuracy"] == 1.0
    assert result["parameters"] == (33 if result["kind"] == "mlp" else get_gate(gate).arity + 1)
    for inputs, target in zip(get_gate(gate).inputs, get_gate(gate).targets):
        bits = "/".join(str(int(bit)) for bit in inputs)
        answer = client.get(f"/predict/{gate}/{bits}").json()
        assert answer == {"gate": gate, "inputs": [int(b) for b in inputs], "result": int(target)}


def test_train_uses_the_settings_in_the_body(client):
    settings = {"seed": 7, "epochs": 3, "learning_rate": 0.5}
    result = client.post("/train/Or", json=settings).json()
    assert (result["seed"], result["max_epochs"], result["learning_rate"]) == (7, 3, 0.5)
    assert result["epochs_run"] <= 3
    info = client.get("/models/or").json()
    assert (info["seed"], info["max_epochs"], info["learning_rate"]) == (7, 3, 0.5)


def test_train_mlp_settings(client):
    result = client.post("/train/xnor", json={"seed": 2, "epochs": 400}).json()
    assert result == {
        "gate": "XNOR",
        "kind": "mlp",
        "seed": 2,
        "learning_rate": 0.05,
        "max_epochs": 400,
        "epochs_run": 400,
        "converged": True,
        "accuracy": 1.0,
        "parameters": 33,
    }


def test_train_unknown_gate_is_404_listing_the_gates(client):
    assert_error(client.post("/train/XAND"), 404, "XAND", *GATE_NAMES)


@pytest.mark.parametrize(
    "body",
    [
        '{"seed": "3"}',
        '{"seed": true}',
        '{"seed": -1}',
        '{"seed": 4294967296}',
        '{"epochs": 0}',
        '{"epochs": 10001}',
        '{"epochs": 2.5}',
        '{"learning_rate": 0}',
        '{"learning_rate": -0.1}',
        '{"learning_rate": 10.5}',
        '{"learning_rate": "fast"}',
        '{"learning_rate": 1e999}',
        '{"learning_rate": NaN}',
        '{"learning_rate": -Infinity}',
        '{"seeds": 1}',
        "[1, 2]",
        "5",
        '"train"',
        "{not json",
        "null",
        " null\n",
    ],
)
def test_train_bad_body_is_422_with_json(client, body):
    response = client.post("/train/and", content=body, headers={"content-type": "application/json"})
    assert_error(response, 422)
    assert not client.get("/gates").json()[0]["trained"]


def test_no_body_means_the_defaults_but_a_null_body_is_422(client):
    # FastAPI reads `null` as "no body"; a client that sends it has made a mistake to report.
    response = client.post("/train/and", content="null", headers=JSON)
    detail = assert_error(response, 422, 'must be a JSON object such as {\\"seed\\": 0}', "null")
    assert detail.startswith('"body: ')
    assert client.post("/train/and").json()["seed"] == 0  # no body at all: the defaults
    assert client.post("/train/and", json={}).json()["seed"] == 0
    assert client.post("/train/and", json={"seed": 3}).json()["seed"] == 3
    # The documented body is an optional object, never null.
    body = client.get("/openapi.json").json()["paths"]["/train/{gate}"]["post"]["requestBody"]
    assert body["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/TrainSettings"
    }
    assert not body.get("required", False)


def test_a_whole_number_may_be_written_3_point_0(client):
    # JSON has one kind of number and the OpenAPI schema says "integer": 3.0 is 3 there too.
    result = client.post("/train/and", content='{"seed": 3.0, "epochs": 2e1}', headers=JSON).json()
    assert (result["seed"], result["max_epochs"]) == (3, 20)
    response = client.post("/predict/and", content='{"inputs": [[1.0, 1]]}', headers=JSON)
    assert response.json()["results"] == [1]
    assert_error(client.post("/train/and", json={"seed": 2.5}), 422, "2.5")


def test_get_on_train_is_405_saying_use_post(client):
    response = client.get("/train/and")
    assert_error(response, 405, "POST")
    assert "POST" in response.headers["allow"]


# ----- predicting -----------------------------------------------------------------------------
def test_predict_two_inputs(trained):
    assert trained.get("/predict/AND/1/1").json() == {"gate": "AND", "inputs": [1, 1], "result": 1}
    assert trained.get("/predict/and/0/1").json()["result"] == 0
    assert trained.get("/predict/xor/0/1").json() == {"gate": "XOR", "inputs": [0, 1], "result": 1}


@pytest.mark.parametrize("path", ["/predict/NOT/0", "/predict/not/0", "/predict/Not/0"])
def test_predict_not_in_any_case(trained, path):
    assert trained.get(path).json() == {"gate": "NOT", "inputs": [0], "result": 1}


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/predict/and/1/2", ["0", "1"]),
        ("/predict/and/a/1", ["0", "1"]),
        ("/predict/and/1.0/1", ["0", "1"]),
        ("/predict/and/-1/0", ["0", "1"]),
        ("/predict/and/01/1", ["0", "1"]),
        ("/predict/not/2", ["0", "1"]),
        ("/predict/and/1", ["AND takes 2", "/predict/AND/{a}/{b}"]),
        ("/predict/not/1/1", ["NOT takes 1", "/predict/NOT/{x}"]),
    ],
)
def test_predict_bad_inputs_are_422(trained, path, words):
    assert_error(trained.get(path), 422, *words)


def test_predict_path_with_no_route_is_404_json(trained):
    assert_error(trained.get("/predict/and/1/1/1"), 404, "no route", "/docs")


def test_a_trailing_slash_is_404_naming_the_path_without_it(trained):
    response = trained.get("/predict/and/1/1/", follow_redirects=False)
    assert_error(response, 404, "never end with a slash: /predict/and/1/1")
    assert_error(trained.post("/train/and/"), 404, "/train/and")
    assert "slash" not in trained.get("/nothing/").json()["detail"]


def test_predict_unknown_gate_is_404_listing_the_gates(trained):
    assert_error(trained.get("/predict/XAND/1/1"), 404, "XAND", *GATE_NAMES)
    assert_error(trained.post("/predict/xand", json={"inputs": [[1, 1]]}), 404, "xand")


def test_predict_untrained_gate_is_404_saying_train_first(client):
    assert_error(client.get("/predict/or/1/1"), 404, "POST /train/OR")
    assert_error(client.get("/predict/not/1"), 404, "POST /train/NOT")
    assert_error(client.post("/predict/nand", json={"inputs": [[1, 1]]}), 404, "POST /train/NAND")
