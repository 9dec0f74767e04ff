#!/usr/bin/env python3
"""Writes a content file with 20 habits and a journal of N years of nights for them.

    benches/make_journal.py OUT_DIR [YEARS]

OUT_DIR/content.toml: the built-in routines' stand-in (one relief routine titled "Calf cramp") and 20
habits, h01..h20, three of them counted. OUT_DIR/data/journal.txt: one line a night for YEARS years
ending last night, each habit kept on about 70% of nights (fixed seed), and a cramp on about one
night in five. Used by benches/journal.sh; deterministic for a given date.
"""
import datetime
import os
import random
import sys

out = sys.argv[1]
years = int(sys.argv[2]) if len(sys.argv) > 2 else 10
rng = random.Random(20261128)
habits = [f"h{i:02}" for i in range(1, 21)]
counted = {"h02": 8, "h07": 3, "h15": 5}

os.makedirs(os.path.join(out, "data"), exist_ok=True)
with open(os.path.join(out, "content.toml"), "w") as f:
    f.write('[[routine]]\nid = "calf"\ntitle = "Calf cramp"\nkind = "relief"\nmuscle = "calf"\n')
    f.write('[[routine.step]]\ntitle = "Toe pull"\ntext = "Pull the toes toward you."\n')
    f.write('[[routine.step]]\ntitle = "Massage"\ntext = "Rub the calf firmly."\nseconds = 60\n')
    for h in habits:
        f.write(f'\n[[habit]]\nid = "{h}"\ntitle = "Habit {h[1:]}"\n')
        if h in counted:
            f.write(f"target = {counted[h]}\n")

today = datetime.date.today()
last = today - datetime.timedelta(days=1)
first = last - datetime.timedelta(days=365 * years - 1)
lines = ["cramp-coach journal 1\n"]
cramps = []
day = first
while day <= last:
    ticks = []
    for h in habits:
        if rng.random() < 0.7:
            n = rng.randint(1, counted[h]) if h in counted else 1
            ticks.append(f"{h}={n}" if n > 1 else h)
    if ticks:
        lines.append(f"night {day.isoformat()} {' '.join(sorted(ticks))}\n")
    if rng.random() < 0.2:
        at = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(3, rng.randint(0, 59)))
        cramps.append((day, at))
    day += datetime.timedelta(days=1)
for i, (night, at) in enumerate(cramps, 1):
    lines.append(
        f"cramp {i} night={night.isoformat()} at={at.isoformat()}+00:00 muscle=calf side=left "
        f"intensity={rng.randint(1, 5)} seconds={rng.randint(20, 400)} symptoms=no routine=calf steps=1,2\n"
    )
with open(os.path.join(out, "data", "journal.txt"), "w") as f:
    f.writelines(lines)
print(f"{out}/data/journal.txt: {len(lines) - 1 - len(cramps)} nights, {len(cramps)} cramps, "
      f"{os.path.getsize(os.path.join(out, 'data', 'journal.txt'))} bytes")
