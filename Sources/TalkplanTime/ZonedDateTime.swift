/// An instant seen in a zone: the instant, the zone, and the wall time and offset there.
///
/// ```swift
/// let paris = try Zone("Europe/Paris")
/// let talk = try ZonedDateTime(PlainDateTime(year: 2024, month: 4, day: 4, hour: 12)!, in: paris)
/// talk.instant       // 2024-04-04T10:00:00Z
/// talk.offset        // +02:00
/// talk.description   // "2024-04-04T12:00:00+02:00[Europe/Paris]"
/// talk.in(try Zone("America/Chicago")).dateTime   // 2024-04-04T05:00:00
/// ```
public struct ZonedDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The instant.
    public let instant: Instant
    /// The zone.
    public let zone: Zone
    /// The zone's offset at `instant`.
    public let offset: UTCOffset

    /// The instant in a zone.
    public init(_ instant: Instant, in zone: Zone) {
        self.instant = instant
        self.zone = zone
        self.offset = zone.offset(at: instant)
    }

    /// The wall time in a zone; a gap or fold is settled by `disambiguation` (`reject` throws).
    public init(_ dateTime: PlainDateTime, in zone: Zone, disambiguation: Disambiguation = .compatible) throws(TimeError) {
        self.init(try zone.instant(for: dateTime, disambiguation: disambiguation), in: zone)
    }

    /// The wall time.
    public var dateTime: PlainDateTime { instant.plainDateTime(at: offset) }
    /// The calendar date of the wall time.
    public var date: PlainDate { dateTime.date }
    /// The clock time of the wall time.
    public var time: PlainTime { dateTime.time }

    /// The same instant in another zone.
    public func `in`(_ other: Zone) -> ZonedDateTime { ZonedDateTime(instant, in: other) }

    /// The wall time with its offset, ISO 8601: `2024-04-04T12:00:00+02:00`.
    public var isoString: String { "\(dateTime)\(offset)" }

    /// ISO 8601 with the zone in brackets, as RFC 9557: `2024-04-04T12:00:00+02:00[Europe/Paris]`.
    public var description: String {
        zone.ianaIdentifier.map { "\(isoString)[\($0)]" } ?? isoString
    }

    /// Orders by instant, then by zone identifier, so that equal instants in different zones are distinct but stable.
    public static func < (lhs: ZonedDateTime, rhs: ZonedDateTime) -> Bool {
        lhs.instant != rhs.instant ? lhs.instant < rhs.instant : lhs.zone.identifier < rhs.zone.identifier
    }
}
