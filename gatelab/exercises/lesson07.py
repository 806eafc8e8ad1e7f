"""Lesson 07's exercises: one request for a whole truth table, which error code and why, and
training a gate on a server that has a key. Each check asks a fresh gatelab API of its own."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from typing import Any

from gatelab.exercises._core import (
    AnswerRaised,
    NothingReturned,
    Wrong,
    exercise,
    is_placeholder,
    run_answer,
)
from gatelab.exercises._shared import as_number, bits_or_none
from gatelab.exercises.lesson06 import client_for, json_or_none
from gatelab.gates import get_gate
from gatelab.language import tr, translatable

# The models of Ex 7.1's server. AND and NOT get one epoch only, so they answer differently from
# their truth tables: only answers asked of the server pass.
BATCH_MODELS = {"AND": {"epochs": 1, "seed": 0}, "XOR": {}, "NOT": {"epochs": 1, "seed": 0}}


@exercise(translatable("Exercise 7.1 (one request for a whole truth table)"))
def check_batch_request(answer: Any) -> str:
    """Ex 7.1: served_answers(client, gate), the served answers for every row in one request."""
    if not callable(answer):
        raise Wrong(tr("pass the function itself: ex.check_batch_request(served_answers)"))
    from gatelab.api import create_app

    with tempfile.TemporaryDirectory() as directory, client_for(create_app(directory)) as client:
        for gate, settings in BATCH_MODELS.items():
            client.post(f"/train/{gate}", json=settings)
        for gate in BATCH_MODELS:
            rows = {"inputs": get_gate(gate).inputs.tolist()}
            served = client.post(f"/predict/{gate}", json=rows).json()["results"]
            _check_batch_answers(answer, client, gate, served)
    return tr(
        "one request per gate, and the server's own answers, even from its undertrained models"
    )


def _check_batch_answers(
    answer: Callable[..., Any], client: Any, gate: str, served: list[int]
) -> None:
    """A ✗ if answer(client, gate) does not ask the server once for `served`."""
    call = f"served_answers(client, {gate!r})"
    sent: list[Any] = []
    answered: list[Any] = []
    # The hooks see every request the student's function sends through the check's client.
    client.event_hooks = {"request": [sent.append], "response": [answered.append]}
    try:
        got = run_answer(answer, client, gate, call=call)
    except AnswerRaised as raised:
        _check_not_refused(call, answered)
        if isinstance(raised.error, TypeError) and "JSON serializable" in str(raised.error):
            raise Wrong(
                tr("JSON holds plain lists, not numpy arrays: turn the rows into lists first")
            ) from None
        raise
    finally:
        client.event_hooks = {"request": [], "response": []}
    if got is None and not sent:
        raise NothingReturned
    if not sent:
        raise Wrong(
            tr(
                "{call} sent no request through `client`: the answers must come from the "
                "server behind the client the check passes in",
                call=call,
            )
        )
    if len(sent) > 1:
        raise Wrong(
            tr(
                "{call} sent {count} requests: one request can carry every row",
                call=call,
                count=len(sent),
            )
        )
    request = sent[0]
    if request.method != "POST" or request.url.path.lower() != f"/predict/{gate.lower()}":
        raise Wrong(
            tr(
                "{call} sent {method} {path}: which route answers many rows at once?",
                call=call,
                method=request.method,
                path=request.url.path,
            )
        )
    _check_not_refused(call, answered)
    if got is None or hasattr(got, "status_code"):
        raise Wrong(tr("return the list of results, not the response"))
    if isinstance(got, dict):
        raise Wrong(tr("return the list of results, not the whole JSON answer"))
    values = bits_or_none(got)
    if values is None:
        raise Wrong(
            tr("{call} returned {got}: return a list of 0s and 1s", call=call, got=repr(got))
        )
    if values == get_gate(gate).targets.tolist() and values != served:
        raise Wrong(
            tr(
                "for {gate} that is the gate's true truth table, but this server's {gate} model "
                "learned too little and answers otherwise: return what the server says",
                gate=gate,
            )
        )
    if values != served:
        raise Wrong(
            tr(
                "for {gate} it returned {got}, but the server answers {served} for the truth "
                "table's rows in order",
                gate=gate,
                got=values,
                served=served,
            )
        )


def _check_not_refused(call: str, answered: list[Any]) -> None:
    """A ✗ with the server's own message if it refused the student's request."""
    if not answered or answered[-1].status_code == 200:
        return
    response = answered[-1]
    response.read()  # a response hook runs before the body is read
    detail = (json_or_none(response) or {}).get("detail", response.text)
    raise Wrong(
        tr(
            "the server answered {code} to the request of {call}: {detail}",
            code=response.status_code,
            call=call,
            detail=detail,
        )
    )


# The requests of Ex 7.2, sent to a new gatelab API that has a key and no trained model yet,
# each with a hint that names the rule without the number (translated when shown).
ERROR_QUESTIONS = {
    "PUT /models/AND": translatable("the path exists, but not with this method"),
    "GET /predict/XOR/0/1": translatable(
        "the gate and the path are right, but what has this new server learned so far?"
    ),
    "GET /predict/OR/0/true": translatable(
        "the route exists and the gate too, but the data does not fit it"
    ),
    "POST /train/AND (no key)": translatable(
        "this request changes the models, on a server that has a key"
    ),
}


@exercise(translatable("Exercise 7.2 (which error, and why)"))
def check_error_codes(answer: Any) -> str:
    """Ex 7.2: the code a new gatelab API with a key gives each request of ERROR_QUESTIONS."""
    if not isinstance(answer, dict) or set(answer) != set(ERROR_QUESTIONS):
        raise Wrong(tr("fill in the dict of the exercise cell: one code per request"))
    if any(map(is_placeholder, answer.values())):
        raise Wrong(tr("replace every `...` in the dict with a status code"))
    from gatelab.api import create_app, generate_key

    expected = {}
    with (
        tempfile.TemporaryDirectory() as directory,
        client_for(create_app(directory, token=generate_key())) as client,
    ):
        for question in ERROR_QUESTIONS:
            method, path = question.split(" ")[:2]  # "(no key)": no header is sent anyway
            expected[question] = client.request(method, path).status_code
    wrong = [
        f"{question}: {tr(hint)}"
        for question, hint in ERROR_QUESTIONS.items()
        if as_number(answer[question]) != expected[question]
    ]
    if wrong:
        right = len(ERROR_QUESTIONS) - len(wrong)
        raise Wrong(tr("{right} of 4 right. {hints}", right=right, hints="; ".join(wrong)))
    return tr("all four codes right")


# The calls Ex 7.3 makes of a student's train_for_class(url, key, gate, seed): two, so that
# neither the gate nor the seed can be written into the function.
CLASS_TRAININGS = [("NAND", 5), ("XOR", 2)]


@exercise(translatable("Exercise 7.3 (train a gate on the class server)"))
def check_train_with_key(answer: Any) -> str:
    """Ex 7.3: train_for_class(url, key, gate, seed) trains on a server that has a key."""
    if not callable(answer):
        raise Wrong(tr("pass the function itself: ex.check_train_with_key(train_for_class)"))
    from gatelab.api import create_app, generate_key
    from gatelab.server import start_server

    key = generate_key()  # new on every check: a key copied from the page cannot pass
    with (
        tempfile.TemporaryDirectory() as directory,
        start_server(create_app(directory, token=key), port=0) as server,
    ):
        for gate, seed in CLASS_TRAININGS:
            _check_class_training(answer, server.url, key, gate, seed)
    return tr("NAND and XOR trained on a server with a key, each with the seed asked")


def _check_class_training(
    answer: Callable[..., Any], url: str, key: str, gate: str, seed: int
) -> None:
    """A ✗ if answer(url, key, gate, seed) did not train `gate` with `seed` on `url`."""
    import httpx

    call = f"train_for_class(url, key, {gate!r}, {seed})"
    try:
        response = run_answer(answer, url, key, gate, seed, call=call)
    except AnswerRaised as raised:
        if not isinstance(raised.error, httpx.HTTPStatusError):
            raise
        response = raised.error.response  # raise_for_status(): judge the answer it refused
    if response is None:
        if httpx.get(f"{url}/models/{gate}", timeout=30).status_code == 404:
            raise NothingReturned  # nothing trained: the body does nothing yet
        raise Wrong(tr("{call} trained, but returned None: return the response", call=call))
    if isinstance(response, dict):
        raise Wrong(tr("return the response itself, not its .json()"))
    request = getattr(response, "request", None)
    if request is None or not hasattr(response, "status_code"):
        raise Wrong(
            tr(
                "{call} returned {got}: return the response of your request",
                call=call,
                got=repr(response),
            )
        )
    sent_to, server = httpx.URL(str(request.url)), httpx.URL(url)
    if (sent_to.host, sent_to.port) != (server.host, server.port):
        raise Wrong(
            tr("the request went to another server: build its address from the `url` argument")
        )
    _check_status(response, call, key)
    stored = httpx.get(f"{url}/models/{gate}", timeout=30)
    if stored.status_code != 200:
        raise Wrong(
            tr(
                "{call} trained something, but not {gate}: the gate is part of the path",
                call=call,
                gate=gate,
            )
        )
    if stored.json().get("seed") != seed:
        raise Wrong(
            tr(
                "{gate} was trained, but not with seed {seed}: the seed goes in the request's "
                "JSON body",
                gate=gate,
                seed=seed,
            )
        )


def _check_status(response: Any, call: str, key: str) -> None:
    """A ✗ that explains a status code other than 200: a missing key, a method, the server's."""
    code = response.status_code
    if code == 401:
        raise Wrong(_key_hint(response.request.headers.get("authorization"), key))
    if code == 405:
        raise Wrong(
            tr(
                "the server answered 405 to {method}: in training the server computes a new "
                "model, and the client sends none (section 2 says which method fits)",
                method=response.request.method,
            )
        )
    if code != 200:
        detail = (json_or_none(response) or {}).get("detail", "")
        raise Wrong(
            tr(
                "the server answered {code} to {call}: {detail}",
                code=code,
                call=call,
                detail=detail,
            )
        )


def _key_hint(header: str | None, key: str) -> str:
    """What was wrong with the key of a request the server refused with a 401."""
    if header is None:
        return tr(
            "the server answered 401: the request carried no key; a server with a key "
            "reads it from one request header (its 401 says which)"
        )
    scheme, _, sent = header.partition(" ")
    if scheme.lower() != "bearer" or not sent:
        return tr(
            "the server answered 401: the Authorization header holds the word Bearer, "
            "a space, then the key"
        )
    if sent.strip() != key:
        return tr(
            "the server answered 401: the request sent a key, but not the one given in "
            "the `key` argument"
        )
    return tr("the server answered 401: read its detail")
