#!/usr/bin/env python3
"""Builds dicts/typo-lm.bin, the character n-gram model of the `typo` rule, from ../shared/bench.

Usage: scripts/typo-model.py [BENCH] [OUT] [JIEBA_DICT]
  (defaults: ../shared/bench, dicts/typo-lm.bin, jieba-rs's dict.txt in the cargo registry)

It also writes dicts/typo-words.txt: the words of jieba's dictionary (and of dicts/userwords.txt)
of two to four Han characters that occur at least MIN_WORD times in the text the model counts,
with that count: the words a correction may make.

Held out of the model, and listed in dicts/typo-lm.heldout.txt:
  * every second file (sorted paths) of those that are also in ../shared/corpus/real
    (all of guowuyuan/ and gzbg-2026/, and any file whose text starts like one of corpus/real or
    corpus/): false alarms are measured on them. The others are counted, so that the model knows
    the wording of reports (数智, 一是……二是) and not only that of laws;
  * one lawrefbook file in ten (sorted paths, index % 10 == 0): the source of the development
    set (tests/fixtures/typo-devset.tsv, made by scripts/typo-devset.py).

The model counts characters, pairs and triples inside runs of Han characters (anything else
ends a run). Pairs seen at least MIN_BI times and triples seen at least MIN_TRI times are kept.

Format (little-endian):
  b"GWLM" u32 version=1
  u32 n_chars, u32 n_bi, u32 n_tri, u64 total characters
  n_chars x (u32 code point, u32 count)      by count, descending: a character's id is its place
  n_bi    x (u32 key = id1 << 16 | id2)      ascending
  n_bi    x u32 count
  n_tri   x (u64 key = id1 << 32 | id2 << 16 | id3) ascending
  n_tri   x u16 count (saturated at 65535)
"""
import collections
import glob
import hashlib
import os
import re
import struct
import sys

MIN_BI = 2
MIN_TRI = 2
MIN_WORD = 3
HAN = re.compile(r"[\u4e00-\u9fff]+")


def fingerprint(text):
    return "".join(HAN.findall(text))[:300]


def main():
    bench = sys.argv[1] if len(sys.argv) > 1 else "../shared/bench"
    out = sys.argv[2] if len(sys.argv) > 2 else "dicts/typo-lm.bin"
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    real = os.path.join(os.path.dirname(os.path.abspath(bench)), "corpus", "real")
    prints = set()
    for d in (real, os.path.join(root, "corpus")):
        for name in sorted(os.listdir(d)):
            if name.endswith(".txt"):
                with open(os.path.join(d, name), "rb") as f:
                    prints.add(fingerprint(f.read().decode("utf-8", "replace")))
    files = []
    for dirpath, _, names in os.walk(bench):
        for n in names:
            if n.endswith(".txt"):
                files.append(os.path.relpath(os.path.join(dirpath, n), bench))
    files.sort()
    law = [f for f in files if f.startswith("lawrefbook/")]
    dev = {f for i, f in enumerate(law) if i % 10 == 0}
    dict_path = sys.argv[3] if len(sys.argv) > 3 else sorted(glob.glob(os.path.expanduser(
        "~/.cargo/registry/src/*/jieba-rs-0.11.*/src/data/dict.txt")))[-1]
    vocab = set()
    for path in (dict_path, os.path.join(root, "dicts", "userwords.txt")):
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                w = line.split()[0] if line.strip() and not line.startswith("#") else ""
                if 2 <= len(w) <= 4 and HAN.fullmatch(w):
                    vocab.add(w)
    words = collections.Counter()
    uni = collections.Counter()
    bi = collections.Counter()
    tri = collections.Counter()
    held = []
    real_seen = 0
    for f in files:
        with open(os.path.join(bench, f), "rb") as fh:
            text = fh.read().decode("utf-8", "replace")
        if f.startswith(("guowuyuan/", "gzbg-2026/")) or fingerprint(text) in prints:
            real_seen += 1
            if real_seen % 2 == 0:
                held.append((f, "corpus-real"))
                continue
        if f in dev:
            held.append((f, "devset"))
            continue
        for run in HAN.findall(text):
            for n in (2, 3, 4):
                for i in range(len(run) - n + 1):
                    w = run[i:i + n]
                    if w in vocab:
                        words[w] += 1
            uni.update(run)
            if len(run) > 1:
                bi.update(zip(run, run[1:]))
            if len(run) > 2:
                tri.update(zip(run, run[1:], run[2:]))
    chars = sorted(uni.items(), key=lambda kv: (-kv[1], kv[0]))
    assert len(chars) < 65536
    ids = {c: i for i, (c, _) in enumerate(chars)}
    bis = sorted((ids[a] << 16 | ids[b], n) for (a, b), n in bi.items() if n >= MIN_BI)
    tris = sorted(
        (ids[a] << 32 | ids[b] << 16 | ids[c], min(n, 65535))
        for (a, b, c), n in tri.items()
        if n >= MIN_TRI
    )
    with open(out, "wb") as o:
        o.write(b"GWLM" + struct.pack("<IIIIQ", 1, len(chars), len(bis), len(tris), sum(uni.values())))
        for c, n in chars:
            o.write(struct.pack("<II", ord(c), n))
        o.write(struct.pack(f"<{len(bis)}I", *(k for k, _ in bis)))
        o.write(struct.pack(f"<{len(bis)}I", *(n for _, n in bis)))
        o.write(struct.pack(f"<{len(tris)}Q", *(k for k, _ in tris)))
        o.write(struct.pack(f"<{len(tris)}H", *(n for _, n in tris)))
    with open(os.path.join(os.path.dirname(out), "typo-lm.heldout.txt"), "w") as o:
        o.write("# Bench files left out of dicts/typo-lm.bin (scripts/typo-model.py), with why.\n")
        for f, why in held:
            o.write(f"{f}\t{why}\n")
    with open(os.path.join(os.path.dirname(out), "typo-words.txt"), "w", encoding="utf-8") as o:
        o.write("# Words a typo correction may make (scripts/typo-model.py): word, count in the model's text.\n")
        for w, n in sorted(words.items()):
            if n >= MIN_WORD:
                o.write(f"{w}\t{n}\n")
    digest = hashlib.sha256(open(out, "rb").read()).hexdigest()
    print(f"{out}: {len(chars)} characters, {len(bis)} pairs, {len(tris)} triples, "
          f"{sum(uni.values())} characters counted, {len(files) - len(held)} files used, "
          f"{len(held)} held out; sha256 {digest}")


if __name__ == "__main__":
    main()
