"""The `gatelab` command line: train, predict, and what serve would run."""

from __future__ import annotations

import importlib.metadata
import os
import re
import socket

import pytest

from gatelab import cli, network


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


@pytest.mark.parametrize("command", [["train", "and"], ["predict", "and", "1", "1"]])
def test_an_unusable_model_dir_is_an_error_line_not_a_traceback(
    tmp_path, model_dir, capsys, command
):
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("not a directory")
    status, out, err = run(capsys, *command, "--model-dir", str(not_a_dir / "models"))
    assert (status, out) == (1, "")
    assert err.startswith(f"error: cannot use {not_a_dir / 'models'} as the model directory (")
    assert "--model-dir" in err
    assert "Traceback" not in err


def test_train_with_a_directory_in_the_way_says_so(model_dir, capsys):
    (model_dir / "AND.json").mkdir()
    status, out, err = run(capsys, "train", "and")
    assert (status, out) == (1, "")
    assert err.startswith("error: cannot store the AND model")
    assert "AND.json: a directory of that name is in the way" in err


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


SERVE_DEFAULTS = {
    "host": "127.0.0.1",
    "port": 8000,
    "reload": False,
    "workers": 1,
    "log_level": "info",
    "access_log": True,
}


@pytest.fixture
def uvicorn_calls(monkeypatch):
    """What `gatelab serve` asked uvicorn to run (gatelab._serve.run_app; nothing is served)."""
    # The port check binds 127.0.0.1 whatever --host says: a test never listens beyond this
    # computer, and the host still decides the key and the printed addresses.
    monkeypatch.setattr(
        cli,
        "listening_socket",
        lambda host, port: network.listening_socket(network.DEFAULT_HOST, port),
    )
    calls = []
    monkeypatch.setattr(
        "gatelab._serve.run_app", lambda *args, **kwargs: calls.append((args, kwargs))
    )
    return calls


@pytest.fixture
def free_port():
    """A port nobody listens on (the OS picks one for port 0)."""
    return network.free_port()


def test_serve_defaults_to_loopback_on_port_8000():
    # Read from the parser: serving on the real port 8000 would fail if anything used it.
    args = cli.build_parser().parse_args(["serve"])
    given = {key: getattr(args, key) for key in SERVE_DEFAULTS}
    assert given == SERVE_DEFAULTS
    assert args.model_dir is None


def test_serve_runs_uvicorn_with_the_defaults(model_dir, capsys, uvicorn_calls, free_port):
    status, out, err = run(capsys, "serve", "--port", str(free_port))
    assert status == 0
    assert uvicorn_calls == [(("gatelab.api:app",), {**SERVE_DEFAULTS, "port": free_port})]
    assert err == ""
    assert f"http://127.0.0.1:{free_port}/docs" in out
    assert f"models:  {model_dir}" in out
    assert "trained: none yet" in out


def test_serve_on_all_interfaces_needs_a_key_for_changes(
    model_dir, capsys, uvicorn_calls, free_port
):
    status, out, err = run(capsys, "serve", "--host", "0.0.0.0", "--port", str(free_port))
    assert status == 0
    assert uvicorn_calls[0][1]["host"] == "0.0.0.0"
    assert err == ""  # nothing to warn about: changes need the key
    assert f"http://127.0.0.1:{free_port}/docs" in out
    assert f"students: http://<this computer's address>:{free_port}/docs" in out
    key = re.search(r"^key:\s+(\S+)$", out, re.MULTILINE).group(1)
    assert len(key) >= 40  # generated: 32 random bytes
    # The workers read it from the environment, as they read the model directory.
    assert os.environ["GATELAB_TOKEN"] == key
    example = re.search(r"^example: (.*)$", out, re.MULTILINE).group(1)
    assert example.startswith(f'curl -X POST -H "Authorization: Bearer {key}" http://')
    assert example.endswith(f":{free_port}/train/XOR")
    assert out.count(key) == 2  # the key line and the example, nowhere else


def test_each_start_generates_a_new_key(model_dir, capsys, uvicorn_calls, free_port):
    keys = set()
    for _ in range(2):
        run(capsys, "serve", "--host", "0.0.0.0", "--port", str(free_port))
        keys.add(os.environ.pop("GATELAB_TOKEN"))  # as a new process would start
    assert len(keys) == 2


def test_serve_with_a_chosen_key_does_not_print_it(model_dir, capsys, uvicorn_calls, free_port):
    argv = ["serve", "--host", "0.0.0.0", "--port", str(free_port), "--token", "class-key-42"]
    status, out, err = run(capsys, *argv)
    assert (status, err) == (0, "")
    assert os.environ["GATELAB_TOKEN"] == "class-key-42"
    assert "class-key-42" not in out
    assert 'Bearer <your --token>"' in out


def test_serve_takes_the_key_from_the_environment(
    model_dir, capsys, uvicorn_calls, free_port, monkeypatch
):
    monkeypatch.setenv("GATELAB_TOKEN", "from-the-env")
    status, out, _ = run(capsys, "serve", "--host", "0.0.0.0", "--port", str(free_port))
    assert status == 0
    assert os.environ["GATELAB_TOKEN"] == "from-the-env"
    assert "from-the-env" not in out and 'Bearer $GATELAB_TOKEN"' in out


def test_serve_with_no_token_warns_what_it_exposes(model_dir, capsys, uvicorn_calls, free_port):
    argv = ["serve", "--host", "0.0.0.0", "--port", str(free_port), "--no-token"]
    status, out, err = run(capsys, *argv)
    assert status == 0
    assert err.startswith("warning: listening on 0.0.0.0 with --no-token")
    assert "every device on your Wi-Fi or LAN" in err
    assert "POST /train" in err and "DELETE /models" in err
    assert "GATELAB_TOKEN" not in os.environ  # no worker asks for a key
    assert "key:" not in out


def test_serve_on_loopback_has_no_key_unless_one_is_set(
    model_dir, capsys, uvicorn_calls, free_port
):
    status, out, err = run(capsys, "serve", "--port", str(free_port))
    assert (status, err) == (0, "")
    assert "GATELAB_TOKEN" not in os.environ and "key:" not in out
    run(capsys, "serve", "--port", str(free_port), "--token", "local-key")
    assert os.environ["GATELAB_TOKEN"] == "local-key"


@pytest.mark.parametrize("key", ["two words", "ключ", "a;b"])
def test_a_key_that_cannot_be_sent_is_refused(model_dir, capsys, uvicorn_calls, key):
    status, _, err = run(capsys, "serve", "--token", key)
    assert status == 2
    assert "--token takes letters, digits" in err
    assert uvicorn_calls == []


def test_token_and_no_token_exclude_each_other(model_dir, capsys, uvicorn_calls):
    status, _, err = run(capsys, "serve", "--token", "k", "--no-token")
    assert status == 2 and "not allowed with" in err


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1"])
def test_serve_on_loopback_does_not_warn(model_dir, capsys, uvicorn_calls, free_port, host):
    if host == "::1" and not socket.has_ipv6:
        pytest.skip("no IPv6 on this machine")
    status, _, err = run(capsys, "serve", "--host", host, "--port", str(free_port))
    assert (status, err) == (0, "")


def test_serve_with_workers_passes_the_model_dir_to_them(
    tmp_path, model_dir, monkeypatch, capsys, uvicorn_calls, free_port
):
    monkeypatch.chdir(tmp_path)
    argv = ["--workers", "3", "--model-dir", "class-models", "--port", str(free_port)]
    status, out, _ = run(capsys, "serve", *argv)
    assert status == 0
    expected = {**SERVE_DEFAULTS, "workers": 3, "port": free_port}
    assert uvicorn_calls == [(("gatelab.api:app",), expected)]
    # Worker processes read the directory from the environment: an absolute path, so they
    # agree with the parent whatever their working directory.
    assert os.environ["GATELAB_MODEL_DIR"] == str(tmp_path / "class-models")
    assert (tmp_path / "class-models").is_dir()
    assert "workers: 3" in out


def test_serve_quiet_options(model_dir, capsys, uvicorn_calls, free_port):
    argv = ["serve", "--log-level", "warning", "--no-access-log", "--reload"]
    assert run(capsys, *argv, "--port", str(free_port))[0] == 0
    expected = {
        **SERVE_DEFAULTS,
        "port": free_port,
        "log_level": "warning",
        "access_log": False,
        "reload": True,
    }
    assert uvicorn_calls[0][1] == expected


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--workers", "2", "--reload"], "--reload cannot be combined with --workers"),
        (["--workers", "0"], "must be at least 1"),
        (["--workers", "two"], "not a whole number"),
        (["--port", "0"], "between 1 and 65535"),
        (["--port", "70000"], "between 1 and 65535"),
        (["--log-level", "loud"], "invalid choice"),
    ],
)
def test_bad_serve_options_are_explained(model_dir, capsys, uvicorn_calls, argv, words):
    status, _, err = run(capsys, "serve", *argv)
    assert status == 2
    assert words in err
    assert uvicorn_calls == []


def test_serve_on_a_busy_port_says_so(model_dir, capsys, uvicorn_calls):
    with socket.socket() as other_program:
        other_program.bind(("127.0.0.1", 0))
        other_program.listen()
        port = other_program.getsockname()[1]
        status, _, err = run(capsys, "serve", "--port", str(port))
    assert status == 1
    assert f"cannot listen on 127.0.0.1:{port}" in err
    assert "--port" in err
    assert uvicorn_calls == []


def test_serve_with_an_unusable_model_dir_says_so(tmp_path, model_dir, capsys, uvicorn_calls):
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("not a directory")
    status, _, err = run(capsys, "serve", "--model-dir", str(not_a_dir / "models"))
    assert status == 1
    assert "cannot use" in err and "--model-dir" in err
    assert uvicorn_calls == []


def test_serve_names_trained_and_unreadable_models_at_start(
    model_dir, capsys, uvicorn_calls, free_port
):
    assert run(capsys, "train", "or")[0] == 0
    (model_dir / "AND.json").write_bytes(b"\x80\x04not really a model")
    status, out, err = run(capsys, "serve", "--port", str(free_port))
    assert status == 0
    assert "trained: OR" in out
    assert err.startswith("warning: the stored AND model cannot be used")
    assert "POST /train/AND" in err and "gatelab train AND" in err


# ----- gatelab check URL ------------------------------------------------------------------------


def test_check_a_server_that_keeps_every_promise(tmp_path, capsys):
    from gatelab.api import create_app
    from gatelab.server import start_server

    with start_server(create_app(tmp_path), port=0) as server:
        status, out, err = run(capsys, "check", server.url, "--gates", "and,nand,not")
    assert (status, err) == (0, "")
    assert out.startswith("✓ an untrained gate answers 404: GET /predict/AND/0/0\n")
    assert "✓ truth table of NAND: all 4 rows right\n" in out
    assert out.endswith("\n9 passed, 0 failed, 0 skipped\n")


def test_check_a_server_that_breaks_one_exits_1(capsys):
    from fastapi import FastAPI

    from gatelab.server import start_server

    with start_server(FastAPI(), port=0) as server:  # no routes: every answer is a 404
        status, out, _ = run(capsys, "check", server.url.removeprefix("http://"), "--timeout", "2")
    assert status == 1
    assert "✗ POST /train/AND answered 404, not 200\n" in out
    assert '  → declare @app.post("/train/{gate}")' in out


def test_check_with_nothing_listening_exits_2(capsys, free_port):
    status, out, err = run(capsys, "check", f"http://127.0.0.1:{free_port}/")
    assert (status, err) == (2, "")
    assert out.startswith(f"✗ nothing answers at http://127.0.0.1:{free_port}: start the server")
    assert out.count("\n") == 1 and "fastapi dev main.py" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["check", "ftp://127.0.0.1:8000"], "is not a server address"),
        (["check", "127.0.0.1:8000", "--gates", "AND,XAND"], "unknown gate 'XAND'"),
        (["check", "127.0.0.1:8000", "--gates", ","], "at least one gate"),
        (["check", "127.0.0.1:8000", "--timeout", "0"], "more than 0 seconds"),
        (["check", "127.0.0.1:8000", "--deadline", "soon"], "not a number of seconds"),
    ],
)
def test_bad_check_arguments_are_explained(capsys, argv, words):
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert words in err
