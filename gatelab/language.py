"""The language gatelab speaks to students: English by default, Korean after set_language("ko").

Library code writes its messages in English and passes them through `tr`, the way gettext's `_`
works; the Korean text for each English message lives in gatelab/messages_ko.py. A message is
looked up when it is shown, so set_language takes effect at once, also for widgets already drawn.
"""

from __future__ import annotations

LANGUAGES = ("en", "ko")
_current = {"language": "en"}


def set_language(language: str) -> None:
    """Show gatelab's messages (checks, tables, plot labels) in `language`: "en" or "ko"."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}: choose one of {', '.join(LANGUAGES)}")
    _current["language"] = language
    if language == "ko":
        from gatelab.i18n.fonts import use_korean_font

        use_korean_font()  # plot titles and labels in Hangul need a font that has them


def get_language() -> str:
    """The language set by set_language ("en" until it is called)."""
    return _current["language"]


def tr(english: str, **fields: object) -> str:
    """`english` in the current language, with its {fields} filled in."""
    text = english
    if _current["language"] == "ko":
        from gatelab.messages_ko import KOREAN

        text = KOREAN.get(english, english)
    return text.format(**fields) if fields else text
