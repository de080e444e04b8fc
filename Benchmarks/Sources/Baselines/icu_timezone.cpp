// ICU's C++ time zone API (BasicTimeZone), without a calendar: the fastest per-instant ICU path.
#include "baselines.h"
#include "icu_zone.h"

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

using icu::BasicTimeZone;
using icu::TimeZone;
using icu::UnicodeString;

extern "C" void *baseline_icu_timezone_open(const char *zone) {
    TimeZone *timezone = TimeZone::createTimeZone(UnicodeString::fromUTF8(zone));
    UnicodeString id;
    if (timezone == nullptr || timezone->getID(id) == UnicodeString(u"Etc/Unknown")) {
        delete timezone;
        return nullptr;
    }
    BasicTimeZone *basic = dynamic_cast<BasicTimeZone *>(timezone);
    if (basic == nullptr) {
        delete timezone;
        return nullptr;
    }
    return basic;
}

extern "C" void baseline_icu_timezone_close(void *timezone) {
    delete static_cast<BasicTimeZone *>(timezone);
}

extern "C" void baseline_icu_tz_offsets(baseline_icu_zone *zone, const int64_t *seconds, size_t count, int32_t *out) {
    const BasicTimeZone *timezone = static_cast<const BasicTimeZone *>(zone->timezone);
    UErrorCode status = U_ZERO_ERROR;
    for (size_t i = 0; i < count; i++) {
        int32_t raw = 0, dst = 0;
        timezone->getOffset((UDate)seconds[i] * 1000.0, false, raw, dst, status);
        out[i] = (raw + dst) / 1000;
    }
}

extern "C" void baseline_icu_tz_instants(baseline_icu_zone *zone, const int64_t *local, size_t count, int64_t *out) {
    const BasicTimeZone *timezone = static_cast<const BasicTimeZone *>(zone->timezone);
    UErrorCode status = U_ZERO_ERROR;
    for (size_t i = 0; i < count; i++) {
        int32_t raw = 0, dst = 0;
        timezone->getOffsetFromLocal((UDate)local[i] * 1000.0, UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER, raw, dst, status);
        out[i] = local[i] - (raw + dst) / 1000;
    }
}
