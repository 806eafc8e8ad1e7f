"""A stored model's metadata, written once as a pydantic model: ModelInfo.

The model store checks the metadata it writes and the metadata of every file it reads against
ModelInfo, and the API answers ``GET /models/{gate}`` with it, so both always agree on what a
key means. Keys that ModelInfo does not name (``note="first try"``) are kept as they are.
This module also makes a new model's metadata (new_metadata) and checks a file's against its
name (check_metadata).

Each type below says in words what it accepts ("a number from 0 to 1"): a problem is reported
as ``accuracy must be a number from 0 to 1, got 1.5`` rather than in pydantic's own words.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, WrapValidator
from pydantic_core import PydanticCustomError

from gatelab.gates import get_gate
from gatelab.store_errors import CorruptModel, WrongModelKind

FORMAT_VERSION: int = 1
# Set by the store from the model itself: save(..., **extra) may not set them.
RESERVED_KEYS = ("gate", "kind", "parameters", "format_version", "architecture")


def says(what: str) -> WrapValidator:
    """A validator that reports any problem with a value as 'must be <what>'."""

    def validate(value: Any, handler: Any) -> Any:
        try:
            return handler(value)
        except ValidationError:
            raise PydanticCustomError("metadata", "must be {what}", {"what": what}) from None

    return WrapValidator(validate)


# Strict (see ModelInfo's config): 3.0, "3" and true are not whole numbers, 1 is a number.
WholeNumber = Annotated[int, says("a whole number")]
AtLeastOne = Annotated[int, Field(ge=1), says("a whole number >= 1")]
Fraction = Annotated[float, Field(ge=0, le=1, allow_inf_nan=False), says("a number from 0 to 1")]
PositiveNumber = Annotated[float, Field(gt=0, allow_inf_nan=False), says("a positive number")]
TrueOrFalse = Annotated[bool, says("true or false")]
Name = Annotated[str, says("a name")]
DateText = Annotated[str, says("a date string")]
Kind = Annotated[Literal["perceptron", "mlp"], says("'perceptron' or 'mlp'")]


class Architecture(BaseModel):
    """An MLP's shape: what is needed to rebuild it before loading its weights."""

    model_config = ConfigDict(extra="allow", strict=True)

    n_inputs: AtLeastOne
    hidden_size: AtLeastOne
    activation: Name = Field(description="tanh, relu or sigmoid")


class ModelInfo(BaseModel):
    """A stored model's metadata: what it is, how it was trained and how well it learned."""

    # A model saved from Python with ModelStore.save(..., note="...") carries its extra keys
    # too: they are shown as stored. The optional fields below are left out when not stored.
    model_config = ConfigDict(extra="allow", strict=True)

    gate: Name
    kind: Kind
    parameters: WholeNumber = Field(description="how many numbers the model learned")
    seed: WholeNumber | None = Field(description="random seed for the starting weights, if known")
    epochs: WholeNumber | None = Field(description="epochs the training ran, if known")
    trained_at: DateText = Field(description="when it was saved, in UTC (ISO 8601)")
    format_version: WholeNumber = Field(description="version of the model file's format")
    accuracy: Fraction | None = Field(
        None, description="fraction of the truth table answered right"
    )
    learning_rate: PositiveNumber | None = Field(None, description="step size used in training")
    max_epochs: AtLeastOne | None = Field(None, description="most epochs the training allowed")
    converged: TrueOrFalse | None = Field(
        None, description="perceptron: an error-free pass happened"
    )
    architecture: Architecture | None = Field(None, description="MLP: its shape")


def new_metadata(gate: str, codec: Any, model: Any, given: dict[str, Any]) -> dict[str, Any]:
    """The metadata stored with a model: what it is, how it was trained, when.

    `given` (the caller's seed, epochs and extra keys) wins over what the model remembers of its
    training; ValueError if a key is the store's own or a value does not fit ModelInfo.
    """
    clash = sorted(set(given) & set(RESERVED_KEYS))
    if clash:
        raise ValueError(f"these metadata keys are set by the store: {', '.join(clash)}")
    rest = {**codec.known_metadata(model), **given}
    table = get_gate(gate)
    metadata = {
        "gate": gate,
        "kind": codec.kind,
        "parameters": codec.parameter_count(model),
        "seed": rest.pop("seed", None),
        "epochs": rest.pop("epochs", None),
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "format_version": FORMAT_VERSION,
        # How much of the truth table the stored model gets right (1.0 = all of it).
        "accuracy": model.score(table.inputs, table.targets),
        **rest,
    }
    try:
        json.dumps(metadata, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"metadata must be plain JSON values: {exc}") from None
    problem = metadata_problem(metadata)
    if problem:  # never write a file that would read as corrupt
        raise ValueError(problem)
    return metadata


def check_metadata(filename: str, gate: str, codec: Any, metadata: Any) -> dict[str, Any]:
    """The file's metadata if it fits ModelInfo, the gate and the codec; else a StoreError."""
    problem = metadata_problem(metadata)
    if problem:
        raise CorruptModel(f"{filename} {problem}")
    check_version(filename, metadata["format_version"])
    if metadata["kind"] != codec.kind:
        raise WrongModelKind(
            f"{filename} says it holds a {metadata['kind']!r} model, but {codec.suffix} files "
            f"hold {codec.kind} models"
        )
    if metadata["gate"] != gate:
        raise WrongModelKind(f"{filename} holds a model for {metadata['gate']!r}, not {gate!r}")
    return metadata


def check_inputs(gate: str, n_inputs: int, error: type[Exception]) -> None:
    """Raise `error` unless the model takes as many inputs as the gate."""
    arity = get_gate(gate).arity
    if n_inputs != arity:
        raise error(f"{gate} takes {arity} input(s), but this model takes {n_inputs}")


def check_version(filename: str, version: Any) -> None:
    """Refuse files written in a format this gatelab does not know."""
    if version != FORMAT_VERSION:
        raise CorruptModel(
            f"{filename} has format version {version!r}; this gatelab reads {FORMAT_VERSION}"
        )


def metadata_problem(metadata: Any) -> str | None:
    """What is wrong with the metadata, in one sentence; None when it fits ModelInfo."""
    if not isinstance(metadata, dict):
        return "has no metadata"
    try:
        ModelInfo.model_validate(metadata)
    except ValidationError as exc:
        return describe(exc)
    return None


def describe(error: ValidationError) -> str:
    """A ModelInfo validation error as one sentence: the missing keys, else the first bad one."""
    problems = error.errors()
    missing = [_key(problem) for problem in problems if problem["type"] == "missing"]
    if missing:
        return f"metadata is missing {', '.join(missing)}"
    first = problems[0]
    # Our types say "must be ..."; pydantic's own words (a wrong architecture) follow a colon.
    joiner = " " if first["type"] == "metadata" else ": "
    return f"metadata: {_key(first)}{joiner}{first['msg']}, got {first['input']!r:.40}"


def _key(problem: Any) -> str:
    """Where a problem is, e.g. 'accuracy' or 'architecture.n_inputs'."""
    return ".".join(str(part) for part in problem["loc"])
