"""The `gatelab` command: serve the gate API, train and ask gates, or check any gate API.

    gatelab serve [--host 127.0.0.1] [--port 8000] [--model-dir DIR] [--workers N] [--reload]
                  [--token KEY | --no-token]
    gatelab train GATE [--seed N]
    gatelab predict GATE A [B]
    gatelab check URL [--gates AND,OR,NOT] [--timeout S] [--deadline S]
    gatelab lessons [DIR] [--lang en|ko] [--force]
    gatelab --version

Models live in --model-dir, else $GATELAB_MODEL_DIR, else the per-user data directory
(platformdirs.user_data_dir("gatelab")/models, e.g. ~/.local/share/gatelab/models on Linux).
`train` and a running server share that directory, so the server picks a retrained model up.

For a class, `gatelab serve --workers 2` (about one per CPU core) runs that many uvicorn worker
processes on one port and one model directory. Each worker keeps its own in-memory answers and
checks the directory at most every half second, so a model trained, retrained or deleted
through any worker is served by all of them within a second.

Beyond this computer (--host 0.0.0.0, or a LAN address) changes need a key, like Jupyter's
token: --token KEY, else $GATELAB_TOKEN, else a random key printed at start-up. Every worker
gets the same key; reading (GET /predict, /gates, /models, /docs) stays open. --no-token turns
the key off. On 127.0.0.1 there is no key unless --token or $GATELAB_TOKEN sets one.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import socket
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from gatelab import __version__
from gatelab.gates import GATE_NAMES, UnknownGateError, get_gate, normalize_gate_name

if TYPE_CHECKING:  # only for type hints: the store is imported when a command needs it
    from gatelab.store import ModelStore

MODEL_DIR_HELP = (
    "where models are stored (default: $GATELAB_MODEL_DIR, else the per-user data directory, "
    "e.g. ~/.local/share/gatelab/models on Linux)"
)
LOG_LEVELS = ("critical", "error", "warning", "info", "debug")
ALL_INTERFACES = ("0.0.0.0", "::", "")


def positive_int(text: str) -> int:
    """argparse type: a whole number >= 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def positive_seconds(text: str) -> float:
    """argparse type: a number of seconds > 0."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not value > 0:  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds, got {text}")
    return value


def port_number(text: str) -> int:
    """argparse type: a TCP port, 1 to 65535."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
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
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: %(default)s, this computer only)",
    )
    serve.add_argument("--port", type=port_number, default=8000, help="port (default: %(default)s)")
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
    train.add_argument("gate", help="the gate to train, e.g. AND or xor")
    train.add_argument("--seed", type=int, default=0, help="random seed (default: %(default)s)")
    train.add_argument("--model-dir", help=MODEL_DIR_HELP)

    predict = commands.add_parser("predict", help="ask a trained gate")
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
    check.set_defaults(model_dir=None)  # main() looks for it; a check uses no model directory

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
    lessons.set_defaults(model_dir=None)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.model_dir:
        # Through the environment, so uvicorn's --reload worker process sees it too.
        os.environ["GATELAB_MODEL_DIR"] = os.path.abspath(os.path.expanduser(args.model_dir))
    try:
        if args.command == "serve":
            if args.reload and args.workers > 1:
                parser.error(
                    "--reload cannot be combined with --workers: --reload restarts one process "
                    "when the code changes (for developing); drop it to serve a class with "
                    f"{args.workers} workers"
                )
            return serve(
                args.host,
                args.port,
                workers=args.workers,
                reload=args.reload,
                log_level=args.log_level,
                access_log=args.access_log,
                token=args.token,
                no_token=args.no_token,
            )
        if args.command == "check":
            return check(args.url, args.gates, args.timeout, args.deadline, parser)
        if args.command == "lessons":
            return lessons(Path(args.folder), args.lang, args.force)
        gate = normalize_gate_name(args.gate)
        if args.command == "train":
            return train(gate, seed=args.seed)
        return predict(gate, args.bits, parser)
    except UnknownGateError as exc:
        parser.error(str(exc))
    return 2


def serve(
    host: str,
    port: int,
    *,
    workers: int = 1,
    reload: bool = False,
    log_level: str = "info",
    access_log: bool = True,
    token: str | None = None,
    no_token: bool = False,
) -> int:
    """Run the gate API with uvicorn (in `workers` processes) until Ctrl+C."""
    from gatelab.api import MODEL_DIR_ENV, TOKEN_ENV, default_model_dir
    from gatelab.api.security import is_valid_key
    from gatelab.server import run_app
    from gatelab.store import ModelStore

    key, origin = _choose_key(host, token, no_token)
    if key is not None and not is_valid_key(key):
        print(f"error: {origin} takes letters, digits and ._~+/=- only", file=sys.stderr)
        return 2
    # Worker processes build the app from the import string and read the key, like the model
    # directory, from the environment: every worker asks for the same key.
    if key is None:
        os.environ.pop(TOKEN_ENV, None)
    else:
        os.environ[TOKEN_ENV] = key

    model_dir = default_model_dir().resolve()
    # Worker processes build the app from the import string and find their models through the
    # environment, so every worker serves the same directory (the one printed below).
    os.environ[MODEL_DIR_ENV] = str(model_dir)
    try:
        store = ModelStore(model_dir)
    except OSError as exc:
        return _cannot_use(model_dir, exc)
    problem = _cannot_listen(host, port)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    if not is_loopback(host) and key is None:
        print(
            f"warning: listening on {host} with --no-token exposes the API beyond this "
            "computer: anyone who can reach this machine on the network (on 0.0.0.0, every "
            "device on your Wi-Fi or LAN) can call it, including POST /train and DELETE /models. "
            "Drop --no-token to require a key for changes, or use --host 127.0.0.1 to keep it "
            "private.",
            file=sys.stderr,
        )
    print(f"models:  {model_dir}")
    _report_stored_models(store)
    print(f"workers: {workers}")
    print(f"docs:    {_local_url(host, port)}/docs")
    if host in ALL_INTERFACES:
        print(
            f"students: http://<this computer's address>:{port}/docs (the address: `hostname -I` "
            "on Linux, `ipconfig getifaddr en0` on macOS, `ipconfig` on Windows)"
        )
    elif not is_loopback(host):
        print(f"students: {_local_url(host, port)}/docs")
    if key is not None:
        _report_key(host, port, key, origin)
    # An import string, not an app object: each worker (and --reload) imports it afresh.
    run_app(
        "gatelab.api:app",
        host=host,
        port=port,
        reload=reload,
        workers=workers,
        log_level=log_level,
        access_log=access_log,
    )
    return 0


def _choose_key(host: str, token: str | None, no_token: bool) -> tuple[str | None, str]:
    """The key changes need, and where it comes from: --token, $GATELAB_TOKEN or generated."""
    from gatelab.api import TOKEN_ENV, generate_key

    if no_token:
        return None, "--no-token"
    if token is not None:
        return token, "--token"
    if os.environ.get(TOKEN_ENV):
        return os.environ[TOKEN_ENV], "$GATELAB_TOKEN"
    if is_loopback(host):
        return None, "loopback"  # this computer only, as in the notebooks: no key unless asked
    return generate_key(), "generated"


def _report_key(host: str, port: int, key: str, origin: str) -> None:
    """Say that changes need the key, with a curl command ready to copy."""
    # A generated key has to be shown; one the teacher chose is not printed again.
    shown = {"generated": key, "$GATELAB_TOKEN": "$GATELAB_TOKEN"}.get(origin, "<your --token>")
    if host in ALL_INTERFACES:
        address = _lan_address() or "<this computer's address>"
        url = f"http://{address}:{port}"
    else:
        url = _local_url(host, port)
    print(f"key:     {shown}")
    print("         (POST /train and DELETE /models need it, reading does not; /docs: Authorize)")
    print(f'example: curl -X POST -H "Authorization: Bearer {shown}" {url}/train/XOR')


def _lan_address() -> str | None:
    """This computer's address on its network, or None if it has none (or cannot tell)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            # Connecting a UDP socket sends nothing: it only picks the route, and so the address.
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1, never a real host
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith(("127.", "0.")) else address


def _cannot_use(model_dir: os.PathLike | str, exc: OSError) -> int:
    """Say that the model directory cannot be used (not a directory, no permission, ...): 1."""
    reason = exc.strerror or str(exc)
    print(
        f"error: cannot use {model_dir} as the model directory ({reason}); "
        "choose another with --model-dir",
        file=sys.stderr,
    )
    return 1


def is_loopback(host: str) -> bool:
    """Whether `host` is this computer only (127.0.0.0/8, ::1 or localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name other than localhost
        return False


def _local_url(host: str, port: int) -> str:
    """The address to open on this computer: all-interfaces binds are reached via loopback."""
    from gatelab.server import base_url  # imported here: gatelab.server loads uvicorn

    if host in ("0.0.0.0", ""):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    return base_url(host, port)


def _cannot_listen(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port (in use, unknown address), else None."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        # The same option uvicorn sets, so this check agrees with what uvicorn will do.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            reason = exc.strerror or str(exc)
            return (
                f"cannot listen on {host}:{port} ({reason}); is another server already running "
                "there? Stop it, or choose another port with --port"
            )
    return None


def _report_stored_models(store: ModelStore) -> None:
    """Print which gates are trained, and warn about stored files that cannot be served."""
    from gatelab.store import StoreError

    trained = []
    for gate in GATE_NAMES:
        if not store.exists(gate):
            continue
        try:
            store.info(gate)  # reads and checks the whole file; never unpickles
        except StoreError as exc:
            print(
                f"warning: the stored {gate} model cannot be used ({exc}). It answers 409 until "
                f"it is retrained: POST /train/{gate}, or run: gatelab train {gate}",
                file=sys.stderr,
            )
        else:
            trained.append(gate)
    print(f"trained: {', '.join(trained) or 'none yet'}")


def train(gate: str, *, seed: int = 0) -> int:
    """Train the gate into the model store and print what was learned."""
    from gatelab.api import MAX_SEED, GateService, TrainSettings, default_model_dir
    from gatelab.store import StoreError

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
        return _cannot_use(model_dir, exc)
    print(
        f"trained {result.gate} ({result.kind}, seed {result.seed}): accuracy "
        f"{result.accuracy:.2f} after {result.epochs_run} epoch(s), {result.parameters} parameters"
    )
    return 0


def predict(gate: str, bits: list[str], parser: argparse.ArgumentParser) -> int:
    """Print the stored model's answer for the given bits."""
    from gatelab.api import GateService, default_model_dir
    from gatelab.store import ModelNotFound, StoreError

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
        return _cannot_use(model_dir, exc)
    print(f"{gate}({', '.join(bits)}) = {result}")
    return 0


def check(
    url: str, gates: str, timeout: float, deadline: float, parser: argparse.ArgumentParser
) -> int:
    """Check the gate API at `url`: 0 when no line is a ✗, 1 when one is, 2 when nothing answers."""
    from gatelab.check import check_api

    try:
        report = check_api(url, gates, timeout=timeout, deadline=deadline)
    except ValueError as exc:  # not an http(s) address, an unknown gate, or no gate at all
        parser.error(str(exc))
    if not report.reachable:
        return 2
    return 0 if report.ok else 1


def lessons(folder: Path, language: str, force: bool) -> int:
    """Copy one language's lessons into `folder` and say what was copied and what was kept."""
    from gatelab.lessons import copy_lessons, describe

    report = copy_lessons(folder, language, force=force)
    print("\n".join(describe(report, folder)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
