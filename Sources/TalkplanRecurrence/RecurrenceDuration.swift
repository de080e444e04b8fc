import TalkplanTime

/// How long each occurrence lasts: nominal days (the same wall time that many days later,
/// which is 23 or 25 hours across a clock change) followed by exact seconds.
///
/// RFC 5545 §3.8.5.3: a series whose length comes from `DTEND` gives every occurrence the
/// same *exact* duration (`exact(seconds:)`); one with a `DURATION` gives the same
/// *nominal* duration (`P1D` is a day, `PT1H` an hour).
///
/// ```swift
/// RecurrenceDuration.exact(seconds: 5400)            // DTEND 90 minutes after DTSTART
/// RecurrenceDuration.nominal(days: 1, seconds: 0)    // DURATION:P1D
/// RecurrenceDuration.nominal(days: 7, seconds: 3600) // DURATION:P7DT1H
/// ```
public struct RecurrenceDuration: Hashable, Sendable, CustomStringConvertible {
    /// Whole days of wall-clock time.
    ///
    /// ```swift
    /// RecurrenceDuration.nominal(days: 2, seconds: 0).days  // 2
    /// ```
    public var days: Int
    /// Exact seconds, after the days.
    ///
    /// ```swift
    /// RecurrenceDuration.exact(seconds: 5400).seconds  // 5400
    /// ```
    public var seconds: Int64

    /// An exact length (what `DTEND` minus `DTSTART` gives).
    ///
    /// ```swift
    /// RecurrenceDuration.exact(seconds: 3600)  // PT1H, always 3,600 seconds
    /// ```
    public static func exact(seconds: Int64) -> RecurrenceDuration { RecurrenceDuration(days: 0, seconds: seconds) }

    /// A nominal length (what `DURATION` gives): `days` calendar days, then `seconds` exact seconds.
    ///
    /// ```swift
    /// RecurrenceDuration.nominal(days: 1, seconds: 7200)  // P1DT2H
    /// ```
    public static func nominal(days: Int, seconds: Int64) -> RecurrenceDuration { RecurrenceDuration(days: days, seconds: seconds) }

    /// Creates a duration of `days` nominal days and then `seconds` exact seconds.
    ///
    /// ```swift
    /// RecurrenceDuration(days: 0, seconds: 1800)  // PT30M
    /// ```
    public init(days: Int, seconds: Int64) {
        self.days = days
        self.seconds = seconds
    }

    /// The end of an occurrence starting at `start` in `zone`.
    ///
    /// ```swift
    /// // A one-day event from midnight before Chicago springs forward lasts 23 hours.
    /// RecurrenceDuration.nominal(days: 1, seconds: 0).end(from: try Instant(iso8601: "2024-03-10T06:00:00Z"), in: chicago)
    /// // 2024-03-11T05:00:00Z
    /// ```
    public func end(from start: Instant, in zone: Zone) -> Instant {
        var end = start
        if days != 0 {
            let wall = zone.plainDateTime(at: start)
            end = RecurrenceTime.compatible(PlainDateTime(localEpochSeconds: wall.localEpochSeconds + Int64(days) * 86_400), zone)
        }
        return end.adding(seconds: seconds)
    }

    /// RFC 5545 form: `P1D`, `PT1H30M`, `P1DT2H`.
    ///
    /// ```swift
    /// "\(RecurrenceDuration.exact(seconds: 5400))"  // "PT1H30M"
    /// ```
    public var description: String {
        var text = days < 0 || seconds < 0 ? "-P" : "P"
        if days != 0 { text += "\(abs(days))D" }
        let magnitude = abs(seconds)
        if magnitude != 0 || days == 0 {
            text += "T"
            if magnitude >= 3600 { text += "\(magnitude / 3600)H" }
            if magnitude % 3600 >= 60 { text += "\(magnitude % 3600 / 60)M" }
            if magnitude % 60 != 0 || magnitude == 0 { text += "\(magnitude % 60)S" }
        }
        return text
    }
}
