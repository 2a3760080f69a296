#!/usr/bin/env bash
# make bench-batch: throughput and peak memory of `bitext batch` on corpora built from the
# fixtures (scripts/batch_corpus.py, 1,000 and 10,000 pairs), with --jobs 1 and --jobs 2; then
# the Spark driver's overhead on the 1,000-pair corpus (when pyspark is installed).
# Prints a Markdown table. Corpora and outputs stay in out/bench-batch/.
#   BITEXT=.build/release/bitext scripts/bench_batch.sh [SIZES...]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BITEXT:-.build/release/bitext}
export BITEXT_SIMILARITY=${BITEXT_SIMILARITY:-lexical}  # the figures are for lexical evidence; set embeddings to measure those
if [ $# -gt 0 ]; then sizes=("$@"); else sizes=(1000 10000); fi
dir=out/bench-batch
mkdir -p "$dir"

source scripts/measure.sh

echo "Machine: $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| pairs | --jobs | wall s | pairs/s | speed-up | CPU s | pairs per CPU s | peak RSS (MiB) |"
echo "|------:|-------:|-------:|--------:|---------:|------:|----------------:|---------------:|"
for size in "${sizes[@]}"; do
  corpus="$dir/corpus-$size.jsonl"
  [ -s "$corpus" ] || python3 scripts/batch_corpus.py --pairs "$size" --bitext "$bin" > "$corpus"
  base=""
  for jobs in 1 2; do
    read -r seconds cpu rss < <(measure "$bin" batch "$corpus" --jobs "$jobs" -o "$dir/out-$size-$jobs.jsonl")
    rate=$(awk "BEGIN { printf \"%.0f\", $size / $seconds }")
    [ -n "$base" ] || base=$seconds
    speedup=$(awk "BEGIN { printf \"%.2f\", $base / $seconds }")
    per_cpu=$(awk "BEGIN { printf \"%.0f\", $size / $cpu }")
    mib=$(awk "BEGIN { printf \"%.1f\", $rss / 1024 }")
    echo "| $size | $jobs | $seconds | $rate | ${speedup}× | $cpu | $per_cpu | $mib |"
  done
  cmp -s "$dir/out-$size-1.jsonl" "$dir/out-$size-2.jsonl" \
    || { echo "bench-batch: --jobs 1 and --jobs 2 outputs differ for $size pairs" >&2; exit 1; }
done
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

if python3 -c 'import pyspark' 2>/dev/null && command -v java >/dev/null; then
  size=${sizes[0]}
  corpus="$dir/corpus-$size.jsonl"
  start=$EPOCHREALTIME
  python3 scripts/spark_batch.py "$corpus" "$dir/spark-$size" --master 'local[2]' --partitions 2 \
    --bitext "$bin" 2> "$dir/spark.log"
  spark=$(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $start }")
  cat "$dir/spark-$size"/part-* | cmp -s - "$dir/out-$size-2.jsonl" \
    || { echo "bench-batch: Spark output differs from the plain batch" >&2; exit 1; }
  plain=$(measure "$bin" batch "$corpus" --jobs 2 -o "$dir/out-$size-2.jsonl" | cut -d' ' -f1)
  empty=$(echo -n | measure "$bin" batch --jobs 1 | cut -d' ' -f1)
  echo
  echo "Spark local[2], 2 partitions, $size pairs: $spark s (driver start to finish, JVM included);"
  echo "plain bitext batch --jobs 2: $plain s; overhead $(awk "BEGIN { printf \"%.1f\", $spark - $plain }") s"
  echo "(bitext's own start-up, dictionary included, is $empty s per process; Spark starts one per"
  echo "partition). Details: $(grep 'spark_batch:' "$dir/spark.log")"
fi
