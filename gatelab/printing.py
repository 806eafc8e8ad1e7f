"""Printing a lesson's explanations in the student's language.

A lesson's code cell writes its explanation in English, `say("marker exists:", marker.exists())`,
and the Korean lesson prints the Korean of that text from gatelab/messages_ko.py instead. Values
printed after the text (numbers, lists, True/False) stay as they are.
"""

from __future__ import annotations

from gatelab.language import tr

__all__ = ["say", "tr"]


def say(english: str, *values: object, **fields: object) -> None:
    """Print `english` in the active language with its {fields} filled in, then `values`."""
    print(tr(english, **fields), *values)
