import Foundation

/// What is known about where and when a zone name was written, to settle
/// names that mean different zones in different places.
///
/// ```swift
/// try ZoneNameResolver.shared.resolve("IST", hint: ZoneHint(region: "IL")).zone   // Asia/Jerusalem
/// try ZoneNameResolver.shared.resolve("IST", hint: ZoneHint(region: "IN")).zone   // Asia/Kolkata
/// ```
public struct ZoneHint: Sendable, Hashable {
    /// The ISO 3166 region the text comes from (`"IL"`, `"US"`), if known.
    public var region: String?
    /// The date the name applies to (a talk's date), if known.
    public var date: PlainDate?

    public init(region: String? = nil, date: PlainDate? = nil) {
        self.region = region
        self.date = date
    }
}

/// How a name was recognised.
public enum ZoneResolutionMethod: String, Sendable {
    /// A canonical tz database ID (`Europe/Zurich`, in any letter case).
    case iana
    /// A tz database alias (`US/Central`, `Asia/Calcutta`), followed to its canonical zone.
    case alias
    /// A Windows zone name (`Romance Standard Time`).
    case windows
    /// An explicit UTC offset (`UTC+1`, `GMT-3`, `+05:30`).
    case offset
    /// A time abbreviation (`CT`, `CEST`) or an English time name (`Eastern Time`).
    case abbreviation
    /// A city (`Lausanne`, `Jérusalem`, `Chicago, IL`).
    case city
    /// A country (`Chile`, `Suisse`).
    case country
}

/// Whether an abbreviation names standard, daylight (summer) or generic time.
public enum AbbreviationKind: String, Sendable, Hashable {
    /// Standard time only: `CST`, `CET`, `IST` in Israel.
    case standard
    /// Daylight saving (summer) time only: `CDT`, `CEST`, `BST`.
    case daylight
    /// Whichever is in effect: `CT`, `ET`, `Eastern Time`.
    case generic
}

/// One reading of a zone name.
///
/// ```swift
/// let reading = try ZoneNameResolver.shared.resolve("CEST", hint: ZoneHint(date: PlainDate(year: 2024, month: 1, day: 10)))
/// reading.zone                 // Europe/Paris
/// reading.method               // .abbreviation
/// reading.abbreviationKind     // .daylight
/// reading.abbreviationOffset   // +02:00, although Paris is at +01:00 that day
/// ```
public struct ZoneResolution: Sendable {
    /// The zone the name denotes.
    public let zone: Zone
    /// How the name was recognised.
    public let method: ZoneResolutionMethod
    /// For abbreviations: whether the name denotes standard, daylight or generic time.
    public let abbreviationKind: AbbreviationKind?
    /// For abbreviations, when the hint has a date: the offset the name implies at that date
    /// (standard or daylight offset of the zone, whichever the name denotes, even when the
    /// zone is on the other one that day); `nil` otherwise, or when the zone has no such time then.
    public let abbreviationOffset: UTCOffset?
    /// A lower-case explanation naming the evidence: "windows zone name",
    /// "exemplar city of Europe/Zurich in fr", "abbreviation of Central Time (cldr en)", ...
    public let detail: String
}

/// Resolves what people write for a time zone to a ``Zone``.
///
/// Readings, in order of precedence (the first kind that recognises a name decides):
/// 1. tz database IDs and aliases, case-insensitively (`us/central` → America/Chicago);
/// 2. explicit UTC offsets (`UTC+1`, `GMT-3` is −03:00, `UTC−03:00`, `+02:00`);
/// 3. Windows zone names (`Romance Standard Time`), mapped for the hinted region;
/// 4. country names in en, fr, es, de, it, pt, nl, he (`Chile`, `Suisse`, `Estados Unidos`);
/// 5. cities: CLDR exemplar cities in the same locales, the city part of zone IDs,
///    and a small table of academic cities (`Lausanne`), also as `City, REGION`;
/// 6. abbreviations and English time names from CLDR and the tz database (`CT`, `CEST`, `IST`).
///
/// Collisions, and how they are settled:
/// - Names that are tz IDs without a slash *and* time abbreviations (`CET`, `EET`, `WET`,
///   `EST`, `MST`, `HST`) are read as abbreviations: people who write `CET` mean Central
///   European Time (Europe/Paris, CLDR's golden zone for it), not the tz link `CET`
///   (Europe/Brussels since tz 2024b), and `EST` means US Eastern time, not the tz link
///   `EST` (America/Panama, no daylight saving). IDs of UTC itself (`GMT`, `UTC`, `UCT`)
///   stay IDs.
/// - ICU's extra three-letter IDs inherited from Java (`IST`, `CST`, `PST`, `BST`, `AST`,
///   ...; ICU's `icuzones` file) are not tz database IDs and are ignored as IDs: `IST` is an
///   ambiguous abbreviation, not ICU's Asia/Kolkata.
/// - A slash-less tz alias that is also a country name (`Israel`, `Japan`, `Portugal`) is
///   reported as the country when both readings give the same zone.
/// - Offsets precede Windows names, so Windows' `UTC-02` is the offset −02:00.
/// - POSIX-style `Etc/GMT-3` is a tz ID (+03:00) and stays one; only the human form
///   `GMT-3` is read as an offset (−03:00).
///
/// Tables are built from ICU/CLDR data once, on first use, and are then read without locks.
///
/// ```swift
/// let resolver = ZoneNameResolver.shared
/// try resolver.resolve("CT").zone                        // America/Chicago
/// try resolver.resolve("Lausanne").zone                  // Europe/Zurich
/// try resolver.resolve("Romance Standard Time").zone     // Europe/Paris
/// try resolver.resolve("IST")                            // throws: "IST" is ambiguous: ...
/// ```
public struct ZoneNameResolver: Sendable {
    /// The resolver; its tables are shared by every copy.
    public static let shared = ZoneNameResolver()

    public init() {}

    /// The zone a name denotes.
    ///
    /// Throws when the name is unknown (`unknown time zone "Mars/Olympus"`), or when it is
    /// ambiguous and the hint does not settle it (`"IST" is ambiguous: Asia/Kolkata (India),
    /// Asia/Jerusalem (Israel), Europe/Dublin (Ireland); give a region`).
    public func resolve(_ name: String, hint: ZoneHint = ZoneHint()) throws(TimeError) -> ZoneResolution {
        let text = name.trimmingWhitespace()
        guard text.utf8.count <= 200 else { throw TimeError.unknownZone(text) }
        if let problem = TZDatabase.loadError {
            if let offset = ZoneNames.parseOffset(text) { return try offset.resolution(hint: hint) }
            throw TimeError(message: problem)
        }
        for stage in ZoneNames.stages {
            guard let found = stage(text, hint), !found.readings.isEmpty else { continue }
            if found.decided, let best = found.readings.first {
                return try best.resolution(hint: hint)
            }
            throw ZoneNames.ambiguity(text, found)
        }
        throw ZoneNames.unknown(text)
    }

    /// Every plausible reading of a name, best first, one per zone: the decisive reading
    /// (when there is one) and the alternatives, including readings a higher-precedence
    /// kind of name shadows (`CET` also gives the tz link's Europe/Brussels).
    /// Empty for an unknown name.
    public func candidates(_ name: String, hint: ZoneHint = ZoneHint()) -> [ZoneResolution] {
        let text = name.trimmingWhitespace()
        guard text.utf8.count <= 200 else { return [] }
        var readings: [ZoneNames.Reading] = []
        if TZDatabase.loadError != nil {
            if let offset = ZoneNames.parseOffset(text) { readings.append(offset) }
        } else {
            // The kind of name `resolve` would use comes first, then the others in order.
            var deciding: [ZoneNames.Reading] = []
            for stage in ZoneNames.stages {
                guard let found = stage(text, hint) else { continue }
                if deciding.isEmpty, !found.readings.isEmpty {
                    deciding = found.readings
                    readings += found.shadowed
                } else {
                    readings += found.readings + found.shadowed
                }
            }
            readings = deciding + readings
        }
        var seen = Set<String>()
        var result: [ZoneResolution] = []
        for reading in readings {
            guard let resolution = try? reading.resolution(hint: hint),
                  seen.insert(resolution.zone.identifier).inserted
            else { continue }
            result.append(resolution)
        }
        return result
    }
}

/// The machinery behind ``ZoneNameResolver``; tables live in the `ZoneNames*.swift` files.
enum ZoneNames {
    /// A reading of a name before its zone is opened.
    struct Reading {
        /// A tz ID (canonical, alias or CLDR form), or `nil` for a fixed offset.
        var zoneID: String?
        var offset: UTCOffset?
        var method: ZoneResolutionMethod
        var kind: AbbreviationKind? = nil
        var detail: String
        /// Shown after the zone when listing an ambiguity: "India", "Eastern Time".
        var note: String? = nil

        func resolution(hint: ZoneHint) throws(TimeError) -> ZoneResolution {
            let zone: Zone
            if let zoneID {
                zone = try Zone(zoneID)
            } else {
                zone = Zone.fixed(offset ?? .zero)
            }
            var implied: UTCOffset?
            if let kind, let date = hint.date {
                implied = ZoneNames.impliedOffset(of: zone, kind: kind, at: ZoneNames.noon(of: date))
            }
            return ZoneResolution(zone: zone, method: method, abbreviationKind: kind,
                                  abbreviationOffset: implied, detail: detail)
        }
    }

    /// What one kind of name made of a name.
    struct Found {
        /// Best first; empty when the name is left to a later kind of name (see `shadowed`).
        var readings: [Reading]
        /// Whether `readings[0]` is the answer; otherwise the readings are an ambiguity.
        var decided: Bool
        /// Advice ending an ambiguity message: "give a region".
        var advice: String = "give a region"
        /// Readings that lost to a collision rule, kept for ``ZoneNameResolver/candidates(_:hint:)``.
        var shadowed: [Reading] = []
    }

    typealias Stage = @Sendable (String, ZoneHint) -> Found?

    /// The kinds of names, in order of precedence.
    static let stages: [Stage] = [
        { name, _ in identifierReading(name) },
        { name, _ in parseOffset(name).map { Found(readings: [$0], decided: true) } },
        { name, hint in windowsReading(name, hint: hint) },
        { name, hint in countryReading(name, hint: hint) },
        { name, hint in placeReading(name, hint: hint) },
        { name, hint in abbreviationReading(name, hint: hint) },
        { name, hint in timeSuffixReading(name, hint: hint) },
    ]

    // MARK: - Keys

    /// The lookup key of a name: case and diacritics folded, `_` and `-` read as spaces,
    /// apostrophes and dots dropped, whitespace collapsed ("Genève" and "geneve" meet,
    /// "Sao_Paulo" and "São Paulo" too).
    static func key(_ text: some StringProtocol) -> String {
        // Plain ASCII, most names, needs no Unicode folding.
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        let folded = isASCII
            ? String(text).lowercased()
            : String(text).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            switch scalar {
            case "'", "\u{2019}", "\u{2018}", "`", ".", "\u{02BC}":
                continue
            case "_", "-", "\u{2010}", "\u{2011}", "\u{2013}":
                pendingSpace = true
            default:
                if scalar.properties.isWhitespace {
                    pendingSpace = true
                } else {
                    if pendingSpace, !result.isEmpty { result.append(" ") }
                    pendingSpace = false
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// The lookup key of a zone ID: ASCII lower case, spaces read as underscores.
    static func identifierKey(_ text: some StringProtocol) -> String {
        String(String(text).trimmingWhitespace().lowercased().map { $0 == " " ? "_" : $0 })
    }

    // MARK: - Dates

    /// Noon UTC of a date: the moment a hint's date stands for.
    static func noon(of date: PlainDate) -> Instant {
        Instant(seconds: date.daysSinceEpoch * 86_400 + 43_200)
    }

    /// The moment a hint stands for: noon UTC of its date, else now.
    static func moment(_ hint: ZoneHint) -> Instant {
        if let date = hint.date { return noon(of: date) }
        return Instant(seconds: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }

    /// The offset an abbreviation of a kind implies in a zone at an instant: the total offset
    /// for generic time, the standard (raw) offset for standard time, and the daylight offset
    /// for daylight time — in effect then, or else of the nearest daylight period within a year.
    static func impliedOffset(of zone: Zone, kind: AbbreviationKind, at instant: Instant) -> UTCOffset? {
        guard case .tz(let handle) = zone.storage else { return zone.fixedOffset }
        let ms = Zone.milliseconds(instant.seconds)
        let parts = handle.offsetParts(atUTC: ms)
        switch kind {
        case .generic:
            return UTCOffset(seconds: (parts.raw + parts.dst) / 1000)
        case .standard:
            return UTCOffset(seconds: parts.raw / 1000)
        case .daylight:
            if parts.dst != 0 { return UTCOffset(seconds: (parts.raw + parts.dst) / 1000) }
            let year = 366.0 * 86_400_000
            var found: [Int32] = []
            if let next = handle.nextTransition(afterUTC: ms, inclusive: false), next.at - ms < year {
                found.append(next.after)
            }
            if let previous = handle.previousTransition(beforeUTC: ms, inclusive: false), ms - previous.at < year {
                found.append(previous.before)
            }
            return found.first { $0 > parts.raw }.flatMap { UTCOffset(seconds: $0 / 1000) }
        }
    }

    // MARK: - Regions

    /// A region's English name ("Israel"), or its code when ICU has none.
    static func regionName(_ region: String) -> String {
        ICUBridge.regionName(region, locale: "en") ?? region
    }

    /// The region of a zone, unless it is "001" or unknown.
    static func region(ofZone id: String) -> String? {
        guard let region = ICUBridge.region(ofZone: id), region != "001" else { return nil }
        return region
    }

    /// The identifier ``Zone`` uses for any zone ID (see ``Zone/canonicalIdentifier(_:)``),
    /// or the ID itself when it is unknown.
    static func canonical(_ id: String) -> String {
        Zone.canonicalIdentifier(id) ?? id
    }

    // MARK: - Errors

    /// `"IST" is ambiguous: Asia/Kolkata (India), Asia/Jerusalem (Israel), Europe/Dublin (Ireland); give a region`
    static func ambiguity(_ name: String, _ found: Found) -> TimeError {
        var seen = Set<String>()
        var items: [String] = []
        for reading in found.readings {
            let zone = reading.zoneID.map(canonical) ?? reading.offset?.description ?? "?"
            guard seen.insert(zone).inserted else { continue }
            items.append(reading.note.map { "\(zone) (\($0))" } ?? zone)
        }
        let limit = 10
        var list = items.prefix(limit).joined(separator: ", ")
        if items.count > limit { list += " and \(items.count - limit) more" }
        return TimeError(message: "\(quoted(name)) is ambiguous: \(list); \(found.advice)")
    }

    /// `unknown time zone "Mars/Olympus"`, with close matches when there are some.
    static func unknown(_ name: String) -> TimeError {
        let base = TimeError.unknownZone(name).message
        let suggestions = Suggestions.closeMatches(to: name)
        guard !suggestions.isEmpty else { return TimeError(message: base) }
        return TimeError(message: base + "; did you mean " + suggestions.map(quoted).joined(separator: " or ") + "?")
    }

    static func quoted(_ text: String) -> String {
        let shown = text.count > 64 ? String(text.prefix(64)) + "…" : text
        return "\"\(shown)\""
    }
}
