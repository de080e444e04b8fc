/// A wall-clock time of day with nanosecond precision, with no date and no
/// time zone. There are no leap seconds: seconds run `0...59`.
///
/// ```swift
/// let time = PlainTime(hour: 8, minute: 30)!
/// time.secondOfDay  // 30600
/// "\(time)"         // "08:30:00"
/// ```
public struct PlainTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The hour, `0...23`.
    ///
    /// ```swift
    /// PlainTime(hour: 23, minute: 5)!.hour  // 23
    /// ```
    public let hour: UInt8
    /// The minute, `0...59`.
    ///
    /// ```swift
    /// PlainTime(hour: 23, minute: 5)!.minute  // 5
    /// ```
    public let minute: UInt8
    /// The second, `0...59`.
    ///
    /// ```swift
    /// PlainTime(hour: 23, minute: 5, second: 9)!.second  // 9
    /// ```
    public let second: UInt8
    /// The fraction of the second in nanoseconds, `0...999_999_999`.
    ///
    /// ```swift
    /// PlainTime(hour: 0, minute: 0, nanosecond: 500_000_000)!.nanosecond  // 500000000
    /// ```
    public let nanosecond: Int32

    /// The start of the day, `00:00:00`.
    ///
    /// ```swift
    /// PlainTime.midnight.secondOfDay  // 0
    /// ```
    public static let midnight = PlainTime(unchecked: 0, 0, 0, 0)

    /// The last representable instant of the day, `23:59:59.999999999`.
    ///
    /// ```swift
    /// "\(PlainTime.max)"  // "23:59:59.999999999"
    /// ```
    public static let max = PlainTime(unchecked: 23, 59, 59, 999_999_999)

    @inline(__always)
    init(unchecked hour: UInt8, _ minute: UInt8, _ second: UInt8, _ nanosecond: Int32) {
        self.hour = hour
        self.minute = minute
        self.second = second
        self.nanosecond = nanosecond
    }

    /// Creates a time, or `nil` unless `hour` is `0...23`, `minute` and
    /// `second` are `0...59` and `nanosecond` is `0...999_999_999`.
    /// Leap seconds (`second == 60`) and `24:00` are rejected.
    ///
    /// ```swift
    /// PlainTime(hour: 14, minute: 45, second: 10)  // 14:45:10
    /// PlainTime(hour: 24, minute: 0)               // nil
    /// PlainTime(hour: 23, minute: 59, second: 60)  // nil
    /// ```
    public init?(hour: Int, minute: Int, second: Int = 0, nanosecond: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second),
              (0..<1_000_000_000).contains(nanosecond) else { return nil }
        self.init(unchecked: UInt8(hour), UInt8(minute), UInt8(second), Int32(nanosecond))
    }

    /// Creates a time, throwing a ``TimeError`` that explains which field is
    /// out of range.
    ///
    /// ```swift
    /// try PlainTime.checked(hour: 23, minute: 59, second: 60)
    /// // throws "invalid time 23:59:60: leap seconds are not supported"
    /// ```
    public static func checked(hour: Int, minute: Int, second: Int = 0, nanosecond: Int = 0) throws(TimeError) -> PlainTime {
        guard let time = PlainTime(hour: hour, minute: minute, second: second, nanosecond: nanosecond) else {
            throw TimeError.invalidTime(hour: hour, minute: minute, second: second, nanosecond: nanosecond)
        }
        return time
    }

    /// Creates the time `secondOfDay` seconds after midnight, or `nil` unless
    /// `secondOfDay` is `0..<86_400` and `nanosecond` is `0...999_999_999`.
    ///
    /// ```swift
    /// PlainTime(secondOfDay: 3_661)   // 01:01:01
    /// PlainTime(secondOfDay: 86_400)  // nil
    /// ```
    public init?(secondOfDay: Int, nanosecond: Int = 0) {
        guard (0..<86_400).contains(secondOfDay), (0..<1_000_000_000).contains(nanosecond) else { return nil }
        self.init(uncheckedSecondOfDay: secondOfDay, nanosecond: Int32(nanosecond))
    }

    @inline(__always)
    init(uncheckedSecondOfDay secondOfDay: Int, nanosecond: Int32) {
        self.init(unchecked: UInt8(truncatingIfNeeded: secondOfDay / 3600),
                  UInt8(truncatingIfNeeded: secondOfDay / 60 % 60),
                  UInt8(truncatingIfNeeded: secondOfDay % 60), nanosecond)
    }

    /// Seconds since midnight, `0..<86_400`; the nanoseconds are dropped.
    ///
    /// ```swift
    /// PlainTime(hour: 1, minute: 1, second: 1, nanosecond: 900)!.secondOfDay  // 3661
    /// ```
    public var secondOfDay: Int {
        Int(hour) * 3600 + Int(minute) * 60 + Int(second)
    }

    /// Nanoseconds since midnight, `0..<86_400_000_000_000`.
    ///
    /// ```swift
    /// PlainTime(hour: 0, minute: 0, second: 1, nanosecond: 5)!.nanosecondOfDay  // 1000000005
    /// ```
    public var nanosecondOfDay: Int64 {
        Int64(secondOfDay) * 1_000_000_000 + Int64(nanosecond)
    }

    /// Chronological order within a day.
    ///
    /// ```swift
    /// PlainTime.midnight < PlainTime(hour: 0, minute: 0, nanosecond: 1)!  // true
    /// ```
    public static func < (lhs: PlainTime, rhs: PlainTime) -> Bool {
        (lhs.hour, lhs.minute, lhs.second, lhs.nanosecond) < (rhs.hour, rhs.minute, rhs.second, rhs.nanosecond)
    }

    /// The ISO 8601 form `HH:MM:SS`, followed by a fraction of 3, 6 or 9
    /// digits only when ``nanosecond`` is not zero.
    ///
    /// ```swift
    /// "\(PlainTime(hour: 8, minute: 0)!)"                          // "08:00:00"
    /// "\(PlainTime(hour: 8, minute: 0, nanosecond: 120_000_000)!)" // "08:00:00.120"
    /// "\(PlainTime(hour: 8, minute: 0, nanosecond: 1_500)!)"       // "08:00:00.000001500"
    /// ```
    public var description: String {
        ISO8601.string(capacity: ISO8601.maxTimeLength) { ISO8601.writeTime(self, to: $0, at: 0) }
    }
}
