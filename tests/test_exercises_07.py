"""Lesson 07's checks accept the reference solutions and explain typical wrong answers."""

import httpx
from reference_answers import (
    ERROR_ANSWERS,
    assert_wrong,
    served_answers,
    train_for_class,
)

from gatelab import exercises as ex


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
