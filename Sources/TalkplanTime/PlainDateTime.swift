/// A calendar date and wall-clock time with no time zone or offset: what a
/// clock on the wall and a calendar next to it show.
///
/// To turn it into an ``Instant`` you need an offset (``instant(at:)``) or a
/// time zone, which may find the wall time skipped or repeated.
///
/// ```swift
/// let meeting = PlainDateTime(year: 2024, month: 3, day: 10, hour: 9, minute: 30)!
/// meeting.instant(at: UTCOffset(hours: -5)!)  // 2024-03-10T14:30:00Z
/// "\(meeting)"                                // "2024-03-10T09:30:00"
/// ```
public struct PlainDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar date.
    ///
    /// ```swift
    /// PlainDateTime(year: 2024, month: 3, day: 10)!.date  // 2024-03-10
    /// ```
    public let date: PlainDate
    /// The time of day.
    ///
    /// ```swift
    /// PlainDateTime(year: 2024, month: 3, day: 10, hour: 9)!.time  // 09:00:00
    /// ```
    public let time: PlainTime

    /// The earliest supported date-time, `-999999-01-01T00:00:00`.
    ///
    /// ```swift
    /// PlainDateTime.min.localEpochSeconds  // -31619087596800
    /// ```
    public static let min = PlainDateTime(date: .min, time: .midnight)

    /// The latest supported date-time, `+999999-12-31T23:59:59.999999999`.
    ///
    /// ```swift
    /// PlainDateTime.max.localEpochSeconds  // 31494784780799
    /// ```
    public static let max = PlainDateTime(date: .max, time: .max)

    /// Combines a date and a time of day.
    ///
    /// ```swift
    /// PlainDateTime(date: PlainDate(year: 2024, month: 1, day: 1)!, time: .midnight)
    /// // 2024-01-01T00:00:00
    /// ```
    public init(date: PlainDate, time: PlainTime) {
        self.date = date
        self.time = time
    }

    /// Creates a date-time from its fields, or `nil` when they do not name a
    /// valid ``PlainDate`` and ``PlainTime``.
    ///
    /// ```swift
    /// PlainDateTime(year: 2024, month: 3, day: 10, hour: 2, minute: 30)  // 2024-03-10T02:30:00
    /// PlainDateTime(year: 2024, month: 3, day: 10, hour: 24)             // nil
    /// ```
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, nanosecond: Int = 0) {
        guard let date = PlainDate(year: year, month: month, day: day),
              let time = PlainTime(hour: hour, minute: minute, second: second, nanosecond: nanosecond) else {
            return nil
        }
        self.init(date: date, time: time)
    }

    /// Seconds since `1970-01-01T00:00:00` of this wall time as if it were UTC
    /// ("local epoch seconds"); the nanoseconds are dropped.
    ///
    /// ```swift
    /// PlainDateTime(year: 1970, month: 1, day: 2, hour: 1)!.localEpochSeconds  // 90000
    /// PlainDateTime(year: 1969, month: 12, day: 31, hour: 23)!.localEpochSeconds  // -3600
    /// ```
    public var localEpochSeconds: Int64 {
        date.daysSinceEpoch * Civil.secondsPerDay + Int64(time.secondOfDay)
    }

    /// Creates the wall time `localEpochSeconds` seconds (plus `nanosecond`
    /// nanoseconds) after `1970-01-01T00:00:00`.
    ///
    /// `nanosecond` may be outside `0...999_999_999`; whole seconds are carried
    /// into the seconds with floor semantics. Total: results outside
    /// ``min``...``max`` are clamped to them; it never traps.
    ///
    /// ```swift
    /// PlainDateTime(localEpochSeconds: 1_710_057_600)         // 2024-03-10T08:00:00
    /// PlainDateTime(localEpochSeconds: -1, nanosecond: 5)     // 1969-12-31T23:59:59.000000005
    /// PlainDateTime(localEpochSeconds: 0, nanosecond: -1)     // 1969-12-31T23:59:59.999999999
    /// ```
    public init(localEpochSeconds: Int64, nanosecond: Int32 = 0) {
        var seconds = localEpochSeconds
        var nanos = Int64(nanosecond)
        if nanos < 0 || nanos >= Civil.nanosecondsPerSecond {
            seconds = Civil.saturatingAdd(seconds, Civil.floorDiv(nanos, Civil.nanosecondsPerSecond))
            nanos = Civil.floorMod(nanos, Civil.nanosecondsPerSecond)
        }
        let days = Civil.floorDiv(seconds, Civil.secondsPerDay)
        if days < Civil.minDaysSinceEpoch {
            self = .min
        } else if days > Civil.maxDaysSinceEpoch {
            self = .max
        } else {
            let secondOfDay = Int(seconds - days * Civil.secondsPerDay)
            self.init(date: PlainDate(daysSinceEpoch: days),
                      time: PlainTime(uncheckedSecondOfDay: secondOfDay, nanosecond: Int32(nanos)))
        }
    }

    /// The wall time `seconds` seconds later (earlier when negative), keeping
    /// the nanoseconds; clamped to ``min``...``max``.
    ///
    /// ```swift
    /// PlainDateTime(year: 2024, month: 12, day: 31, hour: 23, minute: 59, second: 59)!
    ///     .adding(seconds: 1)  // 2025-01-01T00:00:00
    /// ```
    public func adding(seconds: Int64) -> PlainDateTime {
        PlainDateTime(localEpochSeconds: Civil.saturatingAdd(localEpochSeconds, seconds), nanosecond: time.nanosecond)
    }

    /// The instant this wall time denotes at a fixed UTC offset: the wall time
    /// minus the offset.
    ///
    /// ```swift
    /// PlainDateTime(year: 2024, month: 3, day: 10, hour: 3)!
    ///     .instant(at: UTCOffset(hours: -5)!)  // 2024-03-10T08:00:00Z
    /// ```
    public func instant(at offset: UTCOffset) -> Instant {
        Instant(validSeconds: localEpochSeconds - Int64(offset.seconds), nanoseconds: time.nanosecond)
    }

    /// Chronological order of wall times.
    ///
    /// ```swift
    /// PlainDateTime(year: 2024, month: 1, day: 1, hour: 23)! < PlainDateTime(year: 2024, month: 1, day: 2)!  // true
    /// ```
    public static func < (lhs: PlainDateTime, rhs: PlainDateTime) -> Bool {
        lhs.date != rhs.date ? lhs.date < rhs.date : lhs.time < rhs.time
    }

    /// The ISO 8601 form `YYYY-MM-DDTHH:MM:SS`, with a fraction of 3, 6 or 9
    /// digits only when the nanoseconds are not zero.
    ///
    /// ```swift
    /// "\(PlainDateTime(year: 2024, month: 3, day: 10, hour: 2, minute: 30)!)"  // "2024-03-10T02:30:00"
    /// ```
    public var description: String {
        ISO8601.string(capacity: ISO8601.maxDateTimeLength) { ISO8601.writeDateTime(self, to: $0, at: 0) }
    }
}
