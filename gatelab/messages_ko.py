"""Korean text for every English message gatelab shows (the keys are the English, as in gettext).

tests/test_messages.py checks that each `tr("...")` in gatelab has an entry here with the same
{fields}. Conventions: Korean term first, English in parentheses on first use (가중치(weight)).
One dict per group of modules, so a module's messages can be read together.
"""

# gatelab.exercises: ✓/✗ verdicts and hints
EXERCISES: dict[str, str] = {}

# gatelab.gates, gatelab.perceptron: truth tables, training history
TABLES: dict[str, str] = {}

# gatelab.plots, gatelab.mlp_plots: titles, axis labels, legends
PLOTS: dict[str, str] = {}

# gatelab.memory, gatelab.store: sizes and store messages shown in lessons
STORAGE: dict[str, str] = {}

# gatelab.widgets: lessons 01-03 playgrounds (the picture's title and corner note repeat plots'
# words, in the same Korean as the plots' entries)
PLAYGROUNDS: dict[str, str] = {
    # every playground
    "Playground: {title} (run the notebook to use the sliders)": (
        "실습 위젯: {title} (노트북을 실행하면 슬라이더를 움직여 볼 수 있습니다)"
    ),
    "gate": "게이트",
    # lesson 01: move an input through a trained gate
    "Move an input through {gate}": "입력을 움직여 {gate}에 넣어 보세요",
    "input x1": "입력 x1",
    "input x2": "입력 x2",
    "w·x + b = {total}  →  step gives {output}": "w·x + b = {total}  →  계단 함수 출력 {output}",
    "(the step fires, giving 1, only when the sum is ≥ 0)": (
        "(계단 함수는 합이 0 이상일 때만 1을 냅니다)"
    ),
    "The trained {gate} perceptron says {output}.": (
        "학습된 {gate} 퍼셉트론의 출력은 {output}입니다."
    ),
    "{weights} weight(s) but {inputs} input(s)": (
        "가중치는 {weights}개인데 입력은 {inputs}개입니다"
    ),
    "the input playground needs a perceptron trained on a two-input gate": (
        "입력 실습 위젯에는 입력이 두 개인 게이트로 학습한 퍼셉트론이 필요합니다"
    ),
    # lessons 01 and 03: place the line yourself
    "Place the line yourself": "결정 경계를 직접 놓아 보세요",
    "weight w1": "가중치 w1",
    "weight w2": "가중치 w2",
    "bias b": "편향 b",
    "{gate}: your boundary": "{gate}: 내가 놓은 결정 경계",
    # lesson 02: train again
    "Train again": "다시 학습시켜 보세요",
    "learning rate": "학습률",
    "epochs": "에포크",
    "seed": "시드",
    "converged in {epochs} epochs": "{epochs}에포크 만에 수렴했습니다",
    "not converged after {epochs} epochs": "{epochs}에포크가 지나도 수렴하지 않았습니다",
    "{gate}: {state}; weights ({weights}), bias {bias}": (
        "{gate}: {state}. 가중치 ({weights}), 편향 {bias}"
    ),
    "epoch {epoch} made no mistake: converged": "에포크 {epoch}에서 틀린 것 없음: 수렴",
    "never converged in {epochs} epochs": "{epochs} 에포크 동안 수렴하지 않음",
}

# gatelab.mlp_widgets, gatelab.api_widgets: lessons 04 and 06 playgrounds
MORE_PLAYGROUNDS: dict[str, str] = {}

KOREAN: dict[str, str] = {
    **EXERCISES,
    **TABLES,
    **PLOTS,
    **STORAGE,
    **PLAYGROUNDS,
    **MORE_PLAYGROUNDS,
}
