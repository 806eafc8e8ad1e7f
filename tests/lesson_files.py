"""The files a lesson writes with `%%writefile` cells, read straight from the notebook."""

import shlex
from pathlib import Path

import nbformat

MAGIC = "%%writefile"


def writefile_target(first_line: str) -> tuple[str, bool] | None:
    """The (file, append?) of a `%%writefile [-a] FILE` line, or None for any other line."""
    if not first_line.startswith(MAGIC + " "):
        return None
    words = shlex.split(first_line.removeprefix(MAGIC))
    names = [word for word in words if not word.startswith("-")]
    return (names[0], "-a" in words or "--append" in words) if names else None


def lesson_files(notebook: Path) -> dict[str, str]:
    """File name -> text from every %%writefile cell; a later cell overwrites, as in Jupyter."""
    files: dict[str, str] = {}
    for cell in nbformat.read(notebook, as_version=4).cells:
        first_line, _, body = cell.source.partition("\n")
        target = writefile_target(first_line.strip()) if cell.cell_type == "code" else None
        if target is None:
            continue
        name, append = Path(target[0]).name, target[1]
        body = body if body.endswith("\n") else body + "\n"  # IPython ends every cell with one
        files[name] = files.get(name, "") + body if append else body
    return files


def write_lesson_files(notebook: Path, folder: Path) -> Path:
    """Write the lesson's %%writefile files into `folder` (made if needed); return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in lesson_files(notebook).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
