"""scripts/lesson_stats.py counts words, minutes and sentences as the developers' guide says."""

import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
import lesson_stats

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted((ROOT / "notebooks").glob("0*.ipynb"))


def notebook(tmp_path: Path, *cells: nbformat.NotebookNode, name: str = "01_test") -> Path:
    """A lesson notebook file holding these cells."""
    path = tmp_path / f"{name}.ipynb"
    nbformat.write(new_notebook(cells=list(cells)), path)
    return path


def md(text: str, cell_id: str = "") -> nbformat.NotebookNode:
    """A markdown cell, with a given id when one is asked for."""
    cell = new_markdown_cell(text)
    if cell_id:
        cell.id = cell_id
    return cell


def words(count: int) -> str:
    """A sentence of exactly `count` words."""
    return " ".join(["Word"] + ["word"] * (count - 2) + ["end."])


def test_words_leave_out_code_blocks_pictures_and_tags():
    text = (
        "# A title\n\nOne `inline code span` and $w_1 + b$ count once.\n\n"
        "```python\nprint('not prose at all')\n```\n"
        '![a picture](x.png) <img src="y.png" alt="alt text"> a [link text](https://x.org).'
    )
    # title 2 + "One code and math count once." 6 + "a link text." 3
    assert lesson_stats.markdown_words(text) == 11


def test_display_math_is_one_word():
    assert lesson_stats.markdown_words("Sum:\n\n$$ z = w_1 x_1 + b $$\n\nDone.") == 3


def test_sentences_skip_headings_tables_and_code():
    text = (
        "## Heading here\n\nFirst one. Second one, e.g. with more! Third?\n\n"
        "| a | b |\n| --- | --- |\n| 1 | 2 |\n\n```\nA code. Block.\n```\n"
    )
    assert lesson_stats.sentences(text) == ["First one.", "Second one, e.g. with more!", "Third?"]


def test_each_list_item_is_a_sentence_and_lines_join():
    text = "You will\n\n1. build a neuron,\n   over two lines,\n2. train it, and\n- see it."
    assert lesson_stats.sentences(text) == [
        "You will",
        "build a neuron, over two lines,",
        "train it, and",
        "see it.",
    ]


def test_inline_code_is_one_word_and_a_sentence_may_start_with_it():
    found = lesson_stats.sentences("Call it with `f(a, b)`. `g()` is next. Numbers like 0.5 stay.")
    assert found == ["Call it with `f(a,\ue000b)`.", "`g()` is next.", "Numbers like 0.5 stay."]
    assert [lesson_stats.count_words(s) for s in found] == [4, 3, 4]


def test_minutes_words_code_cells_and_exercises(tmp_path):
    path = notebook(
        tmp_path,
        md(words(100)),
        new_code_cell("x = 1"),
        new_code_cell("y = 2"),
        md("## Exercises\n\n" + words(49)),  # 50 words: "·" and "##" are not words
        md("### Exercise 1 · Try\n\n" + words(500)),  # only the exercise's 5 minutes
        new_code_cell("# your code here"),  # part of the exercise too
        md(words(300)),  # still the exercise: no heading since
        md("### Exercise 2 · Again"),
    )
    stats = lesson_stats.lesson_stats(path)
    assert stats.core == pytest.approx(1.0 + 3.0 + 0.5 + 5 + 5)
    assert stats.further == 0
    assert stats.words == 100 + 50 + 503 + 300 + 3  # every markdown word is still counted


def test_a_heading_ends_an_exercise(tmp_path):
    path = notebook(
        tmp_path,
        md("### Exercise 1 · Try"),
        new_code_cell("pass"),
        md("## Clean up\n\n" + words(98)),  # 100 words, counted again
        new_code_cell("pass"),
    )
    assert lesson_stats.lesson_stats(path).core == pytest.approx(5 + 1.0 + 1.5)


def test_going_further_until_the_next_level_two_heading(tmp_path):
    path = notebook(
        tmp_path,
        md("## 1. Core\n\n" + words(98)),  # 100 words
        md("## Going further (optional)\n\n" + words(97)),  # 100 words
        md("### A subsection\n\n" + words(98)),  # a deeper heading: still going further
        new_code_cell("pass"),
        md("### Exercise 9 · Optional too"),
        md("## Summary\n\n" + words(199)),  # 200 words, core again
        new_code_cell("pass"),
    )
    stats = lesson_stats.lesson_stats(path)
    assert stats.further == pytest.approx(1.0 + 1.0 + 1.5 + 5)
    assert stats.core == pytest.approx(1.0 + 2.0 + 1.5)


def test_longest_sentence_is_from_the_core_path_and_cell_ids_are_kept(tmp_path):
    path = notebook(
        tmp_path,
        md(f"{words(12)} {words(30)}", cell_id="core-cell"),
        md(f"## Going further (optional)\n\n{words(40)}", cell_id="further-cell"),
    )
    stats = lesson_stats.lesson_stats(path)
    assert stats.longest_sentence[:2] == (30, "core-cell")
    assert stats.longest_cell == (43, "further-cell")
    assert stats.sentences == [12, 30, 40]
    assert stats.average == pytest.approx(82 / 3)


def test_check_lists_every_broken_rule(tmp_path):
    long_cell = md(" ".join([words(10)] * 16), cell_id="big")  # 160 words in short sentences
    path = notebook(tmp_path, long_cell, md(words(36), cell_id="wordy"))
    found = lesson_stats.problems([lesson_stats.lesson_stats(path)])
    assert found[0] == "01_test: cell big: 160 words (max 150)"
    assert found[1].startswith("01_test: cell wordy: a core sentence of 36 words (max 35): ")
    assert len(found) == 2  # average (196 / 17 words) and minutes are within the limits


def test_check_average_and_total_minutes(tmp_path):
    wordy = notebook(tmp_path, md(f"{words(25)} {words(25)}"), name="02_wordy")
    assert lesson_stats.problems([lesson_stats.lesson_stats(wordy)]) == [
        "02_wordy: average sentence 25.0 words (max 20)"
    ]
    code = [new_code_cell("pass") for _ in range(241)]  # 361.5 minutes
    slow = notebook(tmp_path, *code, name="03_slow")
    assert lesson_stats.problems([lesson_stats.lesson_stats(slow)]) == [
        "core path: 362 minutes in all (max 360)"
    ]


def test_main_prints_the_readme_table_and_exit_code(tmp_path, capsys):
    good = notebook(tmp_path, md(words(10), cell_id="a"), new_code_cell("pass"), name="01_good")
    bad = notebook(tmp_path, md(words(40), cell_id="b"), name="02_bad")
    assert lesson_stats.main(["--markdown", str(good)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0] == (
        "| lesson | core | going further | words | avg sentence | longest sentence | longest cell |"
    )
    assert table[2] == "| 01_good | 2 min | - | 10 | 10.0 | 10 | 10 (`a`) |"
    assert table[3].startswith("| **total** | **2 min** | **-** | **10** | 10.0 | 10 |")
    assert lesson_stats.main(["--check", str(good), str(bad)]) == 1
    assert "02_bad: cell b: a core sentence of 40 words" in capsys.readouterr().out


def rounded(minutes: float, least: int = 0) -> int:
    """Minutes as the lessons and the README state them: to the nearest 5, at least `least`."""
    return max(least, 5 * round(minutes / 5))


def test_the_lessons_keep_the_plain_english_rules():
    lessons = [lesson_stats.lesson_stats(path) for path in LESSONS]
    assert lesson_stats.problems(lessons) == []


def test_each_lesson_and_the_readme_state_the_measured_time():
    readme = (ROOT / "README.md").read_text()
    for path in LESSONS:
        stats = lesson_stats.lesson_stats(path)
        core, further = rounded(stats.core), rounded(stats.further, least=5)
        top = nbformat.read(path, as_version=4).cells[0].source
        assert f"*About {core} minutes; going further: +{further} minutes.*" in top, path.name
        assert f"| {core} min | +{further} min |" in readme, path.name
