"""gatelab.api_widgets: the lesson 07 sliders ask a real server, and say so when it is stopped."""

import httpx
import pytest

from gatelab.api import create_app
from gatelab.api_widgets import api_playground, ask_api
from gatelab.server import start_server


@pytest.fixture
def served(tmp_path):
    server = start_server(create_app(tmp_path), port=0)
    client = httpx.Client(base_url=server.url, timeout=30)
    client.post("/train/OR")
    yield server, client
    client.close()
    server.stop()


def test_the_sliders_send_one_request_per_change(served):
    _, client = served
    playground = api_playground(lambda path: client.get(path), "OR", a=0, b=1)
    assert set(playground.controls) == {"gate", "a", "b"}
    assert playground.result.startswith("GET /predict/OR/0/1\n-> 200 ")
    assert "GET /predict/OR/0/0 -> 0" in playground.result
    playground.controls["a"].value = 1
    assert playground.result.startswith("GET /predict/OR/1/1\n-> 200 ")
    playground.controls["gate"].value = "AND"  # not trained: the API's 404 is shown, not raised
    assert "-> 404 " in playground.result and "train" in playground.result


def test_a_stopped_server_gives_one_line_not_a_traceback(served):
    server, client = served
    playground = api_playground(lambda path: client.get(path), "OR", restart="run section 7")
    server.stop()
    playground.controls["b"].value = 0  # the server is gone: a connection error
    assert playground.result == "The server is stopped, so nothing answered: run section 7."
    client.close()
    playground.controls["a"].value = 1  # the client is closed: httpx raises RuntimeError
    assert playground.result.startswith("The server is stopped")


def test_the_function_is_looked_up_on_each_call(served, tmp_path):
    # As in the lesson: the lambda reads `current` when it runs, so a restarted server is found.
    server, client = served
    current = {"client": client}
    playground = api_playground(lambda path: current["client"].get(path), "OR")
    server.stop()
    with start_server(create_app(tmp_path), port=0) as again, httpx.Client(base_url=again.url) as c:
        current["client"] = c
        playground.controls["a"].value = 1
        assert "-> 200 " in playground.result


def test_ask_api_is_what_the_widget_prints(served):
    _, client = served
    text = ask_api(lambda path: client.get(path), "OR", 1, 0)
    assert text.splitlines()[:2] == [
        "GET /predict/OR/1/0",
        "-> 200 {'gate': 'OR', 'inputs': [1, 0], 'result': 1}",
    ]


def test_the_text_without_a_browser_is_a_sentence(served):
    _, client = served
    playground = api_playground(lambda path: client.get(path))
    bundle = playground._repr_mimebundle_()
    assert (
        bundle["text/plain"] == "Playground: Ask the gate API (run the notebook to use the sliders)"
    )
