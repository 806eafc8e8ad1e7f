"""Lesson 06's check accepts the reference solution and explains typical wrong answers."""

from reference_answers import (
    assert_wrong,
    student_app,
    with_reference_delete,
)

from gatelab import exercises as ex


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
