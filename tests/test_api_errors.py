"""Every mistake a client can make is a 4xx with one documented shape, never a 500."""

from __future__ import annotations

import pytest
from api_client import JSON, assert_client_error, assert_error, trained_client


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    """The model directory of `client`, alone in a folder of its own."""
    return tmp_path_factory.mktemp("odd-requests") / "models"


@pytest.fixture(scope="module")
def client(model_dir):
    """An app with AND, NOT and XOR trained once for the module: its tests only send mistakes."""
    return trained_client(model_dir)


# ----- one error shape ------------------------------------------------------------------------
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


def test_json_sent_without_its_content_type_gets_a_hint(client):
    response = client.post(
        "/train/and", content='{"seed": 1}', headers={"content-type": "text/plain"}
    )
    assert_error(response, 422, "Content-Type: application/json")


def test_json_nested_too_deeply_is_422_like_other_invalid_json(client):
    response = client.post("/train/and", content="[" * 50_000, headers=JSON)
    assert_error(response, 422, "cannot be read as JSON")


def test_405_names_every_method_the_path_takes(client):
    for method in ("PUT", "OPTIONS", "POST"):
        response = client.request(method, "/models/and")
        assert_error(response, 405, "use GET, DELETE")
        assert response.headers["allow"] == "GET, DELETE"
    assert "browser" not in client.put("/models/and").json()["detail"]  # that hint is for GET


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


# ----- odd gate names and bits in paths -------------------------------------------------------
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
def test_odd_gate_names_are_4xx_json_on_every_route(client, model_dir, gate):
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
def test_odd_bits_in_the_path_are_4xx_json(client, bit):
    for path in (f"/predict/and/{bit}/1", f"/predict/AND/1/{bit}", f"/predict/not/{bit}"):
        assert_client_error(client.get(path))
