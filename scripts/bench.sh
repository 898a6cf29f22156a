#!/usr/bin/env bash
# Whole-process throughput of `gongwen segment`, `gongwen extract` and `gongwen check` against raw
# jieba-rs `cut` on the same corpus, in the same run, alternating, several rounds; the peak memory
# of `extract` and `check` (the latter with every rule on, the typo model loaded); and start-up on
# one small file against jieba-rs building its dictionary and cutting that file. Not part of CI.
#
#   scripts/bench.sh [CORPUS] [ROUNDS]      (default: ../shared/bench, 3 rounds)
#
# With CEILING=1 it also runs `check` and `extract` in one thread with every rule turned off, against
# raw `cut` in the same rounds: the most any change to the rules alone could reach.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/bench}
rounds=${2:-3}
cargo build --release --quiet --bin gongwen --example jieba_raw
gw=target/release/gongwen
raw=target/release/examples/jieba_raw
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bytes=$(find "$corpus" -type f ! -name '.*' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
now() { date +%s.%N; }
mbps() { python3 -c "print(f'{$bytes/1e6/($2-$1):.1f}')"; }
# Every rule on, so that every dictionary and model is loaded for the memory figure.
printf '[rules]\ntypo = "warning"\n' >"$tmp/all-rules.toml"
rss() { tail -1 "$tmp/rss"; }
# Each round runs both thread counts, so that the two runs of a ratio are seconds apart:
# this machine's speed drifts, and blocks of rounds per thread count would compare two speeds.
for r in $(seq "$rounds"); do
  for threads in 1 2; do
    t0=$(now); "$raw" --threads "$threads" "$corpus" >/dev/null; t1=$(now)
    "$gw" segment -q --threads "$threads" "$corpus" -o "$tmp/tokens.csv"; t2=$(now)
    /usr/bin/time -f %M -o "$tmp/rss" "$gw" extract -q --threads "$threads" "$corpus" -o "$tmp/out"; t3=$(now)
    ex_kb=$(rss)
    "$gw" check -q --threads "$threads" "$corpus" --format csv -o "$tmp/f.csv" || true; t4=$(now)
    /usr/bin/time -f %M -o "$tmp/rss" "$gw" check -q --threads "$threads" --config "$tmp/all-rules.toml" "$corpus" --format csv -o "$tmp/f.csv" || true
    echo "threads=$threads round=$r raw_cut=$(mbps "$t0" "$t1") segment=$(mbps "$t1" "$t2") extract=$(mbps "$t2" "$t3") check=$(mbps "$t3" "$t4") MB/s extract_rss_kb=$ex_kb check_all_rules_rss_kb=$(rss)"
  done
done | tee "$tmp/log"
python3 - "$tmp/log" <<'PY'
import re, statistics, sys
rows = [dict(re.findall(r"(\w+)=([\d.]+)", l)) for l in open(sys.argv[1])]
for t in ("1", "2"):
    rs = [r for r in rows if r["threads"] == t]
    for cmd in ("segment", "extract", "check"):
        ratio = statistics.median(float(r[cmd]) / float(r["raw_cut"]) for r in rs)
        print(f"threads={t} {cmd}/raw_cut median ratio = {ratio:.2f}")
by_round = {}
for r in rows:
    by_round.setdefault(r["round"], {})[r["threads"]] = float(r["extract"])
scaling = [t["2"] / t["1"] for t in by_round.values() if "1" in t and "2" in t]
print(f"extract 2 threads / 1 thread, same round, median ratio = {statistics.median(scaling):.2f}"
      f" (rounds: {', '.join(f'{x:.2f}' for x in scaling)})")
for k in ("extract_rss_kb", "check_all_rules_rss_kb"):
    print(f"peak memory {k[:-7]}: {max(int(r[k]) for r in rows) / 1024:.0f} MiB (most over every run)")
PY
# Start-up: one small file, whole processes alternated, medians.
small=corpus/baoshan-fzzf-report-2022.txt
for r in $(seq 9); do
  t0=$(now); "$raw" "$small" >/dev/null; t1=$(now)
  "$gw" extract -q "$small" -o "$tmp/one"; t2=$(now)
  "$gw" check -q "$small" --format csv -o "$tmp/one.csv" || true; t3=$(now)
  echo "$t0 $t1 $t2 $t3"
done | python3 -c '
import statistics, sys
rows = [list(map(float, l.split())) for l in sys.stdin]
raw = statistics.median(b - a for a, b, c, d in rows)
ex = statistics.median(c - b for a, b, c, d in rows)
ck = statistics.median(d - c for a, b, c, d in rows)
print(f"start-up on one small file: jieba-rs dictionary + cut {raw:.3f} s, extract {ex:.3f} s"
      f" ({ex / raw:.2f} x), check {ck:.3f} s ({ck / raw:.2f} x)")
'
[ -n "${CEILING:-}" ] || exit 0
# Every rule off: what is left is reading, cutting, tagging, the extractors and the tables.
{ echo '[rules]'; "$gw" rules --lang en | cut -f1 | sed 's/.*/"&" = "off"/'; } >"$tmp/no-rules.toml"
for r in $(seq "$rounds"); do
  t0=$(now); "$raw" --threads 1 "$corpus" >/dev/null; t1=$(now)
  "$gw" check -q --threads 1 --config "$tmp/no-rules.toml" "$corpus" --format csv -o "$tmp/f.csv"; t2=$(now)
  "$gw" extract -q --threads 1 --config "$tmp/no-rules.toml" "$corpus" -o "$tmp/out"; t3=$(now)
  echo "$t0 $t1 $t2 $t3"
done | python3 -c '
import statistics, sys
rows = [list(map(float, l.split())) for l in sys.stdin]
for name, i in (("check", 1), ("extract", 2)):
    r = statistics.median((b - a) / (row[i + 1] - row[i]) for row in rows for a, b in [row[:2]])
    print(f"every rule off, one thread: {name}/raw_cut median ratio = {r:.2f}")
'
