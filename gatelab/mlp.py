"""A small multi-layer perceptron (2 → hidden → 1) that learns XOR, in PyTorch.

This is the only module that imports torch, so `import gatelab` stays fast.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch
from torch import nn

from gatelab.gates import truth_table
from gatelab.perceptron import check_training_data, check_training_settings

ACTIVATIONS: dict[str, type[nn.Module]] = {"tanh": nn.Tanh, "relu": nn.ReLU, "sigmoid": nn.Sigmoid}

# Why these defaults (the measurements behind them are in the README):
# - 2 hidden units are enough in principle (lesson 03's two lines), but from a random start Adam
#   often gets stuck with a corner still wrong. With 8 units there are always a couple of useful
#   starting lines, so every seed learns XOR and XNOR, with a clear margin on every row.
# - tanh is centred on 0, so a hidden unit says "which side of my line" as -1 or +1. Sigmoid
#   units (0..1) learn too but end with a higher loss; ReLU units can switch off for good ("dead"
#   on all four rows), and then some seeds fail.
# - Adam scales each weight's step by its own gradient history, so one learning rate suits every
#   weight; plain SGD needs its rate tuned per problem.
DEFAULT_HIDDEN = 8
DEFAULT_ACTIVATION = "tanh"
DEFAULT_EPOCHS = 300
DEFAULT_LEARNING_RATE = 0.05


class GateMLP(nn.Module):
    """inputs → Linear → activation → Linear → one logit (apply sigmoid for a probability)."""

    def __init__(
        self,
        hidden_size: int = DEFAULT_HIDDEN,
        activation: str = DEFAULT_ACTIVATION,
        n_inputs: int = 2,
    ) -> None:
        super().__init__()
        if activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}, got {activation!r}")
        if isinstance(hidden_size, bool) or not isinstance(hidden_size, int) or hidden_size < 1:
            raise ValueError(f"hidden_size must be a whole number >= 1, got {hidden_size!r}")
        self.hidden_size = hidden_size
        self.activation = activation
        self.n_inputs = n_inputs
        self.hidden = nn.Linear(n_inputs, hidden_size)
        self.act = ACTIVATIONS[activation]()
        self.output = nn.Linear(hidden_size, 1)
        # Set by train_mlp: {"seed", "epochs", "learning_rate"}, so the model store can record
        # how the network was trained without being told again. None for an untrained network.
        self.trained_with: dict[str, Any] | None = None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Return one logit per row of x."""
        return self.output(self.act(self.hidden(x))).squeeze(-1)

    @property
    def architecture(self) -> dict[str, Any]:
        """What is needed to rebuild this network before loading its weights."""
        return {
            "n_inputs": self.n_inputs,
            "hidden_size": self.hidden_size,
            "activation": self.activation,
        }

    def _logits(self, X: Any) -> tuple[np.ndarray, bool]:
        """Logits for one row or a batch as a 1-D array, and whether X was a single row."""
        x = torch.as_tensor(np.asarray(X, dtype=np.float32))
        if x.ndim not in (1, 2) or x.shape[-1] != self.n_inputs:
            raise ValueError(
                f"expected {self.n_inputs} input(s) per row, got shape {tuple(x.shape)}"
            )
        with torch.no_grad():
            logits = self(x.reshape(-1, self.n_inputs)).numpy()
        return logits, x.ndim == 1

    def predict(self, X: Any) -> int | np.ndarray:
        """Predict 0 or 1 for one row (returns an int) or a batch (returns an array)."""
        logits, single = self._logits(X)
        labels = (logits >= 0).astype(np.int64)  # logit >= 0 is the same as probability >= 0.5
        return int(labels[0]) if single else labels

    def predict_proba(self, X: Any) -> float | np.ndarray:
        """The network's probability that the output is 1, for one row or a batch."""
        logits, single = self._logits(X)
        probabilities = torch.sigmoid(torch.from_numpy(logits).double()).numpy()
        return float(probabilities[0]) if single else probabilities

    def score(self, X: Any, y: Any) -> float:
        """Fraction of rows predicted right (1.0 means the whole truth table)."""
        X, y = check_training_data(X, y)
        return float(np.mean(self.predict(X) == y))

    def parameter_count(self) -> int:
        """How many numbers (weights and biases) the network learns."""
        return sum(p.numel() for p in self.parameters())


@dataclass
class TrainingResult:
    """A trained network with its loss per epoch and the settings that produced it."""

    model: GateMLP
    losses: list[float] = field(repr=False)
    seed: int
    epochs: int
    learning_rate: float

    @property
    def final_loss(self) -> float:
        """Loss after the last epoch."""
        return self.losses[-1]


@contextmanager
def _one_thread() -> Iterator[None]:
    """Run torch on one CPU thread, then restore the caller's setting.

    Four rows are far too few to share out, and on a busy machine a thread that waits for a
    second one (descheduled by other work) made training several times slower.
    """
    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(previous)


def train_mlp(
    X: Any,
    y: Any,
    hidden_size: int = DEFAULT_HIDDEN,
    activation: str = DEFAULT_ACTIVATION,
    epochs: int = DEFAULT_EPOCHS,
    learning_rate: float = DEFAULT_LEARNING_RATE,
    seed: int = 0,
) -> TrainingResult:
    """Full-batch training with Adam and binary cross-entropy; deterministic for a seed."""
    check_training_settings(learning_rate, epochs)
    inputs = torch.as_tensor(np.asarray(X, dtype=np.float32))
    targets = torch.as_tensor(np.asarray(y, dtype=np.float32))
    # fork_rng: seed the initial weights without changing the caller's global torch RNG.
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = GateMLP(hidden_size, activation, n_inputs=inputs.shape[1])
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
    loss_fn = nn.BCEWithLogitsLoss()  # sigmoid + cross-entropy in one numerically stable step
    losses = []
    with _one_thread():
        for _ in range(epochs):
            optimizer.zero_grad()
            loss = loss_fn(model(inputs), targets)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    model.eval()
    model.trained_with = {"seed": seed, "epochs": epochs, "learning_rate": learning_rate}
    return TrainingResult(model, losses, seed, epochs, learning_rate)


def train_gate_mlp(gate: str, seed: int = 0, **settings: Any) -> TrainingResult:
    """Train the MLP on the named gate's truth table, e.g. train_gate_mlp("xor", seed=3)."""
    X, y = truth_table(gate)
    return train_mlp(X, y, seed=seed, **settings)
