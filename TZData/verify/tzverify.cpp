// tzverify: answers time-zone questions with ICU, using the zone resources
// of a given directory.  Driven by verify.py, which compares the answers with
// Python's zoneinfo reading the same TZif files.
//
// Usage: tzverify <dir-with-zoneinfo64.res>
// Reads commands from stdin, one per line, answers one line each:
//   VERSION                 -> "VERSION <ucal_getTZDataVersion()>"
//   CANON <id>              -> "CANON <id> OK <canonical> <isSystemID>"
//                              | "CANON <id> ERR <error name>"
//   OFF <id> <t> <t> ...    -> "OFF <id> <resolvedID> <raw>/<dst> ..."
//                              (t in Unix seconds, offsets in seconds,
//                               from TimeZone::getOffset(date, false, ...))
//                              | "OFF <id> UNKNOWN"
//   TRANS <id> <from> <to>  -> "TRANS <id> <t>:<before>:<after> ..."
//                              (BasicTimeZone::getNextTransition, total
//                               offsets in seconds, from <= t < to)
//   EQUIV <id>              -> "EQUIV <id> <n> <id0> <id1> ..."
//   LOCAL <id> <y,m,d,h,mi,s> ...
//                           -> "LOCAL <id> <utc seconds> ..." (Calendar field
//                              set/get; repeated wall time: first
//                              occurrence, skipped: offset before the gap)
//   BCP47 <id>              -> "BCP47 <id> <type>" (uloc_toUnicodeLocaleType)
//   WIN <id>                -> "WIN <id> <Windows ID>" (ucal_getWindowsTimeZoneID)
//   MZ <id> <t>             -> "MZ <id> <metazone>" (TimeZoneNames, at time t)
//   FMT <id> <t>            -> "FMT <id> <text>" (English "zzzz" at time t)
//
// u_setTimeZoneFilesDirectory() is called before anything touches a zone.

#include <unicode/basictz.h>
#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/tznames.h>
#include <unicode/uloc.h>
#include <unicode/timezone.h>
#include <unicode/tzrule.h>
#include <unicode/tztrans.h>
#include <unicode/ucal.h>
#include <unicode/putil.h>
#include <unicode/uclean.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using icu::BasicTimeZone;
using icu::TimeZone;
using icu::TimeZoneTransition;
using icu::UnicodeString;

static std::string utf8(const UnicodeString &u) {
    std::string s;
    u.toUTF8String(s);
    return s;
}

static std::unique_ptr<TimeZone> openZone(const std::string &id) {
    std::unique_ptr<TimeZone> tz(TimeZone::createTimeZone(UnicodeString::fromUTF8(id)));
    UnicodeString got;
    tz->getID(got);
    if (utf8(got) != id || (id != "Etc/Unknown" && *tz == TimeZone::getUnknown())) {
        return nullptr;
    }
    return tz;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s <zone resource directory>\n", argv[0]);
        return 2;
    }
    UErrorCode status = U_ZERO_ERROR;
    // Must precede every use of a time zone: ICU caches zone data.
    u_setTimeZoneFilesDirectory(argv[1], &status);
    if (U_FAILURE(status)) {
        std::fprintf(stderr, "u_setTimeZoneFilesDirectory: %s\n", u_errorName(status));
        return 1;
    }

    std::ios::sync_with_stdio(false);
    std::string line;
    while (std::getline(std::cin, line)) {
        std::istringstream in(line);
        std::string cmd, id;
        in >> cmd;
        std::ostringstream out;
        if (cmd == "VERSION") {
            UErrorCode st = U_ZERO_ERROR;
            const char *v = ucal_getTZDataVersion(&st);
            out << "VERSION " << (U_SUCCESS(st) ? v : u_errorName(st));
        } else if (cmd == "CANON") {
            in >> id;
            UErrorCode st = U_ZERO_ERROR;
            UnicodeString canon;
            UBool isSystem = false;
            TimeZone::getCanonicalID(UnicodeString::fromUTF8(id), canon, isSystem, st);
            if (U_FAILURE(st)) {
                out << "CANON " << id << " ERR " << u_errorName(st);
            } else {
                out << "CANON " << id << " OK " << utf8(canon) << " " << (isSystem ? 1 : 0);
            }
        } else if (cmd == "OFF") {
            in >> id;
            std::unique_ptr<TimeZone> tz = openZone(id);
            out << "OFF " << id;
            if (!tz) {
                out << " UNKNOWN";
            } else {
                out << " " << id;
                long long t;
                while (in >> t) {
                    int32_t raw = 0, dst = 0;
                    UErrorCode st = U_ZERO_ERROR;
                    tz->getOffset((UDate)t * 1000.0, false, raw, dst, st);
                    if (U_FAILURE(st)) {
                        out << " ERR";
                    } else {
                        out << " " << raw / 1000 << "/" << dst / 1000;
                    }
                }
            }
        } else if (cmd == "TRANS") {
            long long from, to;
            in >> id >> from >> to;
            std::unique_ptr<TimeZone> tz = openZone(id);
            out << "TRANS " << id;
            BasicTimeZone *btz = tz ? dynamic_cast<BasicTimeZone *>(tz.get()) : nullptr;
            if (!btz) {
                out << " UNKNOWN";
            } else {
                UDate base = (UDate)from * 1000.0;
                bool inclusive = true;
                TimeZoneTransition tr;
                while (btz->getNextTransition(base, inclusive, tr)) {
                    UDate t = tr.getTime();
                    if (t >= (UDate)to * 1000.0) break;
                    const icu::TimeZoneRule *a = tr.getFrom();
                    const icu::TimeZoneRule *b = tr.getTo();
                    long long secs = (long long)std::floor(t / 1000.0);
                    out << " " << secs << ":" << (a->getRawOffset() + a->getDSTSavings()) / 1000
                        << ":" << (b->getRawOffset() + b->getDSTSavings()) / 1000;
                    base = t;
                    inclusive = false;
                }
            }
        } else if (cmd == "EQUIV") {
            in >> id;
            UnicodeString uid = UnicodeString::fromUTF8(id);
            int32_t n = TimeZone::countEquivalentIDs(uid);
            out << "EQUIV " << id << " " << n;
            for (int32_t i = 0; i < n; i++) {
                out << " " << utf8(TimeZone::getEquivalentID(uid, i));
            }
        } else if (cmd == "LOCAL") {
            in >> id;
            std::unique_ptr<TimeZone> tz = openZone(id);
            out << "LOCAL " << id;
            UErrorCode st = U_ZERO_ERROR;
            std::unique_ptr<icu::Calendar> cal(
                tz ? icu::Calendar::createInstance(tz->clone(), icu::Locale::getRoot(), st)
                   : nullptr);
            if (!cal || U_FAILURE(st)) {
                out << " UNKNOWN";
            } else {
                cal->setRepeatedWallTimeOption(UCAL_WALLTIME_FIRST);
                cal->setSkippedWallTimeOption(UCAL_WALLTIME_LAST);
                std::string f;
                while (in >> f) {
                    int y, mo, d, h, mi, sec;
                    if (std::sscanf(f.c_str(), "%d,%d,%d,%d,%d,%d", &y, &mo, &d, &h, &mi, &sec) != 6) {
                        out << " ERR";
                        continue;
                    }
                    cal->clear();
                    cal->set(y, mo - 1, d, h, mi, sec);
                    UErrorCode st2 = U_ZERO_ERROR;
                    UDate t = cal->getTime(st2);
                    if (U_FAILURE(st2)) {
                        out << " ERR";
                    } else {
                        out << " " << (long long)std::floor(t / 1000.0);
                    }
                }
            }
        } else if (cmd == "BCP47") {
            in >> id;
            const char *t = uloc_toUnicodeLocaleType("timezone", id.c_str());
            out << "BCP47 " << id << " " << (t ? t : "-");
        } else if (cmd == "WIN") {
            in >> id;
            UChar buf[128];
            UErrorCode st = U_ZERO_ERROR;
            UnicodeString uid = UnicodeString::fromUTF8(id);
            int32_t n = ucal_getWindowsTimeZoneID(uid.getBuffer(), uid.length(), buf, 128, &st);
            out << "WIN " << id << " "
                << (U_SUCCESS(st) && n > 0 ? utf8(UnicodeString(buf, n)) : std::string("-"));
        } else if (cmd == "MZ") {
            long long t;
            in >> id >> t;
            UErrorCode st = U_ZERO_ERROR;
            std::unique_ptr<icu::TimeZoneNames> names(
                icu::TimeZoneNames::createInstance(icu::Locale::getEnglish(), st));
            UnicodeString canon, mz;
            UBool isSystem = false;
            TimeZone::getCanonicalID(UnicodeString::fromUTF8(id), canon, isSystem, st);
            if (U_SUCCESS(st)) names->getMetaZoneID(canon, (UDate)t * 1000.0, mz);
            out << "MZ " << id << " " << (U_SUCCESS(st) && !mz.isEmpty() ? utf8(mz) : "-");
        } else if (cmd == "FMT") {
            long long t;
            in >> id >> t;
            UErrorCode st = U_ZERO_ERROR;
            icu::SimpleDateFormat fmt(UnicodeString("zzzz"), icu::Locale::getEnglish(), st);
            fmt.adoptTimeZone(TimeZone::createTimeZone(UnicodeString::fromUTF8(id)));
            UnicodeString text;
            fmt.format((UDate)t * 1000.0, text);
            out << "FMT " << id << " " << (U_SUCCESS(st) ? utf8(text) : u_errorName(st));
        } else if (cmd.empty()) {
            continue;
        } else {
            out << "ERROR unknown command " << cmd;
        }
        std::cout << out.str() << "\n";
    }
    std::cout.flush();
    u_cleanup();
    return 0;
}
