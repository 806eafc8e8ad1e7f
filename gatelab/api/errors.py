"""One shape for every error answer, ErrorBody: ``{"detail": "what went wrong, what is allowed"}``.

A validation error (422) adds ``"errors": [{"loc", "msg", "type"}, ...]``, one entry per invalid
part of the request. FastAPI's own answers differ from route to route (its 422 puts a list in
"detail"), so the handlers below turn every expected failure, from the store's exceptions to a
wrong method, into an ErrorBody. Each route lists its error statuses in the OpenAPI document
with `error_responses(...)`. A gate name is only ever looked up among the seven gates, so no
part of a URL becomes a file path.

The sentences are written with `tr(...)`, so a client that sends ``Accept-Language: ko`` reads
them in Korean (gatelab.api.languages picks each request's language); everything else in the
body, the status and the headers stay the same in both languages.
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
from gatelab.language import active_language, tr, translatable
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
# pydantic's messages for the checks a request can fail here, as templates of its `ctx` fields:
# English answers keep pydantic's own text, Korean ones get the catalog's (messages_ko.API).
PYDANTIC_MESSAGES = {
    "missing": translatable("Field required"),
    "extra_forbidden": translatable("Extra inputs are not permitted"),
    "int_type": translatable("Input should be a valid integer"),
    "int_from_float": translatable(
        "Input should be a valid integer, got a number with a fractional part"
    ),
    "float_type": translatable("Input should be a valid number"),
    "finite_number": translatable("Input should be a finite number"),
    "greater_than": translatable("Input should be greater than {gt}"),
    "greater_than_equal": translatable("Input should be greater than or equal to {ge}"),
    "less_than": translatable("Input should be less than {lt}"),
    "less_than_equal": translatable("Input should be less than or equal to {le}"),
    "too_short": translatable("should have at least {min_length} item(s), not {actual_length}"),
    "too_long": translatable("should have at most {max_length} item(s), not {actual_length}"),
    "list_type": translatable("Input should be a valid list"),
    "model_attributes_type": translatable("Input should be a valid dictionary or object"),
    "model_type": translatable("Input should be a valid dictionary or object"),
    "dict_type": translatable("Input should be a valid dictionary"),
}
# Vary: the body's sentences depend on the request's Accept-Language (gatelab.api.languages).
LANGUAGE_HEADERS = {"Vary": "Accept-Language"}


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
    """An ErrorBody response: {"detail": message} (plus "errors" for a validation 422).

    The message is already in the request's language; the headers say which, and that it
    depends on Accept-Language.
    """
    body: dict[str, Any] = {"detail": message}
    if problems is not None:
        body["errors"] = problems
    language = {"Content-Language": active_language(), **LANGUAGE_HEADERS}
    return JSONResponse(body, status_code=status, headers={**language, **(headers or {})})


def validation_error(errors_found: list[dict[str, Any]]) -> JSONResponse:
    """The 422 for invalid input: a sentence naming the first problems, and a list of them."""
    described = [_problem(error) for error in errors_found[:MAX_LISTED_PROBLEMS]]
    sentences = [sentence for _, sentence in described[:3]]
    if len(errors_found) > 3:
        sentences.append(tr("and {count} more", count=len(errors_found) - 3))
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


def _check_message(kind: str, message: str, context: dict[str, Any]) -> str:
    """A failed check's message (pydantic's, or one gatelab wrote), in the active language."""
    if active_language() == "en":
        return message  # as clients have always read it
    written = tr(message)  # gatelab's own problems (routes.py) are in the catalog as they are
    if written != message:
        return written
    template = PYDANTIC_MESSAGES.get(kind)
    if template is None:  # a check gatelab has no Korean for: say so, and quote pydantic
        return tr("invalid value: {message}", message=message)
    try:
        return tr(template, **context) if context else tr(template)
    except (KeyError, IndexError):  # a pydantic version whose ctx lacks a field of ours
        return tr("invalid value: {message}", message=message)


def _problem(error: dict[str, Any]) -> tuple[dict[str, Any], str]:
    """One pydantic/FastAPI validation error as a Problem, and as a sentence."""
    loc = [part if isinstance(part, int) else str(part) for part in error.get("loc", ())]
    kind, message, value = str(error.get("type", "")), str(error.get("msg", "")), error.get("input")
    where = ".".join(str(part) for part in loc)
    if kind == "json_invalid":
        reason = (error.get("ctx") or {}).get("error", "")
        message = tr(
            "not valid JSON ({reason}, at character {position})", reason=reason, position=loc[-1]
        )
        where = "body"
    elif loc == ["body"] and isinstance(value, str | bytes):
        # The usual cause: a JSON text sent without `Content-Type: application/json`.
        message = tr("send a JSON object with the header Content-Type: application/json")
    else:
        message = _check_message(kind, message, error.get("ctx") or {})
        if kind != "missing" and not (
            isinstance(value, list | dict) and len(repr(value)) > MAX_ECHO_CHARS
        ):
            # Quote what was sent, unless it is the whole object (missing) or a long list.
            message = tr("{message}, got {value}", message=message, value=_echo(value))
    return {"loc": loc, "msg": message, "type": kind}, f"{where}: {message}"


def install_error_handlers(app: FastAPI) -> None:
    """Turn every expected failure into a 4xx with a JSON body that says what is allowed."""

    @app.exception_handler(UnknownGateError)
    async def unknown_gate(request: Request, exc: UnknownGateError) -> JSONResponse:
        message = tr(
            "unknown gate {gate}; choose one of: {gates}",
            gate=_echo(exc.name),
            gates=", ".join(GATE_NAMES),
        )
        return error_response(404, message)

    @app.exception_handler(ModelNotFound)
    async def not_trained(request: Request, exc: ModelNotFound) -> JSONResponse:
        gate = _gate_in(request)
        if request.method == "DELETE":
            return error_response(404, tr("there is no stored {gate} model to delete", gate=gate))
        message = tr(
            "no trained model for {gate} yet: train one first with POST /train/{gate}", gate=gate
        )
        return error_response(404, message)

    @app.exception_handler(CorruptModel)
    @app.exception_handler(WrongModelKind)
    async def unreadable(request: Request, exc: StoreError) -> JSONResponse:
        gate = _gate_in(request)
        # str(exc): the store's reason in the request's language (.english would stay English).
        message = tr(
            "the stored {gate} model cannot be used ({reason}); "
            "retrain it with POST /train/{gate} or remove it with DELETE /models/{gate}",
            gate=gate,
            reason=str(exc),
        )
        return error_response(409, message)

    @app.exception_handler(NameInUse)
    async def name_in_use(request: Request, exc: NameInUse) -> JSONResponse:
        # Not the client's mistake, but retrying will not help until someone removes it.
        # str(exc) is in the request's language, never the kernel's (gatelab.api.languages).
        message = tr("cannot store the {gate} model: {reason}", gate=_gate_in(request), reason=exc)
        return error_response(409, message)

    @app.exception_handler(OSError)
    async def storage_unavailable(request: Request, exc: OSError) -> JSONResponse:
        # The model directory is missing, read-only or full: a problem of this server's setup,
        # not of the request, which may succeed once the directory is fixed.
        reason = exc.strerror or type(exc).__name__
        message = tr(
            "the model directory cannot be used ({reason}); see GATELAB_MODEL_DIR", reason=reason
        )
        return error_response(503, message)

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
        trimmed = request.url.path.rstrip("/")
        if trimmed and trimmed != request.url.path and _methods_on(request, trimmed):
            message = tr(
                "no route matches {path}; the routes are listed at /docs "
                "(paths here never end with a slash: {trimmed})",
                path=path,
                trimmed=_shorten(trimmed, 80),
            )
        else:
            message = tr("no route matches {path}; the routes are listed at /docs", path=path)
        return error_response(404, message)
    if exc.status_code == 405:
        given = {key.lower(): value for key, value in (exc.headers or {}).items()}
        allowed = ", ".join(_methods_on(request)) or given.get("allow", "")
        if request.method == "GET":
            template = translatable(
                "{method} is not allowed on {path}; use {allowed} "
                "(typing an address in a browser always sends GET)"
            )
        else:
            template = translatable("{method} is not allowed on {path}; use {allowed}")
        # (No method at all never happens here: a path with a route names its methods.)
        named = allowed or tr("another method")
        message = tr(template, method=request.method, path=path, allowed=named)
        return error_response(405, message, {"Allow": allowed})
    if exc.status_code == 400 and exc.detail == FASTAPI_UNPARSABLE_BODY:
        # FastAPI's answer when the JSON parser itself fails, e.g. on [[[[... nested
        # thousands deep; for the client it is invalid JSON like any other, so a 422.
        problem = {"loc": ["body"], "msg": tr("cannot be read as JSON"), "type": "json_invalid"}
        return error_response(
            422, tr("body: cannot be read as JSON (nested too deeply?)"), None, [problem]
        )
    # Our own HTTPExceptions: their detail was written with tr() in the request's language.
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
