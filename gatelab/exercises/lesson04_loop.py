"""Lesson 04's Exercise 4.4: the training loop written by hand.

The check trains the lesson's network with the student's loop and with gatelab's train_mlp,
watching the loop through hooks: the order of its steps, the optimizer, the loss it records.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from typing import Any

import numpy as np

from gatelab.exercises._core import AnswerRaised, NothingReturned, Wrong, exercise, run_answer
from gatelab.exercises.lesson04 import lesson_net
from gatelab.gates import truth_table
from gatelab.language import tr, translatable

# The runs Ex 4.4 trains a student's loop on: (gate, hidden units, epochs, learning rate, seed).
TRAIN_LOOP_RUNS = (("XOR", 8, 300, 0.05, 0), ("XNOR", 3, 60, 0.1, 2))

# Wrong losses a student may write, each with the hint it earns (translated when shown).
_LOSS_SLIPS: dict[str, str] = {
    "swapped": translatable(
        "the loss gets its two inputs the wrong way round: first what the network says, "
        "then the targets"
    ),
    "squared": translatable(
        "that looks like mean squared error; the lesson trains with binary cross-entropy "
        "on the logits (section 4)"
    ),
    "sigmoid_twice": translatable(
        "the loss applies the sigmoid itself: give it the network's logits, not probabilities"
    ),
}


class _LoopTrace:
    """What a student's training loop did, seen through hooks on the network and the optimizer."""

    def __init__(self) -> None:
        self.events: list[str] = []  # "forward", "backward" and "step", in the order they came
        self.optimizers: list[Any] = []  # every optimizer that took a step
        self.last_gradient: Any = None  # the watched weight's gradient from the last backward
        self.piled_up = False  # a step saw old gradients added to this epoch's
        self.cleared = False  # a step found no gradient at all after a backward pass
        self.foreign = False  # a step by an optimizer that does not hold the model's weights

    def count(self, event: str) -> int:
        return self.events.count(event)

    def step_before_backward(self) -> bool:
        """Whether some step came after a forward pass but before its backward pass."""
        backward_done = True
        for event in self.events:
            if event == "forward":
                backward_done = False
            elif event == "backward":
                backward_done = True
            elif not backward_done:
                return True
        return False


@contextlib.contextmanager
def _watching(model: Any) -> Iterator[_LoopTrace]:
    """Record the forward passes, backward passes and optimizer steps a loop makes on `model`."""
    import torch
    from torch.optim.optimizer import register_optimizer_step_pre_hook

    trace = _LoopTrace()
    watched = model.output.bias  # every backward pass reaches it, so one weight is enough

    def on_forward(module: Any, inputs: Any, output: Any) -> None:
        trace.events.append("forward")

    def on_gradient(gradient: Any) -> None:
        trace.events.append("backward")
        trace.last_gradient = gradient.detach().clone()

    def on_step(optimizer: Any, args: Any, kwargs: Any) -> None:
        trace.events.append("step")
        if not any(optimizer is seen for seen in trace.optimizers):
            trace.optimizers.append(optimizer)
        held = [p for group in optimizer.param_groups for p in group["params"]]
        if not any(p is watched for p in held):
            trace.foreign = True
        elif watched.grad is None or not watched.grad.any():
            trace.cleared = trace.cleared or trace.count("backward") > 0
        elif trace.last_gradient is not None and not torch.allclose(
            watched.grad, trace.last_gradient
        ):
            trace.piled_up = True

    handles = [
        model.register_forward_hook(on_forward),
        watched.register_hook(on_gradient),
        register_optimizer_step_pre_hook(on_step),
    ]
    try:
        yield trace
    finally:
        for handle in handles:
            handle.remove()


def _train_with_loss(
    gate: str, hidden_size: int, epochs: int, lr: float, seed: int, slip: str
) -> Any:
    """The lesson's loop with one wrong loss (see _LOSS_SLIPS); returns the trained network."""
    import torch
    from torch import nn

    X, y = (torch.as_tensor(a, dtype=torch.float32) for a in truth_table(gate))
    model = lesson_net(hidden_size, seed=seed)
    bce = nn.BCEWithLogitsLoss()
    wrong_loss = {
        "swapped": lambda logits: bce(y, logits),
        "squared": lambda logits: nn.functional.mse_loss(logits, y),
        "sigmoid_twice": lambda logits: bce(torch.sigmoid(logits), y),
    }[slip]
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    for _ in range(epochs):
        optimizer.zero_grad()
        wrong_loss(model(X)).backward()
        optimizer.step()
    return model


def _same_weights(a: Any, b: Any) -> bool:
    """Whether two networks of the lesson's shape hold the same weights, up to rounding."""
    import torch

    pairs = zip(a.state_dict().values(), b.state_dict().values())
    return all(torch.allclose(x, y, rtol=1e-4, atol=1e-5) for x, y in pairs)


def _check_steps(trace: _LoopTrace, epochs: int, lr: float) -> None:
    """A ✗ for a slip the hooks saw in the order or the setup of the steps."""
    if trace.count("forward") == 0:
        raise Wrong(
            tr(
                "it never runs the network it is given: train `model`, not a network from the "
                "notebook such as `net`"
            )
        )
    if trace.count("backward") == 0:
        raise Wrong(
            tr(
                "no gradient ever reaches the weights: one of the four steps is missing, the "
                "one that fills in the gradients"
            )
        )
    if trace.count("step") == 0:
        raise Wrong(
            tr(
                "the weights never move, so the loss never changes: one of the four steps is "
                "missing, the one that moves the weights"
            )
        )
    if trace.foreign:
        raise Wrong(
            tr(
                "the optimizer does not hold this network's weights: make it from the "
                "parameters of `model`, the network the function is given"
            )
        )
    if trace.step_before_backward():
        raise Wrong(
            tr(
                "the optimizer steps before the backward pass has filled in this epoch's "
                "gradients: which step needs the result of which?"
            )
        )
    if trace.cleared:
        raise Wrong(
            tr(
                "the gradients are cleared between the backward pass and the step, so the "
                "step has nothing to follow"
            )
        )
    if trace.count("step") != epochs:
        raise Wrong(
            tr(
                "it takes {steps} optimizer steps for epochs={epochs}: take one step per epoch",
                steps=trace.count("step"),
                epochs=epochs,
            )
        )
    if len(trace.optimizers) > 1:
        raise Wrong(
            tr(
                "you make a new optimizer in every epoch, so Adam forgets the running averages "
                "of the gradients: make it once, before the loop"
            )
        )
    if trace.piled_up:
        raise Wrong(
            tr(
                "the gradients pile up: PyTorch adds each backward pass's gradients to the old "
                "ones, so every epoch must start from cleared gradients. Which of the four "
                "steps does that?"
            )
        )
    optimizer = trace.optimizers[0]
    if type(optimizer).__name__ != "Adam":
        raise Wrong(
            tr(
                "that optimizer is {name}, which moves the weights differently: the lesson "
                "trains with Adam",
                name=type(optimizer).__name__,
            )
        )
    rate = optimizer.param_groups[0]["lr"]
    if not math.isclose(float(rate), lr):
        raise Wrong(
            tr(
                "the optimizer's learning rate is {rate}: use `lr`, the rate the function is "
                "given ({lr})",
                rate=rate,
                lr=lr,
            )
        )


def _as_losses(result: Any) -> list[float] | None:
    """A student's returned losses as plain floats (numbers or one-number tensors), or None."""
    try:  # detach first: a loss tensor still carries its gradient graph
        return [float(v.detach() if hasattr(v, "detach") else v) for v in result]
    except (TypeError, ValueError, RuntimeError):
        return None


def _train(
    answer: Any, gate: str, hidden_size: int, epochs: int, lr: float, seed: int
) -> tuple[Any, Any, str]:
    """Train the lesson's network with the student's loop: the network, the loop's return
    value and the run in words; a ✗ for a slip the hooks saw."""
    import torch

    X, y = (torch.as_tensor(a, dtype=torch.float32) for a in truth_table(gate))
    model = lesson_net(hidden_size, seed=seed)
    run = tr(
        "{gate} with {hidden_size} hidden units, {epochs} epochs, lr={lr}, seed {seed}",
        gate=gate,
        hidden_size=hidden_size,
        epochs=epochs,
        lr=lr,
        seed=seed,
    )
    with _watching(model) as trace:
        try:
            result = run_answer(answer, model, X.clone(), y.clone(), epochs, lr, run=run)
        except AnswerRaised as raised:
            if "does not require grad" in str(raised.error):
                raise Wrong(
                    tr(
                        "the loss has no gradients to follow: train outside torch.no_grad(), "
                        "which is only for looking"
                    )
                ) from None
            raise
    if result is None and not trace.events:
        raise NothingReturned
    _check_steps(trace, epochs, lr)
    return model, result, run


@exercise(translatable("Exercise 4.4 (write the training loop)"), shows_verdict=True)
def check_train_loop(answer: Any) -> str:
    """Ex 4.4: train_loop(model, X, y, epochs, lr) trains like train_mlp and returns the losses."""
    if not callable(answer):
        raise Wrong(tr("pass the function itself: check_train_loop(train_loop)"))
    from gatelab.mlp import train_mlp

    for gate, hidden_size, epochs, lr, seed in TRAIN_LOOP_RUNS:
        model, result, run = _train(answer, gate, hidden_size, epochs, lr, seed)
        library = train_mlp(
            *truth_table(gate), hidden_size=hidden_size, epochs=epochs, learning_rate=lr, seed=seed
        )
        if not _same_weights(model, library.model):
            for loss_slip, hint in _LOSS_SLIPS.items():
                slipped = _train_with_loss(gate, hidden_size, epochs, lr, seed, loss_slip)
                if _same_weights(model, slipped):
                    raise Wrong(tr(hint))
            raise Wrong(
                tr(
                    "on {run} the steps come in the right order, but the weights end up "
                    "elsewhere than with train_mlp: check the loss function and what you give it",
                    run=run,
                )
            )
        if result is None:
            raise Wrong(
                tr("your loop trains well but returns nothing: return the loss of every epoch")
            )
        losses = _as_losses(result)
        if losses is None or len(losses) != epochs:
            raise Wrong(
                tr(
                    "return a list with one loss per epoch: {epochs} numbers for epochs={epochs}",
                    epochs=epochs,
                )
            )
        if not np.allclose(losses, library.losses, rtol=1e-4, atol=1e-6):
            raise Wrong(
                tr(
                    "the weights are right, but the losses differ: record each epoch's loss "
                    "from its forward pass, as a number (.item())"
                )
            )
    return tr("your loop ends with the same weights and losses as train_mlp, for two networks")
