#!/usr/bin/env bash
# Runs one fuzz target of fuzz/ for SECONDS, on one core, with libFuzzer.
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer options…]
#
# TARGET is one of fuzz/fuzz_targets/*.rs (input, html, jsonl, pdf, ofd, msdoc, document, docx,
# decode, figures, docnum, citation). Works with a stable compiler: the coverage instrumentation is asked for
# with -C flags, as `cargo fuzz build -s none` does, so neither nightly nor cargo-fuzz is needed.
# Seeds are made from corpus/, tests/fixtures and tests/cmd/workspace (real texts, cut short);
# the corpus grows in fuzz/corpus/TARGET, and an input that panics or runs past the timeout is
# written to fuzz/artifacts/TARGET/. The last line of the log (fuzz/logs/TARGET.log) gives the
# executions and the corpus size.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 TARGET SECONDS [libFuzzer options…]" >&2; exit 2; }
target=$1 secs=$2
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/fuzz"
[ -f "fuzz_targets/$target.rs" ] || { echo "no target $target in fuzz/fuzz_targets" >&2; exit 2; }

host=$(rustc -vV | sed -n 's/^host: //p')
# --target keeps the instrumentation off build scripts and procedural macros.
RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks" \
    nice cargo build --release --target "$host" --bin "$target"

seeds=seeds/$target
mkdir -p "corpus/$target" "artifacts/$target" logs "$seeds"
python3 - "$target" "$root" "$seeds" <<'PY'
import html, io, json, os, sys, zipfile
target, root, out = sys.argv[1], sys.argv[2], sys.argv[3]
CUT = 8192
EXTS = ["html", "txt", "docx", "pdf", "ofd", "doc", "wps", ""]

def files():
    for d in ("corpus", "tests/fixtures", "tests/cmd/workspace"):
        for dp, _, names in os.walk(os.path.join(root, d)):
            for n in sorted(names):
                p = os.path.join(dp, n)
                if os.path.getsize(p) <= 4 << 20:
                    yield p

def text(p):
    b = open(p, "rb").read()
    try:
        return b.decode("utf-8")
    except UnicodeDecodeError:
        return b.decode("gb18030", "replace")

def page(t):
    lines = [l for l in t.splitlines() if l.strip()]
    body = "".join(f"<p>{html.escape(l)}</p>\n" for l in lines[1:])
    return (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{html.escape(lines[0] if lines else '')}"
            f"</title><style>p{{margin:0}}</style><script>var a = 1 < 2;</script></head>"
            f"<body><h1>{html.escape(lines[0] if lines else '')}</h1>\n{body}"
            f"<table><tr><td>a<b</td><td>&nbsp;&#x4E00;&amp;</td></tr></table></body></html>")

def docx(t):
    ps = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{html.escape(l)}</w:t></w:r></w:p>"
                 for l in t.splitlines())
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
           '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           f"{ps}</w:body></w:document>")
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", xml)
    return b.getvalue()

def put(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)

texts = []
for i, p in enumerate(files()):
    raw = open(p, "rb").read()
    ext = os.path.splitext(p)[1].lstrip(".")
    t = text(p)[:CUT // 3]
    texts.append((os.path.basename(p), t))
    if target == "input":
        k = EXTS.index(ext) if ext in EXTS else EXTS.index("")
        put(f"{i}-raw", bytes([k]) + raw[:CUT])
        if p.endswith(".txt") and i % 4 == 0:
            put(f"{i}-html", bytes([0]) + page(t).encode())
            put(f"{i}-docx", bytes([2]) + docx(t))
    elif target == "html":
        if p.endswith(".txt") or ext in ("html", "htm"):
            put(f"{i}.html", page(t).encode())
            if i % 8 == 0:
                put(f"{i}-gbk.html", page(t).replace("utf-8", "gbk").encode("gbk", "replace"))
# A reader's own target starts from its whole test files: truncating them would leave little
# of the structure (object tables, central directories, piece tables) to mutate.
READERS = {"pdf": "pdf", "ofd": "ofd", "msdoc": "doc"}
if target in READERS:
    d = os.path.join(root, "tests/fixtures/readers", READERS[target])
    for n in sorted(os.listdir(d)):
        if os.path.splitext(n)[1].lstrip(".") in ("pdf", "ofd", "doc", "wps"):
            put(n, open(os.path.join(d, n), "rb").read())
if target == "jsonl":
    for i in range(0, len(texts), 6):
        chunk = texts[i:i + 6]
        lines = [json.dumps({"id": n, "text": t}, ensure_ascii=(j % 2 == 1))
                 for j, (n, t) in enumerate(chunk)]
        body = ("\ufeff" + "\n".join(lines) + "\n\n[1,2]\n{\"id\":3}\r\n").encode()
        body += b"{\"id\": 4, \"text\": \"\xff\xfe\"}\n" + lines[0].encode()[:40]
        put(f"{i}.jsonl", bytes([16, i % 64]) + body)
PY
echo "fuzzing $target for ${secs}s; log in fuzz/logs/$target.log" >&2
# One job on one core at the lowest priority, so that other work on the machine goes first.
nice -n 19 "target/$host/release/$target" \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=131072 \
    -dict=gongwen.dict -print_final_stats=1 -artifact_prefix="artifacts/$target/" "$@" \
    "corpus/$target" "$seeds" 2>&1 | tee "logs/$target.log" | tail -n 30
