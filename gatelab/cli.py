"""The `gatelab` command: serve the gate API, train and ask gates, or check any gate API.

    gatelab serve [--host 127.0.0.1] [--port 8000] [--model-dir DIR] [--workers N] [--reload]
                  [--token KEY | --no-token]
    gatelab train GATE [--seed N]
    gatelab predict GATE A [B]
    gatelab check URL [--gates AND,OR,NOT] [--timeout S] [--deadline S]
    gatelab lessons [DIR] [--lang en|ko] [--force]
    gatelab --version

`train` and a running server share one model directory. Beyond this computer (--host 0.0.0.0)
changes need a key: --token KEY, else $GATELAB_TOKEN, else a random key printed at start-up.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from gatelab import __version__
from gatelab.gates import GATE_NAMES, UnknownGateError, get_gate, normalize_gate_name
from gatelab.network import DEFAULT_HOST, DEFAULT_PORT, listening_socket

MODEL_DIR_HELP = (
    "where models are stored (default: $GATELAB_MODEL_DIR, else the per-user data directory, "
    "e.g. ~/.local/share/gatelab/models on Linux)"
)
LOG_LEVELS = ("critical", "error", "warning", "info", "debug")
# What to do when the model directory or the port cannot be used.
OTHER_DIR = "choose another with --model-dir"
OTHER_PORT = "is another server already running there? Stop it, or choose another port with --port"
Number = TypeVar("Number", int, float)


def _number(text: str, kind: Callable[[str], Number], what: str) -> Number:
    """`text` as an int or a float, or an argparse error saying it is not `what`."""
    try:
        return kind(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not {what}") from None


def positive_int(text: str) -> int:
    """argparse type: a whole number >= 1."""
    value = _number(text, int, "a whole number")
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def positive_seconds(text: str) -> float:
    """argparse type: a number of seconds > 0."""
    value = _number(text, float, "a number of seconds")
    if not value > 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds, got {text}")
    return value


def port_number(text: str) -> int:
    """argparse type: a TCP port, 1 to 65535."""
    value = _number(text, int, "a port number")
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a port is between 1 and 65535, got {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with its four subcommands."""
    parser = argparse.ArgumentParser(
        prog="gatelab",
        description="Train logic gates and serve them over HTTP.",
        epilog=f"gates: {', '.join(GATE_NAMES)} (any case)",
    )
    parser.add_argument("--version", action="version", version=f"gatelab {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the gate API (docs at /docs)")
    serve.set_defaults(run=run_serve)
    serve.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help="address to listen on (default: %(default)s, this computer only)",
    )
    serve.add_argument(
        "--port", type=port_number, default=DEFAULT_PORT, help="port (default: %(default)s)"
    )
    serve.add_argument("--model-dir", help=MODEL_DIR_HELP)
    serve.add_argument(
        "--workers",
        type=positive_int,
        default=1,
        help="worker processes sharing the port and the model directory (default: %(default)s; "
        "for a class, about one per CPU core)",
    )
    serve.add_argument(
        "--reload", action="store_true", help="restart when the code changes (one worker only)"
    )
    serve.add_argument(
        "--log-level",
        choices=LOG_LEVELS,
        default="info",
        help="how much uvicorn logs (default: %(default)s)",
    )
    key = serve.add_mutually_exclusive_group()
    key.add_argument(
        "--token",
        metavar="KEY",
        help="the key that POST /train and DELETE /models need (default: $GATELAB_TOKEN; beyond "
        "this computer, a random key printed at start-up)",
    )
    key.add_argument(
        "--no-token",
        dest="no_token",
        action="store_true",
        help="no key, even beyond this computer: anyone who can reach the server can change models",
    )
    serve.add_argument(
        "--no-access-log",
        dest="access_log",
        action="store_false",
        help="no log line per request (quieter and faster with a whole class)",
    )

    train = commands.add_parser("train", help="train a gate and store the model")
    train.set_defaults(run=run_train)
    train.add_argument("gate", help="the gate to train, e.g. AND or xor")
    train.add_argument("--seed", type=int, default=0, help="random seed (default: %(default)s)")
    train.add_argument("--model-dir", help=MODEL_DIR_HELP)

    predict = commands.add_parser("predict", help="ask a trained gate")
    predict.set_defaults(run=run_predict)
    predict.add_argument("gate", help="the gate to ask, e.g. AND or not")
    predict.add_argument(
        "bits", nargs="+", metavar="BIT", help="the input bits: A [B], each 0 or 1"
    )
    predict.add_argument("--model-dir", help=MODEL_DIR_HELP)

    check = commands.add_parser(
        "check", help="check a running gate API over HTTP: one ✓/✗ line per promise"
    )
    check.add_argument("url", help="the server's address, e.g. http://127.0.0.1:8000")
    check.add_argument(
        "--gates",
        default="AND,OR,NOT",
        help="the gates to train and check, comma-separated (default: %(default)s)",
    )
    check.add_argument(
        "--timeout",
        type=positive_seconds,
        default=5.0,
        help="seconds each request may take (default: %(default)s)",
    )
    check.add_argument(
        "--deadline",
        type=positive_seconds,
        default=30.0,
        help="seconds the whole check may take (default: %(default)s)",
    )
    check.set_defaults(run=run_check)

    lessons = commands.add_parser(
        "lessons", help="copy the lessons into a folder (never over a file you edited)"
    )
    lessons.add_argument(
        "folder", nargs="?", default="gatelab-lessons", help="where to (default: %(default)s)"
    )
    lessons.add_argument(
        "--lang", choices=["en", "ko"], default="en", help="the lessons' language (default: en)"
    )
    lessons.add_argument("--force", action="store_true", help="also replace lessons you changed")
    lessons.set_defaults(run=run_lessons)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "model_dir", None):
        # Through the environment, so uvicorn's --reload worker process sees it too.
        os.environ["GATELAB_MODEL_DIR"] = os.path.abspath(os.path.expanduser(args.model_dir))
    try:
        return args.run(args, parser)
    except UnknownGateError as exc:
        parser.error(str(exc))
    return 2


def run_serve(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Run the gate API with uvicorn (in --workers processes) until Ctrl+C."""
    from gatelab import _serve
    from gatelab.api import default_model_dir
    from gatelab.api.security import choose_key, is_valid_key
    from gatelab.store import ModelStore

    if args.reload and args.workers > 1:
        parser.error(
            "--reload cannot be combined with --workers: --reload restarts one process when the "
            f"code changes (for developing); drop it to serve a class with {args.workers} workers"
        )
    key, origin = choose_key(args.host, args.token, args.no_token)
    if key is not None and not is_valid_key(key):
        print(f"error: {origin} takes letters, digits and ._~+/=- only", file=sys.stderr)
        return 2
    model_dir = default_model_dir().resolve()
    try:
        store = ModelStore(model_dir)
    except OSError as exc:
        return _cannot(f"use {model_dir} as the model directory", exc, OTHER_DIR)
    try:
        listening_socket(args.host, args.port).close()
    except OSError as exc:
        return _cannot(f"listen on {args.host}:{args.port}", exc, OTHER_PORT)
    options = {"log_level": args.log_level, "access_log": args.access_log, "reload": args.reload}
    _serve.serve(
        args.host, args.port, store=store, key=key, origin=origin, workers=args.workers, **options
    )
    return 0


def _cannot(what: str, exc: OSError, fix: str) -> int:
    """Print "error: cannot <what> (<reason>); <fix>" on stderr; the exit status is 1."""
    print(f"error: cannot {what} ({exc.strerror or exc}); {fix}", file=sys.stderr)
    return 1


def run_train(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Train the gate into the model store and print what was learned."""
    from gatelab.api import MAX_SEED, GateService, TrainSettings, default_model_dir
    from gatelab.store import StoreError

    gate, seed = normalize_gate_name(args.gate), args.seed
    # The API's bound, checked here so a bad --seed is one line, not a validation traceback.
    if not 0 <= seed <= MAX_SEED:
        print(f"error: --seed must be between 0 and {MAX_SEED}", file=sys.stderr)
        return 2
    model_dir = default_model_dir()
    try:
        result = GateService(model_dir).train(gate, TrainSettings(seed=seed))
    except StoreError as exc:  # e.g. a directory where the model file belongs
        print(f"error: cannot store the {gate} model: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # e.g. --model-dir under a regular file, or no permission
        return _cannot(f"use {model_dir} as the model directory", exc, OTHER_DIR)
    print(
        f"trained {result.gate} ({result.kind}, seed {result.seed}): accuracy "
        f"{result.accuracy:.2f} after {result.epochs_run} epoch(s), {result.parameters} parameters"
    )
    return 0


def run_predict(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Print the stored model's answer for the given bits."""
    from gatelab.api import GateService, default_model_dir
    from gatelab.store import ModelNotFound, StoreError

    gate, bits = normalize_gate_name(args.gate), args.bits
    arity = get_gate(gate).arity
    if len(bits) != arity or any(bit not in ("0", "1") for bit in bits):
        parser.error(f"{gate} takes {arity} input bit(s), each 0 or 1; got {' '.join(bits)}")
    row = tuple(int(bit) for bit in bits)
    model_dir = default_model_dir()
    try:
        result = GateService(model_dir).predict(gate, [row])[0]
    except ModelNotFound:
        print(f"error: no trained {gate} model yet; run: gatelab train {gate}", file=sys.stderr)
        return 1
    except StoreError as exc:
        print(
            f"error: the stored {gate} model cannot be used ({exc}); run: gatelab train {gate}",
            file=sys.stderr,
        )
        return 1
    except OSError as exc:
        return _cannot(f"use {model_dir} as the model directory", exc, OTHER_DIR)
    print(f"{gate}({', '.join(bits)}) = {result}")
    return 0


def run_check(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Check the gate API at URL: 0 when no line is a ✗, 1 when one is, 2 when nothing answers."""
    from gatelab.check import check_api

    try:
        report = check_api(args.url, args.gates, timeout=args.timeout, deadline=args.deadline)
    except ValueError as exc:  # not an http(s) address, an unknown gate, or no gate at all
        parser.error(str(exc))
    if not report.reachable:
        return 2
    return 0 if report.ok else 1


def run_lessons(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """Copy one language's lessons into a folder and say what was copied and what was kept."""
    from gatelab.lessons import copy_lessons, describe

    folder = Path(args.folder)
    report = copy_lessons(folder, args.lang, force=args.force)
    print("\n".join(describe(report, folder)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
