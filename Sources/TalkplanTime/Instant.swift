/// An exact point on the UTC time line with nanosecond precision, counted
/// from the Unix epoch `1970-01-01T00:00:00Z`. Leap seconds are not counted
/// (POSIX time).
///
/// The value is `seconds + nanoseconds / 10^9`, with ``nanoseconds`` always in
/// `0..<1_000_000_000`; so half a second before the epoch is
/// `seconds == -1, nanoseconds == 500_000_000` (floor semantics).
///
/// Any `Int64` second count can be stored, but calendar conversions
/// (``plainDateTime(at:)``, ``description``, ISO 8601 formatting) only
/// cover ``min``...``max`` (years ±999,999) and clamp beyond it.
///
/// ```swift
/// let instant = Instant(seconds: 1_710_057_600)
/// "\(instant)"                                   // "2024-03-10T08:00:00Z"
/// instant.plainDateTime(at: UTCOffset(hours: -5)!) // 2024-03-10T03:00:00
/// ```
public struct Instant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Whole seconds since the epoch, rounded toward negative infinity.
    ///
    /// ```swift
    /// Instant.fromEpochMilliseconds(-1).seconds  // -1
    /// ```
    public let seconds: Int64
    /// Nanoseconds past ``seconds``, always `0..<1_000_000_000`.
    ///
    /// ```swift
    /// Instant.fromEpochMilliseconds(-1).nanoseconds  // 999000000
    /// ```
    public let nanoseconds: Int32

    /// The Unix epoch, `1970-01-01T00:00:00Z`.
    ///
    /// ```swift
    /// Instant.unixEpoch.seconds  // 0
    /// ```
    public static let unixEpoch = Instant(validSeconds: 0, nanoseconds: 0)

    /// The earliest instant with a calendar representation, `-999999-01-01T00:00:00Z`.
    ///
    /// ```swift
    /// Instant.min.seconds  // -31619087596800
    /// ```
    public static let min = Instant(validSeconds: -31_619_087_596_800, nanoseconds: 0)

    /// The latest instant with a calendar representation, `+999999-12-31T23:59:59.999999999Z`.
    ///
    /// ```swift
    /// Instant.max.seconds  // 31494784780799
    /// ```
    public static let max = Instant(validSeconds: 31_494_784_780_799, nanoseconds: 999_999_999)

    @inline(__always)
    init(validSeconds seconds: Int64, nanoseconds: Int32) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// Creates an instant `seconds` seconds plus `nanoseconds` nanoseconds
    /// after the epoch. `nanoseconds` may be negative or exceed a second; it is
    /// normalised into `0..<1_000_000_000` by carrying whole seconds with floor
    /// semantics. A carry that would overflow `Int64` saturates instead.
    ///
    /// ```swift
    /// Instant(seconds: 10, nanoseconds: 1_500_000_000)  // seconds 11, nanoseconds 500000000
    /// Instant(seconds: 0, nanoseconds: -1)              // seconds -1, nanoseconds 999999999
    /// ```
    public init(seconds: Int64, nanoseconds: Int32 = 0) {
        if nanoseconds >= 0 && nanoseconds < 1_000_000_000 {
            self.init(validSeconds: seconds, nanoseconds: nanoseconds)
            return
        }
        let nanos = Int64(nanoseconds)
        let carried = seconds.addingReportingOverflow(Civil.floorDiv(nanos, Civil.nanosecondsPerSecond))
        if carried.overflow {
            self = nanos < 0 ? Instant(validSeconds: .min, nanoseconds: 0)
                             : Instant(validSeconds: .max, nanoseconds: 999_999_999)
        } else {
            self.init(validSeconds: carried.partialValue,
                      nanoseconds: Int32(Civil.floorMod(nanos, Civil.nanosecondsPerSecond)))
        }
    }

    /// The instant `ms` milliseconds after the epoch (JavaScript `Date` time values).
    ///
    /// ```swift
    /// Instant.fromEpochMilliseconds(1_710_057_600_123)  // 2024-03-10T08:00:00.123Z
    /// Instant.fromEpochMilliseconds(-1)                 // 1969-12-31T23:59:59.999Z
    /// ```
    public static func fromEpochMilliseconds(_ ms: Int64) -> Instant {
        Instant(validSeconds: Civil.floorDiv(ms, 1000),
                nanoseconds: Int32(Civil.floorMod(ms, 1000)) * 1_000_000)
    }

    /// Milliseconds since the epoch, rounded toward negative infinity;
    /// saturates at the `Int64` bounds for instants too far away to fit.
    ///
    /// ```swift
    /// Instant(seconds: 1, nanoseconds: 999_999_999).epochMilliseconds  // 1999
    /// Instant(seconds: -1, nanoseconds: 999_999_999).epochMilliseconds // -1
    /// ```
    public var epochMilliseconds: Int64 {
        let millis = Int64(nanoseconds / 1_000_000)
        if seconds < 0 && millis > 0 {
            // Borrow a second first so that the product cannot overflow where the sum would not.
            return Civil.saturatingAdd(Civil.saturatingMultiply(seconds + 1, 1000), millis - 1000)
        }
        return Civil.saturatingAdd(Civil.saturatingMultiply(seconds, 1000), millis)
    }

    /// The instant `seconds` seconds later (earlier when negative), keeping the
    /// nanoseconds; saturates at the `Int64` bounds instead of overflowing.
    ///
    /// ```swift
    /// Instant.unixEpoch.adding(seconds: 86_400)  // 1970-01-02T00:00:00Z
    /// ```
    public func adding(seconds: Int64) -> Instant {
        Instant(validSeconds: Civil.saturatingAdd(self.seconds, seconds), nanoseconds: nanoseconds)
    }

    /// The wall-clock date and time at a fixed UTC offset: this instant plus
    /// the offset. Clamped to ``PlainDateTime/min``...``PlainDateTime/max``.
    ///
    /// ```swift
    /// Instant(seconds: 1_710_057_600).plainDateTime(at: UTCOffset(hours: -5)!)
    /// // 2024-03-10T03:00:00
    /// ```
    public func plainDateTime(at offset: UTCOffset) -> PlainDateTime {
        PlainDateTime(localEpochSeconds: Civil.saturatingAdd(seconds, Int64(offset.seconds)), nanosecond: nanoseconds)
    }

    /// Chronological order.
    ///
    /// ```swift
    /// Instant(seconds: -1, nanoseconds: 999_999_999) < .unixEpoch  // true
    /// ```
    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.seconds != rhs.seconds ? lhs.seconds < rhs.seconds : lhs.nanoseconds < rhs.nanoseconds
    }

    /// The ISO 8601 UTC form `YYYY-MM-DDTHH:MM:SSZ`, with a fraction of 3, 6
    /// or 9 digits only when ``nanoseconds`` is not zero. Instants outside
    /// ``min``...``max`` print as the clamped bound.
    ///
    /// ```swift
    /// "\(Instant(seconds: 1_710_057_600))"                             // "2024-03-10T08:00:00Z"
    /// "\(Instant(seconds: 1_710_057_600, nanoseconds: 123_456_789))"   // "2024-03-10T08:00:00.123456789Z"
    /// ```
    public var description: String {
        ISO8601.string(capacity: ISO8601.maxInstantLength) { buffer in
            ISO8601.writeInstant(self, into: buffer)
        }
    }
}
