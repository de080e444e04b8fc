#!/usr/bin/env python3
"""Conformance of what talkplan writes, checked with Python's icalendar package.

    python3 Scripts/ics-conformance.py [--scratch-path .build] [--from DIR] [--tzpath DIR]

1. Has the Swift test `ConformanceExport` write, for every file of the iCalendar corpus
   (Tests/TalkplanICalendarTests/Corpus), the file written back as read
   (NAME.roundtrip.ics) and its events rebuilt as a personal calendar in the zones talkplan
   resolved (NAME.resolved.ics). `--from DIR` uses a folder written before instead.
2. Parses every written file with icalendar (installed into the virtual environment
   .build-pyenv/ when this Python lacks it; the script then runs itself there).
3. Compares every VEVENT's DTSTART and DTEND (or DTSTART + DURATION: days nominal, time
   exact, as RFC 5545 says) as UTC instants with the corpus's expectations
   (Corpus/expectations.py: computed with zoneinfo, independently of talkplan). Floating
   times and dates are read in the zone the expectations say talkplan must infer.

zoneinfo reads the pinned tz TZif files (the wheel TZData/ is built from, fetched as
Scripts/zone-diffcheck.py does, or --tzpath). Exit status: 0 when everything agrees,
1 on any disagreement or file icalendar cannot parse, 2 when the check cannot run.
"""

import argparse
import datetime as dt
import importlib.util
import os
import subprocess
import sys
import tempfile
import zoneinfo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".build-pyenv")
CORPUS = os.path.join(ROOT, "Tests", "TalkplanICalendarTests", "Corpus")
UTC = dt.timezone.utc


def ensure_icalendar():
    """Imports icalendar, installing it into .build-pyenv and re-running there when missing."""
    try:
        import icalendar  # noqa: F401
        return
    except ImportError:
        pass
    python = os.path.join(VENV, "bin", "python3")
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        sys.exit("ics-conformance: icalendar is still missing in %s" % VENV)
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    check = subprocess.run([python, "-c", "import icalendar"], capture_output=True)
    if check.returncode != 0:
        print("ics-conformance: installing icalendar into %s" % os.path.relpath(VENV, ROOT), file=sys.stderr)
        subprocess.run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check", "icalendar"], check=True)
    os.execv(python, [python, os.path.abspath(__file__)] + sys.argv[1:])


def load_module(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pinned_tzpath(cache):
    """The TZif directory of the wheel TZData/ is built from, as zone-diffcheck.py fetches it."""
    diffcheck = load_module("zone_diffcheck", os.path.join(ROOT, "Scripts", "zone-diffcheck.py"))
    wheel = diffcheck.fetch_wheel(cache)
    return diffcheck.extract_wheel(wheel, cache)


def export(scratch, folder):
    env = dict(os.environ, TALKPLAN_ICS_EXPORT=folder)
    command = ["swift", "test", "--scratch-path", scratch, "--filter", "ConformanceExport"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        sys.exit("ics-conformance: `%s` failed" % " ".join(command))


def zone_of(name):
    if name is None:
        return UTC
    return zoneinfo.ZoneInfo(name)


def rfc_instant(value):
    """An aware wall time as RFC 5545 reads it: a time in a gap moves forward by the gap's
    length (read with the offset before the gap), a time in a fold is the earlier one.
    (icalendar's zones built from a VTIMEZONE read gaps with the offset after them.)"""
    value = value.replace(fold=0)
    utc = value.astimezone(UTC)
    if utc.astimezone(value.tzinfo).replace(tzinfo=None) != value.replace(tzinfo=None):
        before = (value.replace(tzinfo=None) - dt.timedelta(hours=3)).replace(tzinfo=value.tzinfo).utcoffset()
        return (value.replace(tzinfo=None) - before).replace(tzinfo=UTC)
    return utc


def instant(value, zone):
    """A DTSTART/DTEND value as a UTC datetime; floating times and dates read in `zone`."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=zone)
        return rfc_instant(value)
    return rfc_instant(dt.datetime.combine(value, dt.time(0), tzinfo=zone))


def end_instant(event, start_value, start, zone):
    if event.get("DTEND") is not None:
        return instant(event.get("DTEND").dt, zone)
    duration = event.get("DURATION")
    if duration is None:
        if isinstance(start_value, dt.datetime):
            return start + dt.timedelta(hours=1)
        return instant(start_value + dt.timedelta(days=1), zone)
    delta = duration.dt
    days = dt.timedelta(days=delta.days)
    exact = delta - days
    if isinstance(start_value, dt.datetime):
        local = start_value if start_value.tzinfo is not None else start_value.replace(tzinfo=zone)
        # Nominal days on the wall clock, then the exact part on the time line.
        wall = (local.replace(tzinfo=None) + days).replace(tzinfo=local.tzinfo)
        return rfc_instant(wall) + exact
    return instant(start_value + days, zone) + exact


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scratch-path", default=os.path.join(ROOT, ".build"), help="swift build folder for the export")
    parser.add_argument("--from", dest="source", help="a folder already written by the export")
    parser.add_argument("--tzpath", help="TZif directory (default: the pinned wheel, fetched into .build-tzdata/)")
    parser.add_argument("--cache", default=os.path.join(ROOT, ".build-tzdata"))
    arguments = parser.parse_args()

    ensure_icalendar()
    import icalendar

    tzpath = arguments.tzpath or pinned_tzpath(arguments.cache)
    zoneinfo.reset_tzpath([tzpath])
    expectations = load_module("corpus_expectations", os.path.join(CORPUS, "expectations.py")).rows(tzpath)
    by_file = {}
    for row in expectations:
        by_file.setdefault(row["file"], []).append(row)

    folder = arguments.source
    temporary = None
    if folder is None:
        temporary = tempfile.TemporaryDirectory(prefix="ics-conformance-")
        folder = temporary.name
        export(arguments.scratch_path, folder)

    counts = {"files": 0, "events": 0, "instants": 0, "agree": 0}
    problems = []
    skipped = []
    for name in sorted(by_file):
        base = name[:-4]
        for kind in ("roundtrip", "resolved"):
            path = os.path.join(folder, "%s.%s.ics" % (base, kind))
            if not os.path.exists(path):
                problems.append("%s: not written" % os.path.basename(path))
                continue
            try:
                calendars = icalendar.Calendar.from_ical(open(path, "rb").read(), multiple=True)
            except Exception as error:  # icalendar raises several kinds
                problems.append("%s: icalendar cannot parse it: %s" % (os.path.basename(path), error))
                continue
            counts["files"] += 1
            events = [component for calendar in calendars for component in calendar.walk("VEVENT")]
            want = by_file[name]
            if len(events) != len(want):
                problems.append("%s: %d events, want %d" % (os.path.basename(path), len(events), len(want)))
                continue
            for event, row in zip(events, want):
                counts["events"] += 1
                label = "%s #%d" % (os.path.basename(path), row["index"])
                zone = zone_of(row["zone"])
                try:
                    start_value = event.get("DTSTART").dt
                except Exception as error:
                    problems.append("%s: DTSTART unreadable: %s" % (label, error))
                    continue
                tzid = event.get("DTSTART").params.get("TZID")
                if isinstance(start_value, dt.datetime) and start_value.tzinfo is None and tzid:
                    skipped.append("%s: icalendar does not know TZID %r (no VTIMEZONE for it: talkplan guessed)" % (label, tzid))
                    continue
                start = instant(start_value, zone)
                end = end_instant(event, start_value, start, zone)
                for what, got, expected in (("DTSTART", start, row["start"]), ("DTEND", end, row["end"])):
                    counts["instants"] += 1
                    text = got.strftime("%Y-%m-%dT%H:%M:%SZ")
                    if text == expected:
                        counts["agree"] += 1
                    else:
                        problems.append("%s: %s is %s, want %s" % (label, what, text, expected))

    for line in problems:
        print(line)
    for line in skipped:
        print("skipped: " + line)
    print("icalendar %s parsed %d files written by talkplan: %d events, %d of %d DTSTART/DTEND instants agree, %d events skipped, %d problems"
          % (icalendar.__version__, counts["files"], counts["events"], counts["agree"], counts["instants"], len(skipped), len(problems)))
    if temporary is not None:
        temporary.cleanup()
    return 0 if not problems else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except subprocess.CalledProcessError as error:
        print("ics-conformance: %s" % error, file=sys.stderr)
        sys.exit(2)
