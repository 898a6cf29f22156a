#!/usr/bin/env bash
# Whole-process throughput of `gongwen segment` and `gongwen extract` against raw jieba-rs `cut`
# on the same corpus, in the same run, alternating, several rounds. Not part of CI.
#
#   scripts/bench.sh [CORPUS] [ROUNDS]      (default: ../shared/bench, 3 rounds)
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
# Each round runs both thread counts, so that the two runs of a ratio are seconds apart:
# this machine's speed drifts, and blocks of rounds per thread count would compare two speeds.
for r in $(seq "$rounds"); do
  for threads in 1 2; do
    t0=$(now); "$raw" --threads "$threads" "$corpus" >/dev/null; t1=$(now)
    "$gw" segment -q --threads "$threads" "$corpus" -o "$tmp/tokens.csv"; t2=$(now)
    "$gw" extract -q --threads "$threads" "$corpus" -o "$tmp/out"; t3=$(now)
    echo "threads=$threads round=$r raw_cut=$(mbps "$t0" "$t1") segment=$(mbps "$t1" "$t2") extract=$(mbps "$t2" "$t3") MB/s"
  done
done | tee "$tmp/log"
python3 - "$tmp/log" <<'PY'
import re, statistics, sys
rows = [dict(re.findall(r"(\w+)=([\d.]+)", l)) for l in open(sys.argv[1])]
for t in ("1", "2"):
    rs = [r for r in rows if r["threads"] == t]
    for cmd in ("segment", "extract"):
        ratio = statistics.median(float(r[cmd]) / float(r["raw_cut"]) for r in rs)
        print(f"threads={t} {cmd}/raw_cut median ratio = {ratio:.2f}")
by_round = {}
for r in rows:
    by_round.setdefault(r["round"], {})[r["threads"]] = float(r["extract"])
scaling = [t["2"] / t["1"] for t in by_round.values() if "1" in t and "2" in t]
print(f"extract 2 threads / 1 thread, same round, median ratio = {statistics.median(scaling):.2f}"
      f" (rounds: {', '.join(f'{x:.2f}' for x in scaling)})")
PY
