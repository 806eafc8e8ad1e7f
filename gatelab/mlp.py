"""A small multi-layer perceptron (2 → hidden → 1) that learns XOR, in PyTorch.

This is the only module that imports torch, so `import gatelab` stays fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import torch
from torch import nn

from gatelab.gates import truth_table

ACTIVATIONS: dict[str, type[nn.Module]] = {"tanh": nn.Tanh, "relu": nn.ReLU, "sigmoid": nn.Sigmoid}

# Defaults chosen so XOR and XNOR are learned exactly for every seed 0..99 in well under a second:
# 8 tanh hidden units give many more lucky starting lines than the minimal 2 (which gets stuck in
# local minima for some seeds), and Adam's per-weight step sizes escape the flat start quickly.
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
        if not isinstance(hidden_size, int) or hidden_size < 1:
            raise ValueError(f"hidden_size must be a whole number >= 1, got {hidden_size!r}")
        self.hidden_size = hidden_size
        self.activation = activation
        self.n_inputs = n_inputs
        self.hidden = nn.Linear(n_inputs, hidden_size)
        self.act = ACTIVATIONS[activation]()
        self.output = nn.Linear(hidden_size, 1)

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

    def predict(self, X: Any) -> int | np.ndarray:
        """Predict 0 or 1 for one row (returns an int) or a batch (returns an array)."""
        x = torch.as_tensor(np.asarray(X, dtype=np.float32))
        single = x.ndim == 1
        if x.shape[-1] != self.n_inputs or x.ndim not in (1, 2):
            raise ValueError(
                f"expected {self.n_inputs} input(s) per row, got shape {tuple(x.shape)}"
            )
        with torch.no_grad():
            labels = (self(x.reshape(-1, self.n_inputs)) >= 0).to(torch.int64).numpy()
        return int(labels[0]) if single else labels

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
    if isinstance(epochs, bool) or not isinstance(epochs, int) or epochs < 1:
        raise ValueError(f"epochs must be a whole number >= 1, got {epochs!r}")
    if not np.isfinite(learning_rate) or learning_rate <= 0:
        raise ValueError(f"learning_rate must be a positive number, got {learning_rate!r}")
    inputs = torch.as_tensor(np.asarray(X, dtype=np.float32))
    targets = torch.as_tensor(np.asarray(y, dtype=np.float32))
    # fork_rng: seed the initial weights without changing the caller's global torch RNG.
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(seed)
        model = GateMLP(hidden_size, activation, n_inputs=inputs.shape[1])
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
    loss_fn = nn.BCEWithLogitsLoss()  # sigmoid + cross-entropy in one numerically stable step
    losses = []
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = loss_fn(model(inputs), targets)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    model.eval()
    return TrainingResult(model, losses, seed, epochs, learning_rate)


def train_gate_mlp(gate: str, seed: int = 0, **settings: Any) -> TrainingResult:
    """Train the MLP on the named gate's truth table, e.g. train_gate_mlp("xor", seed=3)."""
    X, y = truth_table(gate)
    return train_mlp(X, y, seed=seed, **settings)
