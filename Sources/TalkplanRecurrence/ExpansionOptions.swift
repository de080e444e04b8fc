/// What RFC 5545 lets an expansion decide, and how much work it may do.
///
/// ```swift
/// var options = ExpansionOptions()
/// options.nonexistentTimes = .skip          // the RFC 2445 reading
/// options.limits.maximumOccurrences = 5000
/// ```
public struct ExpansionOptions: Hashable, Sendable {
    /// What happens to an occurrence whose wall time does not exist (a DST gap).
    ///
    /// ```swift
    /// options.nonexistentTimes = .skip
    /// ```
    public var nonexistentTimes: NonexistentTimePolicy = .shiftForward
    /// Bounds on the work one expansion may do.
    ///
    /// ```swift
    /// options.limits.maximumOccurrences = 10_000
    /// ```
    public var limits = RecurrenceLimits()
    /// Whether occurrences cancelled by a `RECURRENCE-ID` override are reported (flagged
    /// ``Occurrence/isCancelled``) instead of left out.
    ///
    /// ```swift
    /// options.includeCancelled = true   // the planner shows them struck out
    /// ```
    public var includeCancelled = false

    /// The defaults: shift nonexistent times forward, default limits, no cancelled occurrences.
    ///
    /// ```swift
    /// ExpansionOptions().nonexistentTimes  // .shiftForward
    /// ```
    public init() {}
}
