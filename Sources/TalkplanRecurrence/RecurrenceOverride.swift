import TalkplanTime

/// A `RECURRENCE-ID` component: an instance of the series moved, changed or cancelled,
/// or (with `RANGE=THISANDFUTURE`) that instance and every later one.
///
/// RFC 5545 §3.8.4.4: the `RECURRENCE-ID` is "the time when the original recurrence
/// instance would occur"; it is matched with the instances by instant (a date matches
/// the instances starting on that date). With `THISANDFUTURE`, "all subsequent instances
/// are also rescheduled by the same time difference" and take the new duration; the
/// difference is applied to their wall time, so a 15:00 seminar moved to 17:00 stays at
/// 17:00 after a clock change. Instances overridden on their own keep their own override.
///
/// An override is always an occurrence at its new time (unless cancelled), even when its
/// `RECURRENCE-ID` names no generated instance: the component is there, so the talk is.
///
/// ```swift
/// // Moved: the 12 April talk is on 11 April at 16:00.
/// RecurrenceOverride(recurrenceID: .zoned(PlainDateTime(year: 2024, month: 4, day: 12, hour: 15)!, santiago),
///                    start: .zoned(PlainDateTime(year: 2024, month: 4, day: 11, hour: 16)!, santiago))
/// // Cancelled: STATUS:CANCELLED.
/// RecurrenceOverride(recurrenceID: .utc(try Instant(iso8601: "2024-04-19T19:00:00Z")), isCancelled: true)
/// // From 3 May on, an hour later and 90 minutes long.
/// RecurrenceOverride(recurrenceID: .zoned(PlainDateTime(year: 2024, month: 5, day: 3, hour: 15)!, santiago),
///                    range: .thisAndFuture,
///                    start: .zoned(PlainDateTime(year: 2024, month: 5, day: 3, hour: 16)!, santiago),
///                    end: .after(.exact(seconds: 5400)))
/// ```
public struct RecurrenceOverride: Hashable, Sendable {
    /// Which instances an override applies to (`RANGE`).
    ///
    /// ```swift
    /// RecurrenceOverride.Range(rawValue: "thisAndFuture")  // .thisAndFuture
    /// ```
    public enum Range: String, Hashable, Sendable {
        /// Only the named instance.
        case thisInstance
        /// The named instance and every later one (`RANGE=THISANDFUTURE`).
        case thisAndFuture
    }

    /// The instance it replaces (its `RECURRENCE-ID`).
    ///
    /// ```swift
    /// override.recurrenceID = .utc(try Instant(iso8601: "2024-04-12T19:00:00Z"))
    /// ```
    public var recurrenceID: RecurrenceTime
    /// `RANGE`: this instance, or this one and every later one.
    ///
    /// ```swift
    /// override.range = .thisAndFuture
    /// ```
    public var range: Range
    /// Its `DTSTART`; `nil` keeps the instance's own start.
    ///
    /// ```swift
    /// override.start = .zoned(PlainDateTime(year: 2024, month: 4, day: 11, hour: 16)!, santiago)
    /// ```
    public var start: RecurrenceTime?
    /// Its `DTEND` or `DURATION`; `nil` keeps the series' duration.
    ///
    /// ```swift
    /// override.end = .after(.exact(seconds: 5400))
    /// ```
    public var end: RecurrenceDate.End?
    /// `STATUS:CANCELLED`.
    ///
    /// ```swift
    /// override.isCancelled = true
    /// ```
    public var isCancelled: Bool

    /// Creates an override.
    ///
    /// ```swift
    /// var override = RecurrenceOverride(recurrenceID: .utc(try Instant(iso8601: "2024-04-19T19:00:00Z")))
    /// ```
    public init(recurrenceID: RecurrenceTime, range: Range = .thisInstance, start: RecurrenceTime? = nil,
                end: RecurrenceDate.End? = nil, isCancelled: Bool = false) {
        self.recurrenceID = recurrenceID
        self.range = range
        self.start = start
        self.end = end
        self.isCancelled = isCancelled
    }
}
