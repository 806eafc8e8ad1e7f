"""Copy the lessons that come with gatelab into a folder of the student's: `gatelab lessons`.

A wheel carries the lessons inside the package (gatelab/notebooks/: the English lessons, ko/ and
images/); a clone of the repository has them in notebooks/ beside gatelab/. A file the student
already has is replaced only when it is the same as ours (nothing to lose) or when --force says
so: an edited lesson holds the student's own work.
"""

from __future__ import annotations

import filecmp
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from gatelab.language import tr

LANGUAGE_FOLDERS = {"en": "", "ko": "ko"}  # where each language's lessons are, under the lessons


@dataclass
class CopyReport:
    """What `copy_lessons` did with each file: copied, already there, or kept as it was."""

    copied: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)


def lessons_source() -> Path:
    """The folder of lessons this gatelab has: in the package (a wheel), else in the clone."""
    packaged = Path(__file__).parent / "notebooks"
    return packaged if packaged.is_dir() else Path(__file__).parent.parent / "notebooks"


def lesson_files(source: Path, language: str) -> list[Path]:
    """The files one language's lessons need, relative to `source`: the lessons and the images."""
    folder = source / LANGUAGE_FOLDERS[language]
    notebooks = sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    images = sorted((source / "images").glob("*.png"))
    return [path.relative_to(source) for path in [*notebooks, *images]]


def copy_lessons(destination: Path, language: str = "en", force: bool = False) -> CopyReport:
    """Copy one language's lessons (and their images) into destination, keeping edited files."""
    if language not in LANGUAGE_FOLDERS:
        choices = ", ".join(LANGUAGE_FOLDERS)
        raise ValueError(tr("unknown language {language!r}: choose one of {choices}",
                            language=language, choices=choices))  # fmt: skip
    source = lessons_source()
    report = CopyReport()
    for relative in lesson_files(source, language):
        target = destination / relative
        if target.exists() and filecmp.cmp(source / relative, target, shallow=False):
            report.unchanged.append(relative)
            continue
        if target.exists() and not force:
            report.kept.append(relative)  # the student's own version: never lost without --force
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / relative, target)
        report.copied.append(relative)
    return report


def describe(report: CopyReport, destination: Path) -> list[str]:
    """The lines `gatelab lessons` prints: what was copied and what was kept, and why."""
    lessons = [path for path in report.copied if path.suffix == ".ipynb"]
    lines = []
    if lessons:
        lines.append(
            tr("copied {count} lessons to {folder}", count=len(lessons), folder=destination)
        )
        lines += [f"  {path}" for path in lessons]
    images = len(report.copied) - len(lessons)
    if images:
        lines.append(tr("copied {count} images", count=images))
    if report.unchanged:
        lines.append(
            tr("{count} files in {folder} were up to date", count=len(report.unchanged),
               folder=destination)
        )  # fmt: skip
    for path in report.kept:
        lines.append(tr("kept your {path}: it differs from gatelab's (--force replaces it)",
                        path=path))  # fmt: skip
    return lines
