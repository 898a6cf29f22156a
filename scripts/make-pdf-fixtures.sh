#!/usr/bin/env bash
# Regenerates the PDF fixtures of tests/it/read_pdf.rs (tests/fixtures/readers/pdf/): each
# plain-text document below is set as an office would set it in Word — A4, 公文 margins, a
# Song/FangSong-style CJK font at 三号 (16 pt) with a first-line indent of two characters, flush
# left (in justified text LibreOffice 7.4 leaves out a CJK punctuation mark hanging at a line's
# end, which would make the PDF's text differ from the .txt), the
# title centred at 二号 (22 pt), page numbers "－ N －" in the footer — saved as .docx and
# printed to PDF by LibreOffice (`soffice --headless --convert-to pdf`). The embedded font
# programs are then taken out (the fonts become non-embedded, as in a file made with "embed
# fonts" off) to keep the files small: everything that carries the text — content streams,
# font dictionaries, widths, ToUnicode maps — is LibreOffice's own, byte for byte.
# Needs LibreOffice Writer and a CJK font (scripts/install-office.sh installs both). Run from the
# project root.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-office.sh
FONT="${PDF_FIXTURE_FONT:-Noto Serif CJK SC}"
[ -n "$(fc-list ":family=$FONT")" ] || { echo "font '$FONT' not installed" >&2; exit 1; }

OUT=tests/fixtures/readers/pdf
SOURCES=(
  corpus/baoshan-fzzf-report-2022.txt
  corpus/pifu-guowuyuan-2018-guohan144.txt
  corpus/yijian-guobanting-2019-guobanfa6.txt
  corpus/tongzhi-guowuyuan-2018-guofa38.txt
)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

for src in "${SOURCES[@]}"; do
  name=$(basename "$src" .txt)
  python3 - "$src" "$WORK/$name.docx" "$FONT" <<'PY'
import sys, zipfile
from xml.sax.saxutils import escape

src, dst, font = sys.argv[1:4]
lines = open(src, encoding="utf-8").read().split("\n")
if lines and lines[-1] == "":
    lines.pop()

# The title: the first line among the first fifteen that is neither a field of a metadata box
# (tabs, 索引号：…) nor a sentence; the 发文字号 just under it is centred too.
title = None
for i, l in enumerate(lines[:15]):
    t = l.strip()
    if t and "\t" not in l and "：" not in t and ":" not in t and not t.endswith(("。", "，", ",")):
        title = i
        break

def run(text, size, bold=False):
    out = []
    parts = text.split("\t")
    rpr = (f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}"/>'
           + ("<w:b/>" if bold else "") + f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>')
    for k, p in enumerate(parts):
        if k:
            out.append(f"<w:r>{rpr}<w:tab/></w:r>")
        if p:
            out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(p)}</w:t></w:r>')
    return "".join(out)

body = []
for i, l in enumerate(lines):
    if title is not None and i == title:
        ppr = '<w:pPr><w:jc w:val="center"/><w:spacing w:line="700" w:lineRule="exact"/></w:pPr>'
        body.append(f"<w:p>{ppr}{run(l.strip(), 44, True)}</w:p>")
        continue
    if "\t" in l:
        # A metadata box (a table on the page the text was taken from) is set small, one
        # line a row.
        ppr = '<w:pPr><w:spacing w:line="360" w:lineRule="exact"/></w:pPr>'
        body.append(f"<w:p>{ppr}{run(l, 20)}</w:p>")
        continue
    centred = title is not None and title < i <= title + 2 and "〔" in l and l.strip().endswith("号")
    if centred:
        ppr = '<w:pPr><w:jc w:val="center"/><w:spacing w:line="560" w:lineRule="exact"/></w:pPr>'
    else:
        ppr = ('<w:pPr><w:overflowPunct w:val="0"/><w:jc w:val="left"/><w:spacing w:line="560" w:lineRule="exact"/>'
               '<w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>')
    body.append(f"<w:p>{ppr}{run(l, 32)}</w:p>")

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
sect = ('<w:sectPr><w:footerReference w:type="default" r:id="rId2"/>'
        '<w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>'
        '<w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr>')
document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{"".join(body)}{sect}</w:body></w:document>'
fld = run("－ ", 28)
footer = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
          f'{fld}<w:fldSimple w:instr=" PAGE ">{run("1", 28)}</w:fldSimple>{run(" －", 28)}</w:p></w:ftr>')
styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr>'
          f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/><w:sz w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>'
          '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:overflowPunct w:val="0"/></w:pPr></w:pPrDefault></w:docDefaults></w:styles>')
types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
         '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
         '</Types>')
rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')
doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
            '</Relationships>')
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", types)
    z.writestr("_rels/.rels", rels)
    z.writestr("word/document.xml", document)
    z.writestr("word/styles.xml", styles)
    z.writestr("word/footer1.xml", footer)
    z.writestr("word/_rels/document.xml.rels", doc_rels)
PY
done

# A private profile, so that a running LibreOffice or the user's settings do not interfere.
soffice -env:UserInstallation="file://$WORK/profile" --headless --convert-to pdf \
  --outdir "$WORK" "$WORK"/*.docx >/dev/null
mkdir -p "$OUT"
for src in "${SOURCES[@]}"; do
  name=$(basename "$src" .txt)
  python3 - "$WORK/$name.pdf" "$OUT/$name.pdf" <<'PY'
import re, sys

src, dst = sys.argv[1:3]
data = open(src, "rb").read()
header = data[: data.index(b"\n", data.index(b"\n") + 1) + 1]
objs = [(int(m.group(1)), m.start(), m.end()) for m in
        re.finditer(rb"(\d+) 0 obj\b.*?\bendobj\n?", data, re.S)]
bodies = {n: data[s:e] for n, s, e in objs}
fontfiles = set()
for n, body in bodies.items():
    if b"/FontDescriptor" in body:
        fontfiles.update(int(x) for x in re.findall(rb"/FontFile[23]?\s*(\d+) 0 R", body))
        bodies[n] = re.sub(rb"/FontFile[23]?\s*\d+ 0 R", b"", body)
for n in fontfiles:
    bodies[n] = b"%d 0 obj\nnull\nendobj\n" % n
trailer = re.search(rb"trailer\s*(<<.*?>>)\s*startxref", data, re.S).group(1)
out = bytearray(header)
offsets = {}
for n, _, _ in objs:
    offsets[n] = len(out)
    out += bodies[n]
size = max(offsets) + 1
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % size
for n in range(1, size):
    out += (b"%010d 00000 n \n" % offsets[n]) if n in offsets else b"0000000000 65535 f \n"
trailer = re.sub(rb"/Size \d+", b"/Size %d" % size, trailer)
out += b"trailer\n" + trailer + b"\nstartxref\n%d\n%%%%EOF\n" % xref
open(dst, "wb").write(out)
PY
  echo "$OUT/$name.pdf $(wc -c <"$OUT/$name.pdf") bytes"
done
