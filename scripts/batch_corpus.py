#!/usr/bin/env python3
"""Builds a JSON Lines corpus of document pairs for `bitext batch` from the fixtures (no downloads).

Every fixture pair Fixtures/NAME.de.txt + NAME.en.txt with a gold alignment NAME.gold.txt
("[src]:[tgt]" lines, 0-based sentence indexes) is cut into sentences with `bitext segment`,
then varied: a random window of gold beads, random paragraphing, and sometimes a dropped
target sentence (an omission) or two windows joined into one longer document. Every tenth pair
refers to the fixture files by path instead of carrying inline text. The output is a pure
function of --pairs and --seed.

    scripts/batch_corpus.py --pairs 1000 --bitext .build/release/bitext > corpus.jsonl
    scripts/batch_corpus.py --pairs 200 --errors 5 > small.jsonl   # plus 5 failing pairs
"""
import argparse
import glob
import json
import os
import random
import subprocess
import sys


def sentences(bitext, path, lang):
    """The sentences of a file as `bitext segment --format jsonl` cuts them."""
    out = subprocess.run([bitext, "segment", path, "--lang", lang, "--format", "jsonl"],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line)["text"].replace("\n", " ") for line in out.splitlines() if line]


def gold(path):
    beads = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            left, right = line.split(":")
            beads.append((json.loads(left), json.loads(right)))
    return beads


def fixture_pairs(root, bitext):
    pairs = []
    for de in sorted(glob.glob(os.path.join(root, "Fixtures", "*.de.txt"))):
        stem = de[: -len(".de.txt")]
        en, links = stem + ".en.txt", stem + ".gold.txt"
        if not (os.path.exists(en) and os.path.exists(links)):
            continue
        pairs.append({
            "name": os.path.basename(stem),
            "de_path": os.path.relpath(de, root), "en_path": os.path.relpath(en, root),
            "de": sentences(bitext, de, "de"), "en": sentences(bitext, en, "en"),
            "beads": gold(links),
        })
    if not pairs:
        sys.exit("batch_corpus.py: no fixture pair (NAME.de.txt, NAME.en.txt, NAME.gold.txt)")
    return pairs


def render(beads, side, texts, rng, drop):
    """The text of one side: the sentences of `beads`, paragraphs of 1-3 beads."""
    paragraphs, current = [], []
    for number, bead in enumerate(beads):
        words = [texts[i] for i in bead[side] if not (drop is not None and i == drop)]
        if words:
            current.append(" ".join(words))
        if current and (rng.random() < 0.45 or number == len(beads) - 1):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs) + "\n"


def variation(pair, rng):
    beads = pair["beads"]
    windows = []
    for _ in range(2 if rng.random() < 0.25 else 1):
        length = rng.randint(3, len(beads))
        start = rng.randint(0, len(beads) - length)
        windows.extend(beads[start:start + length])
    drop = None
    if rng.random() < 0.2:
        targets = [i for bead in windows for i in bead[1]]
        drop = rng.choice(targets) if targets else None
    return render(windows, 0, pair["de"], rng, None), render(windows, 1, pair["en"], rng, drop)


def errors(count):
    kinds = [
        lambda n: {"id": f"err-{n}", "source": f"Fixtures/missing-{n}.de.txt",
                   "target_text": "Missing source.", "source_lang": "de", "target_lang": "en"},
        lambda n: {"id": f"err-{n}", "source_text": " \n ", "target_text": "Blank source.",
                   "source_lang": "de", "target_lang": "en"},
        lambda n: {"id": f"err-{n}", "source_text": "Kein Ziel.", "source_lang": "de",
                   "target_lang": "en"},
        lambda n: {"id": f"err-{n}", "source_text": "Sprache fehlt.", "target_text": "No lang."},
    ]
    return [kinds[n % len(kinds)](n) for n in range(count)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=1000, help="good document pairs")
    parser.add_argument("--errors", type=int, default=0, help="failing pairs mixed in (with ids)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bitext", default=".build/release/bitext", help="the bitext binary")
    parser.add_argument("--root", default=".", help="the repository (Fixtures/ lives there)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pairs = fixture_pairs(args.root, args.bitext)
    records = []
    for n in range(args.pairs):
        pair = pairs[n % len(pairs)]
        record = {"id": f"{pair['name']}-{n:06d}"}
        if n % 10 == 0:
            record.update(source=pair["de_path"], target=pair["en_path"])
        else:
            source, target = variation(pair, rng)
            record.update(source_text=source, target_text=target)
        record.update(source_lang="de", target_lang="en")
        records.append(record)
    bad = errors(args.errors)
    for number, record in enumerate(bad):
        records.insert(rng.randint(0, len(records)) if records else 0, record)
    out = sys.stdout
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
