#!/usr/bin/env python3
"""Regenerates the OFD test files of tests/fixtures/readers/ofd/ from real texts.

Each text is laid out as a 公文 page (A4, 16pt serif, two-character first-line indent, page number
in the footer) by LibreOffice, printed to PDF, and the PDF is turned into OFD by easyofd
(`pip install easyofd`), whose text objects keep the position of every line. The title of the
document is written into the package's DocInfo, where 公文 systems put it.

Usage: scripts/make-ofd-fixtures.py   (needs soffice: scripts/install-office.sh)
"""
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "readers", "ofd")
REAL = os.path.join(ROOT, "..", "shared", "corpus", "real")

# (fixture name, source text, title written into DocInfo)
SOURCES = [
    ("baoshan-fzzf-report-2022", os.path.join(ROOT, "corpus", "baoshan-fzzf-report-2022.txt"),
     "保山市人民政府办公室2022年度法治政府建设情况报告"),
    ("pifu-guowuyuan-2018-guohan144", os.path.join(REAL, "pifu-guowuyuan-2018-guohan144.txt"),
     "国务院关于同意建立国务院职业教育工作部际联席会议制度的批复"),
    ("fuhan-guobanting-2005-guobanhan21", os.path.join(REAL, "fuhan-guobanting-2005-guobanhan21.txt"),
     "国务院办公厅关于科技节水建议的复函"),
    ("pifu-guowuyuan-2006-guohan38", os.path.join(REAL, "pifu-guowuyuan-2006-guohan38.txt"),
     "国务院关于同意组建2008年北京奥运会首都国际机场协调委员会的批复"),
]

FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'"/>
</office:font-face-decls>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:text-indent="11.3mm" fo:line-height="10.2mm" fo:text-align="justify"
   style:text-autospace="none"/>
  <style:text-properties style:font-name="Noto Serif CJK SC" fo:font-size="16pt"
   style:font-name-asian="Noto Serif CJK SC" style:font-size-asian="16pt"/>
 </style:style>
 <style:style style:name="Footer" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties style:font-name="Noto Serif CJK SC" fo:font-size="14pt"
   style:font-name-asian="Noto Serif CJK SC" style:font-size-asian="14pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" fo:margin-top="37mm"
   fo:margin-bottom="20mm" fo:margin-left="28mm" fo:margin-right="26mm"/>
  <style:footer-style><style:header-footer-properties fo:min-height="15mm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:footer><text:p text:style-name="Footer">－ <text:page-number text:select-page="current"/> －</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body></office:document>
"""


def fodt(text):
    paras = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        # A tab of the gov.cn metadata box becomes a tab stop.
        cells = [escape(c.strip()) for c in line.split("\t")]
        paras.append('<text:p text:style-name="Standard">' + "<text:tab/>".join(cells) + "</text:p>")
    return FODT.replace("{body}", "\n".join(paras))


def with_title(ofd, title):
    """The package with DocInfo/Title set, every other part as easyofd wrote it."""
    src = zipfile.ZipFile(io.BytesIO(ofd))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "OFD.xml":
                xml = data.decode("utf-8")
                xml = re.sub(r"<ofd:Title>.*?</ofd:Title>|<ofd:Title/>", "", xml)
                xml = xml.replace("<ofd:DocInfo>", "<ofd:DocInfo><ofd:Title>%s</ofd:Title>" % escape(title), 1)
                data = xml.encode("utf-8")
            dst.writestr(info.filename, data)
    return out.getvalue()


def main():
    if shutil.which("soffice") is None:
        subprocess.run([os.path.join(ROOT, "scripts", "install-office.sh")], check=True)
    from easyofd.ofd import OFD

    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, path, title in SOURCES:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            shutil.copyfile(path, os.path.join(OUT, name + ".txt"))
            src = os.path.join(tmp, name + ".fodt")
            with open(src, "w", encoding="utf-8") as f:
                f.write(fodt(text))
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, src],
                           check=True, stdout=subprocess.DEVNULL)
            with open(os.path.join(tmp, name + ".pdf"), "rb") as f:
                pdf = f.read()
            # easyofd works in the current folder (./test, test.ofd): give it one of its own.
            work = os.path.join(tmp, name)
            os.mkdir(work)
            cwd = os.getcwd()
            os.chdir(work)
            try:
                ofd = OFD().pdf2ofd(pdf, optional_text=True)
            finally:
                os.chdir(cwd)
            with open(os.path.join(OUT, name + ".ofd"), "wb") as f:
                f.write(with_title(ofd, title))
            print(name, len(pdf), "->", os.path.getsize(os.path.join(OUT, name + ".ofd")), file=sys.stderr)


if __name__ == "__main__":
    main()
