#!/usr/bin/env python3
"""Differential check of `talkplan convert` against Python's zoneinfo.

Both sides read the same tz data: talkplan's TZData/*.res were compiled from the
TZif files of the PyPI wheel pinned below, and this script reads those very TZif
files with `zoneinfo.ZoneInfo.from_file` (never the system's tz database).

    python3 Scripts/zone-diffcheck.py --talkplan .build/release/talkplan

What is compared, for every zone of the wheel's zone1970.tab (plus a few named
zones, should the table ever drop them):

* UTC -> local (`talkplan convert --to ZONE`): every transition from 1970 to 2037
  at t-1 s, t and t+1 s, and 10,000 seeded random instants; both the offset and
  the wall time of each output line. Transitions and random instants from 2038
  to 2100 are checked too and reported separately (the zone's final rule).
* local -> UTC (`talkplan convert --from ZONE --disambiguation D`, D being each of
  compatible, earlier, later, reject): every gap and fold from 1970 to 2037, at its
  first, middle and last second and the second on each side of it, and random
  wall times. zoneinfo's fold=0 reading is `compatible`; `earlier` and `later` are
  the smaller and larger of the fold=0 and fold=1 instants; `reject` must give an
  empty line exactly where the two differ.

All of a zone's inputs for one direction (and disambiguation) go through one
talkplan process. Exit status: 0 with no disagreement, 1 with any, 2 when the
check itself could not run. Standard library only; deterministic (fixed seed).
"""

import argparse
import bisect
import calendar
import datetime
import hashlib
import multiprocessing
import os
import random
import re
import struct
import subprocess
import sys
import time
import zipfile
import zlib
import zoneinfo

# The wheel TZData/ is compiled from (see TZData/build). Keep the three in step.
WHEEL_PROJECT = "tzdata"
WHEEL_VERSION = "2026.6"
WHEEL_FILE = "tzdata-2026.6-py2.py3-none-any.whl"
WHEEL_SHA256 = "0a10eec6e13ef16b627fabed9a5f2ba61a62b1c67f327305f4e7e412a70b4aec"

EXTRA_ZONES = ["Europe/Paris", "Europe/Zurich", "Asia/Jerusalem", "America/Chicago", "America/Santiago"]
DISAMBIGUATIONS = ["compatible", "earlier", "later", "reject"]

SEED = 20260601
RANDOM_INSTANTS = 10_000       # per zone, 1970-2037
RANDOM_LATE_INSTANTS = 300     # per zone, 2038-2100
RANDOM_WALL_TIMES = 3_000      # per zone, 1970-2037
SHOWN_DISAGREEMENTS = 20
PROCESS_TIMEOUT = 300          # seconds for one talkplan process (a few thousand lines)

START = calendar.timegm((1970, 1, 1, 0, 0, 0))         # 0
MAIN_END = calendar.timegm((2038, 1, 1, 0, 0, 0))      # first second after 2037
LATE_END = calendar.timegm((2101, 1, 1, 0, 0, 0))      # first second after 2100
NAIVE_EPOCH = datetime.datetime(1970, 1, 1)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class CheckError(Exception):
    """The check itself cannot run (missing data, version mismatch, ...)."""


# ---------------------------------------------------------------------------
# The pinned wheel


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch_wheel(cache):
    """The pinned wheel in `cache`, downloaded with pip when missing; its sha256 verified."""
    os.makedirs(cache, exist_ok=True)
    wheel = os.path.join(cache, WHEEL_FILE)
    if os.path.exists(wheel) and sha256_of(wheel) != WHEEL_SHA256:
        print("zone-diffcheck: cached %s has the wrong sha256; downloading it again" % WHEEL_FILE, file=sys.stderr)
        os.remove(wheel)
    if not os.path.exists(wheel):
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                   "--disable-pip-version-check", "-q", "-d", cache, "%s==%s" % (WHEEL_PROJECT, WHEEL_VERSION)]
        print("zone-diffcheck: fetching %s==%s" % (WHEEL_PROJECT, WHEEL_VERSION), file=sys.stderr)
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if result.returncode != 0 or not os.path.exists(wheel):
            raise CheckError("could not download %s==%s with pip:\n%s" % (WHEEL_PROJECT, WHEEL_VERSION, result.stdout))
    actual = sha256_of(wheel)
    if actual != WHEEL_SHA256:
        raise CheckError("%s has sha256 %s, expected %s" % (wheel, actual, WHEEL_SHA256))
    return wheel


def extract_wheel(wheel, cache):
    """The wheel's zoneinfo directory, extracted once next to the wheel."""
    target = os.path.join(cache, "tzdata-%s-%s" % (WHEEL_VERSION, WHEEL_SHA256[:12]))
    marker = os.path.join(target, ".complete")
    zoneinfo_dir = os.path.join(target, "tzdata", "zoneinfo")
    if not os.path.exists(marker):
        partial = target + ".partial-%d" % os.getpid()
        with zipfile.ZipFile(wheel) as archive:
            members = [name for name in archive.namelist() if name.startswith("tzdata/zoneinfo/")]
            archive.extractall(partial, members)
        if os.path.exists(target):
            # Another run got there first, or an earlier run was interrupted.
            import shutil
            shutil.rmtree(target)
        os.rename(partial, target)
        with open(marker, "w") as handle:
            handle.write(WHEEL_SHA256 + "\n")
    return zoneinfo_dir


def wheel_tz_version(zoneinfo_dir):
    with open(os.path.join(zoneinfo_dir, "tzdata.zi"), encoding="utf-8") as handle:
        first = handle.readline()
    match = re.match(r"#\s*version\s+(\S+)", first)
    if not match:
        raise CheckError("tzdata.zi does not start with a version line: %r" % first)
    return match.group(1)


def zone_list(zoneinfo_dir):
    names = set(EXTRA_ZONES)
    with open(os.path.join(zoneinfo_dir, "zone1970.tab"), encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            names.add(line.rstrip("\n").split("\t")[2])
    for name in sorted(names):
        if not os.path.isfile(os.path.join(zoneinfo_dir, name)):
            raise CheckError("zone %s has no TZif file in the wheel" % name)
    return sorted(names)


# ---------------------------------------------------------------------------
# TZif (RFC 8536): the exact transition list, explicit part and footer rule


def read_tzif(path):
    """(transitions, footer): transitions as [(utc_seconds, offset_before, offset_after)], footer TZ string."""
    with open(path, "rb") as handle:
        data = handle.read()

    def header(at):
        magic, version, *counts = struct.unpack(">4sc15x6l", data[at:at + 44])
        if magic != b"TZif":
            raise CheckError("%s is not a TZif file" % path)
        return version, counts

    version, counts = header(0)
    isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = counts
    if version == b"\0":
        raise CheckError("%s is a version 1 TZif file: no 64-bit data" % path)
    # Skip the version 1 (32-bit) block.
    at = 44 + timecnt * 5 + typecnt * 6 + charcnt + leapcnt * 8 + isstdcnt + isutcnt
    _, counts = header(at)
    isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = counts
    at += 44
    times = struct.unpack(">%dq" % timecnt, data[at:at + timecnt * 8])
    at += timecnt * 8
    indices = data[at:at + timecnt]
    at += timecnt
    types = [struct.unpack(">lBB", data[at + 6 * i:at + 6 * i + 6]) for i in range(typecnt)]
    at += typecnt * 6 + charcnt + leapcnt * 12 + isstdcnt + isutcnt
    if leapcnt:
        raise CheckError("%s has leap seconds (a 'right/' file?)" % path)
    footer = data[at:].split(b"\n")[1].decode("ascii")

    # RFC 8536 3.2: before the first transition, type 0 applies.
    transitions = []
    previous = types[0][0]
    for when, index in zip(times, indices):
        offset = types[index][0]
        transitions.append((when, previous, offset))
        previous = offset
    return transitions, footer


_TZ_NAME = r"(?:<[^>]*>|[A-Za-z]{3,})"
_TZ_OFFSET = r"[+-]?\d{1,3}(?::\d{1,2}(?::\d{1,2})?)?"
_TZ_RULE = re.compile(
    r"^(?P<std>%s)(?P<stdoff>%s)(?:(?P<dst>%s)(?P<dstoff>%s)?(?:,(?P<start>[^,]+),(?P<end>[^,]+))?)?$"
    % (_TZ_NAME, _TZ_OFFSET, _TZ_NAME, _TZ_OFFSET))


def _posix_seconds(text):
    """[+-]hh[:mm[:ss]] as seconds."""
    sign = -1 if text.startswith("-") else 1
    parts = [int(part) for part in text.lstrip("+-").split(":")]
    while len(parts) < 3:
        parts.append(0)
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


def _rule_day(rule, year):
    """Days since the epoch of the date a POSIX TZ rule date names in `year`, and the time of day."""
    date, _, clock = rule.partition("/")
    seconds = _posix_seconds(clock) if clock else 7200
    january_first = calendar.timegm((year, 1, 1, 0, 0, 0)) // 86400
    if date.startswith("J"):
        day = int(date[1:])  # 1..365, February 29th never counted
        if calendar.isleap(year) and day >= 60:
            day += 1
        return january_first + day - 1, seconds
    if date.startswith("M"):
        month, week, weekday = (int(part) for part in date[1:].split("."))
        first = calendar.timegm((year, month, 1, 0, 0, 0)) // 86400
        first_weekday = (first + 4) % 7  # 1970-01-01 was a Thursday; 0 = Sunday
        day = first + (weekday - first_weekday) % 7 + (week - 1) * 7
        length = calendar.monthrange(year, month)[1]
        while day - first >= length:
            day -= 7
        return day, seconds
    return january_first + int(date), seconds


def footer_transitions(footer, after, until):
    """Transitions the footer rule makes in (after, until), as [(utc, offset_before, offset_after)]."""
    if not footer:
        return []
    match = _TZ_RULE.match(footer)
    if not match:
        raise CheckError("cannot read the TZ rule %r" % footer)
    std = -_posix_seconds(match.group("stdoff"))
    if not match.group("dst") or not match.group("start"):
        return []
    dst = -_posix_seconds(match.group("dstoff")) if match.group("dstoff") else std + 3600
    changes = []
    first_year = time.gmtime(max(after, 0)).tm_year - 1 if after > -(2 ** 40) else 1969
    last_year = time.gmtime(until).tm_year + 1
    for year in range(first_year, last_year + 1):
        day, clock = _rule_day(match.group("start"), year)
        changes.append((day * 86400 + clock - std, dst))   # start: given in standard time
        day, clock = _rule_day(match.group("end"), year)
        changes.append((day * 86400 + clock - dst, std))   # end: given in daylight time
    changes.sort()
    result = []
    previous = None
    for when, offset in changes:
        if previous is not None and offset != previous and after < when < until:
            result.append((when, previous, offset))
        previous = offset
    return result


def zone_transitions(path, until):
    """Every transition up to `until`, explicit ones then the footer's, as [(utc, before, after)]."""
    explicit, footer = read_tzif(path)
    last = explicit[-1][0] if explicit else -(2 ** 62)
    ruled = footer_transitions(footer, last, until)
    if ruled and explicit and ruled[0][1] != explicit[-1][2]:
        # The footer's reading of the last explicit period must continue it.
        raise CheckError("%s: the TZ rule %r does not continue the explicit transitions" % (path, footer))
    return [t for t in explicit if t[0] < until] + ruled


# ---------------------------------------------------------------------------
# Formatting


def iso_utc(seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def iso_wall(local_seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(local_seconds))


def iso_offset(seconds):
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    text = "%s%02d:%02d" % (sign, hours, minutes)
    return text + (":%02d" % secs if secs else "")


def local_with_offset(instant, offset):
    return iso_wall(instant + offset) + iso_offset(offset)


_LOCAL_OUTPUT = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(Z|[+-]\d{2}:\d{2}(?::\d{2})?)$")


def parse_local_output(line):
    """(wall, offset_seconds) from a talkplan `--to` line, or None."""
    match = _LOCAL_OUTPUT.match(line)
    if not match:
        return None
    offset = 0 if match.group(2) == "Z" else _posix_seconds(match.group(2))
    return match.group(1), offset


# ---------------------------------------------------------------------------
# One zone


def run_talkplan(talkplan, arguments, lines):
    """(exit status, output lines, stderr) of one `talkplan convert` process fed `lines`."""
    payload = "".join(line + "\n" for line in lines)
    env = dict(os.environ)
    env.pop("TZ", None)
    try:
        result = subprocess.run([talkplan, "convert"] + arguments, input=payload, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=env, timeout=PROCESS_TIMEOUT)
    except subprocess.TimeoutExpired:
        return "timeout after %d s" % PROCESS_TIMEOUT, [], ""
    output = result.stdout.split("\n")
    if output and output[-1] == "":
        output.pop()
    return result.returncode, output, result.stderr


class ZoneReport:
    def __init__(self, zone):
        self.zone = zone
        self.counts = {}
        self.disagreements = 0
        self.details = []
        self.gaps = 0
        self.folds = 0
        self.self_check = []

    def count(self, category, n=1):
        self.counts[category] = self.counts.get(category, 0) + n

    def disagree(self, category, text):
        self.disagreements += 1
        self.count("disagreements " + category)
        if sum(1 for kept, _ in self.details if kept == category) < SHOWN_DISAGREEMENTS:
            self.details.append((category, "[%s] %s: %s" % (category, self.zone, text)))


def check_zone(job):
    zone, zoneinfo_dir, talkplan = job
    report = ZoneReport(zone)
    path = os.path.join(zoneinfo_dir, zone)
    with open(path, "rb") as handle:
        tz = zoneinfo.ZoneInfo.from_file(handle, key=zone)
    transitions = zone_transitions(path, LATE_END)
    rng = random.Random(SEED ^ zlib.crc32(zone.encode("utf-8")))

    # Our own reading of the TZif data must agree with zoneinfo's at every transition.
    def zoneinfo_offset(instant):
        return int(datetime.datetime.fromtimestamp(instant, tz).utcoffset().total_seconds())

    for when, before, after in transitions:
        if START - 86400 <= when < LATE_END and (zoneinfo_offset(when - 1), zoneinfo_offset(when)) != (before, after):
            report.self_check.append("%s: transition at %s read as %s -> %s, zoneinfo has %s -> %s" % (
                zone, iso_utc(when), before, after, zoneinfo_offset(when - 1), zoneinfo_offset(when)))
    starts = [when for when, _, _ in transitions]
    offsets = [transitions[0][1] if transitions else None] + [after for _, _, after in transitions]

    # --- UTC -> local -------------------------------------------------------
    instants = []   # (instant, category)
    for when, _, _ in transitions:
        if START <= when < LATE_END:
            category = "to-local transitions" if when < MAIN_END else "to-local 2038-2100"
            for delta in (-1, 0, 1):
                if START <= when + delta:
                    instants.append((when + delta, category))
    for _ in range(RANDOM_INSTANTS):
        instants.append((rng.randrange(START, MAIN_END), "to-local random"))
    for _ in range(RANDOM_LATE_INSTANTS):
        instants.append((rng.randrange(MAIN_END, LATE_END), "to-local 2038-2100"))

    inputs = []
    expected = []
    for index, (instant, category) in enumerate(instants):
        form = index % 8
        if form < 4:
            inputs.append(str(instant))
        elif form < 7:
            inputs.append(iso_utc(instant))
        else:
            # An offset form: the same instant written at an arbitrary fixed offset.
            shift = rng.choice((19800, -10800, 50400, -43200, 3600, -34200, 0))
            inputs.append(iso_wall(instant + shift) + iso_offset(shift))
        local = datetime.datetime.fromtimestamp(instant, tz)
        offset = int(local.utcoffset().total_seconds())
        expected.append(local_with_offset(instant, offset))
        if starts:
            own = offsets[bisect.bisect_right(starts, instant)]
            if own != offset and len(report.self_check) < 5:
                report.self_check.append("%s: at %s the TZif reading gives %s, zoneinfo %s" % (
                    zone, iso_utc(instant), own, offset))

    code, output, stderr = run_talkplan(talkplan, ["--to", zone], inputs)
    if code != 0 or len(output) != len(inputs):
        report.disagree("to-local process", "talkplan convert --to %s exited %s with %d lines for %d inputs; stderr: %s"
                        % (zone, code, len(output), len(inputs), stderr.strip()[:300]))
    for index, (instant, category) in enumerate(instants):
        report.count(category)
        got = output[index] if index < len(output) else "<missing>"
        want = expected[index]
        if got == want:
            continue
        parsed = parse_local_output(got)
        if parsed is not None and parsed == (want[:19], _posix_seconds(want[19:])):
            continue  # same wall time and offset, spelled differently
        report.disagree(category, "input %s (%s): expected %s, got %r" % (
            inputs[index], iso_utc(instant), want, got))

    # --- local -> UTC -------------------------------------------------------
    walls = []   # (local seconds, category)
    seen = set()
    for when, before, after in transitions:
        if not (START <= when < MAIN_END) or before == after:
            continue
        low, high = when + min(before, after), when + max(before, after)   # [low, high) is the gap or fold
        if after > before:
            report.gaps += 1
        else:
            report.folds += 1
        for local in (low - 1, low, low + (high - low) // 2, high - 1, high):
            if local not in seen:
                seen.add(local)
                walls.append((local, "gap/fold"))
    for _ in range(RANDOM_WALL_TIMES):
        walls.append((rng.randrange(START + 86400, MAIN_END - 86400), "random"))

    readings = []   # (fold0 instant, fold1 instant)
    for local, _ in walls:
        naive = NAIVE_EPOCH + datetime.timedelta(seconds=local)
        first = local - int(naive.replace(tzinfo=tz, fold=0).utcoffset().total_seconds())
        second = local - int(naive.replace(tzinfo=tz, fold=1).utcoffset().total_seconds())
        readings.append((first, second))
    wall_inputs = [iso_wall(local) for local, _ in walls]

    for rule in DISAMBIGUATIONS:
        code, output, stderr = run_talkplan(talkplan, ["--from", zone, "--disambiguation", rule], wall_inputs)
        unique = all(first == second for first, second in readings)
        allowed = (0,) if rule != "reject" or unique else (1,)
        if code not in allowed or len(output) != len(wall_inputs):
            report.disagree("to-instant %s process" % rule,
                            "talkplan convert --from %s --disambiguation %s exited %s with %d lines for %d inputs; stderr: %s"
                            % (zone, rule, code, len(output), len(wall_inputs), stderr.strip()[:300]))
        for index, ((local, kind), (first, second)) in enumerate(zip(walls, readings)):
            category = "to-instant %s %s" % (rule, kind)
            report.count(category)
            if first != second:
                report.count("to-instant %s non-unique" % rule)
            if rule == "compatible":
                want = iso_utc(first)
            elif rule == "earlier":
                want = iso_utc(min(first, second))
            elif rule == "later":
                want = iso_utc(max(first, second))
            else:
                want = iso_utc(first) if first == second else ""
            got = output[index] if index < len(output) else "<missing>"
            if got != want:
                situation = "unique" if first == second else ("gap" if first > second else "fold")
                report.disagree(category, "wall %s (%s; fold=0 %s, fold=1 %s): expected %r, got %r" % (
                    wall_inputs[index], situation, iso_utc(first), iso_utc(second), want, got))
    return report


# ---------------------------------------------------------------------------
# Main


def talkplan_tz_version(talkplan):
    result = subprocess.run([talkplan, "zones", "version"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        raise CheckError("`%s zones version` failed (%s): %s" % (talkplan, result.returncode, result.stderr.strip()))
    return result.stdout.strip()


def main():
    parser = argparse.ArgumentParser(description="Compare `talkplan convert` with Python's zoneinfo on the pinned tz data.")
    parser.add_argument("--talkplan", default=os.path.join(ROOT, ".build", "release", "talkplan"),
                        help="the talkplan binary (default: .build/release/talkplan)")
    parser.add_argument("--cache", default=os.path.join(ROOT, ".build-tzdata"),
                        help="where the pinned tzdata wheel is kept (default: .build-tzdata/)")
    parser.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1),
                        help="zones checked in parallel (default: the number of cores, at most 4)")
    parser.add_argument("--zone", action="append", help="check only this zone (repeatable)")
    arguments = parser.parse_args()

    started = time.monotonic()
    try:
        version_file = os.path.join(ROOT, "TZData", "VERSION")
        if not os.path.exists(version_file):
            raise CheckError("%s is missing: build TZData first (TZData/build)" % version_file)
        with open(version_file, encoding="utf-8") as handle:
            pinned = handle.read().strip()
        wheel = fetch_wheel(arguments.cache)
        zoneinfo_dir = extract_wheel(wheel, arguments.cache)
        wheel_version = wheel_tz_version(zoneinfo_dir)
        if wheel_version != pinned:
            raise CheckError("TZData/VERSION says %s but %s==%s carries tz data %s: update the pin in %s"
                             % (pinned, WHEEL_PROJECT, WHEEL_VERSION, wheel_version, os.path.relpath(__file__, ROOT)))
        talkplan = os.path.abspath(arguments.talkplan)
        if not os.access(talkplan, os.X_OK):
            raise CheckError("no talkplan binary at %s (give --talkplan PATH)" % talkplan)
        in_use = talkplan_tz_version(talkplan)
        if in_use != pinned:
            raise CheckError("talkplan reports tz data %s, TZData/VERSION says %s" % (in_use, pinned))
        zones = arguments.zone or zone_list(zoneinfo_dir)
    except CheckError as error:
        print("zone-diffcheck: %s" % error, file=sys.stderr)
        return 2

    print("zone-diffcheck: tz data %s (%s==%s, sha256 %s...), talkplan %s" % (
        pinned, WHEEL_PROJECT, WHEEL_VERSION, WHEEL_SHA256[:16], talkplan))
    print("zone-diffcheck: %d zones, %d jobs, seed %d" % (len(zones), arguments.jobs, SEED))
    sys.stdout.flush()

    jobs = [(zone, zoneinfo_dir, talkplan) for zone in zones]
    reports = []
    try:
        if arguments.jobs > 1:
            with multiprocessing.Pool(arguments.jobs) as pool:
                reports = list(pool.imap(check_zone, jobs, chunksize=1))
        else:
            reports = [check_zone(job) for job in jobs]
    except CheckError as error:
        print("zone-diffcheck: %s" % error, file=sys.stderr)
        return 2

    totals = {}
    for report in reports:
        for key, value in report.counts.items():
            totals[key] = totals.get(key, 0) + value
    disagreements = sum(report.disagreements for report in reports)
    self_check = [line for report in reports for line in report.self_check]

    def total(key):
        return totals.get(key, 0)

    print()
    print("zones                                   %9d" % len(reports))
    print("gaps 1970-2037                          %9d" % sum(r.gaps for r in reports))
    print("folds 1970-2037                         %9d" % sum(r.folds for r in reports))
    print()
    print("UTC -> local                              checked  disagree")
    main_categories = ["to-local transitions", "to-local random"]
    for category in main_categories:
        print("  %-38s %9d %9d" % (category[9:] + " (1970-2037)", total(category), total("disagreements " + category)))
    print("  %-38s %9d %9d" % ("all 1970-2037", sum(total(c) for c in main_categories),
                                sum(total("disagreements " + c) for c in main_categories)))
    print("  %-38s %9d %9d" % ("2038-2100 (bonus)", total("to-local 2038-2100"),
                                total("disagreements to-local 2038-2100")))
    print()
    print("local -> UTC (1970-2037)                  checked  disagree  (non-unique)")
    for rule in DISAMBIGUATIONS:
        for kind in ("gap/fold", "random"):
            category = "to-instant %s %s" % (rule, kind)
            print("  %-38s %9d %9d" % ("%s, %s" % (rule, "gap/fold points" if kind == "gap/fold" else "random"),
                                        total(category), total("disagreements " + category)))
        print("  %-38s %9d %9d  (%d)" % (
            "%s, all" % rule, sum(total("to-instant %s %s" % (rule, k)) for k in ("gap/fold", "random")),
            sum(total("disagreements to-instant %s %s" % (rule, k)) for k in ("gap/fold", "random")),
            total("to-instant %s non-unique" % rule)))
    process_failures = sum(v for k, v in totals.items() if k.startswith("disagreements") and k.endswith("process"))
    if process_failures:
        print("  %-38s %9s %9d" % ("talkplan processes misbehaving", "", process_failures))
    print()
    checks = sum(v for k, v in totals.items() if not k.startswith("disagreements") and not k.endswith("non-unique"))
    print("total checks %d, disagreements %d, %.1f s" % (checks, disagreements, time.monotonic() - started))

    if self_check:
        print()
        print("SCRIPT SELF-CHECK FAILED: this script's reading of the TZif data disagrees with zoneinfo")
        for line in self_check[:SHOWN_DISAGREEMENTS]:
            print("  " + line)
    if disagreements:
        # The first ones, in zone order, but a few of every category before more of any one.
        details = [detail for report in reports for detail in report.details]
        per_category = {}
        chosen = []
        for category, line in details:
            per_category[category] = per_category.get(category, 0) + 1
            if per_category[category] <= 3:
                chosen.append(line)
        for category, line in details:
            if len(chosen) >= SHOWN_DISAGREEMENTS:
                break
            if line not in chosen:
                chosen.append(line)
        print()
        print("first disagreements (of %d):" % disagreements)
        for line in chosen[:SHOWN_DISAGREEMENTS]:
            print("  " + line)
    if self_check:
        return 2
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
