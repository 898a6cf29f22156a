#!/usr/bin/env python3
"""Regenerates the data behind legacy-encoding detection, and checks detection on the bench.

    python3 scripts/make-encoding-fixtures.py            # table + fixtures
    python3 scripts/make-encoding-fixtures.py fixtures   # fixtures only
    python3 scripts/make-encoding-fixtures.py bench      # confusion counts on ../shared/bench

Needs the simplified-to-traditional converter OpenCC (`pip install opencc-python-reimplemented`),
run from the repository root with ../shared beside it.

- src/input/common_chars.txt: the commonest non-ASCII characters of government text, once in
  simplified form (counted over every 3rd file of ../shared/bench/lawrefbook) and once in
  traditional form (the same files converted with OpenCC's s2tw, the Taiwan standard that Big5
  files are written in). Detection scores each candidate decoding by the share of its characters
  found in either list.
- tests/fixtures/encodings/: the seed report in traditional characters (UTF-8, and Big5 made by
  Python's own big5 codec, so that the file comes from an encoder other than the one the tests
  use), and short real paragraphs of ../shared/corpus/real in simplified and traditional form.
  SOURCES.md there records where each comes from.
- `bench`: writes every 17th bench file as GB18030 and every 67th as Big5 (traditional) into a
  temporary folder, adds those 250 and all UTF-8 originals to one `gongwen extract` run, and counts
  which encoding documents.csv reports for each kind.
"""

import collections
import csv
import glob
import os
import subprocess
import sys
import tempfile

import opencc

SHARED = os.path.join('..', 'shared')
BENCH = os.path.join(SHARED, 'bench')
REAL = os.path.join(SHARED, 'corpus', 'real')
FIX = os.path.join('tests', 'fixtures', 'encodings')
SEED = os.path.join('corpus', 'baoshan-fzzf-report-2022.txt')

# Characters kept per list: enough to cover all but ~0.1% of the characters of the counted text.
TABLE_SIZE = 3000

# Short paragraphs of the development corpus: (file, how many characters at least, at most). The
# first line of the file whose length is in range is taken.
PARAGRAPH_SOURCES = [
    ('tongzhi-guowuyuan-2018-guofa38.txt', 30, 90),
    ('gzbg-zhejiang-2026-zhengfugongzuobaogao.txt', 40, 120),
    ('gzbg-yunnan-2026-zhengfugongzuobaogao.txt', 20, 60),
    ('pifu-guowuyuan-2018-guohan144.txt', 30, 100),
    ('falv-quanguorenda-2023-lifafa.txt', 15, 50),
    ('yijian-guobanting-2019-guobanfa6.txt', 40, 140),
    ('sifajieshi-zuigaofa-2018-xingzhengsusongfa.txt', 20, 80),
    ('tiaoli-beijing-2021-shirongwensheng.txt', 10, 30),
]


def s2t():
    return opencc.OpenCC('s2tw')


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def big5_safe(text):
    """Characters Big5 has no code for are dropped: the Big5 file and the text it is compared
    with are both made from what remains."""
    out = []
    for ch in text:
        try:
            ch.encode('big5')
            out.append(ch)
        except UnicodeEncodeError:
            pass
    return ''.join(out)


def table():
    files = sorted(glob.glob(os.path.join(BENCH, 'lawrefbook', '**', '*.txt'), recursive=True))[::3]
    conv = s2t()
    simp = collections.Counter()
    trad = collections.Counter()
    for f in files:
        t = read(f)
        simp.update(ch for ch in t if ord(ch) >= 0x80)
        trad.update(ch for ch in conv.convert(t) if ord(ch) >= 0x80)

    def top(counter):
        total = sum(counter.values())
        chars = [ch for ch, _ in counter.most_common(TABLE_SIZE)]
        covered = sum(counter[ch] for ch in chars) / total
        return chars, covered

    s, s_cov = top(simp)
    t, t_cov = top(trad)
    path = os.path.join('src', 'input', 'common_chars.txt')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('# Commonest non-ASCII characters of government text, most frequent first; made by\n')
        f.write('# scripts/make-encoding-fixtures.py from %d files of ../shared/bench/lawrefbook\n' % len(files))
        f.write('# (simplified list covers %.5f of their characters; traditional, after OpenCC s2tw, %.5f).\n' % (s_cov, t_cov))
        f.write('S ' + ''.join(s) + '\n')
        f.write('T ' + ''.join(t) + '\n')
    print('%s: %d files, simplified %d chars (%.5f), traditional %d chars (%.5f)'
          % (path, len(files), len(s), s_cov, len(t), t_cov))


def fixtures():
    os.makedirs(FIX, exist_ok=True)
    conv = s2t()
    seed_t = big5_safe(conv.convert(read(SEED)))
    with open(os.path.join(FIX, 'seed.tw.txt'), 'w', encoding='utf-8', newline='') as f:
        f.write(seed_t)
    with open(os.path.join(FIX, 'seed.big5.txt'), 'wb') as f:
        f.write(seed_t.encode('big5'))

    simp, trad, sources = [], [], []
    for name, lo, hi in PARAGRAPH_SOURCES:
        for n, line in enumerate(read(os.path.join(REAL, name)).splitlines(), 1):
            line = line.strip()
            if lo <= len(line) <= hi and '\t' not in line and sum(ord(c) >= 0x4E00 for c in line) * 2 > len(line):
                t = big5_safe(conv.convert(line))
                simp.append(line)
                trad.append(t)
                sources.append('%s line %d' % (name, n))
                break
    for fname, lines in (('paragraphs.txt', simp), ('paragraphs.tw.txt', trad)):
        with open(os.path.join(FIX, fname), 'w', encoding='utf-8', newline='') as f:
            f.write(''.join(l + '\n' for l in lines))

    with open(os.path.join(FIX, 'SOURCES.md'), 'w', encoding='utf-8') as f:
        f.write('# Encoding fixtures\n\nMade by `scripts/make-encoding-fixtures.py`; traditional forms by '
                'OpenCC s2tw (Taiwan standard), characters without a Big5 code dropped.\n\n')
        f.write('- `seed.tw.txt`: `%s` in traditional characters (UTF-8).\n' % SEED)
        f.write('- `seed.big5.txt`: the same text encoded by Python\'s `big5` codec.\n')
        f.write('- `paragraphs.txt` / `paragraphs.tw.txt`: one paragraph a line, simplified as in the '
                'source and in traditional characters; from ../shared/corpus/real:\n')
        for i, s in enumerate(sources, 1):
            f.write('  %d. %s\n' % (i, s))
    print('%s: seed %d chars, %d paragraphs' % (FIX, len(seed_t), len(simp)))


def bench():
    files = sorted(glob.glob(os.path.join(BENCH, '**', '*.txt'), recursive=True))
    conv = s2t()
    binary = os.path.join('target', 'release', 'gongwen')
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'in')
        kinds = {}
        for sub in ('utf8', 'gb18030', 'big5'):
            os.makedirs(os.path.join(src, sub))
        for i, f in enumerate(files):
            rel = 'utf8/%05d.txt' % i
            os.symlink(os.path.abspath(f), os.path.join(src, rel))
            kinds[rel] = 'UTF-8'
        for i, f in enumerate(files[::17][:200]):
            rel = 'gb18030/%05d.txt' % i
            with open(os.path.join(src, rel), 'wb') as o:
                o.write(read(f).encode('gb18030'))
            kinds[rel] = 'GB18030'
        for i, f in enumerate(files[::67][:50]):
            rel = 'big5/%05d.txt' % i
            with open(os.path.join(src, rel), 'wb') as o:
                o.write(big5_safe(conv.convert(read(f))).encode('big5'))
            kinds[rel] = 'Big5'
        out = os.path.join(tmp, 'out')
        subprocess.run([binary, 'extract', '-q', '--output', out, src], check=False,
                       stdout=subprocess.DEVNULL)
        confusion = collections.Counter()
        notes = collections.Counter()
        with open(os.path.join(out, 'documents.csv'), encoding='utf-8-sig') as f:
            rows = list(csv.reader(f))
        head = rows[0]
        fi, ei, er = head.index('file'), head.index('encoding'), head.index('error')
        for r in rows[1:]:
            rel = os.path.relpath(r[fi], src)
            confusion[(kinds[rel], r[ei])] += 1
            if r[er]:
                notes[(kinds[rel], r[er][:40])] += 1
        for (want, got), n in sorted(confusion.items()):
            print('%-8s -> %-10s %5d' % (want, got, n))
        for (want, note), n in sorted(notes.items()):
            print('note %-8s %5d %s' % (want, n, note))


if __name__ == '__main__':
    if sys.argv[1:] == ['bench']:
        bench()
    elif sys.argv[1:] == ['fixtures']:
        fixtures()
    else:
        table()
        fixtures()
