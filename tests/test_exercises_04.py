"""Lesson 04's checks accept the reference solutions and explain typical wrong answers."""

import torch
from reference_answers import (
    assert_wrong,
    count_parameters,
    forward_by_hand,
    slipped_loop,
    train_loop,
)

from gatelab import exercises as ex


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
