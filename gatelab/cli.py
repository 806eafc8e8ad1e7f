"""The `gatelab` command: serve the gate API, or train and ask gates from a terminal.

    gatelab serve [--host 127.0.0.1] [--port 8000] [--model-dir DIR] [--reload]
    gatelab train GATE [--seed N]
    gatelab predict GATE A [B]

Models live in --model-dir, else $GATELAB_MODEL_DIR, else the per-user data directory
(platformdirs.user_data_dir("gatelab")/models, e.g. ~/.local/share/gatelab/models on Linux).
`train` and a running server share that directory, so the server picks a retrained model up.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from gatelab.gates import GATE_NAMES, UnknownGateError, get_gate, normalize_gate_name

MODEL_DIR_HELP = (
    "where models are stored (default: $GATELAB_MODEL_DIR, else the per-user data directory, "
    "e.g. ~/.local/share/gatelab/models on Linux)"
)
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with its three subcommands."""
    parser = argparse.ArgumentParser(
        prog="gatelab",
        description="Train logic gates and serve them over HTTP.",
        epilog=f"gates: {', '.join(GATE_NAMES)} (any case)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the gate API (docs at /docs)")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: %(default)s, this computer only)",
    )
    serve.add_argument("--port", type=int, default=8000, help="port (default: %(default)s)")
    serve.add_argument("--model-dir", help=MODEL_DIR_HELP)
    serve.add_argument("--reload", action="store_true", help="restart when the code changes")

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
            return serve(args.host, args.port, reload=args.reload)
        gate = normalize_gate_name(args.gate)
        if args.command == "train":
            return train(gate, seed=args.seed)
        return predict(gate, args.bits, parser)
    except UnknownGateError as exc:
        parser.error(str(exc))
    return 2


def serve(host: str, port: int, *, reload: bool = False) -> int:
    """Run the gate API with uvicorn until Ctrl+C."""
    import uvicorn

    from gatelab.api import default_model_dir

    if host not in LOOPBACK:
        print(
            f"warning: listening on {host} exposes the API beyond this computer: anyone who can "
            "reach this machine on the network (on 0.0.0.0, every device on your Wi-Fi or LAN) "
            "can call it, including POST /train and DELETE /models. Use --host 127.0.0.1 to "
            "keep it private.",
            file=sys.stderr,
        )
    print(f"models: {default_model_dir()}")
    print(f"docs:   http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}/docs")
    # An import string, not an app object: --reload re-imports the code in a fresh process.
    uvicorn.run("gatelab.api:app", host=host, port=port, reload=reload)
    return 0


def train(gate: str, *, seed: int = 0) -> int:
    """Train the gate into the model store and print what was learned."""
    from gatelab.api import GateService, TrainSettings

    if not 0 <= seed < 2**32:
        print("error: --seed must be between 0 and 4294967295", file=sys.stderr)
        return 2
    result = GateService().train(gate, TrainSettings(seed=seed))
    print(
        f"trained {result.gate} ({result.kind}, seed {result.seed}): accuracy "
        f"{result.accuracy:.2f} after {result.epochs_run} epoch(s), {result.parameters} parameters"
    )
    return 0


def predict(gate: str, bits: list[str], parser: argparse.ArgumentParser) -> int:
    """Print the stored model's answer for the given bits."""
    from gatelab.api import GateService
    from gatelab.store import ModelNotFound, StoreError

    arity = get_gate(gate).arity
    if len(bits) != arity or any(bit not in ("0", "1") for bit in bits):
        parser.error(f"{gate} takes {arity} input bit(s), each 0 or 1; got {' '.join(bits)}")
    row = tuple(int(bit) for bit in bits)
    try:
        result = GateService().predict(gate, [row])[0]
    except ModelNotFound:
        print(f"error: no trained {gate} model yet; run: gatelab train {gate}", file=sys.stderr)
        return 1
    except StoreError as exc:
        print(
            f"error: the stored {gate} model cannot be used ({exc}); run: gatelab train {gate}",
            file=sys.stderr,
        )
        return 1
    print(f"{gate}({', '.join(bits)}) = {result}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
