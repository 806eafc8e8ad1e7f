"""The Korean edition: translation files, the build of notebooks/ko/, its checks and a Hangul font.

The English notebooks are the one source. Each lesson's Korean text lives in
locale/ko/notebooks/NN_name.po (one entry per markdown cell, keyed by cell id), and
`python -m gatelab.i18n build` (`make ko`) writes notebooks/ko/NN_name.ipynb from the two.
"""

from gatelab.i18n.build import build_all, build_lesson, translated_notebook
from gatelab.i18n.catalog import extract, extract_all, source_hash
from gatelab.i18n.check import check_all, check_korean_notebook, check_translation
from gatelab.i18n.fonts import use_korean_font

__all__ = [
    "build_all",
    "build_lesson",
    "check_all",
    "check_korean_notebook",
    "check_translation",
    "extract",
    "extract_all",
    "source_hash",
    "translated_notebook",
    "use_korean_font",
]
