"""The gate API in Korean: `Accept-Language: ko` changes the sentences of an error, nothing else.

Every error the API answers is asked twice, without the header (English, as always) and with it
(Korean), and the two answers must agree on everything a program reads: the status code, the
body's keys, each problem's `loc` and `type`, and the headers (Allow, WWW-Authenticate, ...).
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import warnings
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from api_client import asgi_scope

from gatelab.api import ErrorBody, choose_language, create_app
from gatelab.api_widgets import api_playground, ask_api, language_headers
from gatelab.language import get_language, set_language, speaking, tr
from gatelab.server import start_server

with warnings.catch_warnings():  # starlette's notice about a future test client, not our code
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

HANGUL = re.compile("[\uac00-\ud7a3]")
KEY = "korean-test-key-0123456789"
WITH_KEY = {"Authorization": f"Bearer {KEY}"}
JSON = {"content-type": "application/json"}
KOREAN = {"Accept-Language": "ko"}
# Headers that are part of the protocol: the same in both languages.
PROTOCOL_HEADERS = ("allow", "www-authenticate", "connection", "content-type", "vary")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A keyed app with AND trained, a pickle planted as OR's model, a directory named NOR.json."""
    model_dir = tmp_path_factory.mktemp("korean") / "models"
    client = TestClient(create_app(model_dir, token=KEY), raise_server_exceptions=False)
    assert client.post("/train/and", headers=WITH_KEY).status_code == 200
    (model_dir / "OR.json").write_bytes(b"\x80\x04N.")  # a pickle under a model name: a 409
    (model_dir / "NOR.json").mkdir()  # saving NOR would have to replace a directory: a 409
    return client


def shape(response: httpx.Response) -> tuple:
    """What a program reads in an error answer: everything but the sentences."""
    body = response.json()
    problems = [(problem["loc"], problem["type"]) for problem in body.get("errors") or []]
    headers = {name: response.headers.get(name) for name in PROTOCOL_HEADERS}
    return response.status_code, sorted(body), problems, headers


def assert_same_error_in_both(client, method: str, path: str, status: int, **request) -> dict:
    """The request without and with `Accept-Language: ko`: English and Korean, else the same."""
    headers = request.pop("headers", {})
    english = client.request(method, path, headers=headers, **request)
    korean = client.request(method, path, headers={**headers, **KOREAN}, **request)
    for response in (english, korean):
        assert response.status_code == status, response.text
        ErrorBody.model_validate_json(response.content, strict=True)  # the documented shape
        assert response.headers["vary"] == "Accept-Language"
    assert shape(korean) == shape(english)
    assert not HANGUL.search(english.text), english.text
    assert english.headers["content-language"] == "en"
    assert korean.headers["content-language"] == "ko"
    body = korean.json()
    assert HANGUL.search(body["detail"]), body["detail"]
    for problem in body.get("errors") or []:
        assert HANGUL.search(problem["msg"]), problem
    return {"en": english.json(), "ko": body}


# Every error the API answers: (name, method, path, status, request keywords).
ERRORS = [
    ("unknown gate", "GET", "/predict/XAND/1/1", 404, {}),
    ("unknown gate, batch", "POST", "/predict/xand", 404, {"json": {"inputs": [[1, 1]]}}),
    ("unknown gate, model", "GET", "/models/xand", 404, {}),
    ("untrained gate", "GET", "/predict/nand/1/1", 404, {}),
    ("untrained gate, one input", "GET", "/predict/not/1", 404, {}),
    ("untrained gate, model", "GET", "/models/nand", 404, {}),
    ("untrained gate, delete", "DELETE", "/models/nand", 404, {"headers": WITH_KEY}),
    ("unknown route", "GET", "/nothing/here", 404, {}),
    ("trailing slash", "GET", "/predict/and/1/1/", 404, {}),
    ("GET on a POST route", "GET", "/train/and", 405, {}),
    ("PUT on GET and DELETE", "PUT", "/models/and", 405, {}),
    ("bit not 0 or 1", "GET", "/predict/and/1/2", 422, {}),
    ("both bits wrong", "GET", "/predict/and/x/2", 422, {}),
    ("one bit for two inputs", "GET", "/predict/and/1", 422, {}),
    ("two bits for NOT", "GET", "/predict/not/1/1", 422, {}),
    ("batch row too short", "POST", "/predict/and", 422, {"json": {"inputs": [[1]]}}),
    ("batch bits", "POST", "/predict/and", 422, {"json": {"inputs": [[2, True], [1, 1, 1]]}}),
    ("batch empty", "POST", "/predict/and", 422, {"json": {"inputs": []}}),
    ("batch too long", "POST", "/predict/and", 422, {"json": {"inputs": [[1, 1]] * 1025}}),
    ("batch wrong keys", "POST", "/predict/and", 422, {"json": {"rows": [[1, 1]]}}),
    ("batch not a list", "POST", "/predict/and", 422, {"json": {"inputs": "[[1, 1]]"}}),
    ("batch not an object", "POST", "/predict/and", 422, {"json": [[1, 1]]}),
    ("many problems", "POST", "/predict/and", 422, {"json": {"inputs": [[2, 2]] * 30}}),
    (
        "training settings",
        "POST",
        "/train/and",
        422,
        {"json": {"seed": 2.5, "epochs": 0, "learning_rate": "fast"}, "headers": WITH_KEY},
    ),
    (
        "training settings out of range",
        "POST",
        "/train/and",
        422,
        {"json": {"seed": -1, "epochs": 10001, "learning_rate": 0}, "headers": WITH_KEY},
    ),
    (
        "infinite learning rate",
        "POST",
        "/train/and",
        422,
        {"content": '{"learning_rate": Infinity}', "headers": {**WITH_KEY, **JSON}},
    ),
    (
        "null body",
        "POST",
        "/train/and",
        422,
        {"content": "null", "headers": {**WITH_KEY, **JSON}},
    ),
    (
        "invalid JSON",
        "POST",
        "/train/and",
        422,
        {"content": "{not json", "headers": {**WITH_KEY, **JSON}},
    ),
    (
        "JSON nested too deeply",
        "POST",
        "/train/and",
        422,
        {"content": "[" * 50_000, "headers": {**WITH_KEY, **JSON}},
    ),
    (
        "JSON without its content type",
        "POST",
        "/train/and",
        422,
        {"content": '{"seed": 1}', "headers": {**WITH_KEY, "content-type": "text/plain"}},
    ),
    ("no key", "POST", "/train/and", 401, {}),
    ("wrong key", "POST", "/train/and", 401, {"headers": {"Authorization": "Bearer nope"}}),
    ("key without Bearer", "DELETE", "/models/and", 401, {"headers": {"Authorization": KEY}}),
    ("unreadable stored model", "GET", "/predict/or/1/1", 409, {}),
    ("unreadable stored model, info", "GET", "/models/or", 409, {}),
    ("a directory in the way", "POST", "/train/nor", 409, {"headers": WITH_KEY}),
    (
        "body over 64 KiB",
        "POST",
        "/predict/and",
        413,
        {"content": b" " * (65 * 1024), "headers": JSON},
    ),
]


@pytest.mark.parametrize(
    ("method", "path", "status", "request_"),
    [error[1:] for error in ERRORS],
    ids=[error[0] for error in ERRORS],
)
def test_every_error_in_korean_and_english(served, method, path, status, request_):
    assert_same_error_in_both(served, method, path, status, **dict(request_))


def test_the_english_is_as_before_and_the_korean_reads_well(served):
    untrained = assert_same_error_in_both(served, "GET", "/predict/nand/1/1", 404)
    assert untrained["en"]["detail"] == (
        "no trained model for NAND yet: train one first with POST /train/NAND"
    )
    # No particle after a gate name: 은/는 and 이/가 depend on how the name is read.
    assert untrained["ko"]["detail"].startswith("게이트 NAND: 아직 학습한 모델이 없습니다")
    assert "POST /train/NAND" in untrained["ko"]["detail"]
    unknown = assert_same_error_in_both(served, "GET", "/predict/XAND/1/1", 404)
    assert "'XAND'" in unknown["ko"]["detail"] and "AND, OR, NAND" in unknown["ko"]["detail"]
    bits = assert_same_error_in_both(served, "GET", "/predict/and/1/2", 422)
    assert bits["en"] == {
        "detail": "path.b: Input should be '0' or '1', got '2'",
        "errors": [
            {
                "loc": ["path", "b"],
                "msg": "Input should be '0' or '1', got '2'",
                "type": "literal_error",
            }
        ],
    }
    assert bits["ko"]["detail"] == "path.b: '0' 또는 '1'이어야 합니다. 받은 값: '2'"
    many = assert_same_error_in_both(
        served, "POST", "/predict/and", 422, json={"inputs": [[2, 2]] * 30}
    )
    assert many["en"]["detail"].endswith("and 57 more")
    assert many["ko"]["detail"].endswith("그 밖에 57개가 더 있습니다")
    refused = assert_same_error_in_both(served, "POST", "/train/and", 401)
    assert "Authorization: Bearer <key>" in refused["ko"]["detail"]  # the header as it is sent


def test_an_unusable_model_directory_is_503_in_both(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    client = TestClient(create_app(blocker / "models"), raise_server_exceptions=False)
    answers = assert_same_error_in_both(client, "GET", "/gates", 503)
    assert "GATELAB_MODEL_DIR" in answers["ko"]["detail"]


def asgi_post(app, headers: list[tuple[bytes, bytes]]) -> tuple[int, dict, dict]:
    """POST /predict/and straight to the ASGI app (for headers httpx would never send)."""
    scope = asgi_scope("POST", "/predict/and", headers)
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b" " * 16384, "more_body": True}

    async def send(message: dict) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    head = {key.decode(): value.decode() for key, value in sent[0]["headers"]}
    body = json.loads(b"".join(message.get("body", b"") for message in sent[1:]))
    return sent[0]["status"], head, body


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ([(b"content-length", b"ten")], 400),  # refused by the body limit, before FastAPI
        ([(b"transfer-encoding", b"chunked")], 413),  # a streamed body that never ends
    ],
)
def test_the_body_limits_answers_in_both(tmp_path, headers, status):
    app = create_app(tmp_path)
    english = asgi_post(app, headers)
    korean = asgi_post(app, [*headers, (b"accept-language", b"ko-KR,ko;q=0.9")])
    assert english[0] == korean[0] == status
    assert english[1]["vary"] == korean[1]["vary"] == "Accept-Language"
    assert not HANGUL.search(english[2]["detail"]) and HANGUL.search(korean[2]["detail"])


# ----- which language: Accept-Language and its q-values -----------------------------------------
@pytest.mark.parametrize(
    ("header", "language"),
    [
        (None, "en"),
        ("", "en"),
        ("ko", "ko"),
        ("KO", "ko"),
        ("ko-KR", "ko"),
        ("ko-KR,ko;q=0.9", "ko"),
        ("ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7", "ko"),  # a Korean browser
        ("en;q=0.9, ko;q=0.8", "en"),
        ("en-US,en;q=0.9,ko;q=0.8", "en"),
        ("ko;q=0.5, en;q=0.6", "en"),
        ("ja, ko;q=0.5", "ko"),  # Korean is the best of what the API speaks
        ("fr-FR, de", "en"),
        ("ko, en", "ko"),  # equal q-values: the first one named
        ("en, ko", "en"),
        ("ko;q=0", "en"),  # q=0: "not this one"
        ("ko;q=abc", "en"),  # a broken q-value counts as 0
        ("ko;q=2", "en"),
        ("*", "en"),
        ("ko;q=0.5, *", "en"),  # anything else, English included, is liked more than Korean
        ("*;q=0.5, ko", "ko"),
        ("kok, kor, korean", "en"),  # other languages whose tags start with "ko"
        (",,;;==", "en"),
    ],
)
def test_the_language_follows_the_q_values(header, language):
    assert choose_language(header) == language


@pytest.mark.parametrize(
    ("header", "korean"),
    [("en;q=0.9, ko;q=0.8", False), ("ko-KR,ko;q=0.9", True), ("ko;q=0", False)],
)
def test_a_request_answers_in_the_language_its_header_prefers(served, header, korean):
    response = served.get("/predict/XAND/1/1", headers={"Accept-Language": header})
    assert bool(HANGUL.search(response.json()["detail"])) is korean
    assert response.headers["content-language"] == ("ko" if korean else "en")


def test_answers_that_do_not_depend_on_the_language_say_nothing_of_it(served):
    english, korean = served.get("/predict/and/1/1"), served.get("/predict/and/1/1", headers=KOREAN)
    assert english.json() == korean.json() == {"gate": "AND", "inputs": [1, 1], "result": 1}
    assert "vary" not in korean.headers and "content-language" not in korean.headers


def test_the_docs_say_how_to_ask_for_korean(served):
    spec = served.get("/openapi.json").json()
    assert "Accept-Language: ko" in spec["info"]["description"]
    assert "Accept-Language: ko" in spec["components"]["schemas"]["ErrorBody"]["properties"][
        "detail"
    ].get("description", "")
    # Documented once, not as a parameter every route would now have.
    for operations in spec["paths"].values():
        for operation in operations.values():
            names = {parameter["name"].lower() for parameter in operation.get("parameters", [])}
            assert "accept-language" not in names


# ----- the notebook's language and the server's answers are separate ----------------------------
def test_a_korean_notebook_does_not_make_the_servers_answers_korean(served, korean):
    assert get_language() == "ko"
    response = served.get("/predict/nand/1/1")
    assert not HANGUL.search(response.text), response.text
    assert HANGUL.search(served.get("/predict/nand/1/1", headers=KOREAN).text)
    assert tr("epoch") != "epoch"  # and the notebook still speaks Korean after the requests


def test_a_korean_request_does_not_make_the_notebook_korean(served):
    assert HANGUL.search(served.get("/predict/nand/1/1", headers=KOREAN).text)
    assert get_language() == "en" and tr("epoch") == "epoch"
    with speaking("ko"):
        assert tr("epoch") != "epoch"
    assert tr("epoch") == "epoch"


def test_clients_asking_at_once_each_get_their_own_language(tmp_path):
    # A real server: concurrent requests in both languages, each answered in its own.
    with start_server(create_app(tmp_path), host="127.0.0.1", port=0) as server:

        def ask(number: int) -> bool:
            korean = number % 2 == 0
            headers = KOREAN if korean else {}
            with httpx.Client(base_url=server.url, timeout=10) as client:
                for _ in range(10):
                    detail = client.get("/predict/and/1/1", headers=headers).json()["detail"]
                    if bool(HANGUL.search(detail)) is not korean:
                        return False
            return True

        with ThreadPoolExecutor(8) as pool:
            assert all(pool.map(ask, range(16)))


def test_a_thread_speaking_korean_leaves_other_threads_english():
    seen = {}
    started, done = threading.Event(), threading.Event()

    def korean_thread() -> None:
        with speaking("ko"):
            started.set()
            done.wait(5)
            seen["ko"] = tr("epoch")

    thread = threading.Thread(target=korean_thread)
    thread.start()
    started.wait(5)
    seen["en"] = tr("epoch")
    done.set()
    thread.join()
    assert seen["en"] == "epoch" and seen["ko"] != "epoch"


# ----- the lesson's client: api_widgets ---------------------------------------------------------
class Recorder:
    """A `get` for the playground that records each request's headers, on a real client."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client
        self.sent: list[dict[str, str]] = []

    def __call__(self, path: str, **options) -> httpx.Response:
        response = self.client.get(path, **options)
        self.sent.append(dict(response.request.headers))
        return response


def test_language_headers_follow_set_language():
    assert language_headers() == {}
    set_language("ko")
    try:
        assert language_headers() == {"Accept-Language": "ko"}
    finally:
        set_language("en")
    assert language_headers() == {}


def test_the_playground_asks_in_korean_after_set_language_ko(served, korean):
    get = Recorder(served)
    text = ask_api(get, "NAND", 1, 1)  # NAND is not trained: the 404's detail is shown
    assert all(headers.get("accept-language") == "ko" for headers in get.sent)
    assert len(get.sent) == 5  # the question, then the gate's four rows
    assert "-> 404 " in text and "아직 학습한 모델이 없습니다" in text
    playground = api_playground(get, "NAND")
    assert "아직 학습한 모델이 없습니다" in playground.result


def test_the_playground_asks_in_english_by_default(served):
    get = Recorder(served)
    text = ask_api(get, "NAND", 1, 1)
    assert all("accept-language" not in headers for headers in get.sent)
    assert "-> 404 " in text and "no trained model for NAND" in text


def test_a_get_without_headers_still_works_in_korean(served, korean):
    # The lesson's own `get(path)` takes no headers: it is called as before.
    text = ask_api(lambda path: served.get(path), "AND", 1, 1)
    assert text.startswith("GET /predict/AND/1/1\n-> 200 ")
    # A client made with language_headers() carries the header on every request itself.
    text = ask_api(lambda path: served.get(path, headers=language_headers()), "NAND", 0, 0)
    assert "아직 학습한 모델이 없습니다" in text
