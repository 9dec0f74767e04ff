#!/usr/bin/env python3
"""Where terminal bytes go: reads an asciicast written by tuiperf.py --cast and splits the output
after the first frame by screen row, plus colour (SGR) codes, cursor moves and the per-frame trailer.

    python3 benches/bytes_by_row.py target/measure/bedtime.cast [--from SECONDS] [--to SECONDS]

Used for the diagnosis in BENCHMARKS.md (terminal bytes while counting); benches/measure.sh makes the cast.
"""
import argparse
import collections
import json
import re

TOKEN = re.compile(r"\x1b\[(\d+);(\d+)H|\x1b\[[\d;?]*[A-Za-z]|\x07|[^\x1b\x07]+")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("cast")
    p.add_argument("--from", dest="t0", type=float, default=1.0, help="skip output before (s)")
    p.add_argument("--to", dest="t1", type=float, default=1e9)
    a = p.parse_args()
    events = [json.loads(line) for line in open(a.cast, encoding="utf-8").read().splitlines()[1:]]
    out = [(t, d) for t, kind, d in events if kind == "o" and a.t0 <= t < a.t1]
    if not out:
        raise SystemExit("no output in the window")
    span = out[-1][0] - out[0][0] or 1.0
    rows = collections.Counter()
    parts = collections.Counter()
    frames = 0
    for _, data in out:
        frames += 1
        row = None
        for m in TOKEN.finditer(data):
            s = m.group(0)
            n = len(s.encode())
            if m.group(1):
                row = int(m.group(1))
                parts["cursor moves"] += n
            elif s.startswith("\x1b[?25") or re.fullmatch(r"\x1b\[(39|49|59|0)m", s):
                parts["per-frame trailer (colour reset, hide cursor)"] += n
            elif s.startswith("\x1b["):
                parts["colour codes (SGR)"] += n
            elif s == "\x07":
                parts["bell"] += n
            else:
                parts["text"] += n
                rows[row] += n
    total = sum(parts.values())
    print(f"{total} B in {frames} writes over {span:.1f} s: {total / span:.1f} B/s")
    for k, v in parts.most_common():
        print(f"  {k:48} {v:7} B {v / span:7.1f} B/s")
    print("  text by screen row:")
    for r, v in sorted(rows.items(), key=lambda kv: (kv[0] is None, kv[0] or 0)):
        print(f"    row {r!s:>4} {v:7} B {v / span:7.1f} B/s")


if __name__ == "__main__":
    main()
