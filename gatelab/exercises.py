"""Exercises with instant feedback: each check takes a student's answer and says ✓ or ✗ with a hint.

In a notebook::

    from gatelab import exercises as ex
    answer = ...                       # the student replaces ... with their answer
    ex.check_nand_weights(answer)      # shows ✓, ✗ with a specific hint, or "not attempted yet"

Checks never raise on a wrong or malformed answer: they explain what was expected instead.
Reference solutions live in tests/test_exercises.py, not here and not in the lessons.
"""

from __future__ import annotations

import contextlib
import html
import json
import math
import tempfile
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from gatelab.gates import get_gate, normalize_gate_name, truth_table
from gatelab.memory import SERVER_GB, servers_needed, weights_bytes
from gatelab.perceptron import Perceptron, step, train_gate

NOT_ATTEMPTED = "not attempted yet"
_SYMBOLS = {"correct": "✓", "wrong": "✗", NOT_ATTEMPTED: "…"}
_COLOURS = {"correct": "#1a7f37", "wrong": "#cf222e", NOT_ATTEMPTED: "#6e7781"}


@dataclass(frozen=True)
class CheckResult:
    """The verdict on one answer: status is "correct", "wrong" or "not attempted yet"."""

    exercise: str
    status: str
    message: str

    @property
    def passed(self) -> bool:
        """True only for a correct answer."""
        return self.status == "correct"

    def __str__(self) -> str:
        return f"{_SYMBOLS[self.status]} {self.exercise}: {self.message}"

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        """Jupyter shows a coloured ✓/✗ line instead of the plain text."""
        colour = _COLOURS[self.status]
        return (
            f'<div style="border-left: 4px solid {colour}; padding: 4px 10px;">'
            f'<b style="color: {colour};">{_SYMBOLS[self.status]} {html.escape(self.exercise)}</b>'
            f": {html.escape(self.message)}</div>"
        )


def _correct(exercise: str, message: str = "correct!") -> CheckResult:
    return CheckResult(exercise, "correct", message)


def _wrong(exercise: str, hint: str) -> CheckResult:
    return CheckResult(exercise, "wrong", hint)


def _not_attempted(exercise: str) -> CheckResult:
    return CheckResult(
        exercise,
        NOT_ATTEMPTED,
        f"{NOT_ATTEMPTED}: replace `...` with your answer and run the cell again",
    )


def _is_placeholder(answer: Any) -> bool:
    return answer is ... or answer is None


def _as_number(answer: Any) -> float | None:
    """The answer as a float, or None if it is not a plain number."""
    if isinstance(answer, bool):
        return None
    try:
        value = float(answer)
    except (TypeError, ValueError, OverflowError):  # OverflowError: an int too big for a float
        return None
    return value if math.isfinite(value) else None


def _fmt(value: float) -> str:
    """A number printed short, the same on every machine."""
    return f"{value:.3g}"


def _check_weights_for_gate(exercise: str, gate_name: str, answer: Any) -> CheckResult:
    """Shared check: do (weights, bias) make step(w · x + b) compute the gate?"""
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    gate = get_gate(gate_name)
    try:
        weights, bias = answer
        weights = np.asarray(weights, dtype=float).reshape(-1)
        bias = float(bias)  # one number: a list here would hide extra values
    except (TypeError, ValueError, OverflowError):
        shape = "[w1, w2], b" if gate.arity == 2 else "[w], b"
        return _wrong(exercise, f"give the answer as a pair: answer = ({shape})")
    if weights.shape != (gate.arity,):
        return _wrong(
            exercise, f"{gate.name} takes {gate.arity} input(s), so give {gate.arity} weight(s)"
        )
    for row, target in zip(gate.inputs, gate.targets):
        total = float(row @ weights + bias)
        if step(total) != target:
            sign = "≥" if total >= 0 else "<"
            point = tuple(int(v) for v in row)
            point_text = f"({point[0]})" if len(point) == 1 else str(point)
            return _wrong(
                exercise,
                f"your boundary misclassifies {point_text}: its weighted sum is "
                f"{_fmt(total)} {sign} 0, so the step gives {step(total)} but "
                f"{gate.name} wants {int(target)}",
            )
    return _correct(exercise, f"these weights compute {gate.name} on every row")


def _check_truth_table(exercise: str, gate_name: str, fn: Callable[..., Any]) -> CheckResult:
    """Shared check: does a function or model reproduce a gate's truth table?"""
    gate = get_gate(gate_name)
    for row, target in zip(gate.inputs, gate.targets):
        bits = tuple(int(v) for v in row)
        try:
            got = int(fn(*bits))
        except Exception as exc:  # a student's function may fail in any way; say how
            return _wrong(exercise, f"calling it on {bits} raised {type(exc).__name__}: {exc}")
        if got != target:
            return _wrong(exercise, f"on inputs {bits} it gives {got}, but {gate.name} is {target}")
    return _correct(exercise, f"it reproduces the whole {gate.name} truth table")


def _check_count(exercise: str, answer: Any, expected: int, hints: dict[int, str]) -> CheckResult:
    """Shared check for a whole-number answer, with hints for typical wrong values."""
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    value = _as_number(answer)
    if value is None or value != int(value):
        return _wrong(exercise, f"answer with a whole number, got {answer!r}")
    value = int(value)
    if value == expected:
        return _correct(exercise)
    if value in hints:
        return _wrong(exercise, hints[value])
    direction = "too high" if value > expected else "too low"
    return _wrong(exercise, f"{value} is {direction}")


# ----- Lesson 01: the perceptron and AND ----------------------------------------------------


def check_nand_weights(answer: Any) -> CheckResult:
    """Ex 1.1: weights and bias, set by hand, that make the perceptron compute NAND."""
    return _check_weights_for_gate("Exercise 1.1 (NAND by hand)", "NAND", answer)


def check_and_epochs(answer: Any) -> CheckResult:
    """Ex 1.2: the epoch in which AND training at learning rate 0.5, seed 3 makes no mistake."""
    exercise = "Exercise 1.2 (epochs for AND)"
    expected = train_gate("AND", learning_rate=0.5, seed=3).converged_epoch_
    hints = {
        expected - 1: f"close: {expected - 1} epochs still made a mistake; training stops after "
        "the first epoch with none, and that epoch counts",
        expected * 4: "that is the number of steps (rows × epochs), not epochs",
    }
    slower = train_gate("AND", learning_rate=0.1, seed=3).converged_epoch_
    if slower != expected:
        hints.setdefault(slower, "that is the answer for learning rate 0.1: use learning_rate=0.5")
    return _check_count(exercise, answer, expected, hints)


def check_first_update(answer: Any) -> CheckResult:
    """Ex 1.3: new weights after one update from w = [0.5, 0.5], b = 0 on input (0, 1), target 0."""
    exercise = "Exercise 1.3 (one step of the rule)"
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    # z = 0.5 ≥ 0 → prediction 1, error = 0 − 1 = −1, rate 0.1: w2 and b drop by 0.1.
    expected = np.array([0.5, 0.4])
    try:
        weights = np.asarray(answer, dtype=float).reshape(-1)
    except (TypeError, ValueError):
        return _wrong(exercise, "give the new weights as a list: answer = [w1, w2]")
    if weights.shape != (2,):
        return _wrong(exercise, "give the two new weights: answer = [w1, w2]")
    if np.allclose(weights, expected):
        return _correct(exercise, "w1 stays (its input was 0) and w2 drops by 0.1")
    if np.allclose(weights, [0.4, 0.4]):
        return _wrong(exercise, "x1 was 0, so w1 gets 0.1 × error × 0: it does not move")
    if np.allclose(weights, [0.5, 0.6]):
        return _wrong(exercise, "check the sign of the error: target − prediction = 0 − 1 = −1")
    if np.allclose(weights, [0.5, 0.5]):
        return _wrong(exercise, "the weighted sum is 0.5 ≥ 0, so the prediction is 1: a mistake")
    return _wrong(exercise, "use w ← w + rate × (target − prediction) × x with rate 0.1")


# ----- Lesson 02: more linear gates ---------------------------------------------------------


def check_not_weights(answer: Any) -> CheckResult:
    """Ex 2.1: one weight and a bias that make the perceptron compute NOT."""
    return _check_weights_for_gate("Exercise 2.1 (NOT by hand)", "NOT", answer)


def check_trained_nor(answer: Any) -> CheckResult:
    """Ex 2.2: a fitted Perceptron that computes NOR."""
    exercise = "Exercise 2.2 (train NOR)"
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    if not isinstance(answer, Perceptron):
        return _wrong(exercise, "pass the Perceptron itself, e.g. Perceptron().fit(X, y)")
    if answer.weights_ is None:
        return _wrong(exercise, "this perceptron has not been trained yet: call .fit(X, y)")
    if answer.weights_.shape != (2,):
        return _wrong(exercise, "NOR has two inputs: fit on truth_table('NOR')")
    return _check_truth_table(exercise, "NOR", lambda a, b: answer.predict([a, b]))


def check_fastest_rate(answer: Any) -> CheckResult:
    """Ex 2.3: which of 0.01, 0.1 and 1.0 trains NAND (seed 0) in the fewest epochs?"""
    exercise = "Exercise 2.3 (fastest learning rate)"
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    choices = (0.01, 0.1, 1.0)
    epochs = {rate: train_gate("NAND", learning_rate=rate, seed=0).epochs_run_ for rate in choices}
    value = _as_number(answer)
    if value not in choices:
        return _wrong(exercise, "choose one of 0.01, 0.1 or 1.0")
    best = min(choices, key=lambda rate: epochs[rate])
    if value == best:
        return _correct(exercise, f"{_fmt(best)} needs {epochs[best]} epochs")
    return _wrong(
        exercise,
        f"rate {_fmt(value)} needs {epochs[value]} epochs; try train_gate('NAND', "
        "learning_rate=..., seed=0).epochs_run_ for each rate",
    )


# ----- Lesson 03: XOR -----------------------------------------------------------------------


def check_xor_best_accuracy(answer: Any) -> CheckResult:
    """Ex 3.1: the best accuracy any single line can reach on XOR's four points."""
    exercise = "Exercise 3.1 (best line on XOR)"
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    value = _as_number(answer)
    if value is None:
        return _wrong(exercise, "answer with a number between 0 and 1, e.g. 0.5")
    if value > 1:
        value /= 100  # a percentage
    if math.isclose(value, 0.75):
        return _correct(exercise, "3 of 4: a line can cut off one corner, never two opposite ones")
    if math.isclose(value, 1.0):
        return _wrong(exercise, "no single line separates XOR: that is lesson 03's whole point")
    if math.isclose(value, 0.5):
        return _wrong(exercise, "you can do better than half: try a line that cuts off (1, 1)")
    return _wrong(exercise, "count how many of the four points a line can get right")


def check_xnor_from_gates(answer: Any) -> CheckResult:
    """Ex 3.2: a function f(a, b) built from trained gates that computes XNOR."""
    exercise = "Exercise 3.2 (XNOR from gates)"
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    if not callable(answer):
        return _wrong(exercise, "pass a function of two inputs, e.g. def xnor(a, b): ...")
    with _counting_perceptron_calls() as calls:
        result = _check_truth_table(exercise, "XNOR", answer)
    if not result.passed and _check_truth_table(exercise, "XOR", answer).passed:
        return _wrong(exercise, "that computes XOR: XNOR is its opposite (try OR(AND, NOR))")
    if result.passed and calls["predict"] == 0:
        return _wrong(
            exercise,
            "right table, but no trained perceptron answered: build it from gates' .predict",
        )
    return result


@contextlib.contextmanager
def _counting_perceptron_calls() -> Iterator[dict[str, int]]:
    """Count Perceptron.predict calls while a student's function runs."""
    calls = {"predict": 0}
    original = Perceptron.predict

    def counting(self: Perceptron, X: Any) -> Any:
        calls["predict"] += 1
        return original(self, X)

    Perceptron.predict = counting
    try:
        yield calls
    finally:
        Perceptron.predict = original


# ----- Lesson 04: XOR with PyTorch ----------------------------------------------------------


def check_mlp_parameter_count(answer: Any) -> CheckResult:
    """Ex 4.1: how many numbers a 2 → 8 → 1 network learns (weights and biases)."""
    exercise = "Exercise 4.1 (parameters of 2 → 8 → 1)"
    hints = {
        24: "you counted the weights only: each unit also has a bias",
        16: "that is the hidden layer's weights only; add its biases and the output layer",
        11: "you added the layer sizes: count the connections (2 × 8 + 8 × 1) plus biases",
    }
    return _check_count(exercise, answer, 2 * 8 + 8 + 8 * 1 + 1, hints)


def check_failing_mlp(answer: Any) -> CheckResult:
    """Ex 4.2: a (hidden_size, seed) for which XOR training with the other defaults fails."""
    exercise = "Exercise 4.2 (a network too small)"
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    try:
        hidden_size, seed = answer
    except (TypeError, ValueError):
        return _wrong(exercise, "give a pair: answer = (hidden_size, seed)")
    if not all(isinstance(v, int | np.integer) and not isinstance(v, bool) for v in answer):
        return _wrong(exercise, "both must be whole numbers: answer = (hidden_size, seed)")
    if not 1 <= hidden_size <= 64:
        return _wrong(exercise, "choose a hidden size between 1 and 64")
    if not 0 <= seed < 2**32:
        return _wrong(exercise, "choose a seed between 0 and 4294967295")
    from gatelab.mlp import train_gate_mlp  # torch is needed only here

    X, y = truth_table("XOR")
    model = train_gate_mlp("XOR", seed=seed, hidden_size=hidden_size).model
    correct = int(np.sum(model.predict(X) == y))
    if correct < 4:
        return _correct(
            exercise,
            f"hidden size {hidden_size} gets {correct}/4: "
            + (
                "one hidden unit is one line, and one line cannot separate XOR"
                if hidden_size == 1
                else "too few lines, or a start that gets stuck"
            ),
        )
    return _wrong(
        exercise,
        f"hidden size {hidden_size} with seed {seed} learns XOR (4/4); "
        "how many lines does one hidden unit draw?",
    )


# ----- Lesson 05: saving and loading --------------------------------------------------------


def check_float32_bytes(answer: Any, parameters: int = 1_000_000) -> CheckResult:
    """Ex 5.1: raw bytes of a model with `parameters` float32 numbers."""
    exercise = f"Exercise 5.1 (bytes for {parameters:,} float32 parameters)"
    hints = {
        weights_bytes(
            parameters, "float64"
        ): "that is float64 (8 bytes each); float32 is 32 bits = 4 bytes",
        parameters * 32: "32 is the number of bits; a byte is 8 bits",
        weights_bytes(parameters, "float16"): "that is float16; float32 takes 4 bytes",
    }
    return _check_count(exercise, answer, weights_bytes(parameters, "float32"), hints)


def check_servers_needed(answer: Any) -> CheckResult:
    """Ex 5.2: how many 8×80 GB servers hold 1 trillion float16 parameters (weights only)?"""
    exercise = "Exercise 5.2 (servers for 1 trillion parameters)"
    trillion = 10**12
    expected = servers_needed(trillion, "float16")
    hints = {
        expected - 1: "round up: a fraction of a server is a whole server",
        servers_needed(trillion, "float32"): "that is float32; float16 is 2 bytes",
        servers_needed(trillion, "float64"): "that is float64; float16 is 2 bytes",
        1: f"one server has 8 × 80 GB = {SERVER_GB} GB; 1 trillion float16 numbers take 2,000 GB",
    }
    return _check_count(exercise, answer, expected, hints)


def check_safe_format(answer: Any) -> CheckResult:
    """Ex 5.3: which format is unsafe to load from a stranger: 'pickle', 'json' or 'safetensors'?"""
    exercise = "Exercise 5.3 (the unsafe format)"
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    choice = str(answer).strip().lower().lstrip(".")
    if choice in ("pickle", "pkl"):
        return _correct(exercise, "loading a pickle can run any code its author chose")
    if choice in ("json", "safetensors"):
        return _wrong(exercise, f"{choice} holds only data: loading it runs no code")
    return _wrong(exercise, "choose one of 'pickle', 'json' or 'safetensors'")


# ----- Lesson 06: the API -------------------------------------------------------------------


@contextlib.contextmanager
def _test_client(app: Any) -> Iterator[Any]:
    """FastAPI's TestClient on `app`: requests go straight to the app, no server and no port."""
    with warnings.catch_warnings():
        # Starlette asks for the httpx2 package; the httpx it finds works the same here.
        warnings.filterwarnings("ignore", message=".*install `httpx2`")
        from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def _latest_routes(app: Any) -> Any:
    """A copy of `app` in which a route defined twice keeps only its latest definition.

    In a notebook a student runs a cell with `@app.delete(...)` again after fixing it; FastAPI
    then holds both versions and would keep answering with the first one.
    """
    from fastapi import FastAPI

    latest: dict[tuple[str, frozenset[str]], Any] = {}
    for route in app.router.routes:
        key = (getattr(route, "path", ""), frozenset(getattr(route, "methods", None) or ()))
        latest[key] = route  # a dict keeps the first one's place, so the routes keep their order
    copy = FastAPI()
    copy.router.routes = list(latest.values())
    return copy


def _methods_on_path(app: Any, path: str) -> set[str]:
    """Every method some route of `app` takes on `path`, e.g. {"GET"}."""
    from starlette.routing import Match

    scope = {"type": "http", "path": path, "method": "GET", "root_path": ""}
    methods: set[str] = set()
    for route in app.router.routes:
        if route.matches(scope)[0] != Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return methods


def check_delete_route(answer: Any) -> CheckResult:
    """Ex 6.1: the student's app, with DELETE /models/{gate} added to it."""
    exercise = "Exercise 6.1 (add DELETE /models/{gate})"
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    if not hasattr(answer, "router") or not callable(answer):
        return _wrong(exercise, "pass your FastAPI app itself: answer = app")
    app = _latest_routes(answer)
    if "POST" not in _methods_on_path(app, "/train/AND"):
        return _wrong(exercise, "this app has no POST /train/{gate}: pass the app of section 5")
    methods = _methods_on_path(app, "/models/AND")
    if "DELETE" not in methods:
        if methods:
            taken = ", ".join(sorted(methods - {"HEAD"}))
            return _wrong(
                exercise,
                f"/models/{{gate}} takes {taken} only: removing is the DELETE method, "
                "so decorate the function with @app.delete(...)",
            )
        return _wrong(
            exercise,
            "no route matches /models/AND: the path is /models/{gate}, with the gate in braces",
        )
    with _test_client(app) as client:
        return _check_delete_answers(exercise, client)


def _check_delete_answers(exercise: str, client: Any) -> CheckResult:
    """Train AND, delete it, and look at every answer the new route gives."""
    trained_before = client.get("/predict/AND/0/0").status_code == 200
    try:
        if client.post("/train/AND").status_code != 200:
            return _wrong(exercise, "POST /train/AND failed: run the app's cells of section 5")
        deleted = client.delete("/models/AND")
        if deleted.status_code >= 500:
            return _wrong(exercise, "DELETE /models/AND crashed the route (a 500): read its error")
        if deleted.status_code != 200:
            return _wrong(
                exercise,
                f"DELETE /models/AND of a trained gate answered {deleted.status_code}: "
                "a delete that worked is a 200, FastAPI's answer when the function returns",
            )
        if _json_or_none(deleted) != {"deleted": "AND"}:
            return _wrong(exercise, 'the answer should be the JSON {"deleted": "AND"}')
        if client.get("/predict/AND/0/0").status_code == 200:
            return _wrong(
                exercise,
                "GET /predict/AND/0/0 still answers after the delete: the model must also "
                "leave the `models` dict",
            )
        again = client.delete("/models/AND")
        if again.status_code != 404:
            code = again.status_code
            said = "crashed (a 500)" if code >= 500 else f"answered {code}"
            return _wrong(
                exercise,
                f"deleting AND a second time {said}: a gate with no model is not found, "
                "so raise HTTPException(404, ...) (trained_model(name) does it)",
            )
        unknown = client.delete("/models/XAND")
        if unknown.status_code != 404:
            return _wrong(
                exercise,
                f"DELETE /models/XAND answered {unknown.status_code}: an unknown gate is not "
                "found either (find_gate does that)",
            )
    finally:
        if trained_before:  # the check used AND: leave the app as it found it
            client.post("/train/AND")
    return _correct(exercise, "your API can forget a model, and says 404 when there is none")


def _json_or_none(response: Any) -> Any:
    """The response's JSON, or None if its body is not JSON."""
    try:
        return response.json()
    except ValueError:
        return None


def check_train_or_request(answer: Any) -> CheckResult:
    """Ex 6.2: the httpx response of the request that trains OR with seed 7."""
    exercise = "Exercise 6.2 (train OR over HTTP)"
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    request = getattr(answer, "request", None)
    if request is None or not hasattr(answer, "status_code"):
        return _wrong(exercise, "pass the response of client.post(...), not its .json()")
    path = request.url.path
    if request.method != "POST":
        return _wrong(exercise, f"training changes the server, so not {request.method}")
    if path.rstrip("/").lower() != "/train/or":
        return _wrong(exercise, f"{path} does not train OR: the gate is part of the path")
    if answer.status_code != 200:
        return _wrong(exercise, f"the server answered {answer.status_code}: read its message")
    try:
        sent = json.loads(request.content or b"{}")
    except ValueError:
        sent = None
    if not isinstance(sent, dict) or sent.get("seed") != 7:
        return _wrong(
            exercise,
            "the seed goes in the request's JSON body, as in the POST /train example above",
        )
    try:
        accuracy = _as_number(answer.json().get("accuracy"))
    except (ValueError, AttributeError):  # not JSON, or JSON that is not an object
        accuracy = None
    if accuracy is None:
        return _wrong(exercise, "the response has no accuracy: is this the /train response?")
    return _correct(exercise, f"OR trained with seed 7, accuracy {_fmt(accuracy)}")


# The requests of Ex 6.3, each with a hint that names the rule without the number.
STATUS_QUESTIONS = {
    "PUT /models/AND": "the path exists, but not with this method",
    "GET /models/XAND": "there is no gate called XAND",
    "GET /predict/OR/0/true": "the route exists and the gate too, but the data does not fit it",
    "GET /predict/AND/1/1/": "look at the last character: is there a route with that path?",
}


def check_status_codes(answer: Any) -> CheckResult:
    """Ex 6.3: the status code the gatelab API gives each request in STATUS_QUESTIONS."""
    exercise = "Exercise 6.3 (status codes)"
    if isinstance(answer, dict) and answer and all(map(_is_placeholder, answer.values())):
        answer = ...  # the exercise cell as given: every code still `...`
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    if not isinstance(answer, dict) or set(answer) != set(STATUS_QUESTIONS):
        return _wrong(exercise, "fill in the dict of the exercise cell: one code per request")
    from gatelab.api import create_app

    with tempfile.TemporaryDirectory() as directory, _test_client(create_app(directory)) as client:
        expected = {}
        for request in STATUS_QUESTIONS:
            method, path = request.split(" ")
            expected[request] = client.request(method, path).status_code
    if any(map(_is_placeholder, answer.values())):
        return _wrong(exercise, "replace every `...` in the dict with a status code")
    wrong = []
    for request, hint in STATUS_QUESTIONS.items():
        value = _as_number(answer[request])
        if value is None or value != expected[request]:
            wrong.append(f"{request}: {hint}")
    if not wrong:
        return _correct(exercise, "all four codes right")
    right = len(STATUS_QUESTIONS) - len(wrong)
    return _wrong(exercise, f"{right} of 4 right. " + "; ".join(wrong))


def check_predict_path(answer: Any) -> CheckResult:
    """Ex 6.4: the path that asks the served NAND model for inputs (1, 1)."""
    exercise = "Exercise 6.4 (a prediction URL)"
    if _is_placeholder(answer):
        return _not_attempted(exercise)
    if not isinstance(answer, str):
        return _wrong(exercise, "give the path as a string, e.g. '/predict/AND/0/1'")
    path = "/" + answer.split("://", 1)[-1].split("/", 1)[-1] if "://" in answer else answer
    if path.endswith("/"):
        return _wrong(exercise, "drop the slash at the end: this server's paths never end with /")
    parts = [p for p in path.split("/") if p]
    if len(parts) != 4 or parts[0].lower() != "predict":
        return _wrong(exercise, "the shape is /predict/{gate}/{a}/{b}")
    try:
        gate = normalize_gate_name(parts[1])
    except ValueError:
        return _wrong(exercise, f"{parts[1]!r} is not a gate name")
    if gate != "NAND":
        return _wrong(exercise, f"that asks {gate}; the question is about NAND")
    if parts[2:] != ["1", "1"]:
        return _wrong(exercise, "the inputs are a = 1 and b = 1")
    return _correct(exercise, "GET that path and the server answers NAND(1, 1)")
