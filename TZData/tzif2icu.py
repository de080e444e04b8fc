#!/usr/bin/env python3
"""Convert compiled IANA tz data (TZif files) into ICU's zoneinfo64 resource.

Reads
  * the TZif files (RFC 8536): the version-2+ 64-bit body and the POSIX TZ
    footer of every zone,
  * tzdata.zi (its "# version" line, its Zone lines -- names and standard
    offsets -- its Rule save values and its Link lines),
  * zone.tab (the country code of each name, for the Regions array),
and writes ICU's zoneinfo64 resource source text (the input of genrb) in the
layout ICU 72's OlsonTimeZone reads: TZVersion, Zones, Names, Rules, Regions.

Optionally (--legacy) it also reads the text that derb prints for ICU's own
zoneinfo64.res, so that every zone ID the shipped ICU knew stays resolvable:
IDs absent from the new tz release are kept as links to their (new) target or,
when ICU stored data of its own for them (Etc/Unknown, SystemV/*), with that
data unchanged.

How a zone is converted
  * Every transition the TZif file lists is written as an explicit ICU
    transition (transPre32 / trans / transPost32), typeMap picks the offset
    pair of each, typeOffsets[0] is the TZif's type 0 (usually LMT), which ICU
    uses before the first transition.
  * When the footer has daylight time, the footer's transitions are appended
    explicitly up to 1 January of finalYear (00:00 UTC) and the footer itself
    becomes finalRule / finalRaw / finalYear, finalYear being the year after
    the last transition the TZif lists (or the last Zone line change).  ICU switches to the rule exactly at
    finalYear-01-01T00:00Z (OlsonTimeZone::finalStartMillis), so every instant
    is covered by exactly one of the two.  A footer without daylight time
    needs no rule: ICU keeps the last transition's offsets forever.
  * ICU's SimpleTimeZone only takes rule times 0..24h.  POSIX times outside
    that range (M3.5.0/-1, M3.4.4/26, M3.4.4/50, ...) are rewritten as an
    equivalent UTC-time rule or as a rule on a shifted day (e.g. "Saturday on
    or after the 24th"); a footer that cannot be expressed exactly is written
    as explicit transitions through EXPLICIT_LAST_YEAR instead (none in the
    current data).  Rules whose start and end fall at the same UTC time of day
    are written in UTC mode, like ICU's own data (the EU rule).
  * ICU data is "rearguard": daylight saving is never negative.  Intervals
    that the main-format data marks as negative DST (Europe/Dublin winters,
    Africa/Casablanca's Ramadan time, Africa/Windhoek 1994-2017 winters, ...)
    are written as standard time, and the standard-time intervals between two
    of them as positive DST on that lower base; a negative-DST footer
    (IST-1GMT0,M10.5.0,M3.5.0/1) becomes the mirrored positive rule.  Total
    UTC offsets are never changed.
  * raw/dst: raw is the standard offset in effect, STDOFF of the tzdata.zi
    Zone line the interval belongs to (an interval is split where a Zone
    line ends without a TZif transition), dst = total - raw.

Standard library only.
"""

import argparse
import bisect
import datetime
import os
import re
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import icures  # noqa: E402

# When a footer rule cannot be expressed as an ICU SimpleTimeZone rule, its
# transitions are written explicitly through the end of this year.
EXPLICIT_LAST_YEAR = 2500

SECS_PER_DAY = 86400
EPOCH_ORDINAL = datetime.date(1970, 1, 1).toordinal()


# ---------------------------------------------------------------------------
# TZif (RFC 8536)

class TZif:
    def __init__(self, times, type_idx, types, footer):
        self.times = times            # list of int seconds (64-bit body)
        self.type_idx = type_idx      # list of int, index into types
        self.types = types            # list of (utoff, isdst, abbr)
        self.footer = footer          # POSIX TZ string ("" if absent)


def _tzif_header(data, off):
    if data[off:off + 4] != b"TZif":
        raise ValueError("not a TZif file")
    version = data[off + 4:off + 5]
    counts = struct.unpack(">6l", data[off + 20:off + 44])
    return version, counts


def read_tzif(path):
    with open(path, "rb") as f:
        data = f.read()
    version, (isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt) = _tzif_header(data, 0)
    if version < b"2":
        raise ValueError("%s: TZif version 1 has no 64-bit data" % path)
    # skip the version-1 (32-bit) body
    off = 44 + timecnt * 5 + typecnt * 6 + charcnt + leapcnt * 8 + isstdcnt + isutcnt
    version, (isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt) = _tzif_header(data, off)
    p = off + 44
    times = list(struct.unpack(">%dq" % timecnt, data[p:p + 8 * timecnt]))
    p += 8 * timecnt
    type_idx = list(data[p:p + timecnt])
    p += timecnt
    raw_types = [struct.unpack(">lBB", data[p + 6 * i:p + 6 * i + 6]) for i in range(typecnt)]
    p += 6 * typecnt
    chars = data[p:p + charcnt]
    p += charcnt
    if leapcnt:
        raise ValueError("%s: leap-second (right/) data is not supported" % path)
    p += isstdcnt + isutcnt
    rest = data[p:]
    if not (rest.startswith(b"\n") and rest.rstrip(b"\0").endswith(b"\n")):
        raise ValueError("%s: missing TZ string footer" % path)
    footer = rest.strip(b"\n\0").decode("ascii")
    types = []
    for utoff, isdst, ai in raw_types:
        end = chars.index(b"\0", ai)
        types.append((utoff, isdst, chars[ai:end].decode("ascii")))
    if any(b <= a for a, b in zip(times, times[1:])):
        raise ValueError("%s: transition times are not increasing" % path)
    return TZif(times, type_idx, types, footer)


# ---------------------------------------------------------------------------
# POSIX TZ strings (RFC 8536 section 3.3 extensions allowed)

class PosixTZ:
    def __init__(self, std_abbr, std_off, dst_abbr=None, dst_off=None,
                 start=None, start_time=None, end=None, end_time=None):
        self.std_abbr = std_abbr
        self.std_off = std_off          # seconds east of UTC
        self.dst_abbr = dst_abbr
        self.dst_off = dst_off
        self.start = start              # ("M", m, w, d) | ("J", n) | ("N", n)
        self.start_time = start_time    # seconds, local standard time
        self.end = end
        self.end_time = end_time        # seconds, local daylight time

    @property
    def has_dst(self):
        return self.dst_abbr is not None


_ABBR = r"(?:<[+\-0-9A-Za-z]+>|[A-Za-z]{3,})"
_OFF = r"[+-]?\d{1,3}(?::\d{1,2}(?::\d{1,2})?)?"


def _hms(text):
    sign = -1 if text.startswith("-") else 1
    parts = [int(x) for x in text.lstrip("+-").split(":")]
    while len(parts) < 3:
        parts.append(0)
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


def _date_spec(text):
    m = re.fullmatch(r"M(\d{1,2})\.(\d)\.(\d)", text)
    if m:
        mon, week, dow = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if not (1 <= mon <= 12 and 1 <= week <= 5 and 0 <= dow <= 6):
            raise ValueError("bad M rule %r" % text)
        return ("M", mon, week, dow)
    m = re.fullmatch(r"J(\d{1,3})", text)
    if m:
        n = int(m.group(1))
        if not 1 <= n <= 365:
            raise ValueError("bad J rule %r" % text)
        return ("J", n)
    m = re.fullmatch(r"(\d{1,3})", text)
    if m:
        n = int(m.group(1))
        if not 0 <= n <= 365:
            raise ValueError("bad n rule %r" % text)
        return ("N", n)
    raise ValueError("bad date rule %r" % text)


def parse_posix_tz(text):
    m = re.fullmatch(r"(?P<std>%s)(?P<stdoff>%s)(?:(?P<dst>%s)(?P<dstoff>%s)?"
                     r"(?:,(?P<start>[^,/]+)(?:/(?P<st>%s))?,(?P<end>[^,/]+)(?:/(?P<et>%s))?)?)?"
                     % (_ABBR, _OFF, _ABBR, _OFF, _OFF, _OFF), text)
    if not m:
        raise ValueError("cannot parse TZ string %r" % text)
    std_off = -_hms(m.group("stdoff"))
    if not m.group("dst"):
        return PosixTZ(m.group("std").strip("<>"), std_off)
    dst_off = -_hms(m.group("dstoff")) if m.group("dstoff") else std_off + 3600
    if not m.group("start"):
        raise ValueError("TZ string %r has DST but no rule" % text)
    return PosixTZ(m.group("std").strip("<>"), std_off, m.group("dst").strip("<>"), dst_off,
                   _date_spec(m.group("start")),
                   _hms(m.group("st")) if m.group("st") else 7200,
                   _date_spec(m.group("end")),
                   _hms(m.group("et")) if m.group("et") else 7200)


def _is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _month_len(y, m):
    if m == 2:
        return 29 if _is_leap(y) else 28
    return 30 if m in (4, 6, 9, 11) else 31


def spec_date(spec, year):
    """The calendar date (datetime.date) a POSIX date rule names in ``year``."""
    if spec[0] == "M":
        _, mon, week, dow = spec
        first = datetime.date(year, mon, 1)
        first_dow = (first.weekday() + 1) % 7       # 0 = Sunday
        day = 1 + (dow - first_dow) % 7 + 7 * (week - 1)
        while day > _month_len(year, mon):
            day -= 7
        return datetime.date(year, mon, day)
    if spec[0] == "J":
        n = spec[1]
        if _is_leap(year) and n >= 60:
            n += 1
        return datetime.date(year, 1, 1) + datetime.timedelta(days=n - 1)
    return datetime.date(year, 1, 1) + datetime.timedelta(days=spec[1])


def _day_secs(d):
    return (d.toordinal() - EPOCH_ORDINAL) * SECS_PER_DAY


def footer_transitions(tz, first_year, last_year):
    """Transitions [(utc_secs, utoff, isdst)] of a DST footer, main format."""
    out = []
    for y in range(first_year, last_year + 1):
        start = _day_secs(spec_date(tz.start, y)) + tz.start_time - tz.std_off
        end = _day_secs(spec_date(tz.end, y)) + tz.end_time - tz.dst_off
        out.append((start, tz.dst_off, 1))
        out.append((end, tz.std_off, 0))
    out.sort()
    return out


def utc_year(secs):
    return (datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=secs)).year


# ---------------------------------------------------------------------------
# ICU SimpleTimeZone rule encoding
#
# An ICU rule is 11 ints:
#   startMonth, startDay, startDayOfWeek, startTime, startTimeMode,
#   endMonth, endDay, endDayOfWeek, endTime, endTimeMode, dstSavings
# month 0-based; times in seconds; mode 0 = wall, 1 = standard, 2 = UTC.
# Day encoding (SimpleTimeZone::decodeStartRule):
#   dow == 0            day of month `day`
#   dow  > 0, day != 0  day-th (negative: from the end) weekday dow (1=Sun)
#   dow  < 0, day  > 0  first weekday -dow on or after day `day`
#   dow  < 0, day  < 0  last weekday -dow on or before day `-day`

WALL, STANDARD, UTC = 0, 1, 2


def _fixed_date_shift(spec, k):
    """(month, dom) of a J/N rule shifted by k days, if the same every year."""
    res = set()
    for y in (2001, 2004):   # non-leap, leap
        d = spec_date(spec, y) + datetime.timedelta(days=k)
        if d.year != y:
            return None
        res.add((d.month, d.day))
    if len(res) != 1:
        return None
    return res.pop()


def day_encoding(spec, k):
    """ICU (month0, day, dow) for `spec` shifted by k days, or None."""
    if spec[0] == "M":
        _, mon, week, dow = spec
        ndow = (dow + k) % 7 + 1          # ICU: 1 = Sunday
        if week <= 4:
            first = 1 + 7 * (week - 1) + k
            if first < 1 or first + 6 > (28 if mon == 2 else _month_len(2001, mon)):
                return None
            return (mon - 1, first, -ndow)
        if mon == 2:
            return (1, -1, ndow) if k == 0 else None
        mlen = _month_len(2001, mon)
        last = mlen + k
        if last > mlen or last - 6 < 1:
            return None
        return (mon - 1, -last, -ndow)
    md = _fixed_date_shift(spec, k)
    if md is None:
        return None
    return (md[0] - 1, md[1], 0)


def _rule_candidates(spec, t, off_before):
    """Possible (month0, day, dow, time, mode) encodings, preferred first."""
    cands = []
    for mode, base in ((WALL, t), (UTC, t - off_before)):
        ks = [0, base // SECS_PER_DAY]
        if base % SECS_PER_DAY == 0:
            ks.append(base // SECS_PER_DAY - 1)
        for k in ks:
            tt = base - k * SECS_PER_DAY
            if not 0 <= tt <= SECS_PER_DAY:
                continue
            enc = day_encoding(spec, k)
            if enc is not None:
                cands.append((k,) + enc + (tt, mode))
    # unshifted first, wall before UTC
    cands.sort(key=lambda c: (c[0] != 0, c[5]))
    return [c[1:] for c in cands]


def icu_rule_date(year, month0, day, dow):
    """Calendar date an ICU-encoded day rule selects in ``year``."""
    mon = month0 + 1
    if dow == 0:
        return datetime.date(year, mon, day)
    if dow > 0:
        target = dow - 1               # 0 = Sunday
        if day > 0:
            return spec_date(("M", mon, day, target), year)
        if day == -1:
            return spec_date(("M", mon, 5, target), year)
        raise ValueError("unsupported day-of-week-in-month %d" % day)
    target = -dow - 1
    if day > 0:
        d = datetime.date(year, mon, day)
        return d + datetime.timedelta(days=(target - (d.weekday() + 1) % 7) % 7)
    d = datetime.date(year, mon, -day)
    return d - datetime.timedelta(days=((d.weekday() + 1) % 7 - target) % 7)


def icu_rule_transitions(rule, raw, first_year, last_year):
    """Transitions [(utc, total_offset)] an ICU rule produces (for checks)."""
    (sm, sd, sdw, st, smode, em, ed, edw, et, emode, save) = rule
    out = []
    for y in range(first_year, last_year + 1):
        s = _day_secs(icu_rule_date(y, sm, sd, sdw)) + st - (0 if smode == UTC else raw)
        e = _day_secs(icu_rule_date(y, em, ed, edw)) + et - (
            0 if emode == UTC else (raw if emode == STANDARD else raw + save))
        out.append((s, raw + save))
        out.append((e, raw))
    out.sort()
    return out


def encode_final_rule(tz):
    """ICU rule (11 ints) and raw offset for a DST footer, or (None, None).

    Negative DST is mirrored into the equivalent positive ("rearguard") rule.
    """
    if tz.dst_off > tz.std_off:
        raw, save = tz.std_off, tz.dst_off - tz.std_off
        start, start_t = tz.start, tz.start_time     # wall time: standard
        end, end_t = tz.end, tz.end_time             # wall time: daylight
    else:
        raw, save = tz.dst_off, tz.std_off - tz.dst_off
        # the footer's "end" (back to its std) is the rearguard DST start,
        # expressed in the footer's DST wall time == rearguard standard time
        start, start_t = tz.end, tz.end_time
        end, end_t = tz.start, tz.start_time
    if save <= 0:
        return None, None
    sc = _rule_candidates(start, start_t, raw)
    ec = _rule_candidates(end, end_t, raw + save)
    if not sc or not ec:
        return None, None
    chosen = None
    # a rule whose start and end happen at the same UTC time of day is a
    # UTC-based rule ("1:00u"); write it that way, as ICU's tz2icu does
    for s in sc:
        for e in ec:
            if s[4] == UTC and e[4] == UTC and s[3] == e[3] and \
                    s[:3] == day_encoding(start, 0) and e[:3] == day_encoding(end, 0):
                chosen = (s, e)
                break
        if chosen:
            break
    if not chosen:
        chosen = (sc[0], ec[0])
    s, e = chosen
    rule = [s[0], s[1], s[2], s[3], s[4], e[0], e[1], e[2], e[3], e[4], save]
    return rule, raw


# ---------------------------------------------------------------------------
# zone conversion

class ZoneData:
    def __init__(self):
        self.type_offsets = []    # [(raw, dst)], index 0 = initial
        self.trans = []           # [(utc_secs, type index)]
        self.final_rule = None    # 11 ints
        self.final_raw = None
        self.final_year = None
        self.notes = []


# ---------------------------------------------------------------------------
# Zone lines of tzdata.zi: the standard offset (STDOFF) in effect

_MONTHS = ["january", "february", "march", "april", "may", "june", "july",
           "august", "september", "october", "november", "december"]
_WDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
_AMOUNT = re.compile(r"^-?\d+(?::\d+){0,2}[sd]?$")


def _prefix_lookup(word, names, what):
    hits = [i for i, n in enumerate(names) if n.startswith(word.lower())]
    if len(hits) != 1:
        raise ValueError("ambiguous or unknown %s %r" % (what, word))
    return hits[0]


def _zi_time(text):
    """'2s' -> (7200, 's'); '1:30' -> (5400, 'w'); '-1' -> (-3600, 'w')."""
    suffix = "w"
    if text and text[-1] in "wsugz":
        suffix = "u" if text[-1] in "ugz" else text[-1]
        text = text[:-1]
    if text in ("", "-"):
        return 0, suffix
    return _hms(text), suffix


def _zi_day(year, month, text):
    """Day of month for an ON field: '5', 'lastSu', 'Su>=8', 'Sa<=25'."""
    if text.isdigit():
        return int(text)
    if text.startswith("last"):
        wd = _prefix_lookup(text[4:], _WDAYS, "weekday")
        return spec_date(("M", month, 5, wd), year).day
    m = re.fullmatch(r"([A-Za-z]+)([<>]=)(\d+)", text)
    if not m:
        raise ValueError("bad day %r" % text)
    wd = _prefix_lookup(m.group(1), _WDAYS, "weekday")
    d = datetime.date(year, month, int(m.group(3)))
    cur = (d.weekday() + 1) % 7
    if m.group(2) == ">=":
        d += datetime.timedelta(days=(wd - cur) % 7)
    else:
        d -= datetime.timedelta(days=(cur - wd) % 7)
    return d


class ZoneLine:
    def __init__(self, stdoff, rules, until):
        self.stdoff = stdoff      # seconds
        self.rules = rules        # None, ("amount", secs) or ("named", name)
        self.until = until        # None or (local seconds, suffix)


def _parse_until(fields):
    if not fields:
        return None
    year = int(fields[0])
    month = _prefix_lookup(fields[1], _MONTHS, "month") + 1 if len(fields) > 1 else 1
    day = 1
    if len(fields) > 2:
        d = _zi_day(year, month, fields[2])
        day = d if isinstance(d, int) else None
        date = d if not isinstance(d, int) else datetime.date(year, month, day)
    else:
        date = datetime.date(year, month, 1)
    secs, suffix = _zi_time(fields[3]) if len(fields) > 3 else (0, "w")
    return _day_secs(date) + secs, suffix


def read_zone_lines(path):
    """{zone: [ZoneLine]} and {rule name: set of SAVE seconds} of tzdata.zi."""
    zones, saves = {}, {}
    current = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if not fields or fields[0].startswith("#"):
                continue
            if fields[0] == "R":
                saves.setdefault(fields[1], set()).add(_zi_time(fields[8].rstrip("d"))[0])
                continue
            if fields[0] == "L":
                current = None
                continue
            if fields[0] == "Z":
                current = zones.setdefault(fields[1], [])
                fields = fields[2:]
            elif current is None:
                raise ValueError("stray continuation line %r" % line)
            stdoff = _hms(fields[0])
            r = fields[1]
            if r == "-":
                rules = None
            elif _AMOUNT.match(r):
                rules = ("amount", _hms(r.rstrip("sd")))
            else:
                rules = ("named", r)
            current.append(ZoneLine(stdoff, rules, _parse_until(fields[3:])))
    return zones, saves


def _line_boundaries(lines, offset_at, tzif_times):
    """UTC instant at which each Zone line but the last ends."""
    out = []
    tset = set(tzif_times)
    for ln in lines[:-1]:
        local, suffix = ln.until
        if suffix == "u":
            out.append(local)
            continue
        if suffix == "s":
            out.append(local - ln.stdoff)
            continue
        if ln.rules is None:
            out.append(local - ln.stdoff)
            continue
        if ln.rules[0] == "amount":
            out.append(local - ln.stdoff - ln.rules[1])
            continue
        # wall clock under named rules: the offset in effect just before
        cands = []
        for u in sorted({offset_at(local - ln.stdoff - k * 1800) for k in range(-8, 9)}):
            t = local - u
            if offset_at(t - 1) == u:
                cands.append((t not in tset, abs(u - ln.stdoff), t))
        if not cands:
            out.append(local - ln.stdoff)
        else:
            out.append(min(cands)[2])
    return out


def _split_by_lines(segs, seg_line, lines, saves):
    """Rearguard (raw, dst) of each interval from its Zone line's STDOFF.

    raw is the line's standard offset, dst = total - raw.  An interval below
    its standard offset (negative DST) is written as standard time, and a
    standard-time interval of a rule set with negative saves that lies
    between two negative-DST intervals (an Irish summer between two GMT
    winters) is written as positive DST on the lower offset, which is how the
    rearguard tz data expresses it.
    """
    n = len(segs)
    out = []
    neg = []
    for (utoff, _), li in zip(segs, seg_line):
        std = lines[li].stdoff
        save = utoff - std
        if save < 0:
            out.append((utoff, 0))
            neg.append(True)
        else:
            out.append((std, save))
            neg.append(False)
    for i in range(n):
        utoff = segs[i][0]
        ln = lines[seg_line[i]]
        if out[i][1] != 0 or neg[i] or ln.rules is None or ln.rules[0] != "named":
            continue
        if min(saves.get(ln.rules[1], {0})) >= 0:
            continue

        if not (0 < i < n - 1 and neg[i - 1] and neg[i + 1]):
            continue
        base = min(segs[i - 1][0], segs[i + 1][0])
        if base < utoff:
            out[i] = (base, utoff - base)
    return out


def _split_by_flags(segs):
    """Fallback when no Zone lines are known: raw from neighbouring
    standard-time intervals (TZif isdst flags)."""
    n = len(segs)
    out = [None] * n
    neg = [False] * n
    std_idx = [i for i, (_, isdst) in enumerate(segs) if not isdst]
    for i, (utoff, isdst) in enumerate(segs):
        if not isdst:
            out[i] = (utoff, 0)
            continue
        j = bisect.bisect_left(std_idx, i)
        prev_std = segs[std_idx[j - 1]][0] if j > 0 else None
        next_std = segs[std_idx[j]][0] if j < len(std_idx) else None
        save_p = None if prev_std is None else utoff - prev_std
        save_n = None if next_std is None else utoff - next_std
        if save_p is not None and save_p > 0:
            out[i] = (prev_std, save_p)
        elif save_n is not None and save_n > 0:
            out[i] = (next_std, save_n)
        else:
            neg[i] = (save_p or 0) < 0 or (save_n or 0) < 0
            out[i] = (utoff, 0)
    for i in range(1, n - 1):
        utoff, isdst = segs[i]
        if not isdst and neg[i - 1] and neg[i + 1] and segs[i - 1][0] < utoff:
            out[i] = (segs[i - 1][0], utoff - segs[i - 1][0])
    return out


def convert_zone(name, tzif, lines=None, saves=None):
    """Convert one zone.  ``lines``: its Zone lines from tzdata.zi (used for
    the standard offset in effect), ``saves``: SAVE values per rule name."""
    zd = ZoneData()
    tz = parse_posix_tz(tzif.footer) if tzif.footer else None
    if tz is None:
        raise ValueError("%s: no footer" % name)
    utoff0, isdst0, _ = tzif.types[0]
    base_times = list(tzif.times)
    base_segs = [(utoff0, isdst0)] + [(tzif.types[i][0], tzif.types[i][1]) for i in tzif.type_idx]

    def with_footer(to_year):
        times, segs = list(base_times), list(base_segs)
        if tz.has_dst and times:
            for t, off, isdst in footer_transitions(tz, utc_year(times[-1]) - 1, to_year):
                if t > times[-1]:
                    times.append(t)
                    segs.append((off, isdst))
        return times, segs

    if tz.has_dst and not base_times:
        raise ValueError("%s: DST footer without transitions" % name)
    if not tz.has_dst and base_segs[-1][0] != tz.std_off:
        raise ValueError("%s: last transition (%d) disagrees with footer %r"
                         % (name, base_segs[-1][0], tzif.footer))

    # Zone line boundaries (UTC), to know the STDOFF of every interval
    bounds = []
    if lines:
        last = utc_year(base_times[-1]) if base_times else 1970
        times, segs = with_footer(last + 3)

        def offset_at(t):
            return segs[bisect.bisect_right(times, t)][0]
        bounds = _line_boundaries(lines, offset_at, base_times)
        if any(b2 <= b1 for b1, b2 in zip(bounds, bounds[1:])):
            raise ValueError("%s: Zone lines end out of order" % name)

    last_explicit = max(base_times[-1:] + bounds[-1:]) if (base_times or bounds) else None
    rule = raw = None
    boundary = None          # finalYear-01-01T00:00Z, if a final rule is used
    final_year = None
    gen_to = None
    if tz.has_dst:
        rule, raw = encode_final_rule(tz)
        if rule is not None:
            final_year = utc_year(last_explicit) + 1
            boundary = _day_secs(datetime.date(final_year, 1, 1))
            gen_to = final_year + 1        # one extra year: context for the
        else:                              # raw/dst split near the boundary
            gen_to = EXPLICIT_LAST_YEAR + 1
            zd.notes.append("footer %r not expressible as an ICU rule; explicit "
                            "transitions through %d" % (tzif.footer, EXPLICIT_LAST_YEAR))
    times, segs = with_footer(gen_to) if gen_to else (list(base_times), list(base_segs))

    # split intervals at Zone line boundaries that are not transitions
    for b in bounds:
        i = bisect.bisect_left(times, b)
        if i < len(times) and times[i] == b:
            continue
        if i == 0:
            continue          # before the first transition: still type 0
        times.insert(i, b)
        segs.insert(i + 1, segs[i])

    if lines:
        seg_line = [0] + [bisect.bisect_right(bounds, t) for t in times]
        pairs = _split_by_lines(segs, seg_line, lines, saves or {})
    else:
        pairs = _split_by_flags(segs)
    for (utoff, _), (r, d) in zip(segs, pairs):
        if r + d != utoff or d < 0:
            raise ValueError("%s: bad offset split %d = %d + %d" % (name, utoff, r, d))

    # keep explicit transitions only before the final rule's start
    keep = len(times)
    if boundary is not None:
        keep = sum(1 for t in times if t < boundary)
    elif tz.has_dst:
        # inexpressible footer: explicit through EXPLICIT_LAST_YEAR, then
        # up to the next standard-time interval, which ICU keeps forever
        limit = _day_secs(datetime.date(EXPLICIT_LAST_YEAR + 1, 1, 1))
        keep = sum(1 for t in times if t < limit)
        while keep < len(times) and pairs[keep][1] != 0:
            keep += 1
    if boundary is not None:
        # the rule must agree with the last explicit interval at the boundary
        before = [t for t in icu_rule_transitions(rule, raw, final_year - 1, final_year)
                  if t[0] <= boundary]
        if before and before[-1][1] != segs[keep][0]:
            raise ValueError("%s: final rule offset %s at %d-01-01 disagrees with %s"
                             % (name, before[-1][1], final_year, segs[keep][0]))
        if pairs[keep][0] != raw:
            raise ValueError("%s: final raw offset %d disagrees with %d"
                             % (name, raw, pairs[keep][0]))

    # ICU's types: 0 is the initial type; transitions never map to it
    zd.type_offsets = [pairs[0]]
    index = {}
    prev = pairs[0]
    for i in range(keep):
        p = pairs[i + 1]
        if p == prev:
            continue          # not a change of ICU offsets
        if p not in index:
            index[p] = len(zd.type_offsets)
            zd.type_offsets.append(p)
        zd.trans.append((times[i], index[p]))
        prev = p
    if len(zd.type_offsets) > 255:
        raise ValueError("%s: too many types" % name)
    if boundary is not None:
        zd.final_rule, zd.final_raw, zd.final_year = rule, raw, final_year
        # self-check: the encoded rule reproduces the footer
        want = [(t, off) for t, off, _ in footer_transitions(tz, final_year, final_year + 400)]
        got = icu_rule_transitions(rule, raw, final_year, final_year + 400)
        if want != got:
            raise ValueError("%s: encoded rule %r does not reproduce %r" % (name, rule, tzif.footer))
    return zd


def zone_node(zd, rule_name):
    t = {}
    pre = [x for x in zd.trans if x[0] < -2 ** 31]
    mid = [x for x in zd.trans if -2 ** 31 <= x[0] <= 2 ** 31 - 1]
    post = [x for x in zd.trans if x[0] > 2 ** 31 - 1]

    def pairs64(lst):
        out = []
        for secs, _ in lst:
            u = secs & 0xFFFFFFFFFFFFFFFF
            out.append(icures.to_signed32(u >> 32))
            out.append(icures.to_signed32(u & 0xFFFFFFFF))
        return out
    if pre:
        t["transPre32"] = ("intvector", pairs64(pre))
    if mid:
        t["trans"] = ("intvector", [x[0] for x in mid])
    if post:
        t["transPost32"] = ("intvector", pairs64(post))
    t["typeOffsets"] = ("intvector", [v for p in zd.type_offsets for v in p])
    if zd.trans:
        t["typeMap"] = ("bin", bytes(ti for _, ti in pre + mid + post))
    if zd.final_rule is not None:
        t["finalRule"] = ("str", rule_name)
        t["finalRaw"] = ("int", zd.final_raw)
        t["finalYear"] = ("int", zd.final_year)
    return ("table", t)


# ---------------------------------------------------------------------------
# tzdata.zi / zone.tab

def read_tzdata_zi(path):
    version = None
    zones, links = [], {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if version is None and line.startswith("# version "):
                version = line.split()[2]
            fields = line.split()
            if not fields or fields[0].startswith("#"):
                continue
            if fields[0] == "Z":
                zones.append(fields[1])
            elif fields[0] == "L":
                links[fields[2]] = fields[1]
    if version is None:
        raise ValueError("%s: no '# version' line" % path)
    return version, zones, links


def read_zone_tab(path):
    regions = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cc, _, name = line.rstrip("\n").split("\t")[:3]
            regions[name] = cc
    return regions


# ---------------------------------------------------------------------------

def build(zoneinfo_dir, legacy_text=None):
    version, zone_names, links = read_tzdata_zi(os.path.join(zoneinfo_dir, "tzdata.zi"))
    zone_tab = read_zone_tab(os.path.join(zoneinfo_dir, "zone.tab"))

    def resolve(name):
        seen = set()
        while name in links:
            if name in seen:
                raise ValueError("link loop at %s" % name)
            seen.add(name)
            name = links[name]
        return name

    legacy = {}          # name -> ("link", target) | ("table", node)
    legacy_regions = {}
    legacy_rules = {}    # ICU rule name -> 11 ints
    legacy_final_rule = {}
    if legacy_text:
        _, old = icures.parse_derb(legacy_text)
        old = old[1]
        old_names = [n[1] for n in old["Names"][1]]
        old_zones = old["Zones"][1]
        old_regions = [r[1] for r in old["Regions"][1]]
        legacy_rules = {k: v[1] for k, v in old["Rules"][1].items()}
        for i, nm in enumerate(old_names):
            legacy_regions[nm] = old_regions[i]
            z = old_zones[i]
            if z[0] == "int":
                legacy[nm] = ("link", old_names[z[1]])
            else:
                legacy[nm] = ("table", z)
                if "finalRule" in z[1]:
                    legacy_final_rule[nm] = z[1]["finalRule"][1]

    names = set(zone_names) | set(links)
    kept_legacy = sorted(n for n in legacy if n not in names)
    names = sorted(names | set(kept_legacy))
    index = {n: i for i, n in enumerate(names)}

    rules = {}                # name -> 11 ints
    rule_by_vec = {}
    zones_out = [None] * len(names)
    aliases = {}              # canonical index -> [alias indices]
    summary = {"zones": 0, "links": 0, "legacy_links": 0, "legacy_tables": 0,
               "final_rules": 0, "notes": []}

    def rule_name_for(zone, vec):
        key = tuple(vec)
        if key in rule_by_vec:
            return rule_by_vec[key]
        cand = legacy_final_rule.get(zone)
        if cand and tuple(legacy_rules.get(cand, ())) == key:
            nm = cand
        else:
            same = sorted(k for k, v in legacy_rules.items() if tuple(v) == key)
            nm = same[0] if same else "R_" + re.sub(r"[^A-Za-z0-9]", "_", zone)
        if nm in rules and tuple(rules[nm]) != key:
            raise ValueError("rule name clash %s" % nm)
        rules[nm] = list(vec)
        rule_by_vec[key] = nm
        return nm

    zone_lines, rule_saves = read_zone_lines(os.path.join(zoneinfo_dir, "tzdata.zi"))
    for zone in zone_names:
        tzif = read_tzif(os.path.join(zoneinfo_dir, zone))
        zd = convert_zone(zone, tzif, zone_lines.get(zone), rule_saves)
        rname = rule_name_for(zone, zd.final_rule) if zd.final_rule else None
        zones_out[index[zone]] = zone_node(zd, rname)
        summary["zones"] += 1
        if zd.final_rule:
            summary["final_rules"] += 1
        for note in zd.notes:
            summary["notes"].append("%s: %s" % (zone, note))

    for nm in names:
        if zones_out[index[nm]] is not None:
            continue
        if nm in links or legacy.get(nm, ("",))[0] == "link":
            target = resolve(links[nm]) if nm in links else resolve(legacy[nm][1])
            if target not in index or zones_out[index[target]] is None or \
                    zones_out[index[target]][0] != "table":
                # legacy target that is itself legacy data
                if legacy.get(target, ("",))[0] != "table":
                    raise ValueError("%s -> %s does not resolve" % (nm, target))
            zones_out[index[nm]] = ("int", index[target])
            aliases.setdefault(index[target], []).append(index[nm])
            summary["links" if nm in links else "legacy_links"] += 1
        else:
            node = legacy[nm][1]
            tbl = {k: v for k, v in node[1].items() if k != "links"}
            if "finalRule" in tbl:
                rn = tbl["finalRule"][1]
                vec = legacy_rules[rn]
                if rn in rules and rules[rn] != vec:
                    raise ValueError("legacy rule name clash %s" % rn)
                rules[rn] = vec
            zones_out[index[nm]] = ("table", tbl)
            summary["legacy_tables"] += 1

    # legacy tables first resolved lazily above may be link targets
    for nm in names:
        z = zones_out[index[nm]]
        if z[0] == "int" and zones_out[z[1]][0] != "table":
            raise ValueError("%s links to a link" % nm)

    for target, al in aliases.items():
        tbl = dict(zones_out[target][1])
        tbl["links"] = ("intvector", sorted(al + [target]))
        zones_out[target] = ("table", tbl)

    regions = []
    for nm in names:
        if nm in zone_tab:
            regions.append(zone_tab[nm])
        elif nm in legacy_regions:
            regions.append(legacy_regions[nm])
        elif resolve(nm) in zone_tab:
            regions.append(zone_tab[resolve(nm)])
        else:
            regions.append("001")

    top = {
        "TZVersion": ("str", version),
        "Zones": ("array", zones_out),
        "Names": ("array", [("str", n) for n in names]),
        "Rules": ("table", {k: ("intvector", v) for k, v in rules.items()}),
        "Regions": ("array", [("str", r) for r in regions]),
    }
    comments = {}
    for i, nm in enumerate(names):
        comments[("Zones", i)] = "%d %s" % (i, nm)
        comments[("Regions", i)] = "%d %s" % (i, nm)
    summary["names"] = len(names)
    summary["rules"] = len(rules)
    summary["version"] = version
    summary["kept_legacy"] = kept_legacy
    return ("table", top), comments, summary


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--zoneinfo", required=True,
                    help="directory with TZif files, tzdata.zi and zone.tab")
    ap.add_argument("--legacy", help="derb dump of the zoneinfo64.res shipped with ICU, "
                                     "to keep its zone IDs resolvable")
    ap.add_argument("--out", required=True, help="output zoneinfo64.txt")
    args = ap.parse_args(argv)
    legacy_text = None
    if args.legacy:
        with open(args.legacy, encoding="utf-8") as f:
            legacy_text = f.read()
    node, comments, summary = build(args.zoneinfo, legacy_text)
    header = [
        "zoneinfo64 for ICU, generated by TZData/tzif2icu.py -- do not edit.",
        "tz version: %s" % summary["version"],
    ]
    text = icures.write_genrb("zoneinfo64", node, header, comments)
    with open(args.out, "w", encoding="ascii", newline="\n") as f:
        f.write(text)
    print("tzif2icu: tz %s: %d zones (%d with a final rule), %d tz links, "
          "%d legacy ICU links, %d legacy ICU tables, %d names, %d rules"
          % (summary["version"], summary["zones"], summary["final_rules"], summary["links"],
             summary["legacy_links"], summary["legacy_tables"], summary["names"],
             summary["rules"]))
    for note in summary["notes"]:
        print("tzif2icu: note: " + note)
    return 0


if __name__ == "__main__":
    sys.exit(main())
