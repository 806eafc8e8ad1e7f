"""One shape for every error answer, ErrorBody: ``{"detail": "what went wrong, what is allowed"}``.

A validation error (422) adds ``"errors": [{"loc", "msg", "type"}, ...]``, one entry per invalid
part of the request. FastAPI's own answers differ from route to route (its 422 puts a list in
"detail"), so the handlers below turn every expected failure, from the store's exceptions to a
wrong method, into an ErrorBody. Each route lists its error statuses in the OpenAPI document
with `error_responses(...)`. A gate name is only ever looked up among the seven gates, so no
part of a URL becomes a file path.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.routing import Match

from gatelab.api.schemas import MAX_BODY_BYTES, MAX_LISTED_PROBLEMS, ErrorBody
from gatelab.gates import GATE_NAMES, UnknownGateError, normalize_gate_name
from gatelab.store import CorruptModel, ModelNotFound, NameInUse, StoreError, WrongModelKind

# How much of a bad value an error message repeats.
MAX_ECHO_CHARS = 40
# What each error status means here; every one of them has an ErrorBody.
ERROR_MEANINGS: dict[int, str] = {
    401: "Unauthorized: this server needs its key for changes; send the header "
    "`Authorization: Bearer <key>` (in /docs: the Authorize button)",
    404: "Not Found: an unknown gate, or no trained model for it yet (the message says which)",
    405: "Method Not Allowed: this path takes only the methods in the Allow header "
    "(a browser's address bar always sends GET)",
    409: "Conflict: the stored model file cannot be used (retrain it or delete it), or a "
    "directory in the model directory is in the way of saving one",
    413: f"Content Too Large: the body is over {MAX_BODY_BYTES // 1024} KiB",
    422: "Unprocessable Content: the request's data is invalid; `errors` lists each problem",
    503: "Service Unavailable: the model directory cannot be used (see GATELAB_MODEL_DIR)",
}
METHOD_ORDER = {"GET": 0, "HEAD": 1, "POST": 2, "PUT": 3, "PATCH": 4, "DELETE": 5}
# FastAPI's 400 detail when reading the body fails with something other than a JSON error.
FASTAPI_UNPARSABLE_BODY = "There was an error parsing the body"


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI `responses` entry for a route's possible errors."""
    return {
        status: {"model": ErrorBody, "description": ERROR_MEANINGS[status]} for status in statuses
    }


def error_response(
    status: int,
    message: str,
    headers: dict[str, str] | None = None,
    problems: list[dict[str, Any]] | None = None,
) -> JSONResponse:
    """An ErrorBody response: {"detail": message} (plus "errors" for a validation 422)."""
    body: dict[str, Any] = {"detail": message}
    if problems is not None:
        body["errors"] = problems
    return JSONResponse(body, status_code=status, headers=headers)


def validation_error(errors_found: list[dict[str, Any]]) -> JSONResponse:
    """The 422 for invalid input: a sentence naming the first problems, and a list of them."""
    described = [_problem(error) for error in errors_found[:MAX_LISTED_PROBLEMS]]
    sentences = [sentence for _, sentence in described[:3]]
    if len(errors_found) > 3:
        sentences.append(f"and {len(errors_found) - 3} more")
    return error_response(422, "; ".join(sentences), problems=[problem for problem, _ in described])


def _shorten(text: str, limit: int = MAX_ECHO_CHARS) -> str:
    """`text` cut to `limit` characters, so an error never repeats a huge input back."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _echo(value: Any) -> str:
    """A short, printable quote of a client's value: repr shows control characters escaped."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)  # as the client wrote it: null, true, false
    return _shorten(repr(value))


def _gate_in(request: Request) -> str:
    """The gate named in the request's path, canonical when it is one, for error messages."""
    gate = str(request.path_params.get("gate", "?"))
    try:
        return normalize_gate_name(gate)
    except UnknownGateError:
        return _echo(gate)


def _problem(error: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """One pydantic/FastAPI validation error as a Problem, and as a sentence."""
    loc = [part if isinstance(part, int) else str(part) for part in error.get("loc", ())]
    kind, message, value = str(error.get("type", "")), str(error.get("msg", "")), error.get("input")
    where = ".".join(str(part) for part in loc)
    if kind == "json_invalid":
        reason = (error.get("ctx") or {}).get("error", "")
        message = f"not valid JSON ({reason}, at character {loc[-1]})"
        where = "body"
    elif loc == ["body"] and isinstance(value, str | bytes):
        # The usual cause: a JSON text sent without `Content-Type: application/json`.
        message = "send a JSON object with the header Content-Type: application/json"
    elif kind != "missing" and not (
        isinstance(value, list | dict) and len(repr(value)) > MAX_ECHO_CHARS
    ):
        # Quote what was sent, unless it is the whole object (missing) or a long list.
        message = f"{message}, got {_echo(value)}"
    return {"loc": loc, "msg": message, "type": kind}, f"{where}: {message}"


def install_error_handlers(app: FastAPI) -> None:
    """Turn every expected failure into a 4xx with a JSON body that says what is allowed."""

    @app.exception_handler(UnknownGateError)
    async def unknown_gate(request: Request, exc: UnknownGateError) -> JSONResponse:
        return error_response(
            404, f"unknown gate {_echo(exc.name)}; choose one of: {', '.join(GATE_NAMES)}"
        )

    @app.exception_handler(ModelNotFound)
    async def not_trained(request: Request, exc: ModelNotFound) -> JSONResponse:
        gate = _gate_in(request)
        if request.method == "DELETE":
            return error_response(404, f"there is no stored {gate} model to delete")
        message = f"no trained model for {gate} yet: train one first with POST /train/{gate}"
        return error_response(404, message)

    @app.exception_handler(CorruptModel)
    @app.exception_handler(WrongModelKind)
    async def unreadable(request: Request, exc: StoreError) -> JSONResponse:
        gate = _gate_in(request)
        return error_response(
            409,
            f"the stored {gate} model cannot be used ({exc.english}); "
            f"retrain it with POST /train/{gate} or remove it with DELETE /models/{gate}",
        )

    @app.exception_handler(NameInUse)
    async def name_in_use(request: Request, exc: NameInUse) -> JSONResponse:
        # Not the client's mistake, but retrying will not help until someone removes it.
        # .english: API bodies are a protocol and stay English whatever language a kernel shows.
        return error_response(409, f"cannot store the {_gate_in(request)} model: {exc.english}")

    @app.exception_handler(OSError)
    async def storage_unavailable(request: Request, exc: OSError) -> JSONResponse:
        # The model directory is missing, read-only or full: a problem of this server's setup,
        # not of the request, which may succeed once the directory is fixed.
        reason = exc.strerror or type(exc).__name__
        return error_response(
            503, f"the model directory cannot be used ({reason}); see GATELAB_MODEL_DIR"
        )

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # One shape for every error: FastAPI's own 422 has a list as "detail" (and would crash
        # with a 500 on {"learning_rate": 1e999}, echoing an infinity that JSON cannot hold).
        return validation_error(list(exc.errors()))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return _http_error(request, exc)


def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
    """An HTTPException (ours or Starlette's 404/405) as an ErrorBody that says what to do."""
    path = _shorten(request.url.path, 80)
    if exc.status_code == 404 and exc.detail == "Not Found":
        message = f"no route matches {path}; the routes are listed at /docs"
        trimmed = request.url.path.rstrip("/")
        if trimmed and trimmed != request.url.path and _methods_on(request, trimmed):
            message += f" (paths here never end with a slash: {_shorten(trimmed, 80)})"
        return error_response(404, message)
    if exc.status_code == 405:
        given = {key.lower(): value for key, value in (exc.headers or {}).items()}
        allowed = ", ".join(_methods_on(request)) or given.get("allow", "another method")
        message = f"{request.method} is not allowed on {path}; use {allowed}"
        if request.method == "GET":
            message += " (typing an address in a browser always sends GET)"
        return error_response(405, message, {"Allow": allowed})
    if exc.status_code == 400 and exc.detail == FASTAPI_UNPARSABLE_BODY:
        # FastAPI's answer when the JSON parser itself fails, e.g. on [[[[... nested
        # thousands deep; for the client it is invalid JSON like any other, so a 422.
        problem = {"loc": ["body"], "msg": "cannot be read as JSON", "type": "json_invalid"}
        return error_response(
            422, "body: cannot be read as JSON (nested too deeply?)", None, [problem]
        )
    return error_response(exc.status_code, str(exc.detail), exc.headers)


def _methods_on(request: Request, path: str | None = None) -> list[str]:
    """Every method some route takes on the request's path (or `path`), e.g. ["GET", "DELETE"].

    Starlette's own 405 names only the first matching route's methods, so GET and DELETE
    /models/{gate} would each claim to be the only one.
    """
    scope = request.scope if path is None else {**request.scope, "path": path}
    methods: set[str] = set()
    for route in request.app.router.routes:
        route_methods = getattr(route, "methods", None)
        if route_methods and route.matches(scope)[0] != Match.NONE:
            methods |= route_methods
    return sorted(methods, key=lambda method: (METHOD_ORDER.get(method, 9), method))
