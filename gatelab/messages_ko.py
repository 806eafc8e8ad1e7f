"""Korean text for every English message gatelab shows (the keys are the English, as in gettext).

tests/test_messages.py checks that each `tr("...")` in gatelab has an entry here with the same
{fields}. Conventions: Korean term first, English in parentheses on first use (가중치(weight)).
One dict per group of modules, so a module's messages can be read together.
"""

# gatelab.exercises: ✓/✗ verdicts and hints
EXERCISES: dict[str, str] = {
    # The verdict line: "✓ 연습 문제 1.1 (...): 맞았습니다! ..." / "✗ ...: 다시 해 보세요: ...".
    "correct!": "맞았습니다!",
    "{praise}": "맞았습니다! {praise}",
    "{hint}": "다시 해 보세요: {hint}",
    "not attempted yet: replace `...` with your answer and run the cell again": (
        "아직 풀지 않았습니다: `...`를 여러분의 답으로 바꾸고 셀을 다시 실행하세요"
    ),
    "not attempted yet: your function returns None; write its body, return the result "
    "and run the cell again": (
        "아직 풀지 않았습니다: 함수가 None을 반환합니다. 함수 본문을 쓰고 결과를 return한 뒤 "
        "셀을 다시 실행하세요"
    ),
    # shared by several checks
    "give the answer as a pair: answer = ({shape})": "답은 한 쌍으로 쓰세요: answer = ({shape})",
    "{gate} takes {arity} input(s), so give {arity} weight(s)": (
        "{gate:은/는} 입력이 {arity}개이므로 가중치도 {arity}개 쓰세요"
    ),
    "your boundary misclassifies {point}: its weighted sum is {total} {sign} 0, "
    "so the step gives {output} but {gate} wants {target}": (
        "결정 경계가 {point} 점을 잘못 분류합니다. 가중합이 {total} {sign} 0이라 "
        "계단 함수는 {output}을 내지만 {gate}의 목표값은 {target}입니다"
    ),
    "these weights compute {gate} on every row": (
        "이 가중치로 계산하면 진리표의 모든 행에서 {gate}의 답이 맞습니다"
    ),
    # What a student's function raised: on a run (in words), or in a call (as code).
    "on {run} it raised {error}: {detail}": "{run}에서 오류가 났습니다. {error}: {detail}",
    "{call} raised {error}: {detail}": "{call}에서 오류가 났습니다. {error}: {detail}",
    "inputs {bits}": "입력 {bits}",
    "a {shape} network": "{shape} 신경망",
    "on inputs {bits} it gives {got}, but {gate} is {target}": (
        "입력 {bits}에서 {got}을 내지만 {gate}의 목표값은 {target}입니다"
    ),
    "it reproduces the whole {gate} truth table": "{gate} 진리표를 빠짐없이 재현합니다",
    "answer with a whole number, got {answer}": "정수로 답하세요. 받은 답: {answer}",
    "{value} is too high": "답은 {value}보다 작습니다",
    "{value} is too low": "답은 {value}보다 큽니다",
    "that is the number of steps (rows × epochs), not epochs": (
        "그건 에포크 수가 아니라 단계 수(행 × 에포크)입니다"
    ),
    # lesson 01
    "Exercise 1.1 (NAND by hand)": "연습 문제 1.1 (NAND를 손으로)",
    "Exercise 1.2 (a bigger learning rate)": "연습 문제 1.2 (더 큰 학습률)",
    "{epochs} epochs is the run at learning rate 0.1 shown in the lesson; "
    "train again with learning_rate=0.5 and read converged_epoch_": (
        "{epochs} 에포크는 수업에서 본 학습률 0.1 실행의 결과입니다. learning_rate=0.5로 다시 "
        "학습하고 converged_epoch_를 읽으세요"
    ),
    "close: that many epochs still made a mistake; training stops after "
    "the first epoch with none, and that epoch counts": (
        "거의 맞았습니다. 그 에포크까지는 아직 틀린 행이 있었습니다. 학습은 처음으로 한 번도 "
        "틀리지 않은 에포크 뒤에 멈추고, 그 에포크도 셉니다"
    ),
    "more epochs than at rate 0.1: a step of 0.5 pushes the line too far (it overshoots), "
    "so a row that was right goes wrong and later steps must fix it": (
        "학습률 0.1일 때보다 에포크가 더 듭니다. 0.5만큼의 걸음은 직선을 너무 멀리 밀어서"
        "(오버슈팅) 맞던 행을 틀리게 만들고, 그 뒤의 단계들이 이를 다시 고쳐야 합니다"
    ),
    "Exercise 1.3 (one step of the rule)": "연습 문제 1.3 (학습 규칙 한 단계)",
    "give the new weights as a list: answer = [w1, w2]": (
        "새 가중치는 리스트로 쓰세요: answer = [w1, w2]"
    ),
    "give the two new weights: answer = [w1, w2]": "새 가중치 두 개를 쓰세요: answer = [w1, w2]",
    "w1 stays (its input was 0) and w2 drops by 0.1": (
        "w1은 그대로이고(입력이 0이었으니까요) w2는 0.1 줄어듭니다"
    ),
    "x1 was 0, so w1 gets 0.1 × error × 0: it does not move": (
        "x1이 0이었으므로 w1의 변화량은 0.1 × 오차 × 0, 즉 움직이지 않습니다"
    ),
    "check the sign of the error: target − prediction = 0 − 1 = −1": (
        "오차의 부호를 확인하세요: 목표값 − 예측 = 0 − 1 = −1"
    ),
    "the weighted sum is 0.5 ≥ 0, so the prediction is 1: a mistake": (
        "가중합이 0.5 ≥ 0이므로 예측은 1, 즉 틀린 답입니다"
    ),
    "use w ← w + rate × (target − prediction) × x with rate 0.1": (
        "w ← w + 학습률 × (목표값 − 예측) × x 를 학습률 0.1로 적용하세요"
    ),
    "Exercise 1.4 (write the learning rule)": "연습 문제 1.4 (학습 규칙 직접 쓰기)",
    "pass your function itself: answer = train (no brackets)": (
        "함수 자체를 넘기세요: answer = train (괄호 없이)"
    ),
    "{gate} with learning rate {rate} from seed {seed}'s start": (
        "시드 {seed}의 시작점에서 학습률 {rate}로 학습한 {gate}"
    ),
    "{gate} with learning rate {rate} and epochs={epochs} from seed {seed}'s start": (
        "시드 {seed}의 시작점에서 학습률 {rate}, epochs={epochs}로 학습한 {gate}"
    ),
    "{gate} with learning rate {rate} from w = (0, 0), b = 0": (
        "w = (0, 0), b = 0에서 학습률 {rate}로 학습한 {gate}"
    ),
    "write the loop yourself: do not call Perceptron.fit in it": (
        "반복문을 직접 쓰세요: 그 안에서 Perceptron.fit을 호출하면 안 됩니다"
    ),
    "your function returns nothing: end it with return weights, bias": (
        "함수가 아무것도 반환하지 않습니다: 마지막에 return weights, bias 를 쓰세요"
    ),
    "return two things: the 2 weights and the bias": "두 가지를 반환하세요: 가중치 2개와 편향",
    "your loop learns exactly what Perceptron.fit learns": (
        "여러분의 반복문이 Perceptron.fit과 똑같은 결과를 학습합니다"
    ),
    "the line moves the wrong way: the error is target − prediction, not prediction − target": (
        "직선이 반대 방향으로 움직입니다: 오차는 예측 − 목표값이 아니라 목표값 − 예측입니다"
    ),
    "you updated with the prediction; update with the error, target − prediction "
    "(it is 0 when the answer was right, so nothing moves)": (
        "예측값으로 업데이트했습니다. 오차, 즉 목표값 − 예측으로 업데이트하세요"
        "(맞힌 행에서는 0이라 아무것도 움직이지 않습니다)"
    ),
    "the bias never changes: it needs its own update, b ← b + rate × error": (
        "편향이 전혀 바뀌지 않습니다: 편향도 따로 업데이트해야 합니다. b ← b + 학습률 × 오차"
    ),
    "each weight moves by rate × error × its own input, so a weight whose input "
    "was 0 stays where it is": (
        "각 가중치는 학습률 × 오차 × 자기 입력만큼 움직입니다. 그래서 입력이 0이었던 가중치는 "
        "그대로 있습니다"
    ),
    "the steps are too big: multiply each update by the learning rate": (
        "한 번에 너무 많이 움직입니다: 업데이트마다 학습률을 곱하세요"
    ),
    "the bias moves by the whole error: multiply its update by the learning rate too": (
        "편향이 오차만큼 통째로 움직입니다: 편향의 업데이트에도 학습률을 곱하세요"
    ),
    "every step uses the rate 0.1: use the learning_rate your function is given": (
        "모든 단계가 학습률 0.1을 씁니다: 함수가 받은 learning_rate를 쓰세요"
    ),
    "a weighted sum of exactly 0 must give 1: the step fires when the sum is ≥ 0, not only > 0": (
        "가중합이 정확히 0이면 1이 나와야 합니다: 계단 함수는 합이 > 0일 때만이 아니라 "
        "≥ 0일 때 발화합니다"
    ),
    "your function makes its own random start and ignores the one it is given: "
    "start from the weights and bias passed in": (
        "함수가 받은 시작점을 무시하고 무작위 시작점을 새로 만듭니다: 인자로 받은 가중치와 "
        "편향에서 시작하세요"
    ),
    "your loop ignores `epochs`: with epochs=5 it must stop after 5 passes, "
    "even when mistakes are left": (
        "반복문이 `epochs`를 무시합니다: epochs=5이면 실수가 남아 있어도 다섯 번 훑은 뒤 "
        "멈춰야 합니다"
    ),
    "your function sets its own start, rate and number of epochs, as the lesson's cell does: "
    "use the weights, bias, learning_rate and epochs it is given": (
        "수업의 셀처럼 함수가 시작점, 학습률, 에포크 수를 스스로 정합니다: 함수가 받은 "
        "weights, bias, learning_rate, epochs를 쓰세요"
    ),
    "update after every row, before the next row's weighted sum: you computed a "
    "whole epoch's predictions with the weights from the start of the epoch": (
        "행마다, 다음 행의 가중합을 구하기 전에 업데이트하세요. 지금은 에포크 하나의 예측을 "
        "모두 그 에포크 시작 때의 가중치로 계산했습니다"
    ),
    "stop only after a whole epoch without a mistake, not at the first row that is right": (
        "처음 맞힌 행에서가 아니라, 한 에포크 전체를 틀리지 않았을 때에만 멈추세요"
    ),
    "that is one pass over the truth table: repeat the pass up to `epochs` times": (
        "진리표를 한 번만 훑었습니다: 이 과정을 최대 `epochs`번 반복하세요"
    ),
    "on {run} your final weights differ from the library's: print each step "
    "(sum, step, error, new weights) and compare it with the rule": (
        "{run}에서 최종 가중치가 라이브러리의 결과와 다릅니다. 단계마다 (가중합, 계단 함수 값, "
        "오차, 새 가중치)를 출력해서 학습 규칙과 비교해 보세요"
    ),
    # lesson 02
    "Exercise 2.1 (NOT with a chosen threshold)": "연습 문제 2.1 (문턱값을 정한 NOT)",
    "with w = 0 the sum is the same for every x, so there is no threshold": (
        "w = 0이면 x가 무엇이든 합이 같으므로 문턱값이 없습니다"
    ),
    "your threshold −b/w is at x = {threshold}, not at {wanted}": (
        "문턱값 −b/w가 x = {threshold}에 있습니다. x = {wanted}에 와야 합니다"
    ),
    "the threshold is right, but with a positive weight the neuron fires above it; "
    "NOT must fire for the small inputs": (
        "문턱값은 맞지만, 가중치가 양수이면 뉴런이 문턱값보다 큰 쪽에서 발화합니다. "
        "NOT은 작은 입력에서 발화해야 합니다"
    ),
    "Exercise 2.2 (search the seeds)": "연습 문제 2.2 (시드 찾기)",
    "that many seeds did not converge: count the runs whose converged_ is True": (
        "그 수는 수렴하지 않은 시드의 개수입니다: converged_가 True인 실행을 세세요"
    ),
    "that is the count at learning rate 0.1: train at learning rate 1.0": (
        "그건 학습률 0.1에서 센 개수입니다: 학습률 1.0으로 학습시키세요"
    ),
    "that many converge within 100 epochs: give each run a budget of epochs=3": (
        "그건 100 에포크 안에 수렴하는 개수입니다: 실행마다 epochs=3으로 에포크 한도를 정하세요"
    ),
    "Exercise 2.3 (NAND at learning rate 1.0)": "연습 문제 2.3 (학습률 1.0의 NAND)",
    "that is the run at learning rate 0.1: use learning_rate=1.0": (
        "그건 학습률 0.1로 실행한 결과입니다: learning_rate=1.0을 쓰세요"
    ),
    "that is seed 0's run: use seed=3": "그건 시드 0의 결과입니다: seed=3을 쓰세요",
    "that is the run shown in the lesson (rate 0.1, seed 0): use learning_rate=1.0 and seed=3": (
        "그건 수업에서 본 실행(학습률 0.1, 시드 0)입니다: learning_rate=1.0과 seed=3을 쓰세요"
    ),
    "more epochs than at rate 0.1: the first step of 1.0 pushes the line too far "
    "(it overshoots), so a row that was right goes wrong and later steps must fix it": (
        "학습률 0.1일 때보다 에포크가 더 듭니다. 1.0만큼의 첫 걸음이 직선을 너무 멀리 밀어서"
        "(오버슈팅) 맞던 행을 틀리게 만들고, 그 뒤의 단계들이 이를 다시 고쳐야 합니다"
    ),
    # lesson 03
    "Exercise 3.1 (the fourth corner)": "연습 문제 3.1 (네 번째 꼭짓점)",
    "XOR has two inputs, so give 2 weights": "XOR는 입력이 두 개이므로 가중치도 2개 쓰세요",
    "give finite numbers: a weight or the bias is inf or nan": (
        "유한한 숫자를 쓰세요: 가중치나 편향에 inf나 nan이 있습니다"
    ),
    "with w = (0, 0) there is no line: the sum is b at every point, so all four "
    "points get the same answer; give at least one weight a value other than 0": (
        "w = (0, 0)이면 직선이 없습니다: 어느 점에서나 합이 b라서 네 점이 모두 같은 답을 "
        "받습니다. 가중치 중 적어도 하나는 0이 아닌 값으로 정하세요"
    ),
    "3 of 4 right, and the one wrong point is (1, 0)": (
        "4개 중 3개가 맞고, 틀린 한 점이 (1, 0)입니다"
    ),
    "3 of 4 right, but the wrong point is {point}: make (1, 0) the wrong one": (
        "4개 중 3개는 맞지만 틀린 점이 {point}입니다: (1, 0)이 틀리도록 만드세요"
    ),
    "{count} of 4 are on the wrong side; a line gets 3 right when one point is alone "
    "on one side of it and the other three share the other side": (
        "4개 중 {count}개가 잘못된 쪽에 있습니다. 직선 한쪽에 점 하나만 있고 나머지 셋이 "
        "반대쪽에 함께 있을 때 3개가 맞습니다"
    ),
    "Exercise 3.2 (XNOR from gates)": "연습 문제 3.2 (게이트로 XNOR 만들기)",
    "pass a function of two inputs, e.g. def xnor(a, b): ...": (
        "입력 두 개를 받는 함수를 넘기세요. 예: def xnor(a, b): ..."
    ),
    "that computes XOR, so every answer is flipped; look at XNOR's rows that are 1 and "
    "ask which trained gate says 1 on each of them": (
        "그건 XOR를 계산해서 답이 모두 뒤집혀 있습니다. XNOR가 1인 행들을 보고, 그 행마다 "
        "1이라고 답하는 학습된 게이트가 무엇인지 생각해 보세요"
    ),
    "right table, but no trained perceptron answered: build it from gates' .predict": (
        "진리표는 맞지만 학습된 퍼셉트론이 답한 적이 없습니다: 게이트들의 .predict로 만드세요"
    ),
    # lesson 04
    "Exercise 4.1 (count the parameters)": "연습 문제 4.1 (파라미터 세기)",
    "pass the function itself: check_count_parameters(count_parameters)": (
        "함수 자체를 넘기세요: check_count_parameters(count_parameters)"
    ),
    "parameter_count() belongs to gatelab's GateMLP only; count the numbers in "
    "model.parameters() yourself": (
        "parameter_count()는 gatelab의 GateMLP에만 있습니다. model.parameters()의 숫자를 "
        "직접 세세요"
    ),
    "return one whole number; for a {shape} network it gave {got}": (
        "정수 하나를 반환하세요. {shape} 신경망에서 반환한 값: {got}"
    ),
    "right for every network tried, from 2 → 1 → 1 to 3 → 5 → 1": (
        "2 → 1 → 1부터 3 → 5 → 1까지, 시험한 모든 신경망에서 맞습니다"
    ),
    "you counted the tensors; count the numbers inside each (.numel())": (
        "텐서의 개수를 셌습니다. 각 텐서 안의 숫자를 세세요(.numel())"
    ),
    "it gives {got} for every network: read the sizes from the model": (
        "어떤 신경망에서든 반환한 값이 {got}입니다: 크기를 모델에서 읽으세요"
    ),
    "on {shape} that is the weights only (or the hidden layer only): add the "
    "biases, and the output layer": (
        "{shape}에서 그건 가중치만(또는 은닉층만) 센 값입니다: 편향과 출력층도 더하세요"
    ),
    "right with 2 inputs, not on {shape}: read the number of inputs from the model "
    "too (hidden.weight has one column per input)": (
        "입력이 2개일 때는 맞지만 {shape}에서는 틀립니다: 입력 개수도 모델에서 읽으세요"
        "(hidden.weight는 입력 하나당 열이 하나입니다)"
    ),
    "on {shape} it gives {got}, not the number of weights and biases: add up the sizes "
    "of every tensor in model.parameters()": (
        "{shape}에서 반환한 값은 {got}인데, 가중치와 편향의 개수가 아닙니다: model.parameters()의 "
        "모든 텐서 크기를 더하세요"
    ),
    "Exercise 4.2 (the forward pass by hand)": "연습 문제 4.2 (순전파를 손으로)",
    "pass the function itself: check_forward_by_hand(forward_by_hand)": (
        "함수 자체를 넘기세요: check_forward_by_hand(forward_by_hand)"
    ),
    "it calls a layer (net(X) or net.hidden(X)); write the sums out with "
    "net.hidden.weight and net.hidden.bias instead": (
        "층을 호출하고 있습니다(net(X)나 net.hidden(X)). 대신 net.hidden.weight와 "
        "net.hidden.bias로 가중합을 직접 쓰세요"
    ),
    "the shapes do not fit: a layer's weight is (out, in), one row per unit, "
    "so multiply by its transpose: X @ weight.T": (
        "모양이 맞지 않습니다: 층의 가중치는 (출력, 입력) 모양으로 유닛마다 한 행이니, "
        "전치해서 곱하세요: X @ weight.T"
    ),
    "return the logits as a tensor, one number per row": (
        "로짓을 텐서로, 행마다 숫자 하나씩 반환하세요"
    ),
    "right numbers, shape (4, 1): use .squeeze(-1) for one logit per row": (
        "숫자는 맞지만 모양이 (4, 1)입니다: .squeeze(-1)로 행마다 로짓 하나가 되게 하세요"
    ),
    "give one logit per row, shape (4,), not {shape}": (
        "행마다 로짓 하나씩, 모양 (4,)로 반환하세요. 지금 모양은 {shape}입니다"
    ),
    "those are probabilities: the network returns logits (no sigmoid)": (
        "그건 확률입니다: 신경망은 로짓을 반환합니다(시그모이드 없이)"
    ),
    "the hidden sums must go through tanh before the output layer": (
        "은닉층의 가중합은 출력층에 가기 전에 tanh를 거쳐야 합니다"
    ),
    "add each layer's bias after its weighted sum": "층마다 가중합 뒤에 편향을 더하세요",
    "the hidden layer is right, but the output layer's bias is missing": (
        "은닉층은 맞지만 출력층의 편향이 빠졌습니다"
    ),
    "the output layer is right, but the hidden layer's bias is missing": (
        "출력층은 맞지만 은닉층의 편향이 빠졌습니다"
    ),
    "the logits differ from net(X): in your own notebook, compare each step with "
    "the layers (net.hidden(X), then net.act, then net.output) to find the first "
    "step that differs": (
        "로짓이 net(X)와 다릅니다: 여러분의 노트북에서 단계마다 층의 결과(net.hidden(X), "
        "그다음 net.act, 그다음 net.output)와 비교해서 처음으로 달라지는 단계를 찾으세요"
    ),
    "your logits equal net(X) for two different networks": (
        "서로 다른 두 신경망에서 여러분의 로짓이 net(X)와 같습니다"
    ),
    "Exercise 4.3 (XNOR with 3 hidden units)": "연습 문제 4.3 (은닉 유닛 3개로 XNOR)",
    "answer with how many of the 10 seeds learn it: 0 to 10": (
        "시드 10개 중 몇 개가 학습에 성공하는지 답하세요: 0에서 10 사이"
    ),
    "that is what the runs give": "실제로 돌려 본 결과와 같습니다",
    "that is what the runs give (your guess before running: {guess})": (
        "실제로 돌려 본 결과와 같습니다(돌리기 전 여러분의 예상: {guess})"
    ),
    "that is XOR's count: train XNOR": "그건 XOR로 센 개수입니다: XNOR를 학습시키세요",
    "that is the count with 2 hidden units: use hidden_size=3": (
        "그건 은닉 유닛이 2개일 때의 개수입니다: hidden_size=3을 쓰세요"
    ),
    "that is what the default hidden size gives: check that your runs really have 3 hidden units": (
        "그건 기본 은닉 크기일 때의 결과입니다: 실행마다 은닉 유닛이 정말 3개인지 확인하세요"
    ),
    "that is how many seeds fail: count the runs that get all four rows right": (
        "그건 실패한 시드의 개수입니다: 네 행을 모두 맞힌 실행을 세세요"
    ),
    "no run counted: check what you compare the predictions with; they must equal "
    "XNOR's targets, not the XOR targets from the lesson": (
        "센 실행이 하나도 없습니다: 예측을 무엇과 비교하는지 확인하세요. 수업의 XOR 정답이 "
        "아니라 XNOR의 정답과 같아야 합니다"
    ),
    "that is not what the runs give: print each seed's four predictions beside "
    "XNOR's targets, then count the seeds where all four agree": (
        "실제로 돌려 본 결과와 다릅니다: 시드마다 네 개의 예측을 XNOR의 정답 옆에 출력해 보고, "
        "네 개가 모두 같은 시드를 세세요"
    ),
    "Exercise 4.4 (write the training loop)": "연습 문제 4.4 (학습 루프 직접 쓰기)",
    "pass the function itself: check_train_loop(train_loop)": (
        "함수 자체를 넘기세요: check_train_loop(train_loop)"
    ),
    "{gate} with {hidden_size} hidden units, {epochs} epochs, lr={lr}, seed {seed}": (
        "은닉 유닛 {hidden_size}개, {epochs} 에포크, lr={lr}, 시드 {seed}인 {gate}"
    ),
    "the loss has no gradients to follow: train outside torch.no_grad(), "
    "which is only for looking": (
        "손실에 따라갈 기울기가 없습니다: torch.no_grad() 밖에서 학습시키세요. "
        "torch.no_grad()는 값을 들여다볼 때만 씁니다"
    ),
    "it never runs the network it is given: train `model`, not a network from the "
    "notebook such as `net`": (
        "받은 신경망을 한 번도 실행하지 않습니다: `net` 같은 노트북의 신경망이 아니라 "
        "`model`을 학습시키세요"
    ),
    "no gradient ever reaches the weights: one of the four steps is missing, the one "
    "that fills in the gradients": (
        "가중치에 기울기가 한 번도 오지 않습니다: 네 단계 중 하나, 기울기를 채우는 단계가 "
        "빠졌습니다"
    ),
    "the weights never move, so the loss never changes: one of the four steps is "
    "missing, the one that moves the weights": (
        "가중치가 전혀 움직이지 않아서 손실도 그대로입니다: 네 단계 중 하나, 가중치를 "
        "움직이는 단계가 빠졌습니다"
    ),
    "the optimizer does not hold this network's weights: make it from the parameters "
    "of `model`, the network the function is given": (
        "옵티마이저가 이 신경망의 가중치를 갖고 있지 않습니다: 함수가 받은 신경망인 "
        "`model`의 파라미터로 옵티마이저를 만드세요"
    ),
    "the optimizer steps before the backward pass has filled in this epoch's "
    "gradients: which step needs the result of which?": (
        "역전파가 이번 에포크의 기울기를 채우기 전에 옵티마이저가 가중치를 움직입니다: "
        "어느 단계가 어느 단계의 결과를 필요로 하는지 생각해 보세요"
    ),
    "the gradients are cleared between the backward pass and the step, so the step "
    "has nothing to follow": (
        "역전파와 가중치 갱신 사이에 기울기를 지워서, 갱신할 때 따라갈 기울기가 없습니다"
    ),
    "it takes {steps} optimizer steps for epochs={epochs}: take one step per epoch": (
        "epochs={epochs}인데 옵티마이저가 {steps}번 움직입니다: 에포크마다 한 번씩 움직이세요"
    ),
    "you make a new optimizer in every epoch, so Adam forgets the running averages "
    "of the gradients: make it once, before the loop": (
        "에포크마다 옵티마이저를 새로 만들어서 Adam이 기울기의 이동 평균을 잊어버립니다: "
        "루프 전에 한 번만 만드세요"
    ),
    "the gradients pile up: PyTorch adds each backward pass's gradients to the old "
    "ones, so every epoch must start from cleared gradients. Which of the four steps "
    "does that?": (
        "기울기가 쌓입니다: PyTorch는 역전파할 때마다 새 기울기를 예전 기울기에 더하므로, "
        "에포크마다 기울기를 지운 상태에서 시작해야 합니다. 네 단계 중 어느 단계가 그 일을 "
        "하나요?"
    ),
    "that optimizer is {name}, which moves the weights differently: the lesson trains with Adam": (
        "그 옵티마이저({name})는 가중치를 다르게 움직입니다: 수업에서는 Adam으로 학습시킵니다"
    ),
    "the optimizer's learning rate is {rate}: use `lr`, the rate the function is given ({lr})": (
        "옵티마이저의 학습률이 {rate}입니다: 함수가 받은 학습률 `lr`({lr})을 쓰세요"
    ),
    "the loss gets its two inputs the wrong way round: first what the network says, "
    "then the targets": (
        "손실 함수에 두 입력을 거꾸로 넣었습니다: 먼저 신경망의 출력, 그다음 정답입니다"
    ),
    "that looks like mean squared error; the lesson trains with binary cross-entropy "
    "on the logits (section 4)": (
        "평균 제곱 오차처럼 보입니다. 수업에서는 로짓에 이진 교차 엔트로피를 써서 학습시킵니다(4절)"
    ),
    "the loss applies the sigmoid itself: give it the network's logits, not probabilities": (
        "손실 함수가 시그모이드를 직접 적용합니다: 확률이 아니라 신경망의 로짓을 넣으세요"
    ),
    "on {run} the steps come in the right order, but the weights end up elsewhere "
    "than with train_mlp: check the loss function and what you give it": (
        "{run}에서 단계의 순서는 맞지만 가중치가 train_mlp와 다른 곳에서 끝납니다: "
        "손실 함수와 거기에 넣는 값을 확인하세요"
    ),
    "your loop trains well but returns nothing: return the loss of every epoch": (
        "루프는 잘 학습시키지만 아무것도 반환하지 않습니다: 에포크마다의 손실을 반환하세요"
    ),
    "return a list with one loss per epoch: {epochs} numbers for epochs={epochs}": (
        "에포크마다 손실 하나씩 리스트로 반환하세요: epochs={epochs}이면 숫자 {epochs}개입니다"
    ),
    "the weights are right, but the losses differ: record each epoch's loss from its "
    "forward pass, as a number (.item())": (
        "가중치는 맞지만 손실이 다릅니다: 에포크마다 순전파에서 나온 손실을 숫자로"
        "(.item()) 기록하세요"
    ),
    "your loop ends with the same weights and losses as train_mlp, for two networks": (
        "두 신경망 모두에서 여러분의 루프가 train_mlp와 같은 가중치와 손실로 끝납니다"
    ),
    # lesson 05
    "Exercise 5.1 (bytes for {parameters} float32 parameters)": (
        "연습 문제 5.1 (float32 파라미터 {parameters}개의 바이트 수)"
    ),
    "that is float64 (8 bytes each); float32 is 32 bits = 4 bytes": (
        "그건 float64(하나에 8바이트)입니다. float32는 32비트 = 4바이트입니다"
    ),
    "32 is the number of bits; a byte is 8 bits": "32는 비트 수입니다. 1바이트는 8비트입니다",
    "that is float16; float32 takes 4 bytes": "그건 float16입니다. float32는 4바이트를 씁니다",
    "that is the number of parameters: multiply it by the bytes that one float32 number takes": (
        "그건 파라미터 개수입니다: float32 숫자 하나가 차지하는 바이트 수를 곱하세요"
    ),
    "Exercise 5.2 (servers to train 175 billion parameters)": (
        "연습 문제 5.2 (파라미터 1,750억 개를 학습시키는 데 필요한 서버)"
    ),
    "part of a server is still a whole server: round up": (
        "서버의 일부만 써도 서버 한 대가 필요합니다: 올림하세요"
    ),
    "round up: part of a server is still a whole server": (
        "올림하세요: 서버의 일부만 써도 서버 한 대가 필요합니다"
    ),
    "that holds the {dtype} weights alone; training keeps {bytes} bytes per parameter": (
        "그건 {dtype} 가중치만 담는 수입니다. 학습할 때는 파라미터 하나에 {bytes}바이트가 "
        "필요합니다"
    ),
    "that is the memory in GB: how many 640 GB servers hold it?": (
        "그건 GB로 잰 메모리입니다: 640 GB 서버 몇 대에 들어갈까요?"
    ),
    "Exercise 5.3 (save and load the XOR network)": "연습 문제 5.3 (XOR 신경망 저장하고 불러오기)",
    "pass all three: check_xor_round_trip(fresh, trained, path)": (
        "세 가지를 모두 넘기세요: check_xor_round_trip(fresh, trained, path)"
    ),
    "that is what load_state_dict returns: a report of missing and unexpected keys, not the "
    "network; pass the network you loaded the file into": (
        "그건 load_state_dict가 반환하는 값입니다. 빠진 키와 예상하지 못한 키를 알려 주는 "
        "보고일 뿐, 신경망이 아닙니다. 파일을 불러온 신경망 자체를 넘기세요"
    ),
    "pass the fresh network you loaded the file into, e.g. a GateMLP": (
        "파일을 불러온 새 신경망(예를 들어 GateMLP)을 넘기세요"
    ),
    "that is `trained` itself: it had these weights before anything was loaded, "
    "so it proves nothing; the check needs a second, fresh network": (
        "그건 `trained` 자신입니다. 불러오기 전부터 이 가중치를 갖고 있었으니 아무것도 "
        "증명하지 못합니다. 확인하려면 두 번째 새 신경망이 필요합니다"
    ),
    "`trained` does not compute XOR: keep the line that trains it": (
        "`trained`가 XOR를 계산하지 못합니다: 학습시키는 줄을 지우지 마세요"
    ),
    "the fresh network's {name} has shape {got}, trained's has {wanted}: "
    "the two networks are not the same size": (
        "새 신경망의 {name} 모양은 {got}인데 trained의 것은 {wanted}입니다: "
        "두 신경망의 크기가 다릅니다"
    ),
    "the fresh network still has its own random starting weights: "
    "the tensors in the file never reached it": (
        "새 신경망에 아직 처음의 무작위 가중치가 그대로 있습니다: "
        "파일의 텐서가 이 신경망에 들어가지 않았습니다"
    ),
    "same weights, other answers: the fresh network is built differently; "
    "compare its architecture with trained's": (
        "가중치는 같은데 답이 다릅니다: 새 신경망의 구조가 다릅니다. "
        "trained의 구조(architecture)와 비교해 보세요"
    ),
    "the fresh network gives exactly trained's logits on all four rows": (
        "새 신경망이 네 행 모두에서 trained와 똑같은 로짓을 냅니다"
    ),
    "there is no file {name}: nothing was saved at `path`": (
        "{name} 파일이 없습니다: `path`에 아무것도 저장되지 않았습니다"
    ),
    "that file was written by torch.save (a zip with a pickle inside), "
    "not in the safetensors format": (
        "그 파일은 torch.save로 쓴 파일(안에 피클이 든 zip 아카이브)이고, "
        "safetensors 형식이 아닙니다"
    ),
    "{name} is not a safetensors file: it does not start with a safetensors header": (
        "{name} 파일은 safetensors 형식이 아닙니다: safetensors 헤더로 시작하지 않습니다"
    ),
    "the file holds tensors named {saved}, but trained's state_dict has {expected}": (
        "파일에 든 텐서의 이름은 {saved}인데, trained의 state_dict에 있는 이름은 {expected}입니다"
    ),
    "the file holds the fresh network's random weights, not trained's: "
    "which network did you save?": (
        "파일에 trained가 아니라 새 신경망의 무작위 가중치가 들어 있습니다: "
        "어느 신경망을 저장했나요?"
    ),
    "the file's weights are not trained's: did you save an untrained network, "
    "or save before training?": (
        "파일의 가중치가 trained의 것이 아닙니다: 학습하지 않은 신경망을 저장했거나, "
        "학습 전에 저장하지 않았나요?"
    ),
    # lesson 06
    "Exercise 6.1 (add DELETE /models/{gate})": "연습 문제 6.1 (DELETE /models/{gate} 추가하기)",
    "pass your FastAPI app itself: answer = app": "FastAPI 앱 자체를 넘기세요: answer = app",
    "this app has no POST /train/{gate}: pass the app of your main.py": (
        "이 앱에는 POST /train/{gate}가 없습니다: main.py의 앱을 넘기세요"
    ),
    "/models/{{gate}} takes {taken} only: removing is the DELETE method, "
    "so decorate the function with @app.delete(...)": (
        "/models/{{gate}}는 {taken}만 받습니다. 삭제는 DELETE 메서드이니 함수에 "
        "@app.delete(...)를 붙이세요"
    ),
    "no route matches /models/AND: the path is /models/{gate}, with the gate in braces": (
        "/models/AND에 맞는 경로가 없습니다: 경로는 /models/{gate}이고, gate는 중괄호 안에 씁니다"
    ),
    "POST /train/AND failed: run the cells that write and import main.py": (
        "POST /train/AND가 실패했습니다: main.py를 쓰고 import하는 셀들을 실행하세요"
    ),
    "DELETE /models/AND crashed the route (a 500): read its error": (
        "DELETE /models/AND에서 경로 함수가 오류로 멈췄습니다(500): 오류 내용을 읽어 보세요"
    ),
    "DELETE /models/AND of a trained gate answered {code}: a delete that worked "
    "is a 200, FastAPI's answer when the function returns": (
        "학습된 게이트의 DELETE /models/AND가 {code}로 응답했습니다. 삭제에 성공하면 200이고, "
        "함수가 return하면 FastAPI가 그렇게 응답합니다"
    ),
    'DELETE /models/and should answer the JSON {"deleted": "AND"}: '
    "the gate's name in capitals, however it was asked": (
        'DELETE /models/and에는 JSON {"deleted": "AND"}로 응답해야 합니다: 어떻게 요청하든 '
        "게이트 이름은 대문자로 씁니다"
    ),
    "GET /predict/AND/0/0 still answers after the delete: predict found the "
    "model again, in the `models` dict or in its file": (
        "삭제한 뒤에도 GET /predict/AND/0/0이 답합니다: predict가 `models` 딕셔너리나 "
        "파일에서 모델을 다시 찾았습니다"
    ),
    "crashed (a 500)": "오류로 멈췄습니다(500)",
    "answered {code}": "{code}로 응답했습니다",
    "deleting AND a second time {said}: a gate with no model is not found, "
    "so raise HTTPException(404, ...) (trained_model(name) does it)": (
        "AND를 두 번째로 삭제하니 {said}. 모델이 없는 게이트는 찾을 수 없는 것이므로 "
        "HTTPException(404, ...)를 raise하세요(trained_model(name)이 해 줍니다)"
    ),
    "DELETE /models/XAND answered {code}: an unknown gate is not found either "
    "(find_gate does that)": (
        "DELETE /models/XAND가 {code}로 응답했습니다: 모르는 게이트도 찾을 수 없는 것입니다"
        "(find_gate가 해 줍니다)"
    ),
    "your API can forget a model, and says 404 when there is none": (
        "여러분의 API가 모델을 지울 수 있고, 모델이 없으면 404라고 답합니다"
    ),
    # lesson 07
    "Exercise 7.1 (one request for a whole truth table)": (
        "연습 문제 7.1 (요청 한 번으로 진리표 전체 묻기)"
    ),
    "pass the function itself: ex.check_batch_request(served_answers)": (
        "함수 자체를 넘기세요: ex.check_batch_request(served_answers)"
    ),
    "one request per gate, and the server's own answers, even from its undertrained models": (
        "게이트마다 요청 한 번이고, 덜 학습된 모델의 답까지 서버가 준 그대로입니다"
    ),
    "JSON holds plain lists, not numpy arrays: turn the rows into lists first": (
        "JSON에는 numpy 배열이 아니라 평범한 리스트만 들어갑니다: 먼저 행들을 리스트로 바꾸세요"
    ),
    "{call} sent no request through `client`: the answers must come from the "
    "server behind the client the check passes in": (
        "{call}에서 `client`로 보낸 요청이 하나도 없습니다: 답은 확인 코드가 넘겨준 "
        "client 뒤의 서버에서 와야 합니다"
    ),
    "{call} sent {count} requests: one request can carry every row": (
        "{call}에서 요청을 {count}번 보냈습니다: 요청 한 번에 모든 행을 담을 수 있습니다"
    ),
    "{call} sent {method} {path}: which route answers many rows at once?": (
        "{call}에서 보낸 요청은 {method} {path}입니다: 여러 행에 한 번에 답하는 라우트는 "
        "무엇일까요?"
    ),
    "return the list of results, not the response": (
        "응답(response)이 아니라 결과(results) 리스트를 반환하세요"
    ),
    "return the list of results, not the whole JSON answer": (
        "JSON 응답 전체가 아니라 결과(results) 리스트를 반환하세요"
    ),
    "{call} returned {got}: return a list of 0s and 1s": (
        "{call}의 반환값은 {got}입니다: 0과 1로 된 리스트를 반환하세요"
    ),
    "for {gate} that is the gate's true truth table, but this server's {gate} model "
    "learned too little and answers otherwise: return what the server says": (
        "{gate}에 대해 반환한 것은 게이트의 진짜 진리표입니다. 하지만 이 서버의 {gate} 모델은 "
        "덜 학습되어 다르게 답합니다: 서버가 답한 것을 반환하세요"
    ),
    "for {gate} it returned {got}, but the server answers {served} for the truth "
    "table's rows in order": (
        "{gate}에 대한 반환값은 {got}입니다. 하지만 진리표의 행을 순서대로 물으면 서버의 "
        "답은 {served}입니다"
    ),
    "the server answered {code} to the request of {call}: {detail}": (
        "{call}의 요청에 서버가 응답한 상태 코드는 {code}입니다: {detail}"
    ),
    "Exercise 7.2 (which error, and why)": "연습 문제 7.2 (어떤 오류이고, 왜일까요)",
    "fill in the dict of the exercise cell: one code per request": (
        "연습 문제 셀의 딕셔너리를 채우세요: 요청마다 코드 하나씩"
    ),
    "replace every `...` in the dict with a status code": (
        "딕셔너리의 `...`를 모두 상태 코드로 바꾸세요"
    ),
    "all four codes right": "네 코드 모두 맞습니다",
    "{right} of 4 right. {hints}": "4개 중 {right}개가 맞습니다. {hints}",
    "the path exists, but not with this method": "경로는 있지만 이 메서드는 받지 않습니다",
    "the route exists and the gate too, but the data does not fit it": (
        "경로도 있고 게이트도 있지만, 데이터가 맞지 않습니다"
    ),
    "the gate and the path are right, but what has this new server learned so far?": (
        "게이트도 경로도 맞습니다. 그런데 이 새 서버는 지금까지 무엇을 학습했을까요?"
    ),
    "this request changes the models, on a server that has a key": (
        "이 요청은 키가 있는 서버에서 모델을 바꿉니다"
    ),
    "Exercise 7.3 (train a gate on the class server)": (
        "연습 문제 7.3 (반 전체용 서버에서 게이트 학습시키기)"
    ),
    "pass the function itself: ex.check_train_with_key(train_for_class)": (
        "함수 자체를 넘기세요: ex.check_train_with_key(train_for_class)"
    ),
    "NAND and XOR trained on a server with a key, each with the seed asked": (
        "키가 있는 서버에서 NAND와 XOR를 각각 요청한 시드로 학습시켰습니다"
    ),
    "{call} trained, but returned None: return the response": (
        "{call}에서 학습은 시켰지만 None을 반환했습니다: 응답(response)을 반환하세요"
    ),
    "return the response itself, not its .json()": (
        ".json()이 아니라 응답(response) 자체를 반환하세요"
    ),
    "{call} returned {got}: return the response of your request": (
        "{call}의 반환값은 {got}입니다: 보낸 요청의 응답(response)을 반환하세요"
    ),
    "the request went to another server: build its address from the `url` argument": (
        "요청이 다른 서버로 갔습니다: 주소는 `url` 인자로 만드세요"
    ),
    "the server answered 405 to {method}: in training the server computes a new "
    "model, and the client sends none (section 2 says which method fits)": (
        "서버가 {method} 요청에 405로 응답했습니다: 학습에서는 서버가 새 모델을 계산하고, "
        "클라이언트는 모델을 보내지 않습니다(어떤 메서드가 맞는지는 2절에 있습니다)"
    ),
    "the server answered {code} to {call}: {detail}": (
        "{call}에 서버가 응답한 상태 코드는 {code}입니다: {detail}"
    ),
    "{call} trained something, but not {gate}: the gate is part of the path": (
        "{call}에서 무언가를 학습시켰지만 {gate} 게이트는 아닙니다: 게이트 이름은 경로의 일부입니다"
    ),
    "{gate} was trained, but not with seed {seed}: the seed goes in the request's JSON body": (
        "{gate} 게이트는 학습되었지만, 요청한 시드 {seed} 값이 쓰이지 않았습니다: 시드는 "
        "요청의 JSON 본문에 넣습니다"
    ),
    "the server answered 401: the request carried no key; a server with a key "
    "reads it from one request header (its 401 says which)": (
        "서버가 401로 응답했습니다: 요청에 키가 없습니다. 키가 있는 서버는 요청 헤더 하나에서 "
        "키를 읽습니다(어느 헤더인지는 401 응답이 알려 줍니다)"
    ),
    "the server answered 401: the Authorization header holds the word Bearer, "
    "a space, then the key": (
        "서버가 401로 응답했습니다: Authorization 헤더에는 Bearer라는 단어, 공백 한 칸, "
        "그다음 키가 들어갑니다"
    ),
    "the server answered 401: the request sent a key, but not the one given in "
    "the `key` argument": (
        "서버가 401로 응답했습니다: 요청이 키를 보냈지만 `key` 인자로 받은 키가 아닙니다"
    ),
    "the server answered 401: read its detail": (
        "서버가 401로 응답했습니다: 응답의 detail을 읽어 보세요"
    ),
}

# gatelab.tables: the learning steps and the truth-table check (lessons 01-02)
TABLES: dict[str, str] = {
    "epoch": "에포크",
    "input x": "입력 x",
    "weights w": "가중치 w",
    "bias b": "편향 b",
    "says": "출력",
    "target": "목표값",
    "error": "오차",
    "ok": "맞음",
    "Learning steps ({shown} shown)": "학습 단계({shown}개 표시)",
    "Learning steps (first {shown} of {total} shown)": (
        "학습 단계({total}개 중 처음 {shown}개 표시)"
    ),
    "{gate}: {right} of {rows} right": "{gate}: {rows}개 중 {right}개 맞음",
}

# gatelab.plots (one module per lesson): titles, axis labels, legends
PLOTS: dict[str, str] = {
    "wrong side": "잘못된 쪽",
    "says 0 here": "0으로 판단하는 영역",
    "says 1 here": "1로 판단하는 영역",
    "boundary": "결정 경계",
    "your input": "지금 넣은 입력",
    "w·x + b = {total}, so the step gives {output}": (
        "w·x + b = {total}이므로 계단 함수 출력은 {output}"
    ),
    "threshold x = {threshold}": "문턱값 x = {threshold}",
    "x (the one input)": "x (유일한 입력)",
    "{gate}: the four inputs": "{gate}: 네 가지 입력",
    "NOT: one input, one threshold": "NOT: 입력 하나, 문턱값 하나",
    "{gate}: the learned boundary": "{gate}: 학습한 결정 경계",
    "{gate}: {right} of 4 right": "{gate}: 4개 중 {right}개 맞음",
    "start of each epoch": "각 에포크를 시작할 때의 직선",
    "after training": "학습 후",
    "{gate}: the boundary epoch by epoch": "{gate}: 에포크마다 바뀌는 결정 경계",
    "mistakes in that epoch": "해당 에포크의 실수",
    "no mistake": "실수 없음",
    "rows predicted wrong": "틀리게 예측한 행",
    "mistakes per epoch": "에포크별 실수",
    "epoch {epoch} made no mistake: converged": "에포크 {epoch}에서 실수 없음: 수렴",
    "never converged in {epochs} epochs": "{epochs} 에포크 동안 수렴하지 않음",
    "learning rate": "학습률",
    "epochs to converge": "수렴까지 걸린 에포크",
    "Median over {seeds} seeds (bars: the middle half of the seeds)": (
        "시드 {seeds}개의 중앙값(막대: 가운데 절반의 시드)"
    ),
    "gate": "게이트",
    "the row this step looks at": "이 단계에서 보는 행",
    "wrong, so the line moves": "틀림: 직선이 움직임",
    "right, so the line stays": "맞음: 직선은 그대로",
    "the line is off the picture:\nevery point gets {output}": (
        "직선이 그림 밖으로 나감:\n모든 점의 출력이 {output}"
    ),
    "step {number}: ({x1},{x2}) says {output}\n{verdict}": (
        "{number}단계: ({x1},{x2})의 출력은 {output}\n{verdict}"
    ),
    "{gate}, epoch {epoch}: the line before each update": (
        "{gate}, 에포크 {epoch}: 업데이트 직전의 직선"
    ),
    "between the two 1s": "두 1을 잇는 대각선",
    "between the two 0s": "두 0을 잇는 대각선",
    "shared midpoint": "공통 중점",
    "(½, ½): the middle of both diagonals": "(½, ½): 두 대각선의 중점",
    "XOR: the diagonals cross": "XOR: 두 대각선이 (½, ½)에서 만남",
    "{line}\n{wrong} of 4 wrong": "{line}\n4개 중 {wrong}개 틀림",
    "{gate}: 1 only in the band where every line fires": (
        "{gate}: 모든 직선이 1을 내는 띠 안에서만 1"
    ),
    "{name}'s line": "{name}의 직선",
    "from {sources}": "{sources}에서 온 점",
    "{name} (hidden)": "은닉 유닛 {name}의 출력",
    "After the hidden layer: one line is enough": "은닉층을 지나면: 직선 하나로 충분합니다",
    # gatelab.plots.lesson04
    "boundary: p = 0.5": "결정 경계: p = 0.5",
    "P(output = 1)": "P(출력 = 1)",
    "hidden units' lines (thicker: larger |output weight|)": (
        "은닉 유닛의 직선(굵을수록 |출력 가중치|가 큼)"
    ),
    "{gate}: what the network learned": "{gate}: 신경망이 학습한 결과",
    "training loss (final {loss})": "학습 손실(마지막 {loss})",
    "always p = 0.5: ln 2 ≈ 0.693": "항상 p = 0.5로 답할 때: ln 2 ≈ 0.693",
    "loss (binary cross-entropy)": "손실(이진 교차 엔트로피)",
    "Loss over {epochs} epochs": "{epochs} 에포크 동안의 손실",
    "loss over {epochs} epochs": "{epochs} 에포크 동안의 손실",
    "h{unit}: output weight {weight}": "h{unit}: 출력 가중치 {weight}",
    "hidden unit's value": "은닉 유닛의 값",
    "{gate}: each hidden unit splits the plane along its line (largest |output weight| first)": (
        "{gate}: 은닉 유닛마다 자기 직선을 따라 평면을 나눕니다(|출력 가중치|가 큰 순서)"
    ),
    "hidden size {hidden_size} ({activation}), learning rate {rate}, seed {seed}": (
        "은닉 크기 {hidden_size} ({activation}), 학습률 {rate}, 시드 {seed}"
    ),
}

# gatelab.memory: model sizes and the memory calculator (lesson 05)
MEMORY: dict[str, str] = {
    "3 (a perceptron)": "3 (퍼셉트론)",
    "33 (the XOR network)": "33 (XOR 신경망)",
    "1 million": "100만",
    "100 million": "1억",
    "1 billion": "10억",
    "7 billion": "70억",
    "13 billion": "130억",
    "70 billion": "700억",
    "175 billion": "1,750억",
    "405 billion": "4,050억",
    "1 trillion": "1조",
    "{parameters} parameters × {bytes} bytes ({dtype}) = {gb} GB = {share} of one "
    "{server_gb} GB server": (
        "파라미터 {parameters}개 × {bytes}바이트({dtype}) = {gb} GB = {server_gb} GB 서버 "
        "한 대의 {share}"
    ),
    "{dtype}: {bytes} bytes each": "{dtype}: 하나에 {bytes}바이트",
    "one server: {gpus} × {gb_per_gpu} GB = {server_gb} GB": (
        "서버 한 대: {gpus} × {gb_per_gpu} GB = {server_gb} GB"
    ),
    "{label} parameters": "파라미터 {label} 개",
    "memory for the weights": "가중치가 차지하는 메모리",
    "Weights only: does the model fit on one GPU server?": (
        "가중치만 따지면: 모델이 GPU 서버 한 대에 들어갈까요?"
    ),
    "parameters": "파라미터",
    "Memory for the weights": "가중치가 차지하는 메모리",
}

# gatelab.store, gatelab.store_errors, gatelab.model_files: the model store's messages
STORE: dict[str, str] = {
    "invalid model name {name}: choose one of {gates}": (
        "잘못된 모델 이름 {name}: {gates} 중에서 고르세요"
    ),
    "no stored model for {name} yet: train one, e.g. store.save({quoted}, {how})": (
        "저장된 {name} 모델이 아직 없습니다: 하나 학습시켜 저장하세요. "
        "예: store.save({quoted}, {how})"
    ),
    "{filename} holds a safetensors tensor file, not perceptron JSON": (
        "{filename}에는 퍼셉트론 JSON이 아니라 safetensors 텐서 파일이 들어 있습니다"
    ),
    "{filename} holds JSON, not a safetensors tensor file": (
        "{filename}에는 safetensors 텐서 파일이 아니라 JSON이 들어 있습니다"
    ),
    "{filename} is not a gatelab model file: it looks like {sniffed}": (
        "{filename} 파일은 gatelab 모델 파일이 아닙니다: {sniffed}로 보입니다"
    ),
    "{filename} is not valid JSON (truncated?): {detail}": (
        "{filename} 파일은 올바른 JSON이 아닙니다(중간에 잘렸나요?): {detail}"
    ),
    "a Python pickle (the store never unpickles)": (
        "Python 피클 파일(모델 저장소는 피클을 절대 역직렬화하지 않습니다)"
    ),
    "a zip archive such as a torch.save file (the store does not read those)": (
        "torch.save 파일 같은 zip 아카이브(모델 저장소는 이런 파일을 읽지 않습니다)"
    ),
    "an empty file": "빈 파일",
    "unknown bytes": "알 수 없는 바이트",
}

# gatelab.widgets: lessons 01-03 playgrounds (the picture's title and corner note repeat plots'
# words, in the same Korean as the plots' entries)
WIDGETS: dict[str, str] = {
    # every playground
    "Playground: {title} (run the notebook to use the sliders)": (
        "실습 위젯: {title} (노트북을 실행하면 슬라이더를 움직여 볼 수 있습니다)"
    ),
    "gate": "게이트",
    # lesson 01: move an input through a trained gate
    "Move an input through {gate}": "입력을 움직여 {gate}에 넣어 보세요",
    "input x1": "입력 x1",
    "input x2": "입력 x2",
    "w·x + b = {total}, so the step gives {output}": (
        "w·x + b = {total}이므로 계단 함수 출력은 {output}"
    ),
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
    "{gate}: {state} (at most {budget} allowed); weights ({weights}), bias {bias}": (
        "{gate}: {state}(최대 {budget} 에포크까지 허용). 가중치 ({weights}), 편향 {bias}"
    ),
    "epoch {epoch} made no mistake: converged": "에포크 {epoch}에서 실수 없음: 수렴",
    "never converged in {epochs} epochs": "{epochs} 에포크 동안 수렴하지 않음",
}

# gatelab.mlp_widgets: lesson 04's playground
MLP_WIDGETS: dict[str, str] = {
    "{gate}: hidden size {hidden_size}, learning rate {rate}, seed {seed} → "
    "{right} of 4 right, final loss {loss}": (
        "{gate}: 은닉 크기 {hidden_size}, 학습률 {rate}, 시드 {seed} → 4개 중 {right}개 맞음, "
        "마지막 손실 {loss}"
    ),
    "Train the network again": "신경망 다시 학습시키기",
    "hidden size": "은닉 크기",
    "seed": "시드",
}

# gatelab.api_widgets: lesson 07's playground
API_WIDGETS: dict[str, str] = {
    "all four questions for {gate}:": "{gate}에 묻는 네 가지 질문:",
    "run the cells that start it again, then move a slider": (
        "서버를 시작하는 셀을 다시 실행한 뒤 슬라이더를 움직이세요"
    ),
    "The server is stopped, so nothing answered: {restart}.": (
        "서버가 멈춰 있어서 아무도 답하지 않았습니다: {restart}."
    ),
    "Ask the gate API": "게이트 API에 물어보기",
}

# gatelab.check, gatelab._probe: check_api and `gatelab check`, the ✓/✗ lines about a running
# gate API
CHECK: dict[str, str] = {
    "nothing answers at {url}: start the server first (open a terminal, cd to "
    "the folder with main.py and run: fastapi dev main.py)": (
        "{url}에서 아무것도 응답하지 않습니다: 먼저 서버를 시작하세요(터미널을 열고 main.py가 "
        "있는 폴더로 cd한 뒤 fastapi dev main.py를 실행합니다)"
    ),
    "{passed} passed, {failed} failed, {skipped} skipped": (
        "통과 {passed}개, 실패 {failed}개, 건너뜀 {skipped}개"
    ),
    "{url} is not a server address like http://127.0.0.1:8000": (
        "{url}은(는) http://127.0.0.1:8000 같은 서버 주소가 아닙니다"
    ),
    "give at least one gate to check, e.g. AND": "검사할 게이트를 하나 이상 적으세요(예: AND)",
    # one request that went wrong
    "{request} failed: {error}": "{request} 요청이 실패했습니다: {error}",
    "the server stopped answering: look for an error in its terminal": (
        "서버가 응답을 멈췄습니다: 서버 터미널에서 오류를 찾아보세요"
    ),
    "the server broke off its answer: look for an error in its terminal": (
        "서버가 응답을 보내다가 끊었습니다: 서버 터미널에서 오류를 찾아보세요"
    ),
    "{request}: not checked, the server took too long (over {seconds} s in all)": (
        "{request}: 확인하지 못했습니다. 서버가 너무 오래 걸렸습니다(전체 {seconds}초 초과)"
    ),
    "{request} did not answer within {seconds} s": (
        "{request}: {seconds}초 안에 응답하지 않았습니다"
    ),
    "a route should answer in well under a second: look for a sleep or a slow loop": (
        "라우트는 1초보다 훨씬 빨리 응답해야 합니다: sleep이나 느린 반복문이 있는지 찾아보세요"
    ),
    "{request} redirected ({status}) to {location}": (
        "{request}: {location}(으)로 리다이렉트했습니다(상태 코드 {status})"
    ),
    "the route's path ends with /, so FastAPI redirects the path without it: "
    "drop the / at the end of the path in the decorator": (
        "라우트 경로가 /로 끝나서 FastAPI가 / 없는 경로를 리다이렉트합니다: 데코레이터에 쓴 "
        "경로 끝의 /를 지우세요"
    ),
    "give the server's own address, the check follows no redirect (a private Codespaces "
    "port redirects to a login page: make the port public)": (
        "서버 자신의 주소를 적으세요. 검사는 리다이렉트를 따라가지 않습니다(비공개 Codespaces "
        "포트는 로그인 페이지로 리다이렉트합니다: 포트를 공개(public)로 바꾸세요)"
    ),
    "{request} sent a body larger than 1 MiB": "{request}: 응답 본문이 1 MiB보다 큽니다",
    "a gate's answer is a small JSON object: check what the route returns": (
        "게이트의 응답은 작은 JSON 객체입니다: 라우트가 무엇을 return하는지 확인하세요"
    ),
    "the route crashed: read the traceback in the server's terminal": (
        "라우트가 오류로 멈췄습니다: 서버 터미널에 찍힌 트레이스백(traceback)을 읽어 보세요"
    ),
    "{request} answered 200 with an error inside": (
        "{request}: 200으로 응답했지만 본문에 오류가 들어 있습니다"
    ),
    "{request} answered {status}, not {expected}": (
        "{request}: {expected} 대신 상태 코드 {status}(으)로 응답했습니다"
    ),
    # 1. an untrained gate answers 404
    "an untrained gate answers 404: {request}": (
        "학습하지 않은 게이트는 404로 응답합니다: {request}"
    ),
    "untrained gate answers 404: skipped, every gate answered (trained before); "
    "restart the server with an empty models folder to check this": (
        "학습 전 404 응답: 건너뜀. 모든 게이트가 이미 답했습니다(전에 학습됨). 이것까지 "
        "확인하려면 models 폴더를 비우고 서버를 다시 시작하세요"
    ),
    "a gate with no model yet should answer 404: raise HTTPException(404, ...)": (
        "아직 모델이 없는 게이트는 404로 응답해야 합니다: HTTPException(404, ...)를 raise하세요"
    ),
    "a client takes a 200 for a success: raise HTTPException(404, ...) for a gate "
    "with no model yet": (
        "클라이언트는 200을 성공으로 받아들입니다: 아직 모델이 없는 게이트에는 "
        "HTTPException(404, ...)를 raise하세요"
    ),
    # 2. POST /train/{gate} answers 200
    "training answers 200: POST /train/{{gate}} for {gates}": (
        "학습은 200으로 응답합니다: {gates}의 POST /train/{{gate}}"
    ),
    'declare @app.post("/train/{gate}"): with no body it should train and answer 200': (
        '@app.post("/train/{gate}")로 선언하세요: 본문 없는 요청에도 학습하고 200으로 '
        "응답해야 합니다"
    ),
    "the path has no POST route: declare the train route with @app.post": (
        "이 경로에는 POST 라우트가 없습니다: 학습 라우트를 @app.post로 선언하세요"
    ),
    "a client takes a 200 for a success: answer a failure with a 4xx": (
        "클라이언트는 200을 성공으로 받아들입니다: 실패는 4xx 상태 코드로 응답하세요"
    ),
    # 3. every row of the truth table
    "truth table of {gate}: all {rows} rows right": "{gate} 진리표: {rows}개 행이 모두 맞습니다",
    "every row of a trained gate should answer 200 with its result": (
        "학습한 게이트는 진리표의 모든 행에 200과 결과로 응답해야 합니다"
    ),
    "a gate just trained answers 404: is its model saved under another name?": (
        "방금 학습한 게이트가 404로 응답합니다: 모델을 다른 이름으로 저장하지 않았나요?"
    ),
    "the route refused the bits: do the names in its path match its parameters?": (
        "라우트가 입력 비트를 거절했습니다: 경로 속 이름이 함수의 매개변수 이름과 같나요?"
    ),
    "NOT takes one input, so it needs a route for one bit: /predict/NOT/{x}": (
        "NOT은 입력이 하나이므로 비트 하나를 받는 라우트가 필요합니다: /predict/NOT/{x}"
    ),
    '{request} answered {body}, without "result": 0 or 1': (
        '{request}의 응답 {body}에 "result": 0 또는 1이 없습니다'
    ),
    'answer a JSON object with the bit under "result", a whole number': (
        '비트를 정수로 "result" 키에 담은 JSON 객체로 응답하세요'
    ),
    "{request} gave {got}, but {gate}({bits}) is {target}": (
        "{request}의 결과는 {got}인데 {gate}({bits})의 정답은 {target}입니다"
    ),
    "check the gate's truth table in model.py, the order the route passes the "
    "inputs in, and that training runs enough epochs": (
        "model.py의 진리표, 라우트가 입력을 넘기는 순서, 학습 에포크가 충분한지 확인하세요"
    ),
    # 4. to 7.
    "an unknown gate answers 404: {request}": "없는 게이트는 404로 응답합니다: {request}",
    "a gate that does not exist is a 404: raise HTTPException(404, ...) for it": (
        "없는 게이트는 404입니다: HTTPException(404, ...)를 raise하세요"
    ),
    "a client takes a 200 for a success: raise HTTPException(404, ...) for an unknown gate": (
        "클라이언트는 200을 성공으로 받아들입니다: 없는 게이트에는 HTTPException(404, ...)를 "
        "raise하세요"
    ),
    "a bit that is not 0 or 1 answers 422: {request}": (
        "0도 1도 아닌 비트는 422로 응답합니다: {request}"
    ),
    "declare the bits as whole numbers from 0 to 1 (a type with ge and le): then a 2 gets a 422": (
        "비트를 0부터 1까지의 정수로 선언하세요(ge와 le를 쓴 타입): 그러면 2에는 FastAPI가 "
        "422로 응답합니다"
    ),
    "training is POST only: {request} answers 405": "학습은 POST로만 합니다: {request} → 405",
    "with only a POST route at this path, FastAPI answers a GET with 405 itself": (
        "이 경로에 POST 라우트만 있으면 FastAPI가 GET에 알아서 405로 응답합니다"
    ),
    "a GET must not change anything (browsers and link previews send GETs): "
    "declare the train route with @app.post, not @app.get": (
        "GET은 아무것도 바꾸면 안 됩니다(브라우저와 링크 미리보기도 GET을 보냅니다): 학습 "
        "라우트를 @app.get이 아니라 @app.post로 선언하세요"
    ),
    "no route has this path: the train route's path should be /train/{gate}": (
        "이 경로의 라우트가 없습니다: 학습 라우트의 경로는 /train/{gate}여야 합니다"
    ),
    "every answer was JSON": "모든 응답이 JSON이었습니다",
    "{request} answered {status} with a body that is not JSON (Content-Type: {kind})": (
        "{request}: 상태 코드 {status} 응답의 본문이 JSON이 아닙니다(Content-Type: {kind})"
    ),
    "return a dict from every route (FastAPI sends it as JSON), not HTML or text": (
        "모든 라우트에서 HTML이나 텍스트가 아니라 dict를 return하세요(FastAPI가 JSON으로 보냅니다)"
    ),
}

# Text the lessons' own code cells hand to the library (titles, line names, advice): the Korean
# edition copies code cells verbatim, so the library translates it when it shows it.
LESSON_TEXT: dict[str, str] = {
    "AND by hand: x1 + x2 − 1.5 = 0": "손으로 정한 AND: x1 + x2 − 1.5 = 0",
    "AND: 2 of 4 right": "AND: 4개 중 2개 맞음",
    "NAND's line (fires below)": "NAND의 직선 (아래쪽이 1)",
    "OR's line (fires above)": "OR의 직선 (위쪽이 1)",
    "XOR = OR and NAND": "XOR = OR와 NAND의 AND",
    "OR line": "OR 직선",
    "NAND line": "NAND 직선",
    "Set by hand: lesson 03's two lines": "손으로 정한 가중치: 3강의 두 직선",
    "XOR: training loss per epoch": "XOR: 에포크별 학습 손실",
    "XOR: the learned probability of 1": "XOR: 신경망이 학습한 1의 확률",
    "XOR: the surface and the 8 hidden lines": "XOR: 확률 곡면과 은닉 직선 8개",
    "run the first cell of section 1 again to start it": (
        "1절의 첫 번째 셀을 다시 실행해서 서버를 시작하세요"
    ),
    # What lessons 05-07 print to explain a result: say("...") / tr("...") (gatelab.printing).
    # Trailing spaces line a value up with the line above it, as in the English.
    "weights: {weights}  bias: {bias}": "가중치: {weights}  편향: {bias}",
    "Hello from inside the pickle: this code ran while loading!": (
        "피클 안에서 보내는 인사: 이 코드는 파일을 불러오는 동안 실행됐습니다!"
    ),
    "marker exists before loading:": "불러오기 전에 표시 파일이 있는가:",
    "what came back:": "불러온 결과:",
    "marker exists after loading:": "불러온 뒤에 표시 파일이 있는가:",
    "predictions from the JSON numbers:": "JSON 숫자로 계산한 예측:",
    "predictions of the trained model: ": "학습한 모델의 예측:     ",
    "parameters:": "파라미터 수:",
    "fresh network before loading:": "새 신경망, 불러오기 전:",
    "fresh network after loading: ": "새 신경망, 불러온 뒤:  ",
    "same logits as the saved network, bit for bit:": (
        "저장한 신경망과 로짓이 비트 하나까지 같은가:"
    ),
    "loaded {count} tensors; XOR truth table reproduced": (
        "텐서 {count}개를 불러왔고 XOR 진리표를 그대로 재현합니다"
    ),
    "refused:": "거부됨:",
    "marker exists:": "표시 파일이 있는가:",
    "{dtype:<14} {bits:>2} bits = {size} bytes": "{dtype:<14} {bits:>2}비트 = {size}바이트",
    "AND perceptron: {count} parameters × {size} bytes = {total} bytes": (
        "AND 퍼셉트론: 파라미터 {count}개 × {size}바이트 = {total}바이트"
    ),
    "XOR network:    {count} parameters × {size} bytes = {total} bytes": (
        "XOR 신경망:   파라미터 {count}개 × {size}바이트 = {total}바이트"
    ),
    "parameters  dtype      weights   servers needed": (
        "파라미터 수  dtype       가중치      필요한 서버"
    ),
    "look up a function by module and name": "모듈과 이름으로 함수를 찾음",
    "push a piece of text": "텍스트 한 조각을 쌓음",
    "pack it as the argument list": "그 텍스트로 인자 목록을 만듦",
    "CALL the function with those arguments  <- the code runs here": (
        "그 인자로 함수를 호출  <- 코드가 여기서 실행됨"
    ),
    "done: the call's result is 'the loaded object'": "끝: 호출 결과가 '불러온 객체'가 됨",
    "the function:": "함수:",
    "header: {size} bytes of JSON": "헤더: JSON {size}바이트",
    "  metadata:": "  메타데이터:",
    "pickle: the whole object, training history too": "pickle: 객체 전체, 학습 기록까지",
    "JSON: the to_dict() numbers and settings": "JSON: to_dict()의 숫자와 설정",
    "torch.save: a zip archive with a pickle inside": "torch.save: 안에 피클이 든 zip 압축 파일",
    "safetensors: header + raw numbers": "safetensors: 헤더 + 숫자 그대로",
    "{name:<16} {size:>5,} bytes = {times:>4.1f} × the numbers   {what}": (
        "{name:<16} {size:>5,}바이트 = 숫자의 {times:>4.1f}배   {what}"
    ),
    "temporary files removed:": "임시 파일 삭제됨:",
    "weights {weights} bias {bias} answers {answers}": (
        "가중치 {weights} 편향 {bias} 답 {answers}"
    ),
    "files:": "파일:",
    "in memory again:": "다시 메모리에 있는 모델:",
    "Your server is stopped. To start it again, run the cells of section 6.": (
        "서버를 멈췄습니다. 다시 시작하려면 6절의 셀을 실행하세요."
    ),
    "Your server keeps running. To stop it, set STOP = True here and run the cell again.": (
        "서버는 계속 실행 중입니다. 멈추려면 여기서 STOP = True로 바꾸고 이 셀을 다시 실행하세요."
    ),
    "gatelab API running:": "gatelab API 실행 중:",
    "{gate:<5} arity {arity}  model {model:<10}  trained {trained}": (
        "{gate:<5} 입력 수 {arity}  모델 {model:<10}  학습됨 {trained}"
    ),
    "{gate:<5} {kind:<10} converged {converged!s:<5}  accuracy {accuracy:.2f}  "
    "epochs run {epochs_run:>3}  parameters {parameters}": (
        "{gate:<5} {kind:<10} 수렴 {converged!s:<5}  정확도 {accuracy:.2f}  "
        "실행한 에포크 {epochs_run:>3}  파라미터 {parameters}"
    ),
    "class server stopped:": "수업 서버 멈춤:",
    "trained after the restart:": "다시 시작한 뒤 학습된 게이트:",
    "another program asking for the same port ->": "다른 프로그램이 같은 포트를 요청하면 ->",
    "The server is stopped. To start it again, run the first cell of section 1.": (
        "서버를 멈췄습니다. 다시 시작하려면 1절의 첫 번째 셀을 실행하세요."
    ),
    "The server keeps running, so the sliders keep answering.": (
        "서버가 계속 실행 중이라 슬라이더가 계속 답합니다."
    ),
    "To stop it, set STOP_SERVERS = True in this cell and run it again.": (
        "멈추려면 이 셀에서 STOP_SERVERS = True로 바꾸고 다시 실행하세요."
    ),
    # lesson 03: one perceptron trained on XOR, and 20,000 random lines
    "converged: {done} after {epochs} epochs": "{epochs} 에포크 뒤 수렴했는가: {done}",
    "mistakes in the first 15 epochs:": "처음 15 에포크의 실수 개수:",
    "accuracy of the final weights: {accuracy:.2f}": "최종 가중치의 정확도: {accuracy:.2f}",
    "start of epoch {epoch:>3}: w = ({w1:+.3f}, {w2:+.3f}), b = {b:+.3f}": (
        "{epoch:>3}번째 에포크 시작: w = ({w1:+.3f}, {w2:+.3f}), b = {b:+.3f}"
    ),
    "best: {best} of 4 rows right": "가장 좋은 직선: 4개 행 중 {best}개 맞음",
    "lines with 3 of 4 right: {three}, with 4 of 4: {four}": (
        "4개 중 3개 맞은 직선: {three}개, 4개 모두 맞은 직선: {four}개"
    ),
    # lesson 04: XOR with PyTorch
    "X has shape {shape} and y is {y}": "X의 모양: {shape}  y: {y}",
    "{name:14} shape {shape}": "{name:14} 모양 {shape}",
    "weight {w}  transposed {w_t}  sums {sums}": "가중치 {w}  전치 {w_t}  가중합 {sums}",
    "output layer: {before}  after .squeeze(-1): {after}": (
        "출력층: {before}  .squeeze(-1) 뒤: {after}"
    ),
    "P(output = 1) before training:": "학습 전 P(출력 = 1):",
    "loss before training: {loss:.4f}   (ln 2 = 0.6931)": (
        "학습 전 손실: {loss:.4f}   (ln 2 = 0.6931)"
    ),
    "epoch {epoch:3}   loss {loss:.4f}": "에포크 {epoch:3}   손실 {loss:.4f}",
    "{x1} XOR {x2}:  P(1) = {p:.3f}  →  says {answer}   (XOR: {target})": (
        "{x1} XOR {x2}:  P(1) = {p:.3f}  →  예측 {answer}   (XOR: {target})"
    ),
    "this notebook: final loss {loss:.6f}": "이 노트북:   최종 손실 {loss:.6f}",
    "gatelab.mlp:   final loss {loss:.6f}": "gatelab.mlp: 최종 손실 {loss:.6f}",
    "the hand-set network says {says} and XOR is {xor}": (
        "손으로 정한 신경망의 예측: {says}  XOR의 답: {xor}"
    ),
    "hidden size {size}: XOR learned for {count:2} of 10 seeds": (
        "은닉 크기 {size}: 시드 10개 중 {count:2}개에서 XOR를 학습했습니다"
    ),
    # lesson 01
    "epoch {epoch} x={x} w={w} b={b:.3f} sum={total:.3f} says {says} error {error}": (
        "에포크 {epoch} x={x} w={w} b={b:.3f} 합={total:.3f} 출력 {says} 오차 {error}"
    ),
    "stopped after epoch {epoch}: w={w}, b={b:.3f}": (
        "에포크 {epoch} 뒤에 멈췄습니다: w={w}, b={b:.3f}"
    ),
    "the loop and Perceptron.fit took the same {count} steps and ended on the same weights": (
        "반복문과 Perceptron.fit은 똑같이 {count}단계를 거쳐 같은 가중치에서 끝났습니다"
    ),
    "converged: {converged}, in epoch {epoch}": "수렴: {converged}, 에포크 {epoch}에서",
    "weights ({w1:.3f}, {w2:.3f}), bias {b:.3f}": "가중치 ({w1:.3f}, {w2:.3f}), 편향 {b:.3f}",
    "mistakes per epoch:": "에포크별 틀린 개수:",
    "fit refused:": "fit이 거부했습니다:",
    # lesson 02
    "OR converged in epoch {epoch}": "OR는 에포크 {epoch}에서 수렴했습니다",
    "{gate} converged in epoch {epoch} with weights": (
        "{gate:은/는} 에포크 {epoch}에서 수렴했습니다. 가중치:"
    ),
    "w = {w:.3f}, b = {b:.3f}, threshold x = -b/w = {threshold:.3f}": (
        "w = {w:.3f}, b = {b:.3f}, 문턱값 x = -b/w = {threshold:.3f}"
    ),
    "epochs={budget:>3}: ran {ran:>2}, converged {converged!s:>5}, accuracy {accuracy:.2f}": (
        "epochs={budget:>3}: 실행한 에포크 {ran:>2}, 수렴 {converged!s:>5}, 정확도 {accuracy:.2f}"
    ),
    "{gate} median epochs:": "{gate} 에포크 수의 중앙값:",
}

# gatelab/lessons.py: `gatelab lessons` copying the lessons for someone who installed with pip
LESSONS: dict[str, str] = {
    "unknown language {language!r}: choose one of {choices}": (
        "알 수 없는 언어 {language!r}입니다: {choices} 중에서 고르세요"
    ),
    "copied {count} lessons to {folder}": "수업 {count}개를 {folder}에 복사했습니다",
    "copied {count} images": "그림 {count}개를 복사했습니다",
    "{count} files in {folder} were up to date": "{folder}의 파일 {count}개는 이미 최신입니다",
    "kept your {path}: it differs from gatelab's (--force replaces it)": (
        "{path}는 gatelab의 파일과 달라서 그대로 두었습니다(--force를 주면 바꿉니다)"
    ),
}

# gatelab.api: the gate API's error messages, for a client that sends `Accept-Language: ko`
# (gatelab.api.languages). Status codes, paths, headers and JSON stay as they are; a gate name
# is never followed by a particle (은/는, 이/가 depend on how it is read): "게이트 AND: ...".
API: dict[str, str] = {
    # errors.py: 404, 405, 409, 503
    "unknown gate {gate}; choose one of: {gates}": (
        "없는 게이트입니다: {gate}. 다음 중 하나를 고르세요: {gates}"
    ),
    "no trained model for {gate} yet: train one first with POST /train/{gate}": (
        "게이트 {gate}: 아직 학습한 모델이 없습니다. 먼저 학습하세요: POST /train/{gate}"
    ),
    "there is no stored {gate} model to delete": (
        "게이트 {gate}: 지울 모델이 저장되어 있지 않습니다"
    ),
    "the stored {gate} model cannot be used ({reason}); "
    "retrain it with POST /train/{gate} or remove it with DELETE /models/{gate}": (
        "게이트 {gate}: 저장된 모델을 쓸 수 없습니다({reason}). 다시 학습하거나 지우세요: "
        "POST /train/{gate} 또는 DELETE /models/{gate}"
    ),
    "its metadata does not fit: {reason}": "메타데이터가 형식에 맞지 않습니다: {reason}",
    "cannot store the {gate} model: {reason}": "게이트 {gate}: 모델을 저장할 수 없습니다. {reason}",
    "the model directory cannot be used ({reason}); see GATELAB_MODEL_DIR": (
        "모델 폴더를 쓸 수 없습니다({reason}). 환경 변수 GATELAB_MODEL_DIR 설정을 확인하세요"
    ),
    "no route matches {path}; the routes are listed at /docs": (
        "{path} 경로에 맞는 라우트가 없습니다. 라우트 목록은 /docs에 있습니다"
    ),
    "no route matches {path}; the routes are listed at /docs "
    "(paths here never end with a slash: {trimmed})": (
        "{path} 경로에 맞는 라우트가 없습니다. 라우트 목록은 /docs에 있습니다. "
        "이 API의 경로는 /로 끝나지 않습니다: {trimmed}"
    ),
    "{method} is not allowed on {path}; use {allowed}": (
        "{path} 경로에는 {method} 요청을 쓸 수 없습니다. 쓸 수 있는 메서드: {allowed}"
    ),
    "{method} is not allowed on {path}; use {allowed} "
    "(typing an address in a browser always sends GET)": (
        "{path} 경로에는 {method} 요청을 쓸 수 없습니다. 브라우저 주소창에 주소를 입력하면 "
        "늘 GET 요청을 보냅니다. 쓸 수 있는 메서드: {allowed}"
    ),
    "another method": "다른 메서드",
    # errors.py: 422, a sentence per problem
    "and {count} more": "그 밖에 {count}개가 더 있습니다",
    "{message}, got {value}": "{message}. 받은 값: {value}",
    "invalid value: {message}": "값이 올바르지 않습니다: {message}",
    "not valid JSON ({reason}, at character {position})": (
        "올바른 JSON이 아닙니다(위치 {position}: {reason})"
    ),
    "send a JSON object with the header Content-Type: application/json": (
        "JSON 객체를 Content-Type: application/json 헤더와 함께 보내세요"
    ),
    "cannot be read as JSON": "JSON으로 읽을 수 없습니다",
    "body: cannot be read as JSON (nested too deeply?)": (
        "body: JSON으로 읽을 수 없습니다(너무 깊이 중첩되었나요?)"
    ),
    # errors.py: pydantic's checks, by type
    "Field required": "꼭 필요한 항목인데 빠졌습니다",
    "Extra inputs are not permitted": "받지 않는 항목입니다",
    "Input should be a valid integer": "정수여야 합니다",
    "Input should be a valid integer, got a number with a fractional part": (
        "소수 부분이 없는 정수여야 합니다"
    ),
    "Input should be a valid number": "숫자여야 합니다",
    "Input should be a finite number": "유한한 숫자여야 합니다",
    "Input should be greater than {gt}": "{gt}보다 커야 합니다",
    "Input should be greater than or equal to {ge}": "{ge} 이상이어야 합니다",
    "Input should be less than {lt}": "{lt}보다 작아야 합니다",
    "Input should be less than or equal to {le}": "{le} 이하여야 합니다",
    "should have at least {min_length} item(s), not {actual_length}": (
        "항목이 {min_length}개 이상이어야 하는데 {actual_length}개입니다"
    ),
    "should have at most {max_length} item(s), not {actual_length}": (
        "항목이 {max_length}개 이하여야 하는데 {actual_length}개입니다"
    ),
    "Input should be a valid list": "JSON 배열이어야 합니다",
    "Input should be a valid dictionary or object": "JSON 객체여야 합니다",
    "Input should be a valid dictionary": "JSON 객체여야 합니다",
    # routes.py
    "Input should be '0' or '1'": "'0' 또는 '1'이어야 합니다",
    "{gate} takes {arity} input(s), got {given}: use GET {route}": (
        "게이트 {gate}: 입력은 {arity}개인데 {given}개를 받았습니다. 이렇게 요청하세요: GET {route}"
    ),
    "row {number} has {bits} bit(s); {gate} takes {arity} per row": (
        "{number}번 행의 비트가 {bits}개입니다. 게이트 {gate}: 한 행에 비트가 {arity}개여야 합니다"
    ),
    'must be a JSON object such as {"seed": 0} (send no body for the defaults)': (
        '{"seed": 0} 같은 JSON 객체여야 합니다(기본값으로 학습하려면 본문을 보내지 마세요)'
    ),
    # security.py: 401
    "{request} changes the stored models, so it needs this server's key; {reason}: {how}": (
        "{request} 요청은 저장된 모델을 바꾸므로 이 서버의 키가 필요합니다. {reason}: {how}"
    ),
    "no key was sent": "키를 보내지 않았습니다",
    "the Authorization header is not `Bearer <key>`": (
        "Authorization 헤더가 `Bearer <key>` 형식이 아닙니다"
    ),
    "the key sent is not this server's key": "보낸 키가 이 서버의 키가 아닙니다",
    "send the header `Authorization: Bearer <key>` with the key that `gatelab serve` printed "
    "when it started (in /docs: the Authorize button). Reading needs no key.": (
        "서버를 시작할 때 `gatelab serve`가 출력한 키를 `Authorization: Bearer <key>` 헤더에 "
        "담아 보내세요(/docs에서는 Authorize 버튼을 누르세요). 읽기에는 키가 필요 없습니다."
    ),
    # body_limit.py: 413, 400
    "the request body is over the {limit} KiB limit; "
    "POST /predict takes at most {rows} rows per request": (
        "요청 본문이 {limit} KiB 제한을 넘습니다. POST /predict는 요청 한 번에 최대 {rows}행까지 "
        "받습니다"
    ),
    "the Content-Length header must be a whole number of bytes": (
        "Content-Length 헤더는 바이트 수를 나타내는 정수여야 합니다"
    ),
}

# gatelab/perceptron.py: what fit() refuses, and why
PERCEPTRON: dict[str, str] = {
    "epochs must be a whole number >= 1, got {epochs!r}": (
        "epochs는 1 이상의 정수여야 합니다. 받은 값: {epochs!r}"
    ),
    "learning_rate must be a positive number, got {rate!r}": (
        "learning_rate는 양수여야 합니다. 받은 값: {rate!r}"
    ),
    "X must be a 2-D array of numbers, one row per example": (
        "X는 예시 하나에 행 하나인 2차원 숫자 배열이어야 합니다"
    ),
    "X must be a 2-D array with one row per example, got shape {shape}": (
        "X는 예시 하나에 행 하나인 2차원 배열이어야 합니다. 받은 모양: {shape}"
    ),
    "X must contain only finite numbers": "X에는 유한한 숫자만 있어야 합니다",
    "y must be 1-D with one label per row of X ({rows}), got {shape}": (
        "y는 X의 행({rows}개)마다 레이블이 하나씩 있는 1차원 배열이어야 합니다. 받은 모양: {shape}"
    ),
    "labels must be 0 or 1, got {labels}": "레이블은 0 또는 1이어야 합니다. 받은 값: {labels}",
}

KOREAN: dict[str, str] = {
    **PERCEPTRON,
    **EXERCISES,
    **TABLES,
    **PLOTS,
    **MEMORY,
    **STORE,
    **WIDGETS,
    **MLP_WIDGETS,
    **API_WIDGETS,
    **CHECK,
    **API,
    **LESSON_TEXT,
    **LESSONS,
}
