#!/usr/bin/env python3
"""Check ICU (loaded with TZData's resources) against Python's zoneinfo.

Both read the same tz release: ICU through the zoneinfo64.res that
tzif2icu.py built, zoneinfo.ZoneInfo through the TZif files themselves
(ZoneInfo.from_file on each file).  Every zone of tzdata.zi (a superset of
zone1970.tab), every Link, and a few named zones are checked:

  * total UTC offset (raw + dst of TimeZone::getOffset(date, false, ...)) at
    every transition 1970-2037 at t-1s, t and t+1s, at 2,000 random instants
    1970-2037 and 200 random instants 2037-2100 (the final-rule era);
  * ICU's own transition list (BasicTimeZone::getNextTransition) 1970-2037
    equals the list of offset changes of the TZif data;
  * dst >= 0 everywhere (ICU data is rearguard);
  * local wall time -> UTC through icu::Calendar (every 15 minutes around
    each transition, so skipped and repeated times too, and 300 random
    local times 1970-2100), first occurrence of a repeated time;
  * each Link resolves to a real zone with the same offsets as its target;
  * ucal_getTZDataVersion() is the tz version, getCanonicalID works for the
    zones new since the shipped ICU, an unknown ID is rejected, and every ID
    the shipped ICU knew still resolves and canonicalizes;
  * zone metadata (BCP 47 types, canonical IDs, Windows IDs, metazones,
    English names) and hand-checked spot checks.

Exit status 0 only when nothing disagrees.  Standard library only.
"""

import argparse
import datetime
import os
import random
import subprocess
import sys
import zoneinfo

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import tzif2icu  # noqa: E402

T1970 = 0
T2037 = int(datetime.datetime(2037, 1, 1, tzinfo=datetime.timezone.utc).timestamp())
T2100 = int(datetime.datetime(2100, 1, 1, tzinfo=datetime.timezone.utc).timestamp())
N_RANDOM = 2000
N_RANDOM_FINAL = 200
N_LOCAL = 300      # random local wall times 1970-2100 per zone
EXTRA_ZONES = ["Europe/Paris", "Europe/Zurich", "Asia/Jerusalem", "America/Chicago",
               "America/Santiago"]
NEW_ZONES_AT_LEAST = ["America/Ciudad_Juarez", "America/Coyhaique"]
UNKNOWN_ID = "Mars/Olympus"


def utc(y, mo, d, h=0, mi=0):
    return int(datetime.datetime(y, mo, d, h, mi, tzinfo=datetime.timezone.utc).timestamp())


# (zone, unix time, expected total offset in seconds, what it checks)
SPOT_CHECKS = [
    ("America/Mexico_City", utc(2023, 1, 15, 12), -6 * 3600, "no DST in 2023 (January)"),
    ("America/Mexico_City", utc(2023, 4, 15, 12), -6 * 3600, "no DST in 2023 (April)"),
    ("America/Mexico_City", utc(2023, 7, 1, 12), -6 * 3600, "no DST in 2023 (July)"),
    ("America/Mexico_City", utc(2023, 10, 15, 12), -6 * 3600, "no DST in 2023 (October)"),
    ("America/Asuncion", utc(2025, 1, 15, 12), -3 * 3600, "-03 all year 2025 (January)"),
    ("America/Asuncion", utc(2025, 4, 15, 12), -3 * 3600, "-03 all year 2025 (April)"),
    ("America/Asuncion", utc(2025, 7, 15, 12), -3 * 3600, "-03 all year 2025 (July)"),
    ("America/Asuncion", utc(2025, 11, 15, 12), -3 * 3600, "-03 all year 2025 (November)"),
    ("Africa/Cairo", utc(2023, 7, 1, 12), 3 * 3600, "Egypt DST resumed 2023"),
    ("America/Nuuk", utc(2024, 1, 15, 12), -2 * 3600, "-02 in January 2024"),
    ("Asia/Almaty", utc(2024, 6, 15, 12), 5 * 3600, "+05 in June 2024 (Kazakhstan unified)"),
    ("America/Chicago", utc(2024, 3, 10, 8) - 1, -6 * 3600, "CST just before 2024-03-10T08:00Z"),
    ("America/Chicago", utc(2024, 3, 10, 8), -5 * 3600, "CDT from 2024-03-10T08:00Z"),
    ("America/Santiago", utc(2024, 9, 8, 4) - 1, -4 * 3600, "-04 just before 2024-09-08T04:00Z"),
    ("America/Santiago", utc(2024, 9, 8, 4), -3 * 3600, "-03 from 2024-09-08T04:00Z"),
]


def _utc_iso(text):
    return int(datetime.datetime.fromisoformat(text).replace(
        tzinfo=datetime.timezone.utc).timestamp())


# Zone metadata (timezoneTypes, metaZones, windowsZones): (command, zone,
# time or None, expected answer).  Hand-checked against CLDR and tz.
META_CHECKS = [
    ("BCP47", "America/Ciudad_Juarez", None, "mxcjs"),
    ("BCP47", "America/Coyhaique", None, "clcxq"),
    ("BCP47", "America/Chicago", None, "uschi"),
    ("BCP47", "America/Nipigon", None, "cator"),
    ("CANON", "America/Nipigon", None, "America/Toronto"),
    ("CANON", "America/Nuuk", None, "America/Godthab"),
    ("CANON", "Asia/Kolkata", None, "Asia/Calcutta"),
    ("CANON", "Europe/Kyiv", None, "Europe/Kiev"),
    ("CANON", "EST", None, "America/Panama"),
    ("CANON", "CET", None, "Europe/Brussels"),
    ("WIN", "America/Ciudad_Juarez", None, "Mountain Standard Time"),
    ("WIN", "America/Chihuahua", None, "Central Standard Time (Mexico)"),
    ("WIN", "America/Coyhaique", None, "Magallanes Standard Time"),
    ("WIN", "Asia/Almaty", None, "West Asia Standard Time"),
    ("WIN", "America/Chicago", None, "Central Standard Time"),
    ("MZ", "America/Ciudad_Juarez", "2025-01-15T12:00", "America_Mountain"),
    ("MZ", "America/Ciudad_Juarez", "2022-11-15T12:00", "America_Central"),
    ("MZ", "America/Chihuahua", "2025-01-15T12:00", "America_Central"),
    ("MZ", "America/Ojinaga", "2025-01-15T12:00", "America_Central"),
    ("MZ", "America/Mexico_City", "2025-01-15T12:00", "America_Central"),
    ("MZ", "America/Coyhaique", "2025-01-15T12:00", "Chile"),
    ("MZ", "America/Coyhaique", "2025-06-15T12:00", "-"),
    ("MZ", "America/Nuuk", "2025-01-15T12:00", "Greenland"),
    ("MZ", "Asia/Almaty", "2025-01-15T12:00", "Kazakhstan"),
    ("FMT", "America/Ciudad_Juarez", "2025-01-15T12:00", "Mountain Standard Time"),
    ("FMT", "America/Mexico_City", "2023-07-01T12:00", "Central Standard Time"),
    ("FMT", "America/Chicago", "2024-07-01T12:00", "Central Daylight Time"),
    ("FMT", "Europe/Dublin", "2024-07-01T12:00", "Irish Standard Time"),
    ("FMT", "Europe/Dublin", "2024-01-15T12:00", "Greenwich Mean Time"),
]


class ICU:
    def __init__(self, binary, resdir):
        self.proc = subprocess.Popen([binary, resdir], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, bufsize=1 << 20)

    def ask_many(self, lines):
        """Send lines, return answers (pipelined in chunks)."""
        answers = []
        chunk = 200
        for i in range(0, len(lines), chunk):
            part = lines[i:i + chunk]
            self.proc.stdin.write("".join(x + "\n" for x in part))
            self.proc.stdin.flush()
            for _ in part:
                answers.append(self.proc.stdout.readline().rstrip("\n"))
        return answers

    def ask(self, line):
        return self.ask_many([line])[0]

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


def read_tab(path):
    names = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            names.append(line.rstrip("\n").split("\t")[2])
    return names


def tzif_transitions(path, lo, hi):
    """Transition instants lo <= t < hi of a TZif file (list + footer)."""
    tzif = tzif2icu.read_tzif(path)
    times = [t for t in tzif.times if lo <= t < hi]
    if tzif.footer:
        tz = tzif2icu.parse_posix_tz(tzif.footer)
        if tz.has_dst:
            last = tzif.times[-1] if tzif.times else lo - 1
            y0 = max(tzif2icu.utc_year(max(last, lo)) - 1, 1900)
            y1 = tzif2icu.utc_year(hi) + 1
            times += [t for t, _, _ in tzif2icu.footer_transitions(tz, y0, y1)
                      if t > last and lo <= t < hi]
    return sorted(set(times))


def expected_utc(zi, wall):
    """UTC of a local wall time: its first occurrence, or for a skipped wall
    time the reading with the offset in effect before the gap.

    Derived from zoneinfo's UTC -> offset mapping (candidate offsets from
    fold=0 and fold=1), which stays exact where zoneinfo's own wall-time
    lookup applies the footer rule before the last transition.
    """
    epoch = int((wall - datetime.datetime(1970, 1, 1)).total_seconds())

    def offset_at(u):
        return int(datetime.datetime.fromtimestamp(u, tz=zi).utcoffset().total_seconds())
    cands = sorted({int(wall.replace(tzinfo=zi, fold=f).utcoffset().total_seconds())
                    for f in (0, 1)})
    valid = [epoch - o for o in cands if offset_at(epoch - o) == o]
    if valid:
        return min(valid)
    return epoch - offset_at(epoch - max(cands))


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.failures = []

    def ok(self, cond, message):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            if len(self.failures) < 200:
                self.failures.append(message)
        return cond


def main(argv=None):
    ap = argparse.ArgumentParser(description="verify TZData's ICU resources against zoneinfo")
    ap.add_argument("--bin", required=True, help="compiled tzverify")
    ap.add_argument("--resdir", required=True, help="directory holding zoneinfo64.res etc.")
    ap.add_argument("--zoneinfo", required=True, help="the TZif tree the resources were built from")
    ap.add_argument("--expect-version", required=True)
    ap.add_argument("--legacy-dump", help="derb dump of the zoneinfo64.res shipped with ICU "
                                          "(every zone ID it knew must still resolve)")
    ap.add_argument("--new-zones", help="file listing zones new since the shipped ICU")
    ap.add_argument("--seed", type=int, default=20260)
    args = ap.parse_args(argv)

    version, zone_names, links = tzif2icu.read_tzdata_zi(os.path.join(args.zoneinfo, "tzdata.zi"))
    zone1970 = read_tab(os.path.join(args.zoneinfo, "zone1970.tab"))
    zones = sorted(set(zone_names) | set(zone1970) | set(EXTRA_ZONES))
    link_names = sorted(links)
    ck = Checker()
    icu = ICU(args.bin, args.resdir)

    # --- version -----------------------------------------------------------
    got = icu.ask("VERSION").split(" ", 1)[1]
    ck.ok(got == args.expect_version == version,
          "ucal_getTZDataVersion() = %s, expected %s (tzdata.zi %s)"
          % (got, args.expect_version, version))

    def zinfo(name):
        with open(os.path.join(args.zoneinfo, name), "rb") as f:
            return zoneinfo.ZoneInfo.from_file(f, key=name)

    def expected_offsets(zi, times):
        out = []
        for t in times:
            d = datetime.datetime.fromtimestamp(t, tz=zi)
            out.append(int(d.utcoffset().total_seconds()))
        return out

    def icu_offsets(name, times):
        ans = icu.ask("OFF %s %s" % (name, " ".join(str(t) for t in times))).split(" ")
        if len(ans) < 3 or ans[2] == "UNKNOWN":
            return None
        pairs = []
        for x in ans[3:]:
            raw, dst = x.split("/")
            pairs.append((int(raw), int(dst)))
        return pairs

    samples_by_zone = {}
    n_instants = 0
    n_disagree = 0
    n_local = 0
    n_disagree_local = 0
    n_transitions = 0
    n_trans_lists = 0
    for name in zones:
        path = os.path.join(args.zoneinfo, name)
        rng = random.Random("%d:%s" % (args.seed, name))
        trans = tzif_transitions(path, T1970, T2037)
        pts = set()
        for t in trans:
            pts.update((t - 1, t, t + 1))
        pts.update(rng.randrange(T1970, T2037) for _ in range(N_RANDOM))
        pts.update(rng.randrange(T2037, T2100) for _ in range(N_RANDOM_FINAL))
        pts = sorted(pts)
        samples_by_zone[name] = pts
        zi = zinfo(name)
        want = expected_offsets(zi, pts)
        got = icu_offsets(name, pts)
        if not ck.ok(got is not None, "%s: ICU does not know this zone" % name):
            continue
        bad = [(t, w, g) for t, w, g in zip(pts, want, got) if g[0] + g[1] != w]
        n_disagree += len(bad)
        ck.ok(not bad, "%s: %d disagreements, first: t=%s zoneinfo=%s icu=%s"
              % ((name, len(bad)) + (bad[0] if bad else (None, None, None))))
        neg = [(t, g) for t, g in zip(pts, got) if g[1] < 0]
        ck.ok(not neg, "%s: negative DST in ICU data at %s" % (name, neg[:1]))
        n_instants += len(pts)
        n_transitions += len(trans)

        # the transition list ICU itself reports, 1970-2037
        real = []
        offs = dict(zip(pts, want))
        for t in trans:
            before, after = offs[t - 1], offs[t]
            if before != after:
                real.append((t, before, after))
        ans = icu.ask("TRANS %s %d %d" % (name, T1970, T2037)).split(" ")[2:]
        icu_trans = []
        for x in ans:
            t, a, b = (int(v) for v in x.split(":"))
            if a != b:
                icu_trans.append((t, a, b))
        ck.ok(icu_trans == real, "%s: ICU transition list differs from TZif: only ICU %s, only TZif %s"
              % (name, sorted(set(icu_trans) - set(real))[:3], sorted(set(real) - set(icu_trans))[:3]))
        n_trans_lists += 1

        # local wall time -> UTC (Calendar), random and around transitions
        # (every 15 minutes from 2h before to 2h after each transition's
        # local time, so skipped and repeated wall times are included)
        walls = set()
        for t in trans:
            base = datetime.datetime.fromtimestamp(t - 1, tz=zi).replace(tzinfo=None)
            for k in range(-8, 9):
                walls.add(base + datetime.timedelta(seconds=1 + 900 * k))
        for _ in range(N_LOCAL):
            t = rng.randrange(T1970, T2100)
            walls.add(datetime.datetime.fromtimestamp(t, tz=zi).replace(tzinfo=None))
        walls = sorted(walls)
        want_l = [expected_utc(zi, w) for w in walls]
        ans = icu.ask("LOCAL %s %s" % (name, " ".join(
            "%d,%d,%d,%d,%d,%d" % (w.year, w.month, w.day, w.hour, w.minute, w.second)
            for w in walls))).split(" ")[2:]
        bad = [(w, a, b) for w, a, b in zip(walls, want_l, ans) if str(a) != b]
        n_local += len(walls)
        n_disagree_local += len(bad)
        ck.ok(not bad, "%s: %d local-time conversions disagree, first: %s zoneinfo=%s icu=%s"
              % ((name, len(bad)) + (bad[0] if bad else (None, None, None))))

    # --- links -------------------------------------------------------------
    n_links = 0
    for name in link_names:
        target = links[name]
        while target in links:
            target = links[target]
        pts = samples_by_zone.get(target)
        if pts is None:
            rng = random.Random("%d:%s" % (args.seed, target))
            pts = sorted(rng.randrange(T1970, T2100) for _ in range(N_RANDOM))
        got = icu_offsets(name, pts)
        if not ck.ok(got is not None, "link %s: ICU does not resolve it" % name):
            continue
        tgt = icu_offsets(target, pts)
        ck.ok(got == tgt, "link %s: offsets differ from its target %s" % (name, target))
        want = expected_offsets(zinfo(name), pts)
        bad = [(t, w, g) for t, w, g in zip(pts, want, got) if g[0] + g[1] != w]
        n_disagree += len(bad)
        ck.ok(not bad, "link %s: %d disagreements with its TZif file" % (name, len(bad)))
        n_links += 1
        n_instants += len(pts)

    # --- IDs, canonical IDs ----------------------------------------------------
    new_zones = set(NEW_ZONES_AT_LEAST)
    if args.new_zones:
        with open(args.new_zones) as f:
            new_zones |= {x.strip() for x in f if x.strip()}
    for z in sorted(new_zones):
        ans = icu.ask("CANON %s" % z).split(" ")
        ck.ok(ans[2] == "OK" and ans[3] == z and ans[4] == "1",
              "getCanonicalID(%s) = %s" % (z, " ".join(ans[2:])))
    ans = icu.ask("CANON %s" % UNKNOWN_ID).split(" ")
    ck.ok(ans[2] == "ERR", "getCanonicalID(%s) should fail, got %s" % (UNKNOWN_ID, " ".join(ans[2:])))
    ck.ok(icu_offsets(UNKNOWN_ID, [0]) is None, "%s should be an unknown zone" % UNKNOWN_ID)

    n_legacy = 0
    if args.legacy_dump:
        import icures
        with open(args.legacy_dump, encoding="utf-8") as f:
            _, old = icures.parse_derb(f.read())
        legacy = [n[1] for n in old[1]["Names"][1]]
        for z in legacy:
            got = icu_offsets(z, [0, T2037])
            ck.ok(got is not None, "%s (known to the shipped ICU) no longer resolves" % z)
            ans = icu.ask("CANON %s" % z).split(" ")
            ck.ok(ans[2] == "OK", "getCanonicalID(%s) = %s" % (z, " ".join(ans[2:])))
            n_legacy += 1

    # --- zone metadata -------------------------------------------------------
    for cmd, zone, when, want in META_CHECKS:
        line = "%s %s" % (cmd, zone)
        if when:
            line += " %d" % _utc_iso(when)
        ans = icu.ask(line).split(" ", 2)[2]
        if cmd == "CANON":
            parts = ans.split(" ")
            ans = parts[1] if parts[0] == "OK" else ans
        ck.ok(ans == want, "%s%s: ICU says %r, expected %r"
              % (line.split(" ")[0] + " " + zone, (" at " + when) if when else "", ans, want))

    # --- spot checks ---------------------------------------------------------
    for zone, t, want, what in SPOT_CHECKS:
        got = icu_offsets(zone, [t])
        total = None if got is None else got[0][0] + got[0][1]
        ck.ok(total == want, "spot check %s %s (%s): ICU %s, expected %s"
              % (zone, datetime.datetime.fromtimestamp(t, datetime.timezone.utc).isoformat(),
                 what, total, want))
        zi_total = expected_offsets(zinfo(zone), [t])[0]
        ck.ok(zi_total == want, "spot check %s (%s): zoneinfo %s, expected %s"
              % (zone, what, zi_total, want))
    icu.close()

    print("tzverify: tz %s: %d zones, %d links, %d legacy IDs, %d instants compared, "
          "%d TZif transitions 1970-2037 (each at t-1s, t, t+1s), %d transition lists, "
          "%d spot checks, %d metadata checks"
          % (version, len(zones), n_links, n_legacy, n_instants, n_transitions,
             n_trans_lists, len(SPOT_CHECKS), len(META_CHECKS)))
    print("tzverify: %d of %d instants disagree with zoneinfo" % (n_disagree, n_instants))
    print("tzverify: %d of %d local wall times (Calendar, 1970-2100) disagree with zoneinfo"
          % (n_disagree_local, n_local))
    for f in ck.failures:
        print("FAIL: " + f)
    print("%d passed, %d failed" % (ck.passed, ck.failed))
    return 0 if ck.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
