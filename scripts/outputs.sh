#!/usr/bin/env bash
# Writes every output table and report of BIN over the bundled corpus/ (and, when present,
# ../shared/corpus/real) into DIR, so that two builds can be compared with `diff -r`:
#   scripts/outputs.sh target/release/gongwen /tmp/before
#   ... change, build ...
#   scripts/outputs.sh target/release/gongwen /tmp/after && diff -r /tmp/before /tmp/after
# XLSX is left out: a workbook's zip stamps differ between runs.
set -euo pipefail
bin=$(realpath "$1")
out=$2
cd "$(dirname "$0")/.."
rm -rf "$out"
mkdir -p "$out"
sets=(corpus)
[ -d ../shared/corpus/real ] && sets+=(../shared/corpus/real)
for s in "${sets[@]}"; do
  name=$(basename "$s")
  "$bin" extract "$s" -o "$out/$name-csv" -q || true
  "$bin" extract "$s" -o "$out/$name-jsonl" --format jsonl -q || true
  "$bin" extract "$s" -o "$out/$name-zh" --headers zh -q || true
  "$bin" check "$s" --format csv -q > "$out/$name-check.csv" 2>&1 || true
  "$bin" check "$s" --format jsonl -q > "$out/$name-check.jsonl" 2>&1 || true
  "$bin" check "$s" > "$out/$name-check.txt" 2>&1 || true
  "$bin" --lang en check "$s" > "$out/$name-check-en.txt" 2>&1 || true
  "$bin" check "$s" --verbose --format csv -q > "$out/$name-check-verbose.csv" 2>&1 || true
  "$bin" terms "$s" -o "$out/$name-terms" --top 0 -q || true
  "$bin" segment "$s" -o "$out/$name-segment.csv" -q || true
done
"$bin" rules > "$out/rules.txt"
"$bin" --lang en rules > "$out/rules-en.txt"
for id in $("$bin" rules | cut -f1); do
  { "$bin" rules "$id"; "$bin" --lang en rules "$id"; } >> "$out/rules-docs.txt" 2>&1 || true
done
