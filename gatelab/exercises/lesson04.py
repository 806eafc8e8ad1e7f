"""Lesson 04's exercises: count a network's parameters, its forward pass by hand, and how many
seeds learn XNOR with 3 hidden units. Exercise 4.4, the training loop, is in lesson04_loop.py.

The code checks run the student's function on small networks of the lesson's own shape (layers
`hidden`, `act`, `output`, no parameter_count method), built here with fixed seeds. torch is
imported inside the checks: lessons 01-03 use this package without it.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from gatelab.exercises._core import AnswerRaised, NothingReturned, Wrong, exercise, run_answer
from gatelab.exercises._shared import as_number
from gatelab.gates import truth_table
from gatelab.language import tr, translatable


class _LayerCalled(Exception):
    """Raised when a student's forward pass calls a layer instead of using its weights."""


def lesson_net(hidden_size: int, n_inputs: int = 2, seed: int = 0, sums_only: bool = False) -> Any:
    """A network like lesson 04's XorNet, with seeded weights (sums_only: layers refuse calls)."""
    import torch
    from torch import nn

    class SumsOnly(nn.Linear):
        def forward(self, x: Any) -> Any:
            raise _LayerCalled

    linear = SumsOnly if sums_only else nn.Linear

    class LessonNet(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.hidden = linear(n_inputs, hidden_size)
            self.act = nn.Tanh()
            self.output = linear(hidden_size, 1)

        def forward(self, x: Any) -> Any:
            return self.output(self.act(self.hidden(x))).squeeze(-1)

    with torch.random.fork_rng(devices=[]):  # leave the notebook's random numbers alone
        torch.manual_seed(seed)
        return LessonNet()


def _shape_text(n_inputs: int, hidden_size: int) -> str:
    return f"{n_inputs} → {hidden_size} → 1"


def _parameter_count(n_inputs: int, hidden_size: int) -> int:
    """What gatelab's own GateMLP of this shape counts."""
    import torch

    from gatelab.mlp import GateMLP

    with torch.random.fork_rng(devices=[]):  # building it draws random starting weights
        return GateMLP(hidden_size, n_inputs=n_inputs).parameter_count()


@exercise(translatable("Exercise 4.1 (count the parameters)"), shows_verdict=True)
def check_count_parameters(answer: Any) -> str:
    """Ex 4.1: a function count_parameters(model) that counts every weight and bias."""
    if not callable(answer):
        raise Wrong(tr("pass the function itself: check_count_parameters(count_parameters)"))
    shapes = [(2, 1), (2, 3), (2, 16), (3, 5)]  # (inputs, hidden units)
    counts = {}
    for n_inputs, hidden_size in shapes:
        shape = _shape_text(n_inputs, hidden_size)
        network = tr("a {shape} network", shape=shape)
        try:
            got = run_answer(answer, lesson_net(hidden_size, n_inputs), run=network)
        except AnswerRaised as raised:
            if isinstance(raised.error, AttributeError) and "parameter_count" in str(raised.error):
                raise Wrong(
                    tr(
                        "parameter_count() belongs to gatelab's GateMLP only; count the numbers "
                        "in model.parameters() yourself"
                    )
                ) from None
            raise
        if got is None:
            raise NothingReturned
        value = as_number(got)
        if value is None or value != int(value):
            raise Wrong(
                tr(
                    "return one whole number; for a {shape} network it gave {got}",
                    shape=shape,
                    got=repr(got),
                )
            )
        counts[(n_inputs, hidden_size)] = int(value)
    wrong = [(n, h) for n, h in shapes if counts[(n, h)] != _parameter_count(n, h)]
    if not wrong:
        return tr("right for every network tried, from 2 → 1 → 1 to 3 → 5 → 1")
    raise Wrong(_count_slip(counts, wrong))


def _count_slip(counts: dict[tuple[int, int], int], wrong: list[tuple[int, int]]) -> str:
    """The hint for counts (per inputs and hidden units) that are wrong on the networks `wrong`."""
    n, h = wrong[0]
    got, shape = counts[(n, h)], _shape_text(n, h)
    if got == len(list(lesson_net(h, n).parameters())):
        return tr("you counted the tensors; count the numbers inside each (.numel())")
    if len(set(counts.values())) == 1:
        return tr("it gives {got} for every network: read the sizes from the model", got=got)
    if got == n * h + h:
        return tr(
            "on {shape} that is the weights only (or the hidden layer only): add the "
            "biases, and the output layer",
            shape=shape,
        )
    if all(n != 2 for n, _ in wrong):
        return tr(
            "right with 2 inputs, not on {shape}: read the number of inputs from the model "
            "too (hidden.weight has one column per input)",
            shape=shape,
        )
    return tr(
        "on {shape} it gives {got}, not the number of weights and biases: add up the sizes "
        "of every tensor in model.parameters()",
        shape=shape,
        got=got,
    )


def _forward_by_hand(answer: Any, net: Any, X: Any) -> Any:
    """answer(net, X) as a float tensor; a ✗ that names the slip if it calls a layer or fails."""
    import torch

    run = tr("a {shape} network", shape=_shape_text(2, net.hidden.out_features))
    try:
        with torch.no_grad():
            got = run_answer(answer, net, X.clone(), run=run)
    except AnswerRaised as raised:
        if isinstance(raised.error, _LayerCalled):
            raise Wrong(
                tr(
                    "it calls a layer (net(X) or net.hidden(X)); write the sums out with "
                    "net.hidden.weight and net.hidden.bias instead"
                )
            ) from None
        detail = str(raised.error)
        if "shapes cannot be multiplied" in detail or "size mismatch" in detail:
            raise Wrong(
                tr(
                    "the shapes do not fit: a layer's weight is (out, in), one row per unit, "
                    "so multiply by its transpose: X @ weight.T"
                )
            ) from None
        raise
    if got is None:
        raise NothingReturned
    try:
        return torch.as_tensor(got, dtype=torch.float32).detach()
    except (TypeError, ValueError, RuntimeError):
        raise Wrong(tr("return the logits as a tensor, one number per row")) from None


_ALL_PARTS = ("b1", "tanh", "b2")  # the hidden bias, the activation, the output bias


def _matches(got: Any, net: Any, X: Any, *parts: str) -> bool:
    """Whether `got` equals the network's logits with only these parts (a slip leaves some out).

    "b1" is the hidden layer's bias, "tanh" its activation, "b2" the output layer's bias, and
    "sigmoid" turns the logits into probabilities.
    """
    import torch

    W1, b1 = net.hidden.weight.detach(), net.hidden.bias.detach()
    W2, b2 = net.output.weight.detach(), net.output.bias.detach()
    hidden = X @ W1.T + (b1 if "b1" in parts else 0)
    hidden = torch.tanh(hidden) if "tanh" in parts else hidden
    logits = (hidden @ W2.T + (b2 if "b2" in parts else 0)).squeeze(-1)
    logits = torch.sigmoid(logits) if "sigmoid" in parts else logits
    return got.shape == logits.shape and torch.allclose(got, logits, atol=1e-5)


@exercise(translatable("Exercise 4.2 (the forward pass by hand)"), shows_verdict=True)
def check_forward_by_hand(answer: Any) -> str:
    """Ex 4.2: forward_by_hand(net, X), the network's logits from its weights, with @ and tanh."""
    if not callable(answer):
        raise Wrong(tr("pass the function itself: check_forward_by_hand(forward_by_hand)"))
    import torch

    X = torch.as_tensor(truth_table("XOR")[0], dtype=torch.float32)
    for hidden_size, seed in ((8, 0), (3, 1)):  # not 2: a 2 × 2 weight needs no transpose
        net = lesson_net(hidden_size, seed=seed, sums_only=True)
        got = _forward_by_hand(answer, net, X)
        if got.shape == (4, 1) and _matches(got.squeeze(-1), net, X, *_ALL_PARTS):
            raise Wrong(tr("right numbers, shape (4, 1): use .squeeze(-1) for one logit per row"))
        if got.shape != (4,):
            raise Wrong(
                tr("give one logit per row, shape (4,), not {shape}", shape=tuple(got.shape))
            )
        if _matches(got, net, X, *_ALL_PARTS):
            continue
        if _matches(got, net, X, "b1", "tanh", "b2", "sigmoid"):
            raise Wrong(tr("those are probabilities: the network returns logits (no sigmoid)"))
        if _matches(got, net, X, "b1", "b2"):
            raise Wrong(tr("the hidden sums must go through tanh before the output layer"))
        if _matches(got, net, X, "tanh"):
            raise Wrong(tr("add each layer's bias after its weighted sum"))
        if _matches(got, net, X, "b1", "tanh"):
            raise Wrong(tr("the hidden layer is right, but the output layer's bias is missing"))
        if _matches(got, net, X, "tanh", "b2"):
            raise Wrong(tr("the output layer is right, but the hidden layer's bias is missing"))
        raise Wrong(
            tr(
                "the logits differ from net(X): in your own notebook, compare each step with "
                "the layers (net.hidden(X), then net.act, then net.output) to find the first "
                "step that differs"
            )
        )
    return tr("your logits equal net(X) for two different networks")


_LEARNED: dict[tuple[str, int], int] = {}  # training is deterministic: count each case once


def _seeds_that_learn(gate: str, hidden_size: int) -> int:
    """Of seeds 0..9, how many train a network of this size that gets the gate 4/4."""
    from gatelab.mlp import train_gate_mlp  # torch is needed only here

    if (gate, hidden_size) not in _LEARNED:
        X, y = truth_table(gate)
        runs = (train_gate_mlp(gate, seed=s, hidden_size=hidden_size) for s in range(10))
        _LEARNED[gate, hidden_size] = sum(
            bool(np.array_equal(run.model.predict(X), y)) for run in runs
        )
    return _LEARNED[gate, hidden_size]


@exercise(translatable("Exercise 4.3 (XNOR with 3 hidden units)"), shows_verdict=True)
def check_xnor_small_networks(answer: Any, guess: Any = None) -> str:
    """Ex 4.3: for how many of seeds 0..9 does a 3-unit network learn XNOR (run it to find out)?"""
    value = as_number(answer)
    if value is None or value != int(value) or not 0 <= value <= 10:
        raise Wrong(tr("answer with how many of the 10 seeds learn it: 0 to 10"))
    learned = _seeds_that_learn
    expected = learned("XNOR", 3)
    if int(value) == expected:
        if guess is ... or guess is None:  # the guess line left as the lesson gives it
            return tr("that is what the runs give")
        return tr("that is what the runs give (your guess before running: {guess})", guess=guess)
    # Each typical slip gives a count of its own; the first slip listed wins a shared count.
    hints: dict[int, str] = {}
    hints.setdefault(learned("XOR", 3), tr("that is XOR's count: train XNOR"))
    hints.setdefault(
        learned("XNOR", 2), tr("that is the count with 2 hidden units: use hidden_size=3")
    )
    hints.setdefault(
        learned("XNOR", 8),
        tr(
            "that is what the default hidden size gives: check that your runs really "
            "have 3 hidden units"
        ),
    )
    hints.setdefault(
        10 - expected,
        tr("that is how many seeds fail: count the runs that get all four rows right"),
    )
    hints.setdefault(
        0,
        tr(
            "no run counted: check what you compare the predictions with; they must equal "
            "XNOR's targets, not the XOR targets from the lesson"
        ),
    )
    hints.pop(expected, None)
    default = tr(
        "that is not what the runs give: print each seed's four predictions beside "
        "XNOR's targets, then count the seeds where all four agree"
    )
    raise Wrong(hints.get(int(value), default))
