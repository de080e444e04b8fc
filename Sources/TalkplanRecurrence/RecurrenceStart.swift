import TalkplanTime

/// The start of a series (its `DTSTART`) and the zone its rules are expanded in.
///
/// RFC 5545 expands rules in the start's own wall-clock time: a weekly 15:00
/// seminar in Santiago stays at 15:00 Santiago time across Chile's clock changes,
/// and each occurrence becomes an instant only at the end. The four forms of
/// `DTSTART` map onto four constructors:
///
/// ```swift
/// let santiago = try Zone("America/Santiago")
/// RecurrenceStart.zoned(PlainDateTime(year: 2024, month: 3, day: 1, hour: 15)!, in: santiago)  // DTSTART;TZID=America/Santiago:20240301T150000
/// RecurrenceStart.utc(try Instant(iso8601: "2024-03-01T18:00:00Z"))                            // DTSTART:20240301T180000Z
/// RecurrenceStart.floating(PlainDateTime(year: 2024, month: 3, day: 1, hour: 15)!, readIn: santiago) // DTSTART:20240301T150000
/// RecurrenceStart.allDay(PlainDate(year: 2024, month: 3, day: 1)!, readIn: santiago)          // DTSTART;VALUE=DATE:20240301
/// ```
public struct RecurrenceStart: Hashable, Sendable, CustomStringConvertible {
    /// Which form of `DTSTART` this is.
    ///
    /// ```swift
    /// RecurrenceStart.utc(.unixEpoch).kind  // .utc
    /// ```
    public enum Kind: String, Hashable, Sendable {
        /// A wall time with a time zone (`TZID=`).
        case zoned
        /// A UTC time (`...Z`): expanded in UTC.
        case utc
        /// A wall time with no zone: expanded in a zone the caller chooses (the attendee's).
        case floating
        /// A date (`VALUE=DATE`): all-day occurrences, each starting at midnight in the chosen zone.
        case allDay
    }

    /// The form of `DTSTART`.
    ///
    /// ```swift
    /// RecurrenceStart.allDay(PlainDate(year: 2024, month: 1, day: 1)!, readIn: .utc).kind  // .allDay
    /// ```
    public let kind: Kind
    /// The wall time of the start (midnight for an all-day series).
    ///
    /// ```swift
    /// RecurrenceStart.utc(try Instant(iso8601: "2024-03-01T18:00:00Z")).dateTime  // 2024-03-01T18:00:00
    /// ```
    public let dateTime: PlainDateTime
    /// The zone the rules are expanded in and occurrences resolved in: the `TZID`,
    /// UTC, or the zone chosen for a floating or all-day series.
    ///
    /// ```swift
    /// RecurrenceStart.utc(.unixEpoch).zone.identifier  // "+00:00"
    /// ```
    public let zone: Zone

    private init(kind: Kind, dateTime: PlainDateTime, zone: Zone) {
        self.kind = kind
        // Occurrences are whole seconds, as RFC 5545 date-times are.
        self.dateTime = PlainDateTime(localEpochSeconds: dateTime.localEpochSeconds)
        self.zone = zone
    }

    /// A wall time in a zone: `DTSTART;TZID=...`.
    ///
    /// ```swift
    /// RecurrenceStart.zoned(PlainDateTime(year: 1997, month: 9, day: 2, hour: 9)!, in: try Zone("America/New_York"))
    /// ```
    public static func zoned(_ dateTime: PlainDateTime, in zone: Zone) -> RecurrenceStart {
        RecurrenceStart(kind: .zoned, dateTime: dateTime, zone: zone)
    }

    /// A UTC start: `DTSTART:...Z`. Rules are expanded in UTC.
    ///
    /// ```swift
    /// RecurrenceStart.utc(try Instant(iso8601: "1997-09-02T13:00:00Z"))
    /// ```
    public static func utc(_ instant: Instant) -> RecurrenceStart {
        RecurrenceStart(kind: .utc, dateTime: instant.plainDateTime(at: .zero), zone: .utc)
    }

    /// A floating wall time (no zone in the source), read in `zone`.
    ///
    /// ```swift
    /// RecurrenceStart.floating(PlainDateTime(year: 2024, month: 5, day: 6, hour: 9)!, readIn: try Zone("Europe/Zurich"))
    /// ```
    public static func floating(_ dateTime: PlainDateTime, readIn zone: Zone) -> RecurrenceStart {
        RecurrenceStart(kind: .floating, dateTime: dateTime, zone: zone)
    }

    /// An all-day start (`VALUE=DATE`); each occurrence starts at midnight in `zone`
    /// (or when that day begins, where midnight falls in a gap, as in Santiago).
    ///
    /// ```swift
    /// RecurrenceStart.allDay(PlainDate(year: 2024, month: 12, day: 25)!, readIn: try Zone("Asia/Jerusalem"))
    /// ```
    public static func allDay(_ date: PlainDate, readIn zone: Zone) -> RecurrenceStart {
        RecurrenceStart(kind: .allDay, dateTime: PlainDateTime(date: date, time: .midnight), zone: zone)
    }

    /// Whether occurrences are whole days.
    ///
    /// ```swift
    /// RecurrenceStart.utc(.unixEpoch).isAllDay  // false
    /// ```
    public var isAllDay: Bool { kind == .allDay }

    /// `2024-03-01T15:00:00[America/Santiago]`, `2024-03-01T18:00:00Z`,
    /// `2024-03-01T15:00:00 (floating, America/Santiago)`, `2024-03-01 (all day, America/Santiago)`.
    ///
    /// ```swift
    /// "\(RecurrenceStart.utc(try Instant(iso8601: "2024-03-01T18:00:00Z")))"  // "2024-03-01T18:00:00Z"
    /// ```
    public var description: String {
        switch kind {
        case .zoned: "\(dateTime)[\(zone.identifier)]"
        case .utc: "\(dateTime)Z"
        case .floating: "\(dateTime) (floating, \(zone.identifier))"
        case .allDay: "\(dateTime.date) (all day, \(zone.identifier))"
        }
    }
}
