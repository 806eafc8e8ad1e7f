"""check_api against real servers on loopback: the lesson's app, gatelab's, the notes', slips."""

import contextlib
import importlib
import re
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Annotated

import fastapi
import pytest
from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse, Response, StreamingResponse
from lesson_files import write_lesson_files

import gatelab
from gatelab import train_gate
from gatelab.api import create_app
from gatelab.check import ApiReport, check_api, normalize_url
from gatelab.gates import get_gate
from gatelab.network import free_port
from gatelab.server import start_server

LESSON_06 = Path(__file__).parents[1] / "notebooks" / "06_serving_gates_with_fastapi.ipynb"
HANGUL = re.compile("[\uac00-\ud7a3]")
NOTES_ERROR = "지원하지 않는 gate_type입니다. AND, OR, NOT 중 선택해주세요."

LESSON_APP_OUTPUT = """\
✓ an untrained gate answers 404: GET /predict/AND/0/0
✓ training answers 200: POST /train/{gate} for AND, OR, NOT
✓ truth table of AND: all 4 rows right
✓ truth table of OR: all 4 rows right
✓ truth table of NOT: all 2 rows right
✓ an unknown gate answers 404: GET /predict/XAND/1/1
✓ a bit that is not 0 or 1 answers 422: GET /predict/AND/1/2
✓ training is POST only: GET /train/AND answers 405
✓ every answer was JSON
9 passed, 0 failed, 0 skipped
"""

NOTES_OUTPUT = """\
✗ GET /predict/AND/0/0 answered 200 with an error inside
  → a client takes a 200 for a success: raise HTTPException(404, ...) for a gate with no model yet
✓ training answers 200: POST /train/{gate} for AND, OR, NOT
✓ truth table of AND: all 4 rows right
✓ truth table of OR: all 4 rows right
✓ truth table of NOT: all 2 rows right
✗ GET /predict/XAND/1/1 answered 200 with an error inside
  → a client takes a 200 for a success: raise HTTPException(404, ...) for an unknown gate
✗ GET /predict/AND/1/2 answered 200, not 422
  → declare the bits as whole numbers from 0 to 1 (a type with ge and le): then a 2 gets a 422
✓ training is POST only: GET /train/AND answers 405
✓ every answer was JSON
6 passed, 3 failed, 0 skipped
"""


@pytest.fixture
def student_app(tmp_path, monkeypatch):
    """Lesson 06's app (its model.py and main.py cells), written to tmp_path and imported."""
    write_lesson_files(LESSON_06, tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in ("model", "main"):  # `from model import ...` in main.py finds this copy
        sys.modules.pop(name, None)
    main = importlib.import_module("main")
    monkeypatch.setattr(main, "MODEL_DIR", tmp_path / "models")
    yield main.app
    for name in ("model", "main"):
        sys.modules.pop(name, None)


def notes_app() -> FastAPI:
    """The bootcamp notes' server, with its models in a dict instead of pickle files."""
    app = FastAPI()
    models = {}

    @app.post("/train/{gate_type}")
    def train(gate_type: str):
        models[gate_type.upper()] = train_gate(gate_type.upper())  # returns None: 200 null

    @app.get("/predict/{gate_type}/{left}/{right}")
    def predict(gate_type: str, left: int, right: int):
        gate_type = gate_type.upper()
        if gate_type not in models:
            return {"error": NOTES_ERROR}
        return {"result": int(models[gate_type].predict([left, right]))}

    @app.get("/predict/NOT/{input_value}")
    def predict_not(input_value: int):
        if "NOT" not in models:
            return {"error": NOTES_ERROR}
        return {"result": int(models["NOT"].predict([input_value]))}

    return app


Bit = Annotated[int, fastapi.Path(ge=0, le=1)]


def slipped_app(slip: str, release: threading.Event | None = None) -> FastAPI:
    """A right gate API in a dict, but for one slip a student (or a broken server) makes."""
    app = FastAPI()
    models: dict[str, bool] = {}
    train_route = app.get if slip == "train as GET" else app.post
    end = "/" if slip == "trailing slash" else ""
    respond = HTMLResponse if slip == "HTML" else None

    def answer(gate: str, bits: list[int]):
        gate = gate.upper()
        if gate not in ("AND", "OR", "NOT"):
            raise HTTPException(404, "unknown gate")
        if gate not in models:
            raise HTTPException(404, "not trained")
        if slip == "crash" and bits == [1, 1]:
            raise KeyError(gate)  # a 500, as a missing model file gives one
        result = get_gate(gate)(*bits) if set(bits) <= {0, 1} else 1  # "any int" lets 2 in
        if slip == "wrong bit" and gate == "AND" and bits == [1, 1]:
            result = 0
        if slip == "huge body":
            return StreamingResponse(b"x" * 65536 for _ in range(40))  # 2.5 MiB, no length
        if slip == "dripping body":
            return StreamingResponse(drip(release))
        body = {"gate": gate, "inputs": bits, "result": result}
        return respond(f"<p>{body}</p>") if respond else body

    @train_route("/train/{gate}" + end)
    def train(gate: str):
        if slip == "slow training":
            release.wait(5)
        models[gate.upper()] = True
        return respond("<p>trained</p>") if respond else {"gate": gate.upper()}

    @app.get("/predict/{gate}/{x}" + end)
    def predict_one(gate: str, x: Bit):
        return answer(gate, [x])

    bit = int if slip == "any int" else Bit

    @app.get("/predict/{gate}/{a}/{b}" + end)
    def predict_two(gate: str, a: bit, b: bit):
        return answer(gate, [a, b])

    return app


def drip(release: threading.Event):
    """A body that never ends: one byte every 20 ms until the test releases it."""
    while not release.wait(0.02):
        yield b" "


def check(app, *, quiet: bool = True, **options) -> ApiReport:
    """check_api on `app`, served on a free port of 127.0.0.1 for the length of the check."""
    with start_server(app, port=0) as server:
        return check_api(server.url, quiet=quiet, **options)


def failed_lines(report: ApiReport) -> list[tuple[str, str]]:
    """(text, hint) of every ✗ line."""
    return [(text, hint) for status, text, hint in report.items if status == "✗"]


def line_about(report: ApiReport, words: str) -> tuple[str, str, str]:
    """The one line whose text has `words` in it."""
    (found,) = [item for item in report.items if words in item[1]]
    return found


# ----- servers that keep the contract ------------------------------------------------------------


def test_the_lesson_app_passes_every_check(student_app, tmp_path, capsys):
    with start_server(student_app, port=0) as server:
        report = check_api(server.url)
    assert capsys.readouterr().out == LESSON_APP_OUTPUT
    assert sorted(path.name for path in (tmp_path / "models").iterdir()) == [
        "AND.json",
        "NOT.json",
        "OR.json",
    ]
    assert report.ok and report.reachable
    assert [status for status, _, _ in report.items] == ["✓"] * 9
    assert repr(report) == "ApiReport(ok=True, 9 ✓, 0 ✗, 0 –)"


def test_a_server_trained_before_skips_the_first_check(student_app):
    gates = ("AND", "OR", "NAND", "NOR", "NOT")
    with start_server(student_app, port=0) as server:
        assert check_api(server.url, gates=gates, quiet=True).ok
        again = check_api(server.url + "/", gates=gates, quiet=True)  # a trailing / is fine
    assert again.ok
    status, text, _ = again.items[0]
    assert status == "–" and "skipped" in text and "empty models folder" in text
    assert again.count("✓") == len(again.items) - 1 == 10


def test_the_gatelab_api_passes_every_check(tmp_path):
    # Training XOR and XNOR takes a moment; a busy machine must not turn it into a ✗.
    report = check(create_app(tmp_path), gates=gatelab.GATE_NAMES, timeout=30, deadline=120)
    assert report.ok, report
    assert report.count("✓") == 6 + len(gatelab.GATE_NAMES)


def test_check_api_is_exported_lazily():
    from gatelab import check as module

    assert gatelab.check_api is module.check_api


# ----- the bootcamp notes' server and typical slips ---------------------------------------------


def test_the_notes_server_hides_its_errors_in_200s(capsys):
    report = check(notes_app(), quiet=False)
    assert capsys.readouterr().out == NOTES_OUTPUT
    assert not report.ok and report.reachable
    assert len(failed_lines(report)) == 3


def test_training_as_a_get_route():
    report = check(slipped_app("train as GET"))
    text, hint = failed_lines(report)[0]
    assert text == "POST /train/AND answered 405, not 200"
    assert "@app.post" in hint
    _, text, hint = line_about(report, "GET /train/AND")
    assert text == "GET /train/AND answered 200, not 405"
    assert "must not change anything" in hint and "not @app.get" in hint


def test_a_wrong_row_of_the_truth_table():
    report = check(slipped_app("wrong bit"))
    status, text, hint = line_about(report, "GET /predict/AND/1/1")
    assert (status, text) == ("✗", "GET /predict/AND/1/1 gave 0, but AND(1, 1) is 1")
    assert "truth table in model.py" in hint
    assert line_about(report, "truth table of OR")[0] == "✓"


def test_bits_declared_as_any_int():
    report = check(slipped_app("any int"))
    [(text, hint)] = failed_lines(report)
    assert text == "GET /predict/AND/1/2 answered 200, not 422"
    assert "whole numbers from 0 to 1" in hint and "ge and le" in hint


def test_html_answers():
    report = check(slipped_app("HTML"))
    text, hint = failed_lines(report)[-1]
    assert text == (
        "POST /train/AND answered 200 with a body that is not JSON (Content-Type: text/html)"
    )
    assert "return a dict" in hint
    _, text, hint = line_about(report, "GET /predict/AND/0/0 answered")
    assert text.endswith("not JSON (Content-Type: text/html)")


def test_a_crashing_route_points_to_the_traceback():
    report = check(slipped_app("crash"), gates=["AND"])
    _, _, hint = line_about(report, "GET /predict/AND/1/1 answered 500, not 200")
    assert "traceback" in hint
    text, hint = failed_lines(report)[-1]  # its plain-text "Internal Server Error"
    assert "not JSON (Content-Type: text/plain)" in text and "traceback" in hint


def test_a_redirect_is_reported_not_followed():
    report = check(slipped_app("trailing slash"))
    text, hint = failed_lines(report)[0]
    assert text == "GET /predict/AND/0/0 redirected (307) to /predict/AND/0/0/"
    assert "ends with /" in hint
    assert "127.0.0.1" not in str(report)  # the address is not repeated on every line


def check_slow(slip: str, **options) -> tuple[ApiReport, float]:
    """check_api on a slipped app that keeps its answers until the check is over; the time."""
    release = threading.Event()
    with start_server(slipped_app(slip, release), port=0) as server:
        try:
            started = time.monotonic()
            report = check_api(server.url, quiet=True, **options)
            return report, time.monotonic() - started
        finally:
            release.set()  # before the server stops: it waits for its open requests


def test_a_slow_route_gets_its_own_line():
    report, seconds = check_slow("slow training", timeout=0.2)
    assert seconds < 1.5
    text, hint = failed_lines(report)[0]
    assert text == "POST /train/AND did not answer within 0.2 s"
    assert "sleep" in hint


def test_the_whole_check_has_a_deadline():
    report, seconds = check_slow("slow training", timeout=0.3, deadline=0.5)
    assert seconds < 1
    texts = [text for text, _ in failed_lines(report)]
    assert texts[0] == "POST /train/AND did not answer within 0.3 s"
    assert "GET /predict/XAND/1/1: not checked, the server took too long (over 0.5 s in all)" in (
        texts
    )


def test_a_dripping_body_cannot_hold_the_check():
    report, seconds = check_slow("dripping body", gates=["AND"], timeout=0.3)
    assert seconds < 1.5
    line_about(report, "GET /predict/AND/0/0 did not answer within 0.3 s")


def test_a_huge_body_is_not_read():
    report = check(slipped_app("huge body"), gates=["AND"])
    _, _, hint = line_about(report, "GET /predict/AND/0/0 sent a body larger than 1 MiB")
    assert "small JSON object" in hint


def test_a_declared_huge_body_is_refused_before_reading():
    app = FastAPI()
    app.get("/predict/{gate}/{a}/{b}")(lambda gate, a, b: Response(b"x" * (2 * 1024 * 1024)))
    report = check(app, gates=["AND"])
    assert report.items[0][1] == "GET /predict/AND/0/0 sent a body larger than 1 MiB"


@contextlib.contextmanager
def raw_server(answer):
    """A TCP server on 127.0.0.1 that gives each connection `answer(connection, stop)`."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)  # so the accept loop sees `stop`
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                connection, _ = listener.accept()
                with connection:
                    connection.recv(65536)
                    answer(connection, stop)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(5)
        listener.close()


def not_http(connection, stop):
    connection.sendall(b"hello, this is not HTTP\r\n\r\n")


def dripping_headers(connection, stop):
    connection.sendall(b"HTTP/1.1 200 OK\r\n")
    with contextlib.suppress(OSError):  # the check hangs up on it
        while not stop.wait(0.02):
            connection.sendall(b"X: y\r\n")


def test_an_answer_that_is_not_http_is_named_by_its_error():
    with raw_server(not_http) as url:
        report = check_api(url, gates=["AND"], quiet=True)
    status, text, hint = report.items[0]
    assert (status, text) == ("✗", "GET /predict/AND/0/0 failed: RemoteProtocolError")
    assert "broke off" in hint


def test_headers_that_drip_in_cannot_hold_the_check():
    started = time.monotonic()
    with raw_server(dripping_headers) as url:
        report = check_api(url, gates=["AND"], timeout=0.2, deadline=0.6, quiet=True)
        seconds = time.monotonic() - started
    assert seconds < 1.2
    assert report.items[0][1] == "GET /predict/AND/0/0 did not answer within 0.2 s"
    assert "not checked" in report.items[-2][1]


# ----- nothing there, addresses, Korean ---------------------------------------------------------


def test_nothing_listening_is_one_friendly_line(capsys):
    url = f"http://127.0.0.1:{free_port()}"
    report = check_api(url)
    out, err = capsys.readouterr()
    assert out == (
        f"✗ nothing answers at {url}: start the server first (open a terminal, cd to the folder "
        "with main.py and run: fastapi dev main.py)\n"
    )
    assert err == ""
    assert not report.ok and not report.reachable and report.items == []


@pytest.mark.parametrize(
    ("given", "url"),
    [
        ("127.0.0.1:8000", "http://127.0.0.1:8000"),
        (" localhost:8000/ ", "http://localhost:8000"),
        ("https://x-8000.app.github.dev/", "https://x-8000.app.github.dev"),
        ("http://127.0.0.1:8000/docs", "http://127.0.0.1:8000"),
        ("HTTP://127.0.0.1:8000/api/", "http://127.0.0.1:8000/api"),
    ],
)
def test_addresses_are_normalised(given, url):
    assert normalize_url(given) == url


@pytest.mark.parametrize("url", ["ftp://127.0.0.1", "http://", "localhost:99999", "file:///x"])
def test_what_is_not_a_server_address_is_refused(url):
    with pytest.raises(ValueError, match="is not a server address"):
        check_api(url)


def test_gates_by_name_in_any_case():
    with pytest.raises(ValueError, match="unknown gate 'XAND'"):
        check_api("http://127.0.0.1:1", gates=["and", "XAND"])
    with pytest.raises(ValueError, match="at least one gate"):
        check_api("http://127.0.0.1:1", gates=[])


def test_korean_lines(korean, capsys):
    report = check(notes_app(), quiet=False)
    out = capsys.readouterr().out
    assert not report.ok
    assert "GET /predict/AND/0/0: 200으로 응답했지만 본문에 오류가 들어 있습니다" in out
    assert "HTTPException(404, ...)를 raise하세요" in out
    assert "통과 6개, 실패 3개, 건너뜀 0개" in out
    assert all(HANGUL.search(line) for line in out.splitlines())
    check_api(f"http://127.0.0.1:{free_port()}")
    assert "fastapi dev main.py를 실행합니다" in capsys.readouterr().out
