"""python -m tools.i18n {extract,build,check,status}: the Korean edition's four commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from nbclient.exceptions import CellExecutionError

from tools.i18n.build import build_all
from tools.i18n.catalog import english_lessons, extract_all, is_translated, po_path, read_po
from tools.i18n.check import check_all, check_rebuild


def status(notebooks: Path, locale: Path) -> list[str]:
    """One line per lesson: how many markdown cells are translated, fuzzy or still empty."""
    lines = []
    for lesson in english_lessons(notebooks):
        po_file = po_path(locale, lesson.stem)
        if not po_file.exists():
            lines.append(f"{lesson.stem}: no translation file yet")
            continue
        entries = [e for e in read_po(po_file) if not e.obsolete]
        done = sum(is_translated(e) for e in entries)
        fuzzy = sum("fuzzy" in e.flags for e in entries)
        lines.append(f"{lesson.stem}: {done}/{len(entries)} translated, {fuzzy} fuzzy")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run one command from the repository root; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m tools.i18n", description=__doc__)
    parser.add_argument("command", choices=["extract", "build", "check", "status"])
    parser.add_argument("--notebooks", type=Path, default=Path("notebooks"))
    parser.add_argument("--locale", type=Path, default=Path("locale"))
    parser.add_argument("--out", type=Path, default=Path("notebooks/ko"))
    parser.add_argument(
        "--lesson", default="", help="extract, build: only the lessons starting with this"
    )
    parser.add_argument("--rebuild", action="store_true", help="check: also rerun every lesson")
    args = parser.parse_args(argv)
    if args.command == "extract":
        for path in extract_all(args.notebooks, args.locale, only=args.lesson):
            print(f"updated {path}")
        return 0
    if args.command == "status":
        print("\n".join(status(args.notebooks, args.locale)))
        return 0
    if args.command == "build":
        try:
            written, skipped = build_all(args.notebooks, args.locale, args.out, only=args.lesson)
        except CellExecutionError as error:
            print(f"a Korean lesson failed to run:\n{error}", file=sys.stderr)
            return 1
        for path in written:
            print(f"wrote {path}")
        for problem in skipped:
            print(f"not built: {problem}", file=sys.stderr)
        if not written and not skipped:
            print("no translation files yet: nothing to build")
        return 0
    problems = check_all(args.notebooks, args.locale, args.out)
    if args.rebuild and not problems:
        problems = check_rebuild(args.notebooks, args.locale, args.out)
    started = any((args.locale / "ko" / "notebooks").glob("*.po"))
    done = "the Korean edition is up to date" if started else "no Korean translations yet"
    print("\n".join(problems) if problems else done)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
