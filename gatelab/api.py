"""The gate API (lesson 06): train, ask and inspect logic-gate models over HTTP with FastAPI.

Run it with ``gatelab serve`` or ``uvicorn gatelab.api:app``; in a notebook use
``gatelab.server.start_server``. The interactive docs are at ``/docs`` and work offline: Swagger
UI's and ReDoc's files (from the fastapi-offline package) are served by the app itself, never
fetched from a CDN.

Where models live: the directory named by the environment variable ``GATELAB_MODEL_DIR`` or,
when it is unset, ``platformdirs.user_data_dir("gatelab")/models`` (on Linux
``~/.local/share/gatelab/models``). Never the package and never the current directory. The
files are the model store's JSON and safetensors files (gatelab.store), so nothing is unpickled.

Speed: a gate's inputs are bits, so a two-input gate can only be asked four questions. When a
model is loaded the server asks it all of them once and answers requests from that table in
memory: no disk read, no numpy and no torch per request. Every half second at most, a request
checks the file's stat-based version, so a model retrained by another process that shares the
directory (another uvicorn worker, ``gatelab train``) is picked up within about half a second.

Errors: every error answer is JSON of one shape, ErrorBody: ``{"detail": "what went wrong and
what is allowed"}``, plus ``"errors": [{"loc", "msg", "type"}, ...]`` for an invalid request
(422). Each route lists its error statuses in the OpenAPI document. A gate name is only ever
looked up among the seven gates, so no part of a URL becomes a file path. A request body over
64 KiB (1024 rows need at most about 50 KB) gets a 413 without being read into memory.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Body, Depends, FastAPI, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from starlette.exceptions import HTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gatelab import __version__
from gatelab.gates import GATE_NAMES, LINEAR_GATES, UnknownGateError, get_gate, normalize_gate_name
from gatelab.store import (
    CorruptModel,
    ModelNotFound,
    ModelStore,
    NameInUse,
    StoreError,
    WrongModelKind,
)

MODEL_DIR_ENV = "GATELAB_MODEL_DIR"
# How stale a cached model may get before a request checks the file again (seconds).
CHECK_INTERVAL = 0.5
MAX_BATCH_ROWS = 1024
# The largest request body read at all: 1024 rows of JSON take about 8 KB (30 KB pretty-printed).
MAX_BODY_BYTES = 64 * 1024
# How many problems a 422 lists, and how much of a bad value an error message repeats.
MAX_LISTED_PROBLEMS = 20
MAX_ECHO_CHARS = 40
MAX_SEED = 2**32 - 1
DOCS_ASSETS_URL = "/docs-assets"
# Looked up on every request, so computed once: how many inputs each gate takes.
ARITY: dict[str, int] = {name: get_gate(name).arity for name in GATE_NAMES}


def default_model_dir() -> Path:
    """$GATELAB_MODEL_DIR if set, else the per-user data directory's 'models' folder."""
    configured = os.environ.get(MODEL_DIR_ENV)
    if configured:
        return Path(configured).expanduser()
    import platformdirs  # imported here: only needed when no directory was given

    return Path(platformdirs.user_data_dir("gatelab")) / "models"


# ----- request and response bodies ------------------------------------------------------------
def _whole_float_as_int(value: Any) -> Any:
    """3.0 becomes 3: in JSON (and its schemas) they are the same number; 2.5 stays a float."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# Whole numbers in a JSON body: 3 or 3.0, never "3", true or 2.5 (strict after the step above).
AS_INT = BeforeValidator(_whole_float_as_int)
Seed = Annotated[int, Field(ge=0, le=MAX_SEED, strict=True), AS_INT]
Epochs = Annotated[int, Field(ge=1, le=10_000, strict=True), AS_INT]


class TrainSettings(BaseModel):
    """Optional training settings; anything left out uses the gate's default."""

    # strict: "3" or true for a seed is a mistake to report, not to guess at; extra keys too.
    model_config = ConfigDict(extra="forbid", strict=True)

    seed: Seed = Field(0, description="random seed for the starting weights")
    epochs: Epochs | None = Field(
        None, description="most passes over the truth table (default 100 or 300)"
    )
    learning_rate: float | None = Field(
        None,
        gt=0,
        le=10,
        allow_inf_nan=False,
        description="step size (default 0.1 for a perceptron, 0.05 for an MLP)",
    )


class TrainResult(BaseModel):
    """What was trained and how well it learned the truth table."""

    gate: str
    kind: Literal["perceptron", "mlp"]
    seed: int
    learning_rate: float
    max_epochs: int
    epochs_run: int
    converged: bool
    accuracy: float = Field(description="fraction of the truth table answered right")
    parameters: int = Field(description="how many numbers the model learned")


# A gate in a URL: any case, checked by the route so the 404 can list the gates.
GATE_DESCRIPTION = f"one of {', '.join(GATE_NAMES)}, in any case"
GateName = Annotated[str, PathParam(description=GATE_DESCRIPTION, examples=["AND"])]
# A bit in a URL is exactly "0" or "1": "1.0", "+1" or "01" are refused rather than guessed at.
BIT_TEXTS = ("0", "1")
# A bit in a JSON body is the number 0 or 1 (1.0 is the same number; true and "1" are refused).
Bit = Annotated[int, Field(ge=0, le=1, strict=True), AS_INT]
# A row of a batch: one bit (NOT) or two (the other gates); the route checks which.
Row = Annotated[list[Bit], Field(min_length=1, max_length=2)]


class Prediction(BaseModel):
    """One answer of a gate."""

    gate: str
    inputs: list[int]
    result: int


class BatchRequest(BaseModel):
    """Several rows of input bits to answer at once."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"inputs": [[0, 1], [1, 1]]}]}
    )

    inputs: list[Row] = Field(min_length=1, max_length=MAX_BATCH_ROWS)


class BatchPrediction(BaseModel):
    """The gate's answer for each row, in order."""

    gate: str
    results: list[int]


class GateSummary(BaseModel):
    """A gate, how many inputs it takes, which model learns it, and whether one is stored."""

    gate: str
    arity: int
    model: Literal["perceptron", "mlp"]
    trained: bool


class Architecture(BaseModel):
    """An MLP's shape: what is needed to rebuild it before loading its weights."""

    model_config = ConfigDict(extra="allow")

    n_inputs: int
    hidden_size: int
    activation: str = Field(description="tanh, relu or sigmoid")


class ModelInfo(BaseModel):
    """A stored model's metadata: what it is, how it was trained and how well it learned."""

    # A model saved from Python with ModelStore.save(..., note="...") carries its extra keys
    # too: they are shown as stored. The optional fields below are left out when not stored.
    model_config = ConfigDict(extra="allow")

    gate: str
    kind: Literal["perceptron", "mlp"]
    parameters: int = Field(description="how many numbers the model learned")
    seed: int | None = Field(description="random seed for the starting weights, if known")
    epochs: int | None = Field(description="epochs the training ran, if known")
    trained_at: str = Field(description="when it was saved, in UTC (ISO 8601)")
    format_version: int = Field(description="version of the model file's format")
    accuracy: float | None = Field(None, description="fraction of the truth table answered right")
    learning_rate: float | None = Field(None, description="step size used in training")
    max_epochs: int | None = Field(None, description="most epochs the training allowed")
    converged: bool | None = Field(None, description="perceptron: an error-free pass happened")
    architecture: Architecture | None = Field(None, description="MLP: its shape")


class About(BaseModel):
    """What this server is, which gates it knows, and where its documentation is."""

    name: str
    version: str
    gates: list[str]
    docs: str = Field(description="path of the interactive documentation page")
    openapi: str = Field(description="path of the OpenAPI document")


class Deleted(BaseModel):
    """The gate whose stored model was deleted."""

    deleted: str


class Health(BaseModel):
    """The server is up."""

    status: Literal["ok"]


class Problem(BaseModel):
    """One invalid part of a request: where it is and what is wrong with it."""

    model_config = ConfigDict(extra="forbid")  # documents that nothing else is in it

    loc: list[str | int] = Field(description='where, e.g. ["path", "b"] or ["body", "epochs"]')
    msg: str = Field(description="what is wrong with it")
    type: str = Field(description="the kind of problem, e.g. literal_error or missing")


class ErrorBody(BaseModel):
    """Every error answer has this shape: a sentence saying what went wrong and what is allowed."""

    model_config = ConfigDict(extra="forbid")  # documents that nothing else is in it

    detail: str = Field(description="what went wrong and what to send instead")
    errors: list[Problem] | None = Field(
        None,
        description=f"for a validation 422: each invalid part (at most {MAX_LISTED_PROBLEMS})",
    )


# ----- the in-memory models -------------------------------------------------------------------
@dataclass
class ServedModel:
    """A loaded model's answer to every possible input, plus the version it was loaded from."""

    gate: str
    answers: dict[tuple[int, ...], int]
    version: tuple | None
    checked_at: float = field(default_factory=time.monotonic)


def kind_for(gate: str) -> Literal["perceptron", "mlp"]:
    """Which model learns the gate: a perceptron for linear gates, the MLP for XOR and XNOR."""
    return "perceptron" if gate in LINEAR_GATES else "mlp"


class GateService:
    """Trains models into a ModelStore and answers predictions from an in-memory cache."""

    def __init__(self, model_dir: str | os.PathLike | None = None) -> None:
        self._model_dir = model_dir
        self._store: ModelStore | None = None
        self._models: dict[str, ServedModel] = {}
        # Loads and training swaps take this lock; predictions only read the dict.
        self._lock = threading.Lock()
        self._store_lock = threading.Lock()
        # One training at a time per process: parallel trainings would only fight each other and
        # the predictions for the interpreter lock (measured: predict p99 183 ms → 41 ms with it).
        self._training = threading.Lock()

    @property
    def store(self) -> ModelStore:
        """The model store, created (with its directory) on first use, not at import."""
        if self._store is None:
            with self._store_lock:
                if self._store is None:
                    directory = self._model_dir or default_model_dir()
                    self._store = ModelStore(directory)
        return self._store

    # ----- prediction -------------------------------------------------------------------------
    def fresh(self, gate: str) -> ServedModel | None:
        """The cached model if it is known to be current, else None (a load is needed)."""
        served = self._models.get(gate)
        if served is None:
            return None
        now = time.monotonic()
        if now - served.checked_at < CHECK_INTERVAL:
            return served
        if self.store.version(gate) == served.version:
            served.checked_at = now
            return served
        return None

    def served(self, gate: str) -> ServedModel:
        """The gate's current model, loading it if needed (may read disk; may import torch)."""
        return self.fresh(gate) or self.reload(gate)

    def reload(self, gate: str) -> ServedModel:
        """Load the stored model into the cache; ModelNotFound/CorruptModel/... if it cannot be."""
        with self._lock:
            served = self._models.get(gate)
            version = self.store.version(gate)
            if served is not None and served.version == version and version is not None:
                served.checked_at = time.monotonic()  # another thread loaded it meanwhile
                return served
            try:
                # Version first, then the file: if a save lands in between, the cache holds the
                # newer model under the older version, and the next check simply loads it again.
                model = self.store.load(gate)
            except StoreError:
                self._models.pop(gate, None)  # never keep serving a model that is gone
                raise
            served = ServedModel(gate, answer_table(gate, model), version)
            self._models[gate] = served  # one assignment: readers see the old or the new entry
            return served

    def predict(self, gate: str, rows: list[tuple[int, ...]]) -> list[int]:
        """Answer each row with the gate's current model (rows must have the gate's arity)."""
        answers = self.served(gate).answers
        return [answers[row] for row in rows]

    # ----- training and forgetting ------------------------------------------------------------
    def train(self, gate: str, settings: TrainSettings | None = None) -> TrainResult:
        """Train the gate's model, store it, and serve it from now on (one training at a time)."""
        with self._training:
            return self._train(gate, settings or TrainSettings())

    def _train(self, gate: str, settings: TrainSettings) -> TrainResult:
        """Fit, save and reload; train() makes sure only one thread is here at a time."""
        kind = kind_for(gate)
        # Only the settings the client gave; the training functions default the rest.
        options = settings.model_dump(exclude_none=True, exclude={"seed"})
        if kind == "perceptron":
            from gatelab.perceptron import train_gate

            model = train_gate(gate, seed=settings.seed, **options)
            max_epochs, learning_rate = model.epochs, model.learning_rate
            epochs_run, converged = model.epochs_run_, model.converged_
        else:
            from gatelab.mlp import train_gate_mlp  # imports torch, only when an MLP is trained

            result = train_gate_mlp(gate, seed=settings.seed, **options)
            model, max_epochs, learning_rate = result.model, result.epochs, result.learning_rate
            epochs_run, converged = result.epochs, None  # decided from the accuracy below
        info = self.store.save(
            gate,
            model,
            seed=settings.seed,
            epochs=epochs_run,
            learning_rate=float(learning_rate),
            max_epochs=max_epochs,
        )
        accuracy = float(info["accuracy"])
        # The same path another worker takes to pick the new file up, so all of them agree.
        self.reload(gate)
        return TrainResult(
            gate=gate,
            kind=kind,
            seed=settings.seed,
            learning_rate=float(learning_rate),
            max_epochs=max_epochs,
            epochs_run=epochs_run,
            # A perceptron has converged after an error-free pass; the MLP when it gets all rows.
            converged=accuracy == 1.0 if converged is None else converged,
            accuracy=accuracy,
            parameters=info["parameters"],
        )

    def forget(self, gate: str) -> None:
        """Delete the gate's stored model and drop it from the cache (ModelNotFound if absent)."""
        with self._lock:
            self._models.pop(gate, None)
            self.store.delete(gate)


def answer_table(gate: str, model: Any) -> dict[tuple[int, ...], int]:
    """Ask the model every possible input of the gate once: {(0, 1): 1, ...}."""
    inputs = get_gate(gate).inputs
    outputs = model.predict(inputs)
    return {tuple(int(bit) for bit in row): int(out) for row, out in zip(inputs, outputs)}


# ----- error responses ------------------------------------------------------------------------
# What each error status means here; every one of them has an ErrorBody.
ERROR_MEANINGS: dict[int, str] = {
    404: "Not Found: an unknown gate, or no trained model for it yet (the message says which)",
    405: "Method Not Allowed: this path takes only the methods in the Allow header "
    "(a browser's address bar always sends GET)",
    409: "Conflict: the stored model file cannot be used (retrain it or delete it), or a "
    "directory in the model directory is in the way of saving one",
    413: f"Content Too Large: the body is over {MAX_BODY_BYTES // 1024} KiB",
    422: "Unprocessable Content: the request's data is invalid; `errors` lists each problem",
    503: "Service Unavailable: the model directory cannot be used (see GATELAB_MODEL_DIR)",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI `responses` entry for a route's possible errors."""
    return {
        status: {"model": ErrorBody, "description": ERROR_MEANINGS[status]} for status in statuses
    }


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


def _error(
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


def validation_error(errors_found: list[dict[str, Any]]) -> JSONResponse:
    """The 422 for invalid input: a sentence naming the first problems, and a list of them."""
    described = [_problem(error) for error in errors_found[:MAX_LISTED_PROBLEMS]]
    sentences = [sentence for _, sentence in described[:3]]
    if len(errors_found) > 3:
        sentences.append(f"and {len(errors_found) - 3} more")
    return _error(422, "; ".join(sentences), problems=[problem for problem, _ in described])


def _install_error_handlers(app: FastAPI) -> None:
    """Turn every expected failure into a 4xx with a JSON body that says what is allowed."""

    @app.exception_handler(UnknownGateError)
    async def unknown_gate(request: Request, exc: UnknownGateError) -> JSONResponse:
        return _error(
            404, f"unknown gate {_echo(exc.name)}; choose one of: {', '.join(GATE_NAMES)}"
        )

    @app.exception_handler(ModelNotFound)
    async def not_trained(request: Request, exc: ModelNotFound) -> JSONResponse:
        gate = _gate_in(request)
        if request.method == "DELETE":
            return _error(404, f"there is no stored {gate} model to delete")
        message = f"no trained model for {gate} yet: train one first with POST /train/{gate}"
        return _error(404, message)

    @app.exception_handler(CorruptModel)
    @app.exception_handler(WrongModelKind)
    async def unreadable(request: Request, exc: StoreError) -> JSONResponse:
        gate = _gate_in(request)
        return _error(
            409,
            f"the stored {gate} model cannot be used ({exc}); "
            f"retrain it with POST /train/{gate} or remove it with DELETE /models/{gate}",
        )

    @app.exception_handler(NameInUse)
    async def name_in_use(request: Request, exc: NameInUse) -> JSONResponse:
        # Not the client's mistake, but retrying will not help until someone removes it.
        return _error(409, f"cannot store the {_gate_in(request)} model: {exc}")

    @app.exception_handler(OSError)
    async def storage_unavailable(request: Request, exc: OSError) -> JSONResponse:
        # The model directory is missing, read-only or full: a problem of this server's setup,
        # not of the request, which may succeed once the directory is fixed.
        reason = exc.strerror or type(exc).__name__
        return _error(503, f"the model directory cannot be used ({reason}); see GATELAB_MODEL_DIR")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # One shape for every error: FastAPI's own 422 has a list as "detail" (and would crash
        # with a 500 on {"learning_rate": 1e999}, echoing an infinity that JSON cannot hold).
        return validation_error(list(exc.errors()))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        path = _shorten(request.url.path, 80)
        if exc.status_code == 404 and exc.detail == "Not Found":
            message = f"no route matches {path}; the routes are listed at /docs"
            trimmed = request.url.path.rstrip("/")
            if trimmed and trimmed != request.url.path and _methods_on(request, trimmed):
                message += f" (paths here never end with a slash: {_shorten(trimmed, 80)})"
            return _error(404, message)
        if exc.status_code == 405:
            given = {key.lower(): value for key, value in (exc.headers or {}).items()}
            allowed = ", ".join(_methods_on(request)) or given.get("allow", "another method")
            message = f"{request.method} is not allowed on {path}; use {allowed}"
            if request.method == "GET":
                message += " (typing an address in a browser always sends GET)"
            return _error(405, message, {"Allow": allowed})
        if exc.status_code == 400 and exc.detail == FASTAPI_UNPARSABLE_BODY:
            # FastAPI's answer when the JSON parser itself fails, e.g. on [[[[... nested
            # thousands deep; for the client it is invalid JSON like any other, so a 422.
            problem = {"loc": ["body"], "msg": "cannot be read as JSON", "type": "json_invalid"}
            return _error(422, "body: cannot be read as JSON (nested too deeply?)", None, [problem])
        return _error(exc.status_code, str(exc.detail), exc.headers)


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


METHOD_ORDER = {"GET": 0, "HEAD": 1, "POST": 2, "PUT": 3, "PATCH": 4, "DELETE": 5}
# FastAPI's 400 detail when reading the body fails with something other than a JSON error.
FASTAPI_UNPARSABLE_BODY = "There was an error parsing the body"


# ----- request body size ----------------------------------------------------------------------
class BodyTooLarge(HTTPException):
    """A request body over the limit: 413, and the connection is closed after the answer."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            413,
            f"the request body is over the {limit // 1024} KiB limit; "
            f"POST /predict takes at most {MAX_BATCH_ROWS} rows per request",
            # The client may still be sending the rest: do not read it, end the connection.
            headers={"Connection": "close"},
        )


class BodySizeLimit:
    """Pure ASGI middleware: a body over `limit` bytes gets a 413 without being read into memory.

    A declared Content-Length over the limit is refused before any of the body is read; a
    streamed (chunked) body is counted as it arrives and refused as soon as it passes the limit.
    Requests without a body (every GET a browser sends) pass straight through.
    """

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared: bytes | None = None
        streamed = False
        for key, value in scope["headers"]:
            if key == b"content-length":
                declared = value
            elif key == b"transfer-encoding":
                streamed = True
        if declared is None and not streamed:  # no body: nothing to check, the fast path
            await self.app(scope, receive, send)
            return
        if declared is not None and not declared.isdigit():
            response = _error(400, "the Content-Length header must be a whole number of bytes")
            await response(scope, receive, send)
            return
        too_large = BodyTooLarge(self.limit)
        if declared is not None and int(declared) > self.limit:
            response = _error(413, str(too_large.detail), too_large.headers)
            await response(scope, receive, send)
            return
        received = 0

        async def counted_receive() -> Message:
            """The next piece of the body, refused once the total passes the limit."""
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:  # also catches a body longer than it declared
                    raise too_large  # FastAPI hands it to the HTTPException handler: a 413
            return message

        await self.app(scope, counted_receive, send)


# ----- offline docs ---------------------------------------------------------------------------
def _docs_assets_dir() -> Path:
    """Swagger UI's and ReDoc's JavaScript and CSS, shipped by the fastapi-offline package."""
    import fastapi_offline  # imported here: only the docs need its files

    return Path(fastapi_offline.__file__).parent / "static"


def _install_offline_docs(app: FastAPI) -> None:
    """Serve /docs and /redoc with files from this app, so both work without internet."""
    app.mount(DOCS_ASSETS_URL, StaticFiles(directory=_docs_assets_dir()), name="docs-assets")
    redirect_url = "/docs/oauth2-redirect"

    @app.get("/docs", include_in_schema=False)
    async def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - Swagger UI",
            oauth2_redirect_url=f"{root}{redirect_url}",
            swagger_js_url=f"{root}{DOCS_ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{DOCS_ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{root}{DOCS_ASSETS_URL}/favicon.png",
            # Without this, Swagger UI shows a badge image fetched from swagger.io's online
            # validator (sending it our spec's address) whenever the page is not on localhost.
            swagger_ui_parameters={"validatorUrl": None},
        )

    @app.get(redirect_url, include_in_schema=False)
    async def swagger_ui_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get("/redoc", include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_redoc_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{root}{DOCS_ASSETS_URL}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{DOCS_ASSETS_URL}/favicon.png",
            with_google_fonts=False,  # fonts from Google would be a CDN request
        )


# ----- the routes -----------------------------------------------------------------------------
TAGS = [
    {"name": "predict", "description": "Ask a trained gate: GET for one answer, POST for many."},
    {"name": "models", "description": "Train, inspect and delete the stored models."},
    {"name": "about", "description": "What this server is and which gates it knows."},
]


def _gate_name(gate: str) -> str:
    """The canonical gate name (any case accepted); UnknownGateError -> 404 otherwise."""
    return normalize_gate_name(gate)


def _path_parameter(name: str, description: str, **schema: Any) -> dict[str, Any]:
    """One path parameter written the way FastAPI documents a typed one."""
    schema = {"type": "string", **schema, "description": description, "title": name.title()}
    return {
        "name": name,
        "in": "path",
        "required": True,
        "schema": schema,
        "description": description,
    }


def _bit_parameter(name: str) -> dict[str, Any]:
    """A path parameter that must be the text "0" or "1"."""
    return _path_parameter(name, "an input bit: 0 or 1", enum=list(BIT_TEXTS))


TWO_BITS_PARAMETERS = [
    _path_parameter("gate", GATE_DESCRIPTION, examples=["AND"]),
    _bit_parameter("a"),
    _bit_parameter("b"),
]
# The one-input route's gate: the docs' "Try it out" starts from NOT, the gate that fits it.
ONE_BIT_PARAMETERS = [
    _path_parameter("gate", "NOT (the one gate with one input), in any case", examples=["NOT"]),
    _bit_parameter("x"),
]


def _bits_in_path(request: Request, names: tuple[str, ...]) -> tuple[int, ...]:
    """The bits named in the URL, or a 422 worded as FastAPI words a wrong path parameter."""
    texts = [request.path_params[name] for name in names]
    problems = [
        {
            "type": "literal_error",
            "loc": ("path", name),
            "msg": "Input should be '0' or '1'",
            "input": text,
        }
        for name, text in zip(names, texts)
        if text not in BIT_TEXTS
    ]
    if problems:
        raise RequestValidationError(problems)
    return tuple(int(text) for text in texts)


def _check_arity(gate: str, given: int) -> None:
    """422 unless the gate takes `given` inputs, with the route it does take."""
    arity = ARITY[gate]
    if given != arity:
        route = f"/predict/{gate}/{{x}}" if arity == 1 else f"/predict/{gate}/{{a}}/{{b}}"
        raise HTTPException(422, f"{gate} takes {arity} input(s), got {given}: use GET {route}")


def _add_prediction_routes(app: FastAPI, service: GateService) -> None:
    """GET /predict/{gate}/{a}/{b}, GET /predict/{gate}/{x} (NOT) and POST /predict/{gate}."""

    async def answers_for(name: str) -> dict[tuple[int, ...], int]:
        """The cached answers; a (rare) load runs in a worker thread so it blocks nobody."""
        served = service.fresh(name) or await run_in_threadpool(service.reload, name)
        return served.answers

    async def one_answer(request: Request, names: tuple[str, ...]) -> JSONResponse:
        """The gate's answer for the bits named in the URL (both GET routes end here)."""
        row = _bits_in_path(request, names)  # bits first, as FastAPI would check them
        name = _gate_name(request.path_params["gate"])
        _check_arity(name, len(row))
        answers = await answers_for(name)
        return JSONResponse({"gate": name, "inputs": list(row), "result": answers[row]})

    # The hot path. `async def` and no disk access: an answer is a dictionary lookup on the
    # event loop. FastAPI's per-parameter validation took a third of this route's time (make
    # bench), so the GET routes read their path parameters from the request, check them in
    # _bits_in_path, and document them in openapi_extra. They return a JSONResponse themselves;
    # response_model only documents its shape.
    @app.get(
        "/predict/{gate}/{a}/{b}",
        tags=["predict"],
        response_model=Prediction,
        responses=error_responses(404, 405, 409, 422, 503),
        openapi_extra={"parameters": TWO_BITS_PARAMETERS},
    )
    async def predict_two(request: Request) -> JSONResponse:
        """Ask a two-input gate, e.g. GET /predict/AND/1/1 (any case: /predict/and/1/1)."""
        return await one_answer(request, ("a", "b"))

    @app.get(
        "/predict/{gate}/{x}",
        tags=["predict"],
        response_model=Prediction,
        responses=error_responses(404, 405, 409, 422, 503),
        openapi_extra={"parameters": ONE_BIT_PARAMETERS},
    )
    async def predict_one(request: Request) -> JSONResponse:
        """Ask a one-input gate: GET /predict/NOT/0 (any case: /predict/not/0)."""
        return await one_answer(request, ("x",))

    @app.post(
        "/predict/{gate}", tags=["predict"], responses=error_responses(404, 405, 409, 413, 422, 503)
    )
    async def predict_batch(gate: GateName, body: BatchRequest) -> BatchPrediction:
        """Answer up to 1024 rows at once: {"inputs": [[0, 1], [1, 1]]}."""
        name = _gate_name(gate)
        arity = ARITY[name]
        for number, row in enumerate(body.inputs):
            if len(row) != arity:
                message = f"row {number} has {len(row)} bit(s); {name} takes {arity} per row"
                raise HTTPException(422, message)
        answers = await answers_for(name)
        return BatchPrediction(gate=name, results=[answers[tuple(row)] for row in body.inputs])


async def refuse_a_null_body(request: Request) -> None:
    """422 for the JSON body `null`: FastAPI would take it for no body at all (the defaults)."""
    body = await request.body()  # already read and cached by FastAPI: no second read
    if body.strip() == b"null":
        raise RequestValidationError(
            [
                {
                    "loc": ("body",),
                    "msg": 'must be a JSON object such as {"seed": 0} (send no body for the '
                    "defaults)",
                    "type": "model_attributes_type",  # pydantic's name for "not an object"
                    "input": None,
                }
            ]
        )


def _add_model_routes(app: FastAPI, service: GateService) -> None:
    """POST /train/{gate}, GET /models, GET and DELETE /models/{gate}."""

    @app.post(
        "/train/{gate}",
        tags=["models"],
        responses=error_responses(404, 405, 409, 413, 422, 503),
        dependencies=[Depends(refuse_a_null_body)],
    )
    def train(
        gate: GateName,
        # TrainSettings, not `TrainSettings | None`: the documented body is then an object, and
        # the default None keeps it optional (no body: the defaults; `null` is refused above).
        settings: Annotated[
            TrainSettings,
            Body(
                openapi_examples={
                    "defaults": {"summary": "the gate's default settings", "value": {"seed": 0}},
                    "custom": {
                        "summary": "a chosen seed, epochs and learning rate",
                        "value": {"seed": 3, "epochs": 50, "learning_rate": 0.5},
                    },
                }
            ),
        ] = None,
    ) -> TrainResult:
        """Train the gate (any case), store the model and serve it. The body is optional."""
        # A plain `def`: FastAPI runs it in a worker thread, so training never blocks requests.
        return service.train(_gate_name(gate), settings)

    # exclude_unset: a model's metadata as stored, without nulls for keys it does not have.
    @app.get(
        "/models",
        tags=["models"],
        responses=error_responses(405, 503),
        response_model_exclude_unset=True,
    )
    def list_models() -> list[ModelInfo]:
        """Metadata of every stored model."""
        found = []
        for metadata in service.store.list():
            with contextlib.suppress(CorruptModel):  # as store.list() skips unreadable files
                found.append(model_info_from(metadata))
        return found

    @app.get(
        "/models/{gate}",
        tags=["models"],
        responses=error_responses(404, 405, 409, 422, 503),
        response_model_exclude_unset=True,
    )
    def model_info(gate: GateName) -> ModelInfo:
        """The stored model's metadata: kind, seed, epochs, accuracy, when it was trained."""
        return model_info_from(service.store.info(_gate_name(gate)))

    @app.delete("/models/{gate}", tags=["models"], responses=error_responses(404, 405, 422, 503))
    def forget_model(gate: GateName) -> Deleted:
        """Delete the stored model; predictions then answer 404 until it is trained again."""
        name = _gate_name(gate)
        service.forget(name)
        return Deleted(deleted=name)


def model_info_from(metadata: dict[str, Any]) -> ModelInfo:
    """The stored metadata as a ModelInfo; CorruptModel (a 409) if it does not fit one."""
    try:
        return ModelInfo.model_validate(metadata)
    except ValidationError as exc:  # the store checks these keys, so only a hand-edited file
        raise CorruptModel(f"its metadata does not fit: {exc.errors()[0]['msg']}") from None


def _add_about_routes(app: FastAPI, service: GateService) -> None:
    """GET /, GET /gates and GET /health."""

    @app.get("/", tags=["about"], responses=error_responses(405))
    def about() -> About:
        """Name, version, the gates, and where the docs are."""
        return About(
            name="gatelab",
            version=__version__,
            gates=list(GATE_NAMES),
            docs="/docs",
            openapi=app.openapi_url or "",
        )

    @app.get("/gates", tags=["about"], responses=error_responses(405, 503))
    def gates() -> list[GateSummary]:
        """Every gate with its number of inputs, its model kind and whether one is trained."""
        return [
            GateSummary(
                gate=name,
                arity=ARITY[name],
                model=kind_for(name),
                trained=service.store.exists(name),
            )
            for name in GATE_NAMES
        ]

    @app.get("/health", tags=["about"], responses=error_responses(405))
    async def health() -> Health:
        """Liveness: answers as long as the server runs."""
        return Health(status="ok")


def create_app(model_dir: str | os.PathLike | None = None) -> FastAPI:
    """Build the gate API on the model store in `model_dir` (default: see the module docstring)."""
    app = FastAPI(
        title="gatelab",
        version=__version__,
        summary="Train logic gates and ask them questions.",
        openapi_tags=TAGS,
        docs_url=None,  # replaced by the offline /docs below
        # No redirect from /gates/ to /gates: a 404 that names the right path instead. (The
        # redirect would also turn /models/..%2F into /models/.., which a client resolves to /.)
        redirect_slashes=False,
        redoc_url=None,  # replaced by the offline /redoc below
    )
    service = GateService(model_dir)
    app.state.service = service
    _install_error_handlers(app)
    app.add_middleware(BodySizeLimit, limit=MAX_BODY_BYTES)
    # Starlette tries routes in the order they were added, so the busiest ones go first.
    _add_prediction_routes(app, service)
    _add_model_routes(app, service)
    _add_about_routes(app, service)
    _install_offline_docs(app)
    return app


# `uvicorn gatelab.api:app` serves this one; its model directory is resolved on first use.
app = create_app()
