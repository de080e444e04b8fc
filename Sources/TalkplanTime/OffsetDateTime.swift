/// A wall-clock date-time together with the UTC offset it was observed at,
/// as in `2024-03-10T03:00:00-05:00`. It pins down an exact ``instant``
/// while remembering how the local clock read.
///
/// Two values are equal only when both the wall time and the offset match;
/// compare ``instant`` to ask whether they denote the same moment.
///
/// ```swift
/// let value = try OffsetDateTime(iso8601: "2024-03-10T03:00:00-05:00")
/// value.instant  // 2024-03-10T08:00:00Z
/// "\(value)"     // "2024-03-10T03:00:00-05:00"
/// ```
public struct OffsetDateTime: Hashable, Sendable, CustomStringConvertible {
    /// The local wall-clock date and time.
    ///
    /// ```swift
    /// try OffsetDateTime(iso8601: "2024-03-10T03:00:00-05:00").dateTime  // 2024-03-10T03:00:00
    /// ```
    public let dateTime: PlainDateTime
    /// The offset of the wall clock from UTC.
    ///
    /// ```swift
    /// try OffsetDateTime(iso8601: "2024-03-10T03:00:00-05:00").offset  // -05:00
    /// ```
    public let offset: UTCOffset

    /// Pairs a wall time with an offset.
    ///
    /// ```swift
    /// OffsetDateTime(dateTime: PlainDateTime(year: 2024, month: 3, day: 10, hour: 3)!,
    ///                offset: UTCOffset(hours: -5)!)  // 2024-03-10T03:00:00-05:00
    /// ```
    public init(dateTime: PlainDateTime, offset: UTCOffset) {
        self.dateTime = dateTime
        self.offset = offset
    }

    /// The wall time an instant shows at an offset (clamped like
    /// ``Instant/plainDateTime(at:)``).
    ///
    /// ```swift
    /// OffsetDateTime(instant: Instant(seconds: 1_710_057_600), offset: UTCOffset(hours: 1)!)
    /// // 2024-03-10T09:00:00+01:00
    /// ```
    public init(instant: Instant, offset: UTCOffset) {
        self.init(dateTime: instant.plainDateTime(at: offset), offset: offset)
    }

    /// The exact moment: the wall time minus the offset.
    ///
    /// ```swift
    /// try OffsetDateTime(iso8601: "2024-03-10T03:00:00-05:00").instant.seconds  // 1710057600
    /// ```
    public var instant: Instant { dateTime.instant(at: offset) }

    /// The ISO 8601 form, wall time then offset, e.g. `2024-03-10T03:00:00-05:00`
    /// (UTC is written `+00:00`).
    ///
    /// ```swift
    /// "\(OffsetDateTime(dateTime: PlainDateTime(year: 2024, month: 1, day: 1)!, offset: .zero))"
    /// // "2024-01-01T00:00:00+00:00"
    /// ```
    public var description: String {
        ISO8601.string(capacity: ISO8601.maxOffsetDateTimeLength) { buffer in
            ISO8601.writeOffsetDateTime(dateTime, offset: offset, into: buffer)
        }
    }
}
