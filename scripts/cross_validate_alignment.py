#!/usr/bin/env python3
"""Two-fold cross-validation of the aligner's weights on the Text+Berg dev document.

The dev document is cut in two halves (`bitext eval alignment --half 1|2`). For each half, the
weights are chosen on it by a grid search (strict F1), and scored on the other half; the printed
cross-validated figure is the mean of the two held-out halves' strict F1.

    scripts/cross_validate_alignment.py [--bitext .build/release/bitext] [--grid mean=2,4,8 sim=2,4]
        [-- extra eval options, e.g. --vectors FILE]

Every option after `--` is passed to `bitext eval alignment`.
"""
import argparse
import itertools
import re
import subprocess
import sys

DEFAULT_GRID = {"mean": [0, 2, 4, 6, 8], "sim": [1, 2, 4], "skip": [3.5, 4.5, 6]}


def run(bitext, half, scoring, extra):
    command = [bitext, "eval", "alignment", "--half", str(half), "--scoring", scoring] + extra
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    counts = {}
    for name in ("precision", "recall", "F1"):
        counts[name] = float(re.search(rf"^{name}\s+([0-9.]+)", output, re.M).group(1))
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bitext", default=".build/release/bitext")
    parser.add_argument("--grid", nargs="*", default=[], help="name=v1,v2,… (mean, sim, skip, len, merge)")
    arguments, extra = parser.parse_known_args()
    extra = [a for a in extra if a != "--"]
    grid = dict(DEFAULT_GRID)
    for item in arguments.grid:
        name, values = item.split("=")
        grid[name] = [float(v) for v in values.split(",")]
    names = sorted(grid)
    points = [dict(zip(names, values)) for values in itertools.product(*(grid[n] for n in names))]
    scoring = lambda p: ",".join(f"{n}={p[n]:g}" for n in names)
    results = {1: {}, 2: {}}
    for point in points:
        for half in (1, 2):
            results[half][scoring(point)] = run(arguments.bitext, half, scoring(point), extra)
        print(f"{scoring(point)}: half 1 F1 {results[1][scoring(point)]['F1']:.3f}, "
              f"half 2 F1 {results[2][scoring(point)]['F1']:.3f}", file=sys.stderr)
    held_out = []
    for tuned, scored in ((1, 2), (2, 1)):
        best = max(results[tuned], key=lambda s: results[tuned][s]["F1"])
        held_out.append(results[scored][best]["F1"])
        print(f"tuned on half {tuned}: {best} (F1 {results[tuned][best]['F1']:.3f} there), "
              f"strict F1 on half {scored}: {results[scored][best]['F1']:.3f}")
    print(f"cross-validated strict F1 (mean of the two held-out halves): {sum(held_out) / 2:.3f}")


if __name__ == "__main__":
    main()
