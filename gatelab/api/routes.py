"""The gate API's routes: the app a student writes in lesson 06, grown up.

Read it beside your own app. Yours says ``app = FastAPI()`` and ``@app.post(...)``; here the
routes hang on an ``APIRouter`` (FastAPI's way to write the routes in one file and build the
app in another, gatelab.api.main), and ``@router.post(...)`` works as ``@app.post(...)`` does.
Your dict of models is ``service`` (gatelab.api.service), the bodies are in gatelab.api.schemas,
and every error answer is shaped in gatelab.api.errors. What a route adds to yours is in its
type hints, which FastAPI checks before the route runs, and in its `responses=`: the errors it
can answer, listed in /docs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from gatelab import __version__
from gatelab.api.errors import error_responses
from gatelab.api.schemas import (
    BIT_TEXTS,
    ONE_BIT_PARAMETERS,
    TRAIN_EXAMPLES,
    TWO_BITS_PARAMETERS,
    About,
    BatchPrediction,
    BatchRequest,
    Deleted,
    GateName,
    GateSummary,
    Health,
    ModelInfo,
    Prediction,
    TrainResult,
    TrainSettings,
)
from gatelab.api.security import require_key
from gatelab.api.service import ARITY, GateService, kind_for, model_info_from
from gatelab.gates import GATE_NAMES, normalize_gate_name
from gatelab.language import tr, translatable
from gatelab.store import CorruptModel

TAGS = [
    {"name": "predict", "description": "Ask a trained gate: GET for one answer, POST for many."},
    {"name": "models", "description": "Train, inspect and delete the stored models."},
    {"name": "about", "description": "What this server is and which gates it knows."},
]
# Starlette tries routes in the order they were added, so the busiest ones come first.
# create_app gives them to FastAPI(routes=router.routes).
router = APIRouter()


async def get_service(request: Request) -> GateService:
    """The app's GateService (`async`: a plain `def` dependency would cost a thread hop)."""
    return request.app.state.service


# A route that takes `service: Service` gets the app's GateService from FastAPI.
Service = Annotated[GateService, Depends(get_service)]


# ----- predictions: GET /predict/{gate}/{a}/{b}, GET /predict/{gate}/{x}, POST /predict/{gate}
#
# The hot path. In your app these two routes read
#
#     @app.get("/predict/{gate}/{a}/{b}")
#     def predict(gate: str, a: Annotated[int, Path(ge=0, le=1)], b: ...): ...
#
# and FastAPI turns "1" into 1, or answers 422 for "2". (`a: Literal[0, 1]` would refuse even
# "1": a URL holds text, and the text "1" is not the number 1.) Here the routes are `async def`
# (an answer is a dictionary lookup on the event loop: nothing to wait for, so no thread) and
# take the whole `request` instead: FastAPI's per-parameter validation took a third of this
# route's time (`make bench`), so `bits_in_path` checks the bits by hand, with the same 422
# FastAPI would give, and `openapi_extra` documents the parameters as FastAPI would (schemas.py).
# `response_model` only documents the answer's shape: the route returns a JSONResponse itself.


def bits_in_path(request: Request, names: tuple[str, ...]) -> tuple[int, ...]:
    """The bits named in the URL, or a 422 worded as FastAPI words a wrong path parameter."""
    texts = [request.path_params[name] for name in names]
    problems = [
        {
            "type": "literal_error",
            "loc": ("path", name),
            # English here; errors.py writes it in the request's language, as pydantic's own.
            "msg": translatable("Input should be '0' or '1'"),
            "input": text,
        }
        for name, text in zip(names, texts)
        if text not in BIT_TEXTS
    ]
    if problems:
        raise RequestValidationError(problems)
    return tuple(int(text) for text in texts)


def check_arity(gate: str, given: int) -> None:
    """422 unless the gate takes `given` inputs, with the route it does take."""
    arity = ARITY[gate]
    if given != arity:
        route = f"/predict/{gate}/{{x}}" if arity == 1 else f"/predict/{gate}/{{a}}/{{b}}"
        message = tr(
            "{gate} takes {arity} input(s), got {given}: use GET {route}",
            gate=gate,
            arity=arity,
            given=given,
            route=route,
        )
        raise HTTPException(422, message)


async def answers_for(service: GateService, gate: str) -> dict[tuple[int, ...], int]:
    """The cached answers; a (rare) load from disk runs in a worker thread, blocking nobody."""
    served = service.fresh(gate) or await run_in_threadpool(service.reload, gate)
    return served.answers


async def one_answer(request: Request, names: tuple[str, ...]) -> JSONResponse:
    """The gate's answer for the bits named in the URL (both GET routes end here)."""
    row = bits_in_path(request, names)  # bits first, as FastAPI would check them
    gate = normalize_gate_name(request.path_params["gate"])  # any case; 404 if unknown
    check_arity(gate, len(row))
    answers = await answers_for(request.app.state.service, gate)
    return JSONResponse({"gate": gate, "inputs": list(row), "result": answers[row]})


def predict_route(path: str, parameters: list[dict[str, Any]]) -> Callable[..., Any]:
    """The decorator of one GET /predict route, documented as FastAPI would document its path."""
    return router.get(
        path,
        tags=["predict"],
        response_model=Prediction,
        responses=error_responses(404, 405, 409, 422, 503),
        openapi_extra={"parameters": parameters},
    )


@predict_route("/predict/{gate}/{a}/{b}", TWO_BITS_PARAMETERS)
async def predict_two(request: Request) -> JSONResponse:
    """Ask a two-input gate, e.g. GET /predict/AND/1/1 (any case: /predict/and/1/1)."""
    return await one_answer(request, ("a", "b"))


@predict_route("/predict/{gate}/{x}", ONE_BIT_PARAMETERS)
async def predict_one(request: Request) -> JSONResponse:
    """Ask a one-input gate: GET /predict/NOT/0 (any case: /predict/not/0)."""
    return await one_answer(request, ("x",))


@router.post(
    "/predict/{gate}", tags=["predict"], responses=error_responses(404, 405, 409, 413, 422, 503)
)
async def predict_batch(gate: GateName, body: BatchRequest, service: Service) -> BatchPrediction:
    """Answer up to 1024 rows at once: {"inputs": [[0, 1], [1, 1]]}."""
    name = normalize_gate_name(gate)
    arity = ARITY[name]
    for number, row in enumerate(body.inputs):
        if len(row) != arity:
            message = tr(
                "row {number} has {bits} bit(s); {gate} takes {arity} per row",
                number=number,
                bits=len(row),
                gate=name,
                arity=arity,
            )
            raise HTTPException(422, message)
    answers = await answers_for(service, name)
    return BatchPrediction(gate=name, results=[answers[tuple(row)] for row in body.inputs])


# ----- models: POST /train/{gate}, GET /models, GET and DELETE /models/{gate} ------------------
async def refuse_a_null_body(request: Request) -> None:
    """422 for the JSON body `null`: FastAPI would take it for no body at all (the defaults)."""
    body = await request.body()  # already read and cached by FastAPI: no second read
    if body.strip() == b"null":
        raise RequestValidationError(
            [
                {
                    "loc": ("body",),
                    "msg": translatable(
                        'must be a JSON object such as {"seed": 0} (send no body for the defaults)'
                    ),
                    "type": "model_attributes_type",  # pydantic's name for "not an object"
                    "input": None,
                }
            ]
        )


# Changes (POST /train, DELETE /models) need the server's key when it has one (security.py).
@router.post(
    "/train/{gate}",
    tags=["models"],
    responses=error_responses(401, 404, 405, 409, 413, 422, 503),
    dependencies=[Depends(require_key), Depends(refuse_a_null_body)],
)
def train(
    gate: GateName,
    service: Service,
    # TrainSettings, not `TrainSettings | None`: the documented body is then an object, and the
    # default None keeps it optional (no body: the defaults; `null` is refused above).
    settings: Annotated[TrainSettings, Body(openapi_examples=TRAIN_EXAMPLES)] = None,
) -> TrainResult:
    """Train the gate (any case), store the model and serve it. The body is optional."""
    # A plain `def`: FastAPI runs it in a worker thread, so training never blocks requests.
    return service.train(normalize_gate_name(gate), settings)


# exclude_unset: a model's metadata as stored, without nulls for keys it does not have.
@router.get(
    "/models",
    tags=["models"],
    responses=error_responses(405, 503),
    response_model_exclude_unset=True,
)
def list_models(service: Service) -> list[ModelInfo]:
    """Metadata of every stored model."""
    found = []
    for metadata in service.store.list():
        try:
            found.append(model_info_from(metadata))
        except CorruptModel:  # skipped, as store.list() skips unreadable files
            continue
    return found


@router.get(
    "/models/{gate}",
    tags=["models"],
    responses=error_responses(404, 405, 409, 422, 503),
    response_model_exclude_unset=True,
)
def model_info(gate: GateName, service: Service) -> ModelInfo:
    """The stored model's metadata: kind, seed, epochs, accuracy, when it was trained."""
    return model_info_from(service.store.info(normalize_gate_name(gate)))


@router.delete(
    "/models/{gate}",
    tags=["models"],
    responses=error_responses(401, 404, 405, 422, 503),
    dependencies=[Depends(require_key)],
)
def forget_model(gate: GateName, service: Service) -> Deleted:
    """Delete the stored model; predictions then answer 404 until it is trained again."""
    name = normalize_gate_name(gate)
    service.forget(name)
    return Deleted(deleted=name)


# ----- about: GET /, GET /gates, GET /health ---------------------------------------------------
@router.get("/", tags=["about"], responses=error_responses(405))
def about(request: Request) -> About:
    """Name, version, the gates, and where the docs are."""
    return About(
        name="gatelab",
        version=__version__,
        gates=list(GATE_NAMES),
        docs="/docs",
        openapi=request.app.openapi_url or "",
    )


@router.get("/gates", tags=["about"], responses=error_responses(405, 503))
def gates(service: Service) -> list[GateSummary]:
    """Every gate with its number of inputs, its model kind and whether one is trained."""
    return [
        GateSummary(
            gate=name, arity=ARITY[name], model=kind_for(name), trained=service.store.exists(name)
        )
        for name in GATE_NAMES
    ]


@router.get("/health", tags=["about"], responses=error_responses(405))
async def health() -> Health:
    """Liveness: answers as long as the server runs."""
    return Health(status="ok")
