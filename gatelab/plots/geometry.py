"""The plane's geometry behind the pictures: sides of a line, half-planes, the line in view.

Numpy only: every function here is plain arithmetic on points, testable without a figure.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

VIEW = (-0.5, 1.5)  # both axes: the unit square with room around it


def weighted_sums(points: np.ndarray, weights: Sequence[float], bias: float) -> np.ndarray:
    """The weighted sum w1*x1 + w2*x2 + b at each point (>= 0 means the perceptron says 1)."""
    return np.asarray(points, dtype=float) @ np.asarray(weights, dtype=float) + float(bias)


def view_corners(view: tuple[float, float] = VIEW) -> np.ndarray:
    """The four corners of the square view, counter-clockwise."""
    lo, hi = view
    return np.array([[lo, lo], [hi, lo], [hi, hi], [lo, hi]], dtype=float)


def clip_half_plane(
    polygon: np.ndarray, weights: Sequence[float], bias: float, *, positive: bool = True
) -> np.ndarray:
    """Cut a convex polygon to the half-plane w·x + b >= 0 (or <= 0); return its corners."""
    sign = 1.0 if positive else -1.0
    sums = sign * weighted_sums(polygon, weights, bias)
    kept: list[np.ndarray] = []
    # Sutherland-Hodgman for a single edge: walk the corners, keep the inside ones, and add the
    # crossing point wherever an edge of the polygon crosses the line.
    for i in range(len(polygon)):
        here, there = polygon[i], polygon[(i + 1) % len(polygon)]
        s_here, s_there = sums[i], sums[(i + 1) % len(polygon)]
        if s_here >= 0:
            kept.append(here)
        if (s_here >= 0) != (s_there >= 0):
            t = s_here / (s_here - s_there)
            kept.append(here + t * (there - here))
    return np.array(kept).reshape(-1, 2)


def region_where_all_fire(
    boundaries: Sequence[tuple[Sequence[float], float]], view: tuple[float, float] = VIEW
) -> np.ndarray:
    """The part of the view on the 1 side of every line, as polygon corners (maybe fewer than 3)."""
    region = view_corners(view)
    for weights, bias in boundaries:
        region = clip_half_plane(region, weights, bias, positive=True)
        if len(region) < 3:
            break
    return region


def boundary_segment(
    weights: Sequence[float], bias: float, view: tuple[float, float] = VIEW
) -> np.ndarray | None:
    """The part of the line w1*x1 + w2*x2 + b = 0 inside the view, as two end points (or None)."""
    w1, w2 = (float(w) for w in weights)
    b = float(bias)
    lo, hi = view
    if w1 == 0 and w2 == 0:
        return None  # no line: the weighted sum is the same everywhere
    crossings = []
    if w2 != 0:  # where the line meets the left and right edges
        crossings += [(x, -(w1 * x + b) / w2) for x in (lo, hi)]
    if w1 != 0:  # where it meets the bottom and top edges
        crossings += [(-(w2 * y + b) / w1, y) for y in (lo, hi)]
    eps = 1e-9 * (hi - lo)
    inside = [p for p in crossings if lo - eps <= p[0] <= hi + eps and lo - eps <= p[1] <= hi + eps]
    if len(inside) < 2:
        return None  # the line passes outside the view
    # Order the crossings along the line's direction (-w2, w1) and keep the two ends.
    direction = np.array([-w2, w1])
    points = np.array(sorted(inside, key=lambda p: float(np.dot(p, direction))))
    if np.allclose(points[0], points[-1]):
        return None  # it only touches a corner
    return np.array([points[0], points[-1]])


def threshold(weight: float, bias: float) -> float:
    """Where one input's w*x + b crosses 0: x = -b / w (nan when w == 0: no threshold)."""
    return -float(bias) / float(weight) if weight != 0 else float("nan")


def boundary_label(weights: Sequence[float], bias: float) -> str:
    """The boundary's equation with rounded numbers, e.g. '0.20·x1 − 0.10·x2 + 0.25 = 0'."""
    w1, w2 = (float(w) for w in weights)
    b = float(bias)

    def signed(value: float) -> str:
        return f"{'−' if value < 0 else '+'} {abs(value):.2f}"

    first = f"{'−' if w1 < 0 else ''}{abs(w1):.2f}"
    return f"{first}·x1 {signed(w2)}·x2 {signed(b)} = 0"
