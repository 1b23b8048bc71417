#!/usr/bin/env bash
# Sizes of every file in dist/ (raw, gzip -9, brotli) and the brotli total of a first load.
set -euo pipefail
dist=${1:-dist}
printf '%-44s %12s %12s %12s\n' file raw gzip-9 brotli
total_raw=0; total_gz=0; total_br=0
while IFS= read -r -d '' f; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -c -q 11 "$f" | wc -c)
  printf '%-44s %12d %12d %12d\n' "${f#"$dist"/}" "$raw" "$gz" "$br"
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz)); total_br=$((total_br + br))
done < <(find "$dist" -type f ! -name config.json ! -name '*.map' -print0 | sort -z)
printf '%-44s %12d %12d %12d\n' "total (first load)" "$total_raw" "$total_gz" "$total_br"
echo "first load, brotli: $total_br bytes"
