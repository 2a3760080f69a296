# Sourced by the benchmark scripts (bench_batch.sh, bench_bilingual.sh).
#
# measure COMMAND...: runs COMMAND under /usr/bin/time -v, its output discarded (exit status 1,
# findings, counts as success); prints "wall_seconds cpu_seconds max_rss_kib".
measure() {
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" > /dev/null 2> "$log" || [ $? -eq 1 ]
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i] }
    /User time/ { cpu += $2 }
    /System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 }
    END { printf "%.2f %.2f %d\n", s, cpu, rss }' "$log"
  rm -f "$log"
}
