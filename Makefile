# PSTN Console — the two commands are `make serve` and `make test`. Both install what is missing
# (and skip what is present), so they work on a fresh machine with only rustup, cargo, node, npm.

SHELL := /bin/bash
.SHELLFLAGS := -eu -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/e2e/node_modules/.bin:$(PATH)
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export CARGO_TERM_COLOR := never

TRUNK_VERSION := 0.21.14
# wasm-bindgen-cli must be exactly the wasm-bindgen of Cargo.lock.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/"/, "", $$3); print $$3 }' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Origins the page may connect to (its Content-Security-Policy): Webex, plus the simulator when serving.
API_ORIGINS ?= https://webexapis.com
SIM_ADDR ?= 127.0.0.1:8081
APP_ADDR ?= 127.0.0.1:8080
SEED ?= demo
# Milliseconds every simulated Webex answer waits (e.g. `make serve SEED=large LATENCY_MS=300`).
LATENCY_MS ?= 0
# The path the app is hosted under (Trunk's public URL): / or a sub-path like /tools/pstn/.
PUBLIC_URL ?= /

.PHONY: serve test bench dist setup setup-test build sim

## Tools for building: the wasm target, Trunk, wasm-bindgen-cli, wasm-opt (npm binaryen).
setup:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@trunk --version 2>/dev/null | grep -qx 'trunk $(TRUNK_VERSION)' || cargo install --locked trunk --version $(TRUNK_VERSION)
	@wasm-bindgen --version 2>/dev/null | grep -qx 'wasm-bindgen $(WASM_BINDGEN_VERSION)' || cargo install --force wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@[ -x e2e/node_modules/.bin/wasm-opt ] && [ -d e2e/node_modules/@playwright/test ] && [ -d e2e/node_modules/@axe-core/playwright ] || (cd e2e && npm ci --no-audit --no-fund)
	@cargo fetch --quiet

## Also what the tests need: Chromium and its driver, brotli, the spec checker's Python modules.
setup-test: setup
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null && command -v brotli >/dev/null || \
	  ($(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium chromium-driver brotli >/dev/null)
	@python3 -c 'import jsonschema, yaml' 2>/dev/null || python3 -m pip install --quiet jsonschema pyyaml

## The release build in dist/, with its Content-Security-Policy and 404.html (no config.json:
## every deployment brings its own, or none for Webex). API_ORIGINS adds origins the page may call;
## PUBLIC_URL=/tools/pstn/ builds it for hosting under that path.
build: setup
	trunk build --release --offline --public-url $(PUBLIC_URL)
	python3 tools/finish-dist dist $(API_ORIGINS)

dist: build

sim:
	cargo build --quiet -p webex-sim

## Build, then run the simulator (demo org; SEED=large for 10,000 locations, LATENCY_MS=300 for
## Webex far away) and serve the app pointed at it. Ctrl-C stops both.
serve: API_ORIGINS += http://$(SIM_ADDR)
serve: build sim
	@echo '{"apiBase": "http://$(SIM_ADDR)/v1"}' > dist/config.json
	@echo
	@echo "PSTN Console: http://$(APP_ADDR)$(PUBLIC_URL)   (Webex simulator at http://$(SIM_ADDR)/v1)"
	@echo "Sign in with the demo access token: demo-admin-token"
	@echo
	target/debug/webex-sim --seed $(SEED) --latency-ms $(LATENCY_MS) --addr $(SIM_ADDR) --serve-app dist --app-addr $(APP_ADDR) --app-base $(PUBLIC_URL)

## Every check, failing on the first error; ends with 'N passed, N failed'.
test: setup-test
	bash .ci/test.sh

## Sizes of what a browser downloads, start time and keystroke costs (a benchmark, not a test).
bench: build sim
	bash .ci/bench.sh dist
