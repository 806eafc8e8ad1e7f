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
    assert ex.check_and_epochs(reference).passed
    shown = train_gate("AND", learning_rate=0.1, seed=0).converged_epoch_
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


def reference_train(X, y, weights, bias, learning_rate, epochs):
    """The lesson 01 loop, as a student would write it."""
    for _ in range(epochs):
        mistakes = 0
        for x, target in zip(X, y):
            prediction = 1 if x @ weights + bias >= 0 else 0
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
        for _ in range(1 if slip == "one_epoch" else epochs):
            mistakes = 0
            start_w, start_b = weights.copy(), bias
            changes = []
            for x, target in zip(X, y):
                w, b = (start_w, start_b) if slip == "batch" else (weights, bias)
                prediction = 1 if x @ w + b >= 0 else 0
                error = target - prediction
                if slip == "stop_on_right" and error == 0:
                    return weights, bias
                change = {"sign": -error, "prediction": prediction}.get(slip, error)
                rate = 1 if slip == "rate" else learning_rate
                dw = rate * change * (1 if slip == "input" else x)
                db = 0 if slip == "bias" else rate * change
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
        ("batch", "update after every row"),
        ("stop_on_right", "not at the first row that is right"),
        ("one_epoch", "one pass over the truth table"),
    ],
)
def test_learning_rule_names_the_slip(slip, hint):
    assert_wrong(ex.check_learning_rule(slipped_train(slip)), hint)


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
    ]:
        for answer in range(1, 40):
            if answer != expected:
                message = check(answer).message
                assert str(expected) not in message.replace(str(answer), ""), message


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


def test_nand_fast_rate():
    reference = train_gate("NAND", learning_rate=1.0, seed=3).converged_epoch_
    assert ex.check_nand_fast_rate(reference).passed
    slow = train_gate("NAND", learning_rate=0.1, seed=3).converged_epoch_
    assert_wrong(ex.check_nand_fast_rate(slow), "use learning_rate=1.0")
    seed_0 = train_gate("NAND", learning_rate=1.0, seed=0).converged_epoch_
    assert_wrong(ex.check_nand_fast_rate(seed_0), "use seed=3")
    assert_wrong(ex.check_nand_fast_rate(12), "the run shown in the lesson")
    assert_wrong(ex.check_nand_fast_rate(reference * 4), "number of steps")
    assert len({reference, slow, seed_0, 12, reference * 4}) == 5  # every hint can fire


def epochs_needed(gate, learning_rates, seed):
    """The reference solution of Ex 2.4."""
    return [
        train_gate(gate, learning_rate=rate, seed=seed).converged_epoch_ for rate in learning_rates
    ]


def test_epochs_needed():
    assert ex.check_epochs_needed(epochs_needed).passed

    def with_nan(gate, learning_rates, seed):
        return [np.nan if e is None else e for e in epochs_needed(gate, learning_rates, seed)]

    assert ex.check_epochs_needed(with_nan).passed

    def epochs_run(gate, learning_rates, seed):
        return [train_gate(gate, learning_rate=r, seed=seed).epochs_run_ for r in learning_rates]

    def no_seed(gate, learning_rates, seed):
        return [train_gate(gate, learning_rate=r).converged_epoch_ for r in learning_rates]

    def no_rate(gate, learning_rates, seed):
        return [train_gate(gate, seed=seed).converged_epoch_ for r in learning_rates]

    assert_wrong(ex.check_epochs_needed(epochs_run), "give None for such a run")
    assert_wrong(ex.check_epochs_needed(no_seed), "pass seed=seed")
    assert_wrong(ex.check_epochs_needed(no_rate), "pass learning_rate=rate")
    assert_wrong(ex.check_epochs_needed(lambda g, r, s: [1]), "gave 1 numbers for 3 rates")
    assert_wrong(ex.check_epochs_needed(lambda g, r, s: 5), "one number per rate")
    assert_wrong(ex.check_epochs_needed(lambda g, r, s: ["x"] * 3), "one number per rate")
    assert_wrong(ex.check_epochs_needed(lambda g, r, s: [1, 2, 3]), "wrong for at least one")
    assert_wrong(ex.check_epochs_needed(lambda g: g), "raised TypeError")
    assert_wrong(ex.check_epochs_needed("epochs_needed"), "pass your function itself")


# ----- lesson 03 -----


def test_xor_missing_corner():
    assert ex.check_xor_missing_corner(([-1, 1], -0.5)).passed
    assert ex.check_xor_missing_corner(([-2, 2], -1)).passed
    # The three lines the lesson draws each leave a different corner wrong.
    assert_wrong(ex.check_xor_missing_corner(([1, 1], -0.5)), "the wrong point is (1, 1)")
    assert_wrong(ex.check_xor_missing_corner(([1, -1], -0.5)), "the wrong point is (0, 1)")
    assert_wrong(ex.check_xor_missing_corner(([-1, -1], 1.5)), "the wrong point is (0, 0)")
    assert_wrong(ex.check_xor_missing_corner(([0, 0], 1)), "2 of 4 are on the wrong side")
    assert_wrong(ex.check_xor_missing_corner([1, 2, 3]), "give the answer as a pair")
    assert_wrong(ex.check_xor_missing_corner(([1], 0)), "give 2 weights")


def test_xnor_from_gates():
    and_, nor, or_ = train_gate("AND"), train_gate("NOR"), train_gate("OR")

    def xnor(a, b):
        return or_.predict([and_.predict([a, b]), nor.predict([a, b])])

    def xor(a, b):
        return int(a != b)

    assert ex.check_xnor_from_gates(xnor).passed
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

    assert_wrong(ex.check_delete_route(app), "leave the `models` dict")

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


def test_train_or_request():
    good = response("POST", "/train/or", sent={"seed": 7}, body={"gate": "OR", "accuracy": 1.0})
    assert ex.check_train_or_request(good).passed
    assert_wrong(ex.check_train_or_request(response("GET", "/train/OR", 405)), "not GET")
    no_seed = response("POST", "/train/OR", body={"accuracy": 1.0})
    result = ex.check_train_or_request(no_seed)
    assert_wrong(result, "JSON body")
    assert "7" not in result.message  # the hint names the place, not the answer
    assert_wrong(
        ex.check_train_or_request(response("POST", "/train/AND", sent={"seed": 7})), "/train/AND"
    )
    assert_wrong(ex.check_train_or_request({"accuracy": 1.0}), "not its .json()")
    not_an_object = httpx.Response(
        200, json=[1], request=httpx.Request("POST", "http://x/train/OR", json={"seed": 7})
    )
    assert_wrong(ex.check_train_or_request(not_an_object), "no accuracy")


STATUS_ANSWERS = {
    "PUT /models/AND": 405,
    "GET /models/XAND": 404,
    "GET /predict/OR/0/true": 422,
    "GET /predict/AND/1/1/": 404,
}


def test_status_codes():
    assert ex.check_status_codes(STATUS_ANSWERS).passed
    assert ex.check_status_codes({k: float(v) for k, v in STATUS_ANSWERS.items()}).passed
    guessed = {**STATUS_ANSWERS, "PUT /models/AND": 404, "GET /predict/OR/0/true": 200}
    result = ex.check_status_codes(guessed)
    assert_wrong(result, "2 of 4 right")
    assert "PUT /models/AND: the path exists" in result.message
    assert "GET /models/XAND" not in result.message  # the right ones are not listed
    for code in ("405", "422"):
        assert code not in result.message  # a hint never gives the expected code away
    assert_wrong(ex.check_status_codes({"PUT /models/AND": 405}), "one code per request")
    assert_wrong(ex.check_status_codes(405), "one code per request")
    untouched = dict.fromkeys(STATUS_ANSWERS, ...)  # the exercise cell as the lesson gives it
    assert ex.check_status_codes(untouched).status == ex.NOT_ATTEMPTED
    half = {**untouched, "PUT /models/AND": 405}
    assert_wrong(ex.check_status_codes(half), "replace every `...`")


def test_predict_path():
    assert ex.check_predict_path("/predict/NAND/1/1").passed
    assert ex.check_predict_path("http://127.0.0.1:8000/predict/nand/1/1").passed
    assert_wrong(ex.check_predict_path("/predict/AND/1/1"), "asks AND")
    assert_wrong(ex.check_predict_path("/predict/NAND/1"), "/predict/{gate}/{a}/{b}")
    assert_wrong(ex.check_predict_path("/predict/NAND/0/1"), "a = 1 and b = 1")
    assert_wrong(ex.check_predict_path("/predict/NAND/1/1/"), "drop the slash")
