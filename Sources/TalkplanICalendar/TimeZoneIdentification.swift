import TalkplanTime

/// What a TZID names, read without looking at the file's VTIMEZONEs.
///
/// ```swift
/// ICalendarTZID.identify("Europe/Paris")?.zone                           // Europe/Paris (iana)
/// ICalendarTZID.identify("/mozilla.org/20050126_1/Europe/Berlin")?.zone  // Europe/Berlin (prefixed)
/// ICalendarTZID.identify("Pacific SA Standard Time")?.zone               // America/Santiago (windows)
/// ICalendarTZID.identify("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna")?.zone
/// // Europe/Amsterdam (windowsDisplayName)
/// ICalendarTZID.identify("Customized Time Zone")                         // nil
/// ```
public struct ICalendarTZIDReading: Sendable {
    public enum Method: String, Sendable {
        /// A tz database ID.
        case iana
        /// A tz database alias, followed to its zone.
        case alias
        /// A tz ID behind a producer's prefix (`/mozilla.org/20050126_1/Europe/Berlin`).
        case prefixed
        /// A Windows zone ID (`Romance Standard Time`), mapped with CLDR's table.
        case windows
        /// An Outlook display name (`(UTC+01:00) Amsterdam, Berlin, ...`): its cities, checked
        /// against its offset.
        case windowsDisplayName
        /// Any other name a zone could be guessed from: a city, a country, an abbreviation, an offset.
        case guess
    }

    public var zone: Zone
    public var method: Method
    /// Lower-case explanation for messages.
    public var detail: String

    /// Whether the reading is a guess that deserves a warning.
    public var isGuess: Bool { method == .windowsDisplayName || method == .guess }
}

public enum ICalendarTZID {
    /// The zone a TZID names by itself: a tz ID or alias (any letter case), a prefixed tz ID,
    /// a Windows zone ID, or an Outlook display name. `nil` for anything else, which only the
    /// file's VTIMEZONE (or ``guess(_:)``) can settle.
    public static func identify(_ tzid: String) -> ICalendarTZIDReading? {
        let name = clean(tzid)
        guard !name.isEmpty, name.utf8.count <= 200 else { return nil }
        if name.contains("/") || ["UTC", "GMT", "UCT", "Zulu"].contains(name), let zone = try? Zone(name) {
            return ICalendarTZIDReading(zone: zone, method: zone.identifier == name ? .iana : .alias,
                                        detail: zone.identifier == name ? "tz database id" : "tz database alias of \(zone.identifier)")
        }
        if name.contains("/") {
            var rest = Substring(name)
            while let slash = rest.firstIndex(of: "/") {
                rest = rest[rest.index(after: slash)...]
                if rest.contains("/"), let zone = try? Zone(String(rest)) {
                    return ICalendarTZIDReading(zone: zone, method: .prefixed, detail: "tz database id \(rest) behind a prefix")
                }
            }
        }
        if let reading = try? ZoneNameResolver.shared.resolve(name) {
            switch reading.method {
            case .iana, .alias:
                return ICalendarTZIDReading(zone: reading.zone, method: reading.method == .iana ? .iana : .alias,
                                            detail: reading.method == .iana ? "tz database id" : "tz database alias of \(reading.zone.identifier)")
            case .windows:
                return ICalendarTZIDReading(zone: reading.zone, method: .windows, detail: "windows zone id mapped by cldr")
            default:
                break
            }
        }
        return displayName(name)
    }

    /// A weaker reading of a TZID that ``identify(_:)`` does not know: a city, country,
    /// abbreviation or offset in it (`Eastern`, `Paris`, `GMT+0100`). Ambiguous names give
    /// the resolver's first candidate.
    public static func guess(_ tzid: String) -> ICalendarTZIDReading? {
        let name = clean(tzid)
        guard !name.isEmpty, name.utf8.count <= 200 else { return nil }
        let resolver = ZoneNameResolver.shared
        if let reading = try? resolver.resolve(name) {
            return ICalendarTZIDReading(zone: reading.zone, method: .guess, detail: reading.detail)
        }
        // "Eastern", "Pacific": the start of an English time name.
        for suffix in [" Time", " Standard Time"] where name.utf8.count <= 20 && name.allSatisfy(\.isLetter) {
            if let reading = try? resolver.resolve(name + suffix) {
                return ICalendarTZIDReading(zone: reading.zone, method: .guess, detail: "as \(quoted(name + suffix)), \(reading.detail)")
            }
        }
        if let offset = compactOffset(name), let zone = Optional(Zone.fixed(offset)) {
            return ICalendarTZIDReading(zone: zone, method: .guess, detail: "utc offset \(offset)")
        }
        if let first = resolver.candidates(name).first {
            return ICalendarTZIDReading(zone: first.zone, method: .guess, detail: "\(first.detail), one of several readings")
        }
        return nil
    }

    /// The name without surrounding whitespace and quotes.
    static func clean(_ tzid: String) -> String {
        var name = tzid.trimmingICalendarWhitespace()
        while name.count >= 2, let first = name.first, let last = name.last,
              (first == "\"" && last == "\"") || (first == "'" && last == "'") {
            name = String(name.dropFirst().dropLast()).trimmingICalendarWhitespace()
        }
        return name
    }

    /// `GMT+0100`, `UTC-0500`, `GMT+01.00`: an offset written without a colon.
    static func compactOffset(_ name: String) -> UTCOffset? {
        var rest = Substring(name.uppercased())
        for prefix in ["UTC", "GMT"] where rest.hasPrefix(prefix) { rest = rest.dropFirst(prefix.count) }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        let digits = rest.dropFirst().filter { $0 != "." && $0 != ":" }
        guard digits.count == 4, digits.allSatisfy(\.isASCII), let value = Int(digits) else { return nil }
        let seconds = (value / 100 * 3600 + value % 100 * 60) * (sign == "-" ? -1 : 1)
        guard value % 100 < 60, value / 100 < 24 else { return nil }
        return UTCOffset(seconds: Int32(seconds))
    }

    /// An Outlook display name: `(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna`,
    /// `(GMT-06.00) Central Time (US & Canada)`, `(UTC) Coordinated Universal Time`. The
    /// first place in it that is a zone whose standard or daylight offset is the stated one wins.
    static func displayName(_ name: String) -> ICalendarTZIDReading? {
        guard name.hasPrefix("("), let close = name.firstIndex(of: ")") else { return nil }
        let inside = name[name.index(after: name.startIndex)..<close].trimmingICalendarWhitespace().uppercased()
        guard inside.hasPrefix("UTC") || inside.hasPrefix("GMT") else { return nil }
        let offsetText = inside.dropFirst(3).trimmingICalendarWhitespace()
        var offset = UTCOffset.zero
        if !offsetText.isEmpty {
            guard let parsed = try? ICalendarUTCOffset.parse(offsetText.replacingOccurrences(".", with: ":")) else { return nil }
            offset = parsed
        }
        let places = name[name.index(after: close)...]
        var parts: [String] = []
        var current = ""
        var depth = 0
        for character in places {
            switch character {
            case "(": depth += 1; current.append(" ")
            case ")": depth = max(depth - 1, 0); current.append(" ")
            case "," where depth == 0, "/" where depth == 0, ";":
                parts.append(current)
                current = ""
            default:
                if depth == 0 { current.append(character) }
            }
        }
        parts.append(current)
        let resolver = ZoneNameResolver.shared
        let year = 2024
        for part in parts {
            let text = part.trimmingICalendarWhitespace()
            guard !text.isEmpty else { continue }
            guard let reading = try? resolver.resolve(text) else { continue }
            let january = PlainDateTime(year: year, month: 1, day: 15)!.instant(at: .zero)
            let july = PlainDateTime(year: year, month: 7, day: 15)!.instant(at: .zero)
            if reading.zone.offset(at: january) == offset || reading.zone.offset(at: july) == offset {
                return ICalendarTZIDReading(zone: reading.zone, method: .windowsDisplayName,
                                            detail: "windows display name; \(quoted(text)) at \(offset)")
            }
        }
        if parts.allSatisfy({ $0.trimmingICalendarWhitespace().isEmpty }) || offset == .zero && inside == "UTC" {
            return ICalendarTZIDReading(zone: .fixed(offset), method: .windowsDisplayName, detail: "windows display name at \(offset)")
        }
        return nil
    }
}

extension String {
    func replacingOccurrences(_ target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
