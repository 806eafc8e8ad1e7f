"""What a lesson prints to teach, `say("...")` or `tr("...")` in its code cells, exists in Korean.

The Korean edition runs the English code cells unchanged, so the library's catalog
(gatelab/messages_ko.py) must hold the Korean of every such literal, with the same {fields}.
"""

import ast
import string
from pathlib import Path

import nbformat
import pytest

from gatelab.messages_ko import KOREAN
from gatelab.printing import say

NOTEBOOKS = Path(__file__).parent.parent / "notebooks"
MARKERS = {"say", "tr"}


def _lesson_prints() -> list[tuple[str, str, bool]]:
    """(lesson:cell id, English literal, whether fields are filled in) for every say()/tr() call."""
    found = []
    for path in sorted(NOTEBOOKS.glob("0*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            source = "\n".join(
                line for line in cell.source.splitlines() if not line.lstrip().startswith("%")
            )
            for node in ast.walk(ast.parse(source)):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                    continue
                if node.func.id in MARKERS and node.args:
                    first = node.args[0]
                    if isinstance(first, ast.Constant) and isinstance(first.value, str):
                        found.append((f"{path.stem}:{cell.id}", first.value, bool(node.keywords)))
    return found


PRINTS = _lesson_prints()


def _fields(text: str) -> list[str]:
    return sorted({name for _, name, _, _ in string.Formatter().parse(text) if name})


def test_the_walk_finds_the_lessons_prints():
    assert len(PRINTS) > 40  # a walk that found nothing would pass the tests below


@pytest.mark.parametrize(("where", "english", "formatted"), PRINTS, ids=[p[0] for p in PRINTS])
def test_every_lesson_print_has_korean_with_the_same_fields(where, english, formatted):
    assert english in KOREAN, f"{where}: no Korean entry in gatelab/messages_ko.py"
    if formatted:
        assert _fields(KOREAN[english]) == _fields(english)


def test_say_prints_korean_after_set_language(korean, capsys):
    say("marker exists:", True)
    assert capsys.readouterr().out == f"{KOREAN['marker exists:']} True\n"
