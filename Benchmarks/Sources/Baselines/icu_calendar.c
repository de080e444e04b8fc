// ICU's C calendar API, used the way a C program converts one instant at a time.
#include "baselines.h"
#include "icu_zone.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/putil.h>
#include <unicode/ustring.h>

int baseline_icu_set_tz_directory(const char *path) {
    UErrorCode status = U_ZERO_ERROR;
    u_setTimeZoneFilesDirectory(path, &status);
    return U_FAILURE(status) ? (int)status : 0;
}

const char *baseline_icu_tz_version(void) {
    UErrorCode status = U_ZERO_ERROR;
    const char *version = ucal_getTZDataVersion(&status);
    return U_FAILURE(status) ? "unknown" : version;
}

baseline_icu_zone *baseline_icu_open(const char *zone) {
    UChar id[128];
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    u_strFromUTF8(id, 128, &length, zone, -1, &status);
    if (U_FAILURE(status) || length >= 128) return NULL;
    void *timezone = baseline_icu_timezone_open(zone);
    if (timezone == NULL) return NULL;
    UCalendar *calendar = ucal_open(id, length, "en_US_POSIX", UCAL_GREGORIAN, &status);
    if (U_FAILURE(status)) {
        baseline_icu_timezone_close(timezone);
        return NULL;
    }
    // A proleptic Gregorian calendar, like talkplan's (irrelevant from 1970 on, but exact).
    ucal_setGregorianChange(calendar, -8.64e15, &status);
    // Temporal's "compatible": the earlier instant in a fold, moved forward in a gap.
    ucal_setAttribute(calendar, UCAL_REPEATED_WALL_TIME, UCAL_WALLTIME_FIRST);
    ucal_setAttribute(calendar, UCAL_SKIPPED_WALL_TIME, UCAL_WALLTIME_LAST);
    baseline_icu_zone *result = malloc(sizeof *result);
    if (result == NULL) {
        ucal_close(calendar);
        baseline_icu_timezone_close(timezone);
        return NULL;
    }
    result->calendar = calendar;
    result->timezone = timezone;
    return result;
}

void baseline_icu_close(baseline_icu_zone *zone) {
    if (zone == NULL) return;
    ucal_close(zone->calendar);
    baseline_icu_timezone_close(zone->timezone);
    free(zone);
}

/// ICU's DAY_OF_WEEK (1 = Sunday ... 7 = Saturday) as ISO (1 = Monday ... 7 = Sunday).
static inline uint8_t iso_weekday(int32_t day_of_week) { return (uint8_t)((day_of_week + 5) % 7 + 1); }

void baseline_icu_civil(baseline_icu_zone *zone, const int64_t *seconds, size_t count, baseline_civil *out) {
    UCalendar *calendar = zone->calendar;
    UErrorCode status = U_ZERO_ERROR;
    for (size_t i = 0; i < count; i++) {
        ucal_setMillis(calendar, (UDate)seconds[i] * 1000.0, &status);
        baseline_civil fields;
        fields.year = ucal_get(calendar, UCAL_YEAR, &status);
        fields.month = (uint8_t)(ucal_get(calendar, UCAL_MONTH, &status) + 1);
        fields.day = (uint8_t)ucal_get(calendar, UCAL_DATE, &status);
        fields.hour = (uint8_t)ucal_get(calendar, UCAL_HOUR_OF_DAY, &status);
        fields.minute = (uint8_t)ucal_get(calendar, UCAL_MINUTE, &status);
        fields.second = (uint8_t)ucal_get(calendar, UCAL_SECOND, &status);
        fields.weekday = iso_weekday(ucal_get(calendar, UCAL_DAY_OF_WEEK, &status));
        fields.offset = (ucal_get(calendar, UCAL_ZONE_OFFSET, &status) + ucal_get(calendar, UCAL_DST_OFFSET, &status)) / 1000;
        out[i] = fields;
    }
}

void baseline_icu_offsets(baseline_icu_zone *zone, const int64_t *seconds, size_t count, int32_t *out) {
    UCalendar *calendar = zone->calendar;
    UErrorCode status = U_ZERO_ERROR;
    for (size_t i = 0; i < count; i++) {
        ucal_setMillis(calendar, (UDate)seconds[i] * 1000.0, &status);
        out[i] = (ucal_get(calendar, UCAL_ZONE_OFFSET, &status) + ucal_get(calendar, UCAL_DST_OFFSET, &status)) / 1000;
    }
}

void baseline_icu_instants(baseline_icu_zone *zone, const baseline_civil *wall, size_t count, int64_t *out) {
    UCalendar *calendar = zone->calendar;
    UErrorCode status = U_ZERO_ERROR;
    for (size_t i = 0; i < count; i++) {
        const baseline_civil *w = &wall[i];
        ucal_clear(calendar);
        ucal_setDateTime(calendar, w->year, w->month - 1, w->day, w->hour, w->minute, w->second, &status);
        UDate millis = ucal_getMillis(calendar, &status);
        out[i] = (int64_t)(millis / 1000.0);
    }
}
