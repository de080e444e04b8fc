/// A fixed difference between local wall-clock time and UTC, in whole seconds.
///
/// Positive offsets are east of Greenwich: local time = UTC + offset. The
/// magnitude is always below one day (`|seconds| < 86_400`).
///
/// ```swift
/// let newYork = UTCOffset(hours: -5)!
/// newYork.seconds        // -18000
/// "\(newYork)"           // "-05:00"
/// ```
public struct UTCOffset: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The offset in seconds, east of UTC positive; `-86_399...86_399`.
    ///
    /// ```swift
    /// UTCOffset(hours: 5, minutes: 30)!.seconds  // 19800
    /// ```
    public let seconds: Int32

    /// The largest magnitude an offset may have, in seconds (one day minus one second).
    ///
    /// ```swift
    /// UTCOffset(seconds: UTCOffset.maxMagnitude)  // +23:59:59
    /// ```
    public static let maxMagnitude: Int32 = 86_399

    /// The zero offset, UTC itself.
    ///
    /// ```swift
    /// "\(UTCOffset.zero)"  // "+00:00"
    /// ```
    public static let zero = UTCOffset(unchecked: 0)

    @inline(__always)
    init(unchecked seconds: Int32) {
        self.seconds = seconds
    }

    /// Creates an offset of `seconds` seconds; `nil` unless `|seconds| < 86_400`.
    ///
    /// This is also the way to spell offsets between −1 and 0 hours, whose sign
    /// cannot be carried by the hours field.
    ///
    /// ```swift
    /// UTCOffset(seconds: -1800)   // -00:30
    /// UTCOffset(seconds: 86_400)  // nil
    /// ```
    public init?(seconds: Int32) {
        guard seconds > -86_400, seconds < 86_400 else { return nil }
        self.seconds = seconds
    }

    /// Creates an offset from hours, minutes and seconds; the sign comes from
    /// `hours`, so `minutes` and `seconds` must be in `0...59` and `hours` in
    /// `-23...23`. Returns `nil` otherwise.
    ///
    /// ```swift
    /// UTCOffset(hours: -3, minutes: 30)              // -03:30
    /// UTCOffset(hours: 0, minutes: 53, seconds: 28)  // +00:53:28
    /// UTCOffset(hours: 2, minutes: 60)               // nil
    /// ```
    public init?(hours: Int, minutes: Int = 0, seconds: Int = 0) {
        guard (-23...23).contains(hours), (0...59).contains(minutes), (0...59).contains(seconds) else {
            return nil
        }
        let magnitude = Int32(hours.magnitude) * 3600 + Int32(minutes) * 60 + Int32(seconds)
        self.seconds = hours < 0 ? -magnitude : magnitude
    }

    /// The whole hours of the offset, carrying its sign (0 for offsets under an hour).
    ///
    /// ```swift
    /// UTCOffset(seconds: -12_600)!.hours  // -3  (for -03:30)
    /// ```
    public var hours: Int { Int(seconds / 3600) }

    /// The minutes past the hour of the offset's magnitude, `0...59`.
    ///
    /// ```swift
    /// UTCOffset(seconds: -12_600)!.minutes  // 30  (for -03:30)
    /// ```
    public var minutes: Int { Int(seconds.magnitude / 60 % 60) }

    /// The seconds past the minute of the offset's magnitude, `0...59`.
    ///
    /// ```swift
    /// UTCOffset(seconds: 21_208)!.secondsComponent  // 28  (for +05:53:28)
    /// ```
    public var secondsComponent: Int { Int(seconds.magnitude % 60) }

    /// Orders offsets from west (most negative) to east.
    ///
    /// ```swift
    /// UTCOffset(hours: -5)! < .zero  // true
    /// ```
    public static func < (lhs: UTCOffset, rhs: UTCOffset) -> Bool {
        lhs.seconds < rhs.seconds
    }

    /// The ISO 8601 extended form: `±HH:MM`, or `±HH:MM:SS` when the offset
    /// has a seconds component. UTC is `+00:00`, never `Z`.
    ///
    /// ```swift
    /// "\(UTCOffset(hours: 2)!)"                          // "+02:00"
    /// "\(UTCOffset(hours: 5, minutes: 53, seconds: 28)!)" // "+05:53:28"
    /// ```
    public var description: String {
        ISO8601.string(capacity: ISO8601.maxOffsetLength) { ISO8601.writeOffset(self, to: $0, at: 0) }
    }
}
