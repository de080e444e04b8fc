"""Expected instants of every VEVENT in this corpus, computed independently of talkplan.

Each entry restates, by hand, the wall times and zones written in the corpus files; the
instants are computed here with Python's zoneinfo reading the pinned tz 2026f TZif files
(the ones TZData/ was built from), never taken from talkplan's output.

  python3 expectations.py [--tzpath DIR] --swift   # the table pasted into CorpusExpectations.swift
  python3 expectations.py [--tzpath DIR] --json    # the same as JSON (Scripts/ics-conformance.py)

Wall times in a gap or a fold are read as RFC 5545 says (a gap moves forward by its
length, a fold takes the earlier), which is zoneinfo's fold=0.
"""
import datetime as dt
import glob
import json
import os
import sys
import zoneinfo

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".."))


def default_tzpath():
    """The pinned TZif files: the wheel Scripts/zone-diffcheck.py extracts into .build-tzdata/."""
    found = sorted(glob.glob(os.path.join(ROOT, ".build-tzdata", "tzdata-*", "tzdata", "zoneinfo")))
    if not found:
        sys.exit("expectations.py: no pinned TZif files; run Scripts/zone-diffcheck.py once, or pass --tzpath DIR")
    return found[-1]


UTC = dt.timezone.utc


def station_local_time(wall):
    """The corpus's own non-IANA zone "Station Local Time" (custom-non-iana-vtimezone.ics):
    +05:30 from the first Sunday of April 03:00 (local daylight time), +06:30 from the first
    Sunday of October 02:00 (local standard time). A wall time in the October gap is read
    with the offset before it (+05:30); one in the April fold takes the earlier (+06:30)."""
    def first_sunday(year, month):
        day = dt.date(year, month, 1)
        return day + dt.timedelta(days=(6 - day.weekday()) % 7)
    april = dt.datetime.combine(first_sunday(wall.year, 4), dt.time(3))
    october = dt.datetime.combine(first_sunday(wall.year, 10), dt.time(2))
    standard, daylight = dt.timedelta(hours=5, minutes=30), dt.timedelta(hours=6, minutes=30)
    # Daylight time before the April change and from the October change on (southern summer).
    offset = standard if april <= wall < october + dt.timedelta(hours=1) else daylight
    return (wall - offset).replace(tzinfo=UTC)


def instant(wall_text, zone):
    wall = dt.datetime.strptime(wall_text, "%Y-%m-%dT%H:%M")
    if zone == "UTC":
        return wall.replace(tzinfo=UTC)
    if zone.startswith("+") or zone.startswith("-"):
        sign = -1 if zone[0] == "-" else 1
        hours, minutes = int(zone[1:3]), int(zone[4:6])
        return (wall - sign * dt.timedelta(hours=hours, minutes=minutes)).replace(tzinfo=UTC)
    if zone == "Station Local Time":
        return station_local_time(wall)
    return wall.replace(tzinfo=zoneinfo.ZoneInfo(zone), fold=0).astimezone(UTC)


# (file, start wall, start zone, end wall, end zone, reported zone, flags)
# flags: allDay, estimated (end estimated), warned (a warning is expected).
# "Customized Time Zone" is Outlook's copy of the EU rules, so Europe/Paris computes it.
EVENTS = [
    ("google-x-wr-timezone.ics", "2024-03-12T17:00", "Europe/Zurich", "2024-03-12T18:30", "Europe/Zurich", "Europe/Zurich", ""),
    ("google-x-wr-timezone.ics", "2024-04-09T18:00", "Europe/Zurich", "2024-04-09T19:30", "Europe/Zurich", "Europe/Zurich", ""),
    ("google-x-wr-timezone.ics", "2024-05-21T00:00", "Europe/Zurich", "2024-05-22T00:00", "Europe/Zurich", "Europe/Zurich", "allDay warned"),
    ("google-x-wr-timezone.ics", "2024-06-18T15:00", "UTC", "2024-06-18T16:30", "UTC", "Europe/Zurich", ""),
    ("google-utc-times.ics", "2023-12-06T16:30", "UTC", "2023-12-06T17:30", "UTC", "America/Chicago", ""),
    ("google-utc-times.ics", "2023-11-10T17:00", "UTC", "2023-11-10T18:00", "UTC", "America/Chicago", ""),
    ("outlook-romance-standard-time.ics", "2024-06-05T14:00", "Europe/Paris", "2024-06-05T15:30", "Europe/Paris", "Europe/Paris", ""),
    ("outlook-romance-standard-time.ics", "2024-11-07T14:00", "Europe/Paris", "2024-11-07T15:00", "Europe/Paris", "Europe/Paris", ""),
    ("outlook-pacific-sa-standard-time.ics", "2024-11-06T15:00", "America/Santiago", "2024-11-06T16:00", "America/Santiago", "America/Santiago", ""),
    ("outlook-pacific-sa-standard-time.ics", "2024-07-03T15:00", "America/Santiago", "2024-07-03T16:00", "America/Santiago", "America/Santiago", ""),
    ("outlook-display-name-tzid.ics", "2025-01-29T16:30", "Europe/Amsterdam", "2025-01-29T18:00", "Europe/Amsterdam", "Europe/Amsterdam", ""),
    ("outlook-display-name-tzid.ics", "2025-07-16T16:30", "Europe/Amsterdam", "2025-07-16T18:00", "Europe/Amsterdam", "Europe/Amsterdam", ""),
    ("outlook-customized-time-zone.ics", "2024-09-25T11:00", "Europe/Paris", "2024-09-25T12:00", "Europe/Paris", None, ""),
    ("outlook-customized-time-zone.ics", "2024-10-30T11:00", "Europe/Paris", "2024-10-30T12:00", "Europe/Paris", None, ""),
    ("outlook-customized-time-zone.ics", "2024-10-27T02:30", "Europe/Paris", "2024-10-27T03:30", "Europe/Paris", None, "warned"),
    ("exchange-central-standard-time.ics", "2024-11-03T01:30", "America/Chicago", "2024-11-03T02:30", "America/Chicago", "America/Chicago", "warned"),
    ("exchange-central-standard-time.ics", "2024-01-17T15:30", "America/Chicago", "2024-01-17T16:30", "America/Chicago", "America/Chicago", ""),
    ("apple-calendar-export.ics", "2024-05-15T14:30", "Europe/Paris", "2024-05-15T16:00", "Europe/Paris", "Europe/Paris", ""),
    ("wordpress-events-calendar.ics", "2025-03-20T14:00", "Europe/Paris", "2025-03-20T15:00", "Europe/Paris", "Europe/Paris", ""),
    ("wordpress-events-calendar.ics", "2025-04-03T14:00", "Europe/Paris", "2025-04-03T15:00", "Europe/Paris", "Europe/Paris", ""),
    ("wordpress-events-calendar.ics", "2025-06-16T00:00", "Europe/Paris", "2025-06-19T00:00", "Europe/Paris", "Europe/Paris", "allDay warned"),
    ("indico-category-export.ics", "2024-03-12T13:00", "UTC", "2024-03-12T14:00", "UTC", None, ""),
    ("indico-category-export.ics", "2024-10-29T14:00", "UTC", "2024-10-29T15:00", "UTC", None, ""),
    ("memento-floating-times.ics", "2025-03-17T16:15", "Europe/Zurich", "2025-03-17T17:15", "Europe/Zurich", "Europe/Zurich", "warned"),
    ("memento-floating-times.ics", "2025-10-27T16:15", "Europe/Zurich", "2025-10-27T17:15", "Europe/Zurich", "Europe/Zurich", "warned"),
    ("floating-no-evidence.ics", "2024-02-15T10:00", "UTC", "2024-02-15T11:00", "UTC", None, "warned"),
    ("floating-location-city.ics", "2024-05-08T16:00", "America/Santiago", "2024-05-08T17:00", "America/Santiago", "America/Santiago", "warned"),
    ("all-day-events.ics", "2024-05-13T00:00", "Asia/Jerusalem", "2024-05-16T00:00", "Asia/Jerusalem", "Asia/Jerusalem", "allDay warned"),
    ("all-day-events.ics", "2024-10-27T00:00", "Asia/Jerusalem", "2024-10-28T00:00", "Asia/Jerusalem", "Asia/Jerusalem", "allDay warned"),
    ("x-properties-and-unknown-components.ics", "2024-03-06T10:15", "Europe/Berlin", "2024-03-06T11:45", "Europe/Berlin", "Europe/Berlin", ""),
    ("custom-non-iana-vtimezone.ics", "2024-06-12T09:30", "Station Local Time", "2024-06-12T10:30", "Station Local Time", None, ""),
    ("custom-non-iana-vtimezone.ics", "2024-11-20T09:30", "Station Local Time", "2024-11-20T10:30", "Station Local Time", None, ""),
    ("custom-non-iana-vtimezone.ics", "2024-10-06T02:30", "Station Local Time", "2024-10-06T04:00", "Station Local Time", None, "warned"),
    ("paris-dst-gap.ics", "2024-03-31T02:30", "Europe/Paris", "2024-03-31T03:30", "Europe/Paris", "Europe/Paris", "warned"),
    ("paris-dst-gap.ics", "2024-03-31T01:30", "Europe/Paris", "2024-03-31T03:30", "UTC+2h", "Europe/Paris", ""),
    ("paris-dst-fold.ics", "2024-10-27T02:30", "Europe/Paris", "2024-10-27T04:00", "Europe/Paris", "Europe/Paris", "warned"),
    ("zurich-dst-edges.ics", "2025-03-30T02:15", "Europe/Zurich", "2025-03-30T03:15", "Europe/Zurich", "Europe/Zurich", "warned"),
    ("zurich-dst-edges.ics", "2025-10-26T02:45", "Europe/Zurich", "2025-10-26T03:45", "Europe/Zurich", "Europe/Zurich", "warned"),
    ("zurich-dst-edges.ics", "2025-03-29T12:00", "Europe/Zurich", "2025-03-30T12:00", "Europe/Zurich", "Europe/Zurich", ""),
    ("jerusalem-dst.ics", "2024-03-29T02:30", "Asia/Jerusalem", "2024-03-29T03:30", "Asia/Jerusalem", "Asia/Jerusalem", "warned"),
    ("jerusalem-dst.ics", "2024-10-27T01:30", "Asia/Jerusalem", "2024-10-27T02:30", "Asia/Jerusalem", "Asia/Jerusalem", "warned"),
    ("jerusalem-dst.ics", "2021-05-04T19:00", "Asia/Jerusalem", "2021-05-04T20:30", "Asia/Jerusalem", "Asia/Jerusalem", ""),
    ("chicago-dst.ics", "2024-03-10T02:30", "America/Chicago", "2024-03-10T03:30", "America/Chicago", "America/Chicago", "warned"),
    ("chicago-dst.ics", "2024-11-03T01:30", "America/Chicago", "2024-11-03T02:00", "America/Chicago", "America/Chicago", "warned"),
    ("chicago-dst.ics", "2024-07-01T12:00", "America/Chicago", "2024-07-01T13:00", "America/Chicago", "America/Chicago", ""),
    ("santiago-dst.ics", "2024-04-06T23:30", "America/Santiago", "2024-04-07T00:30", "America/Santiago", "America/Santiago", "warned"),
    ("santiago-dst.ics", "2024-09-08T00:30", "America/Santiago", "2024-09-08T01:30", "America/Santiago", "America/Santiago", "warned"),
    ("santiago-dst.ics", "2024-09-08T00:00", "America/Santiago", "2024-09-09T00:00", "America/Santiago", "America/Santiago", "allDay warned"),
    ("mozilla-prefixed-tzid.ics", "2023-11-15T14:15", "Europe/Berlin", "2023-11-15T15:45", "Europe/Berlin", "Europe/Berlin", ""),
    ("mozilla-prefixed-tzid.ics", "2023-09-15T10:00", "America/New_York", "2023-09-15T11:00", "America/New_York", "America/New_York", ""),
    ("multiple-calendars.ics", "2024-04-10T11:00", "Europe/Rome", "2024-04-10T12:00", "Europe/Rome", "Europe/Rome", ""),
    ("multiple-calendars.ics", "2024-04-11T09:00", "Asia/Tokyo", "2024-04-11T10:00", "Asia/Tokyo", "Asia/Tokyo", "warned"),
    ("duration-events.ics", "2024-09-20T15:00", "Europe/London", "2024-09-20T16:30", "Europe/London", "Europe/London", ""),
    ("duration-events.ics", "2024-09-20T17:00", "Europe/London", "2024-09-20T18:00", "Europe/London", "Europe/London", "estimated"),
    ("duration-events.ics", "2024-09-23T00:00", "Europe/London", "2024-09-30T00:00", "Europe/London", "Europe/London", "allDay warned"),
    ("duration-events.ics", "2024-10-26T12:00", "Europe/London", "2024-10-27T13:00", "Europe/London", "Europe/London", ""),
    ("recurrence-data.ics", "2024-09-05T16:00", "America/New_York", "2024-09-05T17:00", "America/New_York", "America/New_York", ""),
    ("recurrence-data.ics", "2024-11-21T15:30", "America/New_York", "2024-11-21T16:30", "America/New_York", "America/New_York", ""),
    ("recurrence-data.ics", "2024-01-02T16:00", "America/New_York", "2024-01-02T17:00", "America/New_York", "America/New_York", ""),
    ("cancelled-and-sequence.ics", "2024-02-14T12:00", "Europe/Madrid", "2024-02-14T13:00", "Europe/Madrid", "Europe/Madrid", ""),
    ("cancelled-and-sequence.ics", "2024-02-21T12:00", "Europe/Madrid", "2024-02-21T13:00", "Europe/Madrid", "Europe/Madrid", ""),
    ("conference-rfc7986.ics", "2024-04-15T15:00", "UTC", "2024-04-15T16:00", "UTC", None, ""),
    ("quoted-and-multivalued-params.ics", "2024-05-09T11:00", "America/Los_Angeles", "2024-05-09T12:00", "America/Los_Angeles", "America/Los_Angeles", ""),
    ("mixed-zones.ics", "2024-01-20T23:30", "Asia/Kolkata", "2024-01-21T09:00", "America/Los_Angeles", "Asia/Kolkata", ""),
    ("mixed-zones.ics", "2024-10-06T01:30", "Australia/Sydney", "2024-10-05T17:00", "UTC", "Australia/Sydney", ""),
    ("mixed-zones.ics", "2024-02-15T15:30", "Asia/Kolkata", "2024-02-15T16:30", "Asia/Kolkata", "Asia/Kolkata", ""),
    ("unknown-tzid-guessed.ics", "2024-06-11T14:00", "America/New_York", "2024-06-11T15:00", "America/New_York", "America/New_York", "warned"),
    ("unknown-tzid-guessed.ics", "2024-06-11T14:00", "+05:30", "2024-06-11T15:00", "+05:30", None, "warned"),
    ("unknown-tzid-guessed.ics", "2024-06-11T14:00", "Asia/Tokyo", "2024-06-11T15:00", "Asia/Tokyo", "Asia/Tokyo", ""),
    ("folded-utf8-text.ics", "2024-12-03T10:15", "Europe/Zurich", "2024-12-03T11:30", "Europe/Zurich", "Europe/Zurich", ""),
    ("bare-lf-line-endings.ics", "2024-09-25T12:00", "America/Chicago", "2024-09-25T13:15", "America/Chicago", "America/Chicago", ""),
    ("utf8-bom.ics", "2024-06-12T17:00", "Europe/Vienna", "2024-06-12T18:00", "Europe/Vienna", "Europe/Vienna", ""),
]


def end_instant(start, wall, zone):
    # "UTC+2h": an end given as a DURATION of exact hours after the start.
    if zone.startswith("UTC+") and zone.endswith("h"):
        return start + dt.timedelta(hours=int(zone[4:-1]))
    return instant(wall, zone)


def rows(tzpath):
    zoneinfo.reset_tzpath([tzpath])
    result = []
    index = {}
    for file, start_wall, start_zone, end_wall, end_zone, reported, flags in EVENTS:
        position = index.get(file, 0)
        index[file] = position + 1
        start = instant(start_wall, start_zone)
        end = end_instant(start, end_wall, end_zone)
        result.append({
            "file": file, "index": position,
            "start": start.strftime("%Y-%m-%dT%H:%M:%SZ"), "end": end.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "zone": reported, "allDay": "allDay" in flags, "endEstimated": "estimated" in flags,
            "warned": "warned" in flags,
        })
    return result


def swift(rows):
    lines = [
        "/// Expected start and end of every VEVENT in `Corpus/`, in file order.",
        "///",
        "/// Source: `Corpus/expectations.py` (`python3 expectations.py --swift`), which restates each",
        "/// file's wall times and zones by hand and computes the instants with Python's zoneinfo on",
        "/// the pinned tz 2026f TZif files. Never copied from talkplan's output.",
        "enum CorpusExpectations {",
        "    static let events: [CorpusExpectation] = [",
    ]
    for row in rows:
        zone = f'"{row["zone"]}"' if row["zone"] else "nil"
        lines.append(f'        .init("{row["file"]}", {row["index"]}, start: "{row["start"]}", end: "{row["end"]}", zone: {zone}'
                     + (", allDay: true" if row["allDay"] else "")
                     + (", endEstimated: true" if row["endEstimated"] else "")
                     + (", warned: true" if row["warned"] else "") + "),")
    lines += ["    ]", "}"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if "--tzpath" in sys.argv:
        tzpath = sys.argv[sys.argv.index("--tzpath") + 1]
    else:
        tzpath = default_tzpath()
    data = rows(tzpath)
    if "--swift" in sys.argv:
        sys.stdout.write(swift(data))
    else:
        json.dump(data, sys.stdout, indent=1)
        sys.stdout.write("\n")
