"""The Korean edition (tools/i18n): translation files, building notebooks/ko/, its checks."""

import importlib.util
import sys
import warnings
from pathlib import Path

import nbformat
import pytest

from gatelab.fonts import use_korean_font

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # the repository's tools/ (appended: gatelab stays the installed one)
from tools.i18n import build_all, check_all, extract  # noqa: E402
from tools.i18n.build import LANGUAGE_CELL_ID, WIDGET_VIEW  # noqa: E402
from tools.i18n.catalog import read_po  # noqa: E402
from tools.i18n.check import check_rebuild, comparable_outputs  # noqa: E402

# The build must not depend on gatelab.set_language: the fixtures select Korean with a stand-in.
STAND_IN = 'LANGUAGE = "ko"  # stands in for gatelab.set_language("ko")'


def test_the_committed_korean_edition_is_current():
    # Checks what exists: with no .po files and no notebooks/ko/ yet, there is nothing to fail.
    problems = check_all(ROOT / "notebooks", ROOT / "locale", ROOT / "notebooks" / "ko")
    assert not problems, "\n".join(problems)


def write_lesson(folder: Path, intro: str = "# Demo\n\nA **weight** scales an input.") -> Path:
    """A tiny English lesson: two markdown cells (one with an image), two code cells."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell(intro, id="intro"),
        nbformat.v4.new_code_cell("x = 1 + 1\nprint(x)", id="add"),
        nbformat.v4.new_markdown_cell("The plot:\n\n![plot](images/plot.png)", id="plot"),
        nbformat.v4.new_code_cell('print("done", x)', id="done"),
    ]
    (folder / "notebooks" / "images").mkdir(parents=True, exist_ok=True)
    (folder / "notebooks" / "images" / "plot.png").write_bytes(b"\x89PNG")
    path = folder / "notebooks" / "01_demo.ipynb"
    nbformat.write(notebook, path)
    return path


def edit_cell(lesson: Path, cell_id: str, source: str) -> None:
    """Change one cell of the English lesson, as an author would."""
    notebook = nbformat.read(lesson, as_version=4)
    next(c for c in notebook.cells if c.id == cell_id).source = source
    nbformat.write(notebook, lesson)


def translate(lesson: Path, po_file: Path) -> None:
    """Give every entry a Korean text, then let extract record what it was translated from."""
    po = extract(lesson, po_file)
    for entry in po:
        entry.msgstr = "번역: " + entry.msgid
    po.save(str(po_file))
    extract(lesson, po_file)


@pytest.fixture
def repo(tmp_path):
    """(English lesson, its .po path, a check function) in a repository laid out under tmp_path."""
    lesson = write_lesson(tmp_path)
    po_file = tmp_path / "locale" / "ko" / "notebooks" / "01_demo.po"

    def check() -> list[str]:
        return check_all(*folders(tmp_path))

    return lesson, po_file, check


def folders(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The fixture repository's English notebooks, locale and Korean notebooks folders."""
    return tmp_path / "notebooks", tmp_path / "locale", tmp_path / "notebooks" / "ko"


def build(tmp_path: Path, run: bool = False) -> Path:
    """Build the fixture's Korean lesson and return its path."""
    written, skipped = build_all(*folders(tmp_path), STAND_IN, run)
    assert skipped == []
    return written[0]


def test_extract_writes_one_untranslated_entry_per_markdown_cell(repo):
    lesson, po_file, check = repo
    extract(lesson, po_file)
    entries = read_po(po_file)
    assert [(e.msgctxt, e.msgstr) for e in entries] == [("intro", ""), ("plot", "")]
    assert entries[0].msgid.startswith("# Demo")
    assert check() == ["01_demo: none of its 2 markdown cells is translated yet"]
    po = read_po(po_file)
    po[0].msgstr = "# 데모"
    po.save(str(po_file))
    assert check() == [
        "01_demo: markdown cell 1 (id intro) is translated but not recorded: "
        "run `python -m tools.i18n extract`",
        "01_demo: markdown cell 3 (id plot) has no Korean translation",
    ]


def test_extract_keeps_translations_and_marks_changed_ones_fuzzy(repo):
    lesson, po_file, check = repo
    translate(lesson, po_file)
    assert check()[0].endswith("notebooks/ko/01_demo.ipynb is missing: make ko")
    edit_cell(lesson, "intro", "# Demo\n\nA **weight** multiplies an input.")
    extract(lesson, po_file)
    entry = next(e for e in read_po(po_file) if e.msgctxt == "intro")
    assert "fuzzy" in entry.flags
    assert entry.msgstr.startswith("번역: # Demo")
    assert entry.previous_msgid == "# Demo\n\nA **weight** scales an input."
    # The translator updates the text and removes the flag; extract then records the new hash.
    po = read_po(po_file)
    for e in po:
        e.flags = [f for f in e.flags if f != "fuzzy"]
    po.save(str(po_file))
    extract(lesson, po_file)
    assert not any("intro" in problem for problem in check())


def test_a_stale_translation_names_the_lesson_the_cell_and_what_changed(repo):
    lesson, po_file, check = repo
    translate(lesson, po_file)
    edit_cell(lesson, "plot", "The plot below:\n\n![plot](images/plot.png)")
    [problem] = check()
    assert problem.startswith("01_demo: markdown cell 3 (id plot) changed since it was translated")
    assert "-The plot:" in problem and "+The plot below:" in problem


def test_a_changed_code_cell_fails_until_the_build_is_redone(repo, tmp_path):
    lesson, po_file, check = repo
    translate(lesson, po_file)
    build(tmp_path)
    assert check() == []
    edit_cell(lesson, "add", "x = 2 + 2\nprint(x)")
    [problem] = check()
    assert problem.startswith("01_demo (notebooks/ko): code cell 2 (id add) differs")
    assert "+x = 1 + 1" in problem
    build(tmp_path)
    assert check() == []


def test_a_korean_notebook_without_translation_file_fails(repo, tmp_path):
    lesson, po_file, check = repo
    translate(lesson, po_file)
    build(tmp_path)
    po_file.unlink()
    assert check() == ["01_demo (notebooks/ko): has no translation file 01_demo.po"]


def test_build_then_check_round_trips_and_rebuilds_identically(repo, tmp_path):
    lesson, po_file, check = repo
    translate(lesson, po_file)
    korean = build(tmp_path, run=True)
    assert check() == []
    notebook = nbformat.read(korean, as_version=4)
    assert [c.id for c in notebook.cells] == ["intro", LANGUAGE_CELL_ID, "add", "plot", "done"]
    assert notebook.cells[3].source == "번역: The plot:\n\n![plot](../images/plot.png)"
    assert notebook.cells[4].outputs[0].text == "done 2\n"
    assert check_rebuild(*folders(tmp_path), STAND_IN) == []
    # An output that a fresh run would not give is caught, naming the cell.
    notebook.cells[4].outputs[0].text = "done 3\n"
    nbformat.write(notebook, korean)
    assert check_rebuild(*folders(tmp_path), STAND_IN) == [
        "notebooks/ko/01_demo.ipynb: a fresh `make ko` changes the outputs of cell done"
    ]


def test_hangul_plot_text_has_every_glyph():
    # koreanize-matplotlib is a pinned dependency: its NanumGothic must be there, never skipped.
    assert importlib.util.find_spec("koreanize_matplotlib") is not None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with matplotlib.rc_context():
        name = use_korean_font()
        assert name == "NanumGothic"
        figure, axes = plt.subplots(figsize=(3, 2), dpi=80)
        axes.plot([-1, 0, 1], [1, -1, 0])
        axes.set_title("결정 경계(decision boundary) ✓ ✗")
        axes.set_xlabel("가중치 w₁")
        axes.set_ylabel("편향 b = −0.5")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            figure.canvas.draw()
        plt.close(figure)
    missing = [str(w.message) for w in caught if "missing" in str(w.message)]
    assert missing == []


def test_outputs_compare_as_nbval_does():
    def run(png: str, model: str, clock: str) -> nbformat.NotebookNode:
        shown = nbformat.v4.new_output(
            "display_data",
            {"image/png": png, "text/plain": "<Figure>", WIDGET_VIEW: {"model_id": model}},
        )
        printed = nbformat.v4.new_output("stream", name="stdout", text=clock)
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [
            nbformat.v4.new_code_cell("plot()", outputs=[shown]),
            nbformat.v4.new_code_cell("# NBVAL_IGNORE_OUTPUT: a clock\nnow()", outputs=[printed]),
        ]
        return notebook

    assert comparable_outputs(run("AAA", "id1", "08:00")) == comparable_outputs(
        run("BBB", "id2", "09:00")
    )
    assert comparable_outputs(run("AAA", "id1", "")) == [
        [{"type": "display_data", "data": {"text/plain": "<Figure>"}}]
    ]


def test_code_comments_are_translated_and_nothing_else():
    from tools.i18n.comments import comments, translate_comments, without_comments

    source = '# NBVAL_IGNORE_OUTPUT\nx = 1  # the first number\ns = "# not a comment"\n%time x'
    assert comments(source) == ["the first number"]
    korean = translate_comments(source, {"the first number": "첫 번째 수"})
    assert korean == '# NBVAL_IGNORE_OUTPUT\nx = 1  # 첫 번째 수\ns = "# not a comment"\n%time x'
    assert without_comments(korean) == without_comments(source)


def test_a_stale_comment_translation_fails_the_check(tmp_path):
    lesson = tmp_path / "notebooks" / "01_x.ipynb"
    lesson.parent.mkdir()
    cell = nbformat.v4.new_code_cell("x = 1  # one", id="c1")
    words = nbformat.v4.new_markdown_cell("Hello", id="m1")
    nbformat.write(nbformat.v4.new_notebook(cells=[words, cell]), lesson)
    po_file = tmp_path / "locale" / "ko" / "notebooks" / "01_x.po"
    po = extract(lesson, po_file)
    for entry in po:
        entry.msgstr = "안녕하세요" if entry.msgctxt == "m1" else "하나"
    po.save(str(po_file))
    extract(lesson, po_file)  # records what each translation was made from
    assert check_all(tmp_path / "notebooks", tmp_path / "locale", tmp_path / "ko") == [
        "01_x: is translated but notebooks/ko/01_x.ipynb is missing: make ko"
    ]
    cell.source = "x = 1  # one, changed"
    nbformat.write(nbformat.v4.new_notebook(cells=[words, cell]), lesson)
    extract(lesson, po_file)
    problems = check_all(tmp_path / "notebooks", tmp_path / "locale", tmp_path / "ko")
    assert any("the comment 'one, changed'" in p and "no Korean translation" in p for p in problems)


def test_prints_split_by_timing_are_joined_as_nbval_joins_them():
    from tools.i18n.build import coalesce_streams

    cell = nbformat.v4.new_code_cell("print(1); print(2)")
    out = nbformat.v4.new_output
    cell.outputs = [
        out("stream", name="stdout", text="1\n"),
        out("stream", name="stdout", text="2\n"),
        out("stream", name="stderr", text="warning\n"),
        out("execute_result", data={"text/plain": "3"}, execution_count=1),
        out("stream", name="stdout", text="4\n"),
    ]
    notebook = nbformat.v4.new_notebook(cells=[cell])
    texts = [o.get("text") for o in coalesce_streams(notebook).cells[0].outputs]
    assert texts == ["1\n2\n4\n", "warning\n", None]  # nbval joins a stream's every part
