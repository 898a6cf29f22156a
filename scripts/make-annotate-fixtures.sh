#!/usr/bin/env bash
# Regenerates tests/fixtures/annotate/*.docx: real documents of ../shared/corpus/real turned into
# Word documents by LibreOffice, the gov.cn metadata box (its lines hold TAB-separated cells) as a
# table and every other non-empty line as a paragraph; and the seed report's .docx form, from
# ../shared/corpus/seed (the same text as corpus/baoshan-fzzf-report-2022.txt). Used by
# tests/it/annotate.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-office.sh
real=../shared/corpus/real
out=tests/fixtures/annotate
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
seed=../shared/corpus/seed
for source in "$real/fuhan-guobanting-1996-guobanhan16.txt" "$real/fuhan-guobanting-2005-guobanhan21.txt" \
  "$real/pifu-guowuyuan-junwei-1996-guohan95.txt" "$seed/baoshan-fzzf-report-2022.txt"; do
  name=$(basename "$source" .txt)
  python3 - "$source" "$work/$name.html" <<'PY'
import html, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
body, rows = [], []
def flush():
    if rows:
        body.append("<table border=\"1\">" + "".join(rows) + "</table>")
        rows.clear()
for line in lines:
    if "\t" in line:
        cells = [c.strip() for c in line.split("\t")]
        rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        continue
    flush()
    if line.strip():
        body.append(f"<p>{html.escape(line)}</p>")
flush()
open(sys.argv[2], "w", encoding="utf-8").write(
    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + "\n".join(body) + "</body></html>")
PY
  HOME="$work" soffice --headless --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$work/$name.html" >/dev/null
  cp "$work/$name.docx" "$out/$name.docx"
done
ls -l "$out"
