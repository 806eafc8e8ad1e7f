"""Korean particles after gate names and numbers follow how the word is read aloud."""

import pytest

from gatelab.gates import GATE_NAMES
from gatelab.language import GATE_READINGS, set_language, tr, with_particle


@pytest.mark.parametrize(
    ("word", "pair", "expected"),
    [
        ("XOR", "을/를", "XOR를"),  # 엑스오어
        ("NOT", "을/를", "NOT을"),  # 낫
        ("NOT", "은/는", "NOT은"),
        ("AND", "이/가", "AND가"),  # 앤드
        ("NAND", "과/와", "NAND와"),
        ("모델", "을/를", "모델을"),
        ("서버", "은/는", "서버는"),
        ("7", "은/는", "7은"),  # 칠
        ("2", "은/는", "2는"),  # 이
    ],
)
def test_the_particle_follows_the_reading(word, pair, expected):
    assert with_particle(word, pair) == expected


def test_every_gate_has_one_reading():
    assert set(GATE_READINGS) == set(GATE_NAMES)


def test_a_korean_message_picks_the_particle_for_the_gate_filled_in(monkeypatch):
    from gatelab import messages_ko

    monkeypatch.setitem(messages_ko.KOREAN, "train {gate} first", "먼저 {gate:을/를} 학습하세요")
    set_language("ko")
    try:
        assert tr("train {gate} first", gate="XOR") == "먼저 XOR를 학습하세요"
        assert tr("train {gate} first", gate="NOT") == "먼저 NOT을 학습하세요"
    finally:
        set_language("en")
    assert tr("train {gate} first", gate="NOT") == "train NOT first"
