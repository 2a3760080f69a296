# bitext: the two commands of the README's quick start are `make demo` and `make test`.
SWIFT ?= swift
BIN = .build/release/bitext

.PHONY: setup build demo test release clean test-spark bench-batch glossaries

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build -c release

## The main job on the fixtures.
demo: build
	$(BIN) segment Fixtures/ukraine-nato.de.txt --lang de

## The test suite.
test: setup
	$(SWIFT) test
	@if [ "$$CI" = true ]; then $(MAKE) test-spark; fi

clean:
	rm -rf .build

## Spark (local mode, 2 cores) and the plain `bitext batch` give identical output (installs pyspark).
test-spark: setup
	$(SWIFT) build
	BITEXT=.build/debug/bitext scripts/test_spark.sh

## Pairs/s with --jobs 1 and 2, peak memory at 1,000 and 10,000 pairs, Spark overhead.
bench-batch: build
	BITEXT=$(BIN) scripts/bench_batch.sh

## The shipped TBX glossary, generated from its single source of truth, the TSV.
glossaries: setup
	$(SWIFT) build --product bitext
	.build/debug/bitext glossary convert glossaries/news-politics.de-en.tsv glossaries/news-politics.de-en.tbx

## Alignment time, peak memory and pairs/s at 1k, 10k and 100k sentences (generated pairs).
bench-alignment: setup ; cd Benchmarks && $(SWIFT) run -c release AlignmentBenchmark

## Term matching and the terminology check: 10,000 glossary entries over 10,000 sentence pairs.
bench-terms: setup ; cd Benchmarks && $(SWIFT) run -c release TermBenchmark

## MB/s of bitext segmentation vs raw ICU sentence iteration on 50 MB of German; peak memory.
bench-segmentation: setup ; cd Benchmarks && $(SWIFT) run -c release SegmentationBenchmark
