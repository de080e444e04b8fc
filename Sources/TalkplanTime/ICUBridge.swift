import CICUShim

/// The one Swift file that calls the C shim over ICU (`CICUShim`).
///
/// Every wrapper names the shim function it calls; the shim's header names
/// the ICU function behind it. Nothing else in talkplan calls a `tpicu_`
/// function, so this file is the whole contact surface with ICU.
///
/// All wrappers make sure the pinned tz data is loaded first (see
/// ``TZDatabase``), so no ICU zone call can ever run on ICU's built-in data.
enum ICUBridge {
    // MARK: - Strings

    /// Runs a preflighting shim call (returns the needed length, writes when it fits)
    /// and returns its UTF-8 result, or the shim's negative error code.
    private static func string(_ call: (UnsafeMutablePointer<CChar>?, Int32) -> Int32) -> Result<String, ShimError> {
        var capacity: Int32 = 256
        for _ in 0..<4 {
            var buffer = [CChar](repeating: 0, count: Int(capacity))
            let length = buffer.withUnsafeMutableBufferPointer { call($0.baseAddress, capacity) }
            if length < 0 { return .failure(ShimError(code: length)) }
            if length < capacity {
                let bytes = buffer[0..<Int(length)].map { UInt8(bitPattern: $0) }
                return .success(String(decoding: bytes, as: UTF8.self))
            }
            capacity = length + 1
        }
        return .failure(ShimError(code: Int32(TPICU_E_ICU)))
    }

    /// Like ``string(_:)`` for NUL-separated lists.
    private static func list(_ call: (UnsafeMutablePointer<CChar>?, Int32) -> Int32) -> Result<[String], ShimError> {
        string(call).map { joined in
            joined.isEmpty ? [] : joined.split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
        }
    }

    struct ShimError: Error, Equatable {
        let code: Int32
        var isUnknownZone: Bool { code == Int32(TPICU_E_UNKNOWN_ZONE) }
    }

    // MARK: - tz data

    /// The zone resources compiled into the binary. Calls `tpicu_embedded_resources`.
    static func embeddedResources() -> [(name: String, bytes: UnsafeRawBufferPointer)] {
        var count = 0
        guard let base = tpicu_embedded_resources(&count) else { return [] }
        return (0..<count).map { index in
            let resource = base[index]
            return (String(cString: resource.name), UnsafeRawBufferPointer(start: resource.bytes, count: resource.length))
        }
    }

    /// The tz version recorded when the data was embedded. Calls `tpicu_embedded_tz_version`.
    static func embeddedVersion() -> String {
        String(cString: tpicu_embedded_tz_version()).trimmingWhitespace()
    }

    /// The zone IDs the release's zone.tab lists (one per country zone). Calls `tpicu_embedded_zone_tab`.
    static func zoneTabIDs() -> Set<String> {
        let text = String(cString: tpicu_embedded_zone_tab())
        var ids = Set<String>()
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count >= 3 { ids.insert(String(fields[2])) }
        }
        return ids
    }

    /// Points ICU at a directory of zone resources. Calls `tpicu_set_tz_files_directory`.
    static func setTZFilesDirectory(_ path: String) -> Int32 {
        tpicu_set_tz_files_directory(path)
    }

    /// The tz version ICU reports. Calls `tpicu_tz_data_version`.
    static func tzDataVersion() -> String? {
        try? string { tpicu_tz_data_version($0, $1) }.get()
    }

    // MARK: - Zones

    /// An open ICU zone; closed when the last reference goes.
    /// Safe to share between threads: the shim holds a per-handle lock around each ICU call
    /// (ICU 72 builds transition rules lazily and races when two threads ask at once).
    final class ZoneHandle: @unchecked Sendable {
        let pointer: OpaquePointer
        /// The ID the zone was opened with.
        let identifier: String

        /// Opens a zone. Calls `tpicu_zone_open`; `nil` for an unknown ID.
        init?(identifier: String) {
            TZDatabase.ensureLoaded()
            var status: Int32 = 0
            guard let pointer = tpicu_zone_open(identifier, &status) else { return nil }
            self.pointer = pointer
            self.identifier = identifier
        }

        deinit { tpicu_zone_close(pointer) }

        /// Total offset in milliseconds at an instant. Calls `tpicu_zone_offset_at`.
        func offsetMilliseconds(atUTC milliseconds: Double) -> Int32 {
            tpicu_zone_offset_at(pointer, milliseconds, nil, nil)
        }

        /// Raw and daylight offsets at an instant. Calls `tpicu_zone_offset_at`.
        func offsetParts(atUTC milliseconds: Double) -> (raw: Int32, dst: Int32) {
            var raw: Int32 = 0, dst: Int32 = 0
            _ = tpicu_zone_offset_at(pointer, milliseconds, &raw, &dst)
            return (raw, dst)
        }

        /// Total offset of a wall time under ICU's FORMER (`latter == false`) or
        /// LATTER rule for both gaps and folds. Calls `tpicu_zone_offset_from_local`.
        func offsetMilliseconds(atLocal milliseconds: Double, latter: Bool) -> Int32 {
            var raw: Int32 = 0, dst: Int32 = 0
            let flag: Int32 = latter ? 1 : 0
            _ = tpicu_zone_offset_from_local(pointer, milliseconds, flag, flag, &raw, &dst)
            return raw + dst
        }

        /// The next transition after (or at, when `inclusive`) an instant.
        /// Calls `tpicu_zone_next_transition`.
        func nextTransition(afterUTC milliseconds: Double, inclusive: Bool) -> (at: Double, before: Int32, after: Int32)? {
            var at = 0.0, before: Int32 = 0, after: Int32 = 0
            guard tpicu_zone_next_transition(pointer, milliseconds, inclusive ? 1 : 0, &at, &before, &after) == 1 else {
                return nil
            }
            return (at, before, after)
        }

        /// The previous transition before (or at, when `inclusive`) an instant.
        /// Calls `tpicu_zone_previous_transition`.
        func previousTransition(beforeUTC milliseconds: Double, inclusive: Bool) -> (at: Double, before: Int32, after: Int32)? {
            var at = 0.0, before: Int32 = 0, after: Int32 = 0
            guard tpicu_zone_previous_transition(pointer, milliseconds, inclusive ? 1 : 0, &at, &before, &after) == 1 else {
                return nil
            }
            return (at, before, after)
        }
    }

    // MARK: - Identifiers

    /// The IANA canonical ID (links followed). Calls `tpicu_iana_canonical_id`.
    static func ianaCanonicalID(_ id: String) -> String? {
        TZDatabase.ensureLoaded()
        return try? string { tpicu_iana_canonical_id(id, $0, $1) }.get()
    }

    /// CLDR's canonical ID. Calls `tpicu_cldr_canonical_id`.
    static func cldrCanonicalID(_ id: String) -> String? {
        TZDatabase.ensureLoaded()
        return try? string { tpicu_cldr_canonical_id(id, $0, $1) }.get()
    }

    /// The ID and its aliases. Calls `tpicu_equivalent_ids`.
    static func equivalentIDs(_ id: String) -> [String] {
        TZDatabase.ensureLoaded()
        return (try? list { tpicu_equivalent_ids(id, $0, $1) }.get()) ?? []
    }

    /// Kinds of zone lists, as ICU's `USystemTimeZoneType`.
    enum ZoneListKind {
        case any, canonical, canonicalLocation
        var code: Int32 {
            switch self {
            case .any: Int32(TPICU_ZONES_ANY)
            case .canonical: Int32(TPICU_ZONES_CANONICAL)
            case .canonicalLocation: Int32(TPICU_ZONES_CANONICAL_LOCATION)
            }
        }
    }

    /// Zone IDs, optionally of one region. Calls `tpicu_zone_ids`.
    static func zoneIDs(_ kind: ZoneListKind, region: String? = nil) -> [String] {
        TZDatabase.ensureLoaded()
        if let region {
            return (try? list { tpicu_zone_ids(kind.code, region, $0, $1) }.get()) ?? []
        }
        return (try? list { tpicu_zone_ids(kind.code, nil, $0, $1) }.get()) ?? []
    }

    /// The region of a zone. Calls `tpicu_zone_region`.
    static func region(ofZone id: String) -> String? {
        TZDatabase.ensureLoaded()
        return try? string { tpicu_zone_region(id, $0, $1) }.get()
    }

    /// The zone of a Windows zone name. Calls `tpicu_zone_for_windows_id`.
    static func zone(forWindowsID windowsID: String, region: String? = nil) -> String? {
        TZDatabase.ensureLoaded()
        if let region {
            return try? string { tpicu_zone_for_windows_id(windowsID, region, $0, $1) }.get()
        }
        return try? string { tpicu_zone_for_windows_id(windowsID, nil, $0, $1) }.get()
    }

    /// The Windows name of a zone. Calls `tpicu_windows_id_for_zone`.
    static func windowsID(forZone id: String) -> String? {
        TZDatabase.ensureLoaded()
        return try? string { tpicu_windows_id_for_zone(id, $0, $1) }.get()
    }

    /// Every Windows zone name. Calls `tpicu_windows_ids`.
    static func windowsIDs() -> [String] {
        TZDatabase.ensureLoaded()
        return (try? list { tpicu_windows_ids($0, $1) }.get()) ?? []
    }

    // MARK: - Names

    /// ICU's `UTimeZoneNameType`.
    enum NameType {
        case longGeneric, longStandard, longDaylight, shortGeneric, shortStandard, shortDaylight
        var code: Int32 {
            switch self {
            case .longGeneric: Int32(TPICU_NAME_LONG_GENERIC)
            case .longStandard: Int32(TPICU_NAME_LONG_STANDARD)
            case .longDaylight: Int32(TPICU_NAME_LONG_DAYLIGHT)
            case .shortGeneric: Int32(TPICU_NAME_SHORT_GENERIC)
            case .shortStandard: Int32(TPICU_NAME_SHORT_STANDARD)
            case .shortDaylight: Int32(TPICU_NAME_SHORT_DAYLIGHT)
            }
        }
    }

    /// The exemplar city of a zone in a locale. Calls `tpicu_exemplar_city`.
    static func exemplarCity(ofZone id: String, locale: String) -> String? {
        TZDatabase.ensureLoaded()
        return try? string { tpicu_exemplar_city(locale, id, $0, $1) }.get()
    }

    /// A zone's display name at an instant; `locale` "@tzdb" gives the tz abbreviations.
    /// Calls `tpicu_zone_display_name`.
    static func displayName(ofZone id: String, type: NameType, at instant: Instant, locale: String) -> String? {
        TZDatabase.ensureLoaded()
        let ms = Double(instant.epochMilliseconds)
        return try? string { tpicu_zone_display_name(locale, id, type.code, ms, $0, $1) }.get()
    }

    /// The metazone of a zone at an instant. Calls `tpicu_metazone_of_zone`.
    static func metazone(ofZone id: String, at instant: Instant) -> String? {
        TZDatabase.ensureLoaded()
        let ms = Double(instant.epochMilliseconds)
        return try? string { tpicu_metazone_of_zone(id, ms, $0, $1) }.get()
    }

    /// Every metazone. Calls `tpicu_metazone_ids`.
    static func metazones() -> [String] {
        TZDatabase.ensureLoaded()
        return (try? list { tpicu_metazone_ids($0, $1) }.get()) ?? []
    }

    /// A metazone's display name. Calls `tpicu_metazone_display_name`.
    static func displayName(ofMetazone metazone: String, type: NameType, locale: String) -> String? {
        TZDatabase.ensureLoaded()
        return try? string { tpicu_metazone_display_name(locale, metazone, type.code, $0, $1) }.get()
    }

    /// The reference zone of a metazone in a region ("001" for the golden zone).
    /// Calls `tpicu_metazone_reference_zone`.
    static func referenceZone(ofMetazone metazone: String, region: String) -> String? {
        TZDatabase.ensureLoaded()
        return try? string { tpicu_metazone_reference_zone(metazone, region, $0, $1) }.get()
    }

    // MARK: - Locale data

    /// Every ISO 3166 region code. Calls `tpicu_region_codes`.
    static func regionCodes() -> [String] {
        TZDatabase.ensureLoaded()
        return (try? list { tpicu_region_codes($0, $1) }.get()) ?? []
    }

    /// A region's name in a display locale. Calls `tpicu_region_name`.
    static func regionName(_ region: String, locale: String) -> String? {
        TZDatabase.ensureLoaded()
        return try? string { tpicu_region_name(locale, region, $0, $1) }.get()
    }

    /// What date symbols to fetch.
    enum SymbolKind { case months, weekdays }

    /// Month names (January first) or weekday names (Sunday first) of a locale.
    /// Calls `tpicu_date_symbols`.
    static func dateSymbols(_ kind: SymbolKind, locale: String, abbreviated: Bool, standalone: Bool) -> [String] {
        TZDatabase.ensureLoaded()
        let k = kind == .months ? Int32(TPICU_SYMBOLS_MONTHS) : Int32(TPICU_SYMBOLS_WEEKDAYS)
        let w = abbreviated ? Int32(TPICU_WIDTH_ABBREVIATED) : Int32(TPICU_WIDTH_WIDE)
        let c = standalone ? Int32(TPICU_CONTEXT_STANDALONE) : Int32(TPICU_CONTEXT_FORMAT)
        return (try? list { tpicu_date_symbols(locale, k, w, c, $0, $1) }.get()) ?? []
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

// MARK: - Zone name resolution

extension ICUBridge {
    /// CLDR's primary zone of a region with several zones ("CL" gives "America/Santiago"),
    /// or `nil` when CLDR names none. Calls `tpicu_primary_zone`.
    static func primaryZone(ofRegion region: String) -> String? {
        TZDatabase.ensureLoaded()
        return try? string { tpicu_primary_zone(region, $0, $1) }.get()
    }

    /// The names of a type a locale gives zones directly rather than through a metazone
    /// (`Europe/London` → "BST" in en_GB), as (zone, name) pairs. Calls `tpicu_zone_specific_names`.
    static func zoneSpecificNames(type: NameType, locale: String) -> [(zone: String, name: String)] {
        TZDatabase.ensureLoaded()
        return pairs((try? list { tpicu_zone_specific_names(locale, type.code, $0, $1) }.get()) ?? [])
    }

    /// Every metazone's name of a type in a locale ("@tzdb" for the tz abbreviations),
    /// as (metazone, name) pairs. Calls `tpicu_metazone_names`.
    static func metazoneNames(type: NameType, locale: String) -> [(metazone: String, name: String)] {
        TZDatabase.ensureLoaded()
        return pairs((try? list { tpicu_metazone_names(locale, type.code, $0, $1) }.get()) ?? [])
            .map { (metazone: $0.0, name: $0.1) }
    }

    /// Splits a flat list of alternating keys and values into pairs.
    private static func pairs(_ flat: [String]) -> [(String, String)] {
        stride(from: 0, to: flat.count - 1, by: 2).map { (flat[$0], flat[$0 + 1]) }
    }
}

// MARK: - iCalendar

extension ICUBridge {
    /// The RFC 5545 VTIMEZONE ICU writes for a tz zone: the rules in effect from `start` on,
    /// or the zone's whole history when `start` is `nil`. Calls `tpicu_zone_vtimezone`.
    static func vtimezone(ofZone id: String, from start: Instant?) -> String? {
        TZDatabase.ensureLoaded()
        let ms = start.map { Double($0.epochMilliseconds) } ?? .nan
        return try? string { tpicu_zone_vtimezone(id, ms, $0, $1) }.get()
    }
}
