"""A model store on a directory: one trained model per gate, saved atomically, loaded safely.

Layout (one self-describing file per gate, so one `os.replace` commits a save):

- a perceptron is ``<GATE>.json``: ``{"format": "gatelab.perceptron", "format_version": 1,
  "metadata": {...}, "perceptron": Perceptron.to_dict()}``;
- an MLP is ``<GATE>.safetensors``: its ``state_dict`` as safetensors, with the metadata (a JSON
  string, including the architecture) under ``"gatelab"`` in the header's ``__metadata__``.

Safety: the store never unpickles and never calls ``torch.load``; JSON and safetensors can only
hold data, never code. Every file is checked before use (format marker, metadata, gate, kind,
shapes, finite numbers), and a bad file raises a specific StoreError without touching other models.

Writes go to a temporary file in the same directory, are flushed to disk (fsync), then renamed
over the old file with `os.replace`, so a reader sees the old model or the new one, never half a
file. If a crash leaves both a ``.json`` and a ``.safetensors`` for one gate, the newer one wins.
Only regular files are models: a directory under a model's name is ignored (the gate reads as
untrained), and a save that would have to replace it raises NameInUse instead.

Reading needs numpy only; torch is imported when an MLP is actually built.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import stat
import struct
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from gatelab.gates import GATE_NAMES, LINEAR_GATES, UnknownGateError, get_gate, normalize_gate_name
from gatelab.language import tr, translatable
from gatelab.perceptron import Perceptron

if TYPE_CHECKING:  # only for type hints: importing gatelab.mlp would import torch
    from gatelab.mlp import GateMLP

FORMAT_VERSION: int = 1
PERCEPTRON_FORMAT = "gatelab.perceptron"
MLP_METADATA_KEY = "gatelab"
# A gate model is a few hundred bytes; anything far bigger under a model's name is not ours,
# and refusing it early avoids reading a huge foreign file into memory.
MAX_FILE_BYTES = 8 * 1024 * 1024
# A temporary file this old belongs to a save that was killed: the store may delete it.
STALE_TEMPORARY_SECONDS = 60.0

_SUFFIX = {"perceptron": ".json", "mlp": ".safetensors"}
_RESERVED_KEYS = ("gate", "kind", "parameters", "format_version", "architecture")
_MLP_TENSORS = ("hidden.weight", "hidden.bias", "output.weight", "output.bias")


class StoreError(Exception):
    """Base class of every error the model store raises.

    Raised with an English message, or with a message template and its fields; str() gives the
    message in the current language (lesson 05 prints them), `.english` always the English one
    (for logs and API bodies, which stay English).
    """

    def __init__(self, message: str, *, translated: tuple[str, ...] = (), **fields: object) -> None:
        english = message.format(**fields) if fields else message
        super().__init__(english)
        self.english = english
        self._template, self._fields, self._translated = message, fields, translated

    def __str__(self) -> str:
        fields = {
            name: tr(str(value)) if name in self._translated else value
            for name, value in self._fields.items()
        }
        return tr(self._template, **fields)


class InvalidModelName(StoreError, ValueError):
    """The name is not one of the gates (empty, a path such as '../x', or unknown)."""


class ModelNotFound(StoreError, LookupError):
    """No model is stored for this gate yet."""


class CorruptModel(StoreError):
    """The stored file is truncated, foreign or unreadable (a pickle, for example)."""


class WrongModelKind(StoreError):
    """The file holds a different kind of model (or gate) than its name says."""


class NameInUse(StoreError):
    """A directory sits where the gate's model file belongs, so the model cannot be saved."""


class ModelStore:
    """Saves and loads one trained model per gate in `directory`."""

    def __init__(self, directory: str | os.PathLike) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._remove_stale_temporaries()

    def _remove_stale_temporaries(self, older_than: float = STALE_TEMPORARY_SECONDS) -> None:
        """Delete temporary files that a save killed mid-way left behind (never read as models)."""
        cutoff = time.time() - older_than
        for tmp in self.directory.glob(".*.tmp"):
            # Old enough that no save in progress can still own it (a save takes milliseconds).
            with contextlib.suppress(OSError):
                if tmp.is_file() and tmp.stat().st_mtime < cutoff:
                    tmp.unlink()

    def __repr__(self) -> str:
        return f"ModelStore({self.directory.name!r})"

    # ----- writing --------------------------------------------------------------------------
    def save(
        self,
        gate: str,
        model: Perceptron | GateMLP,
        *,
        seed: int | None = None,
        epochs: int | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        """Store `model` as the gate's model (replacing any old one); return its metadata."""
        name = canonical_gate(gate)
        arity = get_gate(name).arity
        if isinstance(model, Perceptron):
            kind = "perceptron"
            params = model.to_dict()  # raises NotFittedError for an untrained perceptron
            _check_inputs(name, arity, len(params["weights"]), ValueError)
            # A perceptron knows its own settings; use them unless the caller says otherwise.
            seed = model.seed if seed is None else seed
            epochs = model.epochs_run_ if epochs is None else epochs
            extra.setdefault("learning_rate", float(model.learning_rate))
            extra.setdefault("converged", bool(model.converged_))
        else:
            from gatelab.mlp import GateMLP  # imports torch, which an MLP has loaded anyway

            if not isinstance(model, GateMLP):
                raise TypeError(f"can only store a Perceptron or a GateMLP, got {type(model)}")
            kind = "mlp"
            _check_inputs(name, arity, model.n_inputs, ValueError)
            # train_mlp notes its settings on the network: used unless the caller gives them.
            trained_with = getattr(model, "trained_with", None) or {}
            seed = trained_with.get("seed") if seed is None else seed
            epochs = trained_with.get("epochs") if epochs is None else epochs
            if trained_with.get("learning_rate") is not None:
                extra.setdefault("learning_rate", float(trained_with["learning_rate"]))
        metadata = _metadata(name, kind, model, seed, epochs, extra)
        data = _encode(kind, metadata, model)
        path = self._path(name, kind)
        self._write_atomically(path, data)
        other = self._path(name, "mlp" if kind == "perceptron" else "perceptron")
        self._remove_if_older(other, than=path)
        return metadata

    def delete(self, gate: str) -> None:
        """Remove the gate's stored model; ModelNotFound if there is none."""
        name = canonical_gate(gate)
        removed = False
        for kind in _SUFFIX:
            path = self._path(name, kind)
            if path.is_file():  # a directory under a model's name is not a model: leave it
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                    removed = True
        if not removed:
            raise _not_found(name)

    # ----- reading --------------------------------------------------------------------------
    def load(self, gate: str) -> Perceptron | GateMLP:
        """Return the gate's stored model, ready to predict."""
        return self.load_with_info(gate)[0]

    def load_with_info(self, gate: str) -> tuple[Perceptron | GateMLP, dict[str, Any]]:
        """Return (model, metadata) for the gate's stored model."""
        name = canonical_gate(gate)
        kind, metadata, content = self._read(name)
        if kind == "perceptron":
            return content, metadata  # already rebuilt while checking the file
        return _mlp_from(name, metadata, content), metadata

    def info(self, gate: str) -> dict[str, Any]:
        """Metadata of the gate's stored model (the file is fully checked, torch is not needed)."""
        return self._read(canonical_gate(gate))[1]

    def list(self) -> list[dict[str, Any]]:
        """Metadata of every readable stored model, in GATE_NAMES order (bad files are skipped)."""
        found = []
        for name in GATE_NAMES:
            with contextlib.suppress(StoreError):
                found.append(self._read(name)[1])
        return found

    def exists(self, gate: str) -> bool:
        """Whether a model file is stored for the gate (load() still checks that it is readable).

        Only regular files count: a directory (or anything else) under a model's name is not a
        model, so the gate reads as untrained.
        """
        return self._current(canonical_gate(gate)) is not None

    def version(self, gate: str) -> tuple | None:
        """A cheap token (from os.stat, no read) that changes whenever the stored model changes."""
        name = canonical_gate(gate)
        token = []
        for kind in _SUFFIX:
            st = _regular_file_stat(self._path(name, kind))
            if st is None:
                continue
            # os.replace gives every save a new inode, so the token changes even if size and
            # modification time happen to match the old file's.
            token.append((kind, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns))
        return tuple(token) or None

    # ----- internals ------------------------------------------------------------------------
    def _path(self, name: str, kind: str) -> Path:
        """Where the gate's model of this kind lives (name is already canonical)."""
        return self.directory / f"{name}{_SUFFIX[kind]}"

    def _current(self, name: str) -> tuple[str, Path] | None:
        """(kind, path) of the gate's stored file; the newest if both kinds exist; else None."""
        newest = None
        for kind in _SUFFIX:
            path = self._path(name, kind)
            st = _regular_file_stat(path)
            if st is None:  # nothing there, or not a file (a directory is never a model)
                continue
            if newest is None or st.st_mtime_ns > newest[0]:
                newest = (st.st_mtime_ns, kind, path)
        return None if newest is None else (newest[1], newest[2])

    def _read(self, name: str) -> tuple[str, dict[str, Any], Any]:
        """Read and check the gate's file; return (kind, metadata, Perceptron or MLP tensors)."""
        current = self._current(name)
        if current is None:
            raise _not_found(name)
        kind, path = current
        try:
            with path.open("rb") as file:
                data = file.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:  # deleted between stat and open
            raise _not_found(name) from None
        except OSError as exc:
            raise CorruptModel(f"{path.name} cannot be read: {exc.strerror}") from None
        if len(data) > MAX_FILE_BYTES:
            raise CorruptModel(f"{path.name} is too large to be a gate model")
        if kind == "perceptron":
            metadata, content = _decode_json(path.name, name, data)
        else:
            metadata, content = _decode_safetensors(path.name, name, data)
        return kind, metadata, content

    def _write_atomically(self, path: Path, data: bytes) -> None:
        """Write data to a temporary file next to path, fsync it, then rename it over path."""
        self.directory.mkdir(parents=True, exist_ok=True)  # in case it was removed meanwhile
        fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(data)
                file.flush()
                os.fsync(file.fileno())  # the bytes are on disk before the name points at them
            try:
                os.replace(tmp, path)
            except IsADirectoryError:  # a file cannot be renamed over a directory
                raise NameInUse(
                    f"cannot save the model as {path.name}: a directory of that name is in the "
                    "way in the model directory; remove or rename it, then save again"
                ) from None
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _fsync_directory(self.directory)

    @staticmethod
    def _remove_if_older(other: Path, than: Path) -> None:
        """Remove the other kind's file, unless a concurrent save made it newer than ours."""
        with contextlib.suppress(FileNotFoundError):
            if other.is_file() and other.stat().st_mtime_ns <= than.stat().st_mtime_ns:
                other.unlink()


def _regular_file_stat(path: Path) -> os.stat_result | None:
    """os.stat of path if it is a regular file (or a link to one), else None."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st if stat.S_ISREG(st.st_mode) else None


def canonical_gate(gate: str) -> str:
    """The gate's canonical name, e.g. 'and' -> 'AND'; InvalidModelName for anything else."""
    try:
        return normalize_gate_name(gate)
    except UnknownGateError:
        raise InvalidModelName(
            translatable("invalid model name {name}: choose one of {gates}"),
            name=repr(gate),
            gates=", ".join(GATE_NAMES),
        ) from None


# ----- encoding -------------------------------------------------------------------------------
def _metadata(
    name: str, kind: str, model: Any, seed: Any, epochs: Any, extra: dict[str, Any]
) -> dict[str, Any]:
    """The metadata stored with a model: what it is, how it was trained, when."""
    clash = sorted(set(extra) & set(_RESERVED_KEYS))
    if clash:
        raise ValueError(f"these metadata keys are set by the store: {', '.join(clash)}")
    for label, value in (("seed", seed), ("epochs", epochs)):
        if value is not None and not _is_whole(value):
            raise ValueError(f"{label} must be a whole number or None, got {value!r}")
    gate = get_gate(name)
    metadata: dict[str, Any] = {
        "gate": name,
        "kind": kind,
        "parameters": _parameter_count(model),
        "seed": seed,
        "epochs": epochs,
        "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "format_version": FORMAT_VERSION,
    }
    if kind == "mlp":
        metadata["architecture"] = dict(model.architecture)
    # How much of the truth table the stored model gets right (1.0 = all of it).
    predicted = np.asarray(model.predict(gate.inputs))
    extra.setdefault("accuracy", float(np.mean(predicted == gate.targets)))
    metadata.update(extra)
    try:
        json.dumps(metadata, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"metadata must be plain JSON values: {exc}") from None
    _check_known_extras("", metadata, ValueError)  # never write a file that reads as corrupt
    return metadata


def _parameter_count(model: Any) -> int:
    """How many learned numbers the model has."""
    if isinstance(model, Perceptron):
        return len(model.to_dict()["weights"]) + 1
    return int(model.parameter_count())


def _encode(kind: str, metadata: dict[str, Any], model: Any) -> bytes:
    """The bytes of the model's file."""
    if kind == "perceptron":
        document = {
            "format": PERCEPTRON_FORMAT,
            "format_version": FORMAT_VERSION,
            "metadata": metadata,
            "perceptron": model.to_dict(),
        }
        return (json.dumps(document, indent=2, allow_nan=False) + "\n").encode("utf-8")
    from safetensors.numpy import save

    tensors = {key: value.detach().cpu().numpy() for key, value in model.state_dict().items()}
    return save(tensors, metadata={MLP_METADATA_KEY: json.dumps(metadata)})


# ----- decoding and checking ------------------------------------------------------------------
def _sniff(data: bytes) -> str:
    """Guess what a file holds from its first bytes, for clear error messages."""
    if data[:1] == b"\x80" and data[1:2] in (b"\x02", b"\x03", b"\x04", b"\x05"):
        return translatable("a Python pickle (the store never unpickles)")
    if data[:4] == b"PK\x03\x04":
        return translatable(
            "a zip archive such as a torch.save file (the store does not read those)"
        )
    if data.lstrip()[:1] == b"{":
        return "JSON"
    if len(data) >= 10 and data[8:10] in (b'{"', b"{ "):
        return "safetensors"
    if not data:
        return translatable("an empty file")
    return translatable("unknown bytes")


def _decode_json(filename: str, name: str, data: bytes) -> tuple[dict, Perceptron]:
    """Parse and check a perceptron's JSON file; return (metadata, the rebuilt Perceptron)."""
    sniffed = _sniff(data)
    if sniffed == "safetensors":
        raise WrongModelKind(
            translatable("{filename} holds a safetensors tensor file, not perceptron JSON"),
            filename=filename,
        )
    if sniffed != "JSON":
        raise _foreign_file(filename, sniffed)
    try:
        document = json.loads(data.decode("utf-8"), parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError
        raise CorruptModel(
            translatable("{filename} is not valid JSON (truncated?): {detail}"),
            filename=filename,
            detail=exc,
        ) from None
    if not isinstance(document, dict) or document.get("format") != PERCEPTRON_FORMAT:
        raise CorruptModel(f"{filename} is JSON but not a gatelab perceptron file")
    _check_version(filename, document.get("format_version"))
    metadata = _check_metadata(filename, name, "perceptron", document.get("metadata"))
    params = document.get("perceptron")
    if not isinstance(params, dict):
        raise CorruptModel(f"{filename} has no perceptron parameters")
    try:
        model = Perceptron.from_dict(params)
    except (ValueError, TypeError, OverflowError) as exc:  # e.g. a list where a number belongs
        raise CorruptModel(f"{filename} has bad perceptron parameters: {exc}") from None
    _check_inputs(name, get_gate(name).arity, model.weights_.size, CorruptModel)
    if metadata["parameters"] != model.weights_.size + 1:
        raise CorruptModel(f"{filename}: metadata parameter count does not match the weights")
    return metadata, model


def _decode_safetensors(filename: str, name: str, data: bytes) -> tuple[dict, dict]:
    """Parse and check an MLP's safetensors file; return (metadata, numpy tensors)."""
    sniffed = _sniff(data)
    if sniffed == "JSON":
        raise WrongModelKind(
            translatable("{filename} holds JSON, not a safetensors tensor file"),
            filename=filename,
        )
    if sniffed != "safetensors":
        raise _foreign_file(filename, sniffed)
    from safetensors.numpy import load

    # The header is an 8-byte little-endian length, then that many bytes of JSON.
    (header_size,) = struct.unpack("<Q", data[:8])
    try:
        header = json.loads(data[8 : 8 + header_size].decode("utf-8"))
        tensors = load(data)  # also checks that the tensor bytes cover the file exactly
    except Exception as exc:  # safetensors raises its own SafetensorError type
        raise CorruptModel(
            f"{filename} is not a valid safetensors file (truncated?): {exc}"
        ) from None
    stored = header.get("__metadata__") if isinstance(header, dict) else None
    if not isinstance(stored, dict) or MLP_METADATA_KEY not in stored:
        raise CorruptModel(f"{filename} is a safetensors file without gatelab metadata")
    try:
        raw = json.loads(stored[MLP_METADATA_KEY], parse_constant=_refuse_constant)
    except (TypeError, ValueError, RecursionError):
        raise CorruptModel(f"{filename} has unreadable gatelab metadata") from None
    metadata = _check_metadata(filename, name, "mlp", raw)
    _check_mlp_tensors(filename, name, metadata, tensors)
    return metadata, tensors


def _check_version(filename: str, version: Any) -> None:
    """Refuse files written in a format this gatelab does not know."""
    if version != FORMAT_VERSION:
        raise CorruptModel(
            f"{filename} has format version {version!r}; this gatelab reads {FORMAT_VERSION}"
        )


def _check_metadata(filename: str, name: str, kind: str, metadata: Any) -> dict[str, Any]:
    """Check the metadata block: required keys, types, and that gate and kind match the file."""
    if not isinstance(metadata, dict):
        raise CorruptModel(f"{filename} has no metadata")
    needed = ("gate", "kind", "parameters", "seed", "epochs", "trained_at", "format_version")
    missing = [key for key in needed if key not in metadata]
    if missing:
        raise CorruptModel(f"{filename} metadata is missing {', '.join(missing)}")
    _check_version(filename, metadata["format_version"])
    if metadata["kind"] != kind:
        raise WrongModelKind(
            f"{filename} says it holds a {metadata['kind']!r} model, but {_SUFFIX[kind]} files "
            f"hold {kind} models"
        )
    if metadata["gate"] != name:
        raise WrongModelKind(f"{filename} holds a model for {metadata['gate']!r}, not {name!r}")
    given = (metadata["seed"], metadata["epochs"])
    whole = (metadata["parameters"], *(value for value in given if value is not None))
    if not all(_is_whole(value) for value in whole):
        raise CorruptModel(f"{filename} metadata: parameters, seed and epochs must be integers")
    if not isinstance(metadata["trained_at"], str):
        raise CorruptModel(f"{filename} metadata: trained_at must be a date string")
    if kind == "perceptron" and "architecture" in metadata:
        raise CorruptModel(f"{filename} metadata: a perceptron has no architecture")
    _check_known_extras(f"{filename} ", metadata, CorruptModel)
    return metadata


def _is_number(value: Any) -> bool:
    """A finite JSON number (true and false are not numbers here)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    return isinstance(value, int) or math.isfinite(value)


def _is_whole(value: Any) -> bool:
    """A JSON whole number (not true or false)."""
    return isinstance(value, int) and not isinstance(value, bool)


# Optional metadata that the store writes and the API documents (gatelab.api.ModelInfo): when
# present and not null, each must be what it says, so a reader can rely on it.
KNOWN_EXTRAS: dict[str, tuple[Callable[[Any], bool], str]] = {
    "accuracy": (lambda v: _is_number(v) and 0 <= v <= 1, "a number from 0 to 1"),
    "learning_rate": (lambda v: _is_number(v) and v > 0, "a positive number"),
    "max_epochs": (lambda v: _is_whole(v) and v >= 1, "a whole number >= 1"),
    "converged": (lambda v: isinstance(v, bool), "true or false"),
}


def _check_known_extras(label: str, metadata: dict[str, Any], error: type[Exception]) -> None:
    """Raise `error` if a known optional key holds the wrong kind of value."""
    for key, (fits, what) in KNOWN_EXTRAS.items():
        value = metadata.get(key)
        if value is not None and not fits(value):
            raise error(f"{label}metadata: {key} must be {what}, got {value!r:.40}")


def _check_mlp_tensors(filename: str, name: str, metadata: dict, tensors: dict) -> None:
    """Check an MLP's tensors against its architecture: names, shapes, finite numbers."""
    arch = metadata.get("architecture")
    keys = ("n_inputs", "hidden_size", "activation")
    if not isinstance(arch, dict) or any(key not in arch for key in keys):
        raise CorruptModel(f"{filename} metadata has no complete architecture")
    n_inputs, hidden = arch["n_inputs"], arch["hidden_size"]
    if not all(_is_whole(size) and size >= 1 for size in (n_inputs, hidden)):
        raise CorruptModel(f"{filename}: architecture sizes must be whole numbers >= 1")
    if not isinstance(arch["activation"], str):
        raise CorruptModel(f"{filename}: architecture activation must be a name")
    _check_inputs(name, get_gate(name).arity, n_inputs, CorruptModel)
    expected = {
        "hidden.weight": (hidden, n_inputs),
        "hidden.bias": (hidden,),
        "output.weight": (1, hidden),
        "output.bias": (1,),
    }
    if sorted(tensors) != sorted(_MLP_TENSORS):
        raise CorruptModel(f"{filename} holds tensors {sorted(tensors)}, expected {_MLP_TENSORS}")
    for key, shape in expected.items():
        tensor = tensors[key]
        if tensor.shape != shape or not np.issubdtype(tensor.dtype, np.floating):
            raise CorruptModel(f"{filename}: {key} has shape {tensor.shape}, expected {shape}")
        with np.errstate(over="ignore"):  # a float64 too big for float32 becomes inf: refuse it
            finite = np.all(np.isfinite(tensor.astype(np.float32)))
        if not finite:
            raise CorruptModel(f"{filename}: {key} contains NaN or infinity")
    if metadata["parameters"] != sum(math.prod(shape) for shape in expected.values()):
        raise CorruptModel(f"{filename}: metadata parameter count does not match the tensors")


def _check_inputs(name: str, arity: int, n_inputs: int, error: type[Exception]) -> None:
    """Raise `error` unless the model takes as many inputs as the gate."""
    if n_inputs != arity:
        raise error(f"{name} takes {arity} input(s), but this model takes {n_inputs}")


def _refuse_constant(token: str) -> None:
    """json.loads hook: NaN and Infinity are not valid JSON, so refuse them."""
    raise ValueError(f"{token} is not a valid JSON number")


def _mlp_from(name: str, metadata: dict[str, Any], tensors: dict[str, Any]) -> GateMLP:
    """Rebuild a checked MLP from its architecture and tensors (imports torch)."""
    import torch

    from gatelab.mlp import GateMLP

    arch = metadata["architecture"]
    try:
        model = GateMLP(arch["hidden_size"], arch["activation"], n_inputs=arch["n_inputs"])
    except ValueError as exc:
        raise CorruptModel(f"{name}.safetensors has an unusable architecture: {exc}") from None
    state = {
        key: torch.from_numpy(np.array(value, dtype=np.float32)) for key, value in tensors.items()
    }
    model.load_state_dict(state)
    model.eval()
    # As train_mlp would have noted it, so saving the loaded network again keeps its settings.
    model.trained_with = {
        "seed": metadata["seed"],
        "epochs": metadata["epochs"],
        "learning_rate": metadata.get("learning_rate"),
    }
    return model


def _not_found(name: str) -> ModelNotFound:
    """The error for a gate with no stored model, saying how to train one."""
    if name in LINEAR_GATES:
        how = f"gatelab.train_gate({name!r})"
    else:  # one perceptron cannot learn XOR or XNOR; the MLP can
        how = f"gatelab.mlp.train_gate_mlp({name!r}).model"
    return ModelNotFound(
        translatable("no stored model for {name} yet: train one, e.g. store.save({quoted}, {how})"),
        name=name,
        quoted=repr(name),
        how=how,
    )


def _foreign_file(filename: str, sniffed: str) -> CorruptModel:
    """The error for a file that is not a gatelab model at all (a pickle, a zip, ...)."""
    return CorruptModel(
        translatable("{filename} is not a gatelab model file: it looks like {sniffed}"),
        translated=("sniffed",),  # _sniff's guess is an English message too
        filename=filename,
        sniffed=sniffed,
    )


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); harmless to skip where unsupported."""
    flags = getattr(os, "O_DIRECTORY", 0) | os.O_RDONLY
    try:
        fd = os.open(directory, flags)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
