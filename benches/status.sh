#!/usr/bin/env bash
# benches/status.sh: the "`cramp status` on a 10-year journal" figure in BENCHMARKS.md.
# By hand only, never in CI. Builds the release binary, makes a 10-year journal with
# benches/make_journal.py (20 habits and a cramp diary), and times as whole processes, interleaved,
# RUNS times each: `cramp --version` (the budget's yardstick), `cramp status` on that journal with the
# built-in content (its 7 habits; the journal's 20 are not theirs, but every line is still read), the
# same with the journal's own 20-habit content, and `cramp status` with no journal.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-target/measure-status}
RUNS=${RUNS:-500}
cargo build --release --bin cramp
rm -rf "$OUT" && mkdir -p "$OUT/bin" "$OUT/none"
cp target/release/cramp "$OUT/bin/"
python3 benches/make_journal.py "$OUT/j10" 10
# make_journal.py writes format version 1: one change and its undo make it the app's own file
# (version 2), as every journal is after its first write.
"$OUT/bin/cramp" --content "$OUT/j10/content.toml" --data-dir "$OUT/j10/data" check h01 --date 2000-01-01 >/dev/null
"$OUT/bin/cramp" --content "$OUT/j10/content.toml" --data-dir "$OUT/j10/data" check h01 --date 2000-01-01 --undo >/dev/null
python3 - "$OUT" "$RUNS" <<'PY'
import os, statistics, subprocess, sys, time
out, runs = sys.argv[1], int(sys.argv[2])
cramp = f"{out}/bin/cramp"
env = {k: v for k, v in os.environ.items() if not k.startswith("CRAMP_")}
cases = {
    "--version": [cramp, "--version"],
    "status, 10 years": [cramp, "--data-dir", f"{out}/j10/data", "status"],
    "status, 10 years, 20 habits": [cramp, "--content", f"{out}/j10/content.toml",
                                    "--data-dir", f"{out}/j10/data", "status"],
    "status --due, 10 years": [cramp, "--data-dir", f"{out}/j10/data", "status", "--due"],
    "status, no journal": [cramp, "--data-dir", f"{out}/none/data", "status"],
}
times = {k: [] for k in cases}
for _ in range(runs):
    for k, argv in cases.items():
        t = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, env=env)
        times[k].append((time.perf_counter() - t) * 1000)
base = statistics.median(times["--version"])
for k, ts in times.items():
    m = statistics.median(ts)
    print(f"{k:>30}  median {m:.3f} ms  min {min(ts):.3f} ms  ratio {m / base:.2f}")
PY
