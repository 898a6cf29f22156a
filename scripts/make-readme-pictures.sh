#!/usr/bin/env bash
# Regenerates the README's pictures of the three ways to act on findings (docs/img/):
#   annotate-comments.png  the annotated Word copy of the test draft, comments in the margin
#   fix-diff.png           `gongwen fix --diff` on the test draft, as a terminal shows it
#   html-report.png        the HTML report of corpus/ in headless Chromium
# Needs chromium (scripts/install-browser.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
gongwen=$PWD/target/release/gongwen
img=docs/img
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A picture of the page `$work/$3`, `$2` (width,height) pixels, into `$img/$1`.
shot() {
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/chrome" \
        --screenshot="$PWD/$img/$1" --window-size="$2" "file://$work/$3" >/dev/null 2>&1
}
mkdir -p "$img"

# (a) Word comments: the test draft, annotated. LibreOffice 7.4 cannot put comments in the margin
# of a PDF (ExportNotesInMargin came later; its export shows icons only), so the page is drawn from
# the annotated file's own parts: the paragraphs of word/document.xml with each comment's range
# highlighted, and beside each paragraph the comments of word/comments.xml anchored in it, as
# Word shows them in its margin.
"$gongwen" check -q tests/cmd/fix.in/draft.txt --annotate "$work/a" >/dev/null || true
python3 - "$work/a/tests/cmd/fix.in/draft.txt.docx" "$work/comments.html" <<'PY'
import html, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
doc = z.read("word/document.xml").decode()
comments = {}
for m in re.finditer(r'<w:comment w:id="(\d+)" w:author="([^"]*)"[^>]*>(.*?)</w:comment>', z.read("word/comments.xml").decode(), re.S):
    lines = [html.unescape(t) for t in re.findall(r"<w:t[^>]*>([^<]*)</w:t>", m[3])]
    comments[m[1]] = (m[2], lines)
token = re.compile(r'<w:commentRangeStart w:id="(\d+)"/>|<w:commentRangeEnd w:id="(\d+)"/>|<w:t[^>]*>([^<]*)</w:t>|<w:tab/>|</w:p>')
open_ids, para, notes, rows = [], [], [], []
for t in token.finditer(doc):
    if t[1]:
        open_ids.append(t[1]); notes.append(t[1]); para.append(f'<sup>{int(t[1]) + 1}</sup>')
    elif t[2]:
        open_ids.remove(t[2])
    elif t[0] == "</w:p>":
        side = "".join(
            f'<div class="note"><b>{int(i) + 1} {html.escape(comments[i][0])}</b>'
            + "".join(f"<div>{html.escape(l)}</div>" for l in comments[i][1]) + "</div>" for i in notes)
        rows.append(f'<tr><td class="text">{"".join(para)}</td><td class="side">{side}</td></tr>')
        para, notes = [], []
    else:
        text = html.escape(html.unescape(t[3] or "\t"))
        para.append(f'<mark>{text}</mark>' if open_ids else text)
open(sys.argv[2], "w", encoding="utf-8").write(
    "<!DOCTYPE html><html><head><meta charset='utf-8'><style>"
    "body{margin:0;background:#e8e8e8;font:15px/1.7 'Noto Serif CJK SC',serif}"
    "table{border-collapse:collapse;width:100%}td{vertical-align:top}"
    ".text{background:#fff;padding:4px 28px;width:52%}.side{padding:2px 10px}"
    "mark{background:#fde79a}sup{color:#b5651d;font-size:10px}"
    ".note{background:#fff8dc;border-left:3px solid #d9a400;margin:3px 0;padding:3px 8px;font:12px/1.5 'Noto Sans CJK SC',sans-serif}"
    "</style></head><body><table>" + "".join(rows) + "</table></body></html>")
PY
shot annotate-comments.png 1200,660 comments.html

# (b) fix --diff, coloured as a terminal colours a diff.
"$gongwen" fix --diff tests/cmd/fix.in/draft.txt >"$work/diff.txt" 2>"$work/summary.txt" || true
python3 - "$work/diff.txt" "$work/summary.txt" "$work/diff.html" <<'PY'
import html, sys
diff = open(sys.argv[1], encoding="utf-8").read().splitlines()
summary = open(sys.argv[2], encoding="utf-8").read().splitlines()
def colour(line):
    if line.startswith(("---", "+++")):
        return "b"
    return {"-": "del", "+": "ins", "@": "hunk"}.get(line[:1], "")
rows = ["<div>$ gongwen fix --diff tests/cmd/fix.in/draft.txt</div>"]
rows += [f'<div class="{colour(l)}">{html.escape(l) or "&nbsp;"}</div>' for l in diff]
rows += [f"<div>{html.escape(l)}</div>" for l in summary]
open(sys.argv[3], "w", encoding="utf-8").write(
    "<!DOCTYPE html><html><head><meta charset='utf-8'><style>"
    "body{margin:0;background:#1e1e1e;color:#ddd;font:15px/1.5 'Noto Sans Mono CJK SC',monospace;padding:14px}"
    ".del{color:#f47c7c}.ins{color:#8fd18f}.hunk{color:#6cb6d9}.b{font-weight:bold}"
    "</style></head><body>" + "".join(rows) + "</body></html>")
PY
shot fix-diff.png 900,380 diff.html

# (c) The HTML report of corpus/.
"$gongwen" check corpus -q --format html -o "$work/report.html" || true
shot html-report.png 1200,900 report.html

ls -l "$img"
