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
        "아직 풀지 않았습니다: 함수가 None을 돌려줍니다. 함수 본문을 쓰고 결과를 return한 뒤 "
        "셀을 다시 실행하세요"
    ),
    # shared by several checks
    "give the answer as a pair: answer = ({shape})": "답을 한 쌍으로 주세요: answer = ({shape})",
    "{gate} takes {arity} input(s), so give {arity} weight(s)": (
        "{gate}는 입력이 {arity}개이므로 가중치도 {arity}개를 주세요"
    ),
    "your boundary misclassifies {point}: its weighted sum is {total} {sign} 0, "
    "so the step gives {output} but {gate} wants {target}": (
        "결정 경계(decision boundary)가 {point} 점을 잘못 분류합니다. "
        "가중합이 {total} {sign} 0이라 계단 함수는 {output}을 내지만 {gate}의 정답은 {target}입니다"
    ),
    "these weights compute {gate} on every row": (
        "이 가중치는 진리표의 모든 행에서 {gate}를 계산합니다"
    ),
    "calling it on {bits} raised {error}: {detail}": (
        "{bits}로 호출하니 {error}가 났습니다: {detail}"
    ),
    "on inputs {bits} it gives {got}, but {gate} is {target}": (
        "입력 {bits}에서 {got}을 내지만 {gate}의 정답은 {target}입니다"
    ),
    "it reproduces the whole {gate} truth table": (
        "{gate} 진리표(truth table)를 빠짐없이 재현합니다"
    ),
    "answer with a whole number, got {answer}": "정수로 답하세요. 받은 답: {answer}",
    "{value} is too high": "{value}은(는) 너무 큽니다",
    "{value} is too low": "{value}은(는) 너무 작습니다",
    "that is the number of steps (rows × epochs), not epochs": (
        "그건 에포크 수가 아니라 단계 수(행 × 에포크)입니다"
    ),
    "it raised {error}: {detail}": "{error}가 났습니다: {detail}",
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
    "Exercise 1.3 (one step of the rule)": "연습 문제 1.3 (학습 규칙 한 단계)",
    "give the new weights as a list: answer = [w1, w2]": (
        "새 가중치를 리스트로 주세요: answer = [w1, w2]"
    ),
    "give the two new weights: answer = [w1, w2]": "새 가중치 두 개를 주세요: answer = [w1, w2]",
    "w1 stays (its input was 0) and w2 drops by 0.1": (
        "w1은 그대로이고(입력이 0이었으니까요) w2는 0.1 줄어듭니다"
    ),
    "x1 was 0, so w1 gets 0.1 × error × 0: it does not move": (
        "x1이 0이었으므로 w1의 변화량은 0.1 × 오차 × 0, 즉 움직이지 않습니다"
    ),
    "check the sign of the error: target − prediction = 0 − 1 = −1": (
        "오차(error)의 부호를 확인하세요: 정답 − 예측 = 0 − 1 = −1"
    ),
    "the weighted sum is 0.5 ≥ 0, so the prediction is 1: a mistake": (
        "가중합이 0.5 ≥ 0이므로 예측은 1, 즉 틀린 답입니다"
    ),
    "use w ← w + rate × (target − prediction) × x with rate 0.1": (
        "w ← w + 학습률 × (정답 − 예측) × x 를 학습률 0.1로 적용하세요"
    ),
    "Exercise 1.4 (write the learning rule)": "연습 문제 1.4 (학습 규칙 직접 쓰기)",
    "pass your function itself: answer = train (no brackets)": (
        "함수 자체를 넘기세요: answer = train (괄호 없이)"
    ),
    "{gate} with learning rate {rate} from seed {seed}'s start": (
        "시드 {seed}의 시작점에서 학습률 {rate}로 학습한 {gate}"
    ),
    "on {run} it raised {error}: {detail}": "{run}에서 {error}가 났습니다: {detail}",
    "write the loop yourself: do not call Perceptron.fit in it": (
        "반복문을 직접 쓰세요: 그 안에서 Perceptron.fit을 부르면 안 됩니다"
    ),
    "your function returns nothing: end it with return weights, bias": (
        "함수가 아무것도 돌려주지 않습니다: 마지막에 return weights, bias 를 쓰세요"
    ),
    "return two things: the 2 weights and the bias": "두 가지를 돌려주세요: 가중치 2개와 편향",
    "your loop learns exactly what Perceptron.fit learns": (
        "여러분의 반복문이 Perceptron.fit과 똑같은 결과를 학습합니다"
    ),
    "the line moves the wrong way: the error is target − prediction, not prediction − target": (
        "직선이 반대 방향으로 움직입니다: 오차는 예측 − 정답이 아니라 정답 − 예측입니다"
    ),
    "you updated with the prediction; update with the error, target − prediction "
    "(it is 0 when the answer was right, so nothing moves)": (
        "예측값으로 업데이트했습니다. 오차, 즉 정답 − 예측으로 업데이트하세요"
        "(맞힌 행에서는 0이라 아무것도 움직이지 않습니다)"
    ),
    "the bias never changes: it needs its own update, b ← b + rate × error": (
        "편향(bias)이 전혀 바뀌지 않습니다: 편향도 따로 업데이트해야 합니다. b ← b + 학습률 × 오차"
    ),
    "each weight moves by rate × error × its own input, so a weight whose input "
    "was 0 stays where it is": (
        "각 가중치는 학습률 × 오차 × 자기 입력만큼 움직입니다. 그래서 입력이 0이었던 가중치는 "
        "그대로 있습니다"
    ),
    "the steps are too big: multiply each update by the learning rate": (
        "한 번에 너무 많이 움직입니다: 업데이트마다 학습률(learning rate)을 곱하세요"
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
    "Exercise 2.1 (NOT by hand)": "연습 문제 2.1 (NOT을 손으로)",
    "Exercise 2.2 (train NOR)": "연습 문제 2.2 (NOR 학습시키기)",
    "pass the Perceptron itself, e.g. Perceptron().fit(X, y)": (
        "Perceptron 객체 자체를 넘기세요. 예: Perceptron().fit(X, y)"
    ),
    "this perceptron has not been trained yet: call .fit(X, y)": (
        "이 퍼셉트론은 아직 학습하지 않았습니다: .fit(X, y)를 호출하세요"
    ),
    "NOR has two inputs: fit on truth_table('NOR')": (
        "NOR는 입력이 두 개입니다: truth_table('NOR')로 학습시키세요"
    ),
    "Exercise 2.3 (NAND at learning rate 1.0)": "연습 문제 2.3 (학습률 1.0의 NAND)",
    "that is the run at learning rate 0.1: use learning_rate=1.0": (
        "그건 학습률 0.1로 실행한 결과입니다: learning_rate=1.0을 쓰세요"
    ),
    "that is seed 0's run: use seed=3": "그건 시드 0의 결과입니다: seed=3을 쓰세요",
    "that is the run shown in the lesson (rate 0.1, seed 0): use learning_rate=1.0 and seed=3": (
        "그건 수업에서 본 실행(학습률 0.1, 시드 0)입니다: learning_rate=1.0과 seed=3을 쓰세요"
    ),
    "Exercise 2.4 (measure the learning rate yourself)": "연습 문제 2.4 (학습률 효과 직접 재기)",
    "pass your function itself: answer = epochs_needed": (
        "함수 자체를 넘기세요: answer = epochs_needed"
    ),
    "{call} raised {error}: {detail}": "{call}에서 {error}가 났습니다: {detail}",
    "{call} should return a list with one number per rate": (
        "{call}은 학습률마다 숫자 하나씩 담은 리스트를 돌려줘야 합니다"
    ),
    "{call} gave {count} numbers for {rates} rates": (
        "{call}이 학습률 {rates}개에 숫자 {count}개를 돌려줬습니다"
    ),
    "{gate} never converges: give None for such a run, not the epochs it ran "
    "(converged_epoch_ does this for you)": (
        "{gate}는 수렴(converge)하지 않습니다: 그런 실행에는 돌린 에포크 수가 아니라 None을 "
        "주세요(converged_epoch_가 알아서 그렇게 합니다)"
    ),
    "{call} gives seed 0's answers: pass seed=seed to train_gate": (
        "{call}이 시드 0의 답을 냅니다: train_gate에 seed=seed를 넘기세요"
    ),
    "every rate gives the same count: pass learning_rate=rate": (
        "학습률마다 같은 수가 나옵니다: learning_rate=rate를 넘기세요"
    ),
    "{call} is wrong for at least one rate: train each with train_gate": (
        "{call}이 적어도 한 학습률에서 틀렸습니다: 학습률마다 train_gate로 학습시키세요"
    ),
    "one line per rate, exactly what epochs_to_converge measures": (
        "학습률마다 한 줄, epochs_to_converge가 재는 값과 똑같습니다"
    ),
    # lesson 03
    "Exercise 3.1 (the fourth corner)": "연습 문제 3.1 (네 번째 모서리)",
    "XOR has two inputs, so give 2 weights": "XOR는 입력이 두 개이므로 가중치 2개를 주세요",
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
    "on a {shape} network it raised {error}: {detail}": (
        "{shape} 신경망에서 {error}가 났습니다: {detail}"
    ),
    "return one whole number; for a {shape} network it gave {got}": (
        "정수 하나를 돌려주세요. {shape} 신경망에서 돌려준 값: {got}"
    ),
    "right for every network tried, from 2 → 1 → 1 to 3 → 5 → 1": (
        "2 → 1 → 1부터 3 → 5 → 1까지, 시험한 모든 신경망에서 맞습니다"
    ),
    "you counted the tensors; count the numbers inside each (.numel())": (
        "텐서(tensor)의 개수를 셌습니다. 각 텐서 안의 숫자를 세세요(.numel())"
    ),
    "it gives {got} for every network: read the sizes from the model": (
        "어떤 신경망이든 {got}이 나옵니다: 크기를 모델에서 읽으세요"
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
        "{shape}에서 {got}이 나오는데, 가중치와 편향의 개수가 아닙니다: model.parameters()의 "
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
    "it raised RuntimeError: {detail}": "RuntimeError가 났습니다: {detail}",
    "return the logits as a tensor, one number per row": (
        "로짓(logit)을 텐서로, 행마다 숫자 하나씩 돌려주세요"
    ),
    "right numbers, shape (4, 1): use .squeeze(-1) for one logit per row": (
        "숫자는 맞지만 모양이 (4, 1)입니다: .squeeze(-1)로 행마다 로짓 하나가 되게 하세요"
    ),
    "give one logit per row, shape (4,), not {shape}": (
        "행마다 로짓 하나, 모양 (4,)로 주세요. {shape}가 아닙니다"
    ),
    "those are probabilities: the network returns logits (no sigmoid)": (
        "그건 확률입니다: 신경망은 로짓을 돌려줍니다(시그모이드 없이)"
    ),
    "the hidden sums must go through tanh before the output layer": (
        "은닉층의 가중합은 출력층에 가기 전에 tanh를 거쳐야 합니다"
    ),
    "add each layer's bias after its weighted sum": "층마다 가중합 뒤에 편향을 더하세요",
    "the logits differ from net(X): hidden = tanh(X @ W1.T + b1), then the output's sum": (
        "로짓이 net(X)와 다릅니다: hidden = tanh(X @ W1.T + b1), 그다음 출력층의 가중합입니다"
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
    "that is XOR's count: train XNOR": "그건 XOR의 개수입니다: XNOR를 학습시키세요",
    "that is the count with 2 hidden units: use hidden_size=3": (
        "그건 은닉 유닛이 2개일 때의 개수입니다: hidden_size=3을 쓰세요"
    ),
    "run it: for each seed in range(10), train_gate_mlp('XNOR', seed=seed, "
    "hidden_size=3), and count the runs whose predictions equal the targets": (
        "직접 돌려 보세요: range(10)의 시드마다 train_gate_mlp('XNOR', seed=seed, "
        "hidden_size=3)을 실행하고, 예측이 정답과 같은 실행을 세세요"
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
    "Exercise 5.2 (servers to train 175 billion parameters)": (
        "연습 문제 5.2 (파라미터 1,750억(175 billion) 개를 학습하는 데 필요한 서버)"
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
    "pass the fresh network you loaded the file into, e.g. a GateMLP": (
        "파일을 불러온 새 신경망을 넘기세요. 예: GateMLP"
    ),
    "that is `trained` itself: loading into the network that already has the "
    "weights proves nothing; make a fresh GateMLP(...) and load the file into it": (
        "그건 `trained` 자신입니다. 이미 가중치를 가진 신경망에 불러오면 아무것도 증명하지 "
        "못합니다: 새 GateMLP(...)를 만들고 파일을 거기에 불러오세요"
    ),
    "`trained` does not compute XOR: keep the line that trains it": (
        "`trained`가 XOR를 계산하지 못합니다: 학습시키는 줄을 지우지 마세요"
    ),
    "the fresh network still has its own random weights: did you forget "
    "fresh.load_state_dict(load_file(path))?": (
        "새 신경망에 아직 처음의 무작위 가중치가 그대로 있습니다: "
        "fresh.load_state_dict(load_file(path))를 빠뜨리지 않았나요?"
    ),
    "same weights, other answers: build a GateMLP of the same shape": (
        "가중치는 같은데 답이 다릅니다: 같은 모양의 GateMLP를 만드세요"
    ),
    "the fresh network gives exactly trained's logits on all four rows": (
        "새 신경망이 네 행 모두에서 trained와 똑같은 로짓을 냅니다"
    ),
    "there is no file {name}: save_file(trained.state_dict(), path)": (
        "{name} 파일이 없습니다: save_file(trained.state_dict(), path)"
    ),
    "that file was written by torch.save (a zip with a pickle inside): use "
    "safetensors' save_file": (
        "그 파일은 torch.save로 썼습니다(안에 pickle이 든 zip): safetensors의 save_file을 쓰세요"
    ),
    "{name} is not a safetensors file: write it with save_file": (
        "{name}은 safetensors 파일이 아닙니다: save_file로 쓰세요"
    ),
    "the file does not hold the network's state_dict: save trained.state_dict()": (
        "파일에 신경망의 state_dict가 없습니다: trained.state_dict()를 저장하세요"
    ),
    "the file holds the fresh network's weights: save trained.state_dict()": (
        "파일에 새 신경망의 가중치가 들어 있습니다: trained.state_dict()를 저장하세요"
    ),
    "the file's weights are not trained's: did you save an untrained network, "
    "or save before training?": (
        "파일의 가중치가 trained의 것이 아닙니다: 학습하지 않은 신경망을 저장했거나, "
        "학습 전에 저장하지 않았나요?"
    ),
    # lesson 06
    "Exercise 6.1 (add DELETE /models/{gate})": "연습 문제 6.1 (DELETE /models/{gate} 추가하기)",
    "pass your FastAPI app itself: answer = app": "FastAPI 앱 자체를 넘기세요: answer = app",
    "this app has no POST /train/{gate}: pass the app of section 5": (
        "이 앱에는 POST /train/{gate}가 없습니다: 5절의 앱을 넘기세요"
    ),
    "/models/{{gate}} takes {taken} only: removing is the DELETE method, "
    "so decorate the function with @app.delete(...)": (
        "/models/{{gate}}는 {taken}만 받습니다. 삭제는 DELETE 메서드이니 함수에 "
        "@app.delete(...)를 붙이세요"
    ),
    "no route matches /models/AND: the path is /models/{gate}, with the gate in braces": (
        "/models/AND에 맞는 경로가 없습니다: 경로는 /models/{gate}이고, gate는 중괄호 안에 씁니다"
    ),
    "POST /train/AND failed: run the app's cells of section 5": (
        "POST /train/AND가 실패했습니다: 5절의 앱 셀들을 실행하세요"
    ),
    "DELETE /models/AND crashed the route (a 500): read its error": (
        "DELETE /models/AND에서 경로 함수가 오류로 멈췄습니다(500): 오류 내용을 읽어 보세요"
    ),
    "DELETE /models/AND of a trained gate answered {code}: a delete that worked "
    "is a 200, FastAPI's answer when the function returns": (
        "학습된 게이트의 DELETE /models/AND가 {code}로 응답했습니다. 삭제에 성공하면 200이고, "
        "함수가 return하면 FastAPI가 그렇게 응답합니다"
    ),
    'the answer should be the JSON {"deleted": "AND"}': (
        'JSON {"deleted": "AND"}로 응답해야 합니다'
    ),
    "GET /predict/AND/0/0 still answers after the delete: the model must also "
    "leave the `models` dict": (
        "삭제한 뒤에도 GET /predict/AND/0/0이 답합니다: 모델을 `models` 딕셔너리에서도 빼야 합니다"
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
    "Exercise 6.2 (train OR over HTTP)": "연습 문제 6.2 (HTTP로 OR 학습시키기)",
    "pass the response of client.post(...), not its .json()": (
        "client.post(...)의 .json()이 아니라 응답(response) 자체를 넘기세요"
    ),
    "training changes the server, so not {method}": (
        "학습은 서버의 상태를 바꾸므로 {method}가 아닙니다"
    ),
    "{path} does not train OR: the gate is part of the path": (
        "{path}는 OR를 학습시키지 않습니다: 게이트 이름은 경로의 일부입니다"
    ),
    "the server answered {code}: read its message": (
        "서버가 {code}로 응답했습니다: 메시지를 읽어 보세요"
    ),
    "the seed goes in the request's JSON body, as in the POST /train example above": (
        "시드는 위의 POST /train 예제처럼 요청(request)의 JSON 본문에 넣습니다"
    ),
    "the response has no accuracy: is this the /train response?": (
        "응답에 accuracy가 없습니다: /train의 응답이 맞나요?"
    ),
    "OR trained with seed 7, accuracy {accuracy}": (
        "시드 7로 OR를 학습했고, 정확도는 {accuracy}입니다"
    ),
    "Exercise 6.3 (status codes)": "연습 문제 6.3 (상태 코드)",
    "fill in the dict of the exercise cell: one code per request": (
        "연습 문제 셀의 딕셔너리를 채우세요: 요청마다 코드 하나씩"
    ),
    "replace every `...` in the dict with a status code": (
        "딕셔너리의 `...`를 모두 상태 코드로 바꾸세요"
    ),
    "all four codes right": "네 코드 모두 맞습니다",
    "{right} of 4 right. {hints}": "4개 중 {right}개가 맞습니다. {hints}",
    "the path exists, but not with this method": "경로는 있지만 이 메서드로는 없습니다",
    "there is no gate called XAND": "XAND라는 게이트는 없습니다",
    "the route exists and the gate too, but the data does not fit it": (
        "경로도 있고 게이트도 있지만, 데이터가 맞지 않습니다"
    ),
    "look at the last character: is there a route with that path?": (
        "마지막 글자를 보세요: 그런 경로가 있나요?"
    ),
    "Exercise 6.4 (a prediction URL)": "연습 문제 6.4 (예측 URL)",
    "give the path as a string, e.g. '/predict/AND/0/1'": (
        "경로를 문자열로 주세요. 예: '/predict/AND/0/1'"
    ),
    "drop the slash at the end: this server's paths never end with /": (
        "끝의 슬래시를 지우세요: 이 서버의 경로는 /로 끝나지 않습니다"
    ),
    "the shape is /predict/{gate}/{a}/{b}": "모양은 /predict/{gate}/{a}/{b}입니다",
    "{name} is not a gate name": "{name}은 게이트 이름이 아닙니다",
    "that asks {gate}; the question is about NAND": (
        "그건 {gate}에 묻는 경로입니다. 문제는 NAND입니다"
    ),
    "the inputs are a = 1 and b = 1": "입력은 a = 1, b = 1입니다",
    "GET that path and the server answers NAND(1, 1)": (
        "그 경로로 GET 하면 서버가 NAND(1, 1)을 답합니다"
    ),
}

# gatelab.gates, gatelab.perceptron: truth tables, training history (drawn by gatelab.plots)
TABLES: dict[str, str] = {
    "epoch": "에포크",
    "input x": "입력 x",
    "weights w": "가중치 w",
    "bias b": "편향 b",
    "says": "출력",
    "target": "정답",
    "error": "오차",
    "ok": "맞음",
    "Learning steps ({shown} shown)": "학습 단계({shown}개 표시)",
    "Learning steps (first {shown} of {total} shown)": (
        "학습 단계({total}개 중 처음 {shown}개 표시)"
    ),
    "{gate}: {right} of {rows} right": "{gate}: {rows}개 중 {right}개 맞음",
}

# gatelab.plots, gatelab.mlp_plots: titles, axis labels, legends
PLOTS: dict[str, str] = {
    "wrong side": "잘못된 쪽",
    "says 0 here": "여기서는 0",
    "says 1 here": "여기서는 1",
    "boundary": "결정 경계",
    "your input": "여러분의 입력",
    "w·x + b = {total}  →  step gives {output}": "w·x + b = {total}  →  계단 함수 출력 {output}",
    "threshold x = {threshold}": "임계값 x = {threshold}",
    "x (the one input)": "x (하나뿐인 입력)",
    "{gate}: the four inputs": "{gate}: 네 가지 입력",
    "NOT: one input, one threshold": "NOT: 입력 하나, 임계값 하나",
    "{gate}: the learned boundary": "{gate}: 학습한 결정 경계",
    "{gate}: {right} of 4 right": "{gate}: 4개 중 {right}개 맞음",
    "start of each epoch": "에포크 시작 때마다",
    "after training": "학습 후",
    "{gate}: the boundary epoch by epoch": "{gate}: 에포크마다 바뀌는 결정 경계",
    "mistakes in that epoch": "그 에포크에서 틀린 수",
    "no mistake": "틀린 것 없음",
    "rows predicted wrong": "틀리게 예측한 행",
    "mistakes per epoch": "에포크별 틀린 수",
    "epoch {epoch} made no mistake: converged": "에포크 {epoch}에서 틀린 것 없음: 수렴",
    "never converged in {epochs} epochs": "{epochs} 에포크 동안 수렴하지 않음",
    "learning rate": "학습률",
    "epochs to converge": "수렴까지 걸린 에포크",
    "Median over {seeds} seeds (bars: the middle half of the seeds)": (
        "시드 {seeds}개의 중앙값(막대: 가운데 절반의 시드)"
    ),
    "gate": "게이트",
    "the row this step looks at": "이 단계에서 보는 행",
    "wrong → the line moves": "틀림 → 직선이 움직임",
    "right → the line stays": "맞음 → 직선이 그대로",
    "the line is off the picture:\nevery point gets {output}": (
        "직선이 그림 밖에 있음:\n모든 점이 {output}"
    ),
    "step {number}: ({x1},{x2}) says {output}\n{verdict}": (
        "단계 {number}: ({x1},{x2}) 출력 {output}\n{verdict}"
    ),
    "{gate}, epoch {epoch}: the line before each update": (
        "{gate}, 에포크 {epoch}: 업데이트 직전의 직선"
    ),
    "between the two 1s": "두 1 사이",
    "between the two 0s": "두 0 사이",
    "shared midpoint": "공통 중점",
    "(½, ½): the middle of both diagonals": "(½, ½): 두 대각선의 한가운데",
    "XOR: the diagonals cross": "XOR: 대각선이 서로 엇갈립니다",
    "{line}\n{wrong} of 4 wrong": "{line}\n4개 중 {wrong}개 틀림",
    "{gate}: 1 only in the band where every line fires": (
        "{gate}: 모든 직선이 1을 내는 띠 안에서만 1"
    ),
    "{name}'s line": "{name}의 직선",
    "from {sources}": "{sources}에서 옴",
    "{name} (hidden)": "{name} (은닉층)",
    "After the hidden layer: one line is enough": "은닉층을 지나면: 직선 하나로 충분합니다",
    # gatelab.mlp_plots
    "boundary: p = 0.5": "결정 경계: p = 0.5",
    "P(output = 1)": "P(출력 = 1)",
    "hidden units' lines (thicker: larger |output weight|)": (
        "은닉 유닛의 직선(굵을수록 |출력 가중치|가 큼)"
    ),
    "{gate}: what the network learned": "{gate}: 신경망이 학습한 것",
    "training loss (final {loss})": "학습 손실(마지막 {loss})",
    "always p = 0.5: ln 2 ≈ 0.693": "늘 p = 0.5라고 답하면: ln 2 ≈ 0.693",
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

# gatelab.memory, gatelab.store: sizes and store messages shown in lessons
STORAGE: dict[str, str] = {
    "3 (a perceptron)": "3 (퍼셉트론)",
    "33 (the XOR network)": "33 (XOR 신경망)",
    "1 million": "100만(1 million)",
    "100 million": "1억(100 million)",
    "1 billion": "10억(1 billion)",
    "7 billion": "70억(7 billion)",
    "13 billion": "130억(13 billion)",
    "70 billion": "700억(70 billion)",
    "175 billion": "1,750억(175 billion)",
    "405 billion": "4,050억(405 billion)",
    "1 trillion": "1조(1 trillion)",
    "{parameters} parameters × {bytes} bytes ({dtype}) = {gb} GB = {share} of one "
    "{server_gb} GB server": (
        "파라미터 {parameters}개 × {bytes}바이트({dtype}) = {gb} GB = {server_gb} GB 서버 "
        "한 대의 {share}"
    ),
    "{dtype}: {bytes} bytes each": "{dtype}: 하나에 {bytes}바이트",
    "one server: {gpus} × {gb_per_gpu} GB = {server_gb} GB": (
        "서버 한 대: {gpus} × {gb_per_gpu} GB = {server_gb} GB"
    ),
    "{label} parameters": "파라미터 {label}개",
    "memory for the weights": "가중치가 차지하는 메모리",
    "Weights only: does the model fit on one GPU server?": (
        "가중치만 따지면: 모델이 GPU 서버 한 대에 들어갈까요?"
    ),
    "parameters": "파라미터",
    "Memory for the weights": "가중치가 차지하는 메모리",
    # gatelab.store
    "invalid model name {name}: choose one of {gates}": (
        "잘못된 모델 이름 {name}: {gates} 중에서 고르세요"
    ),
    "no stored model for {name} yet: train one, e.g. store.save({quoted}, {how})": (
        "{name}의 저장된 모델이 아직 없습니다: 하나 학습시켜 저장하세요. "
        "예: store.save({quoted}, {how})"
    ),
    "{filename} holds a safetensors tensor file, not perceptron JSON": (
        "{filename}에는 퍼셉트론 JSON이 아니라 safetensors 텐서 파일이 들어 있습니다"
    ),
    "{filename} holds JSON, not a safetensors tensor file": (
        "{filename}에는 safetensors 텐서 파일이 아니라 JSON이 들어 있습니다"
    ),
    "{filename} is not a gatelab model file: it looks like {sniffed}": (
        "{filename}은 gatelab 모델 파일이 아닙니다: {sniffed}로 보입니다"
    ),
    "{filename} is not valid JSON (truncated?): {detail}": (
        "{filename}은 올바른 JSON이 아닙니다(중간에 잘렸나요?): {detail}"
    ),
    "a Python pickle (the store never unpickles)": (
        "Python pickle(모델 저장소(model store)는 절대 역직렬화(unpickle)하지 않습니다)"
    ),
    "a zip archive such as a torch.save file (the store does not read those)": (
        "torch.save 파일 같은 zip 압축 파일(모델 저장소는 이런 파일을 읽지 않습니다)"
    ),
    "an empty file": "빈 파일",
    "unknown bytes": "알 수 없는 바이트",
}

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
    "{gate}: {state} (at most {budget} allowed); weights ({weights}), bias {bias}": (
        "{gate}: {state}(최대 {budget} 에포크까지 허용). 가중치 ({weights}), 편향 {bias}"
    ),
    "epoch {epoch} made no mistake: converged": "에포크 {epoch}에서 틀린 것 없음: 수렴",
    "never converged in {epochs} epochs": "{epochs} 에포크 동안 수렴하지 않음",
}

# gatelab.mlp_widgets, gatelab.api_widgets: lessons 04 and 06 playgrounds
MORE_PLAYGROUNDS: dict[str, str] = {
    "{gate}: hidden size {hidden_size}, learning rate {rate}, seed {seed} → "
    "{right} of 4 right, final loss {loss}": (
        "{gate}: 은닉 크기 {hidden_size}, 학습률 {rate}, 시드 {seed} → 4개 중 {right}개 맞음, "
        "마지막 손실 {loss}"
    ),
    "Train the network again": "신경망 다시 학습시키기",
    "hidden size": "은닉 크기",
    "seed": "시드",
    "all four questions for {gate}:": "{gate}에 묻는 네 가지 질문:",
    "run the cells that start it again, then move a slider": (
        "서버를 시작하는 셀을 다시 실행한 뒤 슬라이더를 움직이세요"
    ),
    "The server is stopped, so nothing answered: {restart}.": (
        "서버가 멈춰 있어서 아무도 답하지 않았습니다: {restart}."
    ),
    "Ask the gate API": "게이트 API에 물어보기",
}

# Text the lessons' own code cells hand to the library (titles, line names, advice): the Korean
# edition copies code cells verbatim, so the library translates it when it shows it.
LESSON_TEXT: dict[str, str] = {
    "AND by hand: x1 + x2 − 1.5 = 0": "손으로 정한 AND: x1 + x2 − 1.5 = 0",
    "AND: 2 of 4 right": "AND: 4개 중 2개 맞음",
    "XOR = OR and NAND": "XOR = OR 그리고 NAND",
    "OR line": "OR 직선",
    "NAND line": "NAND 직선",
    "Set by hand: lesson 03's two lines": "손으로 정한 값: 수업 03의 직선 두 개",
    "XOR: training loss per epoch": "XOR: 에포크별 학습 손실",
    "XOR: the learned probability of 1": "XOR: 학습한 '1일 확률'",
    "XOR: the surface and the 8 hidden lines": "XOR: 확률 곡면과 은닉 직선 8개",
    "run the first cell of section 7 again to start it": (
        "7절의 첫 번째 셀을 다시 실행해서 서버를 시작하세요"
    ),
}

KOREAN: dict[str, str] = {
    **EXERCISES,
    **TABLES,
    **PLOTS,
    **STORAGE,
    **PLAYGROUNDS,
    **MORE_PLAYGROUNDS,
    **LESSON_TEXT,
}
