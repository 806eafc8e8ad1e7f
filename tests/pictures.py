"""Helpers for the tests that look at a playground's picture: `from pictures import pixels`."""

import io

import numpy as np
from PIL import Image


def pixels(png: bytes) -> np.ndarray:
    """A PNG's pixels as an array of RGB values."""
    png = bytes(png)  # the widget may hand back a memoryview
    assert png.startswith(b"\x89PNG")
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)
