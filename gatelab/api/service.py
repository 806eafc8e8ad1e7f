"""What the routes call: train a gate into the model store, and answer from memory.

The student's app in lesson 06 keeps its models in a dict. GateService does the same, with two
differences. Every model is also a file in a ModelStore (gatelab.store: JSON and safetensors,
never a pickle), so it survives a restart and is shared by every worker. And the dict holds
answers, not models: a gate's inputs are bits, so a two-input gate can only be asked four
questions. When a model is loaded the service asks it all of them once, and a request is then
a dictionary lookup: no disk read, no numpy and no torch.

Every half second at most, a request checks the file's stat-based version, so a model
retrained by another process that shares the directory (another uvicorn worker, ``gatelab
train``) is picked up within about half a second.

Where models live: the directory named by the environment variable ``GATELAB_MODEL_DIR`` or,
when it is unset, ``platformdirs.user_data_dir("gatelab")/models`` (on Linux
``~/.local/share/gatelab/models``). Never the package and never the current directory.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from gatelab.api.schemas import ModelInfo, TrainResult, TrainSettings
from gatelab.gates import GATE_NAMES, LINEAR_GATES, get_gate
from gatelab.language import translatable
from gatelab.model_info import describe
from gatelab.store import CorruptModel, ModelStore, StoreError

MODEL_DIR_ENV = "GATELAB_MODEL_DIR"
# How stale a cached model may get before a request checks the file again (seconds).
CHECK_INTERVAL = 0.5
# Looked up on every request, so computed once: how many inputs each gate takes.
ARITY: dict[str, int] = {name: get_gate(name).arity for name in GATE_NAMES}


def default_model_dir() -> Path:
    """$GATELAB_MODEL_DIR if set, else the per-user data directory's 'models' folder."""
    configured = os.environ.get(MODEL_DIR_ENV)
    if configured:
        return Path(configured).expanduser()
    import platformdirs  # imported here: only needed when no directory was given

    return Path(platformdirs.user_data_dir("gatelab")) / "models"


def kind_for(gate: str) -> Literal["perceptron", "mlp"]:
    """Which model learns the gate: a perceptron for linear gates, the MLP for XOR and XNOR."""
    return "perceptron" if gate in LINEAR_GATES else "mlp"


def answer_table(gate: str, model: Any) -> dict[tuple[int, ...], int]:
    """Ask the model every possible input of the gate once: {(0, 1): 1, ...}."""
    inputs = get_gate(gate).inputs
    outputs = model.predict(inputs)
    return {tuple(int(bit) for bit in row): int(out) for row, out in zip(inputs, outputs)}


def model_info_from(metadata: dict[str, Any]) -> ModelInfo:
    """The stored metadata as a ModelInfo; CorruptModel (a 409) if it does not fit one."""
    try:
        return ModelInfo.model_validate(metadata)
    except ValidationError as exc:  # the store checks files with ModelInfo: a dict made by hand
        message = translatable("its metadata does not fit: {reason}")
        raise CorruptModel(message, reason=describe(exc)) from None


@dataclass
class ServedModel:
    """A loaded model's answer to every possible input, plus the version it was loaded from."""

    gate: str
    answers: dict[tuple[int, ...], int]
    version: tuple | None
    checked_at: float = field(default_factory=time.monotonic)


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
        # the predictions for the interpreter lock, so a prediction would wait behind all of them.
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
