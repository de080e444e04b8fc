extension RecurrenceRule {
    /// Throws when a part holds a value RFC 5545 does not allow, naming the part
    /// and the value. ``init(parsing:)`` runs it; expansion runs it on rules built in code.
    ///
    /// ```swift
    /// var rule = RecurrenceRule(frequency: .yearly)
    /// rule.byWeekNo = [54]
    /// try rule.check()   // throws "BYWEEKNO=54 is out of range (1…53 or -53…-1)"
    /// ```
    public func check() throws(RecurrenceError) {
        if interval < 1 { throw RecurrenceError(message: "INTERVAL=\(interval) is not a positive integer") }
        if interval > Self.maximumInterval {
            throw RecurrenceError(message: "INTERVAL=\(interval) is too large (at most \(Self.maximumInterval))")
        }
        if let count, count < 1 { throw RecurrenceError(message: "COUNT=\(count) is not a positive integer") }
        try Self.range("BYSECOND", bySecond, 0...60)
        try Self.range("BYMINUTE", byMinute, 0...59)
        try Self.range("BYHOUR", byHour, 0...23)
        try Self.signedRange("BYMONTHDAY", byMonthDay, 31)
        try Self.signedRange("BYYEARDAY", byYearDay, 366)
        try Self.signedRange("BYWEEKNO", byWeekNo, 53)
        try Self.range("BYMONTH", byMonth, 1...12)
        try Self.signedRange("BYSETPOS", bySetPos, 366)
        for entry in byDay {
            if let ordinal = entry.ordinal, ordinal == 0 || !(-53...53).contains(ordinal) {
                throw RecurrenceError(message: "BYDAY=\(entry) is out of range (ordinals 1…53 or -53…-1)")
            }
        }
    }

    /// The largest `INTERVAL` accepted: a billion periods.
    ///
    /// ```swift
    /// RecurrenceRule.maximumInterval  // 1000000000
    /// ```
    public static let maximumInterval = 1_000_000_000

    private static func range(_ name: String, _ values: [Int], _ allowed: ClosedRange<Int>) throws(RecurrenceError) {
        for value in values where !allowed.contains(value) {
            throw RecurrenceError(message: "\(name)=\(value) is out of range (\(allowed.lowerBound)…\(allowed.upperBound))")
        }
    }

    private static func signedRange(_ name: String, _ values: [Int], _ limit: Int) throws(RecurrenceError) {
        for value in values where value == 0 || value > limit || value < -limit {
            throw RecurrenceError(message: "\(name)=\(value) is out of range (1…\(limit) or -\(limit)…-1)")
        }
    }

    /// Where the rule departs from what RFC 5545 §3.3.10 allows but can still be
    /// expanded, and how it is read. Empty for a conforming rule.
    ///
    /// - A part the RFC's table marks N/A for the frequency (`BYWEEKNO` other than
    ///   with `YEARLY`, `BYYEARDAY` with `DAILY`/`WEEKLY`/`MONTHLY`, `BYMONTHDAY` with
    ///   `WEEKLY`) limits the days, as python-dateutil does.
    /// - A `BYDAY` ordinal outside `MONTHLY`/`YEARLY` is ignored (every such weekday).
    /// - `COUNT` with `UNTIL`: the rule ends at whichever comes first.
    /// - `BYSETPOS` without another `BY` part selects within the set the start implies.
    ///
    /// ```swift
    /// try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=1MO").conformanceWarnings
    /// // ["BYDAY=1MO: an ordinal needs FREQ=MONTHLY or YEARLY (RFC 5545 §3.3.10); read as every MO"]
    /// ```
    public var conformanceWarnings: [String] {
        var warnings: [String] = []
        let reference = "(RFC 5545 §3.3.10)"
        if count != nil && until != nil {
            warnings.append("COUNT and UNTIL are both given \(reference); the rule ends at whichever comes first")
        }
        if !byWeekNo.isEmpty && frequency != .yearly {
            warnings.append("BYWEEKNO needs FREQ=YEARLY \(reference); read as a limit on the days")
        }
        if !byYearDay.isEmpty && [.daily, .weekly, .monthly].contains(frequency) {
            warnings.append("BYYEARDAY is not allowed with FREQ=\(frequency) \(reference); read as a limit on the days")
        }
        if !byMonthDay.isEmpty && frequency == .weekly {
            warnings.append("BYMONTHDAY is not allowed with FREQ=WEEKLY \(reference); read as a limit on the days")
        }
        for entry in byDay where entry.ordinal != nil {
            if frequency != .monthly && frequency != .yearly {
                warnings.append("BYDAY=\(entry): an ordinal needs FREQ=MONTHLY or YEARLY \(reference); read as every \(Self.weekdayCode(entry.weekday))")
            } else if frequency == .yearly && !byWeekNo.isEmpty {
                warnings.append("BYDAY=\(entry): an ordinal is not allowed with BYWEEKNO \(reference); counted within the year")
            }
        }
        let otherParts = [bySecond.isEmpty, byMinute.isEmpty, byHour.isEmpty, byDay.isEmpty, byMonthDay.isEmpty,
                          byYearDay.isEmpty, byWeekNo.isEmpty, byMonth.isEmpty]
        if !bySetPos.isEmpty && otherParts.allSatisfy({ $0 }) {
            warnings.append("BYSETPOS needs another BY part \(reference); it selects within the one occurrence per period the start implies")
        }
        return warnings
    }
}
