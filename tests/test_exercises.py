"""Every exercise check accepts its reference solution and explains typical wrong answers."""

import httpx
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
    reference = train_gate("AND", learning_rate=0.5, seed=3).converged_epoch_
    assert ex.check_and_epochs(reference).passed
    assert_wrong(ex.check_and_epochs(reference - 1), "that epoch counts")
    assert_wrong(ex.check_and_epochs(reference * 4), "number of steps")
    assert_wrong(ex.check_and_epochs("six"), "whole number")
    assert_wrong(ex.check_and_epochs(10**400), "whole number")


def test_first_update():
    assert ex.check_first_update([0.5, 0.4]).passed
    assert_wrong(ex.check_first_update([0.4, 0.4]), "it does not move")
    assert_wrong(ex.check_first_update([0.5, 0.6]), "sign of the error")
    assert_wrong(ex.check_first_update([0.5, 0.5]), "a mistake")


# ----- lesson 02 -----


def test_not_weights():
    assert ex.check_not_weights(([-1], 0.5)).passed
    assert_wrong(ex.check_not_weights(([1], -0.5)), "misclassifies (0): its weighted sum is -0.5")
    assert_wrong(ex.check_not_weights(([-1], -0.5)), "misclassifies (0)")
    assert_wrong(ex.check_not_weights(([1, 1], 0)), "give 1 weight(s)")


def test_trained_nor():
    assert ex.check_trained_nor(Perceptron(seed=4).fit(*truth_table("NOR"))).passed
    assert_wrong(ex.check_trained_nor(Perceptron()), "not been trained")
    assert_wrong(
        ex.check_trained_nor(train_gate("OR")), "on inputs (0, 0) it gives 0, but NOR is 1"
    )
    assert_wrong(ex.check_trained_nor(train_gate("NOT")), "NOR has two inputs")
    assert_wrong(ex.check_trained_nor([0, 1]), "pass the Perceptron itself")


def test_fastest_rate():
    assert ex.check_fastest_rate(1.0).passed
    assert_wrong(ex.check_fastest_rate(0.01), "rate 0.01 needs")
    assert_wrong(ex.check_fastest_rate(0.1), "rate 0.1 needs")
    assert_wrong(ex.check_fastest_rate(0.5), "choose one of")


# ----- lesson 03 -----


def test_xor_best_accuracy():
    assert ex.check_xor_best_accuracy(0.75).passed
    assert ex.check_xor_best_accuracy(75).passed
    assert_wrong(ex.check_xor_best_accuracy(1.0), "no single line separates XOR")
    assert_wrong(ex.check_xor_best_accuracy(0.5), "better than half")


def test_xnor_from_gates():
    and_, nor, or_ = train_gate("AND"), train_gate("NOR"), train_gate("OR")

    def xnor(a, b):
        return or_.predict([and_.predict([a, b]), nor.predict([a, b])])

    def xor(a, b):
        return int(a != b)

    assert ex.check_xnor_from_gates(xnor).passed
    assert_wrong(ex.check_xnor_from_gates(xor), "that computes XOR")
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
    assert_wrong(ex.check_xnor_small_networks(10), "run it")
    assert_wrong(ex.check_xnor_small_networks(11), "0 to 10")
    for wrong in (4, 9, 10, 11):
        assert str(reference) not in ex.check_xnor_small_networks(wrong).message


# ----- lesson 05 -----


def test_float32_bytes():
    assert ex.check_float32_bytes(4_000_000).passed
    assert_wrong(ex.check_float32_bytes(8_000_000), "float64")
    assert_wrong(ex.check_float32_bytes(32_000_000), "number of bits")
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

    return train_gate_mlp("XOR", seed=5).model


def test_xor_round_trip(trained_xor, tmp_path):
    from safetensors.torch import load_file, save_file

    from gatelab.mlp import GateMLP

    path = tmp_path / "my_xor.safetensors"
    # The reference solution.
    save_file(trained_xor.state_dict(), path)
    fresh = GateMLP()
    fresh.load_state_dict(load_file(path))
    assert ex.check_xor_round_trip(fresh, trained_xor, path).passed
    assert ex.check_xor_round_trip(fresh, trained_xor).passed  # without the file: weights only

    assert_wrong(ex.check_xor_round_trip(trained_xor, trained_xor, path), "`trained` itself")
    assert_wrong(ex.check_xor_round_trip(GateMLP(), trained_xor, path), "did you forget")
    assert_wrong(ex.check_xor_round_trip(fresh, trained_xor, tmp_path / "none"), "no file none")
    assert_wrong(ex.check_xor_round_trip(fresh), "pass all three")
    assert_wrong(ex.check_xor_round_trip("model", trained_xor, path), "the fresh network")
    assert_wrong(ex.check_xor_round_trip(fresh, GateMLP(), path), "does not compute XOR")

    untrained = GateMLP()  # saved an untrained network, loaded that into the fresh one
    save_file(untrained.state_dict(), path)
    other = GateMLP()
    other.load_state_dict(load_file(path))
    assert_wrong(ex.check_xor_round_trip(other, trained_xor, path), "fresh network's weights")
    save_file(GateMLP().state_dict(), path)
    assert_wrong(ex.check_xor_round_trip(fresh, trained_xor, path), "untrained network")

    torch.save(trained_xor.state_dict(), path)  # the pickle-in-zip format, not safetensors
    assert_wrong(ex.check_xor_round_trip(fresh, trained_xor, path), "torch.save")
    path.write_text("hello")
    assert_wrong(ex.check_xor_round_trip(fresh, trained_xor, path), "not a safetensors file")
    save_file({"w": torch.zeros(2)}, path)
    assert_wrong(ex.check_xor_round_trip(fresh, trained_xor, path), "state_dict")


# ----- lesson 06 -----


def response(method, path, status=200, sent=None, body=None):
    request = httpx.Request(method, f"http://127.0.0.1:8000{path}", json=sent)
    return httpx.Response(status, json=body or {}, request=request)


def test_train_or_request():
    good = response("POST", "/train/or", sent={"seed": 7}, body={"gate": "OR", "accuracy": 1.0})
    assert ex.check_train_or_request(good).passed
    assert_wrong(ex.check_train_or_request(response("GET", "/train/OR", 405)), "use POST")
    no_seed = response("POST", "/train/OR", body={"accuracy": 1.0})
    assert_wrong(ex.check_train_or_request(no_seed), '{"seed": 7}')
    assert_wrong(
        ex.check_train_or_request(response("POST", "/train/AND", sent={"seed": 7})), "/train/OR"
    )
    assert_wrong(ex.check_train_or_request({"accuracy": 1.0}), "not its .json()")
    not_an_object = httpx.Response(
        200, json=[1], request=httpx.Request("POST", "http://x/train/OR", json={"seed": 7})
    )
    assert_wrong(ex.check_train_or_request(not_an_object), "no accuracy")


def test_status_code():
    assert ex.check_status_code(405).passed
    assert_wrong(ex.check_status_code(404), "the path exists")
    assert_wrong(ex.check_status_code(200), "accepts POST only")


def test_predict_path():
    assert ex.check_predict_path("/predict/NAND/1/1").passed
    assert ex.check_predict_path("http://127.0.0.1:8000/predict/nand/1/1").passed
    assert_wrong(ex.check_predict_path("/predict/AND/1/1"), "asks AND")
    assert_wrong(ex.check_predict_path("/predict/NAND/1"), "/predict/{gate}/{a}/{b}")
    assert_wrong(ex.check_predict_path("/predict/NAND/0/1"), "a = 1 and b = 1")
    assert_wrong(ex.check_predict_path("/predict/NAND/1/1/"), "drop the slash")
