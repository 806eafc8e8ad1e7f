"""Every lesson as a student meets it: opened in JupyterLab, Restart Kernel and Run All, then
every slider of every playground moved with the keyboard."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from checks import (
    block_other_hosts,
    check_every_cell_ran,
    check_no_error_output,
    check_sliders_change_output,
    check_widgets_rendered,
    playground_title,
    playgrounds,
)
from lab import NOTEBOOKS
from notebook import code_prompts, open_notebook, restart_and_run_all

ENGLISH = sorted(path.name for path in NOTEBOOKS.glob("0*.ipynb"))
# The Korean edition as a Korean student meets it: the same code, Korean text and messages.
KOREAN = sorted(f"ko/{path.name}" for path in (NOTEBOOKS / "ko").glob("0*.ipynb"))
LESSONS = ENGLISH + KOREAN
# How many playgrounds (widget boxes with sliders) each lesson shows after Run All.
PLAYGROUNDS = {
    "01_perceptron_and.ipynb": 2,  # an input through AND; place the line yourself
    "02_linear_gates.ipynb": 1,  # train again
    "03_xor_one_line_is_not_enough.ipynb": 1,  # place the line for XOR
    "04_xor_with_pytorch.ipynb": 1,  # train the network again
    "05_saving_and_loading.ipynb": 1,  # memory for the weights
    "06_serving_gates_with_fastapi.ipynb": 0,  # none: the student's own API runs in a terminal
    "07_a_server_for_the_class.ipynb": 1,  # ask the gate API
}
# Lessons whose playgrounds ask a running gate API, English and Korean alike.
ASKS_THE_API = {"07_a_server_for_the_class.ipynb"}
# A real answer of the gate API in lesson 07's playground: "-> 200 {... 'result': 1 ...}".
API_ANSWER = re.compile(r"-> 200 \{.*'result': [01]")


def test_every_lesson_is_tested():
    assert sorted(PLAYGROUNDS) == ENGLISH
    assert [lesson.removeprefix("ko/") for lesson in KOREAN] == ENGLISH


@pytest.fixture
def lesson_kernels(lab):
    """Shut the lesson's kernel down afterwards: the next lesson gets both cores."""
    yield
    lab.shut_down_kernels()


@pytest.mark.parametrize("lesson", LESSONS)
def test_lesson_runs_all_and_its_playgrounds_answer(lesson, lab, page, page_log, lesson_kernels):
    # A classroom may be offline: the lesson (its pictures, JupyterLab's files) asks no other host.
    other_hosts = block_other_hosts(page, lab.url)
    open_notebook(page, lab.tree_url(lesson))
    restart_and_run_all(page)

    check_every_cell_ran(code_prompts(page))
    check_no_error_output(page)
    check_widgets_rendered(page)
    boxes = playgrounds(page)
    titles = [playground_title(box) for box in boxes]
    assert len(boxes) == PLAYGROUNDS[Path(lesson).name], f"playgrounds after Run All: {titles}"

    for box in boxes:
        moves = check_sliders_change_output(page, box)
        if Path(lesson).name in ASKS_THE_API:
            # After Run All too, the server the playground asks is still up and answers.
            for move in moves:
                assert API_ANSWER.search(move.after), f"no API answer after {move}: {move.after}"

    check_no_error_output(page)  # a slider move that raised shows its traceback in the widget
    page_log.check_no_page_errors()
    other_hosts.check()
