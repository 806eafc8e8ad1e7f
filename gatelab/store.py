"""A model store on a directory: one trained model per gate, saved atomically, loaded safely.

One self-describing file per gate, ``<GATE>.json`` for a perceptron and ``<GATE>.safetensors``
for an MLP (gatelab.model_files holds the two formats), so one `os.replace` commits a save.

Safety: the store never unpickles and never calls ``torch.load``; JSON and safetensors can only
hold data, never code. Every file is checked before use (format, metadata, gate, kind, shapes,
finite numbers), and a bad file raises a specific StoreError without touching other models.

Writes go to a temporary file in the same directory, are flushed to disk (fsync), then renamed
over the old file with `os.replace`, so a reader sees the old model or the new one, never half a
file. If a crash leaves both a ``.json`` and a ``.safetensors`` for one gate, the newer one wins.
Only regular files are models: a directory under a model's name is ignored (the gate reads as
untrained), and a save that would have to replace it raises NameInUse instead.

Reading needs numpy only; torch is imported when an MLP is actually built.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from gatelab.gates import GATE_NAMES, UnknownGateError, normalize_gate_name
from gatelab.language import translatable
from gatelab.model_files import CODECS, Codec, codec_for
from gatelab.model_info import FORMAT_VERSION, check_inputs, new_metadata
from gatelab.perceptron import Perceptron
from gatelab.store_errors import (
    CorruptModel,
    InvalidModelName,
    ModelNotFound,
    NameInUse,
    StoreError,
    WrongModelKind,
)

if TYPE_CHECKING:  # only for type hints: importing gatelab.mlp would import torch
    from gatelab.mlp import GateMLP

# What `from gatelab.store import ...` offers: the store, its errors and the format's version.
__all__ = [
    "FORMAT_VERSION",
    "CorruptModel",
    "InvalidModelName",
    "ModelNotFound",
    "ModelStore",
    "NameInUse",
    "StoreError",
    "WrongModelKind",
    "canonical_gate",
]

# A gate model is a few hundred bytes; anything far bigger under a model's name is not ours,
# and refusing it early avoids reading a huge foreign file into memory.
MAX_FILE_BYTES = 8 * 1024 * 1024
# A temporary file this old belongs to a save that was killed: the store may delete it.
STALE_TEMPORARY_SECONDS = 60.0


class ModelStore:
    """Saves and loads one trained model per gate in `directory`."""

    def __init__(self, directory: str | os.PathLike) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._remove_stale_temporaries()

    def __repr__(self) -> str:
        return f"ModelStore({self.directory.name!r})"

    # ----- writing ------------------------------------------------------------------------------
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
        codec = codec_for(model)
        check_inputs(name, codec.n_inputs(model), ValueError)
        given = {"seed": seed, "epochs": epochs}
        # A setting the caller leaves out (None) comes from the model, which remembers its own.
        given = {key: value for key, value in given.items() if value is not None}
        metadata = new_metadata(name, codec, model, given | extra)
        path = self._path(name, codec)
        self._write_atomically(path, codec.encode(metadata, model))
        for other in CODECS:
            if other is not codec:
                self._remove_if_older(self._path(name, other), than=path)
        return metadata

    def delete(self, gate: str) -> None:
        """Remove the gate's stored model; ModelNotFound if there is none."""
        name = canonical_gate(gate)
        removed = False
        for codec in CODECS:
            path = self._path(name, codec)
            if path.is_file():  # a directory under a model's name is not a model: leave it
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                    removed = True
        if not removed:
            raise ModelNotFound.for_gate(name)

    # ----- reading ------------------------------------------------------------------------------
    def load(self, gate: str) -> Perceptron | GateMLP:
        """Return the gate's stored model, ready to predict."""
        return self.load_with_info(gate)[0]

    def load_with_info(self, gate: str) -> tuple[Perceptron | GateMLP, dict[str, Any]]:
        """Return (model, metadata) for the gate's stored model."""
        codec, filename, metadata, content = self._read(canonical_gate(gate))
        return codec.build(filename, metadata, content), metadata

    def info(self, gate: str) -> dict[str, Any]:
        """Metadata of the gate's stored model (the file is fully checked, torch is not needed)."""
        return self._read(canonical_gate(gate))[2]

    def list(self) -> list[dict[str, Any]]:
        """Metadata of every readable stored model, in GATE_NAMES order (bad files are skipped)."""
        found = []
        for name in GATE_NAMES:
            with contextlib.suppress(StoreError):
                found.append(self._read(name)[2])
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
        for codec in CODECS:
            st = _regular_file_stat(self._path(name, codec))
            if st is None:
                continue
            # os.replace gives every save a new inode, so the token changes even if size and
            # modification time happen to match the old file's.
            token.append((codec.kind, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns))
        return tuple(token) or None

    # ----- internals ----------------------------------------------------------------------------
    def _path(self, name: str, codec: Codec) -> Path:
        """Where the gate's model of this kind lives (name is already canonical)."""
        return self.directory / f"{name}{codec.suffix}"

    def _current(self, name: str) -> tuple[Codec, Path] | None:
        """(codec, path) of the gate's stored file; the newest if both kinds exist; else None."""
        newest = None
        for codec in CODECS:
            path = self._path(name, codec)
            st = _regular_file_stat(path)
            if st is None:  # nothing there, or not a file (a directory is never a model)
                continue
            if newest is None or st.st_mtime_ns > newest[0]:
                newest = (st.st_mtime_ns, codec, path)
        return None if newest is None else (newest[1], newest[2])

    def _read(self, name: str) -> tuple[Codec, str, dict[str, Any], Any]:
        """Read and check the gate's file; return (codec, file name, metadata, content)."""
        current = self._current(name)
        if current is None:
            raise ModelNotFound.for_gate(name)
        codec, path = current
        try:
            with path.open("rb") as file:
                data = file.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:  # deleted between stat and open
            raise ModelNotFound.for_gate(name) from None
        except OSError as exc:
            raise CorruptModel(f"{path.name} cannot be read: {exc.strerror}") from None
        if len(data) > MAX_FILE_BYTES:
            raise CorruptModel(f"{path.name} is too large to be a gate model")
        metadata, content = codec.decode(path.name, name, data)
        return codec, path.name, metadata, content

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

    def _remove_stale_temporaries(self, older_than: float = STALE_TEMPORARY_SECONDS) -> None:
        """Delete temporary files that a save killed mid-way left behind (never read as models)."""
        cutoff = time.time() - older_than
        for tmp in self.directory.glob(".*.tmp"):
            # Old enough that no save in progress can still own it (a save takes milliseconds).
            with contextlib.suppress(OSError):
                if tmp.is_file() and tmp.stat().st_mtime < cutoff:
                    tmp.unlink()

    @staticmethod
    def _remove_if_older(other: Path, than: Path) -> None:
        """Remove the other kind's file, unless a concurrent save made it newer than ours."""
        with contextlib.suppress(FileNotFoundError):
            if other.is_file() and other.stat().st_mtime_ns <= than.stat().st_mtime_ns:
                other.unlink()


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


def _regular_file_stat(path: Path) -> os.stat_result | None:
    """os.stat of path if it is a regular file (or a link to one), else None."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st if stat.S_ISREG(st.st_mode) else None


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
