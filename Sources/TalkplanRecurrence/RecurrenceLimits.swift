/// Bounds on the work of one expansion, so that no rule can run away.
///
/// Unbounded rules are fine (expansion is lazy); these bounds stop rules that would
/// never produce anything, or produce far more than anyone can use, and say why in a
/// ``RecurrenceDiagnostic``.
///
/// ```swift
/// RecurrenceLimits().maximumOccurrences   // 1000000
/// RecurrenceLimits().maximumIdleSteps     // 5000000
/// ```
public struct RecurrenceLimits: Hashable, Sendable {
    /// The most occurrences one expansion yields (`FREQ=SECONDLY` over a century would be
    /// three billion). Default 1,000,000.
    ///
    /// ```swift
    /// limits.maximumOccurrences = 5000
    /// ```
    public var maximumOccurrences = 1_000_000
    /// The most steps (a period examined, or a jump over a day, hour or minute that a
    /// filter excludes) one rule may take without producing an occurrence. Default
    /// 5,000,000 (a fraction of a second). Independently, a `DAILY` or longer rule (or any
    /// rule whose whole 400-year Gregorian cycle of periods has been seen) that has had
    /// no candidate for a whole cycle stops at once: it never will; and a sub-daily rule
    /// none of whose days in a whole cycle passes its day filters stops after 100,000 empty
    /// periods.
    ///
    /// ```swift
    /// limits.maximumIdleSteps = 100_000
    /// ```
    public var maximumIdleSteps = 5_000_000
    /// The most periods counted from `DTSTART` to reach a window when the rule has
    /// `COUNT` (periods are counted without building their occurrences, and with
    /// arithmetic where every period has the same number). Default 20,000,000.
    ///
    /// ```swift
    /// limits.maximumCountingSteps = 1_000_000
    /// ```
    public var maximumCountingSteps = 20_000_000

    /// The defaults.
    ///
    /// ```swift
    /// var limits = RecurrenceLimits()
    /// limits.maximumOccurrences = 10
    /// ```
    public init() {}
}
