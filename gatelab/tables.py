"""Small tables that read well on a code host (HTML) and when printed (aligned text).

Lessons 01-02 show a perceptron's learning steps and its truth table with them.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from gatelab.gates import get_gate
from gatelab.language import tr
from gatelab.perceptron import Perceptron


def display_width(text: str) -> int:
    """How many columns `text` takes in a terminal: Hangul and other wide letters take two."""
    return sum(2 if unicodedata.east_asian_width(letter) in "WF" else 1 for letter in text)


@dataclass(frozen=True)
class Table:
    """A small table: shown as HTML in a notebook, as aligned text when printed."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""

    def __str__(self) -> str:
        widths = [max(map(display_width, column)) for column in zip(self.headers, *self.rows)]

        def right_aligned(cell: str, width: int) -> str:
            return " " * (width - display_width(cell)) + cell

        lines = ["  ".join(map(right_aligned, row, widths)) for row in (self.headers, *self.rows)]
        lines.insert(1, "  ".join("-" * width for width in widths))
        return "\n".join(([self.caption] if self.caption else []) + lines)

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(cell)}</th>" for cell in self.headers)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
            for row in self.rows
        )
        caption = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _numbers(values: Sequence[float]) -> str:
    """A short tuple of rounded numbers, e.g. '(0.637, 0.270)'."""
    return "(" + ", ".join(f"{float(v):.3f}" for v in values) + ")"


def history_table(
    model: Perceptron, epochs: Sequence[int] | None = None, max_rows: int | None = None
) -> Table:
    """The recorded learning steps (optionally only some epochs), one row per step, rounded."""
    records = model.history_as_dicts()
    if epochs is not None:
        records = [record for record in records if record["epoch"] in set(epochs)]
    rows = tuple(
        (
            str(record["epoch"]),
            "(" + ", ".join(f"{v:g}" for v in record["inputs"]) + ")",
            _numbers(record["weights_before"]),
            f"{record['bias_before']:.3f}",
            f"{record['weighted_sum']:.3f}",
            str(record["prediction"]),
            str(record["target"]),
            f"{record['error']:+d}" if record["error"] else "0",
        )
        for record in records[:max_rows]
    )
    headers = (
        tr("epoch"),
        tr("input x"),
        tr("weights w"),
        tr("bias b"),
        "w·x + b",
        tr("says"),
        tr("target"),
        tr("error"),
    )
    if len(rows) < len(records):
        caption = tr(
            "Learning steps (first {shown} of {total} shown)", shown=len(rows), total=len(records)
        )
    else:
        caption = tr("Learning steps ({shown} shown)", shown=len(rows))
    return Table(headers, rows, caption=caption)


def truth_table_check(gate: str, weights: Sequence[float], bias: float) -> Table:
    """The gate's truth table beside what step(w·x + b) says, with ✓ or ✗ per row."""
    spec = get_gate(gate)
    model = Perceptron.from_weights(np.atleast_1d(weights), bias)  # a scalar: one weight
    sums, said = model.decision_function(spec.inputs), model.predict(spec.inputs)
    names = ("x",) if spec.arity == 1 else ("x1", "x2")
    rows = tuple(
        (
            *(str(int(v)) for v in row),
            f"{total:.2f}",
            str(answer),
            str(int(target)),
            "✓" if answer == target else "✗",
        )
        for row, total, answer, target in zip(spec.inputs, sums, said, spec.targets)
    )
    right = int((said == spec.targets).sum())
    headers = (*names, "w·x + b", tr("says"), spec.name, tr("ok"))
    caption = tr("{gate}: {right} of {rows} right", gate=spec.name, right=right, rows=len(rows))
    return Table(headers, rows, caption=caption)
