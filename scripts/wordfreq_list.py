#!/usr/bin/env python3
"""Derives bitext's general-language frequency list from PyPI wordfreq (run by scripts/setup.sh).

    python3 scripts/wordfreq_list.py [OUTPUT]     (default: the path GeneralFrequency reads)

Writes every word of wordfreq's `large` German list with a Zipf frequency of at least 1.5 as
`word<TAB>zipf` lines, commonest first, to OUTPUT (default `$XDG_DATA_HOME/bitext/wordfreq-de.tsv`,
else `~/.local/share/bitext/wordfreq-de.tsv`), written to a temporary file and renamed. bitext reads
this file at run time (`bitext glossary extract`'s termhood) and downloads nothing; the list's data
is wordfreq's (CC BY-SA 4.0), which is why it is derived on the user's machine and not shipped.
"""
import os
import sys
import tempfile

from importlib.metadata import version

import wordfreq

MINIMUM_ZIPF = 1.5


def default_path():
    data = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(data, "bitext", "wordfreq-de.tsv")


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else default_path()
    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    frequencies = wordfreq.get_frequency_dict("de", wordlist="large")
    folder = os.path.dirname(os.path.abspath(output))
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False) as file:
        file.write(f"# wordfreq {version('wordfreq')} "
                   f"large German list, Zipf >= {MINIMUM_ZIPF}: word<TAB>zipf\n")
        for word, frequency in sorted(frequencies.items(), key=lambda item: -item[1]):
            zipf = round(wordfreq.zipf_frequency(word, "de", wordlist="large"), 2)
            if zipf < MINIMUM_ZIPF:
                break
            if "\t" in word or "\n" in word or word.startswith("#"):
                continue
            file.write(f"{word}\t{zipf}\n")
        temporary = file.name
    os.chmod(temporary, 0o644)
    os.replace(temporary, output)
    print(f"wordfreq_list: wrote {output}", file=sys.stderr)


if __name__ == "__main__":
    main()
