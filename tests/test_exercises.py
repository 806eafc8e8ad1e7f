"""Every exercise check accepts its reference solution and explains typical wrong answers."""

import httpx
import pytest

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
    result = ex.check_safe_format("pickle")
    assert result.passed
    assert repr(result).startswith("✓ Exercise 5.3")
    assert "✓" in result._repr_html_() and "#1a7f37" in result._repr_html_()
    wrong = ex.check_safe_format("json")
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


def test_mlp_parameter_count():
    assert ex.check_mlp_parameter_count(33).passed
    assert_wrong(ex.check_mlp_parameter_count(24), "weights only")
    assert_wrong(ex.check_mlp_parameter_count(11), "added the layer sizes")


def test_failing_mlp():
    result = ex.check_failing_mlp((1, 0))
    assert result.passed and "one line cannot separate XOR" in result.message
    assert_wrong(ex.check_failing_mlp((8, 0)), "learns XOR (4/4)")
    assert_wrong(ex.check_failing_mlp(8), "give a pair")
    assert_wrong(ex.check_failing_mlp((0, 1)), "between 1 and 64")
    assert_wrong(ex.check_failing_mlp((1.9, 0)), "whole numbers")
    assert_wrong(ex.check_failing_mlp("12"), "whole numbers")
    assert_wrong(ex.check_failing_mlp((2, 2**70)), "seed between")


# ----- lesson 05 -----


def test_float32_bytes():
    assert ex.check_float32_bytes(4_000_000).passed
    assert_wrong(ex.check_float32_bytes(8_000_000), "float64")
    assert_wrong(ex.check_float32_bytes(32_000_000), "number of bits")
    assert ex.check_float32_bytes(12, parameters=3).passed


def test_servers_needed():
    assert ex.check_servers_needed(4).passed
    assert_wrong(ex.check_servers_needed(3), "round up")
    assert_wrong(ex.check_servers_needed(7), "float32")
    assert_wrong(ex.check_servers_needed(1), "640 GB")


def test_safe_format():
    assert ex.check_safe_format("Pickle").passed
    assert_wrong(ex.check_safe_format("json"), "holds only data")
    assert_wrong(ex.check_safe_format("safetensors"), "holds only data")
    assert_wrong(ex.check_safe_format("csv"), "choose one of")


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
