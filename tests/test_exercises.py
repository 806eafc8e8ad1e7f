"""What every exercise check shares: "not attempted yet", the ✓/✗ display, a verdict shown in a
notebook, and what a student's function raised."""

import pytest
from reference_answers import assert_wrong

from gatelab import exercises as ex

ALL_CHECKS = [getattr(ex, name) for name in dir(ex) if name.startswith("check_")]


@pytest.mark.parametrize("check", ALL_CHECKS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("placeholder", [..., None])
def test_placeholder_is_not_attempted(check, placeholder):
    result = check(placeholder)
    assert result.status == ex.NOT_ATTEMPTED
    assert not result.passed
    assert "…" in repr(result) and "not attempted yet: replace `...`" in repr(result)


def test_result_renders_as_html_and_text():
    result = ex.check_float32_bytes(4_000_000)
    assert result.passed
    assert repr(result).startswith("✓ Exercise 5.1")
    assert "✓" in result._repr_html_() and "#1a7f37" in result._repr_html_()
    wrong = ex.check_float32_bytes(3)
    assert repr(wrong).startswith("✗") and "#cf222e" in wrong._repr_html_()


def test_lesson_04_05_checks_show_their_verdict_in_a_notebook(monkeypatch):
    """A line after the check, such as print(...), cannot hide the verdict: the check shows it."""
    import types

    import IPython
    import IPython.display

    shown = []
    shell = types.SimpleNamespace(kernel=object(), execution_count=7)
    monkeypatch.setattr(IPython, "get_ipython", lambda: shell)
    monkeypatch.setattr(IPython.display, "display", shown.append)
    result = ex.check_float32_bytes(4_000_000)
    assert result.passed and [str(r) for r in shown] == [str(result)]
    result._ipython_display_()  # the same cell's last value: not shown twice
    assert len(shown) == 1
    shell.execution_count = 8  # looked at again in a later cell: shown again
    result._ipython_display_()
    assert len(shown) == 2
    ex.check_nand_weights(...)  # other lessons' checks only return their verdict, as before
    assert len(shown) == 2


# The checks whose answer is a function the lesson gives as a stub (`def f(...): ...`).
FUNCTION_CHECKS = [
    ex.check_learning_rule,
    ex.check_xnor_from_gates,
    ex.check_count_parameters,
    ex.check_forward_by_hand,
    ex.check_train_loop,
    ex.check_batch_request,
    ex.check_train_with_key,
]


@pytest.mark.parametrize("check", FUNCTION_CHECKS, ids=lambda f: f.__name__)
def test_a_function_whose_body_is_still_dots_is_not_attempted(check):
    def stub(*args):
        """The exercise cell's function, not written yet."""
        ...  # your code

    result = check(stub)
    assert result.status == ex.Status.NOT_ATTEMPTED
    assert "your function returns None; write its body" in result.message


def test_a_function_that_returns_none_is_still_judged():
    # `lambda: None` is an answer, not the exercise cell's stub: it earns its own hint.
    assert_wrong(ex.check_learning_rule(lambda *args: None), "returns nothing")


def test_what_a_students_function_raised_is_said_the_same_way_everywhere():
    def fails(*args):
        return 1 / 0

    assert_wrong(ex.check_xnor_from_gates(fails), "on inputs (0, 0) it raised ZeroDivisionError")
    assert_wrong(ex.check_count_parameters(fails), "on a 2 → 1 → 1 network it raised Zero")
    assert_wrong(ex.check_forward_by_hand(fails), "on a 2 → 8 → 1 network it raised Zero")
    assert_wrong(
        ex.check_batch_request(fails),
        "served_answers(client, 'AND') raised ZeroDivisionError: division by zero",
    )


def test_what_a_students_function_raised_in_korean(korean):
    result = ex.check_xnor_from_gates(lambda a, b: 1 / 0)
    assert_wrong(result, "입력 (0, 0)에서 오류가 났습니다. ZeroDivisionError: division by zero")
    result = ex.check_forward_by_hand(lambda net, X: 1 / 0)
    assert_wrong(result, "2 → 8 → 1 신경망에서 오류가 났습니다. ZeroDivisionError:")


def test_status_reads_as_text():
    assert ex.check_nand_weights(([-1, -1], 1.5)).status == "correct"
    assert ex.check_nand_weights(([1, 1], 1.5)).status == ex.Status.WRONG == "wrong"
    assert str(ex.NOT_ATTEMPTED) == "not attempted yet"
