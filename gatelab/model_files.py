"""The two model-file formats: one codec per kind of model, and how a foreign file is recognised.

- a perceptron is ``<GATE>.json``: ``{"format": "gatelab.perceptron", "format_version": 1,
  "metadata": {...}, "perceptron": Perceptron.to_dict()}``;
- an MLP is ``<GATE>.safetensors``: its ``state_dict`` as safetensors, with the metadata (a JSON
  string, including the architecture) under ``"gatelab"`` in the header's ``__metadata__``.

A codec turns a model and its metadata into a file's bytes (encode), and checks a file's bytes on
the way back (decode): format, metadata (gatelab.model_info), gate, kind, shapes, finite numbers.
Nothing here unpickles or calls ``torch.load``: a pickle or a torch.save zip is only named in the
error, never opened as what it is.
"""

from __future__ import annotations

import json
import pickletools
from abc import ABC, abstractmethod
from typing import Any

import numpy as np

from gatelab.language import translatable
from gatelab.model_info import FORMAT_VERSION, check_inputs, check_metadata, check_version
from gatelab.perceptron import Perceptron
from gatelab.store_errors import CorruptModel, WrongModelKind

PERCEPTRON_FORMAT = "gatelab.perceptron"
MLP_METADATA_KEY = "gatelab"


# ----- what a file holds --------------------------------------------------------------------------
def sniff(data: bytes) -> str:
    """Guess what a file holds from its bytes, for clear error messages (nothing is run)."""
    a_pickle = translatable("a Python pickle (the store never unpickles)")
    if data[:1] == b"\x80" and data[1:2] in (b"\x02", b"\x03", b"\x04", b"\x05"):
        return a_pickle  # the header of pickle protocols 2 to 5
    if data[:4] == b"PK\x03\x04":
        return translatable(
            "a zip archive such as a torch.save file (the store does not read those)"
        )
    if data.lstrip()[:1] == b"{":
        return "JSON"
    # safetensors: an 8-byte header length, then the header, a JSON object.
    if len(data) >= 10 and data[8:10] in (b'{"', b"{ "):
        return "safetensors"
    if not data:
        return translatable("an empty file")
    if _is_headerless_pickle(data):
        return a_pickle
    return translatable("unknown bytes")


def _is_headerless_pickle(data: bytes) -> bool:
    """Whether data is a whole pickle of protocol 0 or 1 (they start with no header)."""
    # pickletools reads the instructions without running any; a whole pickle STOPs on its last byte.
    try:
        for opcode, _, position in pickletools.genops(data):
            if opcode.name == "STOP":
                return position == len(data) - 1
    except Exception:  # bytes that are not pickle instructions: genops says so in several ways
        return False
    return False


def _refuse_constant(token: str) -> None:
    """json.loads hook: NaN and Infinity are not valid JSON, so refuse them."""
    raise ValueError(f"{token} is not a valid JSON number")


# ----- codecs -------------------------------------------------------------------------------------
class Codec(ABC):
    """How one kind of model becomes a file and back."""

    kind: str  # the metadata's "kind"
    suffix: str  # the file's suffix
    format: str  # what sniff() calls this codec's bytes
    other_format: str  # the message for a file that holds the other codec's format

    @abstractmethod
    def fits(self, model: Any) -> bool:
        """Whether this codec stores this model."""

    @abstractmethod
    def n_inputs(self, model: Any) -> int:
        """How many inputs the model takes."""

    @abstractmethod
    def parameter_count(self, model: Any) -> int:
        """How many learned numbers the model has."""

    @abstractmethod
    def known_metadata(self, model: Any) -> dict[str, Any]:
        """What the model itself knows of its training (seed, epochs, ...) and its shape."""

    @abstractmethod
    def encode(self, metadata: dict[str, Any], model: Any) -> bytes:
        """The bytes of the model's file."""

    @abstractmethod
    def parse(self, filename: str, data: bytes) -> tuple[Any, Any]:
        """(metadata, payload) as found in a file of this codec's format, not yet checked."""

    @abstractmethod
    def check(self, filename: str, gate: str, metadata: dict[str, Any], payload: Any) -> Any:
        """The checked payload: what build() needs."""

    def build(self, filename: str, metadata: dict[str, Any], content: Any) -> Any:
        """The model, ready to predict, from a checked file's metadata and content."""
        return content  # a codec whose check() already rebuilt the model (the perceptron's)

    def decode(self, filename: str, gate: str, data: bytes) -> tuple[dict[str, Any], Any]:
        """Check a file's bytes; return (metadata, content), or raise a specific StoreError."""
        sniffed = sniff(data)
        if sniffed != self.format:
            if sniffed in ("JSON", "safetensors"):
                raise WrongModelKind(self.other_format, filename=filename)
            raise CorruptModel(  # not a gatelab model at all: a pickle, a zip, ...
                translatable("{filename} is not a gatelab model file: it looks like {sniffed}"),
                translated=("sniffed",),  # sniff's guess is an English message too
                filename=filename,
                sniffed=sniffed,
            )
        metadata, payload = self.parse(filename, data)
        metadata = check_metadata(filename, gate, self, metadata)
        return metadata, self.check(filename, gate, metadata, payload)


class PerceptronCodec(Codec):
    """A perceptron as a JSON document: readable in any editor, every float64 digit kept."""

    kind, suffix, format = "perceptron", ".json", "JSON"
    other_format = translatable("{filename} holds a safetensors tensor file, not perceptron JSON")

    def fits(self, model: Any) -> bool:
        return isinstance(model, Perceptron)

    def n_inputs(self, model: Perceptron) -> int:
        return len(model.to_dict()["weights"])  # NotFittedError for an untrained perceptron

    def parameter_count(self, model: Perceptron) -> int:
        return self.n_inputs(model) + 1  # the weights and the bias

    def known_metadata(self, model: Perceptron) -> dict[str, Any]:
        return {
            "seed": model.seed,
            "epochs": model.epochs_run_,
            "learning_rate": float(model.learning_rate),
            "converged": bool(model.converged_),
        }

    def encode(self, metadata: dict[str, Any], model: Perceptron) -> bytes:
        document = {
            "format": PERCEPTRON_FORMAT,
            "format_version": FORMAT_VERSION,
            "metadata": metadata,
            "perceptron": model.to_dict(),
        }
        return (json.dumps(document, indent=2, allow_nan=False) + "\n").encode("utf-8")

    def parse(self, filename: str, data: bytes) -> tuple[Any, Any]:
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
        check_version(filename, document.get("format_version"))
        return document.get("metadata"), document.get("perceptron")

    def check(self, filename: str, gate: str, metadata: dict[str, Any], payload: Any) -> Any:
        if "architecture" in metadata:
            raise CorruptModel(f"{filename} metadata: a perceptron has no architecture")
        if not isinstance(payload, dict):
            raise CorruptModel(f"{filename} has no perceptron parameters")
        try:
            model = Perceptron.from_dict(payload)
        except (ValueError, TypeError, OverflowError) as exc:  # e.g. a list where a number belongs
            raise CorruptModel(f"{filename} has bad perceptron parameters: {exc}") from None
        check_inputs(gate, model.weights_.size, CorruptModel)
        if metadata["parameters"] != self.parameter_count(model):
            raise CorruptModel(f"{filename}: metadata parameter count does not match the weights")
        return model


class MLPCodec(Codec):
    """An MLP as safetensors: its tensors as raw numbers, its metadata as JSON in the header.

    torch is imported only by the methods that need a network, so reading a file needs none.
    """

    kind, suffix, format = "mlp", ".safetensors", "safetensors"
    other_format = translatable("{filename} holds JSON, not a safetensors tensor file")

    def fits(self, model: Any) -> bool:
        from gatelab.mlp import GateMLP  # imports torch, which an MLP has loaded anyway

        return isinstance(model, GateMLP)

    def n_inputs(self, model: Any) -> int:
        return model.n_inputs

    def parameter_count(self, model: Any) -> int:
        return int(model.parameter_count())

    def known_metadata(self, model: Any) -> dict[str, Any]:
        # train_mlp notes its settings on the network; a network built by hand has none.
        trained_with = getattr(model, "trained_with", None) or {}
        known = {key: trained_with.get(key) for key in ("seed", "epochs")}
        if trained_with.get("learning_rate") is not None:
            known["learning_rate"] = float(trained_with["learning_rate"])
        return known | {"architecture": dict(model.architecture)}

    def encode(self, metadata: dict[str, Any], model: Any) -> bytes:
        from safetensors.numpy import save

        tensors = {key: value.detach().cpu().numpy() for key, value in model.state_dict().items()}
        return save(tensors, metadata={MLP_METADATA_KEY: json.dumps(metadata)})

    def parse(self, filename: str, data: bytes) -> tuple[Any, Any]:
        from safetensors.numpy import load

        # The header is an 8-byte little-endian length, then that many bytes of JSON.
        header_size = int.from_bytes(data[:8], "little")
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
            metadata = json.loads(stored[MLP_METADATA_KEY], parse_constant=_refuse_constant)
        except (TypeError, ValueError, RecursionError):
            raise CorruptModel(f"{filename} has unreadable gatelab metadata") from None
        return metadata, tensors

    def check(self, filename: str, gate: str, metadata: dict[str, Any], payload: Any) -> Any:
        """Check the tensors against the architecture: names, shapes, finite numbers."""
        arch = metadata.get("architecture")
        if arch is None:
            raise CorruptModel(f"{filename} metadata has no complete architecture")
        n_inputs, hidden = arch["n_inputs"], arch["hidden_size"]
        check_inputs(gate, n_inputs, CorruptModel)
        expected = {
            "hidden.weight": (hidden, n_inputs),
            "hidden.bias": (hidden,),
            "output.weight": (1, hidden),
            "output.bias": (1,),
        }
        if sorted(payload) != sorted(expected):
            names = f"{sorted(payload)}, expected {tuple(expected)}"
            raise CorruptModel(f"{filename} holds tensors {names}")
        for key, shape in expected.items():
            tensor = payload[key]
            if tensor.shape != shape or not np.issubdtype(tensor.dtype, np.floating):
                raise CorruptModel(f"{filename}: {key} has shape {tensor.shape}, expected {shape}")
            with np.errstate(over="ignore"):  # a float64 too big for float32 becomes inf: refuse it
                finite = np.all(np.isfinite(tensor.astype(np.float32)))
            if not finite:
                raise CorruptModel(f"{filename}: {key} contains NaN or infinity")
        if metadata["parameters"] != sum(tensor.size for tensor in payload.values()):
            raise CorruptModel(f"{filename}: metadata parameter count does not match the tensors")
        return payload

    def build(self, filename: str, metadata: dict[str, Any], content: Any) -> Any:
        """The GateMLP with the checked tensors as its weights (imports torch)."""
        import torch

        from gatelab.mlp import GateMLP

        arch = metadata["architecture"]
        try:
            model = GateMLP(arch["hidden_size"], arch["activation"], n_inputs=arch["n_inputs"])
        except ValueError as exc:
            raise CorruptModel(f"{filename} has an unusable architecture: {exc}") from None
        state = {
            key: torch.from_numpy(np.array(value, np.float32)) for key, value in content.items()
        }
        model.load_state_dict(state)
        model.eval()
        # As train_mlp would have noted it, so saving the loaded network again keeps its settings.
        model.trained_with = {key: metadata.get(key) for key in ("seed", "epochs", "learning_rate")}
        return model


# Perceptron first: asking MLPCodec.fits imports torch.
CODECS: tuple[Codec, ...] = (PerceptronCodec(), MLPCodec())


def codec_for(model: Any) -> Codec:
    """The codec that stores this model; TypeError for anything but a Perceptron or a GateMLP."""
    for codec in CODECS:
        if codec.fits(model):
            return codec
    raise TypeError(f"can only store a Perceptron or a GateMLP, got {type(model)}")
