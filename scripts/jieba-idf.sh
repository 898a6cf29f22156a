#!/usr/bin/env bash
# Writes dicts/jieba-idf.txt: jieba-rs's built-in IDF table (src/data/idf.txt of the crate this
# project builds with), one `word idf` line per word, sorted by the bytes of the word so that a
# lookup is a binary search over the embedded text instead of a hash table built at start-up.
# Prints the median IDF, which src/terms.rs keeps as BUILTIN_MEDIAN_IDF. Run after updating
# jieba-rs; the unit tests compare the table with the crate's own.
set -euo pipefail
cd "$(dirname "$0")/.."
manifest=$(cargo metadata --format-version 1 --locked |
  python3 -c 'import json,sys; print(next(p["manifest_path"] for p in json.load(sys.stdin)["packages"] if p["name"] == "jieba-rs"))')
src="$(dirname "$manifest")/src/data/idf.txt"
# The crate's file has no final newline; every line of ours ends with one.
{ cat "$src"; echo; } | grep -v '^$' | LC_ALL=C sort -t ' ' -k1,1 > dicts/jieba-idf.txt
# jieba-rs takes the lower median of all values (select_nth_unstable at (n - 1) / 2).
cut -d ' ' -f2 dicts/jieba-idf.txt | LC_ALL=C sort -g | awk '{v[NR] = $0} END {print "median", v[int((NR - 1) / 2) + 1]}'
