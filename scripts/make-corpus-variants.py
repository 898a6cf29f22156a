#!/usr/bin/env python3
"""Builds the non-UTF-8 members of corpus/ from plain-text documents of corpus/, so that the
bundled corpus exercises the .docx and GB18030 input paths with real text.

  tongzhi-guobanting-2018-guobanfa124.docx  from ../shared/corpus/real/ (Word file made with
      python-docx: the gov.cn metadata box as a table, one paragraph per line, the title bold)
  tiaoli-guowuyuan-2019-zhongdaxingzhengjuece.gb18030.txt  the same text encoded as GB18030

Requires python-docx (pip install python-docx). Run from the project root.
"""
import pathlib
import sys

import docx

root = pathlib.Path(__file__).resolve().parent.parent
real = root.parent / "shared" / "corpus" / "real"


def make_docx(src: pathlib.Path, dst: pathlib.Path) -> None:
    lines = src.read_text(encoding="utf-8").split("\n")
    d = docx.Document()
    # gov.cn pages carry a metadata box: cells separated by tabs in the text version.
    box = []
    i = 0
    while i < len(lines) and (("\t" in lines[i]) or lines[i].strip() == "" or "：" in lines[i][:8]):
        if lines[i].strip():
            box.append([c.strip() for c in lines[i].split("\t") if c.strip()])
        i += 1
    if box:
        cols = max(len(r) for r in box)
        t = d.add_table(rows=len(box), cols=cols)
        for r, row in enumerate(box):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    first = True
    for line in lines[i:]:
        if not line.strip():
            continue
        p = d.add_paragraph()
        run = p.add_run(line)
        if first:
            run.bold = True
            first = False
    d.save(dst)


def main() -> int:
    make_docx(real / "tongzhi-guobanting-2018-guobanfa124.txt",
              root / "corpus" / "tongzhi-guobanting-2018-guobanfa124.docx")
    text = (real / "tiaoli-guowuyuan-2019-zhongdaxingzhengjuece.txt").read_text(encoding="utf-8")
    (root / "corpus" / "tiaoli-guowuyuan-2019-zhongdaxingzhengjuece.gb18030.txt").write_bytes(
        text.encode("gb18030"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
