#!/usr/bin/env bash
# Peak memory (RSS) of `gongwen extract` (and of `gongwen segment` on the text with the most
# words) on inputs of the largest size each cap lets through,
# against the bound 8 × --max-file-size + the baseline (the dictionaries and tables, measured
# on a tiny file). Prints the Markdown table of the README's "Memory" paragraph.
#
#   scripts/memory-bound.sh [CAP_MB…]        (default: 8 32)
#
# Inputs are made from corpus/baoshan-fzzf-report-2022.txt: a text of one line, a text of many
# short lines, an HTML page, a --stdin-jsonl stream of lines each just under the cap, and the
# .docx bomb of ../shared/stress (1,000 MB of XML in 1 MB of zip); and texts of one short unit
# repeated, each the densest case of something a document yields per byte: a figure and its
# change (全年办理案件1件，同比增长2.5%，), a bare count (1个), a citation (《法》), one character
# (的), one letter with a space (a ), one letter a line (a\n) and empty lines (\n, a line and a token
# per byte); and a folder of six texts just under the cap, each a
# different one-line text, so that no two are copies. A run past 300 s is stopped and reported as such. Uses
# target/release/gongwen (built if missing) or $GONGWEN; needs GNU time (/usr/bin/time).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
B=${GONGWEN:-target/release/gongwen}
[ -x "$B" ] || cargo build --release
caps=("$@")
[ ${#caps[@]} -gt 0 ] || caps=(8 32)
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
seed=corpus/baoshan-fzzf-report-2022.txt

# Peak RSS in MiB of the command after `--`, with standard input from $1.
peak() {
    local in=$1
    shift
    if /usr/bin/time -f %M -o "$W/rss" timeout 300 "$@" <"$in" >/dev/null 2>"$W/err" ||
        [ "$(head -1 "$W/rss")" != "Command exited with non-zero status 124" ]; then
        echo $(($(tail -1 "$W/rss") / 1024))
    else
        echo "over 300 s"
    fi
}
extract() { peak /dev/null "$B" extract -q -j 2 --max-file-size "$cap" -o "$W/out" "$@"; }

make_inputs() { # size in bytes, then the files
    python3 - "$seed" "$1" "$W" <<'PY'
import html, json, sys
seed, size, w = sys.argv[1], int(sys.argv[2]), sys.argv[3]
text = open(seed, encoding="utf-8").read()
paras = [l for l in text.splitlines() if l.strip()]

def fill(unit, path, head="", tail=""):
    unit = unit.encode()
    n = (size - len(head.encode()) - len(tail.encode())) // len(unit)
    with open(path, "wb") as f:
        f.write(head.encode() + unit * n + tail.encode())

fill("".join(paras), f"{w}/one-line.txt")
# Lines of a few characters: every clause of the text on a line of its own.
short = "".join(c + ("\n" if c in "，。；：、" else "") for c in "".join(paras))
fill(short, f"{w}/short-lines.txt")
fill("".join(f"<p>{html.escape(p)}</p>\n" for p in paras), f"{w}/page.html",
     "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title></head><body>\n",
     "</body></html>\n")
# A stream of 4 lines, each of them just under the cap: more than a batch may hold.
line = json.dumps({"id": 0, "text": "".join(paras) * (size // len("".join(paras).encode()))},
                  ensure_ascii=False).encode()
with open(f"{w}/stream.jsonl", "wb") as f:
    for i in range(4):
        f.write(line[:size - 4].rsplit(b"\xe3", 1)[0].rstrip(b"\\") + b'"}\n')
for name, unit in [("figures", "全年办理案件1件，同比增长2.5%，"), ("counts", "1个"),
                   ("citations", "《法》"), ("one-char", "的"), ("letters", "a "),
                   ("letter-lines", "a\n"), ("empty-lines", "\n")]:
    fill(unit, f"{w}/dense-{name}.txt")
import os
os.makedirs(f"{w}/folder", exist_ok=True)
for i in range(6):
    fill("".join(paras), f"{w}/folder/{i}.txt", f"第{i + 1}号\n")
PY
}

# The baseline loads every table a document can need: its text cites a law, so the law
# catalogue is read too.
{ head -c 200 "$seed" | sed 's/[^\n]*$//'; echo '根据《中华人民共和国行政诉讼法》的规定。'; } >"$W/tiny.txt"
cap=8
base=$(extract "$W/tiny.txt")
echo "baseline (a tiny file): $base MiB"
echo
echo "| input | --max-file-size | input size | peak RSS | bound 8 × cap + baseline |"
echo "|---|---|---|---|---|"
python3 "$root/../shared/stress/containers.py" docx_bomb 1000 "$W/bomb.docx"
for cap in "${caps[@]}"; do
    make_inputs $((cap * 1048576 - 65536))
    bound=$((8 * cap + base))
    row() {
        local over=' **exceeded**' peak=$3
        [[ $3 =~ ^[0-9]+$ ]] && peak="$3 MiB" && [ "$3" -le "$bound" ] && over=''
        printf '| %s | %s MB | %s | %s | %s MiB%s |\n' "$1" "$cap" "$2" "$peak" "$bound" "$over"
    }
    size() { echo "$(($(stat -c %s "$1") / 1024)) KiB"; }
    for f in one-line.txt short-lines.txt page.html; do
        row "$f" "$(size "$W/$f")" "$(extract "$W/$f")"
    done
    for f in figures counts citations one-char letters letter-lines empty-lines; do
        row "dense text: $f" "$(size "$W/dense-$f.txt")" "$(extract "$W/dense-$f.txt")"
    done
    row "a folder of 6 such one-line texts" "6 × $(size "$W/one-line.txt")" "$(extract "$W/folder")"
    row "docx bomb (1,000 MB of XML)" "$(size "$W/bomb.docx")" "$(extract "$W/bomb.docx")"
    row "--stdin-jsonl, 4 lines" "$(size "$W/stream.jsonl")" \
        "$(peak "$W/stream.jsonl" "$B" extract -q -j 2 --max-file-size "$cap" --stdin-jsonl)"
    # `segment` writes a row per word: on a word a byte, several times the text.
    row "segment, dense text: letters" "$(size "$W/dense-letters.txt")" \
        "$(peak /dev/null "$B" segment -q -j 2 --max-file-size "$cap" -o "$W/tokens.csv" "$W/dense-letters.txt")"
done
