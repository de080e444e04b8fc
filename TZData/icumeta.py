#!/usr/bin/env python3
"""Update ICU's zone metadata resources (timezoneTypes, metaZones,
windowsZones) for a new tz release.

ICU reads these three resources, like zoneinfo64, from the directory given to
u_setTimeZoneFilesDirectory().  They come from CLDR, not from tz, so they are
not regenerated here: this tool starts from the versions shipped with ICU 72
(CLDR 42, as printed by derb) and applies the changes the new tz data needs:

  * every canonical zone of the new zoneinfo64 that ICU 72 did not know gets
    its BCP 47 type (the code CLDR assigned; a code is invented, and
    reported, for a zone CLDR has not coded yet);
  * zones that tz turned into links and CLDR deprecated become aliases of
    their replacement (typeAlias, bcpTypeAlias), as CLDR did;
  * metazone and Windows mappings of zones whose offsets changed are updated
    (CLDR's later mappings where CLDR has them, the equivalent mapping where
    the change is newer than CLDR's data; each is listed below);
  * nothing else is changed, so CLDR's canonical IDs (Asia/Calcutta,
    Europe/Kiev, America/Godthab, ...) stay stable.

Afterwards it checks the result against the new zone data and fails if a
mapping disagrees with the zone's offsets from 2023 on (metazones: standard
offset equal to the metazone's reference zone; Windows zones: offsets equal
to the Windows zone's reference zone, 2025-2040), so that a future tz update
that needs new metadata cannot go unnoticed.

Standard library only.
"""

import argparse
import bisect
import datetime
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import icures  # noqa: E402
import tzif2icu  # noqa: E402

# ---------------------------------------------------------------------------
# Data: everything this tool changes, in one place.

# BCP 47 (-u-tz-) types CLDR assigned to zones ICU 72 does not know.
KNOWN_BCP47 = {
    "America/Ciudad_Juarez": "mxcjs",   # CLDR 43, tz 2022g
    "America/Coyhaique": "clcxq",       # CLDR 47, tz 2025b
}

# Zones tz merged into another zone and CLDR deprecated (CLDR 43-46):
# old ID -> (replacement CLDR canonical ID, old BCP 47 type, new BCP 47 type)
CLDR_DEPRECATED = {
    "America/Montreal": ("America/Toronto", "camtr", "cator"),
    "America/Nipigon": ("America/Toronto", "canpg", "cator"),
    "America/Thunder_Bay": ("America/Toronto", "cathu", "cator"),
    "America/Rainy_River": ("America/Winnipeg", "caffs", "cawnp"),
    "America/Pangnirtung": ("America/Iqaluit", "capnt", "caiql"),
    "America/Yellowknife": ("America/Edmonton", "cayzf", "caedm"),
    "Asia/Choibalsan": ("Asia/Ulaanbaatar", "mncoq", "mnuln"),
    "Australia/Currie": ("Australia/Hobart", "aukns", "auhba"),
    "Europe/Uzhgorod": ("Europe/Kiev", "uauzh", "uaiev"),
    "Europe/Zaporozhye": ("Europe/Kiev", "uaozh", "uaiev"),
    "Pacific/Johnston": ("Pacific/Honolulu", "umjon", "ushnl"),
}

# typeAlias entries added or changed (CLDR 44-46 followed tz 2024b, which
# made these IDs links).
ALIAS_UPDATES = {
    "CET": "Europe/Brussels",
    "EET": "Europe/Athens",
    "MET": "Europe/Brussels",
    "WET": "Europe/Lisbon",
    "EST": "America/Panama",           # ICU 72: Etc/GMT+5
    "HST": "Pacific/Honolulu",         # ICU 72: Etc/GMT+10
    "MST": "America/Phoenix",          # ICU 72: Etc/GMT+7
    "Factory": "Etc/Unknown",
    "Antarctica/South_Pole": "Antarctica/McMurdo",   # ICU 72: Pacific/Auckland
}
BCP_ALIAS_UPDATES = {"aqams": "aqmcm"}  # ICU 72: nzakl

# metazoneInfo replacements: zone -> [(metazone, from, to)], from/to in UTC,
# None meaning open-ended.  "CLDR" entries are CLDR 43-47's mappings; "new"
# entries follow tz changes newer than CLDR's data, mapped the way CLDR maps
# comparable zones (a zone on permanent standard time keeps the metazone of
# that standard time, like America/Phoenix or America/Regina).
METAZONE_INFO = {
    # CLDR: Mexico abolished DST (tz 2022f/g)
    "America/Chihuahua": [("America_Central", None, "1998-04-05 09:00"),
                          ("Mexico_Pacific", "1998-04-05 09:00", "2022-10-30 08:00"),
                          ("America_Central", "2022-10-30 08:00", None)],
    "America/Ojinaga": [("America_Central", None, "1998-04-05 09:00"),
                        ("America_Mountain", "1998-04-05 09:00", "2022-10-30 08:00"),
                        ("America_Central", "2022-10-30 08:00", None)],
    "America/Ciudad_Juarez": [("America_Central", None, "1998-04-05 09:00"),
                              ("Mexico_Pacific", "1998-04-05 09:00", "2022-10-30 08:00"),
                              ("America_Central", "2022-10-30 08:00", "2022-11-30 06:00"),
                              ("America_Mountain", "2022-11-30 06:00", None)],
    # CLDR: Aysen region left Chile's time (tz 2025b); no metazone since
    "America/Coyhaique": [("Chile", None, "2025-03-20 03:00")],
    # CLDR: Greenland moved to -02/-01 (tz 2023a/2023c)
    "America/Godthab": [("Greenland_Western", None, "2024-03-26 01:00"),
                        ("Greenland", "2024-03-26 01:00", None)],
    "America/Scoresbysund": [("Greenland_Central", None, "1981-03-29 02:00"),
                             ("Greenland_Eastern", "1981-03-29 02:00", "2024-03-31 01:00"),
                             ("Greenland", "2024-03-31 01:00", None)],
    # CLDR: Kazakhstan unified on +05 (tz 2024a)
    "Asia/Almaty": [("Almaty", None, "2004-10-30 20:00"),
                    ("Kazakhstan_Eastern", "2004-10-30 20:00", "2024-02-29 18:00"),
                    ("Kazakhstan", "2024-02-29 18:00", None)],
    "Asia/Qostanay": [("Kazakhstan_Eastern", "2004-10-30 21:00", "2024-02-29 18:00"),
                      ("Kazakhstan", "2024-02-29 18:00", None)],
    "Asia/Aqtau": [("Shevchenko", None, "1991-12-15 19:00"),
                   ("Aqtau", "1991-12-15 19:00", "2004-10-30 22:00"),
                   ("Kazakhstan_Western", "2004-10-30 22:00", "2024-02-29 18:00"),
                   ("Kazakhstan", "2024-02-29 18:00", None)],
    "Asia/Aqtobe": [("Aktyubinsk", None, "1991-12-15 19:00"),
                    ("Aqtobe", "1991-12-15 19:00", "2004-10-30 21:00"),
                    ("Kazakhstan_Western", "2004-10-30 21:00", "2024-02-29 18:00"),
                    ("Kazakhstan", "2024-02-29 18:00", None)],
    "Asia/Atyrau": [("Kazakhstan_Western", "2004-10-30 22:00", "2024-02-29 18:00"),
                    ("Kazakhstan", "2024-02-29 18:00", None)],
    "Asia/Oral": [("Uralsk", None, "1991-12-15 20:00"),
                  ("Oral", "1991-12-15 20:00", "2004-10-30 22:00"),
                  ("Kazakhstan_Western", "2004-10-30 22:00", "2024-02-29 18:00"),
                  ("Kazakhstan", "2024-02-29 18:00", None)],
    "Asia/Qyzylorda": [("Kizilorda", None, "1991-12-15 19:00"),
                       ("Qyzylorda", "1991-12-15 19:00", "2004-10-30 21:00"),
                       ("Kazakhstan_Eastern", "2004-10-30 21:00", "2018-12-20 18:00"),
                       ("Kazakhstan_Western", "2018-12-20 18:00", "2024-02-29 18:00"),
                       ("Kazakhstan", "2024-02-29 18:00", None)],
    # CLDR: Casey's 2021-2023 switches (tz 2022g)
    "Antarctica/Casey": [("Australia_Western", None, "2009-10-17 18:00"),
                         ("Casey", "2009-10-17 18:00", "2010-03-04 15:00"),
                         ("Australia_Western", "2010-03-04 15:00", "2011-10-27 18:00"),
                         ("Casey", "2011-10-27 18:00", "2012-02-21 17:00"),
                         ("Australia_Western", "2012-02-21 17:00", "2016-10-21 16:00"),
                         ("Casey", "2016-10-21 16:00", "2018-03-10 17:00"),
                         ("Australia_Western", "2018-03-10 17:00", "2018-10-06 20:00"),
                         ("Casey", "2018-10-06 20:00", "2019-03-16 16:00"),
                         ("Australia_Western", "2019-03-16 16:00", "2019-10-03 19:00"),
                         ("Casey", "2019-10-03 19:00", "2020-03-07 16:00"),
                         ("Australia_Western", "2020-03-07 16:00", "2020-10-03 16:01"),
                         ("Casey", "2020-10-03 16:01", "2021-03-13 13:00"),
                         ("Australia_Western", "2021-03-13 13:00", "2021-10-02 16:01"),
                         ("Casey", "2021-10-02 16:01", "2022-03-12 13:00"),
                         ("Australia_Western", "2022-03-12 13:00", "2022-10-01 16:01"),
                         ("Casey", "2022-10-01 16:01", "2023-03-08 16:00"),
                         ("Australia_Western", "2023-03-08 16:00", None)],
    # new: British Columbia, Alberta, Manitoba, Northwest Territories keep
    # standard time all year from 2026-11-01 (tz 2026): one hour east of
    # their old standard time
    "America/Vancouver": [("America_Pacific", None, "2026-11-01 09:00"),
                          ("America_Mountain", "2026-11-01 09:00", None)],
    "America/Edmonton": [("America_Mountain", None, "2026-11-01 08:00"),
                         ("America_Central", "2026-11-01 08:00", None)],
    "America/Inuvik": [("America_Pacific", None, "1979-04-29 10:00"),
                       ("America_Mountain", "1979-04-29 10:00", "2026-11-01 08:00"),
                       ("America_Central", "2026-11-01 08:00", None)],
    "America/Winnipeg": [("America_Central", None, "2026-11-01 07:00"),
                         ("America_Eastern", "2026-11-01 07:00", None)],
}
NEW_METAZONES = {  # metazone -> (short ID, reference zone), CLDR 45/47
    "Greenland": ("gree", "America/Godthab"),
    "Kazakhstan": ("kaza", "Asia/Almaty"),
}
# Zones whose standard offset changed while CLDR kept the metazone.
METAZONE_KEPT = {
    "America/Asuncion": "Paraguay (CLDR keeps it for permanent -03, tz 2025a)",
    "Antarctica/Vostok": "Vostok (CLDR keeps it for +05, tz 2023d)",
}

# windowsZones edits: (Windows ID, region) -> list of zones (None: remove)
WINDOWS_EDITS = {
    # CLDR 43: Mexico without DST
    ("Mountain Standard Time (Mexico)", "001"): ["America/Mazatlan"],
    ("Mountain Standard Time (Mexico)", "MX"): ["America/Mazatlan"],
    ("Central Standard Time (Mexico)", "MX"): ["America/Mexico_City", "America/Bahia_Banderas",
                                              "America/Merida", "America/Monterrey",
                                              "America/Chihuahua"],
    ("Mountain Standard Time", "MX"): ["America/Ciudad_Juarez"],
    ("Central Standard Time", "MX"): ["America/Matamoros", "America/Ojinaga"],
    # CLDR 47: Coyhaique
    ("Magallanes Standard Time", "CL"): ["America/Punta_Arenas", "America/Coyhaique"],
    # CLDR 45: Kazakhstan on +05
    ("Central Asia Standard Time", "001"): ["Asia/Bishkek"],
    ("Central Asia Standard Time", "KZ"): None,
    ("West Asia Standard Time", "KZ"): ["Asia/Oral", "Asia/Almaty", "Asia/Aqtau", "Asia/Aqtobe",
                                        "Asia/Atyrau", "Asia/Qostanay"],
    # deprecated zones dropped (CLDR 43-46)
    ("Eastern Standard Time", "CA"): ["America/Toronto", "America/Iqaluit"],
    # new: zones whose offsets left their Windows zone (tz 2023-2026)
    ("Central Asia Standard Time", "AQ"): None,
    ("West Asia Standard Time", "AQ"): ["Antarctica/Mawson", "Antarctica/Vostok"],
    ("Central Pacific Standard Time", "AQ"): None,
    ("W. Australia Standard Time", "AQ"): ["Antarctica/Casey"],
    ("Azores Standard Time", "GL"): None,
    ("Greenland Standard Time", "GL"): ["America/Godthab", "America/Scoresbysund"],
    ("Pacific Standard Time", "CA"): None,
    ("US Mountain Standard Time", "CA"): ["America/Creston", "America/Dawson_Creek",
                                          "America/Fort_Nelson", "America/Vancouver"],
    ("Mountain Standard Time", "CA"): ["America/Cambridge_Bay"],
    ("Canada Central Standard Time", "CA"): ["America/Regina", "America/Swift_Current",
                                             "America/Edmonton", "America/Inuvik"],
    ("Central Standard Time", "CA"): ["America/Rankin_Inlet", "America/Resolute"],
    ("SA Pacific Standard Time", "CA"): ["America/Coral_Harbour", "America/Winnipeg"],
    # deprecated zones dropped (CLDR 43-46)
    ("FLE Standard Time", "UA"): ["Europe/Kiev"],
    ("Hawaiian Standard Time", "UM"): None,
    ("Tasmania Standard Time", "AU"): ["Australia/Hobart", "Antarctica/Macquarie"],
    ("Ulaanbaatar Standard Time", "MN"): ["Asia/Ulaanbaatar"],
}

# Metazone mappings are checked from 2023 on; Windows zones, which have no
# history, from the year after the tz release on (the rules now in force).
CHECK_FROM = datetime.datetime(2023, 1, 1, tzinfo=datetime.timezone.utc)
CHECK_TO = datetime.datetime(2041, 1, 1, tzinfo=datetime.timezone.utc)


# ---------------------------------------------------------------------------
# Offsets from a zoneinfo64 resource (as ICU reads it)

class ZoneInfo64:
    def __init__(self, node):
        t = node[1]
        self.names = [n[1] for n in t["Names"][1]]
        self.zones = t["Zones"][1]
        self.rules = {k: v[1] for k, v in t["Rules"][1].items()}
        self.version = t["TZVersion"][1]
        self.index = {n: i for i, n in enumerate(self.names)}
        self._cache = {}

    def is_link(self, name):
        return self.zones[self.index[name]][0] == "int"

    def target(self, name):
        z = self.zones[self.index[name]]
        return self.names[z[1]] if z[0] == "int" else name

    def offsets(self, name):
        """function(unix seconds) -> (raw, dst) as ICU computes it."""
        name = self.target(name)
        if name in self._cache:
            return self._cache[name]
        t = self.zones[self.index[name]][1]
        times = []
        pre = t.get("transPre32", ("intvector", []))[1]
        for i in range(0, len(pre), 2):
            times.append((pre[i] << 32) | (pre[i + 1] & 0xFFFFFFFF))
        times += t.get("trans", ("intvector", []))[1]
        post = t.get("transPost32", ("intvector", []))[1]
        for i in range(0, len(post), 2):
            times.append((post[i] << 32) | (post[i + 1] & 0xFFFFFFFF))
        tmap = list(t["typeMap"][1]) if "typeMap" in t else []
        to = t["typeOffsets"][1]
        types = [(to[i], to[i + 1]) for i in range(0, len(to), 2)]
        final = None
        if "finalRule" in t:
            year = t["finalYear"][1]
            final = (tzif2icu._day_secs(datetime.date(year, 1, 1)), t["finalRaw"][1],
                     self.rules[t["finalRule"][1]])

        def off(x):
            if final and x >= final[0]:
                y = tzif2icu.utc_year(x)
                tr = [p for p in tzif2icu.icu_rule_transitions(final[2], final[1], y - 1, y)
                      if p[0] <= x]
                total = tr[-1][1] if tr else final[1]
                return final[1], total - final[1]
            i = bisect.bisect_right(times, x)
            return types[0] if i == 0 else types[tmap[i - 1]]
        self._cache[name] = off
        return off


def _ts(text):
    return int(datetime.datetime.strptime(text, "%Y-%m-%d %H:%M")
               .replace(tzinfo=datetime.timezone.utc).timestamp())


def _samples(start, end, days=(1, 15)):
    out = []
    y, m = start.year, start.month
    while datetime.datetime(y, m, 1, tzinfo=datetime.timezone.utc) < end:
        for d in days:
            out.append(int(datetime.datetime(y, m, d, tzinfo=datetime.timezone.utc).timestamp()))
        m += 1
        if m == 13:
            y, m = y + 1, 1
    return out


def _key(zone):
    return zone.replace("/", ":")


def _zone(key):
    return key.replace(":", "/")


# ---------------------------------------------------------------------------

def patch_timezone_types(node, zi, old_names, zone_tab, log):
    t = node[1]
    tmap = dict(t["typeMap"][1]["timezone"][1])
    talias = dict(t["typeAlias"][1]["timezone"][1])
    bcp_alias = dict(t["bcpTypeAlias"][1]["tz"][1])

    used_codes = {v[1] for v in tmap.values()} | set(bcp_alias)
    new_zones = sorted(n for n in zi.names if not zi.is_link(n) and n not in old_names)
    invented = {}
    for z in new_zones:
        code = KNOWN_BCP47.get(z)
        if code is None:
            cc = zone_tab.get(z, "zz").lower()
            city = "".join(c for c in z.split("/")[-1].lower() if c.isalpha())
            for i in range(len(city) - 2):
                cand = cc + city[i:i + 3]
                if cand not in used_codes:
                    code = cand
                    break
            if code is None:
                raise ValueError("cannot invent a BCP 47 type for %s" % z)
            invented[z] = code
            log("icumeta: WARNING: no CLDR BCP 47 type known for %s; using invented '%s'"
                % (z, code))
        if code in used_codes:
            raise ValueError("BCP 47 type %s of %s is already used" % (code, z))
        used_codes.add(code)
        tmap[_key(z)] = ("str", code)

    for old, (new, old_code, new_code) in CLDR_DEPRECATED.items():
        have = tmap.pop(_key(old), None)
        if have is not None and have[1] != old_code:
            raise ValueError("%s has BCP 47 type %s, expected %s" % (old, have[1], old_code))
        if tmap.get(_key(new), ("", ""))[1] != new_code:
            raise ValueError("%s should have BCP 47 type %s" % (new, new_code))
        talias[_key(old)] = ("str", new)
        bcp_alias[old_code] = ("str", new_code)
    for alias, target in ALIAS_UPDATES.items():
        talias[_key(alias)] = ("str", target)
    for alias, target in BCP_ALIAS_UPDATES.items():
        bcp_alias[alias] = ("str", target)

    t = dict(t)
    t["typeMap"] = ("table", {"timezone": ("table", tmap)})
    t["typeAlias"] = ("table", {"timezone": ("table", talias)})
    t["bcpTypeAlias"] = ("table", {"tz": ("table", bcp_alias)})
    return ("table", t), new_zones, invented


def canonical_cldr_id(tzid, tmap, talias, zi):
    """ZoneMeta::getCanonicalCLDRID, on our data."""
    k = _key(tzid)
    if k in tmap:
        return tzid
    if k in talias:
        return talias[k][1]
    if tzid not in zi.index:
        return None
    deref = zi.target(tzid)
    return talias.get(_key(deref), ("str", deref))[1]


def check_timezone_types(node, zi, problems):
    t = node[1]
    tmap = t["typeMap"][1]["timezone"][1]
    talias = t["typeAlias"][1]["timezone"][1]
    bcp_alias = t["bcpTypeAlias"][1]["tz"][1]
    codes = {v[1] for v in tmap.values()}
    for k in tmap:
        if _zone(k) not in zi.index:
            problems.append("timezoneTypes: canonical %s is not a zone ID" % _zone(k))
    for k, v in talias.items():
        if _key(v[1]) not in tmap:
            problems.append("timezoneTypes: alias %s -> %s is not canonical" % (_zone(k), v[1]))
    for k, v in bcp_alias.items():
        if v[1] not in codes:
            problems.append("timezoneTypes: bcpTypeAlias %s -> %s unknown" % (k, v[1]))
    unmapped = []
    for name in zi.names:
        c = canonical_cldr_id(name, tmap, talias, zi)
        if c is None or _key(c) not in tmap:
            unmapped.append(name)
    return unmapped


def patch_meta_zones(node, deprecated_ids):
    t = dict(node[1])
    info = dict(t["metazoneInfo"][1])
    for old in deprecated_ids:
        info.pop(_key(old), None)
    for zone, uses in METAZONE_INFO.items():
        arr = []
        for mz, frm, to in uses:
            if frm is None and to is None:
                arr.append(("array", [("str", mz)]))
            else:
                arr.append(("array", [("str", mz), ("str", frm or "1970-01-01 00:00"),
                                      ("str", to or "9999-12-31 23:59")]))
        info[_key(zone)] = ("array", arr)
    t["metazoneInfo"] = ("table", info)
    maps = dict(t["mapTimezones"][1])
    ids = dict(t["metazoneIds"][1])
    for mz, (short, ref) in NEW_METAZONES.items():
        maps[mz] = ("table", {"001": ("str", ref)})
        ids[short] = ("str", mz)
    t["mapTimezones"] = ("table", maps)
    t["metazoneIds"] = ("table", ids)
    return ("table", t)


def _mz_uses(entry):
    out = []
    for a in entry[1]:
        v = [x[1] for x in a[1]]
        if len(v) == 1:
            out.append((v[0], -(1 << 62), 1 << 62))
        else:
            out.append((v[0], _ts(v[1]), _ts(v[2])))
    return out


def check_meta_zones(node, old_node, zi, old_zi, tmap, problems):
    info = node[1]["metazoneInfo"][1]
    old_info = old_node[1]["metazoneInfo"][1]
    maps = node[1]["mapTimezones"][1]
    samples = _samples(CHECK_FROM, CHECK_TO)
    for key in sorted(info):
        zone = _zone(key)
        if key not in tmap:
            problems.append("metaZones: %s is not a canonical zone" % zone)
            continue
        if zone not in zi.index:
            problems.append("metaZones: %s unknown" % zone)
            continue
        uses = _mz_uses(info[key])
        old_uses = _mz_uses(old_info[key]) if key in old_info else None
        off = zi.offsets(zone)
        for t in samples:
            cur = [u[0] for u in uses if u[1] <= t < u[2]]
            if not cur:
                continue
            mz = cur[0]
            if mz not in maps:
                problems.append("metaZones: %s uses unknown metazone %s" % (zone, mz))
                break
            ref = maps[mz][1]["001"][1]
            if off(t)[0] != zi.offsets(ref)(t)[0]:
                problems.append("metaZones: %s at %s: standard offset %d but metazone %s "
                                "(%s) has %d" % (zone, _iso(t), off(t)[0], mz, ref,
                                                 zi.offsets(ref)(t)[0]))
                break
            # a zone whose standard offset changed while keeping ICU 72's
            # metazone must have been reviewed
            if zone in METAZONE_INFO or zone in METAZONE_KEPT or old_uses is None:
                continue
            if old_zi is not None and zone in old_zi.index and \
                    old_zi.offsets(zone)(t)[0] != off(t)[0]:
                problems.append("metaZones: %s at %s: standard offset changed from %d to %d "
                                "but metazone %s was kept; review"
                                % (zone, _iso(t), old_zi.offsets(zone)(t)[0], off(t)[0], mz))
                break


def _iso(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%d")


def patch_windows_zones(node):
    t = dict(node[1])
    maps = {k: dict(v[1]) for k, v in t["mapTimezones"][1].items()}
    for (wid, region), zones in WINDOWS_EDITS.items():
        if wid not in maps:
            raise ValueError("windowsZones: no Windows zone %r" % wid)
        if zones is None:
            if region not in maps[wid]:
                raise ValueError("windowsZones: %r has no %s entry" % (wid, region))
            del maps[wid][region]
        else:
            maps[wid][region] = ("str", " ".join(zones))
    t["mapTimezones"] = ("table", {k: ("table", v) for k, v in maps.items()})
    return ("table", t)


def check_windows_zones(node, zi, tmap, talias, problems):
    maps = node[1]["mapTimezones"][1]
    year = int(zi.version[:4]) + 1
    samples = _samples(datetime.datetime(year, 1, 1, tzinfo=datetime.timezone.utc), CHECK_TO)
    seen = {}
    for wid in sorted(maps):
        regions = maps[wid][1]
        ref = regions["001"][1]
        ref_off = [sum(zi.offsets(ref)(t)) for t in samples]
        for region, v in sorted(regions.items()):
            for z in v[1].split():
                if z not in zi.index:
                    problems.append("windowsZones: %s/%s: unknown zone %s" % (wid, region, z))
                    continue
                if region != "001" and region != "ZZ" and _key(z) not in tmap:
                    problems.append("windowsZones: %s/%s: %s is not a canonical zone"
                                    % (wid, region, z))
                if region != "001":
                    if z in seen and region != "ZZ":
                        problems.append("windowsZones: %s listed under %s and %s" % (z, seen[z], wid))
                    seen[z] = wid
                got = [sum(zi.offsets(z)(t)) for t in samples]
                bad = [t for t, a, b in zip(samples, got, ref_off) if a != b]
                if bad:
                    problems.append("windowsZones: %s/%s: %s differs from %s at %s"
                                    % (wid, region, z, ref, _iso(bad[0])))


def main(argv=None):
    ap = argparse.ArgumentParser(description="update ICU zone metadata for a new tz release")
    ap.add_argument("--base", required=True,
                    help="directory with derb dumps of ICU's own metaZones.txt, "
                         "timezoneTypes.txt, windowsZones.txt and zoneinfo64.txt")
    ap.add_argument("--zoneinfo64", required=True,
                    help="derb dump of the new zoneinfo64.res")
    ap.add_argument("--zoneinfo", required=True, help="TZif tree (for zone.tab)")
    ap.add_argument("--outdir", required=True)
    ap.add_argument("--new-zones-out", help="write the list of new canonical zones here")
    args = ap.parse_args(argv)

    def load(path):
        with open(path, encoding="utf-8") as f:
            return icures.parse_derb(f.read())

    _, new_zi_node = load(args.zoneinfo64)
    zi = ZoneInfo64(new_zi_node)
    _, old_zi_node = load(os.path.join(args.base, "zoneinfo64.txt"))
    old_zi = ZoneInfo64(old_zi_node)
    zone_tab = tzif2icu.read_zone_tab(os.path.join(args.zoneinfo, "zone.tab"))
    problems = []

    _, tt = load(os.path.join(args.base, "timezoneTypes.txt"))
    tt, new_zones, invented = patch_timezone_types(tt, zi, set(old_zi.names), zone_tab, print)
    tmap = tt[1]["typeMap"][1]["timezone"][1]
    talias = tt[1]["typeAlias"][1]["timezone"][1]
    unmapped = check_timezone_types(tt, zi, problems)
    for name in unmapped:
        if not name.startswith("SystemV/"):
            problems.append("timezoneTypes: %s has no canonical CLDR zone" % name)

    _, mz_old = load(os.path.join(args.base, "metaZones.txt"))
    mz = patch_meta_zones(mz_old, list(CLDR_DEPRECATED))
    for z in new_zones:
        if _key(z) not in mz[1]["metazoneInfo"][1]:
            problems.append("metaZones: new zone %s has no metazone mapping" % z)
    check_meta_zones(mz, mz_old, zi, old_zi, tmap, problems)

    _, wz = load(os.path.join(args.base, "windowsZones.txt"))
    wz = patch_windows_zones(wz)
    check_windows_zones(wz, zi, tmap, talias, problems)

    if problems:
        for p in problems:
            print("icumeta: ERROR: " + p)
        return 1

    header = ["%s for ICU 72: CLDR 42's data as shipped with ICU 72, updated for tz %s",
              "by TZData/icumeta.py -- do not edit."]
    for name, node in (("timezoneTypes", tt), ("metaZones", mz), ("windowsZones", wz)):
        text = icures.write_genrb(name, node, [header[0] % (name, zi.version), header[1]])
        with open(os.path.join(args.outdir, name + ".txt"), "w", encoding="ascii",
                  newline="\n") as f:
            f.write(text)
    if args.new_zones_out:
        with open(args.new_zones_out, "w") as f:
            f.write("".join(z + "\n" for z in new_zones))
    print("icumeta: new canonical zones: %s" % ", ".join(
        "%s (%s%s)" % (z, tmap[_key(z)][1], ", invented" if z in invented else "")
        for z in new_zones))
    print("icumeta: %d metazone mappings replaced, %d Windows mappings edited, "
          "%d deprecated zones aliased" % (len(METAZONE_INFO), len(WINDOWS_EDITS),
                                           len(CLDR_DEPRECATED)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
