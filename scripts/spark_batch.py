#!/usr/bin/env python3
"""Runs `bitext batch` over a JSON Lines corpus with Apache Spark (RDD.pipe).

The corpus is read with `textFile` (one document pair per line), spread over partitions, and each
partition is piped through one `bitext batch` process; the results are written with
`saveAsTextFile` (OUTPUT/part-00000, part-00001, ...). `textFile` keeps lines in order inside and
across partitions and nothing is shuffled, so the part files concatenated are in input order:
the same lines as a single `bitext batch` run over the whole corpus.

    pip install pyspark            # Java 17 on the PATH
    scripts/spark_batch.py corpus.jsonl results --master 'local[2]' --partitions 4
    cat results/part-* > results.jsonl

On a cluster, give --bitext as a path that exists on every worker (or ship the binary with
--files / spark.files), and make the pairs' files readable there (a shared file system), or use
inline text ("source_text", "target_text"). Relative paths in the corpus are resolved against the
worker's current directory.

`bitext batch` exits 1 when some lines failed; that is part of its output (error lines), so the
exit code is not checked. Instead the driver checks that every input line gave one output line
and fails otherwise (a crashed or killed worker process).
"""
import argparse
import json
import os
import shutil
import sys
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", help="JSON Lines corpus (a path Spark can read)")
    parser.add_argument("output", help="output directory (replaced if it exists)")
    parser.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    parser.add_argument("--partitions", type=int, default=None,
                        help="minimum partitions (default: Spark's default parallelism)")
    parser.add_argument("--bitext", default=".build/release/bitext", help="the bitext binary")
    parser.add_argument("--jobs", type=int, default=1,
                        help="threads per bitext process (default 1: Spark runs one per core)")
    parser.epilog = "Further `bitext batch` options go after --, e.g. -- --glossary g.tsv"
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    args = parser.parse_args(argv[:argv.index("--")] if "--" in argv else argv)

    from pyspark import SparkConf, SparkContext  # imported late: --help works without pyspark

    started = time.monotonic()
    conf = (SparkConf().setMaster(args.master).setAppName("bitext-batch")
            .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false"))
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    context_ready = time.monotonic()
    try:
        bitext = os.path.abspath(args.bitext)
        command = " ".join([bitext, "batch", "--jobs", str(args.jobs)] + extra)
        # RDD.pipe starts the command with exactly this environment. HOME (or XDG_CACHE_HOME)
        # lets bitext find its parsed-dictionary cache instead of parsing the dictionary per task;
        # BITEXT_SIMILARITY and BITEXT_E5_MODEL choose the evidence and the model as in a plain run.
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8"}
        passed = ("HOME", "XDG_CACHE_HOME", "BITEXT_SIMILARITY", "BITEXT_E5_MODEL")
        env.update({k: os.environ[k] for k in passed if k in os.environ})
        lines = sc.textFile(os.path.abspath(args.input), minPartitions=args.partitions)
        results = lines.pipe(command, env=env, checkCode=False)
        if os.path.exists(args.output):
            shutil.rmtree(args.output)
        results.saveAsTextFile(os.path.abspath(args.output))
        job_done = time.monotonic()
        partitions = lines.getNumPartitions()
        read = lines.count()
    finally:
        sc.stop()
    seconds = time.monotonic() - started
    written = failed = 0
    for name in sorted(os.listdir(args.output)):
        if name.startswith("part-"):
            with open(os.path.join(args.output, name), encoding="utf-8") as f:
                for line in f:
                    written += 1
                    failed += '"error": ' in line and "error" in json.loads(line)
    print(f"spark_batch: {read} lines in, {written} out, {failed} error lines, "
          f"{partitions} partitions, {seconds:.1f} s in all (Spark start "
          f"{context_ready - started:.1f} s, pipe job {job_done - context_ready:.1f} s)",
          file=sys.stderr)
    if read != written:
        sys.exit(f"spark_batch: {read} input lines but {written} output lines")


if __name__ == "__main__":
    main()
