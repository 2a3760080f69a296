#!/usr/bin/env bash
# Peak memory (and time) of `bitext align` and `bitext check` on pathological inputs, generated
# from the fixture pair's words: one line of a given size without sentence ends per side, and
# many one-word lines per side (one sentence each with --presegmented).
#   BITEXT=.build/release/bitext scripts/bench_memory.sh [LINE_MB…] -- [LINES…]
# Defaults: lines of 5 and 50 MB; 200,000 and 1,000,000 one-word lines.
set -euo pipefail
bitext=${BITEXT:-.build/release/bitext}
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=(5 50)
counts=(200000 1000000)
if [ $# -gt 0 ]; then
  sizes=(); counts=(); target=sizes
  for argument in "$@"; do
    if [ "$argument" = -- ]; then target=counts; continue; fi
    if [ $target = sizes ]; then sizes+=("$argument"); else counts+=("$argument"); fi
  done
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Words of the fixture pair, without sentence-ending punctuation, drawn with a fixed seed.
generate() { # kind (line|lines) size language output
  python3 - "$@" "$root" <<'PY'
import random, sys
kind, size, language, output, root = sys.argv[1:6]
text = open(f"{root}/Fixtures/ukraine-nato.{language}.txt", encoding="utf-8").read()
words = text.translate(str.maketrans(".?!:;", "     ")).split()
random.seed(1)
with open(output, "w", encoding="utf-8") as out:
    if kind == "line":
        limit, written, chunk = int(size) * 1_000_000, 0, []
        while written < limit:
            word = random.choice(words)
            chunk.append(word)
            written += len(word.encode()) + 1
        out.write(" ".join(chunk) + "\n")
    else:
        out.write("\n".join(random.choice(words) for _ in range(int(size))) + "\n")
PY
}

measure() { # label, command…
  local label=$1
  shift
  /usr/bin/time -f "%e s %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || true
  read -r seconds _ kilobytes <"$work/time"
  printf '%-44s %8.1f s %8.0f MiB peak\n' "$label" "$seconds" "$((kilobytes / 1024))"
}

glossary="$root/glossaries/news-politics.de-en.tsv"
for size in "${sizes[@]}"; do
  generate line "$size" de "$work/line.de.txt"
  generate line "$size" en "$work/line.en.txt"
  measure "align, one ${size} MB line per side" "$bitext" align "$work/line.de.txt" \
    "$work/line.en.txt" --no-dictionary --similarity lexical -o "$work/out.tsv"
  measure "check, one ${size} MB line per side" "$bitext" check "$work/line.de.txt" \
    "$work/line.en.txt" --glossary "$glossary" --no-dictionary --similarity lexical \
    --fail-on never -o "$work/out.txt"
done
for count in "${counts[@]}"; do
  generate lines "$count" de "$work/lines.de.txt"
  generate lines "$count" en "$work/lines.en.txt"
  measure "align, ${count} one-word lines per side" "$bitext" align "$work/lines.de.txt" \
    "$work/lines.en.txt" --presegmented --no-dictionary --similarity lexical -o "$work/out.tsv"
  measure "check, ${count} one-word lines per side" "$bitext" check "$work/lines.de.txt" \
    "$work/lines.en.txt" --presegmented --glossary "$glossary" --no-dictionary \
    --similarity lexical --fail-on never -o "$work/out.txt"
done
