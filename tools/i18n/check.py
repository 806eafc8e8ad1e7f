"""Checks that the Korean edition cannot drift from the English lessons."""

from __future__ import annotations

import difflib
import re
import tempfile
from pathlib import Path

import nbformat
import polib

from tools.i18n.build import (
    LANGUAGE_CELL,
    LANGUAGE_CELL_ID,
    LINK,
    comment_translations,
    korean_markdown,
)
from tools.i18n.catalog import (
    code_comments,
    english_lessons,
    is_translated,
    markdown_cells,
    po_path,
    read_notebook,
    read_po,
    recorded_hash,
    source_hash,
)
from tools.i18n.comments import translate_comments, without_comments

DIFF_LINES = 12
NOT_TRANSLATED = "has no Korean translation"


FROM_TO = ("translated from", "English now")


def short_diff(old: str, new: str, labels: tuple[str, str] = FROM_TO) -> str:
    """A few lines of unified diff, indented to sit under a problem's first line."""
    lines = difflib.unified_diff(old.splitlines(), new.splitlines(), *labels, n=1, lineterm="")
    diff = list(lines)
    more = ["..."] if len(diff) > DIFF_LINES else []
    return "\n".join("    " + line for line in diff[:DIFF_LINES] + more)


def _entry_problem(entry: polib.POEntry | None, english: str) -> str | None:
    """What is wrong with one markdown cell's translation, or None."""
    if entry is None or not entry.msgstr.strip():
        return NOT_TRANSLATED
    recorded = recorded_hash(entry)
    if recorded != source_hash(english):
        old = entry.previous_msgid or entry.msgid
        if recorded is None and old == english:
            return "is translated but not recorded: run `python -m tools.i18n extract`"
        diff = short_diff(old, english)
        return f"changed since it was translated; update the Korean text:\n{diff}"
    if not is_translated(entry):
        return "is marked fuzzy: review the Korean text, remove the flag, then run extract"
    return None


def check_translation(lesson: Path, po_file: Path) -> list[str]:
    """Every markdown cell has a Korean translation of today's English text."""
    entries = {e.msgctxt: e for e in read_po(po_file) if not e.obsolete}
    cells = markdown_cells(read_notebook(lesson))
    problems = []
    for number, cell in cells:
        problem = _entry_problem(entries.get(cell.id), cell.source)
        if problem:
            problems.append(f"{lesson.stem}: markdown cell {number} (id {cell.id}) {problem}")
    untranslated = [p for p in problems if p.endswith(NOT_TRANSLATED)]
    if len(cells) > 1 and len(untranslated) == len(cells):
        return [f"{lesson.stem}: none of its {len(cells)} markdown cells is translated yet"]
    # Comments are keyed by their English text: a changed comment is a new entry, not translated.
    comment_entries = {(e.msgctxt, e.msgid): e for e in read_po(po_file) if not e.obsolete}
    for number, context, english in code_comments(read_notebook(lesson)):
        problem = _entry_problem(comment_entries.get((context, english)), english)
        if problem:
            where = f"{lesson.stem}: the comment {english!r} of code cell {number}"
            problems.append(f"{where} {problem}")
    return problems


def _cell_keys(notebook: nbformat.NotebookNode) -> list[tuple[str, str]]:
    """(type, id) of every cell except the added language cell."""
    return [(c.cell_type, c.id) for c in notebook.cells if c.id != LANGUAGE_CELL_ID]


def _broken_links(markdown: str, folder: Path) -> list[str]:
    """Relative link targets in a markdown cell that do not exist from `folder`."""
    targets = (m[2].split("#", 1)[0] for m in LINK.finditer(markdown))
    return [t for t in targets if t and not (folder / t).exists()]


def check_korean_notebook(lesson: Path, po_file: Path, korean: Path) -> list[str]:
    """The Korean notebook has the English code cells and today's translation, links that work."""
    english, built = read_notebook(lesson), read_notebook(korean)
    name = f"{lesson.stem} (notebooks/ko)"
    first_code = next((c for c in built.cells if c.cell_type == "code"), None)
    problems = []
    if first_code is None or first_code.id != LANGUAGE_CELL_ID:
        problems.append(f"{name}: its first code cell is not {LANGUAGE_CELL_ID}; run `make ko`")
    if _cell_keys(built) != _cell_keys(english):
        return [*problems, f"{name}: its cells are not the English cells; run `make ko`"]
    po = read_po(po_file)
    korean_text = {e.msgctxt: e.msgstr for e in po if not e.obsolete}
    korean_comments = comment_translations(po)
    cells = [c for c in built.cells if c.id != LANGUAGE_CELL_ID]
    for number, (ko, en) in enumerate(zip(cells, english.cells), 1):
        where = f"{name}: {ko.cell_type} cell {number} (id {ko.id})"
        if ko.cell_type == "code" and without_comments(ko.source) != without_comments(en.source):
            diff = short_diff(en.source, ko.source, ("English", "Korean notebook"))
            problems.append(f"{where} differs from the English code:\n{diff}")
        elif ko.cell_type == "code":
            if ko.source != translate_comments(en.source, korean_comments.get(en.id, {})):
                problems.append(f"{where} does not have today's Korean comments; run `make ko`")
        elif ko.cell_type == "markdown":
            if ko.source != korean_markdown(en, korean_text):
                problems.append(f"{where} is not its translation; run `make ko`")
            for target in _broken_links(ko.source, korean.parent):
                problems.append(f"{where} links to {target}, which does not exist")
    return problems


def check_all(notebooks: Path, locale: Path, korean_dir: Path) -> list[str]:
    """Every translation file and Korean notebook that exists is complete and current."""
    lessons = {p.stem: p for p in english_lessons(notebooks)}
    problems = []
    for po_file in sorted((locale / "ko" / "notebooks").glob("*.po")):
        if po_file.stem not in lessons:
            problems.append(f"{po_file.name}: no English notebook {po_file.stem}.ipynb")
    for stem, lesson in lessons.items():
        po_file, korean = po_path(locale, stem), korean_dir / lesson.name
        if not po_file.exists():
            if korean.exists():
                problems.append(f"{stem} (notebooks/ko): has no translation file {po_file.name}")
            continue
        found = check_translation(lesson, po_file)
        if korean.exists():  # code drift is reported even while a translation is stale
            found += check_korean_notebook(lesson, po_file, korean)
        elif not found:
            found = [f"{stem}: is translated but notebooks/ko/{lesson.name} is missing: make ko"]
        problems.extend(found)
    for korean in sorted(korean_dir.glob("*.ipynb")):
        if korean.stem not in lessons:
            problems.append(f"notebooks/ko/{korean.name}: no English notebook of that name")
    return problems


NBVAL_IGNORE = re.compile(r"#\s*NBVAL_(IGNORE_OUTPUT|SKIP)")
IGNORED_DATA = ("image/", "application/vnd.jupyter.widget-view+json")


def comparable_outputs(notebook: nbformat.NotebookNode) -> list[list[dict]]:
    """Each code cell's outputs as nbval compares them: no images, widget ids or ignored cells."""
    result = []
    for cell in notebook.cells:
        if cell.cell_type != "code" or NBVAL_IGNORE.search(cell.source):
            continue
        outputs = []
        for output in cell.outputs:
            item = {"type": output.output_type}
            if "text" in output:
                item["text"] = (output.get("name"), output.text)
            if "data" in output:
                item["data"] = {
                    k: v for k, v in output.data.items() if not k.startswith(IGNORED_DATA)
                }
            if output.output_type == "error":
                item["error"] = (output.ename, output.evalue)
            outputs.append(item)
        result.append(outputs)
    return result


def check_rebuild(
    notebooks: Path, locale: Path, korean_dir: Path, language_cell: str = LANGUAGE_CELL
) -> list[str]:
    """`make ko` reproduces every committed Korean notebook byte for byte (slow: runs them)."""
    from tools.i18n.build import build_lesson

    problems = []
    for korean in sorted(korean_dir.glob("*.ipynb")):
        lesson, po_file = notebooks / korean.name, po_path(locale, korean.stem)
        # Built beside notebooks/ko/, so that relative paths in the lessons resolve the same way.
        with tempfile.TemporaryDirectory(dir=korean_dir.parent, prefix=".ko-rebuild-") as folder:
            fresh = build_lesson(lesson, po_file, Path(folder) / korean.name, language_cell)
            if fresh.read_bytes() == korean.read_bytes():
                continue
            before, after = read_notebook(korean), read_notebook(fresh)
        cells = [
            c for c in before.cells if c.cell_type == "code" and not NBVAL_IGNORE.search(c.source)
        ]
        changed = [
            c.id
            for c, old, new in zip(cells, comparable_outputs(before), comparable_outputs(after))
            if old != new
        ]
        what = f"the outputs of cell {', '.join(changed)}" if changed else "its images or metadata"
        problems.append(f"notebooks/ko/{korean.name}: a fresh `make ko` changes {what}")
    return problems
