#!/usr/bin/env bash
# What a browser downloads and how soon the console can be used (a benchmark, not a test):
# sizes of every file in dist/ (raw, gzip -9, brotli -q 11); the first load of a tab that is not
# signed in (index.html, the style sheet and the sign-in app: not 404.html, a copy of index.html
# for hosts without rewrites, nor the console, which the sign-in asks for once its form shows);
# what a signed-in tab loads (the console instead of the sign-in); and the start time to a usable
# sign-in field over an emulated 10 Mbit/s, 40 ms link, median of 9, with the bytes fetched by
# then - each against the bare Leptos+router app of ../shared/baseline-app built in the same run;
# and what a keystroke costs in the search and picker at 10,000 locations (e2e/bench/keystrokes.mjs).
set -euo pipefail
dist=${1:-dist}
root=$(cd "$(dirname "$0")/.." && pwd)
dist_abs=$(cd "$dist" && pwd)

# sizes DIR [LATER]: prints every file and the first load: all files but 404.html and those whose
# name matches the pattern LATER (what is fetched after the first load). Sets first_load_br.
sizes() {
  local dir=$1 later=${2:-} load_raw=0 load_gz=0 load_br=0 f name raw gz br
  printf '%-48s %10s %10s %10s\n' file raw gzip-9 brotli
  while IFS= read -r -d '' f; do
    name=${f#"$dir"/}
    raw=$(stat -c %s "$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    br=$(brotli -c -q 11 "$f" | wc -c)
    printf '%-48s %10d %10d %10d\n' "$name" "$raw" "$gz" "$br"
    # shellcheck disable=SC2053 # $later is a pattern
    if [ "$name" != 404.html ] && { [ -z "$later" ] || [[ $name != $later ]]; }; then
      load_raw=$((load_raw + raw)); load_gz=$((load_gz + gz)); load_br=$((load_br + br))
    fi
  done < <(find "$dir" -type f -print0 | sort -z)
  printf '%-48s %10d %10d %10d\n' "first load (all but 404.html${later:+ and $later})" "$load_raw" "$load_gz" "$load_br"
  first_load_br=$load_br
}

sizes "$dist" 'pstn-console-*'
console_br=$first_load_br
echo "first load, brotli: $console_br bytes (a tab not signed in: the sign-in app)"
# A signed-in tab (a reload, a deep link) starts the console at once, without the sign-in app.
signed_in_br=0
for f in "$dist"/index.html "$dist"/*.css "$dist"/pstn-console-*; do
  signed_in_br=$((signed_in_br + $(brotli -c -q 11 "$f" | wc -c)))
done
echo "a signed-in tab loads, brotli: $signed_in_br bytes (index.html, style, the console)"

baseline_src=${BASELINE_APP:-$root/../shared/baseline-app}
if [ -d "$baseline_src" ]; then
  # The baseline's source is read-only where CI runs: build a copy, with its own target dir.
  rm -rf "$root/target/baseline-app" "$root/target/baseline-dist"
  cp -r "$baseline_src" "$root/target/baseline-app"
  (cd "$root/target/baseline-app" && CARGO_TARGET_DIR="$root/target/baseline-target" \
    trunk build --release --offline --dist ../baseline-dist >/dev/null)
  echo
  echo "baseline app (${baseline_src}):"
  sizes "$root/target/baseline-dist"
  baseline_br=$first_load_br
  echo "first load, brotli: console $console_br bytes, baseline $baseline_br bytes," \
    "ratio $(awk -v a="$console_br" -v b="$baseline_br" 'BEGIN { printf "%.2f", a / b }')"
  echo
  (cd "$root/e2e" && node bench/start-time.mjs console="$dist_abs" baseline="$root/target/baseline-dist")
else
  echo "(no baseline app at $baseline_src: start time of the console alone)"
  (cd "$root/e2e" && node bench/start-time.mjs console="$dist_abs")
fi

# Keystrokes at 10,000 rows: the simulator's large organization (`make sim`), the release build
# pointed at it.
echo
(cd "$root/e2e" && node bench/keystrokes.mjs "$dist_abs" "$root/target/debug/webex-sim")
