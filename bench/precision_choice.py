#!/usr/bin/env python3
"""Does the choice change in the hardware's arithmetic? For each finished run folder given, the
energy-mode choice at the report's threshold (CAP, or the best accuracy both arithmetics reach),
once on the accuracy the run scored with (e.g. eyeriss's 16-bit fixed point) and once on the float
accuracy every history keeps beside it; each network's most-trained evaluation, the Pareto set on
(accuracy, speedup, energy reduction) for each. Reads `axnas history RUN --json` (AXNAS_JAR is
passed on). Standard library only.

With --pairs, runs come in pairs of the same networks scored on two hardware configs (e.g. an
experiment's enumeration on eyeriss.yaml and the same enumeration re-scored from its cache on
eyeriss-int8.yaml): for each pair, the most accurate network and the energy-mode choice of each
at the threshold both reach (CAP, or the best accuracy both reach), and whether it differs.

Usage: bench/precision_choice.py CAP RUN_DIR...      e.g. bench/precision_choice.py 0.9 runs/mfbench/runs/*
       bench/precision_choice.py --pairs CAP RUN_A RUN_B [RUN_A RUN_B ...]
Last line: how many runs (pairs) choose another network.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def most_trained(rows, key):
    best = {}
    for r in rows:
        if r["status"] != "OK" or r.get(key) is None:
            continue
        f = r.get("fidelity") or 0
        if r["network"] not in best or f > (best[r["network"]].get("fidelity") or 0):
            best[r["network"]] = r
    return list(best.values())


def front(points, key):
    def dominates(q, p):
        ge = q[key] >= p[key] and q["speedup"] >= p["speedup"] and q["energyReduction"] >= p["energyReduction"]
        gt = q[key] > p[key] or q["speedup"] > p["speedup"] or q["energyReduction"] > p["energyReduction"]
        return ge and gt
    return [p for p in points if not any(dominates(q, p) for q in points)]


def energy_mode(points, key, threshold):
    ok = [p for p in points if p[key] >= threshold]
    return max(ok, key=lambda p: (p["energyReduction"], p[key])) if ok else None


def history(run):
    out = subprocess.check_output([os.path.join(ROOT, "axnas"), "history", run, "--json"], stderr=subprocess.DEVNULL)
    return json.loads(out)["rows"]


def pairs(cap, runs):
    if len(runs) % 2:
        sys.exit("bench/precision_choice.py --pairs: runs come in pairs (RUN_A RUN_B), got an odd number")
    changed = 0
    for a, b in zip(runs[0::2], runs[1::2]):
        fronts = []
        for run in (a, b):
            rows = history(run)
            fronts.append((rows[0].get("precision"), front(most_trained(rows, "accuracy"), "accuracy")))
        threshold = min(cap, *(max(p["accuracy"] for p in f) for _, f in fronts))
        picks = [energy_mode(f, "accuracy", threshold) for _, f in fronts]
        same = picks[0]["network"] == picks[1]["network"]
        changed += 0 if same else 1
        line = []
        for (precision, f), pick in zip(fronts, picks):
            top = max(f, key=lambda p: p["accuracy"])
            line.append(f"[{precision}] best {top['network']} {top['accuracy']:.3f}; choice {pick['network']} "
                        f"acc {pick['accuracy']:.3f} speedup {pick['speedup']:.2f}x energy {pick['energyReduction']:.2f}x")
        print(f"{os.path.basename(a.rstrip('/'))} threshold {threshold:.3f}: {line[0]} | {line[1]}"
              f"{'' if same else '  <- differs'}")
    print(f"precision-choice: {changed} of {len(runs) // 2} pairs choose another network on the second config")


def main():
    if sys.argv[1] == "--pairs":
        pairs(float(sys.argv[2]), sys.argv[3:])
        return
    cap = float(sys.argv[1])
    changed = 0
    runs = sys.argv[2:]
    for run in runs:
        rows = history(run)
        ok = [r for r in rows if r["status"] == "OK" and r.get("floatAccuracy") is not None]
        if not ok:
            print(f"{run}: no evaluation with a float accuracy (a float run, or none OK)")
            continue
        threshold = min(cap, max(r["accuracy"] for r in ok), max(r["floatAccuracy"] for r in ok))
        fixed = energy_mode(front(most_trained(rows, "accuracy"), "accuracy"), "accuracy", threshold)
        flt = energy_mode(front(most_trained(rows, "floatAccuracy"), "floatAccuracy"), "floatAccuracy", threshold)
        same = (fixed is None and flt is None) or (fixed and flt and fixed["network"] == flt["network"])
        changed += 0 if same else 1
        show = lambda p, k: "-" if p is None else f"{p['network']} acc {p[k]:.3f} energy {p['energyReduction']:.2f}x"
        print(f"{os.path.basename(run.rstrip('/'))} [{rows[0].get('precision')}] threshold {threshold:.3f}: "
              f"{show(fixed, 'accuracy')} | float: {show(flt, 'floatAccuracy')}{'' if same else '  <- differs'}")
    print(f"precision-choice: {changed} of {len(runs)} runs choose another network in float than in the run's arithmetic")


if __name__ == "__main__":
    main()
