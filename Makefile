# bitext: the two commands of the README's quick start are `make demo` and `make test`.
SWIFT ?= swift
BIN = .build/release/bitext

.PHONY: setup build demo test release clean

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

clean:
	rm -rf .build
