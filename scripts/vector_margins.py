#!/usr/bin/env python3
"""How far apart in meaning the gold's beads are, from a vectors table: the figures behind the
margins of `BeadRepair.unpaired` and `BeadRepair.separated`.

    scripts/vector_margins.py --vectors dev.vec [--data DIR]
    scripts/vector_margins.py --vectors wmt.vec --source A.de --target A.en   # line-parallel

The table is what `bitext eval alignment --every-run --write-vectors FILE` writes (`text<TAB>`
space-separated components, unit length); the documents are one sentence a line, and the gold is
`[i, j]:[k]` links (`--data`: every *.defr file with its .de and .fr) or line i to line i.

Printed:
- gold 1-1 beads whose two sentences are no closer to each other than to the sentences up to two
  places around the other (a margin of at most 0), out of all gold 1-1 beads;
- for gold 2-2 beads, how much closer the straight pairs (first to first, second to second) are
  than the crossed pairs: min(straight) - max(crossed); and the same for two neighbouring gold 1-1
  beads taken together (median).
"""
import argparse
import glob
import os
import statistics

from peer_alignment import read_gold, read_lines, read_vectors


def documents(args):
    if args.source:
        source, target = read_lines(args.source), read_lines(args.target)
        gold = [([i], [i]) for i in range(min(len(source), len(target)))]
        yield source, target, gold
        return
    for path in sorted(glob.glob(os.path.join(args.data, "*.defr"))):
        stem = path[: -len(".defr")]
        yield read_lines(stem + ".de"), read_lines(stem + ".fr"), read_gold(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--vectors", required=True)
    parser.add_argument("--data", default=os.path.join(
        os.path.dirname(__file__), "..", "..", "shared", "data", "textberg-de-fr", "dev"))
    parser.add_argument("--source")
    parser.add_argument("--target")
    args = parser.parse_args()
    table = read_vectors(args.vectors)
    no_margin = one_to_one = 0
    two_by_two, neighbours = [], []
    for source, target, gold in documents(args):
        def cosine(i, j):
            a, b = table.get(source[i]), table.get(target[j])
            if a is None or b is None:
                return None
            return sum(x * y for x, y in zip(a, b))

        singles = [(s[0], t[0]) for s, t in gold if len(s) == 1 and len(t) == 1]
        for i, j in singles:
            own = cosine(i, j)
            around = [cosine(i, k) for k in range(j - 2, j + 3) if k != j and 0 <= k < len(target)]
            around += [cosine(k, j) for k in range(i - 2, i + 3) if k != i and 0 <= k < len(source)]
            around = [c for c in around if c is not None]
            if own is None or not around:
                continue
            one_to_one += 1
            no_margin += own <= max(around)

        def lead(i, j):
            pairs = [cosine(i, j), cosine(i + 1, j + 1), cosine(i, j + 1), cosine(i + 1, j)]
            if None in pairs:
                return None
            return min(pairs[0], pairs[1]) - max(pairs[2], pairs[3])

        for s, t in gold:
            if len(s) == 2 and len(t) == 2 and (value := lead(s[0], t[0])) is not None:
                two_by_two.append(value)
        for (i, j), (k, m) in zip(singles, singles[1:]):
            if k == i + 1 and m == j + 1 and (value := lead(i, j)) is not None:
                neighbours.append(value)
    print(f"gold 1-1 beads with no margin over the sentences two places around: "
          f"{no_margin} of {one_to_one}")
    if two_by_two:
        ordered = sorted(two_by_two, reverse=True)
        print(f"gold 2-2 beads, straight minus crossed: largest {ordered[0]:.3f}, "
              f"third largest {ordered[min(2, len(ordered) - 1)]:.3f}, of {len(ordered)}")
    if neighbours:
        print(f"two neighbouring gold 1-1 beads, straight minus crossed: median "
              f"{statistics.median(neighbours):.3f}, of {len(neighbours)}")


if __name__ == "__main__":
    main()
