/// The property, parameter and component names real feeds use, as shared upper-case strings.
///
/// The reader meets the same few dozen names on every line; matching their bytes here (any
/// case) returns one shared `String` instead of building, checking and upper-casing a new one.
/// Other names are built as usual.
///
/// ```swift
/// Array("dtstart".utf8).withUnsafeBufferPointer { KnownNames.upperCased($0) }   // "DTSTART"
/// ```
enum KnownNames {
    private static let names: [String] = [
        // Components.
        "VCALENDAR", "VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VTIMEZONE", "STANDARD", "DAYLIGHT", "VALARM",
        // Properties.
        "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "NAME", "X-WR-CALNAME", "X-WR-TIMEZONE",
        "X-WR-CALDESC", "X-PUBLISHED-TTL", "REFRESH-INTERVAL", "UID", "DTSTAMP", "DTSTART", "DTEND", "DURATION",
        "SUMMARY", "DESCRIPTION", "LOCATION", "URL", "ORGANIZER", "ATTENDEE", "RRULE", "RDATE", "EXDATE",
        "RECURRENCE-ID", "SEQUENCE", "STATUS", "CATEGORIES", "CLASS", "CREATED", "LAST-MODIFIED", "TRANSP",
        "GEO", "CONFERENCE", "ATTACH", "COMMENT", "CONTACT", "PRIORITY", "RESOURCES", "IMAGE", "COLOR",
        "TZID", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME", "TZURL", "X-LIC-LOCATION", "ACTION", "TRIGGER",
        "REPEAT", "X-ALT-DESC", "X-MICROSOFT-CDO-BUSYSTATUS", "X-MICROSOFT-CDO-ALLDAYEVENT",
        "X-APPLE-STRUCTURED-LOCATION", "X-MOZ-GENERATION", "X-COST",
        // Parameters.
        "VALUE", "CN", "ROLE", "PARTSTAT", "RSVP", "CUTYPE", "LANGUAGE", "ALTREP", "ENCODING", "FMTTYPE",
        "RANGE", "RELATED", "FEATURE", "LABEL", "EMAIL", "SENT-BY", "DIR", "MEMBER", "DELEGATED-TO",
        "DELEGATED-FROM", "X-NUM-GUESTS", "X-LABEL", "X-APPLE-RADIUS", "X-TITLE", "SCHEDULE-STATUS",
    ]

    /// The names indexed by length, each with its bytes.
    private static let byLength: [[(bytes: [UInt8], name: String)]] = {
        var table = Array(repeating: [(bytes: [UInt8], name: String)](), count: 32)
        for name in names { table[name.utf8.count].append((Array(name.utf8), name)) }
        return table
    }()

    /// The name in upper case: a shared string when it is a known name, a new one otherwise.
    static func upperCased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.count < byLength.count {
            candidates: for candidate in byLength[bytes.count] {
                for (index, byte) in candidate.bytes.enumerated() {
                    let read = bytes[index]
                    // Known names are upper-case letters, digits and '-': fold the input's letters.
                    if read != byte, read &- 0x20 != byte || !(0x61...0x7A).contains(read) { continue candidates }
                }
                return candidate.name
            }
        }
        return ByteText.upperASCII(bytes)
    }
}
