import TalkplanTime

/// A whole recurring series as RFC 5545 §3.8.5 defines it: `DTSTART`, `RRULE`s, `RDATE`s,
/// `EXDATE`s, and the `RECURRENCE-ID` components that move or cancel instances.
///
/// The recurrence set is `DTSTART` together with every time the rules and dates
/// generate, without duplicates (by instant), minus the exclusions; overrides then
/// replace the instances they name. Occurrences come out lazily, in order of start.
///
/// ```swift
/// let santiago = try Zone("America/Santiago")
/// var seminar = RecurrenceSet(start: .zoned(PlainDateTime(year: 2024, month: 3, day: 1, hour: 15)!, in: santiago))
/// seminar.duration = .exact(seconds: 3600)
/// seminar.rules = [try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=FR;COUNT=12")]
/// seminar.exclusions = [.zoned(PlainDateTime(year: 2024, month: 3, day: 29, hour: 15)!, santiago)]  // Good Friday
/// seminar.overrides = [RecurrenceOverride(
///     recurrenceID: .zoned(PlainDateTime(year: 2024, month: 4, day: 12, hour: 15)!, santiago),
///     start: .zoned(PlainDateTime(year: 2024, month: 4, day: 11, hour: 16)!, santiago))]
/// for occurrence in try seminar.occurrences() {
///     print(occurrence.start(in: try Zone("America/Chicago")).isoString)
/// }
/// ```
public struct RecurrenceSet: Hashable, Sendable {
    /// `DTSTART`, and the zone the series is expanded in.
    ///
    /// ```swift
    /// seminar.start.zone.identifier  // "America/Santiago"
    /// ```
    public var start: RecurrenceStart
    /// How long each occurrence lasts, when known (from `DTEND` or `DURATION`).
    ///
    /// ```swift
    /// seminar.duration = .exact(seconds: 3600)   // DTEND an hour after DTSTART
    /// ```
    public var duration: RecurrenceDuration?
    /// The `RRULE`s (RFC 5545 says one; several are the union).
    ///
    /// ```swift
    /// seminar.rules = [try RecurrenceRule(parsing: "FREQ=WEEKLY;BYDAY=FR")]
    /// ```
    public var rules: [RecurrenceRule]
    /// The `RDATE`s.
    ///
    /// ```swift
    /// seminar.dates = [RecurrenceDate(.utc(try Instant(iso8601: "2024-07-10T18:00:00Z")))]
    /// ```
    public var dates: [RecurrenceDate]
    /// The `EXDATE`s: an instance is excluded when its start is the same instant as one
    /// of these (whatever their zone), or, for a date, when it starts on that date.
    ///
    /// ```swift
    /// seminar.exclusions = [.date(PlainDate(year: 2024, month: 9, day: 20)!)]   // no seminar that day
    /// ```
    public var exclusions: [RecurrenceTime]
    /// The `RECURRENCE-ID` overrides.
    ///
    /// ```swift
    /// seminar.overrides = [RecurrenceOverride(recurrenceID: .utc(try Instant(iso8601: "2024-04-19T19:00:00Z")), isCancelled: true)]
    /// ```
    public var overrides: [RecurrenceOverride]
    /// Whether `DTSTART` is an instance even when no rule generates it (RFC 5545: it is
    /// "the first instance"). `false` gives the behaviour of rrule libraries, which yield
    /// only what the rules generate.
    ///
    /// ```swift
    /// seminar.includesStart = false
    /// ```
    public var includesStart: Bool

    /// A series from its parts.
    ///
    /// ```swift
    /// RecurrenceSet(start: .utc(.unixEpoch), rules: [try RecurrenceRule(parsing: "FREQ=DAILY;COUNT=3")])
    /// ```
    public init(start: RecurrenceStart, duration: RecurrenceDuration? = nil, rules: [RecurrenceRule] = [],
                dates: [RecurrenceDate] = [], exclusions: [RecurrenceTime] = [], overrides: [RecurrenceOverride] = [],
                includesStart: Bool = true) {
        self.start = start
        self.duration = duration
        self.rules = rules
        self.dates = dates
        self.exclusions = exclusions
        self.overrides = overrides
        self.includesStart = includesStart
    }

    /// The occurrences starting in `[from, to)` (either bound `nil` for open), lazily, by start.
    /// Throws when a rule cannot be expanded from this start.
    ///
    /// ```swift
    /// let week = try seminar.occurrences(from: try Instant(iso8601: "2026-03-02T00:00:00Z"),
    ///                                    to: try Instant(iso8601: "2026-03-09T00:00:00Z"))
    /// ```
    public func occurrences(from: Instant? = nil, to: Instant? = nil,
                            options: ExpansionOptions = ExpansionOptions()) throws(RecurrenceError) -> RecurrenceOccurrences {
        var plans: [RulePlan] = []
        for rule in rules { plans.append(try RulePlan(rule: rule, start: start.dateTime, isAllDay: start.isAllDay)) }
        return RecurrenceOccurrences(set: self, plans: plans, from: from, to: to, options: options)
    }

    /// Where the series departs from RFC 5545 but is still expanded, rule by rule.
    ///
    /// ```swift
    /// set.conformanceWarnings  // ["RRULE 1: BYDAY=1MO: an ordinal needs FREQ=MONTHLY or YEARLY ..."]
    /// ```
    public var conformanceWarnings: [String] {
        var warnings: [String] = []
        for (index, rule) in rules.enumerated() {
            let prefix = rules.count > 1 ? "RRULE \(index + 1): " : ""
            warnings += rule.conformanceWarnings.map { prefix + $0 }
            if start.isAllDay && !(rule.byHour.isEmpty && rule.byMinute.isEmpty && rule.bySecond.isEmpty) {
                warnings.append(prefix + "BYHOUR, BYMINUTE and BYSECOND are ignored for an all-day start (RFC 5545 §3.3.10)")
            }
        }
        if rules.count > 1 { warnings.append("several RRULEs: RFC 5545 §3.8.5.3 leaves this undefined; their union is used") }
        return warnings
    }
}
