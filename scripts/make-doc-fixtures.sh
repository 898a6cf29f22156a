#!/usr/bin/env bash
# Regenerates the Word 97 (.doc) and .wps test files of tests/fixtures/readers/doc/ from real
# texts (tests/it/read_doc.rs reads them). Needs LibreOffice (scripts/install-office.sh) and,
# for the texts not bundled in corpus/, the shared corpus beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-office.sh
REAL=../shared/corpus/real
OUT=tests/fixtures/readers/doc
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"

# A profile of its own, so that a LibreOffice running elsewhere does not take the conversion.
soffice_to() {
  local filter=$1 src=$2
  soffice -env:UserInstallation="file://$TMP/profile" --headless \
    --infilter="Text (encoded):UTF8,LF,,," --convert-to "$filter" --outdir "$TMP" "$src" >/dev/null 2>&1
}

# Plain texts: one paragraph per line, as LibreOffice imports a text file.
install -m 644 corpus/baoshan-fzzf-report-2022.txt "$OUT/"
for name in fuhan-guobanting-1996-guobanhan16 tongzhi-guobanting-2018-guobanfa114 \
            tongzhi-guobanting-2018-guobanhan71; do
  install -m 644 "$REAL/$name.txt" "$OUT/"
done
for txt in "$OUT"/*.txt; do
  name=$(basename "$txt" .txt)
  soffice_to 'doc:MS Word 97' "$txt"
  cp "$TMP/$name.doc" "$OUT/$name.doc"
done

# WPS Office writes .wps in the Word 97 layout; no WPS-written file can be made here, so the
# .wps test file is the Word 97 file under the .wps name.
cp "$OUT/baoshan-fzzf-report-2022.doc" "$OUT/baoshan-fzzf-report-2022.wps"

# A document with a table: the bundled .docx whose gov.cn metadata box is a table.
cp corpus/tongzhi-guobanting-2018-guobanfa124.docx "$TMP/table.docx"
soffice -env:UserInstallation="file://$TMP/profile" --headless \
  --convert-to 'doc:MS Word 97' --outdir "$TMP" "$TMP/table.docx" >/dev/null 2>&1
cp "$TMP/table.doc" "$OUT/tongzhi-guobanting-2018-guobanfa124-table.doc"

# Tracked changes: the first paragraphs of the seed report as a .docx in which one paragraph
# is deleted and a sentence of another is inserted, both as unaccepted revisions, then saved as
# .doc. The .docx is kept: the test compares the two readers' text.
python3 - "$OUT/baoshan-fzzf-report-2022.txt" "$OUT/tracked-changes.docx" <<'PY'
import sys, zipfile
from xml.sax.saxutils import escape
lines = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if l.strip()][:10]
rev = 'w:author="审核人" w:date="2023-01-10T09:00:00Z"'
def run(t, tag="w:t"):
    return f'<w:r><{tag} xml:space="preserve">{escape(t)}</{tag}></w:r>'
body = []
for i, line in enumerate(lines):
    if i == 4:
        # The whole paragraph deleted, its mark included.
        body.append(f'<w:p><w:pPr><w:rPr><w:del w:id="1" {rev}/></w:rPr></w:pPr>'
                    f'<w:del w:id="2" {rev}>{run(line, "w:delText")}</w:del></w:p>')
    elif i == 6:
        head, tail = line[: len(line) // 2], line[len(line) // 2 :]
        body.append(f'<w:p>{run(head)}<w:ins w:id="3" {rev}>{run(tail)}</w:ins></w:p>')
    elif i == 7:
        # Part of a sentence deleted inside a kept paragraph.
        cut = line.find("，")
        cut = cut if cut > 0 else len(line) // 2
        body.append(f'<w:p>{run(line[:cut])}<w:del w:id="4" {rev}>{run(line[cut:], "w:delText")}</w:del></w:p>')
    else:
        body.append(f'<w:p>{run(line)}</w:p>')
doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
       f'<w:body>{"".join(body)}<w:sectPr/></w:body></w:document>')
types = ('<?xml version="1.0" encoding="UTF-8"?>'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         '</Types>')
rels = ('<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
    # Fixed timestamps, so that a rerun gives the same bytes.
    for name, data in [("[Content_Types].xml", types), ("_rels/.rels", rels), ("word/document.xml", doc)]:
        z.writestr(zipfile.ZipInfo(name, (2023, 1, 10, 9, 0, 0)), data)
PY
cp "$OUT/tracked-changes.docx" "$TMP/tracked-changes.docx"
soffice -env:UserInstallation="file://$TMP/profile" --headless \
  --convert-to 'doc:MS Word 97' --outdir "$TMP" "$TMP/tracked-changes.docx" >/dev/null 2>&1
cp "$TMP/tracked-changes.doc" "$OUT/tracked-changes.doc"
ls -l "$OUT"
