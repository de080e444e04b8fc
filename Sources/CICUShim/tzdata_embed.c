/*
 * tzdata_embed.c — the zone resources of TZData/, compiled into the library.
 *
 * talkplan never uses ICU's built-in tz database (ICU 72 ships 2022e). The
 * resources built by TZData/build are embedded here at compile time with C23
 * `#embed`; at start-up the Swift side writes them once to a cache directory
 * and points ICU at it (tpicu_set_tz_files_directory). No ICU call here.
 */
#include "cicushim.h"

#pragma clang diagnostic ignored "-Wc23-extensions"


#if __has_embed("../../TZData/zoneinfo64.res") && __has_embed("../../TZData/VERSION") && __has_embed("../../TZData/zone.tab")
static const unsigned char zoneinfo64[] = {
#embed "../../TZData/zoneinfo64.res"
};
static const unsigned char metaZones[] = {
#embed "../../TZData/metaZones.res"
};
static const unsigned char timezoneTypes[] = {
#embed "../../TZData/timezoneTypes.res"
};
static const unsigned char windowsZones[] = {
#embed "../../TZData/windowsZones.res"
};
static const char zoneTab[] = {
#embed "../../TZData/zone.tab"
    , 0
};
static const char version[] = {
#embed "../../TZData/VERSION"
    , 0
};

static const tpicu_resource resources[] = {
    {"zoneinfo64.res", zoneinfo64, sizeof zoneinfo64},
    {"metaZones.res", metaZones, sizeof metaZones},
    {"timezoneTypes.res", timezoneTypes, sizeof timezoneTypes},
    {"windowsZones.res", windowsZones, sizeof windowsZones},
};

const tpicu_resource *tpicu_embedded_resources(size_t *count) {
    if (count) *count = sizeof resources / sizeof resources[0];
    return resources;
}

const char *tpicu_embedded_tz_version(void) {
    /* VERSION is one line; the Swift side trims the newline. */
    return version;
}

const char *tpicu_embedded_zone_tab(void) { return zoneTab; }
#else
const tpicu_resource *tpicu_embedded_resources(size_t *count) {
    if (count) *count = 0;
    return 0;
}

const char *tpicu_embedded_tz_version(void) { return ""; }

const char *tpicu_embedded_zone_tab(void) { return ""; }
#endif
