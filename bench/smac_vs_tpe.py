#!/usr/bin/env python3
"""Optuna's TPE against uniform random search on the four synthetic objectives of the smac module,
budget 60 by default: a reference for SMAC's win rates (org.axnas.smac.WinRates, the same law of
random search). The objectives are ported from
smac/src/test/java/org/axnas/smac/SyntheticObjectives.java; their known optima are checked on start.
Used by bench/smac-efficiency --tpe; needs Optuna (Debian: python3-optuna).

Usage: smac_vs_tpe.py SEEDS FIRST_SEED [BUDGET]
"""
import math
import random
import sys

ACTIVATIONS = ["relu", "sigmoid", "tanh"]


def log2(x):
    return math.log(x) / math.log(2)


def sq(x):
    return x * x


def shifted_bowl(c):
    a1, x = ACTIVATIONS.index(c["a1"]), log2(c["n1"])
    if c["layers"] == 1:
        return 0.5 + sq(x - 5) / 10 + 0.1 * a1
    a2, y = ACTIVATIONS.index(c["a2"]), log2(c["n2"])
    cx, cy = 3 + 1.5 * a1, 2 + a2 + 0.5 * a1
    penalty = 0.3 * abs(a1 - 2) + 0.2 * abs(a2 - (a1 + 1) % 3)
    return (sq(x - cx) + sq(y - cy)) / 10 + penalty


VALLEY_OFFSET = {"relu": 2.0, "tanh": 3.0, "sigmoid": 4.0}
VALLEY_CENTRE = {"relu": 6.0, "tanh": log2(24), "sigmoid": 3.0}
VALLEY_PAIR = {"tanh>relu": 0.0, "relu>relu": 0.15, "sigmoid>tanh": 0.2, "tanh>tanh": 0.3, "relu>tanh": 0.3,
               "tanh>sigmoid": 0.35, "relu>sigmoid": 0.4, "sigmoid>sigmoid": 0.45, "sigmoid>relu": 0.5}
VALLEY_SINGLE = {"sigmoid": 0.0, "tanh": 0.1, "relu": 0.2}


def curved_valley(c):
    a1, x = c["a1"], log2(c["n1"])
    if c["layers"] == 1:
        return 1.0 + sq(x - 5) / 16 + VALLEY_SINGLE[a1]
    a2, y = c["a2"], log2(c["n2"])
    valley = VALLEY_OFFSET[a1] + 0.35 * sq(x - 4)
    return sq(y - valley) / 2 + sq(x - VALLEY_CENTRE[a2]) / 20 + VALLEY_PAIR[a1 + ">" + a2]


TARGET_WIDTHS = {"tanh": (24, 6), "relu": (64, 12), "sigmoid": (16, 16)}
PAIR_PENALTY = {"tanh>sigmoid": 0.0, "relu>tanh": 0.1, "relu>sigmoid": 0.2, "tanh>tanh": 0.25, "relu>relu": 0.3,
                "tanh>relu": 0.3, "sigmoid>sigmoid": 0.35, "sigmoid>tanh": 0.4, "sigmoid>relu": 0.45}
SINGLE_PENALTY = {"relu": 0.0, "tanh": 0.15, "sigmoid": 0.3}


def layered_target(c):
    a1, n1 = c["a1"], log2(c["n1"])
    if c["layers"] == 1:
        return 0.6 + sq(n1 - log2(48)) / 8 + SINGLE_PENALTY[a1]
    a2, n2 = c["a2"], log2(c["n2"])
    t = TARGET_WIDTHS[a1]
    return (sq(n1 - log2(t[0])) + sq(n2 - log2(t[1]))) / 8 + PAIR_PENALTY[a1 + ">" + a2]


FIRST_FACTOR = {"tanh": 1.0, "relu": 0.9, "sigmoid": 0.75}
STACK_FACTOR = {"tanh>sigmoid": 1.3, "tanh>relu": 1.0, "tanh>tanh": 0.9, "relu>relu": 1.1, "relu>tanh": 1.0,
                "relu>sigmoid": 0.7, "sigmoid>sigmoid": 0.6, "sigmoid>tanh": 0.6, "sigmoid>relu": 0.6}


def accuracy_vs_macs(c):
    capacity, macs, below, previous = 0.0, 0, 6, None
    for i in range(1, c["layers"] + 1):
        n, a = c["n%d" % i], c["a%d" % i]
        factor = FIRST_FACTOR[a] if previous is None else STACK_FACTOR[previous + ">" + a]
        capacity += log2(1 + min(n, 2 * below)) * factor
        macs += below * n
        below, previous = n, a
    macs += below
    return -(0.8 * (1 - math.exp(-capacity / 5)) + 0.2 / (1 + macs / 256.0))


OBJECTIVES = {"layered-target": layered_target, "shifted-bowl": shifted_bowl,
              "curved-valley": curved_valley, "accuracy-vs-macs": accuracy_vs_macs}


def check_optima():
    """The Java file's optima, so that a drift between the two ports fails loudly."""
    expected = [(layered_target, {"layers": 2, "n1": 24, "a1": "tanh", "n2": 6, "a2": "sigmoid"}, 0.0),
                (shifted_bowl, {"layers": 2, "n1": 64, "a1": "tanh", "n2": 8, "a2": "relu"}, 0.0),
                (curved_valley, {"layers": 2, "n1": 64, "a1": "tanh", "n2": 21, "a2": "relu"}, 2.951099638015526e-05),
                (accuracy_vs_macs, {"layers": 2, "n1": 9, "a1": "tanh", "n2": 18, "a2": "sigmoid"},
                 -0.7680661680573604)]
    for f, c, value in expected:
        if abs(f(c) - value) > 1e-12:
            sys.exit(f"{f.__name__}({c}) = {f(c)}, the Java objective gives {value}")


def suggest(trial):
    """SPEC's MLP space, define-by-run: layer i's width and activation exist only with i layers."""
    c = {"layers": trial.suggest_int("layers", 1, 2)}
    for i in range(1, c["layers"] + 1):
        c["n%d" % i] = trial.suggest_int("n%d" % i, 1, 128, log=True)
        c["a%d" % i] = trial.suggest_categorical("a%d" % i, ACTIVATIONS)
    return c


def tpe_best(optuna, f, sampler, budget):
    study = optuna.create_study(sampler=sampler)
    study.optimize(lambda t: f(suggest(t)), n_trials=budget)
    return min(t.value for t in study.trials)


def random_best(f, seed, budget):
    """Distinct uniform draws: layers uniform, widths log-uniform over [0.5, 128.5] rounded (the Java law)."""
    r = random.Random(seed)
    seen, best = set(), float("inf")
    while len(seen) < budget:
        c = {"layers": r.randint(1, 2)}
        for i in range(1, c["layers"] + 1):
            c["n%d" % i] = max(1, min(128, round(math.exp(r.uniform(math.log(0.5), math.log(128.5))))))
            c["a%d" % i] = r.choice(ACTIVATIONS)
        key = tuple(sorted(c.items()))
        if key not in seen:
            seen.add(key)
            best = min(best, f(c))
    return best


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    check_optima()
    import warnings
    import optuna
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    seeds, first = int(sys.argv[1]), int(sys.argv[2])
    budget = int(sys.argv[3]) if len(sys.argv) > 3 else 60
    samplers = [("TPE (multivariate, group)",
                 lambda s: optuna.samplers.TPESampler(seed=s, multivariate=True, group=True)),
                ("TPE (default)", lambda s: optuna.samplers.TPESampler(seed=s))]
    for name, f in OBJECTIVES.items():
        for label, make in samplers:
            wins, tpe_sum, random_sum = 0, 0.0, 0.0
            for s in range(first, first + seeds):
                t = tpe_best(optuna, f, make(s), budget)
                r = random_best(f, s, budget)
                wins += t < r
                tpe_sum += t
                random_sum += r
            print(f"{name}: {label}, seeds {first}..{first + seeds - 1}: beat random search in {wins} of {seeds} "
                  f"({100 * wins / seeds:.0f}%); mean best {tpe_sum / seeds:.4f} vs {random_sum / seeds:.4f}",
                  flush=True)


if __name__ == "__main__":
    main()
