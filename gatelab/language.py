"""The language gatelab speaks to students: English by default, Korean after set_language("ko").

Library code writes its messages in English and passes them through `tr`, the way gettext's `_`
works; the Korean text for each English message lives in gatelab/messages_ko.py. A message is
looked up when it is shown, so set_language takes effect at once, also for widgets already drawn.
An English message kept in a constant (a table of hints, a legend label) is marked with
`translatable` where it is written and passed through `tr` where it is shown, like gettext's N_.
tests/test_messages.py finds every literal given to either and checks the Korean catalog.
The gate API answers each request in the language it asks for (Accept-Language), with
`speaking(language)` around the request: set_language, the notebook's choice, never reaches it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

LANGUAGES = ("en", "ko")
_current = {"language": "en"}
# The language of the request being answered, set by the gate API for each request
# (gatelab.api.languages). A server answers many clients at once, in threads and asyncio tasks,
# so one process-wide setting cannot hold each client's language; a ContextVar can: every task
# and worker thread sees its own value, and a value set for a request ends with it. Unset (None)
# everywhere else, e.g. in a notebook's cells, where set_language decides.
_scoped: ContextVar[str | None] = ContextVar("gatelab_language", default=None)


def _check_language(language: str) -> None:
    """Refuse a language gatelab does not speak, saying which it does."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: choose one of {', '.join(LANGUAGES)}")


def set_language(language: str) -> None:
    """Show gatelab's messages (checks, tables, plot labels) in `language`: "en" or "ko"."""
    _check_language(language)
    _current["language"] = language
    if language == "ko":
        from gatelab.fonts import use_korean_font

        use_korean_font()  # plot titles and labels in Hangul need a font that has them


def get_language() -> str:
    """The language set by set_language ("en" until it is called)."""
    return _current["language"]


def active_language() -> str:
    """The language tr() uses here and now: that of `speaking(...)` if any, else set_language's."""
    return _scoped.get() or _current["language"]


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Inside `with speaking("ko"):`, tr() in this thread or task speaks `language`, whatever
    set_language says; other threads and tasks, and the code after the block, are unaffected."""
    _check_language(language)
    token = _scoped.set(language)
    try:
        yield
    finally:
        _scoped.reset(token)


def tr(english: str, **fields: object) -> str:
    """`english` in the active language, with its {fields} filled in.

    Without fields the text is returned as it is, braces and all ("/models/{gate}"). A Korean
    text may ask for the particle that fits a field: "{gate:을/를} 학습" gives "XOR를 학습".
    """
    text = english
    if active_language() == "ko":
        from gatelab.messages_ko import KOREAN

        text = KOREAN.get(english, english)
        fields = {name: _Word(value) if isinstance(value, str) else value
                  for name, value in fields.items()}  # fmt: skip
    return text.format(**fields) if fields else text


class _Word(str):
    """A text field of a Korean message: `{gate:을/를}` adds the particle that fits its reading."""

    def __format__(self, spec: str) -> str:
        return with_particle(self, spec) if spec in _PARTICLES else format(str(self), spec)


def translatable(english: str) -> str:
    """Mark `english` for the Korean catalog and return it unchanged: tr() it when it is shown."""
    return english


# Korean counts large numbers in groups of four digits: 만 (10⁴), 억 (10⁸), 조 (10¹²).
_KOREAN_UNITS = ((10**12, "조"), (10**8, "억"), (10**4, "만"))


def korean_units(count: int) -> str:
    """A whole number in Korean units: 7_000_000_000 → "70억", 1_234_500_000 → "12억 3,450만"."""
    parts = []
    rest = int(count)
    for size, unit in _KOREAN_UNITS:
        if rest >= size:
            parts.append(f"{rest // size:,}{unit}")
            rest %= size
    if rest or not parts:
        parts.append(f"{rest:,}")
    return " ".join(parts)


def count_text(count: float) -> str:
    """A count with thousands separators; in Korean also in 억/조 units: "7,000,000,000(70억)"."""
    text = f"{count:,.0f}"
    if active_language() == "ko" and count >= 10**4 and float(count).is_integer():
        return f"{text}({korean_units(int(count))})"
    return text


# How Korean reads each gate's name aloud, which decides the particle after it: AND is 앤드
# (ends in a vowel: 를/는/가/와), NOT is 낫 (ends in a consonant: 을/은/이/과).
GATE_READINGS = {
    "AND": "앤드",
    "OR": "오어",
    "NAND": "낸드",
    "NOR": "노어",
    "NOT": "낫",
    "XOR": "엑스오어",
    "XNOR": "엑스노어",
}
# Each particle pair: (after a final consonant, after a vowel).
_PARTICLES = {
    "을/를": ("을", "를"),
    "은/는": ("은", "는"),
    "이/가": ("이", "가"),
    "과/와": ("과", "와"),
}


def _ends_in_consonant(word: str) -> bool:
    """Whether the word, read aloud in Korean, ends in a consonant (받침)."""
    last = GATE_READINGS.get(word.upper(), word)[-1]
    if "가" <= last <= "힣":
        return (ord(last) - ord("가")) % 28 != 0
    return last in "013678LMNR"  # digits and letters read with a final consonant: 일, 삼, 엘 …


def with_particle(word: str, pair: str) -> str:
    """The word with the right Korean particle: with_particle("XOR", "을/를") -> "XOR를"."""
    consonant, vowel = _PARTICLES[pair]
    return word + (consonant if _ends_in_consonant(word) else vowel)
