#!/usr/bin/env bash
# make test-spark: the PySpark driver (local mode, 2 cores, 4 partitions) and a plain
# `bitext batch --jobs 2` give identical output on a corpus built from the fixtures.
# Installs pyspark with pip when it is missing (needs Java 17 on the PATH).
#   BITEXT=.build/debug/bitext scripts/test_spark.sh [PAIRS]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BITEXT:-.build/debug/bitext}
export BITEXT_SIMILARITY=${BITEXT_SIMILARITY:-lexical}  # partitioning is under test, not meaning; the debug build embeds slowly
pairs=${1:-300}
fail() { echo "test-spark: FAIL: $*" >&2; exit 1; }

# pyspark: already installed, else pip; where pip refuses (an "externally managed" system Python),
# a virtual environment under out/.
python=python3
if ! python3 -c 'import pyspark' 2>/dev/null; then
  if ! python3 -m pip install --quiet pyspark; then
    python3 -m venv out/spark-venv && out/spark-venv/bin/pip install --quiet pyspark
    python=out/spark-venv/bin/python
  fi
fi
command -v java >/dev/null || fail "java is not on the PATH (Spark needs Java 17)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/batch_corpus.py --pairs "$pairs" --errors 12 --bitext "$bin" > "$work/corpus.jsonl"
lines=$(wc -l < "$work/corpus.jsonl")

start=$EPOCHREALTIME
status=0
"$bin" batch "$work/corpus.jsonl" --jobs 2 > "$work/plain.jsonl" 2> "$work/plain.err" || status=$?
plain=$(awk "BEGIN { print $EPOCHREALTIME - $start }")
[ "$status" -eq 1 ] || fail "plain batch: expected exit 1 (the corpus has error lines), got $status"

start=$EPOCHREALTIME
"$python" scripts/spark_batch.py "$work/corpus.jsonl" "$work/spark" --master 'local[2]' \
  --partitions 4 --bitext "$bin" 2> "$work/spark.log" \
  || { tail -40 "$work/spark.log" >&2; fail "spark_batch.py failed"; }
spark=$(awk "BEGIN { print $EPOCHREALTIME - $start }")
cat "$work"/spark/part-* > "$work/spark.jsonl"

[ "$(wc -l < "$work/plain.jsonl")" -eq "$lines" ] || fail "plain batch: not one output line per input"
[ "$(wc -l < "$work/spark.jsonl")" -eq "$lines" ] || fail "spark: not one output line per input"
if cmp -s "$work/plain.jsonl" "$work/spark.jsonl"; then
  verdict="identical"
else
  # Spark may reorder partitions on other setups: compare sorted by id before failing.
  python3 - "$work/plain.jsonl" "$work/spark.jsonl" <<'PY' || fail "outputs differ"
import json, sys
def rows(path):
    with open(path, encoding="utf-8") as f:
        return sorted(f, key=lambda line: str(json.loads(line)["id"]))
sys.exit(0 if rows(sys.argv[1]) == rows(sys.argv[2]) else 1)
PY
  verdict="identical after sorting by id"
fi
errors=$(grep -c '"error": ' "$work/plain.jsonl" || true)
printf 'test-spark: OK: %d lines (%d error lines), outputs %s; plain %.1f s, spark %.1f s\n' \
  "$lines" "$errors" "$verdict" "$plain" "$spark"
