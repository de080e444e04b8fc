#!/usr/bin/env python3
"""iCalendar reading: talkplan against Python's icalendar, in one run.

    python3 Benchmarks/icalendar-throughput.py [EVENTS]      # default 40,000 events (~25 MB)

Environment: TALKPLAN=path (else a release build is made), READFEED=path (else the Benchmarks
package's ReadFeed is built in release mode), RUNS=3 (the median is reported).

Writes a feed of the same shape as Benchmarks/ICalendar (VTIMEZONE, VEVENTs with TZID times,
folded descriptions, RRULE/EXDATE on every tenth, RECURRENCE-ID on every twentieth), then times:
  - Python: icalendar.Calendar.from_ical on the bytes, and each VEVENT's DTSTART/DTEND decoded
    (.dt), which is the least a reader must do; inside the Python process, the import outside;
  - talkplan's reader inside its process (`ReadFeed`): `ICalendarReader.read` (content lines,
    components, every event's times resolved in its zone), and `Extractor.extract` (the same and
    the talks: places, online links, recurrence sets);
  - `talkplan extract --json FEED > /dev/null`, the whole process (start-up, reading, talks, JSON).
Prints MB/s (MiB) for each and the ratios to Python. Needs `icalendar` importable
(`python3 -m pip install icalendar`).
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def feed(events):
    out = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Seminars//Feed//EN", "X-WR-CALNAME:Seminars",
           "BEGIN:VTIMEZONE", "TZID:Europe/Paris", "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
           "TZNAME:CEST", "DTSTART:19700329T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
           "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
           "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE"]
    for i in range(events):
        zone = "America/Chicago" if i % 3 == 0 else "Europe/Paris"
        date = "2024%02d%02d" % (i % 12 + 1, i % 28 + 1)
        hour = 9 + i % 8
        out += ["BEGIN:VEVENT", f"UID:seminar-{i}@math.example.org", "DTSTAMP:20240101T000000Z"]
        if i % 20 == 19:
            out.append(f"RECURRENCE-ID;TZID={zone}:{date}T{hour:02d}0000")
        out += [f"DTSTART;TZID={zone}:{date}T{hour:02d}0000", f"DTEND;TZID={zone}:{date}T{hour:02d}4500"]
        if i % 10 == 0:
            out += ["RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20241231T235959Z", f"EXDATE;TZID={zone}:{date}T{hour:02d}0000"]
        out += [f"SUMMARY:Seminar {i}: Results on random structures\\, part {i % 7}",
                f"DESCRIPTION:Speaker {i} (University {i % 17}) presents joint work on ra",
                " ndom structures.\\nAbstract: we study a model and prove that its phases are ",
                " separated by sharp transitions\\; open problems follow.\\nJoin: https://zoo",
                f" m.us/j/9{100_000_000 + i}",
                f"LOCATION:Salle {i % 40}\\, 45 rue d'Ulm\\, 75005 Paris",
                f"URL:https://math.example.org/seminars/{i}",
                "ORGANIZER;CN=\"Seminar, Organisers\":mailto:seminars@math.example.org",
                "END:VEVENT"]
    out.append("END:VCALENDAR")
    return ("\r\n".join(out) + "\r\n").encode()


def median_time(runs, body):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        body()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    events = int(sys.argv[1]) if len(sys.argv) > 1 else 40_000
    runs = int(os.environ.get("RUNS", "3"))
    try:
        import icalendar
    except ImportError:
        sys.exit("icalendar-throughput: Python's icalendar is not installed (python3 -m pip install icalendar)")
    talkplan = os.environ.get("TALKPLAN")
    if not talkplan:
        subprocess.run(["swift", "build", "-c", "release", "--product", "talkplan"], cwd=ROOT, check=True)
        bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                                  capture_output=True, text=True).stdout.strip()
        talkplan = os.path.join(bin_path, "talkplan")
    readfeed = os.environ.get("READFEED")
    if not readfeed:
        subprocess.run(["swift", "build", "-c", "release", "--product", "ReadFeed"], cwd=HERE, check=True)
        bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=HERE, check=True,
                                  capture_output=True, text=True).stdout.strip()
        readfeed = os.path.join(bin_path, "ReadFeed")
    data = feed(events)
    megabytes = len(data) / 1_048_576
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "feed.ics")
        with open(path, "wb") as f:
            f.write(data)

        def python_read():
            calendar = icalendar.Calendar.from_ical(data)
            count = 0
            for event in calendar.walk("VEVENT"):
                event.decoded("DTSTART")
                event.decoded("DTEND")
                count += 1
            assert count == events, count

        def talkplan_extract():
            subprocess.run([talkplan, "extract", "--json", "--reference-date", "2024-01-01", path],
                           stdout=subprocess.DEVNULL, check=True)

        load = os.getloadavg()[0]
        python_seconds = median_time(runs, python_read)
        lines = subprocess.run([readfeed, path, str(runs)], check=True, capture_output=True, text=True).stdout.split("\n")
        timings = {name: (float(seconds), int(count)) for name, seconds, count in (line.split() for line in lines if line)}
        assert timings["read"][1] == events, timings
        read_seconds, talks_seconds = timings["read"][0], timings["talks"][0]
        extract_seconds = median_time(runs, talkplan_extract)
        print(f"feed: {events} events, {megabytes:.1f} MB; load average before: {load:.2f}")
        print(f"Python icalendar {icalendar.__version__} (from_ical + DTSTART/DTEND): "
              f"{python_seconds:.2f} s, {megabytes / python_seconds:.1f} MB/s")
        for name, seconds in [("talkplan ICalendarReader.read", read_seconds),
                              ("talkplan Extractor.extract (talks)", talks_seconds),
                              ("talkplan extract --json (whole process)", extract_seconds)]:
            print(f"{name}: {seconds:.3f} s, {megabytes / seconds:.1f} MB/s, {python_seconds / seconds:.1f}x Python")


if __name__ == "__main__":
    main()
