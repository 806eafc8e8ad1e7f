"""The `gatelab` command line: train, predict, and what serve would run."""

from __future__ import annotations

import importlib.metadata

import pytest

from gatelab import cli


@pytest.fixture
def model_dir(tmp_path, monkeypatch):
    # setenv first, so the value cli.main writes is undone after the test.
    monkeypatch.setenv("GATELAB_MODEL_DIR", str(tmp_path))
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process; return (exit status, stdout, stderr)."""
    try:
        status = cli.main(list(argv))
    except SystemExit as exc:  # argparse errors exit with status 2
        status = exc.code
    out, err = capsys.readouterr()
    return status, out, err


def test_console_script_is_declared():
    scripts = importlib.metadata.entry_points(group="console_scripts")
    assert scripts["gatelab"].value == "gatelab.cli:main"


def test_train_then_predict(model_dir, capsys):
    status, out, _ = run(capsys, "train", "and", "--seed", "3")
    assert status == 0
    assert out.startswith("trained AND (perceptron, seed 3): accuracy 1.00")
    assert (model_dir / "AND.json").exists()
    assert run(capsys, "predict", "AND", "1", "1")[:2] == (0, "AND(1, 1) = 1\n")
    assert run(capsys, "predict", "and", "0", "1")[:2] == (0, "AND(0, 1) = 0\n")


def test_train_and_predict_not_and_xor(model_dir, capsys):
    assert run(capsys, "train", "NOT")[0] == 0
    assert run(capsys, "predict", "not", "0")[:2] == (0, "NOT(0) = 1\n")
    assert run(capsys, "train", "xor")[1].startswith("trained XOR (mlp, seed 0)")
    assert run(capsys, "predict", "xor", "1", "1")[:2] == (0, "XOR(1, 1) = 0\n")


def test_model_dir_option(tmp_path, model_dir, capsys):
    other = tmp_path / "other"
    assert run(capsys, "train", "or", "--model-dir", str(other))[0] == 0
    assert (other / "OR.json").exists()


def test_predict_untrained_says_how_to_train(model_dir, capsys):
    status, _, err = run(capsys, "predict", "nor", "1", "1")
    assert status == 1
    assert "gatelab train NOR" in err


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["predict", "and", "1"], "AND takes 2 input bit(s)"),
        (["predict", "and", "1", "2"], "each 0 or 1"),
        (["predict", "not", "1", "1"], "NOT takes 1"),
        (["train", "xand"], "unknown gate 'xand'"),
        (["train", "and", "--seed", "-1"], "--seed"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_arguments_are_explained(model_dir, capsys, argv, words):
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert words in err


def test_serve_defaults_to_loopback(model_dir, capsys, monkeypatch):
    calls = []
    monkeypatch.setattr("uvicorn.run", lambda *args, **kwargs: calls.append((args, kwargs)))
    status, out, err = run(capsys, "serve")
    assert status == 0
    assert calls == [(("gatelab.api:app",), {"host": "127.0.0.1", "port": 8000, "reload": False})]
    assert err == ""
    assert "http://127.0.0.1:8000/docs" in out


def test_serve_on_all_interfaces_warns_what_it_exposes(model_dir, capsys, monkeypatch):
    calls = []
    monkeypatch.setattr("uvicorn.run", lambda *args, **kwargs: calls.append(kwargs))
    status, _, err = run(capsys, "serve", "--host", "0.0.0.0", "--port", "9000", "--reload")
    assert status == 0
    assert calls == [{"host": "0.0.0.0", "port": 9000, "reload": True}]
    assert "warning" in err
    assert "POST /train" in err
