#!/usr/bin/env bash
# Time and peak memory (RSS) of hospes's spreadsheet writer alone, for 100 000 and 1 000 000 rows
# of ten columns, as XLSX (constant-memory mode) and as CSV: the peak should not grow with the
# rows. Run from anywhere:  bash core/benches/export_rss.sh [ROWS...]
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --quiet --release -p hospes --example sheet_rows
binary=target/release/examples/sheet_rows
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(100000 1000000)
for format in xlsx csv; do
  for rows in "${counts[@]}"; do
    report=$( { /usr/bin/time -v "$binary" "$rows" "$format" "$out/sheet.$format" >"$out/stdout"; } 2>&1 )
    peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' <<<"$report")
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' <<<"$report")
    printf '%-4s %9s rows: %s (wall %s), peak RSS %s MiB\n' "$format" "$rows" \
      "$(sed 's/, \/.*//' "$out/stdout")" "$wall" "$(awk -v kb="$peak" 'BEGIN { printf "%.1f", kb / 1024 }')"
  done
done
