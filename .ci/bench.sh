#!/usr/bin/env bash
# Sizes of every file in dist/ (raw, gzip -9, brotli -q 11) and what a browser downloads on a
# first load: everything but 404.html (a copy of index.html for hosts without rewrites).
set -euo pipefail
dist=${1:-dist}
printf '%-48s %10s %10s %10s\n' file raw gzip-9 brotli
load_raw=0; load_gz=0; load_br=0
while IFS= read -r -d '' f; do
  name=${f#"$dist"/}
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -c -q 11 "$f" | wc -c)
  printf '%-48s %10d %10d %10d\n' "$name" "$raw" "$gz" "$br"
  if [ "$name" != 404.html ]; then
    load_raw=$((load_raw + raw)); load_gz=$((load_gz + gz)); load_br=$((load_br + br))
  fi
done < <(find "$dist" -type f -print0 | sort -z)
printf '%-48s %10d %10d %10d\n' "first load (all but 404.html)" "$load_raw" "$load_gz" "$load_br"
echo "first load, brotli: $load_br bytes"
