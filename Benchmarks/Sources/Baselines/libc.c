// glibc: the process time zone (TZ, tzset) and the standard C conversions.
#define _GNU_SOURCE
#include "baselines.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void baseline_libc_set_zone(const char *zone) {
    setenv("TZ", zone, 1);
    tzset();
}

static inline uint8_t iso_weekday(int wday) { return (uint8_t)(wday == 0 ? 7 : wday); }

void baseline_libc_civil(const int64_t *seconds, size_t count, baseline_civil *out) {
    for (size_t i = 0; i < count; i++) {
        time_t t = (time_t)seconds[i];
        struct tm tm;
        localtime_r(&t, &tm);
        baseline_civil fields;
        fields.year = tm.tm_year + 1900;
        fields.month = (uint8_t)(tm.tm_mon + 1);
        fields.day = (uint8_t)tm.tm_mday;
        fields.hour = (uint8_t)tm.tm_hour;
        fields.minute = (uint8_t)tm.tm_min;
        fields.second = (uint8_t)tm.tm_sec;
        fields.weekday = iso_weekday(tm.tm_wday);
        fields.offset = (int32_t)tm.tm_gmtoff;
        out[i] = fields;
    }
}

void baseline_libc_offsets(const int64_t *seconds, size_t count, int32_t *out) {
    for (size_t i = 0; i < count; i++) {
        time_t t = (time_t)seconds[i];
        struct tm tm;
        localtime_r(&t, &tm);
        out[i] = (int32_t)tm.tm_gmtoff;
    }
}

void baseline_libc_instants(const baseline_civil *wall, size_t count, int64_t *out) {
    for (size_t i = 0; i < count; i++) {
        const baseline_civil *w = &wall[i];
        struct tm tm;
        memset(&tm, 0, sizeof tm);
        tm.tm_year = w->year - 1900;
        tm.tm_mon = w->month - 1;
        tm.tm_mday = w->day;
        tm.tm_hour = w->hour;
        tm.tm_min = w->minute;
        tm.tm_sec = w->second;
        tm.tm_isdst = -1;
        out[i] = (int64_t)mktime(&tm);
    }
}

size_t baseline_libc_parse(const char *records, size_t stride, size_t count, int64_t *out) {
    size_t failed = 0;
    for (size_t i = 0; i < count; i++) {
        struct tm tm;
        memset(&tm, 0, sizeof tm);
        const char *end = strptime(records + i * stride, "%Y-%m-%dT%H:%M:%SZ", &tm);
        if (end == NULL) {
            out[i] = INT64_MIN;
            failed++;
        } else {
            out[i] = (int64_t)timegm(&tm);
        }
    }
    return failed;
}

size_t baseline_libc_format(const int64_t *seconds, const int32_t *offsets, size_t count, char *out, size_t stride) {
    size_t total = 0;
    for (size_t i = 0; i < count; i++) {
        time_t local = (time_t)(seconds[i] + offsets[i]);
        struct tm tm;
        gmtime_r(&local, &tm);
        char *record = out + i * stride;
        size_t n = strftime(record, stride, "%Y-%m-%dT%H:%M:%S", &tm);
        int32_t offset = offsets[i];
        int32_t magnitude = offset < 0 ? -offset : offset;
        record[n] = offset < 0 ? '-' : '+';
        record[n + 1] = (char)('0' + magnitude / 36000);
        record[n + 2] = (char)('0' + magnitude / 3600 % 10);
        record[n + 3] = ':';
        record[n + 4] = (char)('0' + magnitude / 600 % 6);
        record[n + 5] = (char)('0' + magnitude / 60 % 10);
        total += n + 6;
    }
    return total;
}
