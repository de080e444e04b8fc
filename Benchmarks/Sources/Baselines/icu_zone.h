// Shared by icu_calendar.c and icu_timezone.cpp; not part of the public header.
#ifndef TALKPLAN_BENCHMARK_ICU_ZONE_H
#define TALKPLAN_BENCHMARK_ICU_ZONE_H

#include <unicode/ucal.h>

#ifdef __cplusplus
extern "C" {
#endif

struct baseline_icu_zone {
    UCalendar *calendar;  ///< ucal_open(zone, ..., UCAL_GREGORIAN)
    void *timezone;       ///< icu::BasicTimeZone *, owned
};

/// icu::TimeZone::createTimeZone(zone) as a BasicTimeZone; NULL when unknown.
void *baseline_icu_timezone_open(const char *zone);
void baseline_icu_timezone_close(void *timezone);

#ifdef __cplusplus
}
#endif

#endif
