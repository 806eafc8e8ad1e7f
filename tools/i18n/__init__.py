"""The Korean edition's tools: translation files, the build of notebooks/ko/, its checks.

The English notebooks are the one source. Each lesson's Korean text lives in
locale/ko/notebooks/NN_name.po (one entry per markdown cell, keyed by cell id, and one per code
comment), and `python -m tools.i18n build` (`make ko`) writes notebooks/ko/NN_name.ipynb from the
two. These tools need polib and nbconvert (the dev extra), so they live outside the gatelab
package; what a Korean lesson needs at run time (the Hangul font) is gatelab.fonts.
"""

from tools.i18n.build import build_all, build_lesson, translated_notebook
from tools.i18n.catalog import extract, extract_all, source_hash
from tools.i18n.check import check_all, check_korean_notebook, check_translation

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
]
