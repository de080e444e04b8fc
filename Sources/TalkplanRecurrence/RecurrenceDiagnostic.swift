/// Why an expansion stopped before its natural end (`COUNT`, `UNTIL`, the window).
///
/// ```swift
/// var iterator = try rule.occurrences(from: start).makeIterator()
/// while let occurrence = iterator.next() { ... }
/// if let stop = iterator.diagnostic { print(stop.message) }
/// // "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31 has no occurrence in 400 consecutive periods after 2025-01-01T09:00:00; the calendar repeats every 400 years, so it never will"
/// ```
public struct RecurrenceDiagnostic: Hashable, Sendable, CustomStringConvertible {
    /// Which bound was reached.
    ///
    /// ```swift
    /// iterator.diagnostic?.reason == .neverMatches
    /// ```
    public enum Reason: String, Hashable, Sendable {
        /// The rule can provably never produce another occurrence.
        case neverMatches
        /// ``RecurrenceLimits/maximumIdleSteps`` steps went by without an occurrence.
        case idleLimit
        /// ``RecurrenceLimits/maximumOccurrences`` occurrences were produced.
        case occurrenceLimit
        /// Counting `COUNT` from the start to the window took more than ``RecurrenceLimits/maximumCountingSteps``.
        case countingLimit
        /// The next occurrence would be after +999999-12-31, the last date talkplan represents.
        case beyondRange
    }

    /// Which bound was reached.
    ///
    /// ```swift
    /// diagnostic.reason  // .occurrenceLimit
    /// ```
    public let reason: Reason
    /// A lower-case explanation naming the rule and the values involved.
    ///
    /// ```swift
    /// diagnostic.message  // "stopped after 1000000 occurrences (the limit); ask for a narrower window"
    /// ```
    public let message: String

    /// Creates a diagnostic.
    ///
    /// ```swift
    /// RecurrenceDiagnostic(reason: .idleLimit, message: "FREQ=SECONDLY;... produced no occurrence in 5000000 steps; stopped")
    /// ```
    public init(reason: Reason, message: String) {
        self.reason = reason
        self.message = message
    }

    /// The ``message``.
    ///
    /// ```swift
    /// "\(diagnostic)"  // same as diagnostic.message
    /// ```
    public var description: String { message }
}
