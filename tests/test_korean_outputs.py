"""A Korean lesson run from a fresh kernel prints no English sentence a student must read.

Code identifiers, reprs, file names, URLs and HTTP/JSON protocol lines may stay English; a line of
three or more plain English words with no Hangul, outside that allow-list, is an English sentence.
"""

import re
from pathlib import Path

import nbformat
import pytest

KOREAN_LESSONS = sorted((Path(__file__).resolve().parents[1] / "notebooks" / "ko").glob("0*.ipynb"))
HANGUL = re.compile("[가-힣]")
# A word of prose: lower-case letters (AND, XOR, JSON and other names in capitals do not count).
WORD = re.compile(r"(?<![\w./'\"-])[A-Za-z]?[a-z]{2,}(?![\w(/'\"-])")
# Lines that are code, data or protocol, not prose: reprs, JSON, HTTP, paths, tracebacks of tools.
ALLOWED = re.compile(
    r"^\s*("
    r"<.*>|"  # <Figure size ...>, <Response [200]>
    r"[\w.]+\(.*|"  # reprs: Linear(...), tensor(...), Perceptron(...), OrderedDict(...)
    r"\(?\w+\): .*|"  # nn.Module's repr lines: (hidden): Linear(...)
    r"[a-z_]+\.[\w.]+\s.*|"  # a state_dict's tensor names: hidden.weight  shape (8, 2)
    r"[\[{].*|"  # lists and JSON bodies
    r"(GET|POST|PUT|PATCH|DELETE|HEAD|PUSH|OPTIONS) .*|"  # HTTP requests and their answers
    r"(Writing|Overwriting) .*|"  # %%writefile
    r"HTTP/.*|"
    r"\S+\.(json|safetensors|pt|pkl|py|ipynb|png)\b.*|"  # file listings
    r".*https?://.*"  # URLs
    r")$"
)


def english_sentences(notebook: Path) -> list[str]:
    """The output lines of a lesson that read as English prose."""
    found = []
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            text = output.get("text") or output.get("data", {}).get("text/plain", "")
            for line in text.splitlines():
                if HANGUL.search(line) or ALLOWED.match(line):
                    continue
                if len(WORD.findall(line)) >= 3:
                    found.append(line.strip()[:100])
    return found


@pytest.mark.parametrize("lesson", KOREAN_LESSONS, ids=lambda path: path.stem)
def test_a_korean_lesson_prints_no_english_sentence(lesson):
    assert english_sentences(lesson) == []


def test_an_english_sentence_is_caught(tmp_path):
    notebook = nbformat.v4.new_notebook()
    printed = nbformat.v4.new_output("stream", name="stdout", text="the model is trained now\n")
    notebook.cells = [nbformat.v4.new_code_cell("print()", outputs=[printed])]
    path = tmp_path / "01_x.ipynb"
    nbformat.write(notebook, path)
    assert english_sentences(path) == ["the model is trained now"]
