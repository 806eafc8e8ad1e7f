"""What every check shares: the verdict, how a notebook shows it, and the @exercise decorator.

A check is a function `check(answer, ...)` that returns what to say about a right answer and
raises `Wrong(hint)` for a wrong one, the way a FastAPI route raises HTTPException. The decorator
turns it into a lesson's check: it adds the title, and it answers "not attempted yet" and
reports what a student's function raised, in one place for every exercise.
"""

from __future__ import annotations

import ast
import functools
import html
import inspect
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from gatelab.language import count_text, tr


class Status(StrEnum):
    """How an answer did: the same words in every language."""

    CORRECT = "correct"
    WRONG = "wrong"
    NOT_ATTEMPTED = "not attempted yet"


NOT_ATTEMPTED = Status.NOT_ATTEMPTED
_SYMBOLS = {Status.CORRECT: "✓", Status.WRONG: "✗", Status.NOT_ATTEMPTED: "…"}
_COLOURS = {Status.CORRECT: "#1a7f37", Status.WRONG: "#cf222e", Status.NOT_ATTEMPTED: "#6e7781"}


@dataclass(frozen=True)
class CheckResult:
    """The verdict on one answer: status is "correct", "wrong" or "not attempted yet"."""

    exercise: str
    status: str
    message: str

    @property
    def passed(self) -> bool:
        """True only for a correct answer."""
        return self.status == Status.CORRECT

    def __str__(self) -> str:
        return f"{_SYMBOLS[self.status]} {self.exercise}: {self.message}"

    def __repr__(self) -> str:
        return str(self)

    def _repr_html_(self) -> str:
        """Jupyter shows a coloured ✓/✗ line instead of the plain text."""
        colour = _COLOURS[self.status]
        return (
            f'<div style="border-left: 4px solid {colour}; padding: 4px 10px;">'
            f'<b style="color: {colour};">{_SYMBOLS[self.status]} {html.escape(self.exercise)}</b>'
            f": {html.escape(self.message)}</div>"
        )


class Wrong(Exception):
    """Raise Wrong(hint) anywhere in a check: the answer is wrong, and the hint says why."""


class NothingReturned(Exception):
    """Raise it when the student's function returned None and did nothing: not attempted yet."""


class AnswerRaised(Wrong):
    """The student's function raised `error`: on a run (in words), or in a call (as code)."""

    def __init__(self, error: Exception, run: str = "", call: str = "") -> None:
        fields = {"error": type(error).__name__, "detail": error}
        if call:
            hint = tr("{call} raised {error}: {detail}", call=call, **fields)
        else:
            hint = tr("on {run} it raised {error}: {detail}", run=run, **fields)
        super().__init__(hint)
        self.error = error


def run_answer(function: Callable[..., Any], *args: Any, run: str = "", call: str = "") -> Any:
    """function(*args) for a student's function: what it raises becomes AnswerRaised."""
    try:
        return function(*args)
    except Exception as error:  # a student's function may fail in any way; the hint says how
        raise AnswerRaised(error, run=run, call=call) from error


def is_placeholder(answer: Any) -> bool:
    """Whether the answer is still the exercise cell's `...` (or None, or a dict of `...`)."""
    if isinstance(answer, dict) and answer:
        return all(is_placeholder(value) for value in answer.values())
    return answer is ... or answer is None


def is_stub(answer: Any) -> bool:
    """Whether the answer is a function whose body is still the exercise cell's `...`."""
    if not inspect.isfunction(answer):
        return False
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(answer)))
    except (OSError, TypeError, SyntaxError):  # no source to read: judge what it does
        return False
    function = tree.body[0] if tree.body else None
    if not isinstance(function, ast.FunctionDef):  # `lambda: None` is an answer, not a stub
        return False
    body = function.body[1:] if ast.get_docstring(function) is not None else function.body
    return bool(body) and all(
        isinstance(line, ast.Expr) and getattr(line.value, "value", None) is ... for line in body
    )


def _verdict(check: Callable[..., str | None], answer: Any, *args: Any, **kwargs: Any) -> Any:
    """(status, message) for one answer: the part of a check every exercise shares."""
    if is_placeholder(answer):
        return NOT_ATTEMPTED, tr(
            "not attempted yet: replace `...` with your answer and run the cell again"
        )
    try:
        if is_stub(answer):
            raise NothingReturned
        praise = check(answer, *args, **kwargs)
    except Wrong as wrong:
        # English shows the hint alone; Korean puts "다시 해 보세요:" before it.
        return Status.WRONG, tr("{hint}", hint=str(wrong))
    except NothingReturned:
        return NOT_ATTEMPTED, tr(
            "not attempted yet: your function returns None; write its body, return the result "
            "and run the cell again"
        )
    if praise is None:
        return Status.CORRECT, tr("correct!")
    # English shows the praise alone; Korean puts "맞았습니다!" before it.
    return Status.CORRECT, tr("{praise}", praise=praise)


def exercise(
    title: str, *, shows_verdict: bool = False
) -> Callable[[Callable[..., str | None]], Callable[..., CheckResult]]:
    """Make `check(answer, ...)` an exercise's check that returns a CheckResult titled `title`.

    The check returns what to say about a right answer (None: just "correct!") and raises
    Wrong(hint) otherwise. A {field} of the title is filled with the check's argument of that
    name, as count_text writes it. shows_verdict: in a notebook the check shows its verdict
    itself, so a line after it in the cell cannot hide it.
    """

    def decorate(check: Callable[..., str | None]) -> Callable[..., CheckResult]:
        signature = inspect.signature(check)

        @functools.wraps(check)
        def checked(answer: Any, *args: Any, **kwargs: Any) -> CheckResult:
            arguments = signature.bind(answer, *args, **kwargs)
            arguments.apply_defaults()
            fields = {
                name: count_text(value)
                for name, value in arguments.arguments.items()
                if "{" + name + "}" in title
            }
            status, message = _verdict(check, answer, *args, **kwargs)
            result = CheckResult(tr(title, **fields), status, message)
            return _show(result) if shows_verdict else result

        return checked

    return decorate


class _ShownCheckResult(CheckResult):
    """A verdict the check has already shown in the notebook (see _show)."""

    def _ipython_display_(self) -> None:
        """Show nothing as the same cell's last value: the verdict is already on the page."""
        from IPython import get_ipython
        from IPython.display import display

        shell = get_ipython()
        if shell is None or shell.execution_count != getattr(self, "_cell", None):
            display(CheckResult(self.exercise, self.status, self.message))


def _show(result: CheckResult) -> CheckResult:
    """Show `result` now if a notebook kernel runs this; return it, marked as shown."""
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: the caller prints the result
        return result
    shell = get_ipython()
    if shell is None or not hasattr(shell, "kernel"):  # not a notebook kernel
        return result
    from IPython.display import display

    display(result)
    shown = _ShownCheckResult(result.exercise, result.status, result.message)
    object.__setattr__(shown, "_cell", shell.execution_count)  # the cell that showed it
    return shown
