#!/usr/bin/env bash
# make bench-bilingual: time and peak memory of `bitext check` on a generated XLIFF 1.2 file
# (100,000 units by default) with a generated 10,000-entry glossary, and of translate-toolkit
# reading the same file (scripts/ttk_units.py, which only reads and prints the units), in the
# same run. Prints a Markdown table. Data and outputs stay in out/bench-bilingual/.
#   BITEXT=.build/release/bitext scripts/bench_bilingual.sh [UNITS...]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BITEXT:-.build/release/bitext}
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(100000); fi
dir=out/bench-bilingual
mkdir -p "$dir"

source scripts/measure.sh

echo "Machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| units | file MiB | reader | wall s | units/s | peak RSS (MiB) | findings |"
echo "|------:|---------:|:-------|-------:|--------:|---------------:|---------:|"
for size in "${sizes[@]}"; do
  file=$(python3 scripts/bilingual_bench_data.py --units "$size" --entries 10000 --out "$dir")
  mib=$(awk "BEGIN { printf \"%.1f\", $(stat -c %s "$file") / 1048576 }")
  read -r seconds _ rss < <(measure "$bin" check "$file" --glossary "$dir/glossary.de-en.tsv" \
    --no-dictionary --format json -o "$dir/findings-$size.json")
  findings=$(grep -c '"kind"' "$dir/findings-$size.json" || true)
  echo "| $size | $mib | bitext check (read + all checks) | $seconds | $(awk "BEGIN { printf \"%.0f\", $size / $seconds }") | $(awk "BEGIN { printf \"%.0f\", $rss / 1024 }") | $findings |"
  if python3 -c "import translate.storage" 2>/dev/null; then
    read -r seconds _ rss < <(measure python3 scripts/ttk_units.py "$file")
    echo "| $size | $mib | translate-toolkit (read only) | $seconds | $(awk "BEGIN { printf \"%.0f\", $size / $seconds }") | $(awk "BEGIN { printf \"%.0f\", $rss / 1024 }") | - |"
  else
    echo "| $size | $mib | translate-toolkit | not installed (scripts/setup.sh) | | | |"
  fi
done
