"""A single perceptron trained with the classic learning rule (numpy only)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from gatelab.gates import truth_table
from gatelab.language import tr


class NotFittedError(ValueError):
    """Raised when a perceptron is asked to predict before it has weights."""


@dataclass(frozen=True)
class TrainingStep:
    """One update of the learning rule: what the perceptron saw, guessed and got wrong."""

    epoch: int
    inputs: tuple[float, ...]
    weights_before: tuple[float, ...]
    bias_before: float
    weighted_sum: float
    prediction: int
    target: int
    error: int


def step(weighted_sum: float | np.ndarray) -> int | np.ndarray:
    """The step activation: 1 where the weighted sum is >= 0, else 0."""
    fired = np.asarray(weighted_sum) >= 0
    return fired.astype(int) if fired.ndim else int(fired)


def random_start(inputs: int, seed: int | None) -> tuple[np.ndarray, float]:
    """The weights and bias fit starts from: random numbers in [0, 1), weights first."""
    # Small and positive, as in the bootcamp notes; the same seed always gives the same start.
    rng = np.random.default_rng(seed)
    return rng.random(inputs), float(rng.random())


class Perceptron:
    """A perceptron: output = step(w · x + b), trained one row at a time.

    Follows scikit-learn's estimator style: settings go to the constructor,
    `fit(X, y)` learns `weights_` and `bias_`, `predict(X)` answers.
    """

    def __init__(self, learning_rate: float = 0.1, epochs: int = 100, seed: int | None = 0) -> None:
        self.learning_rate = learning_rate
        self.epochs = epochs
        self.seed = seed
        self.weights_: np.ndarray | None = None
        self.bias_: float | None = None
        self.history_: list[TrainingStep] = []
        self.converged_: bool = False
        self.epochs_run_: int = 0

    def __repr__(self) -> str:
        rate, epochs, seed = self.learning_rate, self.epochs, self.seed
        return f"Perceptron(learning_rate={rate}, epochs={epochs}, seed={seed})"

    # ----- training -------------------------------------------------------------------------
    def fit(self, X: Any, y: Any) -> Perceptron:
        """Learn weights and bias from inputs X (rows) and 0/1 targets y; return self."""
        X, y = check_training_data(X, y)
        check_training_settings(self.learning_rate, self.epochs)
        self.weights_, self.bias_ = random_start(X.shape[1], self.seed)
        self.history_ = []
        self.converged_ = False
        self.epochs_run_ = 0
        for epoch in range(1, self.epochs + 1):
            mistakes = sum(self._learn_row(epoch, row, target) for row, target in zip(X, y))
            self.epochs_run_ = epoch
            if mistakes == 0:
                # A whole pass with no mistake: nothing will change any more.
                self.converged_ = True
                break
        return self

    def _learn_row(self, epoch: int, row: np.ndarray, target: int) -> bool:
        """Apply the learning rule to one row; return True when it was a mistake."""
        weighted_sum = float(row @ self.weights_ + self.bias_)
        prediction = step(weighted_sum)
        error = int(target) - prediction
        self.history_.append(
            TrainingStep(
                epoch=epoch,
                inputs=tuple(float(v) for v in row),
                weights_before=tuple(float(w) for w in self.weights_),
                bias_before=float(self.bias_),
                weighted_sum=weighted_sum,
                prediction=prediction,
                target=int(target),
                error=error,
            )
        )
        # The rule: nudge each weight by rate × error × its input (no change when right).
        self.weights_ = self.weights_ + self.learning_rate * error * row
        self.bias_ = self.bias_ + self.learning_rate * error
        return error != 0

    @property
    def converged_epoch_(self) -> int | None:
        """The epoch whose pass made no mistake, or None if training never got there."""
        return self.epochs_run_ if self.converged_ else None

    def errors_per_epoch(self) -> list[int]:
        """How many rows each epoch got wrong (before its updates)."""
        counts = [0] * self.epochs_run_
        for record in self.history_:
            counts[record.epoch - 1] += record.error != 0
        return counts

    def history_as_dicts(self) -> list[dict[str, Any]]:
        """The recorded history as plain dicts, handy for tables."""
        return [asdict(record) for record in self.history_]

    # ----- prediction -----------------------------------------------------------------------
    def decision_function(self, X: Any) -> float | np.ndarray:
        """The weighted sum w · x + b for one row or for each row of a batch."""
        weights, bias = self._fitted()
        X = np.asarray(X, dtype=float)
        if X.ndim not in (1, 2) or X.shape[-1] != weights.shape[0]:
            raise ValueError(
                f"expected {weights.shape[0]} input(s) per row, got an array of shape {X.shape}"
            )
        sums = X @ weights + bias
        return float(sums) if X.ndim == 1 else sums

    def predict(self, X: Any) -> int | np.ndarray:
        """Predict 0 or 1 for one row (returns an int) or a batch (returns an array)."""
        return step(self.decision_function(X))

    def score(self, X: Any, y: Any) -> float:
        """Fraction of rows predicted right (1.0 means the whole truth table)."""
        X, y = check_training_data(X, y)
        return float(np.mean(self.predict(X) == y))

    def _fitted(self) -> tuple[np.ndarray, float]:
        """Return (weights, bias), or raise NotFittedError."""
        if self.weights_ is None or self.bias_ is None:
            raise NotFittedError("this perceptron has no weights yet: call fit(X, y) first")
        return self.weights_, self.bias_

    # ----- plain-dict round trip ------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """Settings and learned parameters as a plain, JSON-ready dict."""
        weights, bias = self._fitted()
        return {
            "learning_rate": float(self.learning_rate),
            "epochs": int(self.epochs),
            "seed": self.seed,
            "weights": [float(w) for w in weights],
            "bias": float(bias),
            "converged": bool(self.converged_),
            "epochs_run": int(self.epochs_run_),
        }

    @classmethod
    def from_weights(cls, weights: Any, bias: float, **settings: Any) -> Perceptron:
        """A perceptron that predicts with these weights and bias, as if `fit` had learned them.

        `Perceptron.from_weights([1, 1], -1.5).predict(X)` is AND's truth table.
        """
        try:
            weights = np.array(weights, dtype=float)
            bias = float(bias)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"weights must be numbers and bias a number: {exc}") from None
        if weights.ndim != 1 or weights.size == 0 or not np.all(np.isfinite(weights)):
            raise ValueError("weights must be a non-empty list of finite numbers")
        if not np.isfinite(bias):
            raise ValueError("bias must be a finite number")
        model = cls(**settings)
        model.weights_, model.bias_ = weights, bias
        return model

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Perceptron:
        """Rebuild a fitted perceptron from to_dict's output (history is not kept)."""
        try:
            settings = {
                "learning_rate": float(data["learning_rate"]),
                "epochs": int(data["epochs"]),
                "seed": data["seed"],
            }
            weights, bias = data["weights"], data["bias"]
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not a perceptron parameter dict: {exc}") from exc
        model = cls.from_weights(weights, bias, **settings)
        model.converged_ = bool(data.get("converged", False))
        model.epochs_run_ = int(data.get("epochs_run", 0))
        return model


def train_gate(
    gate: str, learning_rate: float = 0.1, epochs: int = 100, seed: int | None = 0
) -> Perceptron:
    """Fit a perceptron to the named gate's truth table, e.g. train_gate("and")."""
    X, y = truth_table(gate)
    return Perceptron(learning_rate=learning_rate, epochs=epochs, seed=seed).fit(X, y)


def check_training_settings(learning_rate: float, epochs: int) -> None:
    """Raise ValueError for a learning rate or epoch count training cannot use (MLP too)."""
    if isinstance(epochs, bool) or not isinstance(epochs, (int, np.integer)) or epochs < 1:
        raise ValueError(tr("epochs must be a whole number >= 1, got {epochs!r}", epochs=epochs))
    is_number = isinstance(learning_rate, (int, float, np.number)) and not isinstance(
        learning_rate, bool
    )
    if not is_number or not np.isfinite(learning_rate) or learning_rate <= 0:
        raise ValueError(
            tr("learning_rate must be a positive number, got {rate!r}", rate=learning_rate)
        )


def check_training_data(X: Any, y: Any) -> tuple[np.ndarray, np.ndarray]:
    """X as a 2-D float array and y as 0/1 ints, or a ValueError naming the problem (MLP too)."""
    try:
        X = np.asarray(X, dtype=float)
    except (TypeError, ValueError):  # ragged rows, or something that is not a number
        raise ValueError(tr("X must be a 2-D array of numbers, one row per example")) from None
    y = np.asarray(y)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError(
            tr("X must be a 2-D array with one row per example, got shape {shape}", shape=X.shape)
        )
    if not np.all(np.isfinite(X)):
        raise ValueError(tr("X must contain only finite numbers"))
    if y.ndim != 1 or y.shape[0] != X.shape[0]:
        raise ValueError(
            tr(
                "y must be 1-D with one label per row of X ({rows}), got {shape}",
                rows=X.shape[0],
                shape=y.shape,
            )
        )
    if not np.isin(y, (0, 1)).all():
        raise ValueError(tr("labels must be 0 or 1, got {labels}", labels=sorted(set(y.tolist()))))
    return X, y.astype(int)
