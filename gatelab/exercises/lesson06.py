"""Lesson 06's exercise: a DELETE route added to the student's own gate API. The check asks the
app through FastAPI's TestClient: no server and no port."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from typing import Any

from gatelab.exercises._core import Wrong, exercise
from gatelab.language import tr, translatable


@contextlib.contextmanager
def client_for(app: Any) -> Iterator[Any]:
    """FastAPI's TestClient on `app`: requests go straight to the app, no server and no port."""
    with warnings.catch_warnings():
        # Starlette asks for the httpx2 package; the httpx it finds works the same here.
        warnings.filterwarnings("ignore", message=".*install `httpx2`")
        from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def json_or_none(response: Any) -> Any:
    """The response's JSON, or None if its body is not JSON."""
    try:
        return response.json()
    except ValueError:
        return None


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


@exercise(translatable("Exercise 6.1 (add DELETE /models/{gate})"))
def check_delete_route(answer: Any) -> str:
    """Ex 6.1: the student's app, with DELETE /models/{gate} added to it."""
    if not hasattr(answer, "router") or not callable(answer):
        raise Wrong(tr("pass your FastAPI app itself: answer = app"))
    app = _latest_routes(answer)
    if "POST" not in _methods_on_path(app, "/train/AND"):
        raise Wrong(tr("this app has no POST /train/{gate}: pass the app of your main.py"))
    methods = _methods_on_path(app, "/models/AND")
    if "DELETE" not in methods and methods:
        raise Wrong(
            tr(
                "/models/{{gate}} takes {taken} only: removing is the DELETE method, "
                "so decorate the function with @app.delete(...)",
                taken=", ".join(sorted(methods - {"HEAD"})),
            )
        )
    if "DELETE" not in methods:
        raise Wrong(
            tr("no route matches /models/AND: the path is /models/{gate}, with the gate in braces")
        )
    with client_for(app) as client:
        trained_before = client.get("/predict/AND/0/0").status_code == 200
        try:
            _check_delete_answers(client)
        finally:
            if trained_before:  # the check used AND: leave the app as it found it
                client.post("/train/AND")
    return tr("your API can forget a model, and says 404 when there is none")


def _check_delete_answers(client: Any) -> None:
    """Train AND, delete it, and look at every answer the new route gives."""
    if client.post("/train/AND").status_code != 200:
        raise Wrong(tr("POST /train/AND failed: run the cells that write and import main.py"))
    deleted = client.delete("/models/and")  # small letters: the answer names it AND
    if deleted.status_code >= 500:
        raise Wrong(tr("DELETE /models/AND crashed the route (a 500): read its error"))
    if deleted.status_code != 200:
        raise Wrong(
            tr(
                "DELETE /models/AND of a trained gate answered {code}: a delete that worked "
                "is a 200, FastAPI's answer when the function returns",
                code=deleted.status_code,
            )
        )
    if json_or_none(deleted) != {"deleted": "AND"}:  # the answer the exercise asks for
        raise Wrong(
            tr(
                'DELETE /models/and should answer the JSON {"deleted": "AND"}: '
                "the gate's name in capitals, however it was asked"
            )
        )
    if client.get("/predict/AND/0/0").status_code == 200:
        raise Wrong(
            tr(
                "GET /predict/AND/0/0 still answers after the delete: predict found the "
                "model again, in the `models` dict or in its file"
            )
        )
    again = client.delete("/models/AND")
    if again.status_code != 404:
        code = again.status_code
        said = tr("crashed (a 500)") if code >= 500 else tr("answered {code}", code=code)
        raise Wrong(
            tr(
                "deleting AND a second time {said}: a gate with no model is not found, "
                "so raise HTTPException(404, ...) (trained_model(name) does it)",
                said=said,
            )
        )
    unknown = client.delete("/models/XAND")
    if unknown.status_code != 404:
        raise Wrong(
            tr(
                "DELETE /models/XAND answered {code}: an unknown gate is not found either "
                "(find_gate does that)",
                code=unknown.status_code,
            )
        )
