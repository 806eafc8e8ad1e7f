"""The gate API through FastAPI's TestClient: every route, every error, the cache, the docs."""

from __future__ import annotations

import asyncio
import json
import pickle
import re
import socket
import subprocess
import sys
import threading
import warnings

import pytest

import gatelab.api as api
from gatelab.api import (
    MAX_BODY_BYTES,
    About,
    Deleted,
    ErrorBody,
    GateService,
    Health,
    ModelInfo,
    TrainSettings,
    create_app,
    model_info_from,
)
from gatelab.gates import GATE_NAMES, get_gate
from gatelab.perceptron import Perceptron
from gatelab.store import CorruptModel, ModelStore

with warnings.catch_warnings():  # starlette's notice about a future test client, not our code
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


JSON = {"content-type": "application/json"}


@pytest.fixture
def client(tmp_path):
    return TestClient(create_app(tmp_path), raise_server_exceptions=False)


@pytest.fixture
def trained(client):
    for gate in ("AND", "NOT", "XOR"):
        assert client.post(f"/train/{gate}").status_code == 200
    return client


@pytest.fixture(scope="module")
def trained_once(tmp_path_factory):
    """(client, model directory) shared by a module's tests that only send bad requests."""
    model_dir = tmp_path_factory.mktemp("odd-requests") / "models"
    client = TestClient(create_app(model_dir), raise_server_exceptions=False)
    for gate in ("AND", "NOT", "XOR"):
        assert client.post(f"/train/{gate}").status_code == 200
    return client, model_dir


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


# ----- models ---------------------------------------------------------------------------------
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


def test_every_200_answer_has_a_documented_schema(client):
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            content = operation["responses"]["200"]["content"]["application/json"]
            assert content["schema"] != {}, (method, path)  # not "any JSON at all"
    ref = "#/components/schemas/"
    schemas = {
        (path, method): operation["responses"]["200"]["content"]["application/json"]["schema"]
        for path, operations in spec["paths"].items()
        for method, operation in operations.items()
    }
    assert schemas[("/", "get")] == {"$ref": ref + "About"}
    assert schemas[("/models/{gate}", "get")] == {"$ref": ref + "ModelInfo"}
    assert schemas[("/models/{gate}", "delete")] == {"$ref": ref + "Deleted"}
    assert schemas[("/models", "get")]["items"] == {"$ref": ref + "ModelInfo"}
    required = set(spec["components"]["schemas"]["ModelInfo"]["required"])
    assert required == {
        "gate",
        "kind",
        "parameters",
        "seed",
        "epochs",
        "trained_at",
        "format_version",
    }


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
    first = TestClient(create_app(tmp_path))
    second = TestClient(create_app(tmp_path))  # another worker on the same directory
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


# ----- docs and robustness --------------------------------------------------------------------
# Absolute URLs in JavaScript or CSS that a browser would fetch: an image, font, script or style
# sheet (by its src, url(...), @import, fetch(...), or its file name), or anything from a CDN.
# Other absolute URLs in these files are never fetched: XML namespaces, JSON Schema ids, links
# a reader may click, and URLs quoted in error messages.
FETCHED_URL_PATTERNS = [
    re.compile(r"""\b(?:src|srcset|poster)\s*[:=]\s*["'`](https?://[^"'`\s]+)"""),
    re.compile(r"""url\(\s*["']?(https?://[^"')\s]+)"""),
    re.compile(r"""@import\s+(?:url\()?\s*["']?(https?://[^"')\s;]+)"""),
    re.compile(r"""\b(?:fetch|import|importScripts)\(\s*["'`](https?://[^"'`\s]+)"""),
    re.compile(
        r"""["'`(](https?://[^"'`\s)]+\.(?:svg|png|jpe?g|gif|webp|ico|css|m?js|woff2?|ttf|otf|eot)"""
        r"""(?:[?#][^"'`\s)]*)?)["'`)]"""
    ),
    re.compile(
        r"""(https?://(?:fonts\.googleapis\.com|fonts\.gstatic\.com|cdn\.[\w.-]+|unpkg\.com"""
        r"""|[\w.-]*jsdelivr\.net|cdnjs\.cloudflare\.com)[^"'`\s)]*)"""
    ),
]


def fetched_urls(text: str) -> list[str]:
    """The absolute URLs in a script or style sheet that a browser would fetch."""
    return sorted(
        {found.group(1) for pattern in FETCHED_URL_PATTERNS for found in pattern.finditer(text)}
    )


def _assert_page_is_offline(client, url):
    """The page references no http(s) URL, every asset it names answers 200, and none of its
    scripts or style sheets would fetch anything from another host."""
    page = client.get(url)
    assert page.status_code == 200
    assert not re.search(r"https?://", page.text)
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert len(assets) >= 2
    for asset in assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
        if asset.endswith((".js", ".css")):
            assert fetched_urls(response.text) == [], asset
    return page


def test_docs_work_offline(client):
    page = _assert_page_is_offline(client, "/docs")
    assert '"validatorUrl": null' in page.text  # no badge from the online validator either
    assert len(re.findall(r'(?:src|href)="([^"]+)"', page.text)) >= 3  # script, stylesheet, icon
    spec_url = re.search(r"url: '([^']+)'", page.text).group(1)
    spec = client.get(spec_url).json()
    assert spec["openapi"] == "3.1.0"  # Swagger UI 5 reads FastAPI's document as it is
    assert "/predict/{gate}/{a}/{b}" in spec["paths"]
    redirect = client.get("/docs/oauth2-redirect")
    assert redirect.status_code == 200 and not re.search(r"https?://", redirect.text)


def test_redoc_works_offline(client):
    page = _assert_page_is_offline(client, "/redoc")
    assert 'spec-url="/openapi.json"' in page.text
    script = client.get("/docs-assets/redoc.standalone.js")
    assert script.headers["content-type"].startswith("text/javascript")
    assert "API docs by Redocly" in script.text  # the whole script, only its logo replaced


def test_the_offline_check_would_catch_redocs_cdn_logo():
    """ReDoc's own file loads its logo from a CDN: the check above finds it, the app's copy not."""
    from gatelab.api.docs import REDOC_LOGO_URL, REDOC_SCRIPT, docs_assets_dir

    original = (docs_assets_dir() / REDOC_SCRIPT).read_text(encoding="utf-8")
    assert fetched_urls(original) == [REDOC_LOGO_URL]
    for name in ("swagger-ui-bundle.js", "swagger-ui.css"):
        assert fetched_urls((docs_assets_dir() / name).read_text(encoding="utf-8")) == [], name


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/predict/%00/1/1"),
        ("GET", "/predict/" + "A" * 5000 + "/1/1"),
        ("GET", "/predict/and%2f..%2f/1/1"),
        ("GET", "/models/..%2F..%2Fetc"),
        ("GET", "/models/%2e%2e"),
        ("POST", "/train/%20"),
        ("POST", "/train/and%00"),
        ("DELETE", "/models/.json"),
        ("GET", "/predict/%F0%9F%98%80/1"),
        ("PUT", "/predict/and/1/1"),
        ("GET", "/docs-assets/../api.py"),
    ],
)
def test_odd_requests_never_500(client, method, path):
    assert_client_error(client.request(method, path))


def test_an_unusable_model_directory_is_503_not_500(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    client = TestClient(create_app(blocker / "models"), raise_server_exceptions=False)
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
    client = TestClient(create_app())
    client.post("/train/nand")
    assert (tmp_path / "mine" / "NAND.json").exists()


# ----- one error shape, documented ------------------------------------------------------------
def test_a_validation_error_is_a_sentence_plus_the_list_of_problems(client):
    body = client.get("/predict/and/1/2").json()
    assert body["detail"] == "path.b: Input should be '0' or '1', got '2'"
    assert body["errors"] == [
        {
            "loc": ["path", "b"],
            "msg": "Input should be '0' or '1', got '2'",
            "type": "literal_error",
        }
    ]


def test_many_problems_are_summed_up_not_all_repeated(trained):
    response = trained.post("/predict/and", json={"inputs": [[2, 2]] * 100})
    detail = assert_error(response, 422, "body.inputs.0.0", "and 197 more")
    assert len(detail) < 300
    assert len(response.json()["errors"]) == api.MAX_LISTED_PROBLEMS


def test_json_sent_without_its_content_type_gets_a_hint(client):
    response = client.post(
        "/train/and", content='{"seed": 1}', headers={"content-type": "text/plain"}
    )
    assert_error(response, 422, "Content-Type: application/json")


def test_json_nested_too_deeply_is_422_like_other_invalid_json(client):
    response = client.post("/train/and", content="[" * 50_000, headers=JSON)
    assert_error(response, 422, "cannot be read as JSON")


def test_openapi_documents_every_error_with_the_error_body(client):
    spec = client.get("/openapi.json").json()
    assert "HTTPValidationError" not in spec["components"]["schemas"]  # FastAPI's list shape
    error_body = {"$ref": "#/components/schemas/ErrorBody"}
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            statuses = {int(status) for status in operation["responses"]}
            assert 405 in statuses, (method, path)
            if "{gate}" in path:
                assert {404, 422} <= statuses, (method, path)
            if method == "post":
                assert 413 in statuses, (method, path)
            for status in statuses - {200}:
                content = operation["responses"][str(status)]["content"]
                assert content["application/json"]["schema"] == error_body, (method, path, status)


def test_405_names_every_method_the_path_takes(client):
    for method in ("PUT", "OPTIONS", "POST"):
        response = client.request(method, "/models/and")
        assert_error(response, 405, "use GET, DELETE")
        assert response.headers["allow"] == "GET, DELETE"
    assert "browser" not in client.put("/models/and").json()["detail"]  # that hint is for GET


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
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/predict/and",
        "raw_path": b"/predict/and",
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"testserver"), (b"content-type", b"application/json"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 80),
    }
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


# ----- bad input in paths and bodies ----------------------------------------------------------
ODD_GATES = [
    "..%2F",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "%2e%2e",
    "%2E%2E%2F%2E%2E%2FAND",
    "%5C..%5CAND",
    "~",
    ".json",
    "AND.json",
    "AND.safetensors",
    "A" * 5000,
    "%C3%84ND",  # ÄND
    "%E5%92%8C",  # 和
    "%F0%9F%98%80",  # an emoji
    "%00",
    "AND%00",
    "%20",
    "-1",
    str(2**70),
    "1.0",
    "0.5",
    "nan",
    "inf",
]
GATE_ROUTES = [
    ("GET", "/predict/{}/1/1"),
    ("GET", "/predict/{}/0"),
    ("POST", "/predict/{}"),
    ("POST", "/train/{}"),
    ("GET", "/models/{}"),
    ("DELETE", "/models/{}"),
]


@pytest.mark.parametrize("gate", ODD_GATES, ids=lambda gate: gate[:24])
def test_odd_gate_names_are_4xx_json_on_every_route(trained_once, gate):
    client, model_dir = trained_once
    for method, route in GATE_ROUTES:
        body = {"inputs": [[1, 1]]} if route == "/predict/{}" else None
        assert_client_error(client.request(method, route.format(gate), json=body))
    # Model names never become paths: the directory holds the trained models and nothing else
    # (and nothing appeared next to it either).
    assert [path.name for path in model_dir.parent.iterdir()] == [model_dir.name]
    assert sorted(path.name for path in model_dir.iterdir()) == [
        "AND.json",
        "NOT.json",
        "XOR.safetensors",
    ]


ODD_BITS = [
    "-1",
    "2",
    str(2**70),
    str(-(2**70)),
    "1.0",
    "0.5",
    "nan",
    "inf",
    "-inf",
    "1e0",
    "0x1",
    "+1",
    "01",
    "%201",
    "%00",
    "true",
    "%D9%A1",  # ١, an Arabic-Indic digit one (int() would accept it)
    "%C2%B9",  # ¹
    "1%2F1",
    "A" * 5000,
]


@pytest.mark.parametrize("bit", ODD_BITS, ids=lambda bit: bit[:24])
def test_odd_bits_in_the_path_are_4xx_json(trained_once, bit):
    client, _ = trained_once
    for path in (f"/predict/and/{bit}/1", f"/predict/AND/1/{bit}", f"/predict/not/{bit}"):
        assert_client_error(client.get(path))


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
def test_odd_batch_bodies_are_422(trained_once, text):
    client, _ = trained_once
    response = client.post("/predict/and", content=text.encode(), headers=JSON)
    assert_error(response, 422)


# ----- safety ---------------------------------------------------------------------------------
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


# ----- bench/bench_api.py, briefly ----------------------------------------------------------------
WRK_REPORT = """\
Running 3s test @ http://127.0.0.1:8000/predict/and/1/1
  1 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.51ms  412.13us   9.87ms   91.23%
    Req/Sec     6.41k   301.22     6.80k    83.33%
  19152 requests in 3.00s, 2.98MB read
Requests/sec:   6383.25
Transfer/sec:      0.99MB
"""


def load_bench_api():
    """bench/bench_api.py as a module (bench/ is not a package)."""
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "bench" / "bench_api.py"
    spec = importlib.util.spec_from_file_location("bench_api", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_reads_wrks_report(monkeypatch):
    bench = load_bench_api()
    assert bench.wrk_requests_per_second(WRK_REPORT) == 6383.25
    with pytest.raises(RuntimeError, match="error answers"):
        bench.wrk_requests_per_second(WRK_REPORT + "  Non-2xx or 3xx responses: 12\n")
    with pytest.raises(RuntimeError, match="no Requests/sec"):
        bench.wrk_requests_per_second("unable to connect to 127.0.0.1:8000 Connection refused\n")
    commands = []

    def fake_run(command, **kwargs):
        commands.append(command)
        return subprocess.CompletedProcess(command, 0, stdout=WRK_REPORT)

    monkeypatch.setattr(bench.subprocess, "run", fake_run)
    rate = bench.measure_with_wrk("wrk", "http://127.0.0.1:9", "/predict/and/1/1", 3.0, 16)
    assert rate == 6383.25
    url = "http://127.0.0.1:9/predict/and/1/1"
    # A one-second warm-up, then the measured run.
    assert commands == [["wrk", "-t1", "-c16", "-d1s", url], ["wrk", "-t1", "-c16", "-d3s", url]]
