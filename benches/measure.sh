#!/usr/bin/env bash
# benches/measure.sh: reproduces every figure in BENCHMARKS.md with ../shared/tools/tuiperf.py, the
# release `cramp` side by side with the reference `hello` (examples/hello.rs) in the same run.
#
# By hand only, never in CI: it takes about 14 minutes (one run lasts a whole 10-minute routine),
# wants a quiet machine, and its figures depend on the machine.
#
#   benches/measure.sh          all figures
#   benches/measure.sh quick    all but the 10-minute step-boundary run (about 4 minutes)
#   benches/measure.sh table    only the table again, from the JSON lines of the last run
#
# Environment: TUIPERF (default ../shared/tools/tuiperf.py), RUNS (first-frame runs per round, two
# rounds each, default 10), OUT (default target/measure). Raw JSON lines land in $OUT/*.jsonl and
# the table in $OUT/figures.md.
set -euo pipefail
cd "$(dirname "$0")/.."

TUIPERF=${TUIPERF:-../shared/tools/tuiperf.py}
RUNS=${RUNS:-10}
OUT=${OUT:-target/measure}
MODE=${1:-all}

measure() {
rm -rf "$OUT"
mkdir -p "$OUT/bin" "$OUT/xdg/config" "$OUT/xdg/data" "$OUT/xdg/state" "$OUT/xdg/cache"
# Snapshot both binaries, so a concurrent `cargo build` cannot swap them in the middle of a run.
# `cramp` is built on its own, as `cargo install` builds it: built with the example, the
# dev-dependencies' features (jiff's bundled time zone database) would be unified into it.
cargo build --release --bin cramp
cp target/release/cramp "$OUT/bin/"
cargo build --release --example hello
cp target/release/examples/hello "$OUT/bin/"
HELLO=$OUT/bin/hello
CRAMP=$OUT/bin/cramp
# No user files: the built-in content and config, an empty journal.
export XDG_CONFIG_HOME=$PWD/$OUT/xdg/config XDG_DATA_HOME=$PWD/$OUT/xdg/data
export XDG_STATE_HOME=$PWD/$OUT/xdg/state XDG_CACHE_HOME=$PWD/$OUT/xdg/cache
export CRAMP_DATA_DIR=$PWD/$OUT/xdg/data/cramp-coach
unset CRAMP_CONTENT CRAMP_CONFIG NO_COLOR

perf() { python3 "$TUIPERF" --summary-only "$@" >/dev/null || echo "  (a run failed: see $OUT/*.jsonl)" >&2; }
# Runs that leave the home screen end with SIGTERM: what q does there depends on the screen (a
# finished relief routine asks to log the cramp), and the figures are taken before quitting anyway.
QUIT=(--quit-signal TERM)

{
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (+ uncommitted changes)')"
  echo "date: $(date -u +%FT%TZ)"
  echo "host: $(uname -srm), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "rustc: $(rustc --version)"
  echo "sizes: cramp $(stat -c %s "$CRAMP") B, hello $(stat -c %s "$HELLO") B"
} >"$OUT/about.txt"
cat "$OUT/about.txt"

echo "1/5 first frame, CPU to it, peak memory: hello and cramp alternating, 2 rounds x $RUNS runs"
perf --label warm --marker Hello -- "$HELLO" # page cache warm-up, not recorded
perf --label warm --marker Calf -- "$CRAMP"
for _ in 1 2; do
  perf --repeat "$RUNS" --out "$OUT/first-frame.jsonl" --label hello --marker Hello -- "$HELLO"
  perf --repeat "$RUNS" --out "$OUT/first-frame.jsonl" --label cramp --marker Calf -- "$CRAMP"
done
# Diagnosis: the same binary with no terminal set-up and no content (clap only), then prints and exits.
perf --repeat "$RUNS" --out "$OUT/first-frame.jsonl" --label "cramp --version" --marker "0.1" -- "$CRAMP" --version

echo "2/5 still screen: 10 s after a 1 s warm-up (cramp: home screen)"
perf --repeat 3 --out "$OUT/still.jsonl" --label hello --marker Hello --warmup 1 --observe 10 -- "$HELLO"
perf --repeat 3 --out "$OUT/still.jsonl" --label cramp --marker Calf --warmup 1 --observe 10 -- "$CRAMP"

echo "3/5 while counting: cramp run bedtime, 20 s after a 1 s warm-up"
perf --repeat 3 --out "$OUT/counting.jsonl" --label "cramp run bedtime" --marker "Get ready" \
  --warmup 1 --observe 20 "${QUIT[@]}" -- "$CRAMP" run bedtime

echo "4/5 while counting up: home, Enter (calf relief), 20 s from 4 s after Enter (past the 3 s lead-in)"
perf --repeat 3 --out "$OUT/counting.jsonl" --label "cramp calf (Enter)" --marker Calf --keys "<Enter>" \
  --warmup 4 --observe 20 "${QUIT[@]}" -- "$CRAMP"
# Diagnosis of terminal bytes: a cast of the same 20 s, split by part with benches/bytes_by_row.py.
perf --out "$OUT/casts.jsonl" --label "cast bedtime" --marker "Get ready" --warmup 1 --observe 20 \
  "${QUIT[@]}" --cast "$OUT/bedtime.cast" -- "$CRAMP" run bedtime

if [ "$MODE" != quick ]; then
  echo "5/5 step boundaries: a 10-minute routine of 20 x 30 s, no lead-in (about 10.5 minutes)"
  UNTIL=()
  for k in $(seq -w 2 20); do UNTIL+=(--until "Position $k:"); done
  UNTIL+=(--until "Done · Ten minutes")
  perf --out "$OUT/boundaries.jsonl" --label "cramp ten-minutes" --marker "Position 01:" "${UNTIL[@]}" \
    --until-timeout 660 "${QUIT[@]}" -- \
    "$CRAMP" --content benches/fixtures/ten-minutes.toml --config benches/fixtures/no-lead-in.toml run ten-minutes
else
  echo "5/5 step boundaries: skipped (quick)"
fi
}
[ "$MODE" = table ] || measure

python3 - "$OUT" <<'PY' | tee "$OUT/figures.md"
import json, os, statistics, sys

out = sys.argv[1]

def runs(name, label):
    path = os.path.join(out, name)
    if not os.path.exists(path):
        return []
    rows = [json.loads(l) for l in open(path) if l.strip()]
    return [r for r in rows if not r.get("summary") and r.get("label") == label and r.get("ok")]

def med(name, label, key):
    vals = [r[key] for r in runs(name, label) if r.get(key) is not None]
    return (statistics.median(vals), len(vals)) if vals else (None, 0)

def fmt(v, unit=""):
    if v is None:
        return "—"
    return f"{v:.2f}{unit}" if isinstance(v, float) and v != int(v) else f"{v:g}{unit}"

rows = []
def ratio_row(figure, name, key, budget, unit="", scale=1.0, hello="hello", cramp="cramp"):
    h, nh = med(name, hello, key)
    c, nc = med(name, cramp, key)
    h = h and h * scale
    c = c and c * scale
    r = c / h if h and c is not None else None
    verdict = "—" if budget is None or r is None else ("meets" if r <= budget else "**misses**")
    rows.append((figure, f"{fmt(h, unit)} (n={nh})", f"{fmt(c, unit)} (n={nc})",
                 f"{r:.2f}×" if r else "—", f"≤ {budget}× hello" if budget else "—", verdict))

def abs_row(figure, name, key, budget, unit="", cramp="cramp", hello=None, hello_name=None):
    c, nc = med(name, cramp, key)
    h, nh = med(hello_name or name, hello, key) if hello else (None, 0)
    verdict = "—" if budget is None or c is None else ("meets" if c <= budget else "**misses**")
    rows.append((figure, f"{fmt(h, unit)} (n={nh})" if hello else "n/a", f"{fmt(c, unit)} (n={nc})",
                 "—", "—" if budget is None else (f"{budget:g}{unit}" if budget == 0 else f"≤ {budget:g}{unit}"),
                 verdict))

ratio_row("time to first frame, ttff_ms", "first-frame.jsonl", "ttff_ms", 1.3, " ms")
ratio_row("CPU to first frame, cpu_to_marker_ms", "first-frame.jsonl", "cpu_to_marker_ms", 1.3, " ms")
ratio_row("peak memory at first frame (home), hwm_kb", "first-frame.jsonl", "hwm_kb", 1.5, " MB", 1 / 1000)
abs_row("wake-ups on a still screen, vcsw_per_s", "still.jsonl", "vcsw_per_s", 0, "/s", hello="hello")
abs_row("terminal bytes on a still screen, bytes_per_s", "still.jsonl", "bytes_per_s", None, " B/s", hello="hello")
for label in ("cramp run bedtime", "cramp calf (Enter)"):
    abs_row(f"wake-ups while counting ({label}), vcsw_per_s", "counting.jsonl", "vcsw_per_s", 2, "/s", cramp=label)
    abs_row(f"terminal bytes while counting ({label}), bytes_per_s", "counting.jsonl", "bytes_per_s", 100, " B/s", cramp=label)
    abs_row(f"redraws while counting ({label}), bursts_per_s", "counting.jsonl", "bursts_per_s", None, "/s", cramp=label)
    abs_row(f"CPU while counting ({label}), cpu_pct", "counting.jsonl", "cpu_pct", None, " %", cramp=label)
h_mem, _ = med("first-frame.jsonl", "hello", "hwm_kb")
c_mem, n_mem = med("counting.jsonl", "cramp run bedtime", "hwm_kb")
rows.append(("peak memory after 20 s of bedtime, hwm_kb", fmt(h_mem and h_mem / 1000, " MB"),
             f"{fmt(c_mem and c_mem / 1000, ' MB')} (n={n_mem})",
             f"{c_mem / h_mem:.2f}×" if h_mem and c_mem else "—", "≤ 1.5× hello",
             "—" if not (h_mem and c_mem) else ("meets" if c_mem / h_mem <= 1.5 else "**misses**")))
h_thr, _ = med("still.jsonl", "hello", "threads")
c_thr, _ = med("counting.jsonl", "cramp run bedtime", "threads")
rows.append(("threads (still / counting)", fmt(h_thr), f"{fmt(med('still.jsonl', 'cramp', 'threads')[0])} / {fmt(c_thr)}",
             "—", "—", "—"))

b = runs("boundaries.jsonl", "cramp ten-minutes")
if b:
    r = b[0]
    late = []
    for i, u in enumerate(r["until"]):
        due = 30.0 * (i + 1)
        late.append(((u["from_marker_s"] - due) * 1000, (u["from_spawn_s"] - due) * 1000, u["marker"]))
    worst = max(late)
    rows.append((f"step boundary lateness, max of {len(late)} over 10 min (vs first frame)", "n/a",
                 f"{worst[0]:.1f} ms", "—", "≤ 20 ms", "meets" if worst[0] <= 20 else "**misses**"))
    rows.append(("step boundary lateness, max (vs spawn: upper bound, includes start-up)", "n/a",
                 f"{max(l[1] for l in late):.1f} ms", "—", "≤ 20 ms",
                 "meets" if max(l[1] for l in late) <= 20 else "**misses**"))
    detail = ", ".join(f"{l[0]:.1f}" for l in late)
else:
    detail = None

ver, nv = med("first-frame.jsonl", "cramp --version", "ttff_ms")

print("| figure | hello | cramp | ratio | budget | verdict |")
print("|---|---|---|---|---|---|")
for row in rows:
    print("| " + " | ".join(row) + " |")
print()
# (its cpu_to_marker is not shown: the process has often exited when tuiperf samples it)
print(f"cramp --version (diagnosis: no content, no terminal set-up): ttff {fmt(ver, ' ms')} (n={nv})")
if detail:
    print(f"boundary lateness per step 2..20 and Done, ms vs first frame: {detail}")
PY
{
  echo
  echo "terminal bytes of cramp run bedtime, 1 s to 21 s after spawn, by part:"
  python3 benches/bytes_by_row.py "$OUT/bedtime.cast" --from 1.05 --to 21
  echo
  cat "$OUT/about.txt"
} | tee -a "$OUT/figures.md"
