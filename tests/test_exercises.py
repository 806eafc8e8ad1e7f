"""Every exercise check accepts its reference solution and explains typical wrong answers."""

import httpx
import numpy as np
import pytest
import torch

from gatelab import Perceptron, train_gate, truth_table
from gatelab import exercises as ex

ALL_CHECKS = [getattr(ex, name) for name in dir(ex) if name.startswith("check_")]


@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("placeholder", [..., None])
def test_placeholder_is_not_attempted(check, placeholder):
    result = check(placeholder)
    assert result.status == ex.NOT_ATTEMPTED
    assert not result.passed
    assert "…" in repr(result) and "not attempted yet: replace `...`" in repr(result)


def test_result_renders_as_html_and_text():
    result = ex.check_float32_bytes(4_000_000)
    assert result.passed
    assert repr(result).startswith("✓ Exercise 5.1")
    assert "✓" in result._repr_html_() and "#1a7f37" in result._repr_html_()
    wrong = ex.check_float32_bytes(3)
    assert repr(wrong).startswith("✗") and "#cf222e" in wrong._repr_html_()


def test_lesson_04_05_checks_show_their_verdict_in_a_notebook(monkeypatch):
    """A line after the check, such as print(...), cannot hide the verdict: the check shows it."""
    import types

    import IPython
    import IPython.display

    shown = []
    shell = types.SimpleNamespace(kernel=object(), execution_count=7)
    monkeypatch.setattr(IPython, "get_ipython", lambda: shell)
    monkeypatch.setattr(IPython.display, "display", shown.append)
    result = ex.check_float32_bytes(4_000_000)
    assert result.passed and [str(r) for r in shown] == [str(result)]
    result._ipython_display_()  # the same cell's last value: not shown twice
    assert len(shown) == 1
    shell.execution_count = 8  # looked at again in a later cell: shown again
    result._ipython_display_()
    assert len(shown) == 2
    ex.check_nand_weights(...)  # other lessons' checks only return their verdict, as before
    assert len(shown) == 2


def assert_wrong(result, hint):
    assert result.status == "wrong", result
    assert hint in result.message, result.message


# ----- lesson 01 -----


def test_nand_weights():
    assert ex.check_nand_weights(([-1, -1], 1.5)).passed
    # AND's weights: (1, 1) is right but the others are not.
    assert_wrong(
        ex.check_nand_weights(([1, 1], -1.5)), "misclassifies (0, 0): its weighted sum is -1.5 < 0"
    )
    assert_wrong(
        ex.check_nand_weights(([-1, -1], 2.5)), "misclassifies (1, 1): its weighted sum is 0.5 ≥ 0"
    )
    assert_wrong(ex.check_nand_weights([1, 2, 3]), "give the answer as a pair")
    assert_wrong(ex.check_nand_weights(([1], 0)), "give 2 weight(s)")
    assert_wrong(ex.check_nand_weights(([-1, -1], [1.5, 99])), "give the answer as a pair")


def test_and_epochs():
    reference = train_gate("AND", learning_rate=0.5, seed=0).converged_epoch_
    result = ex.check_and_epochs(reference)
    assert result.passed and "overshoots" in result.message  # ✓ says why it took more
    shown = train_gate("AND", learning_rate=0.1, seed=0).converged_epoch_
    assert shown < reference  # the ✓ message says "more epochs than at rate 0.1"
    assert shown != reference  # so the "that is the rate-0.1 run" hint can fire
    assert_wrong(ex.check_and_epochs(shown), "learning rate 0.1 shown in the lesson")
    assert_wrong(ex.check_and_epochs(reference - 1), "that epoch counts")
    assert_wrong(ex.check_and_epochs(reference * 4), "number of steps")
    assert_wrong(ex.check_and_epochs("six"), "whole number")
    assert_wrong(ex.check_and_epochs(10**400), "whole number")


def test_first_update():
    assert ex.check_first_update([0.5, 0.4]).passed
    assert_wrong(ex.check_first_update([0.4, 0.4]), "it does not move")
    assert_wrong(ex.check_first_update([0.5, 0.6]), "sign of the error")
    assert_wrong(ex.check_first_update([0.5, 0.5]), "a mistake")


def reference_train(X, y, weights, bias, learning_rate, epochs, strict=False):
    """The lesson 01 loop, as a student would write it (`strict`: the slip `> 0` for `>= 0`)."""
    for _ in range(epochs):
        mistakes = 0
        for x, target in zip(X, y):
            total = x @ weights + bias
            prediction = 1 if (total > 0 if strict else total >= 0) else 0
            error = target - prediction
            weights = weights + learning_rate * error * x
            bias = bias + learning_rate * error
            mistakes += error != 0
        if mistakes == 0:
            break
    return weights, bias


def slipped_train(slip):
    """A student's loop with one typical slip, to check the hint it gets."""

    def train(X, y, weights, bias, learning_rate, epochs):
        if slip in ("reseed", "copied"):  # the lesson cell's own start, pasted in
            rng = np.random.default_rng(0)
            weights, bias = rng.random(2), rng.random()
        if slip in ("fixed_rate", "copied"):
            learning_rate = 0.1
        if slip == "budget":
            epochs = 100
        if slip == "copied":
            epochs = 20
        for _ in range(1 if slip == "one_epoch" else epochs):
            mistakes = 0
            start_w, start_b = weights.copy(), bias
            changes = []
            for x, target in zip(X, y):
                w, b = (start_w, start_b) if slip == "batch" else (weights, bias)
                total = x @ w + b
                prediction = int(total > 0) if slip == "strict" else int(total >= 0)
                error = target - prediction
                if slip == "stop_on_right" and error == 0:
                    return weights, bias
                change = {"sign": -error, "prediction": prediction}.get(slip, error)
                rate = 1 if slip == "rate" else learning_rate
                dw = rate * change * (1 if slip == "input" else x)
                db = {"bias": 0, "bias_rate": change}.get(slip, rate * change)
                if slip == "batch":
                    changes.append((dw, db))
                else:
                    weights, bias = weights + dw, bias + db
                mistakes += error != 0
            for dw, db in changes:
                weights, bias = weights + dw, bias + db
            if mistakes == 0:
                break
        return weights, bias

    return train


def test_learning_rule_accepts_the_lesson_loop():
    result = ex.check_learning_rule(reference_train)
    assert result.passed, result

    # Changing the weights in place (the seed lesson's `+=`) is fine too.
    def in_place(X, y, weights, bias, learning_rate, epochs):
        weights, bias = weights.astype(float), np.array([bias])
        for _ in range(epochs):
            for x, target in zip(X, y):
                error = target - (1 if x @ weights + bias[0] >= 0 else 0)
                weights += learning_rate * error * x
                bias += learning_rate * error
        return weights, bias

    assert ex.check_learning_rule(in_place).passed


@pytest.mark.parametrize(
    ("slip", "hint"),
    [
        ("sign", "target − prediction, not prediction − target"),
        ("prediction", "you updated with the prediction"),
        ("bias", "the bias never changes"),
        ("input", "its own input"),
        ("rate", "multiply each update by the learning rate"),
        ("bias_rate", "the bias moves by the whole error"),
        ("fixed_rate", "use the learning_rate your function is given"),
        ("strict", "exactly 0 must give 1"),
        ("reseed", "ignores the one it is given"),
        ("budget", "your loop ignores `epochs`"),
        ("copied", "as the lesson's cell does"),
        ("batch", "update after every row"),
        ("stop_on_right", "not at the first row that is right"),
        ("one_epoch", "one pass over the truth table"),
    ],
)
def test_learning_rule_names_the_slip(slip, hint):
    assert_wrong(ex.check_learning_rule(slipped_train(slip)), hint)


def test_learning_rule_catches_the_lesson_loop_as_it_is():
    # Section 4's loop, wrapped in a function: 20 epochs and `>= 0` written in by hand.
    def lesson_loop(X, y, weights, bias, learning_rate, epochs, fires=lambda total: total >= 0):
        for _ in range(1, 21):
            mistakes = 0
            for x, target in zip(X, y):
                error = target - int(fires(x @ weights + bias))
                weights = weights + learning_rate * error * x
                bias = bias + learning_rate * error
                mistakes += error != 0
            if mistakes == 0:
                break
        return weights, bias

    assert_wrong(ex.check_learning_rule(lesson_loop), "your loop ignores `epochs`")

    def reseeded(X, y, weights, bias, learning_rate, epochs):  # two slips: hear of one first
        rng = np.random.default_rng(0)
        return lesson_loop(X, y, rng.random(2), rng.random(), learning_rate, epochs)

    assert_wrong(ex.check_learning_rule(reseeded), "ignores the one it is given")

    def greater(X, y, weights, bias, learning_rate, epochs):
        return reference_train(X, y, weights, bias, learning_rate, epochs, strict=True)

    assert_wrong(ex.check_learning_rule(greater), "exactly 0 must give 1")


def test_learning_rule_other_answers():
    def uses_library(X, y, weights, bias, learning_rate, epochs):
        model = Perceptron(learning_rate=learning_rate, epochs=epochs).fit(X, y)
        return model.weights_, model.bias_

    assert_wrong(ex.check_learning_rule(uses_library), "write the loop yourself")
    assert_wrong(ex.check_learning_rule(lambda *args: None), "returns nothing")
    assert_wrong(ex.check_learning_rule(lambda *args: [1, 2, 3]), "return two things")
    assert_wrong(ex.check_learning_rule(lambda X, y: (X, y)), "raised TypeError")
    assert_wrong(ex.check_learning_rule(lambda *args: ([9.0, 9.0], 9.0)), "differ from the library")
    assert_wrong(ex.check_learning_rule(3), "pass your function itself")


def test_no_check_prints_the_expected_number():
    for check, expected in [
        (ex.check_and_epochs, train_gate("AND", learning_rate=0.5, seed=0).converged_epoch_),
        (ex.check_nand_fast_rate, train_gate("NAND", learning_rate=1.0, seed=3).converged_epoch_),
        (ex.check_lucky_seeds, lucky_seeds()),
    ]:
        for answer in range(1, 40):
            if answer != expected:
                message = check(answer).message
                assert str(expected) not in message.replace(str(answer), ""), message


# ----- lesson 02 -----


def test_not_threshold():
    assert ex.check_not_threshold(([-1], 0.8)).passed
    assert ex.check_not_threshold(([-0.3], 0.24)).passed  # -b/w = 0.8 up to rounding
    # The trained NOT from the lesson computes NOT, but its threshold is elsewhere.
    trained = train_gate("NOT")
    assert_wrong(ex.check_not_threshold((trained.weights_, trained.bias_)), "not at 0.8")
    assert_wrong(ex.check_not_threshold(([1], -0.8)), "with a positive weight")
    assert_wrong(ex.check_not_threshold(([0], 1)), "no threshold")
    assert_wrong(ex.check_not_threshold(([1, 1], 0)), "give 1 weight(s)")
    assert_wrong(ex.check_not_threshold([1, 2, 3]), "give the answer as a pair")
    for weight in (-1, -2.5, 1, 3):  # no hint states a weight and bias that work
        message = ex.check_not_threshold(([weight], 0.0)).message
        assert "b =" not in message and "w =" not in message


def lucky_seeds():
    """The reference solution of Ex 2.2: count the seeds that converge within 3 epochs."""
    return sum(
        train_gate("NAND", learning_rate=1.0, epochs=3, seed=seed).converged_ for seed in range(50)
    )


def test_lucky_seeds():
    reference = lucky_seeds()
    assert 0 < reference < 50  # reachable, and not every seed
    assert ex.check_lucky_seeds(reference).passed
    assert_wrong(ex.check_lucky_seeds(50 - reference), "did not converge")
    assert_wrong(ex.check_lucky_seeds(0), "learning rate 0.1")
    assert_wrong(ex.check_lucky_seeds(50), "budget of epochs=3")
    assert_wrong(ex.check_lucky_seeds("nine"), "whole number")


def test_nand_fast_rate():
    reference = train_gate("NAND", learning_rate=1.0, seed=3).converged_epoch_
    result = ex.check_nand_fast_rate(reference)
    assert result.passed and "overshoots" in result.message  # ✓ says why it took more
    slow = train_gate("NAND", learning_rate=0.1, seed=3).converged_epoch_
    assert slow < reference  # the ✓ message says "more epochs than at rate 0.1"
    assert_wrong(ex.check_nand_fast_rate(slow), "use learning_rate=1.0")
    seed_0 = train_gate("NAND", learning_rate=1.0, seed=0).converged_epoch_
    assert_wrong(ex.check_nand_fast_rate(seed_0), "use seed=3")
    assert_wrong(ex.check_nand_fast_rate(12), "the run shown in the lesson")
    assert_wrong(ex.check_nand_fast_rate(reference * 4), "number of steps")
    assert len({reference, slow, seed_0, 12, reference * 4}) == 5  # every hint can fire


# ----- lesson 03 -----


def test_xor_missing_corner():
    assert ex.check_xor_missing_corner(([-1, 1], -0.5)).passed
    assert ex.check_xor_missing_corner(([-2, 2], -1)).passed
    # The three lines the lesson draws each leave a different corner wrong.
    assert_wrong(ex.check_xor_missing_corner(([1, 1], -0.5)), "the wrong point is (1, 1)")
    assert_wrong(ex.check_xor_missing_corner(([1, -1], -0.5)), "the wrong point is (0, 1)")
    assert_wrong(ex.check_xor_missing_corner(([-1, -1], 1.5)), "the wrong point is (0, 0)")
    assert_wrong(ex.check_xor_missing_corner(([1, 0], -0.5)), "2 of 4 are on the wrong side")
    assert_wrong(ex.check_xor_missing_corner(([0, 0], 1)), "with w = (0, 0) there is no line")
    assert_wrong(ex.check_xor_missing_corner([1, 2, 3]), "give the answer as a pair")
    assert_wrong(ex.check_xor_missing_corner(([1], 0)), "give 2 weights")


def test_xnor_from_gates():
    and_, nor, or_ = train_gate("AND"), train_gate("NOR"), train_gate("OR")

    def xnor(a, b):
        return or_.predict([and_.predict([a, b]), nor.predict([a, b])])

    def xor(a, b):
        return int(a != b)

    assert ex.check_xnor_from_gates(xnor).passed
    nand = train_gate("NAND")

    def flipped_xor(a, b):  # NOT as 1 - answer: a fair way to flip a trained gate's answer
        return 1 - and_.predict([nand.predict([a, b]), or_.predict([a, b])])

    assert ex.check_xnor_from_gates(flipped_xor).passed
    result = ex.check_xnor_from_gates(xor)
    assert_wrong(result, "that computes XOR")
    assert "OR(" not in result.message and "AND" not in result.message  # no formula given away
    assert_wrong(ex.check_xnor_from_gates(lambda a, b: a & b), "on inputs (0, 0) it gives 0")
    assert_wrong(ex.check_xnor_from_gates(lambda a: a), "raised TypeError")
    assert_wrong(ex.check_xnor_from_gates(3), "pass a function")
    assert_wrong(ex.check_xnor_from_gates(lambda a, b: int(a == b)), "no trained perceptron")


# ----- lesson 04 -----


def count_parameters(model):
    """Reference solution for 4.1."""
    return sum(parameter.numel() for parameter in model.parameters())


def test_count_parameters():
    assert ex.check_count_parameters(count_parameters).passed
    # From the layer shapes, the other way the lesson suggests:
    assert ex.check_count_parameters(
        lambda m: sum(int(torch.tensor(p.shape).prod()) for p in m.parameters())
    ).passed
    assert_wrong(ex.check_count_parameters(lambda m: 33), "every network")
    assert_wrong(ex.check_count_parameters(lambda m: len(list(m.parameters()))), "the tensors")
    weights_only = lambda m: sum(p.numel() for n, p in m.named_parameters() if "weight" in n)  # noqa: E731
    assert_wrong(ex.check_count_parameters(weights_only), "add the biases")
    assert_wrong(ex.check_count_parameters(lambda m: m.parameter_count()), "GateMLP only")
    two_inputs = lambda m: 2 * m.hidden.out_features + m.hidden.out_features * 2 + 1  # noqa: E731
    assert_wrong(ex.check_count_parameters(two_inputs), "right with 2 inputs")
    assert_wrong(ex.check_count_parameters(lambda m: 1 / 0), "raised ZeroDivisionError")
    assert_wrong(ex.check_count_parameters(lambda m: 2.5), "whole number")
    assert_wrong(ex.check_count_parameters(7), "pass the function")
    assert ex.check_count_parameters(lambda m: None).status == ex.NOT_ATTEMPTED


def forward_by_hand(net, X):
    """Reference solution for 4.2."""
    hidden = torch.tanh(X @ net.hidden.weight.T + net.hidden.bias)
    return (hidden @ net.output.weight.T + net.output.bias).squeeze(-1)


def test_forward_by_hand():
    assert ex.check_forward_by_hand(forward_by_hand).passed
    assert_wrong(ex.check_forward_by_hand(lambda net, X: net(X)), "calls a layer")
    no_transpose = lambda net, X: torch.tanh(X @ net.hidden.weight + net.hidden.bias)  # noqa: E731
    assert_wrong(ex.check_forward_by_hand(no_transpose), "weight is (out, in)")

    def no_squeeze(net, X):
        return forward_by_hand(net, X).unsqueeze(-1)

    def no_tanh(net, X):
        hidden = X @ net.hidden.weight.T + net.hidden.bias
        return (hidden @ net.output.weight.T + net.output.bias).squeeze(-1)

    def no_bias(net, X):
        hidden = torch.tanh(X @ net.hidden.weight.T)
        return (hidden @ net.output.weight.T).squeeze(-1)

    assert_wrong(ex.check_forward_by_hand(no_squeeze), ".squeeze(-1)")
    assert_wrong(
        ex.check_forward_by_hand(lambda net, X: torch.sigmoid(forward_by_hand(net, X))),
        "probabilities",
    )
    assert_wrong(ex.check_forward_by_hand(no_tanh), "through tanh")
    assert_wrong(ex.check_forward_by_hand(no_bias), "bias")
    no_output_bias = lambda net, X: (  # noqa: E731
        torch.tanh(X @ net.hidden.weight.T + net.hidden.bias) @ net.output.weight.T
    ).squeeze(-1)
    assert_wrong(ex.check_forward_by_hand(no_output_bias), "the output layer's bias is missing")
    no_hidden_bias = lambda net, X: (  # noqa: E731
        torch.tanh(X @ net.hidden.weight.T) @ net.output.weight.T + net.output.bias
    ).squeeze(-1)
    assert_wrong(ex.check_forward_by_hand(no_hidden_bias), "the hidden layer's bias is missing")
    for slip in (no_output_bias, no_hidden_bias, lambda net, X: forward_by_hand(net, X) + 1):
        assert "tanh(" not in ex.check_forward_by_hand(slip).message  # a hint, not the code
    assert_wrong(ex.check_forward_by_hand(lambda net, X: forward_by_hand(net, X) + 1), "differ")
    assert_wrong(ex.check_forward_by_hand(lambda net, X: forward_by_hand(net, X)[:2]), "shape (4,)")
    assert ex.check_forward_by_hand(lambda net, X: None).status == ex.NOT_ATTEMPTED


def test_forward_check_leaves_the_global_random_state_alone():
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    ex.check_forward_by_hand(forward_by_hand)
    assert torch.equal(torch.rand(3), expected)


def test_xnor_small_networks():
    # Measured with train_gate_mlp("XNOR", seed=s, hidden_size=3) for s in range(10): 8 learn.
    # (XOR with 3 units: 9; XNOR with 2 units: 4.)
    reference = 8
    result = ex.check_xnor_small_networks(reference, guess=10)
    assert result.passed and "your guess before running: 10" in result.message
    assert_wrong(ex.check_xnor_small_networks(9), "XOR's count")  # XOR at 3 units: 9 of 10
    assert_wrong(ex.check_xnor_small_networks(4), "2 hidden units")
    assert_wrong(ex.check_xnor_small_networks(10), "default hidden size")  # 8 units: all 10
    assert_wrong(ex.check_xnor_small_networks(2), "how many seeds fail")
    assert_wrong(ex.check_xnor_small_networks(0), "XNOR's targets")  # compared with XOR's
    assert_wrong(ex.check_xnor_small_networks(6), "print each seed's four predictions")
    assert_wrong(ex.check_xnor_small_networks(11), "0 to 10")
    for wrong in (0, 2, 4, 6, 9, 10, 11):
        message = ex.check_xnor_small_networks(wrong).message
        assert str(reference) not in message
        assert "train_gate_mlp(" not in message and "range(" not in message  # no code given away


def train_loop(model, X, y, epochs, lr):
    """Reference solution for 4.4: the lesson's four steps, once per epoch."""
    loss_fn = torch.nn.BCEWithLogitsLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    losses = []
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses


def slipped_loop(slip):
    """The reference loop with one typical slip, as a student might write it."""

    def train_loop(model, X, y, epochs, lr):
        loss_fn = torch.nn.MSELoss() if slip == "squared" else torch.nn.BCEWithLogitsLoss()
        optimizer = torch.optim.Adam(model.parameters(), lr=lr)
        losses = []
        for _ in range(epochs):
            if slip == "new_optimizer":
                optimizer = torch.optim.Adam(model.parameters(), lr=lr)
            if slip != "no_zero_grad":
                optimizer.zero_grad()
            logits = model(X)
            loss = loss_fn(y, logits) if slip == "swapped" else loss_fn(logits, y)
            if slip == "step_first":
                optimizer.step()
            if slip != "no_backward":
                loss.backward()
            if slip not in ("no_step", "step_first"):
                optimizer.step()
            losses.append(loss.item())
        return None if slip == "no_return" else losses

    return train_loop


def test_train_loop():
    assert ex.check_train_loop(train_loop).passed

    # The same loss written as sigmoid + BCELoss, and losses kept as tensors: also right.
    def sigmoid_then_bce(model, X, y, epochs, lr):
        optimizer = torch.optim.Adam(model.parameters(), lr=lr)
        losses = []
        for _ in range(epochs):
            optimizer.zero_grad()
            loss = torch.nn.BCELoss()(torch.sigmoid(model(X)), y)
            loss.backward()
            optimizer.step()
            losses.append(loss)
        return losses

    assert ex.check_train_loop(sigmoid_then_bce).passed
    hints = {
        "no_zero_grad": "gradients pile up",
        "no_step": "the weights never move",
        "step_first": "before the backward pass",
        "no_backward": "no gradient ever reaches",
        "squared": "mean squared error",
        "swapped": "wrong way round",
        "new_optimizer": "new optimizer in every epoch",
        "no_return": "returns nothing",
    }
    for slip, hint in hints.items():
        result = ex.check_train_loop(slipped_loop(slip))
        assert_wrong(result, hint)
        for code in ("zero_grad", ".step(", ".backward(", "BCEWithLogitsLoss"):
            assert code not in result.message  # the hint names the slip, not the line to write

    def placeholder(model, X, y, epochs, lr): ...  # the exercise cell as it comes

    assert ex.check_train_loop(placeholder).status == ex.NOT_ATTEMPTED
    other_net = torch.nn.Linear(2, 1)

    def trains_another_net(model, X, y, epochs, lr):
        return train_loop(other_net, X, y.unsqueeze(-1), epochs, lr)

    assert_wrong(ex.check_train_loop(trains_another_net), "never runs the network it is given")

    def sgd(model, X, y, epochs, lr):
        optimizer = torch.optim.SGD(model.parameters(), lr=lr)
        for _ in range(epochs):
            optimizer.zero_grad()
            torch.nn.BCEWithLogitsLoss()(model(X), y).backward()
            optimizer.step()
        return []

    assert_wrong(ex.check_train_loop(sgd), "SGD")

    def fixed_rate(model, X, y, epochs, lr):
        return train_loop(model, X, y, epochs, 0.05)

    assert_wrong(ex.check_train_loop(fixed_rate), "use `lr`")

    def looking_only(model, X, y, epochs, lr):
        with torch.no_grad():
            return train_loop(model, X, y, epochs, lr)

    assert_wrong(ex.check_train_loop(looking_only), "torch.no_grad()")
    assert_wrong(ex.check_train_loop(lambda *args: train_loop(*args)[:-1]), "one loss per epoch")
    assert_wrong(ex.check_train_loop(lambda *args: 1 / 0), "raised ZeroDivisionError")
    assert_wrong(ex.check_train_loop(3), "pass the function")


def test_train_loop_check_leaves_the_global_hooks_and_random_state_alone():
    from torch.optim.optimizer import _global_optimizer_pre_hooks

    before = len(_global_optimizer_pre_hooks)
    torch.manual_seed(123)
    expected = torch.rand(3)
    torch.manual_seed(123)
    ex.check_train_loop(slipped_loop("swapped"))
    assert torch.equal(torch.rand(3), expected)
    assert len(_global_optimizer_pre_hooks) == before


# ----- lesson 05 -----


def test_float32_bytes():
    assert ex.check_float32_bytes(4_000_000).passed
    assert_wrong(ex.check_float32_bytes(8_000_000), "float64")
    assert_wrong(ex.check_float32_bytes(32_000_000), "number of bits")
    assert_wrong(ex.check_float32_bytes(1_000_000), "multiply it by the bytes")
    assert ex.check_float32_bytes(12, parameters=3).passed


def test_training_servers():
    # 175e9 parameters × 16 bytes = 2,800 GB; 2,800 / 640 = 4.375 → 5 servers.
    assert ex.check_training_servers(5).passed
    assert_wrong(ex.check_training_servers(4), "round up")
    assert_wrong(ex.check_training_servers(4.375), "round up")
    assert_wrong(ex.check_training_servers(1), "float16 weights alone")
    assert_wrong(ex.check_training_servers(2), "float32 weights alone")
    assert_wrong(ex.check_training_servers(2800), "memory in GB")
    for wrong in (1, 2, 4, 2800, 6):
        assert "5" not in ex.check_training_servers(wrong).message


@pytest.fixture(scope="module")
def trained_xor():
    from gatelab.mlp import train_gate_mlp

    return train_gate_mlp("XOR", seed=5, hidden_size=4).model  # as in the lesson


def test_xor_round_trip(trained_xor, tmp_path):
    from safetensors.torch import load_file, save_file

    from gatelab.mlp import GateMLP

    path = tmp_path / "my_xor.safetensors"
    # The reference solution.
    save_file(trained_xor.state_dict(), path)
    fresh = GateMLP(hidden_size=4)
    fresh.load_state_dict(load_file(path))
    assert ex.check_xor_round_trip(fresh, trained_xor, path).passed
    assert ex.check_xor_round_trip(fresh, trained_xor).passed  # without the file: weights only

    assert_wrong(ex.check_xor_round_trip(trained_xor, trained_xor, path), "`trained` itself")
    not_loaded = ex.check_xor_round_trip(GateMLP(hidden_size=4), trained_xor, path)
    assert_wrong(not_loaded, "never reached it")
    assert "load_state_dict" not in not_loaded.message  # a hint, not the code
    wrong_size = ex.check_xor_round_trip(GateMLP(), trained_xor, path)  # 8 hidden units, not 4
    assert_wrong(wrong_size, "not the same size")
    assert "(8, 2)" in wrong_size.message and "(4, 2)" in wrong_size.message
    relu = GateMLP(hidden_size=4, activation="relu")  # same shapes, other activation
    relu.load_state_dict(load_file(path))
    assert_wrong(ex.check_xor_round_trip(relu, trained_xor, path), "built differently")
    assert_wrong(ex.check_xor_round_trip(fresh, trained_xor, tmp_path / "none"), "no file none")
    assert_wrong(ex.check_xor_round_trip(fresh), "pass all three")
    assert_wrong(ex.check_xor_round_trip("model", trained_xor, path), "the fresh network")
    report = GateMLP(hidden_size=4).load_state_dict(load_file(path))  # not the network
    assert_wrong(ex.check_xor_round_trip(report, trained_xor, path), "a report of missing")
    assert_wrong(ex.check_xor_round_trip(fresh, GateMLP(), path), "does not compute XOR")

    untrained = GateMLP(hidden_size=4)  # saved an untrained network, loaded that into the fresh one
    save_file(untrained.state_dict(), path)
    other = GateMLP(hidden_size=4)
    other.load_state_dict(load_file(path))
    assert_wrong(ex.check_xor_round_trip(other, trained_xor, path), "fresh network's random")
    save_file(GateMLP(hidden_size=4).state_dict(), path)
    assert_wrong(ex.check_xor_round_trip(fresh, trained_xor, path), "untrained network")

    torch.save(trained_xor.state_dict(), path)  # the pickle-in-zip format, not safetensors
    assert_wrong(ex.check_xor_round_trip(fresh, trained_xor, path), "torch.save")
    path.write_text("hello")
    assert_wrong(ex.check_xor_round_trip(fresh, trained_xor, path), "not a safetensors file")
    save_file({"w": torch.zeros(2)}, path)
    assert_wrong(ex.check_xor_round_trip(fresh, trained_xor, path), "tensors named w, but")
    for hint_case in (tmp_path / "none", path):  # hints diagnose; they never spell the code
        message = ex.check_xor_round_trip(fresh, trained_xor, hint_case).message
        assert "save_file(" not in message and "state_dict()" not in message


# ----- lesson 06 -----


def student_app():
    """The gate API that lesson 06 has the student write (perceptrons only, to stay fast)."""
    from typing import Annotated

    from fastapi import FastAPI, HTTPException
    from fastapi import Path as PathParam

    from gatelab import UnknownGateError, get_gate

    bit = Annotated[int, PathParam(ge=0, le=1)]
    app = FastAPI()
    models = {}

    def find_gate(gate):
        try:
            return get_gate(gate).name
        except UnknownGateError:
            raise HTTPException(404, f"unknown gate {gate!r}") from None

    def trained_model(name):
        if name not in models:
            raise HTTPException(404, f"{name} is not trained yet")
        return models[name]

    @app.post("/train/{gate}")
    def train(gate: str):
        name = find_gate(gate)
        models[name] = Perceptron(seed=0).fit(*truth_table(name))
        return {"gate": name}

    @app.get("/predict/{gate}/{a}/{b}")
    def predict(gate: str, a: bit, b: bit):
        name = find_gate(gate)
        return {"gate": name, "result": int(trained_model(name).predict([a, b]))}

    return app, models, find_gate, trained_model


def with_reference_delete():
    """The reference solution of Ex 6.1."""
    app, models, find_gate, trained_model = student_app()

    @app.delete("/models/{gate}")
    def delete_model(gate: str):
        name = find_gate(gate)
        trained_model(name)  # 404 when there is nothing to delete
        del models[name]
        return {"deleted": name}

    return app, models


def test_delete_route_reference_solution():
    app, models = with_reference_delete()
    assert ex.check_delete_route(app).passed
    assert models == {}  # AND was not trained before the check, and is not after it


def test_delete_route_leaves_a_trained_gate_trained():
    app, models = with_reference_delete()
    from fastapi.testclient import TestClient

    TestClient(app).post("/train/AND")
    assert ex.check_delete_route(app).passed
    assert "AND" in models


def test_delete_route_missing_or_wrong_path():
    app, *_ = student_app()
    assert_wrong(ex.check_delete_route(app), "no route matches /models/AND")

    @app.delete("/model/{gate}")
    def delete_model(gate: str):
        return {}

    assert_wrong(ex.check_delete_route(app), "the path is /models/{gate}")


def test_delete_route_wrong_method():
    app, models, find_gate, _ = student_app()

    @app.get("/models/{gate}")
    def delete_model(gate: str):
        return {"deleted": models.pop(find_gate(gate)) and gate}

    assert_wrong(ex.check_delete_route(app), "takes GET only")
    assert "@app.delete" in ex.check_delete_route(app).message


def test_delete_route_wrong_status_or_body():
    app, models, find_gate, _ = student_app()

    @app.delete("/models/{gate}", status_code=202)
    def accepted(gate: str):
        del models[find_gate(gate)]
        return {"deleted": find_gate(gate)}

    assert_wrong(ex.check_delete_route(app), "answered 202")

    app, models, find_gate, _trained_model = student_app()

    @app.delete("/models/{gate}")
    def wrong_body(gate: str):
        del models[find_gate(gate)]
        return {"result": "OK"}

    assert_wrong(ex.check_delete_route(app), '{"deleted": "AND"}')


def test_delete_route_that_forgets_nothing_or_hides_errors():
    app, models, find_gate, _ = student_app()

    @app.delete("/models/{gate}")
    def keeps_the_model(gate: str):
        return {"deleted": find_gate(gate)}

    assert_wrong(ex.check_delete_route(app), "found the model again")

    app, models, find_gate, _ = student_app()

    @app.delete("/models/{gate}")
    def crashes_when_untrained(gate: str):
        del models[find_gate(gate)]  # KeyError -> 500 the second time
        return {"deleted": find_gate(gate)}

    assert_wrong(ex.check_delete_route(app), "crashed (a 500)")

    app, models, find_gate, _trained_model = student_app()

    @app.delete("/models/{gate}")
    def error_in_a_200(gate: str):  # the seed's style: an error inside a 200
        name = gate.upper()
        if name not in models:
            return {"error": f"no model for {name}"}
        del models[name]
        return {"deleted": name}

    result = ex.check_delete_route(app)
    assert_wrong(result, "answered 200")
    assert "HTTPException(404" in result.message


def test_delete_route_unknown_gate():
    app, models, _find_gate, trained_model = student_app()

    @app.delete("/models/{gate}")
    def delete_model(gate: str):
        name = gate.upper()  # no find_gate: XAND is "deleted" too
        if name != "AND" and name not in models:
            return {"deleted": name}
        trained_model(name)
        del models[name]
        return {"deleted": name}

    assert_wrong(ex.check_delete_route(app), "/models/XAND answered 200")


def test_delete_route_fixed_in_a_second_run_of_the_cell():
    # The student runs the cell again after a fix: the app holds both versions of the route.
    app, models, find_gate, trained_model = student_app()

    @app.delete("/models/{gate}")
    def delete_model(gate: str):
        return {"deleted": find_gate(gate)}

    assert not ex.check_delete_route(app).passed

    @app.delete("/models/{gate}")
    def delete_model_fixed(gate: str):
        name = find_gate(gate)
        trained_model(name)
        del models[name]
        return {"deleted": name}

    assert ex.check_delete_route(app).passed


def test_delete_route_not_an_app():
    assert_wrong(ex.check_delete_route({"deleted": "AND"}), "answer = app")
    from fastapi import FastAPI

    assert_wrong(ex.check_delete_route(FastAPI()), "no POST /train/{gate}")


# ----- lesson 07 -----


def served_answers(client, gate):
    """The reference solution of Ex 7.1."""
    from gatelab import get_gate

    rows = get_gate(gate).inputs.tolist()
    return client.post(f"/predict/{gate}", json={"inputs": rows}).json()["results"]


def test_batch_request_reference_solution():
    assert ex.check_batch_request(served_answers).passed


def test_batch_request_wrong_answers():
    from gatelab import get_gate

    def rows(gate):
        return get_gate(gate).inputs.tolist()

    result = ex.check_batch_request(lambda client, gate: get_gate(gate).targets.tolist())
    assert_wrong(result, "sent no request through `client`")

    def one_by_one(client, gate):
        return [
            client.get(f"/predict/{gate}/" + "/".join(map(str, row))).json()["result"]
            for row in rows(gate)
        ]

    assert_wrong(ex.check_batch_request(one_by_one), "sent 4 requests")

    def numpy_rows(client, gate):
        return client.post(f"/predict/{gate}", json={"inputs": get_gate(gate).inputs})

    assert_wrong(ex.check_batch_request(numpy_rows), "not numpy arrays")

    def two_bits_always(client, gate):
        inputs = [[0, 0], [0, 1], [1, 0], [1, 1]]
        return client.post(f"/predict/{gate}", json={"inputs": inputs}).json()["results"]

    result = ex.check_batch_request(two_bits_always)
    assert_wrong(result, "answered 422 to the request of served_answers(client, 'NOT')")
    assert "NOT takes 1 per row" in result.message  # the server's own words

    def reversed_rows(client, gate):
        inputs = rows(gate)[::-1]
        return client.post(f"/predict/{gate}", json={"inputs": inputs}).json()["results"]

    assert_wrong(ex.check_batch_request(reversed_rows), "for the truth table's rows in order")

    def whole_json(client, gate):
        return client.post(f"/predict/{gate}", json={"inputs": rows(gate)}).json()

    assert_wrong(ex.check_batch_request(whole_json), "not the whole JSON answer")

    def the_response(client, gate):
        return client.post(f"/predict/{gate}", json={"inputs": rows(gate)})

    assert_wrong(ex.check_batch_request(the_response), "not the response")
    asks_one = ex.check_batch_request(lambda client, gate: client.get(f"/predict/{gate}/1/1"))
    assert_wrong(asks_one, "sent GET /predict/AND/1/1")
    assert_wrong(ex.check_batch_request([0, 0, 0, 1]), "pass the function itself")


def test_batch_request_sees_the_truth_table_sent_back():
    # A request that is sent, and then ignored for the gate's own truth table.
    from gatelab import get_gate

    def ignores_the_server(client, gate):
        client.post(f"/predict/{gate}", json={"inputs": get_gate(gate).inputs.tolist()})
        return get_gate(gate).targets.tolist()

    assert_wrong(ex.check_batch_request(ignores_the_server), "learned too little")


def test_batch_request_with_an_empty_body_is_not_attempted():
    def served_answers(client, gate): ...

    assert ex.check_batch_request(served_answers).status == ex.NOT_ATTEMPTED


ERROR_ANSWERS = {
    "PUT /models/AND": 405,
    "GET /predict/XOR/0/1": 404,
    "GET /predict/OR/0/true": 422,
    "POST /train/AND (no key)": 401,
}


def test_error_codes():
    assert ex.check_error_codes(ERROR_ANSWERS).passed
    assert ex.check_error_codes({k: float(v) for k, v in ERROR_ANSWERS.items()}).passed
    guessed = {**ERROR_ANSWERS, "GET /predict/XOR/0/1": 200, "POST /train/AND (no key)": 403}
    result = ex.check_error_codes(guessed)
    assert_wrong(result, "2 of 4 right")
    assert "GET /predict/XOR/0/1: the gate and the path are right" in result.message
    assert "PUT /models/AND" not in result.message  # the right ones are not listed
    for code in ("401", "404"):
        assert code not in result.message  # a hint never gives the expected code away
    assert_wrong(ex.check_error_codes({"PUT /models/AND": 405}), "one code per request")
    lesson_06 = {"PUT /models/AND": 405, "GET /models/XAND": 404, "GET /predict/AND/1/1/": 404}
    assert_wrong(ex.check_error_codes(lesson_06), "one code per request")
    untouched = dict.fromkeys(ERROR_ANSWERS, ...)  # the exercise cell as the lesson gives it
    assert ex.check_error_codes(untouched).status == ex.NOT_ATTEMPTED
    half = {**untouched, "PUT /models/AND": 405}
    assert_wrong(ex.check_error_codes(half), "replace every `...`")


def train_for_class(url, key, gate, seed):
    """The reference solution of Ex 7.3."""
    headers = {"Authorization": f"Bearer {key}"}
    return httpx.post(f"{url}/train/{gate}", json={"seed": seed}, headers=headers, timeout=30)


def test_train_with_key_reference_solution():
    assert ex.check_train_with_key(train_for_class).passed

    def raises_for_status(url, key, gate, seed):
        response = train_for_class(url, key, gate, seed)
        response.raise_for_status()
        return response

    assert ex.check_train_with_key(raises_for_status).passed


def test_train_with_key_without_the_right_key():
    def no_key(url, key, gate, seed):
        return httpx.post(f"{url}/train/{gate}", json={"seed": seed})

    result = ex.check_train_with_key(no_key)
    assert_wrong(result, "carried no key")
    assert "Bearer" not in result.message  # the server's own 401 says how: the hint does not

    def bare_key(url, key, gate, seed):
        headers = {"Authorization": key}  # the key alone, without "Bearer "
        return httpx.post(f"{url}/train/{gate}", json={"seed": seed}, headers=headers)

    assert_wrong(ex.check_train_with_key(bare_key), "the word Bearer, a space")

    def page_key(url, key, gate, seed):
        headers = {"Authorization": "Bearer lesson-07-demo-key"}
        return httpx.post(f"{url}/train/{gate}", json={"seed": seed}, headers=headers)

    assert_wrong(ex.check_train_with_key(page_key), "not the one given in the `key` argument")

    def raises_without_key(url, key, gate, seed):
        response = httpx.post(f"{url}/train/{gate}", json={"seed": seed})
        response.raise_for_status()
        return response

    assert_wrong(ex.check_train_with_key(raises_without_key), "carried no key")


def test_train_with_key_wrong_request():
    def headers(key):
        return {"Authorization": f"Bearer {key}"}

    def seed_in_query(url, key, gate, seed):
        return httpx.post(f"{url}/train/{gate}", params={"seed": seed}, headers=headers(key))

    assert_wrong(ex.check_train_with_key(seed_in_query), "the seed goes in the request's JSON")

    def with_get(url, key, gate, seed):
        return httpx.get(f"{url}/train/{gate}", headers=headers(key))

    assert_wrong(ex.check_train_with_key(with_get), "405 to GET")

    def with_put(url, key, gate, seed):
        return httpx.put(f"{url}/train/{gate}", json={"seed": seed}, headers=headers(key))

    # The hint gives the lesson's reason (the server computes the model), not the method.
    result = ex.check_train_with_key(with_put)
    assert_wrong(result, "405 to PUT: in training the server computes a new model")
    assert "POST" not in result.message

    def always_nand(url, key, gate, seed):
        return httpx.post(f"{url}/train/NAND", json={"seed": seed}, headers=headers(key))

    assert_wrong(ex.check_train_with_key(always_nand), "but not XOR")

    def the_json(url, key, gate, seed):
        return train_for_class(url, key, gate, seed).json()

    assert_wrong(ex.check_train_with_key(the_json), "not its .json()")

    def no_return(url, key, gate, seed):
        train_for_class(url, key, gate, seed)

    assert_wrong(ex.check_train_with_key(no_return), "returned None")

    def zero_epochs(url, key, gate, seed):
        body = {"seed": seed, "epochs": 0}
        return httpx.post(f"{url}/train/{gate}", json=body, headers=headers(key))

    assert_wrong(ex.check_train_with_key(zero_epochs), "answered 422")

    def another_server(url, key, gate, seed):
        return httpx.Response(200, request=httpx.Request("POST", "http://192.0.2.1:1/train/AND"))

    assert_wrong(ex.check_train_with_key(another_server), "went to another server")
    assert_wrong(ex.check_train_with_key("train_for_class"), "pass the function itself")


def test_lesson_07_korean_hints_put_no_particle_after_a_name(korean):
    # A particle after {call}, {got} or {error} would be wrong for some values: "ReadTimeout가".
    def times_out(url, key, gate, seed):
        raise httpx.ReadTimeout("timed out")

    result = ex.check_train_with_key(times_out)
    assert_wrong(result, "train_for_class(url, key, 'NAND', 5)에서 오류가 났습니다. ReadTimeout:")

    def one_by_one(client, gate):
        return [client.get(f"/predict/{gate}/0/0").json()["result"] for _ in range(4)]

    result = ex.check_batch_request(one_by_one)
    assert_wrong(result, "served_answers(client, 'AND')에서 요청을 4번 보냈습니다")


def test_train_with_key_with_an_empty_body_is_not_attempted():
    def train_for_class(url, key, gate, seed): ...

    assert ex.check_train_with_key(train_for_class).status == ex.NOT_ATTEMPTED
