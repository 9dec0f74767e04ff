#!/usr/bin/env bash
# benches/journal.sh: the "journal of 10 years, 20 habits" figures in BENCHMARKS.md.
# By hand only, never in CI. Builds the release binary, makes a 10-year journal with
# benches/make_journal.py (with and without a cramp diary), and times, against an empty journal with
# the same 20-habit content: the first frame on a pseudo-terminal (tuiperf), the habits pane filled
# (the journal is read just after the first frame), and `cramp habits` as a whole process.
set -euo pipefail
cd "$(dirname "$0")/.."
TUIPERF=${TUIPERF:-../shared/tools/tuiperf.py}
OUT=${OUT:-target/measure-journal}
RUNS=${RUNS:-200}
cargo build --release --bin cramp
rm -rf "$OUT" && mkdir -p "$OUT/empty/data" "$OUT/bin"
cp target/release/cramp "$OUT/bin/"
CRAMP=$OUT/bin/cramp
python3 benches/make_journal.py "$OUT/diary" 10
mkdir -p "$OUT/habits/data"
cp "$OUT/diary/content.toml" "$OUT/habits/content.toml"
cp "$OUT/diary/content.toml" "$OUT/empty/content.toml"
grep -v '^cramp ' "$OUT/diary/data/journal.txt" >"$OUT/habits/data/journal.txt"
ls -l "$OUT"/*/data/journal.txt 2>/dev/null || true

echo "first frame (marker Calf) and habits pane filled (marker 'Habit 01'), 10 runs each"
for j in empty habits diary; do
  for marker in Calf "Habit 01"; do
    python3 "$TUIPERF" --repeat 10 --summary-only --label "$j/$marker" --marker "$marker" \
      -- "$CRAMP" --content "$OUT/$j/content.toml" --data-dir "$OUT/$j/data" |
      python3 -c 'import json,sys
d = json.loads(sys.stdin.read().splitlines()[-1])
print("%20s  ttff %.2f ms  cpu %.2f ms  hwm %.0f kB" % (d["label"], d["ttff_ms"]["median"], d["cpu_to_marker_ms"]["median"], d["hwm_kb"]["median"]))'
  done
done

echo "cramp habits, $RUNS runs each, interleaved (median wall ms)"
python3 - "$CRAMP" "$OUT" "$RUNS" <<'PY'
import statistics, subprocess, sys, time
cramp, out, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
times = {j: [] for j in ("empty", "habits", "diary")}
for _ in range(runs):
    for j in times:
        t = time.perf_counter()
        subprocess.run([cramp, "--content", f"{out}/{j}/content.toml", "--data-dir", f"{out}/{j}/data", "habits"],
                       stdout=subprocess.DEVNULL, check=True)
        times[j].append((time.perf_counter() - t) * 1000)
base = statistics.median(times["empty"])
for j, ts in times.items():
    m = statistics.median(ts)
    print(f"{j:>8}  median {m:.2f} ms  min {min(ts):.2f} ms  ratio {m / base:.2f}")
PY
