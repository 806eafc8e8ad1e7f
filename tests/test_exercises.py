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
