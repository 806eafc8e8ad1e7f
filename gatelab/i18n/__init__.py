"""The Korean edition: translation files, the build of notebooks/ko/, its checks and a Hangul font.

The English notebooks are the one source. Each lesson's Korean text lives in
locale/ko/notebooks/NN_name.po (one entry per markdown cell, keyed by cell id), and
`python -m gatelab.i18n build` (`make ko`) writes notebooks/ko/NN_name.ipynb from the two.

Importing this package stays light (a lesson's kernel may call use_korean_font): polib and
nbconvert load only when a build or check function is first used.
"""

from importlib import import_module

from gatelab.i18n.fonts import use_korean_font

_LAZY = {
    "build_all": "gatelab.i18n.build",
    "build_lesson": "gatelab.i18n.build",
    "translated_notebook": "gatelab.i18n.build",
    "extract": "gatelab.i18n.catalog",
    "extract_all": "gatelab.i18n.catalog",
    "source_hash": "gatelab.i18n.catalog",
    "check_all": "gatelab.i18n.check",
    "check_korean_notebook": "gatelab.i18n.check",
    "check_translation": "gatelab.i18n.check",
}

__all__ = [*_LAZY, "use_korean_font"]


def __getattr__(name: str) -> object:
    """Load the build and check functions on first use."""
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'gatelab.i18n' has no attribute {name!r}")
