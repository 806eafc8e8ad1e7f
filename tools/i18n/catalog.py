"""Translation files: one gettext .po per English notebook, one entry per markdown cell and code
comment."""

from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat
import polib

from tools.i18n.comments import COMMENT_SUFFIX, comment_context, comments

HASH_PREFIX = "en-sha256: "
# Long lines stay whole: a translator edits a markdown paragraph as the English author wrote it.
WRAP_WIDTH = 0


def source_hash(text: str) -> str:
    """The sha256 of an English markdown cell, as recorded beside its translation."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def english_lessons(notebooks: Path) -> list[Path]:
    """The English lesson notebooks (NN_name.ipynb), in order."""
    return sorted(notebooks.glob("[0-9][0-9]_*.ipynb"))


def po_path(locale: Path, lesson_name: str, language: str = "ko") -> Path:
    """Where the translation file of one lesson lives: locale/ko/notebooks/NN_name.po."""
    return locale / language / "notebooks" / f"{lesson_name}.po"


def read_notebook(path: Path) -> nbformat.NotebookNode:
    """One notebook, read as nbformat 4."""
    return nbformat.read(path, as_version=4)


def markdown_cells(notebook: nbformat.NotebookNode) -> list[tuple[int, nbformat.NotebookNode]]:
    """Each markdown cell that has text, with its 1-based position among all cells."""
    # An empty msgid is the .po header, so empty cells are left out (and copied as they are).
    cells = enumerate(notebook.cells, 1)
    return [(n, c) for n, c in cells if c.cell_type == "markdown" and c.source.strip()]


def code_comments(notebook: nbformat.NotebookNode) -> list[tuple[int, str, str]]:
    """(position, msgctxt, English text) of every translatable comment in the code cells."""
    found = []
    for number, cell in enumerate(notebook.cells, 1):
        if cell.cell_type == "code":
            found += [(number, comment_context(cell.id), text) for text in comments(cell.source)]
    return found


def recorded_hash(entry: polib.POEntry) -> str | None:
    """The hash of the English text this translation was made from, if one was recorded."""
    for line in entry.comment.splitlines():
        if line.startswith(HASH_PREFIX):
            return line.removeprefix(HASH_PREFIX).strip()
    return None


def is_translated(entry: polib.POEntry) -> bool:
    """True when the entry has Korean text that nobody marked for review."""
    return bool(entry.msgstr.strip()) and "fuzzy" not in entry.flags


def read_po(path: Path) -> polib.POFile:
    """A translation file, read so that saving it again changes nothing."""
    return polib.pofile(str(path), wrapwidth=WRAP_WIDTH)


def new_po(lesson: Path, language: str) -> polib.POFile:
    """An empty translation file for one lesson, with no dates so that it stays reproducible."""
    po = polib.POFile(wrapwidth=WRAP_WIDTH)
    po.header = (
        f"Korean text of notebooks/{lesson.name}; one entry per markdown cell (keyed by cell id)\n"
        "and per code comment (keyed by cell id#comment and its English text).\n"
        "Write msgstr only; see locale/ko/README.md. Update with `make ko-extract`."
    )
    po.metadata = {
        "Project-Id-Version": f"gatelab {lesson.stem}",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    return po


def _update_entry(entry: polib.POEntry, english: str) -> None:
    """Bring one entry up to date with its English cell, keeping the translation."""
    if entry.msgid != english:
        if entry.msgstr.strip():
            # Keep the text the translation was made from, so the translator sees what changed.
            if "fuzzy" not in entry.flags or entry.previous_msgid is None:
                entry.previous_msgid = entry.msgid
            if "fuzzy" not in entry.flags:
                entry.flags.append("fuzzy")
        entry.msgid = english
    elif is_translated(entry):
        # Translated and not fuzzy for the current English: record what it was translated from.
        entry.comment = HASH_PREFIX + source_hash(english)
        entry.previous_msgid = None


def extract(lesson: Path, po_file: Path, language: str = "ko") -> polib.POFile:
    """Create or update one lesson's .po from its English notebook, and save it."""
    po = read_po(po_file) if po_file.exists() else new_po(lesson, language)
    by_key = {(e.msgctxt, _key_text(e)): e for e in po if e.msgctxt}
    by_text = {e.msgid: e for e in po if is_translated(e)}
    notebook = read_notebook(lesson)
    # A markdown cell is found again by its id (its text may have changed: then it goes fuzzy);
    # a comment by its cell's id and its text (a changed comment is a new entry to translate).
    wanted = [(n, c.id, c.source, None) for n, c in markdown_cells(notebook)]
    wanted += [(n, context, text, text) for n, context, text in code_comments(notebook)]
    entries, used = [], set()
    for number, context, english, key in wanted:
        entry = by_key.get((context, key))
        if entry is None:
            entry = polib.POEntry(msgctxt=context, msgid=english, msgstr="")
            reused = by_text.get(english)
            if reused is not None:  # the same text under a new cell id: keep its translation
                entry.msgstr, entry.comment = reused.msgstr, reused.comment
        entry.obsolete = False
        entry.occurrences = [(f"notebooks/{lesson.name}", str(number))]
        _update_entry(entry, english)
        entries.append(entry)
        used.add((context, key))
    for entry in po:
        if entry.msgctxt and (entry.msgctxt, _key_text(entry)) not in used and entry.msgstr.strip():
            entry.obsolete, entry.occurrences = True, []  # kept (as #~) in case the cell returns
            entries.append(entry)
    po[:] = entries
    po_file.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(po_file))
    return po


def _key_text(entry: polib.POEntry) -> str | None:
    """What identifies an entry beside its msgctxt: a comment's text; nothing for a cell."""
    return entry.msgid if entry.msgctxt.endswith(COMMENT_SUFFIX) else None


def extract_all(notebooks: Path, locale: Path, language: str = "ko", only: str = "") -> list[Path]:
    """Create or update the .po of every English lesson (or those starting with `only`)."""
    written = []
    for lesson in english_lessons(notebooks):
        if not lesson.name.startswith(only):
            continue
        po_file = po_path(locale, lesson.stem, language)
        extract(lesson, po_file, language)
        written.append(po_file)
    return written
