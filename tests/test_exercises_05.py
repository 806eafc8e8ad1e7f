"""Lesson 05's checks accept the reference solutions and explain typical wrong answers."""

import pytest
import torch
from reference_answers import (
    assert_wrong,
)

from gatelab import exercises as ex


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
