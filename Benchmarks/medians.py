#!/usr/bin/env python3
"""Runs the benchmarks several times and prints the medians the README reports.

    python3 medians.py run [--runs 3] [--target ZoneConversion] [--filter REGEX] [--out DIR]
    python3 medians.py summarize DIR

`run` runs `swift package benchmark` RUNS times (JMH JSON into DIR/run-K/, the load average
before and after each run into DIR/load.txt), then summarizes. `summarize` prints Markdown:

- For each benchmark, M/s = 1,000,000 conversions / the p50 wall-clock time of one iteration.
- Names read "<what> <span> <zone>: <how>". Per run, the five zones' figures of one "<what>
  <span>: <how>" are reduced to their median; the table shows the median over runs of that,
  and the lowest and highest zone (each zone's median over runs).
- Ratios are taken inside one run and one zone (talkplan / baseline, or 2 threads / 1 thread),
  then reduced the same way: median over zones, then median over runs.
"""
import glob
import json
import os
import re
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ZONES = ["Chicago", "Paris", "Jerusalem", "Santiago", "Lord_Howe"]
# The figure every other "how" of a case is divided by; otherwise the case's "talkplan" entry.
REFERENCE = {
    "parallel": "1 thread",
    "parse UTC Z": "talkplan parseCompactUTC",
    "parse offset": "talkplan parseInstant",
    "format offset": "talkplan writeCompactLocal",
}
# JMH names have every space replaced by "_"; these keep theirs.
UNDERSCORED = ["localtime_r", "gmtime_r"]


def parse_name(full):
    """'package.benchmark.ZoneConversion.civil_1970-2037_Lord_Howe:_ICU_ucal' -> (target, case, zone, how)."""
    _, _, target, name = full.split(".", 3)
    if ":_" not in name:  # another target's naming: one row per benchmark
        return target, name.replace("_", " "), None, ""
    left, how = name.split(":_", 1)
    zone = None
    for candidate in ZONES:
        if left.endswith("_" + candidate):
            zone = candidate
            left = left[: -len(candidate) - 1]
    how = how.replace("_", " ")
    for word in UNDERSCORED:
        how = how.replace(word.replace("_", " "), word)
    return target, left.replace("_", " "), zone, how


def load_run(directory):
    values = {}
    for path in glob.glob(os.path.join(directory, "*.jmh.json")):
        for entry in json.load(open(path)):
            p50 = entry["secondaryMetrics"]["Time (wall clock)"]["scorePercentiles"]["50.0"]
            unit = entry["secondaryMetrics"]["Time (wall clock)"]["scoreUnit"]
            scale = {"ns": 1e-3, "μs": 1.0, "ms": 1e3, "s": 1e6}[unit]
            target, case, zone, how = parse_name(entry["benchmark"])
            values[(target, case, zone, how)] = 1e6 / (p50 * scale)  # M/s for 1M per iteration
    return values


def reference_for(case, hows):
    for prefix, reference in REFERENCE.items():
        if case.startswith(prefix):
            return reference if reference in hows else None
    talkplan = [h for h in hows if h.startswith("talkplan")]
    return talkplan[0] if talkplan else None


def ratio_of(case, reference, other):
    """How many times faster the reference is; for "parallel", the speed-up of the other over 1 thread."""
    return other / reference if case.startswith("parallel") else reference / other


def summarize(directory):
    runs = [load_run(d) for d in sorted(glob.glob(os.path.join(directory, "run-*")))]
    runs = [r for r in runs if r]
    if not runs:
        sys.exit(f"no results under {directory}")
    print(f"{len(runs)} run(s) from {directory}\n")
    load = os.path.join(directory, "load.txt")
    if os.path.exists(load):
        print("Load while measuring:\n\n```\n" + open(load).read().strip() + "\n```\n")
    cases = {}
    for run in runs:
        for (target, case, zone, how) in run:
            cases.setdefault((target, case), {}).setdefault(how, set()).add(zone)
    for (target, case), hows in sorted(cases.items()):
        reference = reference_for(case, hows)
        zoned = any(z is not None for zs in hows.values() for z in zs)
        print(f"#### {target}: {case}\n")
        if zoned:
            column = f"speed-up over `{reference}`" if case.startswith("parallel") else f"`{reference}` is … faster"
            print(f"| how | M/s (median of {len(ZONES)} zones) | lowest – highest zone | {column} |")
        else:
            print(f"| how | M/s | runs: lowest – highest | `{reference}` is … faster |")
        print("|---|---:|---:|---:|")

        def order(how):
            return (how != reference, -statistics.median(
                run.get((target, case, z, how), 0) for run in runs for z in hows[how]))

        for how in sorted(hows, key=order):
            zones = sorted(hows[how], key=lambda z: (z is None, z or ""))
            per_run = []
            ratios = []
            for run in runs:
                got = [run[(target, case, z, how)] for z in zones if (target, case, z, how) in run]
                if got:
                    per_run.append(statistics.median(got))
                if reference and how != reference:
                    rs = [ratio_of(case, run[(target, case, z, reference)], run[(target, case, z, how)])
                          for z in zones if (target, case, z, how) in run and (target, case, z, reference) in run]
                    if rs:
                        ratios.append(statistics.median(rs))
            if zoned:
                per_zone = [statistics.median(run[(target, case, z, how)] for run in runs
                                              if (target, case, z, how) in run) for z in zones]
                spread = f"{min(per_zone):.1f} – {max(per_zone):.1f}"
            else:
                spread = f"{min(per_run):.1f} – {max(per_run):.1f}"
            if how == reference:
                ratio = "1"
            elif ratios:
                ratio = f"{statistics.median(ratios):.1f}×"
            else:
                ratio = ""
            print(f"| {how} | {statistics.median(per_run):.1f} | {spread} | {ratio} |")
        print()


def run(arguments):
    runs, target, filter_, out = 3, None, None, "/tmp/talkplan-benchmarks"
    i = 0
    while i < len(arguments):
        if arguments[i] == "--runs":
            runs = int(arguments[i + 1])
        elif arguments[i] == "--target":
            target = arguments[i + 1]
        elif arguments[i] == "--filter":
            filter_ = arguments[i + 1]
        elif arguments[i] == "--out":
            out = arguments[i + 1]
        else:
            sys.exit(__doc__)
        i += 2
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "load.txt"), "a") as load:
        for k in range(1, runs + 1):
            path = os.path.join(out, f"run-{k}")
            os.makedirs(path, exist_ok=True)
            load.write(f"run {k} start: " + subprocess.run(["uptime"], capture_output=True, text=True).stdout)
            load.flush()
            command = ["swift", "package", "--scratch-path", ".build", "--allow-writing-to-directory", out,
                       "benchmark", "--no-progress", "--format", "jmh", "--path", path]
            if target:
                command += ["--target", target]
            if filter_:
                command += ["--filter", filter_]
            subprocess.run(command, cwd=HERE, check=False)
            load.write(f"run {k} end:   " + subprocess.run(["uptime"], capture_output=True, text=True).stdout)
            load.flush()
    summarize(out)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "summarize":
        summarize(sys.argv[2])
    elif len(sys.argv) >= 2 and sys.argv[1] == "run":
        run(sys.argv[2:])
    else:
        sys.exit(__doc__)
