"""Build notebooks/ko/NN_name.ipynb from an English notebook and its translation, then run it."""

from __future__ import annotations

import copy
import hashlib
import re
from pathlib import Path

import nbformat
import polib
from nbconvert.preprocessors import ExecutePreprocessor
from nbval.plugin import coalesce_streams as nbval_coalesce_streams

from tools.i18n.catalog import english_lessons, po_path, read_notebook, read_po
from tools.i18n.comments import COMMENT_SUFFIX, translate_comments

LANGUAGE_CELL_ID = "ko-language"
# The one code cell a Korean lesson adds before the lesson's own first code cell.
LANGUAGE_CELL = (
    "# gatelab의 안내 문구, 힌트, 그림 속 글자를 한국어로 바꿉니다\n"
    "import gatelab\n"
    "\n"
    'gatelab.set_language("ko")'
)
# A relative link in markdown: ](target) or src="target". Lessons (.ipynb) and URLs are left alone.
LINK = re.compile(r"(\]\(|src=\")(?!https?:|mailto:|attachment:|data:|#|/)([^)\"\s]+)")
EXECUTE_TIMEOUT = 600
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def relink(markdown: str) -> str:
    """Point links written from notebooks/ (images/x.png) at the same files from notebooks/ko/."""

    def fix(match: re.Match[str]) -> str:
        target = match[2]
        if target.split("#", 1)[0].endswith(".ipynb"):
            return match[0]  # a link to a lesson points to its Korean edition beside this one
        return f"{match[1]}../{target}"

    return LINK.sub(fix, markdown)


def korean_markdown(cell: nbformat.NotebookNode, korean_text: dict[str, str]) -> str:
    """The Korean source of one markdown cell, its links rewritten for notebooks/ko/."""
    return relink(korean_text.get(cell.id, "")) if cell.source.strip() else cell.source


def comment_translations(po: polib.POFile) -> dict[str, dict[str, str]]:
    """For each code cell id, its comments' English text -> Korean text."""
    found: dict[str, dict[str, str]] = {}
    for entry in po:
        if not entry.obsolete and entry.msgstr and entry.msgctxt.endswith(COMMENT_SUFFIX):
            cell_id = entry.msgctxt.removesuffix(COMMENT_SUFFIX)
            found.setdefault(cell_id, {})[entry.msgid] = entry.msgstr
    return found


def translated_notebook(
    english: nbformat.NotebookNode, po: polib.POFile, language_cell: str = LANGUAGE_CELL
) -> nbformat.NotebookNode:
    """The Korean notebook, not yet run: English code cells, Korean markdown, one language cell."""
    korean_text = {e.msgctxt: e.msgstr for e in po if not e.obsolete}
    korean_comments = comment_translations(po)
    notebook = copy.deepcopy(english)
    notebook.metadata.pop("widgets", None)  # the English run's widgets; execute() makes new ones
    cells = []
    for cell in notebook.cells:
        if cell.cell_type == "code" and not any(c.id == LANGUAGE_CELL_ID for c in cells):
            cells.append(nbformat.v4.new_code_cell(language_cell, id=LANGUAGE_CELL_ID))
        if cell.cell_type == "markdown":
            cell.source = korean_markdown(cell, korean_text)
        elif cell.cell_type == "code":
            cell.source = translate_comments(cell.source, korean_comments.get(cell.id, {}))
            cell.outputs, cell.execution_count = [], None
            cell.metadata.pop("execution", None)
        cells.append(cell)
    notebook.cells = cells
    return notebook


def stable_widget_ids(notebook: nbformat.NotebookNode, seed: str) -> nbformat.NotebookNode:
    """Replace the random widget model ids with ones made from `seed`, so rebuilds match."""
    state = notebook.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    views = [
        output.data[WIDGET_VIEW]["model_id"]
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if WIDGET_VIEW in output.get("data", {})
    ]
    text = nbformat.writes(notebook)
    for number, old in enumerate(dict.fromkeys([*state, *views])):
        text = text.replace(old, hashlib.sha256(f"{seed}:{number}".encode()).hexdigest()[:32])
    return nbformat.reads(text, as_version=4)


def coalesce_streams(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Join each cell's stdout (and stderr) outputs into one, as nbval does before comparing."""
    # How a cell's prints are split into outputs depends on timing (a server thread, a flush),
    # so a rebuild would differ from the committed notebook for no visible reason.
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = nbval_coalesce_streams(cell.outputs)
    return notebook


def execute(notebook: nbformat.NotebookNode, folder: Path, seed: str) -> nbformat.NotebookNode:
    """Run every cell from a fresh kernel in `folder`, as the English lessons are run."""
    # Widget state is kept (sliders render on a code host, as in English); only its ids are made
    # stable. store_widget_state=False is no way out: nbclient then fails on Output widgets.
    runner = ExecutePreprocessor(
        timeout=EXECUTE_TIMEOUT, kernel_name="python3", record_timing=False
    )
    runner.preprocess(notebook, {"metadata": {"path": str(folder)}})
    return stable_widget_ids(coalesce_streams(notebook), seed)


def build_lesson(
    lesson: Path, po_file: Path, out: Path, language_cell: str = LANGUAGE_CELL, run: bool = True
) -> Path:
    """Write one Korean lesson (executed unless run=False) and return its path."""
    notebook = translated_notebook(read_notebook(lesson), read_po(po_file), language_cell)
    out.parent.mkdir(parents=True, exist_ok=True)
    if run:
        notebook = execute(notebook, out.parent, seed=lesson.stem)
    nbformat.write(notebook, out)
    return out


def build_all(
    notebooks: Path,
    locale: Path,
    out_dir: Path,
    language_cell: str = LANGUAGE_CELL,
    run: bool = True,
    only: str = "",
) -> tuple[list[Path], list[str]]:
    """Build every lesson whose translation is complete; return (written, problems of the rest).

    `only` keeps the lessons whose file name starts with it ("06" builds lesson 06 alone).
    """
    from tools.i18n.check import check_translation  # check imports this module

    written, problems = [], []
    for lesson in english_lessons(notebooks):
        po_file = po_path(locale, lesson.stem)
        if not po_file.exists() or not lesson.name.startswith(only):
            continue
        found = check_translation(lesson, po_file)
        if found:
            problems.extend(found)
            continue
        out = out_dir / lesson.name
        written.append(build_lesson(lesson, po_file, out, language_cell, run))
    return written, problems
