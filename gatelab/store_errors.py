"""The errors of the model store (gatelab.store), one class for each thing that can go wrong.

Every one is a StoreError, so ``except StoreError`` catches them all (lesson 05 does).
"""

from __future__ import annotations

from gatelab.gates import LINEAR_GATES
from gatelab.language import tr, translatable


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

    @classmethod
    def for_gate(cls, name: str) -> ModelNotFound:
        """The error for a gate with no stored model, saying how to train one."""
        if name in LINEAR_GATES:
            how = f"gatelab.train_gate({name!r})"
        else:  # one perceptron cannot learn XOR or XNOR; the MLP can
            how = f"gatelab.mlp.train_gate_mlp({name!r}).model"
        return cls(
            translatable(
                "no stored model for {name} yet: train one, e.g. store.save({quoted}, {how})"
            ),
            name=name,
            quoted=repr(name),
            how=how,
        )


class CorruptModel(StoreError):
    """The stored file is truncated, foreign or unreadable (a pickle, for example)."""


class WrongModelKind(StoreError):
    """The file holds a different kind of model (or gate) than its name says."""


class NameInUse(StoreError):
    """A directory sits where the gate's model file belongs, so the model cannot be saved."""
