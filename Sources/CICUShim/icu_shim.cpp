// icu_shim.cpp — the one file of talkplan that calls ICU.
//
// Every function of cicushim.h that reaches ICU is defined here, and each
// one's documentation in the header names the ICU function it calls. Nothing
// else in the project includes an ICU header.

#include "cicushim.h"

#include <unicode/basictz.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tzrule.h>
#include <unicode/tztrans.h>
#include <unicode/tznames.h>
#include <unicode/ucal.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>
#include <unicode/ures.h>
#include <unicode/putil.h>

#include <atomic>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

using icu::BasicTimeZone;
using icu::DateFormatSymbols;
using icu::Locale;
using icu::StringEnumeration;
using icu::TimeZone;
using icu::TimeZoneNames;
using icu::TimeZoneTransition;
using icu::UnicodeString;

/// A zone handle may be shared by threads. ICU's OlsonTimeZone builds its transition rules
/// lazily inside const methods, and two threads asking for a transition at once have been
/// seen to crash in `OlsonTimeZone::initTransitionRules` (ICU 72); so every call on a handle
/// holds its mutex. The bulk paths never come here: they read compiled tables.
struct tpicu_zone {
    std::unique_ptr<BasicTimeZone> zone;
    mutable std::mutex mutex;
};

namespace {

std::atomic<bool> zonesUsed{false};

void markZonesUsed() { zonesUsed.store(true, std::memory_order_relaxed); }

// Copies a UTF-8 string into a caller's buffer with ICU's preflighting
// convention: returns the length; writes only when it fits with its NUL.
int32_t writeOut(const std::string &s, char *buffer, int32_t capacity) {
    const auto length = static_cast<int32_t>(s.size());
    if (buffer != nullptr && capacity > length) {
        std::memcpy(buffer, s.data(), s.size());
        buffer[length] = '\0';
    }
    return length;
}

int32_t writeOut(const UnicodeString &s, char *buffer, int32_t capacity) {
    std::string utf8;
    s.toUTF8String(utf8);
    return writeOut(utf8, buffer, capacity);
}

int32_t writeList(const std::vector<std::string> &items, char *buffer, int32_t capacity) {
    std::string joined;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) joined.push_back('\0');
        joined += items[i];
    }
    return writeOut(joined, buffer, capacity);
}

int32_t writeEnumeration(StringEnumeration *e, UErrorCode status, char *buffer, int32_t capacity) {
    std::unique_ptr<StringEnumeration> owned(e);
    if (U_FAILURE(status) || !owned) return TPICU_E_ICU;
    std::vector<std::string> items;
    const UnicodeString *s;
    while ((s = owned->snext(status)) != nullptr && U_SUCCESS(status)) {
        std::string utf8;
        s->toUTF8String(utf8);
        items.push_back(std::move(utf8));
    }
    if (U_FAILURE(status)) return TPICU_E_ICU;
    return writeList(items, buffer, capacity);
}

UnicodeString fromUTF8(const char *s) {
    return UnicodeString::fromUTF8(s == nullptr ? "" : s);
}

// Rejects what ICU would silently treat as GMT: a name that is not a
// system zone ID of the loaded tz data.
bool isSystemZone(const UnicodeString &id) {
    UErrorCode status = U_ZERO_ERROR;
    UnicodeString canonical;
    UBool isSystem = false;
    TimeZone::getCanonicalID(id, canonical, isSystem, status);
    return U_SUCCESS(status) && isSystem;
}

// TimeZoneNames instances, created once per locale ("@tzdb" for the tz
// database abbreviations). TimeZoneNames is safe for concurrent const use.
const TimeZoneNames *namesFor(const char *locale) {
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<TimeZoneNames>> cache;
    const std::string key = locale == nullptr ? "" : locale;
    std::lock_guard<std::mutex> lock(mutex);
    auto found = cache.find(key);
    if (found != cache.end()) return found->second.get();
    markZonesUsed();
    UErrorCode status = U_ZERO_ERROR;
    TimeZoneNames *names = nullptr;
    if (key == "@tzdb") {
        names = TimeZoneNames::createTZDBInstance(Locale::getRoot(), status);
    } else {
        names = TimeZoneNames::createInstance(Locale(key.c_str()), status);
    }
    if (U_FAILURE(status) || names == nullptr) {
        delete names;
        return nullptr;
    }
    auto *raw = names;
    cache.emplace(key, std::unique_ptr<TimeZoneNames>(names));
    return raw;
}

UResourceBundle *openZoneinfo(UErrorCode &status) {
    markZonesUsed();
    return ures_openDirect(nullptr, "zoneinfo64", &status);
}

struct Bundle {
    UResourceBundle *handle;
    explicit Bundle(UResourceBundle *h) : handle(h) {}
    ~Bundle() { if (handle) ures_close(handle); }
    Bundle(const Bundle &) = delete;
    Bundle &operator=(const Bundle &) = delete;
};

int32_t transition(const tpicu_zone *zone, double base_ms, int32_t inclusive, bool next,
                   double *when_ms, int32_t *before_ms, int32_t *after_ms) {
    if (zone == nullptr) return TPICU_E_ARGUMENT;
    TimeZoneTransition t;
    std::lock_guard<std::mutex> lock(zone->mutex);
    const UBool found = next ? zone->zone->getNextTransition(base_ms, inclusive != 0, t)
                             : zone->zone->getPreviousTransition(base_ms, inclusive != 0, t);
    if (!found) return 0;
    if (when_ms) *when_ms = t.getTime();
    const icu::TimeZoneRule *from = t.getFrom();
    const icu::TimeZoneRule *to = t.getTo();
    if (before_ms) *before_ms = from ? from->getRawOffset() + from->getDSTSavings() : 0;
    if (after_ms) *after_ms = to ? to->getRawOffset() + to->getDSTSavings() : 0;
    return 1;
}

}  // namespace

extern "C" {

int32_t tpicu_set_tz_files_directory(const char *directory) {
    if (directory == nullptr) return TPICU_E_ARGUMENT;
    if (zonesUsed.load(std::memory_order_relaxed)) return TPICU_E_TOO_LATE;
    UErrorCode status = U_ZERO_ERROR;
    u_setTimeZoneFilesDirectory(directory, &status);
    return U_SUCCESS(status) ? 0 : TPICU_E_ICU;
}

int32_t tpicu_tz_data_version(char *buffer, int32_t capacity) {
    markZonesUsed();
    UErrorCode status = U_ZERO_ERROR;
    const char *version = ucal_getTZDataVersion(&status);
    if (U_FAILURE(status) || version == nullptr) return TPICU_E_ICU;
    return writeOut(std::string(version), buffer, capacity);
}

tpicu_zone *tpicu_zone_open(const char *zone_id, int32_t *status) {
    markZonesUsed();
    const UnicodeString id = fromUTF8(zone_id);
    if (!isSystemZone(id)) {
        if (status) *status = TPICU_E_UNKNOWN_ZONE;
        return nullptr;
    }
    std::unique_ptr<TimeZone> tz(TimeZone::createTimeZone(id));
    auto *basic = dynamic_cast<BasicTimeZone *>(tz.get());
    if (basic == nullptr) {
        if (status) *status = TPICU_E_ICU;
        return nullptr;
    }
    tz.release();
    if (status) *status = 0;
    auto *handle = new tpicu_zone;
    handle->zone.reset(basic);
    return handle;
}

void tpicu_zone_close(tpicu_zone *zone) { delete zone; }

int32_t tpicu_zone_offset_at(const tpicu_zone *zone, double utc_ms, int32_t *raw_ms, int32_t *dst_ms) {
    if (zone == nullptr) return TPICU_E_ARGUMENT;
    UErrorCode status = U_ZERO_ERROR;
    int32_t raw = 0, dst = 0;
    std::lock_guard<std::mutex> lock(zone->mutex);
    zone->zone->getOffset(utc_ms, false, raw, dst, status);
    if (U_FAILURE(status)) return TPICU_E_ICU;
    if (raw_ms) *raw_ms = raw;
    if (dst_ms) *dst_ms = dst;
    return raw + dst;
}

int32_t tpicu_zone_offset_from_local(const tpicu_zone *zone, double local_ms,
                                     int32_t latter_if_nonexistent, int32_t latter_if_duplicated,
                                     int32_t *raw_ms, int32_t *dst_ms) {
    if (zone == nullptr) return TPICU_E_ARGUMENT;
    UErrorCode status = U_ZERO_ERROR;
    int32_t raw = 0, dst = 0;
    std::lock_guard<std::mutex> lock(zone->mutex);
    zone->zone->getOffsetFromLocal(local_ms,
                                   latter_if_nonexistent ? UCAL_TZ_LOCAL_LATTER : UCAL_TZ_LOCAL_FORMER,
                                   latter_if_duplicated ? UCAL_TZ_LOCAL_LATTER : UCAL_TZ_LOCAL_FORMER,
                                   raw, dst, status);
    if (U_FAILURE(status)) return TPICU_E_ICU;
    if (raw_ms) *raw_ms = raw;
    if (dst_ms) *dst_ms = dst;
    return 0;
}

int32_t tpicu_zone_next_transition(const tpicu_zone *zone, double base_ms, int32_t inclusive,
                                   double *when_ms, int32_t *offset_before_ms, int32_t *offset_after_ms) {
    return transition(zone, base_ms, inclusive, true, when_ms, offset_before_ms, offset_after_ms);
}

int32_t tpicu_zone_previous_transition(const tpicu_zone *zone, double base_ms, int32_t inclusive,
                                       double *when_ms, int32_t *offset_before_ms, int32_t *offset_after_ms) {
    return transition(zone, base_ms, inclusive, false, when_ms, offset_before_ms, offset_after_ms);
}

int32_t tpicu_cldr_canonical_id(const char *zone_id, char *buffer, int32_t capacity) {
    markZonesUsed();
    UErrorCode status = U_ZERO_ERROR;
    UnicodeString canonical;
    UBool isSystem = false;
    TimeZone::getCanonicalID(fromUTF8(zone_id), canonical, isSystem, status);
    if (U_FAILURE(status) || !isSystem) return TPICU_E_UNKNOWN_ZONE;
    return writeOut(canonical, buffer, capacity);
}

int32_t tpicu_iana_canonical_id(const char *zone_id, char *buffer, int32_t capacity) {
    if (zone_id == nullptr) return TPICU_E_ARGUMENT;
    UErrorCode status = U_ZERO_ERROR;
    Bundle top(openZoneinfo(status));
    Bundle names(ures_getByKey(top.handle, "Names", nullptr, &status));
    Bundle zones(ures_getByKey(top.handle, "Zones", nullptr, &status));
    if (U_FAILURE(status)) return TPICU_E_ICU;
    // "Names" is sorted (ICU binary-searches it too).
    const UnicodeString wanted = fromUTF8(zone_id);
    int32_t lo = 0, hi = ures_getSize(names.handle) - 1, index = -1;
    while (lo <= hi) {
        const int32_t mid = lo + (hi - lo) / 2;
        int32_t length = 0;
        UErrorCode s = U_ZERO_ERROR;
        const UChar *name = ures_getStringByIndex(names.handle, mid, &length, &s);
        if (U_FAILURE(s)) return TPICU_E_ICU;
        const int8_t order = wanted.compare(UnicodeString(true, name, length));
        if (order == 0) { index = mid; break; }
        if (order < 0) hi = mid - 1; else lo = mid + 1;
    }
    if (index < 0) return TPICU_E_UNKNOWN_ZONE;
    // A link is stored as an integer: the index of its target in "Names".
    for (int hops = 0; hops < 8; ++hops) {
        Bundle entry(ures_getByIndex(zones.handle, index, nullptr, &status));
        if (U_FAILURE(status)) return TPICU_E_ICU;
        if (ures_getType(entry.handle) != URES_INT) break;
        index = ures_getInt(entry.handle, &status);
        if (U_FAILURE(status)) return TPICU_E_ICU;
    }
    int32_t length = 0;
    const UChar *name = ures_getStringByIndex(names.handle, index, &length, &status);
    if (U_FAILURE(status)) return TPICU_E_ICU;
    return writeOut(UnicodeString(true, name, length), buffer, capacity);
}

int32_t tpicu_equivalent_ids(const char *zone_id, char *buffer, int32_t capacity) {
    markZonesUsed();
    const UnicodeString id = fromUTF8(zone_id);
    if (!isSystemZone(id)) return TPICU_E_UNKNOWN_ZONE;
    std::vector<std::string> items;
    const int32_t count = TimeZone::countEquivalentIDs(id);
    for (int32_t i = 0; i < count; ++i) {
        std::string utf8;
        TimeZone::getEquivalentID(id, i).toUTF8String(utf8);
        items.push_back(std::move(utf8));
    }
    return writeList(items, buffer, capacity);
}

int32_t tpicu_zone_ids(int32_t kind, const char *region, char *buffer, int32_t capacity) {
    markZonesUsed();
    USystemTimeZoneType type = UCAL_ZONE_TYPE_ANY;
    switch (kind) {
        case TPICU_ZONES_ANY: type = UCAL_ZONE_TYPE_ANY; break;
        case TPICU_ZONES_CANONICAL: type = UCAL_ZONE_TYPE_CANONICAL; break;
        case TPICU_ZONES_CANONICAL_LOCATION: type = UCAL_ZONE_TYPE_CANONICAL_LOCATION; break;
        default: return TPICU_E_ARGUMENT;
    }
    UErrorCode status = U_ZERO_ERROR;
    StringEnumeration *e = TimeZone::createTimeZoneIDEnumeration(type, region, nullptr, status);
    return writeEnumeration(e, status, buffer, capacity);
}

int32_t tpicu_zone_region(const char *zone_id, char *buffer, int32_t capacity) {
    markZonesUsed();
    const UnicodeString id = fromUTF8(zone_id);
    if (!isSystemZone(id)) return TPICU_E_UNKNOWN_ZONE;
    UErrorCode status = U_ZERO_ERROR;
    char region[8] = {0};
    const int32_t length = TimeZone::getRegion(id, region, sizeof region, status);
    if (U_FAILURE(status) || length <= 0) return TPICU_E_NOT_FOUND;
    return writeOut(std::string(region, static_cast<size_t>(length)), buffer, capacity);
}

int32_t tpicu_zone_for_windows_id(const char *windows_id, const char *region, char *buffer, int32_t capacity) {
    markZonesUsed();
    UErrorCode status = U_ZERO_ERROR;
    UnicodeString id;
    TimeZone::getIDForWindowsID(fromUTF8(windows_id), region, id, status);
    if (U_FAILURE(status)) return TPICU_E_ICU;
    if (id.isEmpty()) return TPICU_E_NOT_FOUND;
    return writeOut(id, buffer, capacity);
}

int32_t tpicu_windows_id_for_zone(const char *zone_id, char *buffer, int32_t capacity) {
    markZonesUsed();
    UErrorCode status = U_ZERO_ERROR;
    UnicodeString windows;
    TimeZone::getWindowsID(fromUTF8(zone_id), windows, status);
    if (U_FAILURE(status)) return TPICU_E_ICU;
    if (windows.isEmpty()) return TPICU_E_NOT_FOUND;
    return writeOut(windows, buffer, capacity);
}

int32_t tpicu_windows_ids(char *buffer, int32_t capacity) {
    markZonesUsed();
    UErrorCode status = U_ZERO_ERROR;
    Bundle top(ures_openDirect(nullptr, "windowsZones", &status));
    Bundle map(ures_getByKey(top.handle, "mapTimezones", nullptr, &status));
    if (U_FAILURE(status)) return TPICU_E_ICU;
    std::vector<std::string> items;
    const int32_t size = ures_getSize(map.handle);
    for (int32_t i = 0; i < size; ++i) {
        UErrorCode s = U_ZERO_ERROR;
        Bundle entry(ures_getByIndex(map.handle, i, nullptr, &s));
        if (U_FAILURE(s)) continue;
        const char *key = ures_getKey(entry.handle);
        if (key != nullptr) items.emplace_back(key);
    }
    return writeList(items, buffer, capacity);
}

int32_t tpicu_exemplar_city(const char *locale, const char *zone_id, char *buffer, int32_t capacity) {
    const TimeZoneNames *names = namesFor(locale);
    if (names == nullptr) return TPICU_E_NOT_FOUND;
    UnicodeString city;
    names->getExemplarLocationName(fromUTF8(zone_id), city);
    if (city.isBogus() || city.isEmpty()) return TPICU_E_NOT_FOUND;
    return writeOut(city, buffer, capacity);
}

int32_t tpicu_zone_display_name(const char *locale, const char *zone_id, int32_t name_type, double date_ms,
                                char *buffer, int32_t capacity) {
    const TimeZoneNames *names = namesFor(locale);
    if (names == nullptr) return TPICU_E_NOT_FOUND;
    UnicodeString name;
    names->getDisplayName(fromUTF8(zone_id), static_cast<UTimeZoneNameType>(name_type), date_ms, name);
    if (name.isBogus() || name.isEmpty()) return TPICU_E_NOT_FOUND;
    return writeOut(name, buffer, capacity);
}

int32_t tpicu_metazone_of_zone(const char *zone_id, double date_ms, char *buffer, int32_t capacity) {
    const TimeZoneNames *names = namesFor("root");
    if (names == nullptr) return TPICU_E_NOT_FOUND;
    UnicodeString mz;
    names->getMetaZoneID(fromUTF8(zone_id), date_ms, mz);
    if (mz.isBogus() || mz.isEmpty()) return TPICU_E_NOT_FOUND;
    return writeOut(mz, buffer, capacity);
}

int32_t tpicu_metazone_ids(char *buffer, int32_t capacity) {
    const TimeZoneNames *names = namesFor("root");
    if (names == nullptr) return TPICU_E_NOT_FOUND;
    UErrorCode status = U_ZERO_ERROR;
    StringEnumeration *e = names->getAvailableMetaZoneIDs(status);
    return writeEnumeration(e, status, buffer, capacity);
}

int32_t tpicu_metazone_display_name(const char *locale, const char *metazone, int32_t name_type,
                                    char *buffer, int32_t capacity) {
    const TimeZoneNames *names = namesFor(locale);
    if (names == nullptr) return TPICU_E_NOT_FOUND;
    UnicodeString name;
    names->getMetaZoneDisplayName(fromUTF8(metazone), static_cast<UTimeZoneNameType>(name_type), name);
    if (name.isBogus() || name.isEmpty()) return TPICU_E_NOT_FOUND;
    return writeOut(name, buffer, capacity);
}

int32_t tpicu_metazone_reference_zone(const char *metazone, const char *region, char *buffer, int32_t capacity) {
    const TimeZoneNames *names = namesFor("root");
    if (names == nullptr) return TPICU_E_NOT_FOUND;
    UnicodeString zone;
    names->getReferenceZoneID(fromUTF8(metazone), region == nullptr ? "001" : region, zone);
    if (zone.isBogus() || zone.isEmpty()) return TPICU_E_NOT_FOUND;
    return writeOut(zone, buffer, capacity);
}

int32_t tpicu_region_codes(char *buffer, int32_t capacity) {
    std::vector<std::string> items;
    for (const char *const *code = uloc_getISOCountries(); code != nullptr && *code != nullptr; ++code) {
        items.emplace_back(*code);
    }
    return writeList(items, buffer, capacity);
}

int32_t tpicu_region_name(const char *display_locale, const char *region, char *buffer, int32_t capacity) {
    if (region == nullptr || display_locale == nullptr) return TPICU_E_ARGUMENT;
    const std::string localeID = std::string("und_") + region;
    UChar name[256];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length = uloc_getDisplayCountry(localeID.c_str(), display_locale, name, 256, &status);
    // ICU answers U_USING_DEFAULT_WARNING (and the bare code) when it has no name.
    if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING || length <= 0) return TPICU_E_NOT_FOUND;
    const UnicodeString result(name, length);
    if (result == fromUTF8(region)) return TPICU_E_NOT_FOUND;
    return writeOut(result, buffer, capacity);
}

int32_t tpicu_date_symbols(const char *locale, int32_t kind, int32_t width, int32_t context,
                           char *buffer, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    DateFormatSymbols symbols(Locale(locale == nullptr ? "" : locale), status);
    if (U_FAILURE(status)) return TPICU_E_NOT_FOUND;
    const auto ctx = context == TPICU_CONTEXT_STANDALONE ? DateFormatSymbols::STANDALONE : DateFormatSymbols::FORMAT;
    const auto w = width == TPICU_WIDTH_ABBREVIATED ? DateFormatSymbols::ABBREVIATED : DateFormatSymbols::WIDE;
    int32_t count = 0;
    const UnicodeString *items = nullptr;
    std::vector<std::string> out;
    if (kind == TPICU_SYMBOLS_MONTHS) {
        items = symbols.getMonths(count, ctx, w);
        for (int32_t i = 0; i < count && i < 12; ++i) {
            std::string s;
            items[i].toUTF8String(s);
            out.push_back(std::move(s));
        }
    } else if (kind == TPICU_SYMBOLS_WEEKDAYS) {
        // ICU's weekday array is 1-based (index 0 is empty), Sunday first.
        items = symbols.getWeekdays(count, ctx, w);
        for (int32_t i = 1; i < count && i <= 7; ++i) {
            std::string s;
            items[i].toUTF8String(s);
            out.push_back(std::move(s));
        }
    } else {
        return TPICU_E_ARGUMENT;
    }
    return writeList(out, buffer, capacity);
}

int32_t tpicu_primary_zone(const char *region, char *buffer, int32_t capacity) {
    if (region == nullptr) return TPICU_E_ARGUMENT;
    markZonesUsed();
    UErrorCode status = U_ZERO_ERROR;
    Bundle top(ures_openDirect(nullptr, "metaZones", &status));
    Bundle primary(ures_getByKey(top.handle, "primaryZones", nullptr, &status));
    if (U_FAILURE(status)) return TPICU_E_ICU;
    int32_t length = 0;
    const UChar *zone = ures_getStringByKey(primary.handle, region, &length, &status);
    if (U_FAILURE(status) || zone == nullptr || length <= 0) return TPICU_E_NOT_FOUND;
    return writeOut(UnicodeString(true, zone, length), buffer, capacity);
}

int32_t tpicu_zone_specific_names(const char *locale, int32_t name_type, char *buffer, int32_t capacity) {
    const TimeZoneNames *names = namesFor(locale);
    if (names == nullptr) return TPICU_E_NOT_FOUND;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<StringEnumeration> zones(
        TimeZone::createTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL, nullptr, nullptr, status));
    if (U_FAILURE(status) || !zones) return TPICU_E_ICU;
    std::vector<std::string> items;
    const UnicodeString *zone;
    while ((zone = zones->snext(status)) != nullptr && U_SUCCESS(status)) {
        UnicodeString name;
        names->getTimeZoneDisplayName(*zone, static_cast<UTimeZoneNameType>(name_type), name);
        if (name.isBogus() || name.isEmpty()) continue;
        std::string id, text;
        zone->toUTF8String(id);
        name.toUTF8String(text);
        items.push_back(std::move(id));
        items.push_back(std::move(text));
    }
    if (U_FAILURE(status)) return TPICU_E_ICU;
    return writeList(items, buffer, capacity);
}

int32_t tpicu_metazone_names(const char *locale, int32_t name_type, char *buffer, int32_t capacity) {
    const TimeZoneNames *names = namesFor(locale);
    if (names == nullptr) return TPICU_E_NOT_FOUND;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<StringEnumeration> metazones(names->getAvailableMetaZoneIDs(status));
    if (U_FAILURE(status) || !metazones) return TPICU_E_ICU;
    std::vector<std::string> items;
    const UnicodeString *metazone;
    while ((metazone = metazones->snext(status)) != nullptr && U_SUCCESS(status)) {
        UnicodeString name;
        names->getMetaZoneDisplayName(*metazone, static_cast<UTimeZoneNameType>(name_type), name);
        if (name.isBogus() || name.isEmpty()) continue;
        std::string id, text;
        metazone->toUTF8String(id);
        name.toUTF8String(text);
        items.push_back(std::move(id));
        items.push_back(std::move(text));
    }
    if (U_FAILURE(status)) return TPICU_E_ICU;
    return writeList(items, buffer, capacity);
}

}  // extern "C"

// ---- iCalendar ---------------------------------------------------------------

#include <unicode/vtzone.h>

#include <cmath>

extern "C" int32_t tpicu_zone_vtimezone(const char *zone_id, double start_ms, char *buffer, int32_t capacity) {
    if (zone_id == nullptr) return TPICU_E_ARGUMENT;
    markZonesUsed();
    const UnicodeString id = fromUTF8(zone_id);
    if (!isSystemZone(id)) return TPICU_E_UNKNOWN_ZONE;
    std::unique_ptr<icu::VTimeZone> vtz(icu::VTimeZone::createVTimeZoneByID(id));
    if (!vtz) return TPICU_E_ICU;
    UErrorCode status = U_ZERO_ERROR;
    UnicodeString result;
    if (std::isnan(start_ms)) {
        vtz->write(result, status);
    } else {
        vtz->write(start_ms, result, status);
    }
    if (U_FAILURE(status)) return TPICU_E_ICU;
    return writeOut(result, buffer, capacity);
}
