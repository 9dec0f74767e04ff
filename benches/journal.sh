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
# make_journal.py writes format version 1: one change and its undo make each the app's own file
# (version 2), as every journal is after its first write.
for j in habits diary; do
  "$CRAMP" --content "$OUT/$j/content.toml" --data-dir "$OUT/$j/data" check h01 --date 2000-01-01 >/dev/null
  "$CRAMP" --content "$OUT/$j/content.toml" --data-dir "$OUT/$j/data" check h01 --date 2000-01-01 --undo >/dev/null
done
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

echo "cramp merge of two diverged 10-year copies (the diary journal; a month of changes on each side)"
rm -rf "$OUT/merge" && mkdir -p "$OUT/merge"
cp -r "$OUT/diary" "$OUT/merge/a" && cp -r "$OUT/diary" "$OUT/merge/b"
for d in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15; do
  "$CRAMP" --content "$OUT/merge/a/content.toml" --data-dir "$OUT/merge/a/data" check h01 --date "2026-10-$d" >/dev/null
  "$CRAMP" --content "$OUT/merge/b/content.toml" --data-dir "$OUT/merge/b/data" check h02 --date "2026-10-$d" --undo >/dev/null
done
"$CRAMP" --content "$OUT/merge/b/content.toml" --data-dir "$OUT/merge/b/data" skip --date 2026-10-20 --reason away >/dev/null
python3 - "$CRAMP" "$OUT/merge" "$RUNS" <<'PY'
import shutil, statistics, subprocess, sys, time
cramp, out, runs = sys.argv[1], sys.argv[2], max(20, int(sys.argv[3]) // 10)
times = []
for _ in range(runs):
    shutil.rmtree(f"{out}/c", ignore_errors=True)
    shutil.copytree(f"{out}/a", f"{out}/c")
    t = time.perf_counter()
    subprocess.run([cramp, "--content", f"{out}/c/content.toml", "--data-dir", f"{out}/c/data", "merge",
                    f"{out}/b/data/journal.txt"], stdout=subprocess.DEVNULL, check=True)
    times.append((time.perf_counter() - t) * 1000)
print(f"   merge  median {statistics.median(times):.2f} ms  max {max(times):.2f} ms  ({runs} runs, with the write)")
PY
