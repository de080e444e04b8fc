#!/usr/bin/env python3
"""Differential check of talkplan's recurrence engine against python-dateutil's rrule.

    python3 Scripts/rrule-diffcheck.py --talkplan .build/release/talkplan [--rules 10000] [--seed N]

Seeded random rules (every FREQ, INTERVAL, COUNT, UNTIL in UTC, local and DATE forms, and
every BY part in the combinations RFC 5545 §3.3.10's table allows) are expanded from random
starts in zones with DST (the five seed zones Europe/Paris, Europe/Zurich, Asia/Jerusalem,
America/Chicago, America/Santiago, and others with unusual rules), most starts placed near a
clock change and at the small hours where gaps and folds are. Each rule goes through
`talkplan recur --batch` (one process for all of them) and through dateutil.

dateutil expands in naive local time; the script localises each time with zoneinfo reading the
TZif files of the pinned tzdata wheel TZData/ was built from (fetched into .build-tzdata/ as
Scripts/zone-diffcheck.py does). zoneinfo's fold=0 reading of a local time is RFC 5545
§3.3.5's: a nonexistent time is read with the offset before the gap, a repeated time is its
first occurrence. Two local times that land on the same instant (02:30 shifted to 03:30, and
03:30) are one occurrence, as RFC 5545 §3.8.5.3 requires of a recurrence set. UNTIL in UTC
bounds instants (RFC 5545 §3.3.10); dateutil cannot compare naive times with it, so the script
applies it after localising. Both sides yield only what the rule generates (talkplan's
`includeStart: false`), like dateutil's `rrule`.

Every disagreement is either explained by a documented case where dateutil departs from
RFC 5545, or it fails the check. A case is explained only when an independent reconstruction
of the RFC's answer (built from dateutil itself where possible) equals talkplan's output:

  weekly-first-period  FREQ=WEEKLY with BYSETPOS. RFC 5545 §3.3.10: "BYSETPOS operates on a set
                       of recurrence instances in one interval of the recurrence rule ... A set
                       of recurrence instances starts at the beginning of the interval defined by
                       the FREQ rule part." dateutil starts the first week at DTSTART instead of
                       at its WKST day, so BYSETPOS counts from DTSTART in that week.
                       Reconstruction: dateutil from the week's first day, then times before
                       DTSTART dropped and COUNT applied.
  byweekno-year        FREQ=YEARLY with BYWEEKNO. RFC 5545 §3.3.10: BYWEEKNO "corresponds to
                       weeks according to week numbering as defined in [ISO.8601.2004]", and for
                       YEARLY it expands the year into those weeks, which may start in the
                       December before or end in the January after; a day missing from the rule
                       comes from DTSTART (its weekday, for a week). dateutil takes calendar years
                       as periods, matches week 1 and week -1 only partly across a year's end,
                       and yields all seven days when BYDAY is absent. Reconstruction: a
                       reference expansion in this script (ISO week-numbering years).
  byday-union          BYDAY with both plain and ordinal entries (FREQ=MONTHLY;BYDAY=MO,1TU).
                       RFC 5545 §3.3.10: BYDAY is "a COMMA-separated list of days", each entry a
                       weekday or its nth occurrence: a union. dateutil requires a day to match
                       a plain entry and an ordinal entry. Reconstruction: the union of dateutil's
                       expansions of the two halves (generated only without BYSETPOS).
  until-date           UNTIL as a DATE with a DATE-TIME DTSTART. RFC 5545 §3.3.10: UNTIL "bounds
                       the recurrence rule in an inclusive manner"; a DATE is a whole day, so the
                       occurrences on that day are in. dateutil ends at its midnight.
                       Reconstruction: dateutil with UNTIL at 23:59:59 of that day.

Not compared (reported): rules dateutil is still expanding after --timeout seconds (a rule
that never matches runs dateutil to the year 9999). talkplan stops such rules at once with a
diagnostic; the report shows which.

Exit status: 0 when every disagreement is explained, 1 otherwise, 2 when the check cannot run.
Standard library and python-dateutil only; deterministic for a given --seed.
"""

import argparse
import calendar
import datetime
import importlib.util
import json
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
import zoneinfo

from dateutil import rrule as du

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SEED_ZONES = ["Europe/Paris", "Europe/Zurich", "Asia/Jerusalem", "America/Chicago", "America/Santiago"]
OTHER_ZONES = [
    "America/New_York", "Europe/London", "Europe/Dublin",      # Dublin: negative DST in the tz data
    "Australia/Sydney", "Australia/Lord_Howe",                # southern DST; a 30-minute shift
    "Pacific/Auckland", "America/Sao_Paulo", "Africa/Casablanca",
    "Pacific/Apia",                                            # skipped 2011-12-30 entirely
    "America/St_Johns", "Asia/Tehran", "Asia/Kolkata", "America/Havana",  # Havana: DST at midnight
    "UTC",
]
FREQUENCIES = [("YEARLY", 16), ("MONTHLY", 20), ("WEEKLY", 20), ("DAILY", 18), ("HOURLY", 12), ("MINUTELY", 8), ("SECONDLY", 6)]
FREQ_CODE = {"YEARLY": du.YEARLY, "MONTHLY": du.MONTHLY, "WEEKLY": du.WEEKLY, "DAILY": du.DAILY,
             "HOURLY": du.HOURLY, "MINUTELY": du.MINUTELY, "SECONDLY": du.SECONDLY}
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# How far past DTSTART occurrences are compared, and the most compared per rule.
SPANS = {"YEARLY": 40 * 366, "MONTHLY": 12 * 366, "WEEKLY": 4 * 366, "DAILY": 2 * 366,
         "HOURLY": 40, "MINUTELY": 3, "SECONDLY": 0.25}
CAP = 300
SLACK = 27 * 3600  # the most a wall time and its instant differ, with margin
SHOWN = 20
EPOCH = datetime.datetime(1970, 1, 1)


def load_zone_tools():
    """Scripts/zone-diffcheck.py, for its pinned-wheel handling."""
    path = os.path.join(ROOT, "Scripts", "zone-diffcheck.py")
    spec = importlib.util.spec_from_file_location("zone_diffcheck", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------------------
# Random rules


def transition_near(tz, rng):
    """A random clock change of `tz` in 1975-2036: (instant, offset before, offset after), or None."""
    for _ in range(20):
        year = rng.randint(1975, 2036)
        # Probe month starts for an offset change.
        previous = None
        changes = []
        for month in range(1, 13):
            at = calendar.timegm((year, month, 1, 0, 0, 0))
            offset = datetime.datetime.fromtimestamp(at, tz).utcoffset()
            if previous is not None and offset != previous[1]:
                changes.append((previous[0], at))
            previous = (at, offset)
        if changes:
            low, high = rng.choice(changes)
            # Binary search the change to the second.
            before = datetime.datetime.fromtimestamp(low, tz).utcoffset()
            while high - low > 1:
                middle = (low + high) // 2
                if datetime.datetime.fromtimestamp(middle, tz).utcoffset() == before:
                    low = middle
                else:
                    high = middle
            after = datetime.datetime.fromtimestamp(high, tz).utcoffset()
            return high, int(before.total_seconds()), int(after.total_seconds())
    return None


def pick(rng, values, count):
    return sorted(set(rng.choice(values) for _ in range(count)))


def random_case(rng, index, zones):
    zone = rng.choice(SEED_ZONES) if rng.random() < 0.6 else rng.choice(OTHER_ZONES)
    tz = zones[zone]
    freq = rng.choices([f for f, _ in FREQUENCIES], [w for _, w in FREQUENCIES])[0]
    all_day = freq in ("DAILY", "WEEKLY", "MONTHLY", "YEARLY") and rng.random() < 0.06
    change = transition_near(tz, rng) if rng.random() < 0.7 else None
    if change and not all_day and rng.random() < 0.5:
        # A wall time the change skips or repeats, a few days before it (or on the day): daily and
        # shorter rules walk into it, longer ones meet it again in years whose change falls alike.
        instant, before, after = change
        wall = instant + min(before, after) + rng.randint(0, max(abs(after - before) - 1, 0))
        dtstart = EPOCH + datetime.timedelta(seconds=wall - 86400 * rng.choice([0, 0, 1, 2, 3, 7]))
    else:
        if change:
            near = change[0] + rng.randint(-30, 10) * 86400
        else:
            near = calendar.timegm((rng.randint(1975, 2036), 1, 1, 0, 0, 0)) + rng.randint(0, 365 * 86400)
        local_day = datetime.datetime.fromtimestamp(near, tz).date()
        if all_day:
            hour = minute = second = 0
        elif rng.random() < 0.45:
            hour, minute, second = rng.choice([0, 1, 2, 3, 23]), rng.choice([0, 0, 15, 30, 45, 59]), rng.choice([0, 0, 0, 30])
        else:
            hour, minute, second = rng.randint(0, 23), rng.choice([0, 0, 0, 30, rng.randint(0, 59)]), rng.choice([0, 0, 0, rng.randint(0, 59)])
        dtstart = datetime.datetime(local_day.year, local_day.month, local_day.day, hour, minute, second)

    parts = {"FREQ": freq}
    roll = rng.random()
    if freq in ("HOURLY", "MINUTELY", "SECONDLY"):
        interval = rng.choice([1, 1, 1, 2, 3, 5, 7, 13, 25, 90, 150]) if roll < 0.6 else 1
    else:
        interval = 1 if roll < 0.55 else rng.choice([2, 2, 3, 4, 5, 7, 10, 18])
    if interval != 1:
        parts["INTERVAL"] = interval

    weekno = freq == "YEARLY" and rng.random() < 0.2
    if rng.random() < 0.3:
        parts["BYMONTH"] = pick(rng, range(1, 13), rng.randint(1, 4))
    if weekno:
        parts["BYWEEKNO"] = pick(rng, [1, 1, 2, 10, 20, 26, 30, 52, 53, -1, -1, -2, -52, -53], rng.randint(1, 3))
    if freq in ("YEARLY", "HOURLY", "MINUTELY", "SECONDLY") and rng.random() < 0.15:
        parts["BYYEARDAY"] = pick(rng, [1, 2, 32, 59, 60, 100, 200, 300, 365, 366, -1, -2, -100, -306, -366],
                                  rng.randint(1, 3))
    if freq != "WEEKLY" and rng.random() < 0.3:
        parts["BYMONTHDAY"] = pick(rng, [1, 2, 5, 10, 13, 15, 28, 29, 30, 31, -1, -2, -3, -7, -15, -31],
                                   rng.randint(1, 4))
    setpos = False
    if rng.random() < 0.45:
        days = pick(rng, DAYS, rng.randint(1, 5))
        ordinal_ok = freq in ("MONTHLY", "YEARLY") and not weekno
        if ordinal_ok and rng.random() < 0.5:
            within_month = freq == "MONTHLY" or "BYMONTH" in parts
            span = [1, 2, 3, 4, 5, -1, -2, -5] if within_month else [1, 2, 10, 20, 26, 52, 53, -1, -2, -53]
            entries = ["%d%s" % (rng.choice(span), day) for day in days]
            if rng.random() < 0.2:
                entries.append(rng.choice(DAYS))  # a plain entry with the ordinals (never with BYSETPOS)
            parts["BYDAY"] = sorted(set(entries))
        else:
            parts["BYDAY"] = days
    sub_daily = freq in ("HOURLY", "MINUTELY", "SECONDLY")
    if not all_day:
        if rng.random() < (0.45 if sub_daily else 0.3):
            parts["BYHOUR"] = pick(rng, range(24), rng.randint(1, 6 if sub_daily else 3))
        if rng.random() < (0.35 if freq in ("MINUTELY", "SECONDLY") else 0.2):
            parts["BYMINUTE"] = pick(rng, [0, 0, 15, 30, 45, rng.randint(0, 59)], rng.randint(1, 3))
        if rng.random() < (0.3 if freq == "SECONDLY" else 0.1):
            parts["BYSECOND"] = pick(rng, [0, 0, 10, 30, 59, rng.randint(0, 59)], rng.randint(1, 3))
    mixed = any(entry[0] in "+-0123456789" for entry in parts.get("BYDAY", [])) and \
        any(entry[0] not in "+-0123456789" for entry in parts.get("BYDAY", []))
    by_parts = [key for key in parts if key.startswith("BY")]
    if by_parts and not mixed and rng.random() < 0.18:
        # A SECONDLY period holds one time: other positions never select (talkplan says so at
        # once; dateutil walks every second to find nothing), so they are rare there.
        positions = [1, -1, 1, -1, 2] if freq == "SECONDLY" else [1, 1, 2, 3, -1, -1, -2, 5, 10]
        parts["BYSETPOS"] = pick(rng, positions, rng.randint(1, 2))
        setpos = True
    if rng.random() < 0.2:
        parts["WKST"] = rng.choice(DAYS)

    span_days = SPANS[freq] * (interval if freq in ("HOURLY", "MINUTELY", "SECONDLY") else 1)
    span_days = min(span_days, 20 * 366) if sub_daily else span_days
    start_instant = local_to_instant(dtstart, tz)
    end = rng.random()
    until = None
    if end < 0.45:
        parts["COUNT"] = rng.choice([1, 2, 3, 5, 10, 20, 40, 60, 120])
    elif end < 0.8:
        delta = rng.uniform(0.05, 1.0) * span_days * 86400
        kind = "date" if all_day else rng.choices(["utc", "local", "date"], [70, 20, 10])[0]
        moment = start_instant + int(delta)
        if kind == "utc":
            until = ("utc", moment)
        elif kind == "local":
            until = ("local", instant_to_local(moment, tz))
        else:
            until = ("date", instant_to_local(moment, tz).date())
    window_from = None
    if rng.random() < 0.25:
        window_from = start_instant + int(rng.uniform(0.1, 0.9) * span_days * 86400)
    window_to = start_instant + int(span_days * 86400) + 1
    return {
        "id": index, "zone": zone, "dtstart": dtstart, "all_day": all_day, "parts": parts, "until": until,
        "from": window_from, "to": window_to, "setpos": setpos,
    }


def rule_text(case):
    parts = case["parts"]
    order = ["FREQ", "INTERVAL", "COUNT", "BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY",
             "BYWEEKNO", "BYMONTH", "BYSETPOS", "WKST"]
    text = []
    for key in order:
        if key in parts:
            value = parts[key]
            text.append("%s=%s" % (key, ",".join(str(v) for v in value) if isinstance(value, list) else value))
    until = case["until"]
    if until:
        kind, value = until
        if kind == "utc":
            text.append("UNTIL=" + time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(value)))
        elif kind == "local":
            text.append("UNTIL=" + value.strftime("%Y%m%dT%H%M%S"))
        else:
            text.append("UNTIL=" + value.strftime("%Y%m%d"))
    return ";".join(text)


def iso_utc(seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def batch_line(case):
    dtstart = case["dtstart"]
    line = {
        "id": case["id"], "zone": case["zone"], "rules": [rule_text(case)], "includeStart": False,
        "start": dtstart.strftime("%Y-%m-%d") if case["all_day"] else dtstart.strftime("%Y-%m-%dT%H:%M:%S"),
        "to": iso_utc(case["to"]), "count": CAP,
    }
    if case["from"] is not None:
        line["from"] = iso_utc(case["from"])
    return json.dumps(line)


# ---------------------------------------------------------------------------
# dateutil, localised with zoneinfo


def local_to_instant(naive, tz):
    """fold=0: RFC 5545 §3.3.5's reading of a local time."""
    return int(naive.replace(tzinfo=tz).timestamp())


def instant_to_local(seconds, tz):
    return datetime.datetime.fromtimestamp(seconds, tz).replace(tzinfo=None)


def dateutil_kwargs(case, drop=()):
    parts = case["parts"]
    kwargs = {"dtstart": case["dtstart"], "interval": parts.get("INTERVAL", 1),
              "wkst": DAYS.index(parts.get("WKST", "MO"))}
    if "COUNT" in parts and "count" not in drop:
        kwargs["count"] = parts["COUNT"]
    for key, name in [("BYMONTH", "bymonth"), ("BYWEEKNO", "byweekno"), ("BYYEARDAY", "byyearday"),
                      ("BYMONTHDAY", "bymonthday"), ("BYHOUR", "byhour"), ("BYMINUTE", "byminute"),
                      ("BYSECOND", "bysecond"), ("BYSETPOS", "bysetpos")]:
        if key in parts:
            kwargs[name] = parts[key]
    if "BYDAY" in parts:
        kwargs["byweekday"] = [weekday_entry(entry) for entry in parts["BYDAY"]]
    until = case["until"]
    if until and until[0] == "local":
        kwargs["until"] = until[1]
    elif until and until[0] == "date":
        kwargs["until"] = datetime.datetime.combine(until[1], datetime.time())
    return kwargs


def weekday_entry(entry):
    code = entry[-2:]
    number = entry[:-2]
    weekday = du.weekdays[DAYS.index(code)]
    return weekday(int(number)) if number else weekday


def localise(case, naives, tz):
    """Instants of naive local times within the comparison window, deduplicated, sorted, capped."""
    until = case["until"]
    instants = set()
    for naive in naives:
        instant = local_to_instant(naive, tz)
        if until and until[0] == "utc" and instant > until[1]:
            continue
        instants.add(instant)
    result = sorted(instant for instant in instants
                    if instant < case["to"] and (case["from"] is None or instant >= case["from"]))
    return result[:CAP]


def bounded(generator, case, tz):
    """Naive times from a dateutil generator, up to where the window (and a UTC UNTIL) can reach.

    A naive time is its instant plus one of the zone's offsets, so it lies within the zone's
    offset range of the instant."""
    lowest, highest = _OFFSETS[case["zone"]]
    limit = case["to"] + highest
    if case["until"] and case["until"][0] == "utc":
        limit = min(limit, case["until"][1] + highest)
    limit_naive = EPOCH + datetime.timedelta(seconds=limit)
    # Times before `low` cannot be in the window; times from `high` on surely are, and only
    # they count toward the cap.
    low = high = None
    if case["from"] is not None:
        low = EPOCH + datetime.timedelta(seconds=case["from"] + lowest)
        high = EPOCH + datetime.timedelta(seconds=case["from"] + highest)
    out = []
    in_window = 0
    stop = None
    for naive in generator:
        if naive > limit_naive or (stop is not None and naive > stop):
            break
        if low is not None and naive < low:
            continue
        out.append(naive)
        if stop is None and (high is None or naive >= high):
            in_window += 1
            if in_window > CAP * 3:
                # Enough; but a later local time can still land on an earlier instant (a time
                # shifted out of a gap lands after the times that follow the gap). Past one span
                # of the zone's offsets from here, none can.
                stop = naive + datetime.timedelta(seconds=highest - lowest)
    return out


class _DatetimeModule:
    """The `datetime` module as dateutil.rrule sees it, with MAXYEAR lowered to the end of the
    window: dateutil stops expanding at MAXYEAR (`if year > datetime.MAXYEAR: return`), so a rule
    that never matches ends there instead of running to the year 9999. Nothing else changes."""

    MAXYEAR = datetime.MAXYEAR

    def __getattr__(self, name):
        return getattr(datetime, name)


_DATETIME = _DatetimeModule()
du.datetime = _DATETIME


def stop_year(case):
    limit = case["to"] + SLACK
    if case["until"] and case["until"][0] == "utc":
        limit = min(limit, case["until"][1] + SLACK)
    return min(datetime.MAXYEAR, time.gmtime(limit).tm_year + 1)


def dateutil_expand(case, tz, **changes):
    kwargs = dateutil_kwargs(case)
    kwargs.update(changes)
    freq = FREQ_CODE[case["parts"]["FREQ"]]
    _DatetimeModule.MAXYEAR = stop_year(case)
    try:
        rule = du.rrule(freq, **kwargs)
        return bounded(iter(rule), case, tz)
    except ValueError:
        # dateutil refuses BYxxx values a sub-daily lattice never reaches: an empty rule.
        return []
    finally:
        _DatetimeModule.MAXYEAR = datetime.MAXYEAR


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


# ---------------------------------------------------------------------------
# Reconstructions of RFC 5545's answer where dateutil departs from it


def weekly_first_period(case, tz):
    """dateutil from the first day (WKST) of DTSTART's week, then DTSTART and COUNT applied."""
    parts = case["parts"]
    dtstart = case["dtstart"]
    wkst = DAYS.index(parts.get("WKST", "MO"))
    week_start = dtstart - datetime.timedelta(days=(dtstart.weekday() - wkst) % 7)
    changes = {"dtstart": week_start}
    kwargs = dateutil_kwargs(case)
    kwargs.pop("count", None)
    if "BYDAY" not in parts:
        changes["byweekday"] = [dtstart.weekday()]
    for key, name, value in [("BYHOUR", "byhour", dtstart.hour), ("BYMINUTE", "byminute", dtstart.minute),
                             ("BYSECOND", "bysecond", dtstart.second)]:
        if key not in parts:
            changes[name] = [value]
    kwargs.update(changes)
    _DatetimeModule.MAXYEAR = stop_year(case)
    counting = case if "COUNT" not in parts else dict(case, **{"from": None})
    try:
        naives = [n for n in bounded(iter(du.rrule(du.WEEKLY, **kwargs)), counting, tz) if n >= dtstart]
    except ValueError:
        naives = []
    finally:
        _DatetimeModule.MAXYEAR = datetime.MAXYEAR
    if "COUNT" in parts:
        naives = naives[:parts["COUNT"]]
    return naives


def iso_week_one(year, wkst):
    january1 = datetime.date(year, 1, 1)
    offset = (january1.weekday() - wkst) % 7
    start = january1 - datetime.timedelta(days=offset)
    return start + datetime.timedelta(days=7) if offset > 3 else start


def week_year(day, wkst):
    year = day.year
    if day < iso_week_one(year, wkst):
        return year - 1
    if day >= iso_week_one(year + 1, wkst):
        return year + 1
    return year


def byweekno_reference(case, tz):
    """RFC 5545 YEARLY;BYWEEKNO: periods are week-numbering years (weeks from WKST, week 1 the
    first with four days in the year); the day within a week is DTSTART's weekday unless
    BYDAY, BYMONTHDAY or BYYEARDAY say otherwise."""
    parts = case["parts"]
    dtstart = case["dtstart"]
    wkst = DAYS.index(parts.get("WKST", "MO"))
    interval = parts.get("INTERVAL", 1)
    weekdays = set()
    ordinals = set()
    for entry in parts.get("BYDAY", []):
        if entry[:-2]:
            ordinals.add((DAYS.index(entry[-2:]), int(entry[:-2])))
        else:
            weekdays.add(DAYS.index(entry[-2:]))
    if not (parts.get("BYDAY") or parts.get("BYMONTHDAY") or parts.get("BYYEARDAY")):
        weekdays = {dtstart.weekday()}
    hours = parts.get("BYHOUR", [dtstart.hour])
    minutes = parts.get("BYMINUTE", [dtstart.minute])
    seconds = [s for s in parts.get("BYSECOND", [dtstart.second]) if s < 60]
    times = sorted(datetime.time(h, m, s) for h in hours for m in minutes for s in seconds)
    until = case["until"]
    limit = EPOCH + datetime.timedelta(seconds=case["to"] + SLACK)
    count = parts.get("COUNT")
    result = []
    year = week_year(dtstart.date(), wkst)
    empty = 0
    while year <= 9000 and empty < 1000:
        first = iso_week_one(year, wkst)
        weeks = (iso_week_one(year + 1, wkst) - first).days // 7
        if datetime.datetime.combine(first, datetime.time()) > limit:
            break
        selected = sorted({n if n > 0 else weeks + n + 1 for n in parts["BYWEEKNO"]} & set(range(1, weeks + 1)))
        days = []
        for week in selected:
            for offset in range(7):
                day = first + datetime.timedelta(days=(week - 1) * 7 + offset)
                if "BYMONTH" in parts and day.month not in parts["BYMONTH"]:
                    continue
                month_length = calendar.monthrange(day.year, day.month)[1]
                if "BYMONTHDAY" in parts and day.day not in parts["BYMONTHDAY"] \
                        and day.day - month_length - 1 not in parts["BYMONTHDAY"]:
                    continue
                year_day = day.timetuple().tm_yday
                year_length = 366 if calendar.isleap(day.year) else 365
                if "BYYEARDAY" in parts and year_day not in parts["BYYEARDAY"] \
                        and year_day - year_length - 1 not in parts["BYYEARDAY"]:
                    continue
                if weekdays or ordinals:
                    index, length = (day.day, month_length) if "BYMONTH" in parts else (year_day, year_length)
                    nth = ((index - 1) // 7 + 1, -((length - index) // 7 + 1))
                    if day.weekday() not in weekdays and not any((day.weekday(), n) in ordinals for n in nth):
                        continue
                days.append(day)
        candidates = [datetime.datetime.combine(day, t) for day in days for t in times]
        if "BYSETPOS" in parts:
            chosen = set()
            for position in parts["BYSETPOS"]:
                index = position - 1 if position > 0 else len(candidates) + position
                if 0 <= index < len(candidates):
                    chosen.add(index)
            candidates = [candidates[i] for i in sorted(chosen)]
        empty = empty + 1 if not candidates else 0
        for candidate in candidates:
            if candidate < dtstart:
                continue
            if until and until[0] == "local" and candidate > until[1]:
                return result
            if until and until[0] == "date" and candidate.date() > until[1]:
                return result
            result.append(candidate)
            if count is not None and len(result) >= count:
                return result
        year += interval
    return result


def byday_union(case, tz):
    """The union of dateutil's expansions of the plain and the ordinal BYDAY entries."""
    parts = case["parts"]
    plain = [weekday_entry(e) for e in parts["BYDAY"] if not e[:-2]]
    numbered = [weekday_entry(e) for e in parts["BYDAY"] if e[:-2]]
    # COUNT is applied to the union, so every time from DTSTART on is needed then.
    halves = dict(case, parts={k: v for k, v in parts.items() if k != "COUNT"})
    if "COUNT" in parts:
        halves["from"] = None
    naives = set(dateutil_expand(halves, tz, byweekday=plain))
    naives |= set(dateutil_expand(halves, tz, byweekday=numbered))
    naives = sorted(n for n in naives if n >= case["dtstart"])
    if "COUNT" in parts:
        naives = naives[:parts["COUNT"]]
    return naives


def until_date(case, tz):
    return dateutil_expand(case, tz, until=datetime.datetime.combine(case["until"][1], datetime.time(23, 59, 59)))


DEPARTURES = [
    ("weekly-first-period", lambda c: c["parts"]["FREQ"] == "WEEKLY" and "BYSETPOS" in c["parts"], weekly_first_period),
    ("byweekno-year", lambda c: c["parts"]["FREQ"] == "YEARLY" and "BYWEEKNO" in c["parts"], byweekno_reference),
    ("byday-union", lambda c: any(e[:-2] for e in c["parts"].get("BYDAY", []))
     and any(not e[:-2] for e in c["parts"].get("BYDAY", [])), byday_union),
    ("until-date", lambda c: c["until"] is not None and c["until"][0] == "date" and not c["all_day"], until_date),
]


# ---------------------------------------------------------------------------
# Workers


_ZONES = {}
_OFFSETS = {}


def init_worker(zoneinfo_dir, zone_names, timeout):
    global _TIMEOUT
    _TIMEOUT = timeout
    for name in zone_names:
        with open(os.path.join(zoneinfo_dir, name), "rb") as handle:
            tz = zoneinfo.ZoneInfo.from_file(handle, key=name)
        _ZONES[name] = tz
        # The zone's smallest and largest offsets from 1970 to 2100 (every clock change lasts
        # longer than the sampling step), with an hour's margin.
        offsets = {int(datetime.datetime.fromtimestamp(t, tz).utcoffset().total_seconds())
                   for t in range(0, 4_102_444_800, 5 * 86400)}
        _OFFSETS[name] = (min(offsets) - 3600, max(offsets) + 3600)
    signal.signal(signal.SIGALRM, _alarm)


def expected_for(case):
    """(instants, gap and fold counts) from dateutil, or None when dateutil ran out of time."""
    tz = _ZONES[case["zone"]]
    signal.setitimer(signal.ITIMER_REAL, _TIMEOUT)
    try:
        naives = dateutil_expand(case, tz)
    except Timeout:
        return case["id"], None, 0, 0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    gaps = folds = 0
    for naive in naives:
        aware0 = naive.replace(tzinfo=tz, fold=0)
        aware1 = naive.replace(tzinfo=tz, fold=1)
        if aware0.utcoffset() != aware1.utcoffset():
            if aware0.utcoffset() < aware1.utcoffset():
                gaps += 1
            else:
                folds += 1
    return case["id"], localise(case, naives, tz), gaps, folds


def classify(job):
    case, actual = job
    tz = _ZONES[case["zone"]]
    for name, applies, reconstruct in DEPARTURES:
        if not applies(case):
            continue
        signal.setitimer(signal.ITIMER_REAL, _TIMEOUT * 4)
        try:
            rfc = localise(case, reconstruct(case, tz), tz)
        except Timeout:
            continue
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if rfc == actual:
            return case["id"], name
    return case["id"], None


# ---------------------------------------------------------------------------


def run_talkplan(talkplan, cases):
    payload = "".join(batch_line(case) + "\n" for case in cases)
    env = dict(os.environ)
    env.pop("TZ", None)
    result = subprocess.run([talkplan, "recur", "--batch"], input=payload, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, timeout=1800)
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    if len(lines) != len(cases):
        raise SystemExit("rrule-diffcheck: talkplan printed %d lines for %d rules:\n%s" % (len(lines), len(cases), result.stderr[-2000:]))
    return {line["id"]: line for line in lines}


def describe(case, expected, actual_line):
    actual = [iso_utc(x) for x in parse_starts(actual_line)]
    expected = [iso_utc(x) for x in expected]
    only_ours = [x for x in actual if x not in set(expected)][:5]
    only_theirs = [x for x in expected if x not in set(actual)][:5]
    return ("  #%d %s DTSTART;TZID=%s:%s%s window [%s, %s)\n    talkplan %d, dateutil %d; only talkplan: %s; only dateutil: %s%s" % (
        case["id"], rule_text(case), case["zone"], case["dtstart"].strftime("%Y%m%dT%H%M%S"),
        " (all day)" if case["all_day"] else "", iso_utc(case["from"]) if case["from"] else "-", iso_utc(case["to"]),
        len(actual), len(expected), only_ours, only_theirs,
        ("\n    talkplan: " + actual_line.get("error") if actual_line.get("error") else "")
        + ("\n    stopped: " + actual_line["stopped"] if actual_line.get("stopped") else "")))


def parse_starts(line):
    return [calendar.timegm(time.strptime(o["start"], "%Y-%m-%dT%H:%M:%SZ")) for o in line.get("occurrences", [])]


def main():
    parser = argparse.ArgumentParser(description="Compare talkplan's recurrence expansion with python-dateutil's rrule.")
    parser.add_argument("--talkplan", default=os.path.join(ROOT, ".build", "release", "talkplan"),
                        help="the talkplan binary (default: .build/release/talkplan)")
    parser.add_argument("--rules", type=int, default=10_000, help="how many random rules (default 10000)")
    parser.add_argument("--seed", type=int, default=20260611, help="random seed (default 20260611)")
    parser.add_argument("--cache", default=os.path.join(ROOT, ".build-tzdata"), help="where the pinned tzdata wheel is kept")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="dateutil worker processes (default 2)")
    parser.add_argument("--timeout", type=float, default=3.0, help="seconds dateutil may spend on one rule (default 3)")
    parser.add_argument("--show", type=int, default=SHOWN, help="disagreements shown per category (default 20)")
    arguments = parser.parse_args()

    started = time.time()
    try:
        tools = load_zone_tools()
        wheel = tools.fetch_wheel(arguments.cache)
        zoneinfo_dir = tools.extract_wheel(wheel, arguments.cache)
        version = tools.wheel_tz_version(zoneinfo_dir)
    except Exception as error:  # the check itself cannot run
        print("rrule-diffcheck: %s" % error, file=sys.stderr)
        return 2
    if not os.access(arguments.talkplan, os.X_OK):
        print("rrule-diffcheck: %s is not an executable; build it first (swift build -c release)" % arguments.talkplan,
              file=sys.stderr)
        return 2

    zone_names = SEED_ZONES + OTHER_ZONES
    init_worker(zoneinfo_dir, zone_names, arguments.timeout)
    rng = random.Random(arguments.seed)
    cases = [random_case(rng, index, _ZONES) for index in range(arguments.rules)]
    by_id = {case["id"]: case for case in cases}
    print("rrule-diffcheck: %d rules, seed %d, tz %s (%s), python-dateutil %s" % (
        len(cases), arguments.seed, version, os.path.relpath(zoneinfo_dir, ROOT), du.__dict__.get("__version__", "") or
        __import__("dateutil").__version__))

    talkplan_started = time.time()
    actual = run_talkplan(arguments.talkplan, cases)
    talkplan_seconds = time.time() - talkplan_started

    with multiprocessing.Pool(arguments.jobs, initializer=init_worker,
                              initargs=(zoneinfo_dir, zone_names, arguments.timeout)) as pool:
        expected = {}
        gaps = folds = 0
        for identifier, instants, gap_count, fold_count in pool.imap_unordered(expected_for, cases, chunksize=25):
            expected[identifier] = instants
            gaps += gap_count
            folds += fold_count

        agree = []
        disagree = []
        timeouts = []
        compared = 0
        for case in cases:
            line = actual[case["id"]]
            want = expected[case["id"]]
            if want is None:
                timeouts.append(case)
                continue
            got = parse_starts(line)
            compared += max(len(got), len(want))
            locals_ok = all(o["local"] == expected_local(o["start"], _ZONES[case["zone"]]) for o in line.get("occurrences", []))
            if got == want and locals_ok and "error" not in line and not line.get("stopped"):
                agree.append(case)
            elif got == want and locals_ok and line.get("stopped") and not want:
                agree.append(case)  # both empty; talkplan also says why
            else:
                disagree.append(case)
        explained = {}
        unexplained = []
        jobs = [(case, parse_starts(actual[case["id"]])) for case in disagree]
        for identifier, category in pool.imap_unordered(classify, jobs):
            if category:
                explained.setdefault(category, []).append(by_id[identifier])
            else:
                unexplained.append(by_id[identifier])

    stopped = [case for case in cases if actual[case["id"]].get("stopped")]
    frequencies = {}
    for case in cases:
        frequencies[case["parts"]["FREQ"]] = frequencies.get(case["parts"]["FREQ"], 0) + 1
    parts = {}
    for case in cases:
        for key in case["parts"]:
            if key.startswith("BY") or key in ("INTERVAL", "COUNT", "WKST"):
                parts[key] = parts.get(key, 0) + 1
        if case["until"]:
            parts["UNTIL (%s)" % case["until"][0]] = parts.get("UNTIL (%s)" % case["until"][0], 0) + 1
    zones = {}
    for case in cases:
        zones[case["zone"]] = zones.get(case["zone"], 0) + 1

    print("  by FREQ: " + ", ".join("%s %d" % (f, frequencies.get(f, 0)) for f, _ in FREQUENCIES))
    print("  rules using: " + ", ".join("%s %d" % item for item in sorted(parts.items())))
    print("  zones: " + ", ".join("%s %d" % item for item in sorted(zones.items())))
    print("  all-day starts %d; windows starting after DTSTART (seek) %d" % (
        sum(c["all_day"] for c in cases), sum(c["from"] is not None for c in cases)))
    print("  dateutil local times in DST gaps %d, in folds %d" % (gaps, folds))
    print("  occurrences compared: %d" % compared)
    print("  agree: %d rules" % len(agree))
    print("  documented departures of dateutil from RFC 5545 (talkplan equals the RFC reconstruction):")
    for name, _, _ in DEPARTURES:
        print("    %-20s %d rules" % (name, len(explained.get(name, []))))
    print("  not compared, dateutil still running after %.0f s: %d rules (talkplan stopped %d of them with a diagnostic)" % (
        arguments.timeout, len(timeouts), sum(1 for c in timeouts if actual[c["id"]].get("stopped"))))
    reasons = {}
    for case in stopped:
        message = actual[case["id"]]["stopped"]
        if "never occurs" in message or "so it never will" in message:
            reason = "proved empty"
        elif "produced no occurrence in" in message:
            reason = "idle-step limit"
        elif "occurrences (the limit)" in message:
            reason = "occurrence limit"
        elif "counting COUNT" in message:
            reason = "counting limit"
        else:
            reason = "other"
        reasons[reason] = reasons.get(reason, 0) + 1
    print("  talkplan stopped with a diagnostic: %d rules (%s)" % (
        len(stopped), ", ".join("%s %d" % item for item in sorted(reasons.items())) or "none"))
    print("  unexplained disagreements: %d" % len(unexplained))
    for case in unexplained[:arguments.show]:
        print(describe(case, expected[case["id"]], actual[case["id"]]))
    for name, cases_in in sorted(explained.items()):
        for case in cases_in[:min(2, arguments.show)]:
            print("  example of %s:" % name)
            print(describe(case, expected[case["id"]], actual[case["id"]]))
    for case in timeouts[:min(3, arguments.show)]:
        print("  not compared: #%d %s DTSTART;TZID=%s:%s — talkplan: %s" % (
            case["id"], rule_text(case), case["zone"], case["dtstart"].strftime("%Y%m%dT%H%M%S"),
            actual[case["id"]].get("stopped") or "%d occurrences" % len(actual[case["id"]].get("occurrences", []))))
    print("  time: talkplan %.1f s for all rules; total %.0f s" % (talkplan_seconds, time.time() - started))
    return 1 if unexplained else 0


def expected_local(start, tz):
    instant = calendar.timegm(time.strptime(start, "%Y-%m-%dT%H:%M:%SZ"))
    local = datetime.datetime.fromtimestamp(instant, tz)
    offset = int(local.utcoffset().total_seconds())
    sign = "-" if offset < 0 else "+"
    hours, rest = divmod(abs(offset), 3600)
    text = "%s%s%02d:%02d" % (local.strftime("%Y-%m-%dT%H:%M:%S"), sign, hours, rest // 60)
    return text + (":%02d" % (rest % 60) if rest % 60 else "")


if __name__ == "__main__":
    sys.exit(main())
