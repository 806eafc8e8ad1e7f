"""Reference solutions of the exercises, and assert_wrong, for the exercise tests and
tests/test_messages.py. They live here, not in gatelab or the lessons: no answer can be copied
from a page a student opens."""

import httpx
import numpy as np
import torch

from gatelab import Perceptron, train_gate, truth_table


def assert_wrong(result, hint):
    assert result.status == "wrong", result
    assert hint in result.message, result.message


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


def lucky_seeds():
    """The reference solution of Ex 2.2: count the seeds that converge within 3 epochs."""
    return sum(
        train_gate("NAND", learning_rate=1.0, epochs=3, seed=seed).converged_ for seed in range(50)
    )


def count_parameters(model):
    """Reference solution for 4.1."""
    return sum(parameter.numel() for parameter in model.parameters())


def forward_by_hand(net, X):
    """Reference solution for 4.2."""
    hidden = torch.tanh(X @ net.hidden.weight.T + net.hidden.bias)
    return (hidden @ net.output.weight.T + net.output.bias).squeeze(-1)


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


def served_answers(client, gate):
    """The reference solution of Ex 7.1."""
    from gatelab import get_gate

    rows = get_gate(gate).inputs.tolist()
    return client.post(f"/predict/{gate}", json={"inputs": rows}).json()["results"]


ERROR_ANSWERS = {
    "PUT /models/AND": 405,
    "GET /predict/XOR/0/1": 404,
    "GET /predict/OR/0/true": 422,
    "POST /train/AND (no key)": 401,
}


def train_for_class(url, key, gate, seed):
    """The reference solution of Ex 7.3."""
    headers = {"Authorization": f"Bearer {key}"}
    return httpx.post(f"{url}/train/{gate}", json={"seed": seed}, headers=headers, timeout=30)
