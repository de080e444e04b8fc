import TalkplanTime

/// An `RDATE` value: a start, and for `VALUE=PERIOD` an end or a duration.
///
/// ```swift
/// RecurrenceDate(.utc(try Instant(iso8601: "1996-04-03T02:00:00Z")),
///                end: .at(.utc(try Instant(iso8601: "1996-04-03T04:00:00Z"))))   // 19960403T020000Z/19960403T040000Z
/// RecurrenceDate(.utc(try Instant(iso8601: "1996-04-04T01:00:00Z")), end: .after(.exact(seconds: 10_800)))  // .../PT3H
/// RecurrenceDate(.date(PlainDate(year: 1997, month: 7, day: 4)!))
/// ```
public struct RecurrenceDate: Hashable, Sendable {
    /// How a period ends.
    ///
    /// ```swift
    /// RecurrenceDate.End.at(.utc(try Instant(iso8601: "1996-04-03T04:00:00Z")))  // .../19960403T040000Z
    /// RecurrenceDate.End.after(.exact(seconds: 10_800))                          // .../PT3H
    /// ```
    public enum End: Hashable, Sendable {
        /// At a date-time.
        case at(RecurrenceTime)
        /// After a duration.
        case after(RecurrenceDuration)
    }

    /// When the added occurrence starts.
    ///
    /// ```swift
    /// RecurrenceDate(.date(PlainDate(year: 1997, month: 7, day: 4)!)).start  // .date(1997-07-04)
    /// ```
    public var start: RecurrenceTime
    /// For a period: when it ends. `nil` uses the series' duration.
    ///
    /// ```swift
    /// RecurrenceDate(.utc(.unixEpoch), end: .after(.exact(seconds: 60))).end  // .after(PT1M)
    /// ```
    public var end: End?

    /// Creates an `RDATE` value.
    ///
    /// ```swift
    /// RecurrenceDate(.zoned(PlainDateTime(year: 1997, month: 7, day: 14, hour: 8, minute: 30)!, try Zone("America/New_York")))
    /// ```
    public init(_ start: RecurrenceTime, end: End? = nil) {
        self.start = start
        self.end = end
    }
}
