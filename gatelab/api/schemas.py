"""The request and response bodies of the gate API: pydantic models, as in FastAPI's tutorial.

FastAPI reads these classes three times: to check what a client sends (a 422 otherwise), to
shape what a route returns, and to write the schemas in the OpenAPI document behind /docs.
The limits a request must stay within are here too, beside the fields they limit.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Path as PathParam
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from gatelab.gates import GATE_NAMES

# A stored model's metadata (GET /models/{gate}): the same pydantic model the store checks files
# with, written once in gatelab.model_info.
from gatelab.model_info import Architecture as Architecture
from gatelab.model_info import ModelInfo as ModelInfo

MAX_BATCH_ROWS = 1024
# The largest request body read at all: 1024 rows of JSON take about 8 KB (30 KB pretty-printed).
MAX_BODY_BYTES = 64 * 1024
# How many problems a 422 lists.
MAX_LISTED_PROBLEMS = 20
MAX_SEED = 2**32 - 1


def _whole_float_as_int(value: Any) -> Any:
    """3.0 becomes 3: in JSON (and its schemas) they are the same number; 2.5 stays a float."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# Whole numbers in a JSON body: 3 or 3.0, never "3", true or 2.5 (strict after the step above).
AS_INT = BeforeValidator(_whole_float_as_int)
Seed = Annotated[int, Field(ge=0, le=MAX_SEED, strict=True), AS_INT]
Epochs = Annotated[int, Field(ge=1, le=10_000, strict=True), AS_INT]

# A gate in a URL: any case, checked by the route so the 404 can list the gates.
GATE_DESCRIPTION = f"one of {', '.join(GATE_NAMES)}, in any case"
GateName = Annotated[str, PathParam(description=GATE_DESCRIPTION, examples=["AND"])]
# A bit in a URL is exactly "0" or "1": "1.0", "+1" or "01" are refused rather than guessed at.
BIT_TEXTS = ("0", "1")
# A bit in a JSON body is the number 0 or 1 (1.0 is the same number; true and "1" are refused).
Bit = Annotated[int, Field(ge=0, le=1, strict=True), AS_INT]
# A row of a batch: one bit (NOT) or two (the other gates); the route checks which.
Row = Annotated[list[Bit], Field(min_length=1, max_length=2)]


# The GET /predict routes read their path by hand, for speed (routes.py), so the parameters
# FastAPI would document from type hints are written out here, as it would write them.
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


# ----- training -------------------------------------------------------------------------------
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


TRAIN_EXAMPLES = {
    "defaults": {"summary": "the gate's default settings", "value": {"seed": 0}},
    "custom": {
        "summary": "a chosen seed, epochs and learning rate",
        "value": {"seed": 3, "epochs": 50, "learning_rate": 0.5},
    },
}


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


# ----- predictions ----------------------------------------------------------------------------
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


# ----- stored models and the server -----------------------------------------------------------
class GateSummary(BaseModel):
    """A gate, how many inputs it takes, which model learns it, and whether one is stored."""

    gate: str
    arity: int
    model: Literal["perceptron", "mlp"]
    trained: bool


# ModelInfo, a stored model's metadata, is imported above from gatelab.model_info.


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


# ----- errors ---------------------------------------------------------------------------------
class Problem(BaseModel):
    """One invalid part of a request: where it is and what is wrong with it."""

    model_config = ConfigDict(extra="forbid")  # documents that nothing else is in it

    loc: list[str | int] = Field(description='where, e.g. ["path", "b"] or ["body", "epochs"]')
    msg: str = Field(description="what is wrong with it (in Korean with Accept-Language: ko)")
    type: str = Field(description="the kind of problem, e.g. literal_error or missing")


class ErrorBody(BaseModel):
    """Every error answer has this shape: a sentence saying what went wrong and what is allowed."""

    model_config = ConfigDict(extra="forbid")  # documents that nothing else is in it

    detail: str = Field(
        description="what went wrong and what to send instead (in Korean with Accept-Language: ko)"
    )
    errors: list[Problem] | None = Field(
        None,
        description=f"for a validation 422: each invalid part (at most {MAX_LISTED_PROBLEMS})",
    )
