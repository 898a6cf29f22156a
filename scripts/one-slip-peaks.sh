#!/usr/bin/env bash
# Peak memory (RSS, MiB) and user CPU time of `gongwen extract -j 2` on texts made of one slip
# repeated up to the cap (的 doubled, an opener never closed, half-width punctuation or a space
# between Han characters, ...), beside a real report (corpus/baoshan-fzzf-report-2022.txt, its
# paragraphs joined) repeated to the same size. Each rule lists at most 200 findings in a
# document and counts the rest, so every slip should cost about what the real text costs.
#
#   scripts/one-slip-peaks.sh [CAP_MB]          (default: 8)
#
# Uses target/release/gongwen or $GONGWEN; with $OLD set, runs that binary too, for a
# before/after table. Needs GNU time (/usr/bin/time). Timings are noisy on a shared machine:
# compare peaks, and user time only roughly.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
B=${GONGWEN:-target/release/gongwen}
[ -x "$B" ] || cargo build --release
cap=${1:-8}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT

python3 - corpus/baoshan-fzzf-report-2022.txt $((cap * 1048576 - 16)) "$W" <<'PY'
import sys
seed, size, w = sys.argv[1], int(sys.argv[2]), sys.argv[3]
report = "".join(l for l in open(seed, encoding="utf-8").read().splitlines() if l.strip())
units = {"report": report, "de": "的", "a-comma": "a,", "double-comma": "，，", "ordinals": "1.1.",
         "han-comma": "的,", "han-period": "的.", "han-space": "的 ", "paren": "（", "quote": "“",
         "quoted": "“的”"}
for name, unit in units.items():
    with open(f"{w}/{name}.txt", "w", encoding="utf-8") as f:
        f.write(unit * (size // len(unit.encode())))
PY

run() { # binary, file: "peak MiB / user s"
    /usr/bin/time -f '%M %U' -o "$W/t" "$1" extract -q -j 2 --max-file-size "$cap" \
        -o "$W/out" "$2" >/dev/null 2>&1 || true
    read -r kb user <"$W/t"
    echo "$((kb / 1024)) MiB / ${user} s"
}

if [ -n "${OLD:-}" ]; then
    echo "| text ($cap MB) | before | after |"
    echo "|---|---|---|"
else
    echo "| text ($cap MB) | peak RSS / user time |"
    echo "|---|---|"
fi
for f in "$W"/*.txt; do
    name=$(basename "$f" .txt)
    if [ -n "${OLD:-}" ]; then
        echo "| $name | $(run "$OLD" "$f") | $(run "$B" "$f") |"
    else
        echo "| $name | $(run "$B" "$f") |"
    fi
done
