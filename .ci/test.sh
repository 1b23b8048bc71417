#!/usr/bin/env bash
# Every check of `make test`, in order, stopping at the first failure. Ends with the line
# 'N passed, N failed' that sums the tests of every layer that ran.
set -uo pipefail
cd "$(dirname "$0")/.."

log_dir=target/test-logs
mkdir -p "$log_dir"
passed=0
failed=0
start=$(date +%s)

summary() {
  echo
  echo "make test: $(( $(date +%s) - start )) s"
  echo "$passed passed, $failed failed"
}

# Adds the counts a runner printed: cargo's 'test result: ... N passed; M failed' and
# Playwright's 'N passed' / 'N failed' lines.
count() {
  local log=$1 p f
  p=$(grep -Eo '^test result: [a-zA-Z]+\. [0-9]+ passed' "$log" | awk '{s+=$4} END {print s+0}')
  f=$(grep -Eo '^test result: [a-zA-Z]+\. [0-9]+ passed; [0-9]+ failed' "$log" | awk '{s+=$6} END {print s+0}')
  p=$(( p + $(grep -Eo '^ +[0-9]+ passed \(' "$log" | awk '{s+=$1} END {print s+0}') ))
  f=$(( f + $(grep -Eo '^ +[0-9]+ failed$' "$log" | awk '{s+=$1} END {print s+0}') ))
  passed=$(( passed + p ))
  failed=$(( failed + f ))
}

# step NAME COMMAND...: runs a step, shows its output, stops everything when it fails.
step() {
  local name=$1; shift
  local log="$log_dir/$name.log"
  echo "==> $name: $*"
  local t0=$(date +%s)
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  count "$log"
  echo "<== $name: $(( $(date +%s) - t0 )) s, exit $rc"
  if [ "$rc" != 0 ]; then
    [ "$failed" -gt 0 ] || failed=1
    echo "FAILED: $name"
    summary
    exit 1
  fi
}

step fmt cargo fmt --all --check
step clippy-app-wasm cargo clippy -p pstn-console --target wasm32-unknown-unknown --all-targets -- -D warnings
step clippy-app-host cargo clippy -p pstn-console --all-targets -- -D warnings
step clippy-sim cargo clippy -p webex-sim --all-targets -- -D warnings
step unit-app cargo test -p pstn-console --lib
step unit-sim cargo test -p webex-sim
step browser cargo test -p pstn-console --target wasm32-unknown-unknown --test browser
step release-build trunk build --release --offline
# The policy the tests run under: Webex and the e2e simulator.
# E2E_PORT_BASE (default 8180) moves the e2e servers' ports; the simulator is on base + 1.
sim_origin="http://127.0.0.1:$(( ${E2E_PORT_BASE:-8180} + 1 ))"
step finish-dist python3 tools/finish-dist dist https://webexapis.com "$sim_origin"
# The same app for hosting under a sub-path (e2e/tests/subpath.spec.ts); cargo's build is reused.
step release-build-subpath trunk build --release --offline --public-url /tools/pstn/ --dist target/dist-subpath
step finish-dist-subpath python3 tools/finish-dist target/dist-subpath https://webexapis.com "$sim_origin"
step build-sim cargo build --quiet -p webex-sim

exchanges=target/e2e-exchanges.jsonl
rm -f "$exchanges"
step e2e bash -c "cd e2e && npx playwright test"
step spec-check python3 ../shared/tools/webex-spec-check "$exchanges"

summary
