"""Schemathesis fuzzes the gate API through its own OpenAPI document, in process (no server).

For every route it sends the documented examples, edge cases of every parameter (the coverage
phase) and random valid and invalid requests (the fuzzing phase), and checks each answer: never
a 5xx, always a status the route documents, always a body matching the documented schema, valid
data accepted and invalid data refused, and a 405 with the right Allow header for every other
method. It is bounded and deterministic: a fixed seed, derandomized Hypothesis, no example
database, 50 examples per route in the fuzzing phase; about 10 s in all. (Hypothesis also draws
constants from the project's own modules, so changing the code can change the requests.)
It is bounded in time too: one request may take at most EXAMPLE_DEADLINE (Hypothesis's
deadline; schemathesis turns it off by default), and a route still being fuzzed after
ROUTE_BUDGET_SECONDS fails with a message saying so, instead of running on. Both are far above
a healthy run (milliseconds per request, about a second per route), so they never decide a pass.
"""

from __future__ import annotations

import time
import warnings
from datetime import timedelta

import pytest
import schemathesis
from hypothesis import settings
from schemathesis.config import SchemathesisConfig

import gatelab.api as api
from gatelab.api import create_app

# Many generated requests: `make test-fast` leaves these out.
pytestmark = pytest.mark.slow

with warnings.catch_warnings():  # starlette's notice about a future test client, not our code
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

# Hypothesis examples per route in the fuzzing phase; the coverage phase adds its edge cases.
MAX_EXAMPLES = 50
# Training runs for real: a fuzzed epochs of 10 000 would train an MLP for seconds.
MAX_FUZZED_EPOCHS = 20
# Time bounds (see the module docstring): per request, and per route's whole run.
EXAMPLE_DEADLINE = timedelta(seconds=5)
ROUTE_BUDGET_SECONDS = 60.0
# The fuzzed server has a key, as a class's server does; every request carries it, so the
# changes it fuzzes are really made (requests without it are tests/test_api_key.py's).
KEY = "fuzzing-key-0123456789"

CONFIG = SchemathesisConfig.from_dict(
    {
        "seed": 7,
        "generation": {
            "max-examples": MAX_EXAMPLES,
            "deterministic": True,  # derandomized: the same requests on every run
            "database": "none",  # no .hypothesis directory, nothing replayed from earlier runs
            "mode": "all",  # valid requests and invalid ones
        },
        "phases": {"stateful": {"enabled": False}},
        # A body over 64 KiB is refused unread with a 413 (documented), whatever it holds; a
        # change without the key (schemathesis also tries leaving it out) is refused with a 401.
        "checks": {
            "negative_data_rejection": {
                "expected-statuses": ["400", "401", "404", "405", "409", "413", "422"],
            }
        },
        # The schema cannot say that AND takes two bits and NOT one, so a schema-valid request
        # can ask a gate through the wrong route: that is a 422 naming the right one.
        "operations": [
            {
                "include-path-regex": "^/predict/",
                "checks": {
                    "positive_data_acceptance": {
                        "expected-statuses": ["2xx", "404", "409", "422"],
                    }
                },
            }
        ],
    }
)


# The schema `uvicorn gatelab.api:app` serves (reading it touches no model directory) ...
schema = schemathesis.openapi.from_asgi("/openapi.json", api.app, config=CONFIG)


@pytest.fixture(scope="module")
def served_app(tmp_path_factory):
    """... and the same API on a fresh model directory, with a few gates already trained."""
    app = create_app(tmp_path_factory.mktemp("models"), token=KEY)
    client = TestClient(app, headers={"Authorization": f"Bearer {KEY}"})
    for gate in ("AND", "NOT", "XOR"):  # so predictions also reach real models, not only 404s
        assert client.post(f"/train/{gate}", json={"epochs": MAX_FUZZED_EPOCHS}).status_code == 200
    return app


# When each route's run started (the test function is called once per generated request).
_route_started: dict[str, float] = {}


@schema.parametrize()
@settings(deadline=EXAMPLE_DEADLINE)  # schemathesis keeps the rest of its own settings
def test_every_route_answers_as_documented(case, served_app):
    """Each generated request gets an answer that passes every schemathesis check."""
    route = case.operation.label
    started = _route_started.setdefault(route, time.monotonic())
    if time.monotonic() - started > ROUTE_BUDGET_SECONDS:
        pytest.fail(
            f"{route}: still fuzzing after {ROUTE_BUDGET_SECONDS:.0f} s (a healthy run takes "
            "about a second); something made requests slow",
            pytrace=False,
        )
    body = case.body
    epochs = body.get("epochs") if isinstance(body, dict) else None
    # A valid epochs (a whole number, maybe written 300.0) made small: still valid, but quick.
    whole = type(epochs) is int or (type(epochs) is float and epochs.is_integer())
    if whole and MAX_FUZZED_EPOCHS < epochs <= 10_000:
        body["epochs"] = MAX_FUZZED_EPOCHS
    case.call_and_validate(app=served_app, headers={"Authorization": f"Bearer {KEY}"})
