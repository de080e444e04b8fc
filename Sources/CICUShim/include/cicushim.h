/*
 * cicushim.h — talkplan's plain-C bridge to ICU.
 *
 * This header is the whole surface Swift sees. It uses plain C types only
 * (opaque handles, `char *` UTF-8 strings, integers and doubles), so that no
 * ICU header is ever imported into a Swift module: Foundation carries its own
 * ICU, and the two sets of declarations cannot meet in one module.
 *
 * Conventions
 * - Strings in and out are UTF-8. Functions that produce a string write it,
 *   NUL-terminated, into `buffer` (capacity `capacity` bytes) and return the
 *   string's length in bytes without the NUL. When the return value is
 *   >= `capacity` the buffer was too small and nothing useful was written:
 *   call again with a larger buffer (ICU's "preflighting" convention).
 *   Lists are written as NUL-separated strings, the return value counting
 *   every byte including the separators.
 * - A negative return value is one of the `TPICU_E_*` codes below.
 * - Instants are milliseconds since 1970-01-01T00:00:00Z as `double` (ICU's
 *   `UDate`); offsets are milliseconds.
 * - Every function is safe to call from several threads at once.
 */
#ifndef CICUSHIM_H
#define CICUSHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Error codes (always negative). */
enum {
    TPICU_E_UNKNOWN_ZONE = -1,   /* the zone ID is not a zone of the tz database */
    TPICU_E_NOT_FOUND = -2,      /* no such name, mapping or locale data */
    TPICU_E_ICU = -3,            /* ICU reported a failure */
    TPICU_E_ARGUMENT = -4,       /* an argument is out of range */
    TPICU_E_TOO_LATE = -5        /* zone data was already in use */
};

/* ---- tz data -------------------------------------------------------- */

/* One zone resource compiled into the library (see TZData/). */
typedef struct tpicu_resource {
    const char *name;            /* e.g. "zoneinfo64.res" */
    const unsigned char *bytes;
    size_t length;
} tpicu_resource;

/* The zone resources embedded at build time from TZData/, and how many. */
const tpicu_resource *tpicu_embedded_resources(size_t *count);

/* The tz version recorded in TZData/VERSION at build time, e.g. "2026f";
   empty when no data was embedded. */
const char *tpicu_embedded_tz_version(void);

/* The release's zone.tab (TSV: country, coordinates, zone ID, comment),
   NUL-terminated; empty when no data was embedded. */
const char *tpicu_embedded_zone_tab(void);

/* Points ICU at a directory of zone resources (zoneinfo64.res, ...).
   Calls `u_setTimeZoneFilesDirectory`. Must precede every other zone call;
   returns TPICU_E_TOO_LATE when a zone was already used. */
int32_t tpicu_set_tz_files_directory(const char *directory);

/* The tz database version ICU is using, e.g. "2026f".
   Calls `ucal_getTZDataVersion`. */
int32_t tpicu_tz_data_version(char *buffer, int32_t capacity);

/* ---- zones ----------------------------------------------------------- */

typedef struct tpicu_zone tpicu_zone;

/* Opens a zone by tz database ID (canonical or alias). Unknown IDs — which
   ICU would silently turn into a GMT zone — give NULL and
   *status = TPICU_E_UNKNOWN_ZONE. Calls `TimeZone::getCanonicalID` (to
   reject unknown IDs) and `TimeZone::createTimeZone`. */
tpicu_zone *tpicu_zone_open(const char *zone_id, int32_t *status);

/* Releases a zone. */
void tpicu_zone_close(tpicu_zone *zone);

/* Total UTC offset (raw + daylight) in milliseconds at an instant, with the
   raw and daylight parts. Calls `TimeZone::getOffset(date, FALSE, ...)`. */
int32_t tpicu_zone_offset_at(const tpicu_zone *zone, double utc_ms,
                             int32_t *raw_ms, int32_t *dst_ms);

/* Offset of a wall time (milliseconds since 1970-01-01T00:00 local).
   `latter_if_nonexistent` / `latter_if_duplicated` pick ICU's
   UCAL_TZ_LOCAL_LATTER (1) or UCAL_TZ_LOCAL_FORMER (0) for a wall time in a
   gap or in a fold. FORMER interprets the wall time with the offset in
   effect before the transition, LATTER with the one after.
   Calls `BasicTimeZone::getOffsetFromLocal`. Returns 0 or a TPICU_E code. */
int32_t tpicu_zone_offset_from_local(const tpicu_zone *zone, double local_ms,
                                     int32_t latter_if_nonexistent,
                                     int32_t latter_if_duplicated,
                                     int32_t *raw_ms, int32_t *dst_ms);

/* The first transition after `base_ms` (at or after it when `inclusive`),
   or before it for `tpicu_zone_previous_transition`. Returns 1 and fills the
   outputs when there is one, 0 when there is none.
   Calls `BasicTimeZone::getNextTransition` / `getPreviousTransition`. */
int32_t tpicu_zone_next_transition(const tpicu_zone *zone, double base_ms,
                                   int32_t inclusive, double *when_ms,
                                   int32_t *offset_before_ms,
                                   int32_t *offset_after_ms);
int32_t tpicu_zone_previous_transition(const tpicu_zone *zone, double base_ms,
                                       int32_t inclusive, double *when_ms,
                                       int32_t *offset_before_ms,
                                       int32_t *offset_after_ms);

/* ---- zone identifiers ------------------------------------------------ */

/* CLDR's canonical ID of a zone ID (stable across tz releases, so
   "Asia/Calcutta" stays canonical). Calls `TimeZone::getCanonicalID`.
   TPICU_E_UNKNOWN_ZONE for a name that is not a tz database zone. */
int32_t tpicu_cldr_canonical_id(const char *zone_id, char *buffer,
                                int32_t capacity);

/* The IANA canonical ID: an alias ("Link" in the tz source) is followed to
   its target as the loaded zoneinfo64 records it, so "Asia/Calcutta" gives
   "Asia/Kolkata" and "US/Central" gives "America/Chicago". Reads the
   "Names" and "Zones" tables with `ures_openDirect` / `ures_getByKey`. */
int32_t tpicu_iana_canonical_id(const char *zone_id, char *buffer,
                                int32_t capacity);

/* Every ID sharing the zone's rules group (the ID and its aliases), as a
   NUL-separated list. Calls `TimeZone::countEquivalentIDs` /
   `TimeZone::getEquivalentID`. */
int32_t tpicu_equivalent_ids(const char *zone_id, char *buffer,
                             int32_t capacity);

/* Zone ID kinds for tpicu_zone_ids (ICU's USystemTimeZoneType). */
enum {
    TPICU_ZONES_ANY = 0,                /* UCAL_ZONE_TYPE_ANY */
    TPICU_ZONES_CANONICAL = 1,          /* UCAL_ZONE_TYPE_CANONICAL */
    TPICU_ZONES_CANONICAL_LOCATION = 2  /* UCAL_ZONE_TYPE_CANONICAL_LOCATION */
};

/* Zone IDs of a kind, optionally only those of a region (ISO 3166 code such
   as "CL"; NULL for all), NUL-separated.
   Calls `TimeZone::createTimeZoneIDEnumeration`. */
int32_t tpicu_zone_ids(int32_t kind, const char *region, char *buffer,
                       int32_t capacity);

/* The region (ISO 3166 code, or "001") of a zone. Calls `TimeZone::getRegion`. */
int32_t tpicu_zone_region(const char *zone_id, char *buffer, int32_t capacity);

/* The zone for a Windows zone name ("Romance Standard Time") in a region
   (NULL or "001" for the default). Calls `TimeZone::getIDForWindowsID`. */
int32_t tpicu_zone_for_windows_id(const char *windows_id, const char *region,
                                  char *buffer, int32_t capacity);

/* The Windows zone name of a zone. Calls `TimeZone::getWindowsID`. */
int32_t tpicu_windows_id_for_zone(const char *zone_id, char *buffer,
                                  int32_t capacity);

/* Every Windows zone name known to the loaded windowsZones data,
   NUL-separated. Reads "mapTimezones" with `ures_openDirect`. */
int32_t tpicu_windows_ids(char *buffer, int32_t capacity);

/* ---- names ------------------------------------------------------------ */

/* Name types (ICU's UTimeZoneNameType). */
enum {
    TPICU_NAME_LONG_GENERIC = 1,    /* UTZNM_LONG_GENERIC   "Central Time" */
    TPICU_NAME_LONG_STANDARD = 2,   /* UTZNM_LONG_STANDARD  "Central Standard Time" */
    TPICU_NAME_LONG_DAYLIGHT = 4,   /* UTZNM_LONG_DAYLIGHT  "Central Daylight Time" */
    TPICU_NAME_SHORT_GENERIC = 8,   /* UTZNM_SHORT_GENERIC  "CT" */
    TPICU_NAME_SHORT_STANDARD = 16, /* UTZNM_SHORT_STANDARD "CST" */
    TPICU_NAME_SHORT_DAYLIGHT = 32  /* UTZNM_SHORT_DAYLIGHT "CDT" */
};

/* Name sources: a CLDR locale ("en", "fr_CH"), or the tz database's own
   abbreviations (`TimeZoneNames::createTZDBInstance`) when `locale` is
   the string "@tzdb". Instances are created once per locale and cached. */

/* The exemplar city of a zone in a locale ("Jérusalem" in fr for
   Asia/Jerusalem). Calls `TimeZoneNames::getExemplarLocationName`. */
int32_t tpicu_exemplar_city(const char *locale, const char *zone_id,
                            char *buffer, int32_t capacity);

/* A zone's display name of a type at an instant in a locale.
   Calls `TimeZoneNames::getDisplayName`. */
int32_t tpicu_zone_display_name(const char *locale, const char *zone_id,
                                int32_t name_type, double date_ms,
                                char *buffer, int32_t capacity);

/* The metazone of a zone at an instant ("America_Central").
   Calls `TimeZoneNames::getMetaZoneID`. */
int32_t tpicu_metazone_of_zone(const char *zone_id, double date_ms,
                               char *buffer, int32_t capacity);

/* Every metazone ID, NUL-separated.
   Calls `TimeZoneNames::getAvailableMetaZoneIDs`. */
int32_t tpicu_metazone_ids(char *buffer, int32_t capacity);

/* A metazone's display name of a type in a locale ("CET" for
   "Europe_Central" from "@tzdb"). Calls `TimeZoneNames::getMetaZoneDisplayName`. */
int32_t tpicu_metazone_display_name(const char *locale, const char *metazone,
                                    int32_t name_type, char *buffer,
                                    int32_t capacity);

/* The reference zone of a metazone in a region (NULL or "001" for the
   golden zone). Calls `TimeZoneNames::getReferenceZoneID`. */
int32_t tpicu_metazone_reference_zone(const char *metazone, const char *region,
                                      char *buffer, int32_t capacity);

/* ---- locale data -------------------------------------------------------- */

/* Every ISO 3166 region code ICU knows, NUL-separated.
   Calls `uloc_getISOCountries`. */
int32_t tpicu_region_codes(char *buffer, int32_t capacity);

/* The name of a region ("CH") in a display locale ("fr" gives "Suisse").
   Calls `uloc_getDisplayCountry`. TPICU_E_NOT_FOUND when the locale has no
   name for it (ICU would echo the code). */
int32_t tpicu_region_name(const char *display_locale, const char *region,
                          char *buffer, int32_t capacity);

/* Symbol kinds for tpicu_date_symbols. */
enum {
    TPICU_SYMBOLS_MONTHS = 0,   /* 12 month names, January first */
    TPICU_SYMBOLS_WEEKDAYS = 1  /* 7 weekday names, Sunday first (ICU order) */
};
/* Widths. */
enum {
    TPICU_WIDTH_WIDE = 0,
    TPICU_WIDTH_ABBREVIATED = 1
};
/* Contexts. */
enum {
    TPICU_CONTEXT_FORMAT = 0,     /* as in a date: "de novembre" -> "novembre" */
    TPICU_CONTEXT_STANDALONE = 1  /* on its own */
};

/* Month or weekday names of a locale, NUL-separated, in calendar order.
   Calls `DateFormatSymbols::getMonths` / `DateFormatSymbols::getWeekdays`. */
int32_t tpicu_date_symbols(const char *locale, int32_t kind, int32_t width,
                           int32_t context, char *buffer, int32_t capacity);

/* ---- zone name resolution ------------------------------------------- */

/* CLDR's primary zone of a region that has several zones ("CL" gives
   "America/Santiago", "DE" gives "Europe/Berlin"); TPICU_E_NOT_FOUND for a
   region CLDR names none for. Reads "primaryZones" from the metaZones
   resource with `ures_openDirect` / `ures_getByKey` / `ures_getStringByKey`. */
int32_t tpicu_primary_zone(const char *region, char *buffer, int32_t capacity);

/* The names of a type that a locale gives zones directly (not through a
   metazone), for every canonical zone that has one: a NUL-separated list of
   pairs, zone ID then name ("Europe/London", "BST" in en_GB for the short
   daylight type). "@tzdb" has none. Calls
   `TimeZone::createTimeZoneIDEnumeration` and
   `TimeZoneNames::getTimeZoneDisplayName`. */
int32_t tpicu_zone_specific_names(const char *locale, int32_t name_type,
                                  char *buffer, int32_t capacity);

/* Every metazone's name of a type in a locale ("@tzdb" for the tz database
   abbreviations): a NUL-separated list of pairs, metazone then name, for
   the metazones that have one. Calls `TimeZoneNames::getAvailableMetaZoneIDs`
   and `TimeZoneNames::getMetaZoneDisplayName`. */
int32_t tpicu_metazone_names(const char *locale, int32_t name_type,
                             char *buffer, int32_t capacity);


/* ---- iCalendar ------------------------------------------------------------ */

/* The RFC 5545 VTIMEZONE of a tz database zone, as ICU writes it: the rules in
   effect from `start_ms` on (the observance in effect then, and every later
   one), or the zone's whole history when `start_ms` is NaN. CRLF line ends,
   UTF-8. TPICU_E_UNKNOWN_ZONE for a name that is not a zone of the loaded tz
   data. Calls `VTimeZone::createVTimeZoneByID` and `VTimeZone::write`. */
int32_t tpicu_zone_vtimezone(const char *zone_id, double start_ms,
                             char *buffer, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif /* CICUSHIM_H */
