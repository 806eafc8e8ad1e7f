"""Truth tables of the logic gates the lessons teach, looked up by name."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TWO_INPUTS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
ONE_INPUT = np.array([[0], [1]])

# Targets in the row order of TWO_INPUTS (or ONE_INPUT for NOT).
_TARGETS: dict[str, tuple[int, ...]] = {
    "AND": (0, 0, 0, 1),
    "OR": (0, 1, 1, 1),
    "NAND": (1, 1, 1, 0),
    "NOR": (1, 0, 0, 0),
    "XOR": (0, 1, 1, 0),
    "XNOR": (1, 0, 0, 1),
    "NOT": (1, 0),
}

GATE_NAMES: tuple[str, ...] = tuple(_TARGETS)
# Gates one straight line can separate, so a single perceptron learns them.
LINEAR_GATES: tuple[str, ...] = ("AND", "OR", "NAND", "NOR", "NOT")
# Gates that need a hidden layer (lesson 03 shows why).
NONLINEAR_GATES: tuple[str, ...] = ("XOR", "XNOR")


class UnknownGateError(ValueError):
    """Raised for a gate name that is not one of GATE_NAMES."""

    def __init__(self, name: object) -> None:
        self.name = name
        super().__init__(f"unknown gate {name!r}; choose one of: {', '.join(GATE_NAMES)}")


@dataclass(frozen=True)
class Gate:
    """A named logic gate with its full truth table."""

    name: str
    inputs: np.ndarray
    targets: np.ndarray

    @property
    def arity(self) -> int:
        """How many inputs the gate takes (1 for NOT, 2 for the rest)."""
        return int(self.inputs.shape[1])

    @property
    def is_linear(self) -> bool:
        """Whether one straight line separates the gate's 0s from its 1s."""
        return self.name in LINEAR_GATES

    def __call__(self, *bits: int) -> int:
        """Look up the gate's output for the given input bits."""
        if len(bits) != self.arity:
            raise ValueError(f"{self.name} takes {self.arity} input(s), got {len(bits)}")
        for row, target in zip(self.inputs, self.targets):
            if tuple(row) == bits:
                return int(target)
        raise ValueError(f"{self.name} inputs must each be 0 or 1, got {bits}")


def normalize_gate_name(name: str) -> str:
    """Return the canonical upper-case name, or raise UnknownGateError."""
    upper = name.strip().upper() if isinstance(name, str) else None
    if upper not in _TARGETS:
        raise UnknownGateError(name)
    return upper


def get_gate(name: str) -> Gate:
    """Return the gate called `name` (any case), e.g. get_gate("and")."""
    canonical = normalize_gate_name(name)
    targets = np.array(_TARGETS[canonical])
    inputs = ONE_INPUT if canonical == "NOT" else TWO_INPUTS
    return Gate(canonical, inputs.copy(), targets)


def truth_table(name: str) -> tuple[np.ndarray, np.ndarray]:
    """Return (inputs, targets) of the named gate, ready for Perceptron.fit."""
    gate = get_gate(name)
    return gate.inputs, gate.targets
