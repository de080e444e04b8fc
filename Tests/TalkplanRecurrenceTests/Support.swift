import TalkplanRecurrence
import TalkplanTime

/// Shared fixtures: expansions written as local times with their offsets
/// (`1997-09-02T09:00:00-04:00`), which is how RFC 5545 publishes its examples
/// ("(1997 9:00 AM EDT) September 2-11").
enum Fixture {
    static func zone(_ name: String) -> Zone {
        do { return try Zone(name) } catch { fatalError("cannot open \(name): \(error)") }
    }

    static let newYork = zone("America/New_York")

    /// `days` of `month`, at `time`, with the offset an RFC label stands for.
    static func local(_ year: Int, _ month: Int, _ days: [Int], _ label: String, at time: String = "09:00") -> [String] {
        let offset: String
        switch label {
        case "EDT": offset = "-04:00"
        case "EST": offset = "-05:00"
        default: offset = label
        }
        return days.map { day in
            "\(year)-\(pad(month))-\(pad(day))T\(time):00\(offset)"
        }
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    /// The local starts (with offsets) of a series in New York, at most `limit` of them.
    static func expand(_ dtstart: String, _ rule: String, in zone: Zone = newYork, exdates: [String] = [],
                       limit: Int = 1000, options: ExpansionOptions = ExpansionOptions()) throws -> [String] {
        let start = RecurrenceStart.zoned(try PlainDateTime(iso8601: dtstart), in: zone)
        let set = RecurrenceSet(start: start, rules: [try RecurrenceRule(parsing: rule)],
                                exclusions: try exdates.map { .zoned(try PlainDateTime(iso8601: $0), zone) })
        return try set.occurrences(options: options).prefix(limit).map(\.isoLocalStart)
    }

    /// The instants (UTC, `Z`) of a series.
    static func instants(_ set: RecurrenceSet, from: String? = nil, to: String? = nil, limit: Int = 1000,
                         options: ExpansionOptions = ExpansionOptions()) throws -> [String] {
        try set.occurrences(from: from.map { try Instant(iso8601: $0) }, to: to.map { try Instant(iso8601: $0) }, options: options)
            .prefix(limit).map { "\($0.start)" }
    }
}
