// Baselines for the talkplan benchmarks: the ways people convert times without
// talkplan, each run over whole buffers so that a benchmark measures the
// conversions and not the call from Swift.
//
// Plain C types only. ICU headers are included by the .c/.cpp files of this
// target, never by this header, so the Swift benchmarks that import it (and
// Foundation, which carries its own ICU) never see ICU's types.
//
// Conventions: instants are epoch seconds (int64_t); wall times are "local
// epoch seconds" (the wall time read as if it were UTC) or `baseline_civil`
// fields; offsets are seconds east of UTC. Every function returns or writes
// its results so that no conversion can be optimised away.
#ifndef TALKPLAN_BENCHMARK_BASELINES_H
#define TALKPLAN_BENCHMARK_BASELINES_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Civil fields of a wall time: the same 16-byte layout as TalkplanTime's `CivilFields`.
typedef struct {
    int32_t year;
    uint8_t month;    ///< 1...12
    uint8_t day;      ///< 1...31
    uint8_t hour;
    uint8_t minute;
    uint8_t second;
    uint8_t weekday;  ///< ISO: 1 = Monday ... 7 = Sunday
    int32_t offset;   ///< seconds east of UTC
} baseline_civil;

// MARK: - ICU 72, C API (ucal), one calendar per zone, one call sequence per instant

/// `u_setTimeZoneFilesDirectory(path)`: must run before ICU opens any zone, or ICU uses
/// its built-in (2022e) data. Returns 0 on success, else the ICU error code.
int baseline_icu_set_tz_directory(const char *path);

/// `ucal_getTZDataVersion`: the tz version ICU actually uses (a static string).
const char *baseline_icu_tz_version(void);

/// A zone opened once: a Gregorian `UCalendar` (`ucal_open`) and an ICU `BasicTimeZone`.
typedef struct baseline_icu_zone baseline_icu_zone;

/// Opens `zone` (an IANA ID); NULL when ICU does not know it (ICU maps unknown IDs to
/// "Etc/Unknown", which is refused here).
baseline_icu_zone *baseline_icu_open(const char *zone);
void baseline_icu_close(baseline_icu_zone *zone);

/// Per instant: `ucal_setMillis`, then `ucal_get` of YEAR, MONTH, DATE, HOUR_OF_DAY,
/// MINUTE, SECOND, DAY_OF_WEEK, ZONE_OFFSET and DST_OFFSET.
void baseline_icu_civil(baseline_icu_zone *zone, const int64_t *seconds, size_t count, baseline_civil *out);

/// Per instant: `ucal_setMillis`, then `ucal_get` of ZONE_OFFSET and DST_OFFSET.
void baseline_icu_offsets(baseline_icu_zone *zone, const int64_t *seconds, size_t count, int32_t *out);

/// Per instant: ICU C++ `TimeZone::getOffset(date, false, raw, dst, status)` on the zone's
/// `BasicTimeZone`, without a calendar: the fastest way ICU answers an offset.
void baseline_icu_tz_offsets(baseline_icu_zone *zone, const int64_t *seconds, size_t count, int32_t *out);

/// Wall time to instant per wall time: `ucal_clear`, `ucal_setDateTime`, `ucal_getMillis`, with
/// `UCAL_REPEATED_WALL_TIME` = `UCAL_WALLTIME_FIRST` and `UCAL_SKIPPED_WALL_TIME` =
/// `UCAL_WALLTIME_LAST`, i.e. Temporal's "compatible" disambiguation.
void baseline_icu_instants(baseline_icu_zone *zone, const baseline_civil *wall, size_t count, int64_t *out);

/// Wall time (local epoch seconds) to instant: ICU C++
/// `BasicTimeZone::getOffsetFromLocal(local, UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER, ...)`
/// ("compatible" as well).
void baseline_icu_tz_instants(baseline_icu_zone *zone, const int64_t *local, size_t count, int64_t *out);

// MARK: - glibc: TZ set with setenv + tzset, then localtime_r / mktime

/// `setenv("TZ", zone, 1)` and `tzset()`. glibc reads /usr/share/zoneinfo (the system's tz data).
void baseline_libc_set_zone(const char *zone);

/// Per instant: `localtime_r`; the offset is `tm_gmtoff`.
void baseline_libc_civil(const int64_t *seconds, size_t count, baseline_civil *out);

/// Per instant: `localtime_r`, keeping only `tm_gmtoff`.
void baseline_libc_offsets(const int64_t *seconds, size_t count, int32_t *out);

/// Per wall time: `mktime` with `tm_isdst = -1` (glibc picks an offset in gaps and folds by
/// its own rules; see README).
void baseline_libc_instants(const baseline_civil *wall, size_t count, int64_t *out);

// MARK: - glibc text: strptime + timegm, gmtime_r/localtime_r + strftime

/// Parses `count` records of `stride` bytes, each starting with `YYYY-MM-DDTHH:MM:SSZ`:
/// `strptime(record, "%Y-%m-%dT%H:%M:%SZ", &tm)` then `timegm`. The records must be NUL- or
/// newline-terminated within `stride` (strptime reads C strings). Returns how many failed.
size_t baseline_libc_parse(const char *records, size_t stride, size_t count, int64_t *out);

/// Writes `YYYY-MM-DDTHH:MM:SS±HH:MM` for each instant seen with `offsets[i]`: `gmtime_r` of
/// `seconds[i] + offsets[i]`, `strftime("%Y-%m-%dT%H:%M:%S")` and the offset by hand, into
/// records of `stride` (>= 26) bytes. Returns the bytes written in all.
size_t baseline_libc_format(const int64_t *seconds, const int32_t *offsets, size_t count, char *out, size_t stride);

#ifdef __cplusplus
}
#endif

#endif
