#!/usr/bin/env bash
# What a browser downloads and how soon the console can be used (a benchmark, not a test):
# sizes of every file in dist/ (raw, gzip -9, brotli -q 11); the first load (everything but
# 404.html, a copy of index.html for hosts without rewrites); and the start time to a usable
# sign-in field over an emulated 10 Mbit/s, 40 ms link, median of 9 - each against the bare
# Leptos+router app of ../shared/baseline-app built in the same run.
set -euo pipefail
dist=${1:-dist}
root=$(cd "$(dirname "$0")/.." && pwd)
dist_abs=$(cd "$dist" && pwd)

# sizes DIR: prints every file and the first load; sets first_load_br.
sizes() {
  local dir=$1 load_raw=0 load_gz=0 load_br=0 f name raw gz br
  printf '%-48s %10s %10s %10s\n' file raw gzip-9 brotli
  while IFS= read -r -d '' f; do
    name=${f#"$dir"/}
    raw=$(stat -c %s "$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    br=$(brotli -c -q 11 "$f" | wc -c)
    printf '%-48s %10d %10d %10d\n' "$name" "$raw" "$gz" "$br"
    if [ "$name" != 404.html ]; then
      load_raw=$((load_raw + raw)); load_gz=$((load_gz + gz)); load_br=$((load_br + br))
    fi
  done < <(find "$dir" -type f -print0 | sort -z)
  printf '%-48s %10d %10d %10d\n' "first load (all but 404.html)" "$load_raw" "$load_gz" "$load_br"
  first_load_br=$load_br
}

sizes "$dist"
console_br=$first_load_br
echo "first load, brotli: $console_br bytes"

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
