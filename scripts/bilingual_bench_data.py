#!/usr/bin/env python3
"""Generates the data of `make bench-bilingual`: a German-English glossary TSV and an XLIFF 1.2
file of UNITS translation units that use its terms, with inline codes, numbers and planted
problems (a missing term, a changed number, a lost code, a second translation of a repeated
source, an empty target), deterministically.

    python3 scripts/bilingual_bench_data.py --units 100000 --entries 10000 --out out/bench-bilingual
"""

import argparse
import os
import random
from xml.sax.saxutils import escape

def _term_parts(kind):
    """The German compound parts of one kind ("modifier" or "head") with their English
    translations, from Benchmarks/term-parts.tsv (shared with TermBenchmark)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Benchmarks", "term-parts.tsv")
    with open(path, encoding="utf-8") as parts:
        rows = [line.rstrip("\n").split("\t") for line in parts if not line.startswith("#")]
    return [(german, english) for row_kind, german, english in rows if row_kind == kind]


MODIFIERS = _term_parts("modifier")
HEADS = _term_parts("head")
MONTHS = [("Januar", "January"), ("März", "March"), ("Mai", "May"), ("Oktober", "October")]


def glossary(entries):
    pairs = []
    for first in MODIFIERS:
        for second in MODIFIERS:
            if second[0] == first[0]:
                continue
            for head in HEADS:
                pairs.append((first[0] + second[0].lower() + head[0],
                              f"{first[1]} {second[1]} {head[1]}"))
                if len(pairs) == entries:
                    return pairs
    return pairs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--out", default="out/bench-bilingual")
    arguments = parser.parse_args()
    os.makedirs(arguments.out, exist_ok=True)
    terms = glossary(arguments.entries)
    with open(os.path.join(arguments.out, "glossary.de-en.tsv"), "w", encoding="utf-8") as out:
        out.write("de\ten\n")
        for german, english in terms:
            out.write(f"{german}\t{english}\n")
    rng = random.Random(2026)
    path = os.path.join(arguments.out, f"project-{arguments.units}.xlf")
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
                  '<file original="project.docx" source-language="de" target-language="en" '
                  'datatype="plaintext">\n<body>\n')
        for index in range(arguments.units):
            german, english = terms[rng.randrange(len(terms))]
            day = rng.randrange(1, 29)
            month = MONTHS[rng.randrange(len(MONTHS))]
            source = (f'Der <g id="1">{german}</g> wurde am {day}. {month[0]} '
                      f'beschlossen.<x id="2"/>')
            target = (f'The <g id="1">{english}</g> was adopted on {day} {month[1]}.'
                      f'<x id="2"/>')
            problem = index % 50
            if problem == 7:
                target = target.replace(english, "new arrangement")
            elif problem == 17:
                target = target.replace(f" {day} ", f" {day + 1} ")
            elif problem == 27:
                target = target.replace('<x id="2"/>', "")
            elif problem == 37:
                target = ""
            out.write(f'<trans-unit id="{index + 1}"><source>{source}</source>'
                      f'<target state="translated">{target}</target></trans-unit>\n')
        out.write("</body>\n</file>\n</xliff>\n")
    print(path)


if __name__ == "__main__":
    main()
