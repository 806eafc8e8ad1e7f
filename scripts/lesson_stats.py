"""Reading time and sentence length of each English lesson (notebooks/NN_*.ipynb).

minutes = markdown words / 100 + 1.5 per code cell + 5 per exercise. An exercise is a "### Exercise"
heading; its cells, until the next heading of level 1-3, count only as that exercise. Cells under a
"Going further" heading, until the next heading of the same or a higher level, are "going further";
all others are the core path. Words leave out fenced code, pictures and HTML tags; inline code and
math count as one word. Sentences come from prose only: no code blocks, tables or headings, and each
list item is a sentence of its own (or more).

    python scripts/lesson_stats.py [--markdown] [--check] [NOTEBOOK ...]
"""

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
MAX_CELL_WORDS, MAX_SENTENCE_WORDS, MAX_AVERAGE_WORDS, MAX_CORE_MINUTES = 150, 35, 20.0, 360
KEEP = "\ue000"  # stands for a space inside inline code or math, which are one word each
HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
# A sentence ends at . ! or ? (after any closing quote, bracket or emphasis) and a space;
# "e.g. the" stays whole because a new sentence starts with a capital, a digit or a symbol.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]*_]*\s+(?=[A-Z0-9\"'(*`$\[])")


@dataclass
class Stats:
    """One lesson's counts."""

    name: str
    words: int = 0
    minutes: dict[str, float] = field(default_factory=lambda: {"core": 0.0, "further": 0.0})
    sentences: list[int] = field(default_factory=list)  # word counts of every sentence
    longest_sentence: tuple[int, str, str] = (0, "", "")  # core only: (words, cell id, sentence)
    longest_cell: tuple[int, str] = (0, "")  # (words, cell id)
    big_cells: list[tuple[int, str]] = field(default_factory=list)  # cells over MAX_CELL_WORDS
    long_sentences: list[tuple[int, str, str]] = field(default_factory=list)  # core, too long

    @property
    def core(self) -> float:
        """Minutes on the core path."""
        return self.minutes["core"]

    @property
    def further(self) -> float:
        """Minutes going further."""
        return self.minutes["further"]

    @property
    def average(self) -> float:
        """The average sentence length in words (0 without sentences)."""
        return sum(self.sentences) / len(self.sentences) if self.sentences else 0.0


def prose(text: str) -> str:
    """Markdown without fenced code, display math, pictures and tags; inline code is one word."""
    text = re.sub(r"^\s*```.*?^\s*```[^\n]*$", "\n", text, flags=re.S | re.M)
    text = re.sub(r"`[^`\n]+`", lambda code: code[0].replace(" ", KEEP), text)
    text = re.sub(r"\$\$.*?\$\$", "\n", text, flags=re.S)
    text = re.sub(r"\$[^$\n]+\$", lambda math: math[0].replace(" ", KEEP), text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)|<[^>\n]+>", " ", text)
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)


def count_words(text: str) -> int:
    """The number of words in already cleaned text (tokens holding a letter or digit)."""
    return sum(1 for token in text.split() if re.search(r"\w", token))


def markdown_words(source: str) -> int:
    """The words of a markdown cell, headings and tables included; display math is one word."""
    return count_words(prose(source)) + len(re.findall(r"\$\$.*?\$\$", source, flags=re.S))


def sentences(source: str) -> list[str]:
    """The sentences of a cell's prose, as prose() leaves them: paragraphs and list items."""
    blocks: list[list[str]] = [[]]
    for line in prose(source).splitlines():
        stripped = line.strip().lstrip(">").strip()
        if not stripped or HEADING.match(stripped) or stripped.startswith("|"):
            blocks.append([])
            continue
        if LIST_ITEM.match(stripped):
            blocks.append([LIST_ITEM.sub("", stripped)])
        else:
            blocks[-1].append(stripped)
    found = []
    for block in blocks:
        found += [s for s in SENTENCE_END.split(" ".join(block)) if count_words(s)]
    return found


def headings(source: str) -> list[tuple[int, str]]:
    """The (level, text) of every heading line of a markdown cell, outside fenced code."""
    text = re.sub(r"^\s*```.*?^\s*```", "", source, flags=re.S | re.M)
    return [(len(m[1]), m[2].strip()) for m in map(HEADING.match, text.splitlines()) if m]


def lesson_stats(path: Path) -> Stats:
    """Count one lesson notebook."""
    stats = Stats(path.stem)
    further_level = exercise_level = 0  # the level of the open section's heading, 0 when none
    for cell in nbformat.read(path, as_version=4).cells:
        section = None
        for level, title in headings(cell.source) if cell.cell_type == "markdown" else []:
            if further_level and level <= further_level:
                further_level = 0
            if exercise_level and level <= exercise_level:
                exercise_level = 0
            if title.lower().startswith("going further"):
                further_level = level
            if level == 3 and title.startswith("Exercise"):
                exercise_level = level
                stats.minutes["further" if further_level else "core"] += 5
            section = section or ("further" if further_level else "core")
        section = section or ("further" if further_level else "core")
        if cell.cell_type == "markdown":
            add_markdown(stats, cell, section, counted=not exercise_level)
        elif cell.cell_type == "code" and not exercise_level:
            stats.minutes[section] += 1.5
    return stats


def add_markdown(stats: Stats, cell: nbformat.NotebookNode, section: str, counted: bool) -> None:
    """Add one markdown cell's words (to the minutes too when `counted`) and sentences."""
    words = markdown_words(cell.source)
    stats.words += words
    if counted:
        stats.minutes[section] += words / 100
    cell_id = cell.get("id", "?")
    stats.longest_cell = max(stats.longest_cell, (words, cell_id))
    if words > MAX_CELL_WORDS:
        stats.big_cells.append((words, cell_id))
    for sentence in sentences(cell.source):
        length, sentence = count_words(sentence), sentence.replace(KEEP, " ")
        stats.sentences.append(length)
        if section == "core":
            stats.longest_sentence = max(stats.longest_sentence, (length, cell_id, sentence))
            if length > MAX_SENTENCE_WORDS:
                stats.long_sentences.append((length, cell_id, sentence))


def problems(all_stats: list[Stats]) -> list[str]:
    """Every broken core-path rule, one line each."""
    found = []
    for s in all_stats:
        found += [f"{s.name}: cell {i}: {w} words (max {MAX_CELL_WORDS})" for w, i in s.big_cells]
        found += [
            f"{s.name}: cell {i}: a core sentence of {w} words (max {MAX_SENTENCE_WORDS}): {text}"
            for w, i, text in s.long_sentences
        ]
        if s.average > MAX_AVERAGE_WORDS:
            found.append(f"{s.name}: average sentence {s.average:.1f} words (max 20)")
    core = sum(s.core for s in all_stats)
    if core > MAX_CORE_MINUTES:
        found.append(f"core path: {core:.0f} minutes in all (max {MAX_CORE_MINUTES})")
    return found


def total(all_stats: list[Stats]) -> Stats:
    """One Stats for all lessons together."""
    together = Stats("total")
    for s in all_stats:
        together.words += s.words
        together.minutes = {k: v + s.minutes[k] for k, v in together.minutes.items()}
        together.sentences += s.sentences
        together.longest_sentence = max(together.longest_sentence, s.longest_sentence)
        together.longest_cell = max(together.longest_cell, s.longest_cell)
    return together


def row(s: Stats) -> list[str]:
    """The table cells of one lesson."""
    further = f"+{s.further:.0f} min" if s.further else "-"
    return [s.name, f"{s.core:.0f} min", further, str(s.words), f"{s.average:.1f}",
            str(s.longest_sentence[0]), f"{s.longest_cell[0]} (`{s.longest_cell[1]}`)"]  # fmt: skip


def markdown_table(all_stats: list[Stats]) -> str:
    """The README table, with a total row."""
    header = ["lesson", "core", "going further", "words", "avg sentence", "longest sentence",
              "longest cell"]  # fmt: skip
    rows = [header, ["---"] * len(header), *map(row, all_stats)]
    last = row(total(all_stats))
    rows.append([f"**{cell}**" if n < 4 else cell for n, cell in enumerate(last)])
    return "\n".join("| " + " | ".join(cells) + " |" for cells in rows)


def plain(all_stats: list[Stats]) -> str:
    """One readable line per lesson, then the total."""
    lines = []
    for s in [*all_stats, total(all_stats)]:
        lines.append(
            f"{s.name:<36} core {s.core:5.1f} min  going further {s.further:4.1f} min  "
            f"{s.words:5d} words  sentences avg {s.average:4.1f} longest {s.longest_sentence[0]:2d}"
            f" ({s.longest_sentence[1]})  longest cell {s.longest_cell[0]} ({s.longest_cell[1]})"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the stats (or the README table); with --check, exit 1 when a rule is broken."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: notebooks/NN_*.ipynb")
    parser.add_argument("--markdown", action="store_true", help="print the README table")
    parser.add_argument("--check", action="store_true", help="exit 1 when a core rule is broken")
    args = parser.parse_args(argv)
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    all_stats = [lesson_stats(path) for path in paths]
    print(markdown_table(all_stats) if args.markdown else plain(all_stats))
    found = problems(all_stats) if args.check else []
    for problem in found:
        print(problem)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
