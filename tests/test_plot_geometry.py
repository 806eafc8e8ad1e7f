"""gatelab.plots.geometry: the plane's arithmetic behind the pictures, checked without a figure."""

import numpy as np
import pytest

from gatelab.plots.geometry import (
    VIEW,
    boundary_label,
    boundary_segment,
    clip_half_plane,
    region_where_all_fire,
    threshold,
    view_corners,
    weighted_sums,
)

LO, HI = VIEW


def _polygon_area(points: np.ndarray) -> float:
    x, y = points.T
    return 0.5 * abs(float(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1))))


def test_weighted_sums_say_which_side_each_point_is_on():
    points = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    np.testing.assert_allclose(weighted_sums(points, [1, 1], -1.5), [-1.5, -0.5, -0.5, 0.5])
    assert weighted_sums([0.5, 0.5], [2.0, 0.0], -1.0) == 0.0  # on the line: the step says 1


def test_view_corners_run_counter_clockwise_around_the_view():
    corners = view_corners()
    assert corners.tolist() == [[LO, LO], [HI, LO], [HI, HI], [LO, HI]]
    assert _polygon_area(corners) == pytest.approx((HI - LO) ** 2)


def test_shaded_half_planes_match_the_prediction():
    weights, bias = np.array([0.337, 0.170]), -0.459
    ones = clip_half_plane(view_corners(), weights, bias, positive=True)
    zeros = clip_half_plane(view_corners(), weights, bias, positive=False)
    assert np.all(ones @ weights + bias >= -1e-9)
    assert np.all(zeros @ weights + bias <= 1e-9)
    assert _polygon_area(ones) + _polygon_area(zeros) == pytest.approx((HI - LO) ** 2)


def test_a_half_plane_that_misses_the_polygon_leaves_nothing():
    assert len(clip_half_plane(view_corners(), [1.0, 1.0], -10.0)) == 0


def test_the_band_is_where_every_line_fires():
    or_line, nand_line = ([1.0, 1.0], -0.5), ([-1.0, -1.0], 1.5)
    band = region_where_all_fire([or_line, nand_line])
    for weights, bias in (or_line, nand_line):
        assert np.all(weighted_sums(band, weights, bias) >= -1e-9)
    # A strip of width 1/√2 along the diagonal x1 + x2 = 1, cut by the square view.
    assert 0 < _polygon_area(band) < (HI - LO) ** 2
    assert len(region_where_all_fire([or_line, ([1.0, 1.0], -10.0)])) < 3  # nowhere


def test_horizontal_line_when_w1_is_zero():
    segment = boundary_segment([0.0, 2.0], -1.0)
    np.testing.assert_allclose(segment[:, 1], [0.5, 0.5])
    assert sorted(segment[:, 0]) == [LO, HI]


@pytest.mark.parametrize(
    ("weights", "bias"), [([0.0, 0.0], 1.0), ([1.0, 1.0], -10.0), ([1.0, 1.0], 1.0)]
)
def test_no_segment_without_a_line_in_view(weights, bias):
    assert boundary_segment(weights, bias) is None  # no line, outside, touching a corner only


def test_threshold_is_where_one_input_crosses_zero():
    assert threshold(-1.0, 0.5) == pytest.approx(0.5)
    assert threshold(2.0, -0.6) == pytest.approx(0.3)
    assert np.isnan(threshold(0.0, 0.5))


def test_boundary_label_reads_signs_naturally():
    assert boundary_label([1, 1], -1.5) == "1.00·x1 + 1.00·x2 − 1.50 = 0"
    assert boundary_label([-1, -0.5], 0.25) == "−1.00·x1 − 0.50·x2 + 0.25 = 0"
