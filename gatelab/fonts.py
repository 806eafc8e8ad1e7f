"""A Hangul font for plots: NanumGothic, as shipped inside the koreanize-matplotlib package."""

from __future__ import annotations

import importlib.util
from pathlib import Path

FONT_PACKAGE = "koreanize_matplotlib"
FONT_FILE = "NanumGothic.ttf"


def nanum_gothic_path() -> Path:
    """The NanumGothic file inside koreanize-matplotlib, found without importing that package."""
    # Importing koreanize_matplotlib changes matplotlib's settings as a side effect; only read it.
    spec = importlib.util.find_spec(FONT_PACKAGE)
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        found = sorted(Path(folder).rglob(FONT_FILE))
        if found:
            return found[0]
    raise ModuleNotFoundError(
        f"{FONT_FILE} was not found: install it with `pip install koreanize-matplotlib==0.1.1`"
    )


def use_korean_font() -> str:
    """Draw plot text in NanumGothic (other glyphs fall back to DejaVu Sans); return its name."""
    from matplotlib import font_manager, rcParams

    path = nanum_gothic_path()
    for weight in sorted(path.parent.glob("NanumGothic*.ttf")):  # bold titles need the Bold file
        font_manager.fontManager.addfont(str(weight))
    name = font_manager.FontProperties(fname=path).get_name()
    others = [f for f in rcParams["font.family"] if f not in (name, "sans-serif")]
    rcParams["font.family"] = [name, *others, "sans-serif"]  # sans-serif: DejaVu Sans for ✓ and −
    # NanumGothic has no U+2212 minus sign; the ASCII hyphen keeps negative ticks readable.
    rcParams["axes.unicode_minus"] = False
    return name
