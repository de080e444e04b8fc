import TalkplanTime

extension RecurrenceRule {
    /// The occurrences of this rule alone from a start, lazily, in order of instants.
    ///
    /// Only times the rule generates are included: a `DTSTART` that does not match the
    /// rule is not (use a ``RecurrenceSet``, where `DTSTART` is always the first instance,
    /// as RFC 5545 says). Throws when the rule cannot be expanded from this start (a value
    /// out of range, or a sub-daily rule with an all-day start).
    ///
    /// ```swift
    /// let newYork = try Zone("America/New_York")
    /// let start = RecurrenceStart.zoned(PlainDateTime(year: 1997, month: 9, day: 2, hour: 9)!, in: newYork)
    /// let rule = try RecurrenceRule(parsing: "FREQ=DAILY;COUNT=10")
    /// for occurrence in try rule.occurrences(from: start) {
    ///     print(occurrence.isoLocalStart)   // 1997-09-02T09:00:00-04:00 … 1997-09-11T09:00:00-04:00
    /// }
    /// ```
    public func occurrences(from start: RecurrenceStart, options: ExpansionOptions = ExpansionOptions()) throws(RecurrenceError) -> RuleOccurrences {
        let plan = try RulePlan(rule: self, start: start.dateTime, isAllDay: start.isAllDay)
        return RuleOccurrences(rule: self, plan: plan, start: start, options: options, window: nil)
    }
}

/// The occurrences of one rule from a start: a lazy sequence in order of instants,
/// optionally limited to a window `[from, to)` of start instants.
///
/// Asking for a window far from the start does not walk the periods in between when
/// it can jump: a daily rule started in 1990 goes straight to the window's day. With
/// `COUNT`, the occurrences before the window must be counted; they are counted a
/// period at a time without being built.
///
/// ```swift
/// let week = try rule.occurrences(from: start).window(from: monday, to: nextMonday)
/// let starts = week.map(\.start)
/// ```
public struct RuleOccurrences: Sequence, Sendable {
    let rule: RecurrenceRule
    let plan: RulePlan
    let start: RecurrenceStart
    let options: ExpansionOptions
    let window: (from: Instant?, to: Instant?)?

    init(rule: RecurrenceRule, plan: RulePlan, start: RecurrenceStart, options: ExpansionOptions,
         window: (from: Instant?, to: Instant?)?) {
        self.rule = rule
        self.plan = plan
        self.start = start
        self.options = options
        self.window = window
    }

    /// The occurrences starting in `[from, to)`; either bound may be `nil` (open).
    ///
    /// ```swift
    /// try rule.occurrences(from: start).window(from: try Instant(iso8601: "2026-03-02T00:00:00Z"), to: nil)
    /// ```
    public func window(from: Instant?, to: Instant?) -> RuleOccurrences {
        RuleOccurrences(rule: rule, plan: plan, start: start, options: options, window: (from, to))
    }

    /// A fresh iterator from the beginning of the window.
    ///
    /// ```swift
    /// var iterator = try rule.occurrences(from: start).makeIterator()
    /// ```
    public func makeIterator() -> Iterator {
        Iterator(self)
    }

    /// Iterates the occurrences; after the end, ``diagnostic`` says whether a limit stopped it.
    ///
    /// ```swift
    /// while let occurrence = iterator.next() { print(occurrence.isoLocalStart) }
    /// ```
    public struct Iterator: IteratorProtocol {
        private let engine: RuleEngine
        private let start: RecurrenceStart
        private let from: Instant?
        private let to: Instant?
        private let maximum: Int
        private var produced = 0
        private var ended = false
        private var stop: RecurrenceDiagnostic?

        init(_ sequence: RuleOccurrences) {
            start = sequence.start
            from = sequence.window?.from
            to = sequence.window?.to
            maximum = sequence.options.limits.maximumOccurrences
            engine = RuleEngine(rule: sequence.rule, plan: sequence.plan, start: sequence.start, options: sequence.options)
            if let from { engine.seek(toLocal: RuleEngine.seekTarget(from: from, margin: RuleEngine.offsetBound * 2)) }
        }

        /// Periods examined so far (for tests of how much work a window takes).
        var steps: Int { engine.steps }

        /// Why the expansion stopped early (a limit), or `nil`.
        ///
        /// ```swift
        /// iterator.diagnostic?.reason  // .neverMatches for FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31
        /// ```
        public var diagnostic: RecurrenceDiagnostic? { stop ?? engine.diagnostic }

        /// The next occurrence, by start; `nil` at the end.
        ///
        /// ```swift
        /// iterator.next()?.isoLocalStart  // "1997-09-02T09:00:00-04:00"
        /// ```
        public mutating func next() -> Occurrence? {
            guard !ended else { return nil }
            while let instance = engine.next() {
                let instant = Instant(seconds: instance.instant)
                if let from, instant < from { continue }
                if let to, instant >= to { break }
                if produced >= maximum {
                    stop = RecurrenceDiagnostic(reason: .occurrenceLimit,
                                                message: "stopped after \(maximum) occurrences (the limit); ask for a narrower window")
                    break
                }
                produced += 1
                return Occurrence(start: instant, end: nil, zone: start.zone, offset: UTCOffset(seconds: instance.offset) ?? .zero,
                                  isAllDay: start.isAllDay, recurrenceID: instant, origin: .rule(0))
            }
            ended = true
            return nil
        }
    }
}
